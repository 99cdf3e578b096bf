#pragma once
// Party badges (Huy hiệu Đảng, issue 22): when a member's party age reaches each badge's years,
// the occasion the badge is presented on (3/2, 19/5, 2/9, 7/11), the next badge a member is due
// for, and how early a proposal may come (serious illness; posthumous). The numbers are the rule
// set's (`badges`), each with its source in docs/rules.md; research/regulations-2026.md §3.
//
// Party age counts from the first admission decision, less the time outside the Party before
// the day (core/member_fold.h's party_age_years_of): a member's badge falls due on the day the
// age reaches its years, later by every day spent outside before then.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/badge_rules.h"
#include "core/date.h"
#include "core/member_fold.h"
#include "core/result.h"

namespace dangvu {

// Why a badge is proposed before it falls due.
enum class BadgeGround { none, illness, posthumous };
std::string_view to_string(BadgeGround g);
std::string_view label_vi(BadgeGround g);  // "Truy tặng", …
std::optional<BadgeGround> parse_badge_ground(std::string_view text);

// The day the party age reaches `years` full years; none while the member is outside the Party
// with no return, or never admitted.
template <typename Periods>
std::optional<Date> party_age_reached_on(std::optional<Date> first_admission,
                                         const Periods& periods, int years) {
  if (!first_admission) return std::nullopt;
  std::int32_t outside = 0;
  Date due = first_admission->add_years(years);
  for (const auto& p : periods) {
    if (p.from >= due) break;
    // Death does not end the count: a badge may be awarded posthumously (check_badge_proposal).
    if (!is_ended(p.status) || p.status == MemberStatus::deceased) continue;
    if (p.to == Date::max()) return std::nullopt;  // still outside: the age has stopped
    outside += p.to.days() - p.from.days();
    due = first_admission->add_days(outside).add_years(years);
  }
  return due;
}

// The first occasion on or after `day`; the last one before it.
Date badge_occasion_from(Date day, const BadgeRules& rules);
Date badge_occasion_before(Date day, const BadgeRules& rules);

// Refuses (field "occasion") a day that is not one of the rule set's days of presentation,
// listing them.
Status check_badge_occasion(Date day, const BadgeRules& rules);

// The badge after `held` (the highest already awarded; none: the first), if any is left.
std::optional<int> next_badge(std::optional<int> held, const std::vector<int>& badge_years);

// A proposal of the badge of `years` years, falling due on `due`, for the occasion on `occasion`.
struct BadgeProposal {
  int years = 0;
  Date due, occasion;
  BadgeGround ground = BadgeGround::none;
  std::optional<Date> died_on = std::nullopt;  // the member's death, if deceased
};

// Refuses, naming the field and the rule, a proposal before the badge falls due (badge.not_due),
// earlier than a serious illness allows (badge.too_early), a posthumous one for a living member
// (badge.not_deceased) or for one who died more than `posthumous_months` before it would have
// fallen due (badge.posthumous_early), and a living one for a deceased member.
Status check_badge_proposal(const BadgeProposal& p, const BadgeRules& rules);

}  // namespace dangvu
