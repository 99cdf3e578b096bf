#pragma once
// What the use cases of organizations' results take and give (service/org_result_actions.cpp):
// an org's self-assessment for its rating, the committee above's decision for a list of orgs, a
// registration for an emulation title and the committee's recognition, a record cancelled, and
// the results of a subtree's orgs for a year.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/org_result.h"
#include "figures/year_results.h"

namespace dangvu::service {

// An org's self-assessment of the year: the proposal its committee above decides on.
struct OrgRatingInput {
  std::string org_code = {};
  int year = 0;
  std::string score = {};     // "92,5"
  std::string category = {};  // excellent, good, completed, not_completed
  int tasks_late_percent = 0;
  int tasks_exceeding_percent = 0;
  bool disciplined = false;  // a unit below or a member of its committee disciplined in the year
  std::string note = {};
};

// One org of a decision: its category (the proposal's when empty), or for a title whether it is
// recognized.
struct OrgDecisionItem {
  std::string org_code = {};
  std::string category = {};
  bool recognized = true;
};

// The decision of the committee of `org_code` on orgs directly under it: their rating (`title`
// empty) or an emulation title.
struct OrgDecisionInput {
  std::string org_code = {};
  int year = 0;
  std::string title = {};
  std::string decision_no = {}, decided_on = {};
  std::vector<OrgDecisionItem> orgs = {};
};

struct EmulationInput {
  std::string org_code = {};
  int year = 0;
  std::string title = {};
  std::string note = {};
};

struct OrgResultCancelInput {
  std::string org_code = {};
  long long record = 0;
  std::string reason = {};
};

struct OrgResultRowView {
  std::string org_code, org_name, parent_code;
  OrgKind kind = OrgKind::grassroots_branch;
  int depth = 0;                               // below the root
  std::string competent_code, competent_name;  // the committee above, which decides
  bool too_new = false;                        // founded less than the rule's months before
  figures::CategoryCounts members;             // its members' decisions, over its subtree
  figures::CategoryCounts orgs_below;          // the decisions on the orgs directly under it
  OrgResult rating;
  std::map<std::string, OrgResult> titles;       // by title code
  std::string decided_by_code, decided_by_name;  // the rating decision's org
};

struct OrgResultsView {
  std::string org_code, org_name;
  int year = 0;
  Date round_end, as_of;
  std::vector<OrgResultRowView> rows;  // the root, then the tree in order
  figures::YearResults results;
  int to_rate = 0, too_new = 0;  // orgs below the root
  std::optional<std::string> quota_warning;
};

// What a decision recorded, with the warning of the quota if exceeded.
struct OrgDecisionResult {
  std::vector<OrgResultId> ids;
  std::optional<std::string> quota_warning;
};

}  // namespace dangvu::service
