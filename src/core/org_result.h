#pragma once
// An organization's results of a year (issue 22): its quality rating — its own self-assessment
// (a score out of 100, the share of its tasks done late and beyond what was asked, whether a
// unit below it or a member of its committee was disciplined) and the decision of the standing
// committee directly above — and the emulation titles it registered for and the committee above
// recognized or not. Appended and never edited; a mistake is cancelled by a record of its own.
// Quy định 366-QĐ/TW, Điều 11 for collectives (UNCONFIRMED wording; core/rating_rules.h).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/org.h"
#include "core/org_tree.h"
#include "core/rating.h"
#include "core/rating_rules.h"
#include "core/result.h"

namespace dangvu {

// What an org's category rests on.
struct OrgRatingFacts {
  int score = 0;                    // tenths
  int tasks_late_percent = 0;       // of its tasks, done late
  int tasks_exceeding_percent = 0;  // of its tasks, done beyond what was asked
  bool disciplined = false;         // a unit below it or a member of its committee, in the year
};
// "Xuất sắc": the score, no task late, enough beyond what was asked, nobody disciplined; "tốt":
// the score and no task late; "hoàn thành": the score and few late; else "không hoàn thành".
RatingCategory org_category_for(const OrgRatingFacts& f, const RatingRules& rules);
// Refuses (rule rating.category) a category other than the one the facts give, saying why.
Status check_org_rating_category(RatingCategory proposed, const OrgRatingFacts& f,
                                 const RatingRules& rules, const std::string& field);

// The standing committee directly above `org` on the tree's day, which rates it and recognizes
// its titles: the nearest committee (grassroots or upper) above it, past a cluster (cụm thi
// đua is no committee). None for the top.
std::optional<OrgId> committee_above(const OrgTree& tree, OrgId org);

// Whether an org founded on `founded` is too new to be rated in the round ending on `round_end`.
bool org_too_new(Date founded, Date round_end, const RatingRules& rules);

using OrgResultId = std::int64_t;
inline constexpr std::string_view kRatingSubject = "rating";  // else an emulation title's code

enum class OrgResultStep {
  proposal,      // the org's self-assessment (rating) or registration (a title)
  decision,      // the committee above's decision: a category, or recognized or not
  cancellation,  // undoes the record it names
};
std::string_view to_string(OrgResultStep s);
std::optional<OrgResultStep> parse_org_result_step(std::string_view text);

struct OrgResultRecord {
  OrgResultId id = 0;  // 0 until stored; the order of recording
  OrgId org = 0;
  int year = 0;
  std::string subject;  // kRatingSubject or a title's code
  OrgResultStep step = OrgResultStep::proposal;
  std::optional<RatingCategory> category;  // rating: the proposal's and the decision's
  std::optional<int> score;                // rating proposal: tenths
  int tasks_late_percent = 0, tasks_exceeding_percent = 0;
  bool disciplined = false;
  bool recognized = false;  // a title's decision
  std::string decision_no;
  std::optional<Date> decided_on;
  std::optional<OrgId> decided_by;  // the org whose committee decided
  std::optional<OrgResultId> refers;
  std::string note;
  std::string recorded_at, recorded_by;
};

// An org's standing of one subject in a year (cancelled records left out): the latest proposal
// or registration, and the decision.
struct OrgResult {
  std::optional<OrgResultRecord> proposal, decision;
};
OrgResult org_result_of(const std::vector<OrgResultRecord>& records, int year,
                        std::string_view subject);
bool org_result_cancelled(const std::vector<OrgResultRecord>& records, OrgResultId id);

// The warning when "xuất sắc" exceeds the quota of those rated "hoàn thành tốt" among orgs.
std::optional<std::string> org_excellent_quota_warning(int excellent, int good,
                                                       const RatingRules& rules);

}  // namespace dangvu
