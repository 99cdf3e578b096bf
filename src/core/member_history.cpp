#include "core/member_fold.h"

namespace dangvu {

MemberPeriod MemberHistory::state_at(Date d) const {
  for (const auto& p : periods) {
    if (p.from <= d && d < p.to) return p;
  }
  MemberPeriod none;
  none.from = d;
  return none;
}

MemberPeriod MemberHistory::current() const {
  return periods.empty() ? MemberPeriod{} : periods.back();
}

int MemberHistory::party_age_years(Date d) const {
  return party_age_years_of(first_admission, periods, d);
}

std::optional<int> MemberHistory::badge_reached(Date d, const RuleSet& rules) const {
  if (!is_member(state_at(d).status)) return std::nullopt;
  int age = party_age_years(d);
  std::optional<int> best;
  for (int y : rules.badge_years) {
    if (y <= age && (!best || y > *best)) best = y;
  }
  return best;
}

std::optional<Date> MemberHistory::recognition_due(Date d, const RuleSet& rules) const {
  auto st = state_at(d);
  if (st.status != MemberStatus::probationary || !st.probation_start) return std::nullopt;
  return st.probation_start->add_months(rules.probation_months);
}

bool probation_overdue_on(Date probation_start, Date d, const RuleSet& rules) {
  Date due = probation_start.add_months(rules.probation_months);
  return d > due.add_working_days(rules.recognition_review_working_days);
}

bool MemberHistory::probation_overdue(Date d, const RuleSet& rules) const {
  auto st = state_at(d);
  return st.status == MemberStatus::probationary && st.probation_start &&
         probation_overdue_on(*st.probation_start, d, rules);
}

}  // namespace dangvu
