#include "service/demo_badges.h"

#include "core/badges.h"
#include "service/demo_rng.h"

namespace dangvu::service::demo {

std::vector<BadgeRecord> badges_of(const MemberHistory& history, int province, std::int64_t serial,
                                   Date last, const RuleSet& rules, const std::string& decided_by,
                                   const std::string& recorded_at) {
  std::vector<BadgeRecord> out;
  if (!history.first_admission) return out;
  Rng rng(0xBAD6'E000'0000'0000ULL ^ (static_cast<std::uint64_t>(province) << 40) ^
          static_cast<std::uint64_t>(serial));
  for (int years : rules.badge_years) {
    const auto due = party_age_reached_on(history.first_admission, history.periods, years);
    if (!due || *due > last) break;
    const Date occasion = badge_occasion_from(*due, rules.badges);
    if (occasion > last) break;
    const Date decided = occasion.add_days(-12);
    if (!is_member(history.state_at(occasion).status) ||
        !is_member(history.state_at(decided).status)) {
      continue;
    }
    BadgeRecord r;
    r.kind = BadgeRecordKind::award;
    r.years = years;
    r.occasion = occasion;
    r.dated = decided;
    // One decision per occasion: its number from the day, the same for every member on it.
    r.decision_no = std::to_string(100 + occasion.days() % 900) + "-QĐ/TU";
    r.decided_by = decided_by;
    r.recorded_at = recorded_at;
    r.recorded_by = "demo";
    out.push_back(std::move(r));
  }
  // A few members missed the last badge they reached: due again, overdue, on the next list.
  if (!out.empty() && rng.chance(0.04)) out.pop_back();
  return out;
}

}  // namespace dangvu::service::demo
