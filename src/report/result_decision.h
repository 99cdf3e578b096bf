#pragma once
// The decisions of a year's results, as the committee signs them (QUYẾT ĐỊNH): the quality rating
// of the members of a grassroots org, the quality rating of the orgs directly under a committee,
// and the recognition of an emulation title. The letterhead, the grounds (Điều lệ Đảng, Quy định
// 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW, the proposals), the articles with the counts, the signature
// and recipients; the list as its annex, one line each. Every row and count is the decision as
// recorded (or, before it is recorded, the proposals it will decide on: the number left blank).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/issuer.h"
#include "core/rating.h"
#include "report/document.h"

namespace dangvu::report {

struct DecisionHead {
  Issuer issuer;
  int year = 0;
  std::string decision_no;  // "45-QĐ/ĐU"; empty: a draft, the number left to fill
  Date dated;
};

struct MemberRatingLine {
  std::string name, branch;
  std::optional<int> score;  // tenths
  RatingCategory category = RatingCategory::completed;
};

struct MemberRatingDecisionInput {
  DecisionHead head;
  std::vector<MemberRatingLine> rows;
  std::map<NotRatedReason, int> not_rated;
};

Document build_member_rating_decision(const MemberRatingDecisionInput& in);

struct OrgResultLine {
  std::string org_name;
  std::optional<int> score;                // rating: tenths
  std::optional<RatingCategory> category;  // rating
  bool recognized = true;                  // a title
};

struct OrgDecisionDocInput {
  DecisionHead head;
  std::string title_label;  // empty: the rating of the orgs; else the emulation title's
  std::vector<OrgResultLine> rows;
};

Document build_org_decision(const OrgDecisionDocInput& in);

}  // namespace dangvu::report
