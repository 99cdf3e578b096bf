#include "figures/evaluate.h"

#include <algorithm>
#include <set>

#include "core/member_fold.h"
#include "core/rollup.h"

namespace dangvu::figures {
namespace {

using PerOrg = std::unordered_map<OrgId, Facts>;

int month_index(int year, int month) { return year * 12 + month - 1; }
Date month_first(int index) { return *Date::from_ymd(index / 12, index % 12 + 1, 1); }

// Flows recorded by orgs: each to the org that stands for it on `at` (its successor after a merge
// or split), dropped if it ended without one. Admissions and recognitions of a period that is
// not the year so far (the engine's stocks hold those):
Status add_member_flows(store::Store& store, const OrgHistory& history, Date from, Date to, Date at,
                        const store::OrgFilter& orgs, PerOrg& own) {
  auto milestones = store.count_milestones(from, to, orgs);
  if (!milestones.ok()) return milestones.error();
  for (const auto& m : *milestones) {
    auto org = resolve_org_at(history, m.org, at);
    if (!org) continue;
    if (m.kind == MemberEventKind::admission || m.kind == MemberEventKind::readmission) {
      own[*org][Fact::admitted] += static_cast<double>(m.count);
    } else if (m.kind == MemberEventKind::recognition) {
      own[*org][Fact::recognized] += static_cast<double>(m.count);
    }
  }
  return {};
}

// …and the work records: meetings, inspections and supervisions, study sessions.
Status add_work_flows(store::Store& store, const OrgHistory& history, Date from, Date to, Date at,
                      const store::OrgFilter& orgs, PerOrg& own) {
  auto resolve = [&](OrgId org) { return resolve_org_at(history, org, at); };
  auto meetings = store.meeting_facts(from, to, orgs);
  if (!meetings.ok()) return meetings.error();
  for (const auto& m : *meetings) {
    auto org = resolve(m.org);
    if (!org) continue;
    Facts& f = own[*org];
    f[m.kind == MeetingKind::regular ? Fact::meetings_regular : Fact::meetings_thematic] +=
        static_cast<double>(m.count);
    f[Fact::meeting_expected] += static_cast<double>(m.expected);
    f[Fact::meeting_present] += static_cast<double>(m.present);
  }
  auto oversights = store.oversight_facts(from, to, orgs);
  if (!oversights.ok()) return oversights.error();
  for (const auto& o : *oversights) {
    auto org = resolve(o.org);
    if (!org) continue;
    Facts& f = own[*org];
    const bool inspection = o.kind == OversightKind::inspection;
    const Fact fact = inspection ? (o.of_member ? Fact::inspected_members : Fact::inspected_orgs)
                                 : (o.of_member ? Fact::supervised_members : Fact::supervised_orgs);
    f[fact] += static_cast<double>(o.count);
    if (o.basis == OversightBasis::signs_of_violation) {
      f[Fact::oversight_on_signs] += static_cast<double>(o.count);
    }
  }
  auto study = store.study_facts(from, to, orgs);
  if (!study.ok()) return study.error();
  for (const auto& s : *study) {
    auto org = resolve(s.org);
    if (!org) continue;
    Facts& f = own[*org];
    f[Fact::study_sessions] += static_cast<double>(s.count);
    f[Fact::study_expected] += static_cast<double>(s.expected);
    f[Fact::study_present] += static_cast<double>(s.present);
  }
  return {};
}

}  // namespace

const Facts& Evaluation::facts(OrgId org) const {
  static const Facts none;
  auto it = period_facts.find(org);
  return it == period_facts.end() ? none : it->second;
}

std::optional<double> Evaluation::value(const Indicator& ind, OrgId org) const {
  return value_of(ind, facts(org));
}

std::optional<double> Evaluation::year_done(const Indicator& ind, OrgId org) const {
  auto it = year_facts.find(org);
  if (it == year_facts.end()) return std::nullopt;
  return it->second[ind.fact];
}

std::optional<double> Evaluation::target(const Indicator& ind, OrgId org) const {
  if (!ind.plannable) return std::nullopt;
  auto it = targets.find(org);
  if (it == targets.end() || it->second[ind.fact] <= 0) return std::nullopt;
  return it->second[ind.fact];
}

std::optional<double> Evaluation::plan_pct(const Indicator& ind, OrgId org) const {
  auto t = target(ind, org);
  auto done = year_done(ind, org);
  if (!t || !done) return std::nullopt;
  return *done * 100.0 / *t;
}

Result<std::shared_ptr<Evaluation>> evaluate(Engine& engine, store::Store& store,
                                             const RuleSet& rules, OrgId root, const Period& period,
                                             Date today) {
  auto ev = std::make_shared<Evaluation>();
  ev->period = period;
  ev->as_of = std::min(period.last, std::max(today, period.first));
  ev->root = root;
  auto shared_history = engine.history(store);
  if (!shared_history.ok()) return shared_history.error();
  ev->history = *shared_history;
  const OrgHistory& history = *ev->history;
  auto shared_tree = engine.tree(store, ev->as_of);
  if (!shared_tree.ok()) return shared_tree.error();
  ev->shared_tree = std::shared_ptr<const OrgTree>(*shared_tree, &(*shared_tree)->tree);
  const OrgTree& tree = ev->tree();
  if (tree.find(root) == nullptr) {
    return Error::not_found("org", "Tổ chức không tồn tại vào cuối kỳ báo cáo.",
                            "the org does not exist on the period's end");
  }
  const auto subtree = tree.subtree(root);
  const std::set<OrgId> in_subtree(subtree.begin(), subtree.end());
  ev->orgs = orgs_counting_for(history, tree, root, ev->as_of);
  PerOrg own;

  // Stocks as of the end and the year's member flows: the engine's, as every figure has them.
  auto stocks = engine.stocks(store, rules, ev->as_of, root, [&] { return ev->orgs; });
  if (!stocks.ok()) return stocks.error();
  subtree_facts(tree, root, history, **stocks, rules, &own);
  PerOrg year_own;
  for (OrgId id : subtree) {
    Facts& f = own[id];
    year_own[id][Fact::admitted] = f[Fact::admitted];
    year_own[id][Fact::recognized] = f[Fact::recognized];
  }
  const bool starts_the_year = period.year_first() == period.first;
  if (!starts_the_year) {
    // The period's own member flows (the stocks hold the year's).
    for (OrgId id : subtree) own[id][Fact::admitted] = own[id][Fact::recognized] = 0;
    DANGVU_TRY(add_member_flows(store, history, period.first, ev->as_of, ev->as_of, ev->orgs, own));
  }

  // Probationers overdue, named for the checks.
  auto probationers = store.probationers_started_by(
      ev->as_of, ev->as_of.add_months(-rules.probation_months), ev->orgs);
  if (!probationers.ok()) return probationers.error();
  for (auto& r : *probationers) {
    if (in_subtree.count(r.org) && probation_overdue_on(r.probation_start, ev->as_of, rules)) {
      ev->overdue_probationers.push_back(std::move(r));
    }
  }

  // Work within the period and within the year so far.
  DANGVU_TRY(add_work_flows(store, history, period.first, ev->as_of, ev->as_of, ev->orgs, own));
  if (!starts_the_year) {
    DANGVU_TRY(add_work_flows(store, history, period.year_first(), ev->as_of, ev->as_of, ev->orgs,
                              year_own));
  }

  // Meeting regime: every completed month from `from` (and the branch's first day) needs a
  // regular meeting of the branch or of an org that has since merged into it. Gives the branches
  // that lack one, with the months.
  const int last_needed =
      month_index(ev->as_of.add_days(1).year(), ev->as_of.add_days(1).month()) - 1;
  auto missing_months = [&](Date from) -> Result<std::map<OrgId, std::vector<int>>> {
    const int first_month = month_index(from.year(), from.month());
    auto months = store.meeting_months(from, ev->as_of, MeetingKind::regular, ev->orgs);
    if (!months.ok()) return months.error();
    std::unordered_map<OrgId, std::set<int>> held;
    for (const auto& m : *months) {
      if (auto org = resolve_org_at(history, m.org, ev->as_of)) {
        held[*org].insert(month_index(m.year, m.month));
      }
    }
    std::map<OrgId, std::vector<int>> out;
    for (OrgId id : subtree) {
      if (!rules.holds_members(tree.find(id)->kind)) continue;
      const OrgVersion* first = history.earliest(id);
      std::vector<int> missing;
      for (int m = first_month; m <= last_needed; ++m) {
        if (first != nullptr && month_first(m) < first->valid_from) continue;
        if (!held[id].count(m)) missing.push_back(m);
      }
      out[id] = std::move(missing);
    }
    return out;
  };
  ev->required_months =
      std::max(0, last_needed - month_index(period.first.year(), period.first.month()) + 1);
  auto in_period = missing_months(period.first);
  if (!in_period.ok()) return in_period.error();
  for (auto& [id, missing] : *in_period) {
    if (missing.empty()) {
      own[id][Fact::branches_meeting_monthly] = 1;
    } else {
      ev->missing_meeting_months[id] = std::move(missing);
    }
  }
  if (starts_the_year) {
    year_own = own;  // the year so far is the period: every flow, the meeting regime included
  } else {
    auto in_year = missing_months(period.year_first());
    if (!in_year.ok()) return in_year.error();
    for (const auto& [id, missing] : *in_year) {
      if (missing.empty()) year_own[id][Fact::branches_meeting_monthly] = 1;
    }
  }

  // Thematic meetings: at least one in every completed quarter of the period (from the branch's
  // first day), by the branch or an org since merged into it.
  auto thematic = store.meeting_months(period.first, ev->as_of, MeetingKind::thematic, ev->orgs);
  if (!thematic.ok()) return thematic.error();
  std::unordered_map<OrgId, std::set<int>> thematic_held;
  for (const auto& m : *thematic) {
    if (auto org = resolve_org_at(history, m.org, ev->as_of)) {
      thematic_held[*org].insert(m.year * 4 + (m.month - 1) / 3);
    }
  }
  const int first_quarter = period.first.year() * 4 + (period.first.month() - 1) / 3;
  const Date after = ev->as_of.add_days(1);
  const int last_quarter = after.year() * 4 + (after.month() - 1) / 3 - 1;  // fully ended
  for (OrgId id : subtree) {
    if (!rules.holds_members(tree.find(id)->kind)) continue;
    const OrgVersion* first = history.earliest(id);
    std::vector<int> missing;
    for (int q = first_quarter; q <= last_quarter; ++q) {
      // Only quarters that start inside the period, and after the branch's first day.
      const Date quarter_first = *Date::from_ymd(q / 4, (q % 4) * 3 + 1, 1);
      if (quarter_first < period.first || (first != nullptr && quarter_first < first->valid_from)) {
        continue;
      }
      if (!thematic_held[id].count(q)) missing.push_back(q);
    }
    if (!missing.empty()) ev->missing_thematic_quarters[id] = std::move(missing);
  }

  // The year's targets, each to the org that stands for its org on the period's end, added up
  // the tree as the indicator says (Indicator::target_covers_subtree): for an outcome of the
  // whole subtree an org's plan is the target it set itself, else the sum of the plans below it
  // (a committee's admission target already counts what its branches will admit: adding theirs
  // would count them twice); for work each org does itself, the sum of every org's own.
  PerOrg target_own;
  std::unordered_map<OrgId, std::set<Fact>> target_set;
  auto targets = store.plan_targets(ev->as_of.year(), ev->orgs);
  if (!targets.ok()) return targets.error();
  for (const auto& t : *targets) {
    const Indicator* ind = find_indicator(t.indicator);
    auto org = resolve_org_at(history, t.org, ev->as_of);
    if (ind == nullptr || !ind->plannable || !org || !in_subtree.count(*org)) continue;
    target_own[*org][ind->fact] += static_cast<double>(t.target);
    target_set[*org].insert(ind->fact);
    ++ev->own_target_count[*org];
  }
  std::set<Fact> covering;
  for (const auto& i : indicators()) {
    if (i.plannable && i.target_covers_subtree) covering.insert(i.fact);
  }
  for (auto it = subtree.rbegin(); it != subtree.rend(); ++it) {  // children before parents
    Facts plan = target_own[*it];
    Facts below;
    for (OrgId child : tree.find(*it)->children) below += ev->targets[child];
    for (std::size_t i = 0; i < kFactCount; ++i) {
      const auto fact = static_cast<Fact>(i);
      if (!covering.count(fact)) {
        plan.v[i] += below.v[i];
      } else if (!target_set[*it].count(fact)) {
        plan.v[i] = below.v[i];
      }
    }
    ev->targets[*it] = plan;
  }

  ev->period_facts = subtree_totals(tree, root, own);
  ev->year_facts = subtree_totals(tree, root, year_own);
  return ev;
}

}  // namespace dangvu::figures
