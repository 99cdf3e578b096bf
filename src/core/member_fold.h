#pragma once
// A member's history folded from the event log: status and organization over time, party age,
// badge eligibility and flags. fold_member() also checks every rule of the rule set against the
// whole log, so appending an event (even a back-dated one) is allowed only if the log stays valid.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/member.h"
#include "core/result.h"
#include "core/rules.h"

namespace dangvu {

// One stretch of time with the same status and organizations: [from, to).
struct MemberPeriod {
  Date from;
  Date to = Date::max();
  MemberStatus status = MemberStatus::none;
  std::optional<OrgId> org;             // official Party activity
  std::optional<OrgId> temp_org;        // temporary activity elsewhere, if any
  std::optional<Date> probation_start;  // ceremony date while probationary
};

// Flow facts that reports count within a period (admissions, recognitions).
struct MemberMilestone {
  MemberEventKind kind = MemberEventKind::admission;
  Date date;
  std::optional<OrgId> org;
};

// Something a user should look at; never a refusal (e.g. an over-60 admission by exception).
struct MemberFlag {
  std::string rule;
  std::string message_vi;
  Date date;
};

// Whole years of party age on `d` over date-ordered periods that have `from`, `to` and `status`
// (a history's, or a member profile's): from the first admission decision, minus the days
// outside the Party (ended statuses) before `d`; while still outside on `d`, the age stops where
// that period began.
template <typename Periods>
int party_age_years_of(std::optional<Date> first_admission, const Periods& periods, Date d) {
  if (!first_admission || d < *first_admission) return 0;
  std::int32_t outside = 0;
  Date end = d;
  for (const auto& p : periods) {
    if (p.from >= d) break;
    if (!is_ended(p.status)) continue;
    if (p.to >= d) {
      end = p.from;
    } else {
      outside += p.to.days() - p.from.days();
    }
  }
  return whole_years_between(first_admission->add_days(outside), end);
}

struct MemberHistory {
  std::vector<MemberPeriod> periods;  // contiguous, in date order
  std::vector<MemberMilestone> milestones;
  std::vector<MemberFlag> flags;
  std::vector<MemberEvent> effective_events;  // after corrections, in date order
  std::optional<Date> first_admission;        // the first admission decision date
  std::string card_number;

  // The state on `d` (status none before the first event).
  MemberPeriod state_at(Date d) const;
  MemberPeriod current() const;
  // Whole years of party age on `d`: from the first admission decision, minus time outside.
  int party_age_years(Date d) const;
  // The highest badge milestone (30, 40 … years) reached on `d`, if the person is a member then.
  std::optional<int> badge_reached(Date d, const RuleSet& rules) const;
  // The date a probationary member's recognition falls due, if probationary on `d`.
  std::optional<Date> recognition_due(Date d, const RuleSet& rules) const;
  bool probation_overdue(Date d, const RuleSet& rules) const;
};

// Whether an org can hold members' Party activity on a date: its kind then, or none if it did not
// exist on that date. The service answers it from the dated tree.
using OrgKindAt = std::function<std::optional<OrgKind>(OrgId, Date)>;

// Folds and checks a member's log. `events` are in recording order (ids ascending; a new event
// has id 0 and comes last). Corrections apply first. The error names the field and the rule.
Result<MemberHistory> fold_member(const Person& person, const std::vector<MemberEvent>& events,
                                  const RuleSet& rules, const OrgKindAt& org_kind_at, Date today);

// Probation overdue check for a period's probation start, for roll-ups that only have the dates.
bool probation_overdue_on(Date probation_start, Date d, const RuleSet& rules);

}  // namespace dangvu
