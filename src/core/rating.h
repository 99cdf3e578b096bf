#pragma once
// The yearly quality rating of members (issue 22: đánh giá, xếp loại chất lượng đảng viên;
// Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW): the four categories, the category a score and its
// conditions allow (core/rating_rules.h holds the numbers), who is reviewed but not rated, and
// the records of a round — the member's self-assessment, the branch's proposal, the competent
// level's decision — appended and never edited; a mistake is cancelled by a record of its own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/dossier.h"
#include "core/member.h"
#include "core/org.h"
#include "core/rating_rules.h"
#include "core/result.h"

namespace dangvu {

enum class RatingCategory { excellent, good, completed, not_completed };
std::string_view to_string(RatingCategory c);
std::string_view label_vi(RatingCategory c);  // "Hoàn thành xuất sắc nhiệm vụ", …
std::optional<RatingCategory> parse_rating_category(std::string_view text);
inline constexpr RatingCategory kAllRatingCategories[] = {
    RatingCategory::excellent, RatingCategory::good, RatingCategory::completed,
    RatingCategory::not_completed};

// Why a member of the org is reviewed but not rated in a round.
enum class NotRatedReason { admitted_recently, exempt, suspended };
inline constexpr NotRatedReason kAllNotRatedReasons[] = {
    NotRatedReason::admitted_recently, NotRatedReason::exempt, NotRatedReason::suspended};
std::string_view to_string(NotRatedReason r);
std::string_view label_vi(NotRatedReason r);  // "Mới kết nạp chưa đủ 6 tháng", …

// A score out of 100 with at most one decimal ("89,9", "89.9", "90"), in tenths (899); refused
// naming `field` outside 0–100.
Result<int> parse_score(std::string_view text, const std::string& field);
std::string score_vi(int tenths);  // "89,9"; "90"

// What a category rests on: the score, whether every task was done on time and well (the
// condition of "xuất sắc" and "tốt"), and a disqualifying fact of the year (disciplined).
struct RatingFacts {
  int score = 0;  // tenths
  bool tasks_on_time = true;
  bool disciplined = false;
};
RatingCategory category_for(const RatingFacts& f, const RatingRules& rules);
// Refuses (rule rating.category) a category other than the one the facts give, saying why.
Status check_rating_category(RatingCategory proposed, const RatingFacts& f,
                             const RatingRules& rules, const std::string& field);

// Why a member is not rated in the round ending on `round_end`, if so: admitted (the latest
// admission or readmission decision) less than `min_months_admitted` months before it, or
// exempt from work and Party activities on it, or suspended from Party activities on it.
std::optional<NotRatedReason> not_rated_reason(std::optional<Date> last_admission, bool exempt,
                                               Date round_end, const RatingRules& rules,
                                               bool suspended = false);

// Where a member stands in the round of `year` (ending on `round_end`): not rated and why, and
// whether a discipline of the year (the dossier's «Kỷ luật» dated in it) disqualifies.
struct RatingStanding {
  std::optional<NotRatedReason> not_rated;
  bool disciplined = false;
};
RatingStanding rating_standing(std::optional<Date> last_admission, const Dossier& dossier, int year,
                               Date round_end, const RatingRules& rules);

// The warning when "xuất sắc" exceeds the quota of those rated "hoàn thành tốt" (none within).
std::optional<std::string> excellent_quota_warning(int excellent, int good,
                                                   const RatingRules& rules);

using RatingRecordId = std::int64_t;
enum class RatingStep { self, proposal, decision, cancellation };
std::string_view to_string(RatingStep s);
std::string_view label_vi(RatingStep s);  // "Tự đánh giá", "Chi bộ đề xuất", …
std::optional<RatingStep> parse_rating_step(std::string_view text);

struct RatingRecord {
  RatingRecordId id = 0;  // 0 until stored; the order of recording
  int year = 0;
  RatingStep step = RatingStep::self;
  std::optional<int> score;  // tenths; self and proposal
  RatingCategory category = RatingCategory::completed;
  bool tasks_on_time = true;
  std::string decision_no;               // decision
  std::optional<Date> decided_on;        // decision
  std::optional<OrgId> decided_by;       // decision: the org whose committee decided
  std::optional<RatingRecordId> refers;  // cancellation: the record it undoes
  std::string note;
  std::string recorded_at, recorded_by;
};

// A member's round of a year as the records stand (cancelled ones left out): the latest
// self-assessment and proposal, and the decision.
struct MemberRating {
  std::optional<RatingRecord> self, proposal, decision;
};
MemberRating rating_of(const std::vector<RatingRecord>& records, int year);
bool rating_record_cancelled(const std::vector<RatingRecord>& records, RatingRecordId id);

}  // namespace dangvu
