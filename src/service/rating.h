#pragma once
// What the quality rating use cases take and give (service/rating_actions.cpp): a member's
// self-assessment or the branch's proposal, the competent level's decision for a list, the
// round of an org's subtree for a year, a member's results across the years.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/rating.h"

namespace dangvu::service {

// A self-assessment or the branch's proposal for one member and year.
struct RatingInput {
  std::string member_code = {};
  int year = 0;
  std::string step = {};      // "self" or "proposal"
  std::string score = {};     // "89,5"
  std::string category = {};  // excellent, good, completed, not_completed
  bool tasks_on_time = true;  // every task done on time and well
  std::string note = {};
};

// One member of a decision: the category (the proposal's when empty).
struct RatingDecisionMember {
  std::string member_code = {};
  std::string category = {};
};

// The decision of the committee of `org_code` rating members of its org for a year.
struct RatingDecisionInput {
  std::string org_code = {};
  int year = 0;
  std::string decision_no = {}, decided_on = {};
  std::vector<RatingDecisionMember> members = {};
};

struct RatingCancelInput {
  std::string member_code = {};
  long long record = 0;
  std::string reason = {};
};

struct RatingRowView {
  std::string member_code, name, org_code, org_name;
  std::optional<NotRatedReason> not_rated;
  bool disciplined = false;
  MemberRating rating;
  std::string decided_by_code, decided_by_name;  // the decision's org
  std::string competent_code;                    // who decides this member's rating
};

struct RatingRoundView {
  std::string org_code, org_name;
  int year = 0;
  Date round_end, as_of;
  std::vector<RatingRowView> rows;  // by org code, then name
  int members = 0, to_rate = 0, decided = 0;
  std::map<RatingCategory, int> by_category;  // decided, by category
  std::map<NotRatedReason, int> not_rated;
  std::optional<std::string> quota_warning;
};

// What a decision recorded, with the warning of the quota if exceeded.
struct RatingDecisionResult {
  std::vector<RatingRecordId> ids;
  std::optional<std::string> quota_warning;
};

struct MemberRatingsView {
  std::string member_code, name;
  std::vector<RatingRecord> records;  // every record, in the order recorded
  std::vector<RatingRecordId> cancelled;
  std::map<int, MemberRating> by_year;  // the standing records of each year
};

}  // namespace dangvu::service
