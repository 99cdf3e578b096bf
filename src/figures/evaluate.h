#pragma once
// Evaluates every indicator for an org's subtree and a period: the member stocks and the year's
// member flows from the figures engine (the same own_facts() the org page and the tree add up),
// the work records grouped by org in SQL, flows of orgs that have since ended moved to their
// successor, then added up over the tree as it was on the period's end, for the root and every
// org below it at once.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/org_history.h"
#include "core/org_tree.h"
#include "core/period.h"
#include "core/result.h"
#include "core/rules.h"
#include "figures/engine.h"
#include "figures/indicators.h"
#include "store/store.h"

namespace dangvu::figures {

struct Evaluation {
  Period period;
  Date as_of;  // the period's last day, or today while the period runs
  OrgId root = 0;
  std::shared_ptr<const OrgHistory> history;
  std::shared_ptr<const OrgTree> shared_tree;  // as of `as_of` (the engine's)
  const OrgTree& tree() const { return *shared_tree; }
  // The orgs whose records count for the subtree (its own and those merged into it), named in
  // the store's queries; none for a subtree so large that every org's records are read.
  store::OrgFilter orgs;
  // Subtree totals for the root and every org below it.
  std::unordered_map<OrgId, Facts> period_facts;  // stocks as of `as_of`, flows in the period
  std::unordered_map<OrgId, Facts> year_facts;    // flows from 1 January to `as_of`
  std::unordered_map<OrgId, Facts> targets;       // year targets, at the plannable indicator's fact
  // Org's own (not rolled-up) targets recorded, for the "plan without targets" check.
  std::unordered_map<OrgId, int> own_target_count;
  // Per branch in the subtree: the completed months (yyyy*12+m-1) without a regular meeting.
  std::map<OrgId, std::vector<int>> missing_meeting_months;
  int required_months = 0;  // completed months of the period so far
  // Per branch: the completed quarters (year*4+q-1) without a thematic meeting (at least one a
  // quarter, docs/domain.md).
  std::map<OrgId, std::vector<int>> missing_thematic_quarters;
  // Probationers of the subtree past their probation and review time on `as_of`, without a
  // decision (the checks name them).
  std::vector<store::ProbationerRow> overdue_probationers;

  const Facts& facts(OrgId org) const;
  std::optional<double> value(const Indicator& ind, OrgId org) const;
  // Done so far this year, the year's target, and their ratio (none when no target).
  std::optional<double> year_done(const Indicator& ind, OrgId org) const;
  std::optional<double> target(const Indicator& ind, OrgId org) const;
  std::optional<double> plan_pct(const Indicator& ind, OrgId org) const;
};

// `root` must exist on the period's end (or `today`). The history and the tree come from
// `engine`, as do the member figures; the work records are read from `store`.
Result<std::shared_ptr<Evaluation>> evaluate(Engine& engine, store::Store& store,
                                             const RuleSet& rules, OrgId root, const Period& period,
                                             Date today);

}  // namespace dangvu::figures
