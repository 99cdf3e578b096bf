// The member statistics of an org's subtree (biểu thống kê): this period beside the same period a
// year before, each from the one figures engine (its stocks for A and D, figures/statistics.h for
// the rest), and as the document an office signs.
#include <functional>

#include "core/period.h"
#include "figures/statistics.h"
#include "report/format.h"
#include "report/statistics_document.h"
#include "service/registry.h"

namespace dangvu::service {
namespace {

using figures::Fact;

std::int64_t members_of(const figures::Facts& f) {
  return static_cast<std::int64_t>(f[Fact::members_official] + f[Fact::members_probationary]);
}

std::string shown(std::optional<double> v, bool decimal) {
  if (!v) return "—";
  return decimal ? report::format_decimal(*v, 1)
                 : report::format_integer(static_cast<std::int64_t>(*v));
}

}  // namespace

namespace {

// What one period's statistics are computed from: the tree of its end (kept alive here) and the
// engine's stocks on the day before it and on its end.
struct PeriodBasis {
  std::shared_ptr<const figures::TreeAt> at_end;
  Date first, last;
  std::int64_t members_at_start = 0, members_at_end = 0;
};

// The basis of `root`'s subtree from `first` to `last` (the tree as of `last`), or none when the
// root did not stand on `last` (a committee formed later has no "same period last year").
Result<std::optional<PeriodBasis>> basis_of(Registry& registry, OrgId root, Date first, Date last) {
  auto at_end = registry.tree_at(last);
  if (!at_end.ok()) return at_end.error();
  const OrgTree& tree = (*at_end)->tree;
  if (tree.find(root) == nullptr) return std::optional<PeriodBasis>{};
  const OrgHistory& history = *(*at_end)->history;
  auto members_on = [&](Date d, const OrgTree& t) -> Result<std::int64_t> {
    if (t.find(root) == nullptr) return std::int64_t{0};
    auto stocks = registry.member_stocks(d, root, history, t);
    if (!stocks.ok()) return stocks.error();
    return members_of(figures::subtree_facts(t, root, history, **stocks, registry.rules()));
  };
  auto at_start = registry.tree_at(first.add_days(-1));
  if (!at_start.ok()) return at_start.error();
  auto a = members_on(first.add_days(-1), (*at_start)->tree);
  if (!a.ok()) return a.error();
  auto d = members_on(last, tree);
  if (!d.ok()) return d.error();
  return std::optional<PeriodBasis>{PeriodBasis{*at_end, first, last, *a, *d}};
}

// Both periods computed, for the page and for the document.
struct Computed {
  OrgId root = 0;
  Period period;
  Date as_of, last_first, last_to;
  figures::MemberStatistics now;
  std::optional<figures::MemberStatistics> before;
};

}  // namespace

static Result<Computed> compute(Registry& registry, const std::string& period_code,
                                const std::function<Result<OrgId>(const OrgTree&, Date)>& root_of) {
  auto period = Period::parse(period_code, "period");
  if (!period.ok()) return period.error();
  const Date today = registry.clock().today();
  if (period->first > today) {
    return Error::invalid("period", "Trường «period»: kỳ " + period->label_vi() + " chưa bắt đầu.",
                          "period in the future");
  }
  Computed c;
  c.period = *period;
  c.as_of = std::min(period->last, today);
  auto shared = registry.tree_at(c.as_of);
  if (!shared.ok()) return shared.error();
  auto root = root_of((*shared)->tree, c.as_of);
  if (!root.ok()) return root.error();
  c.root = *root;
  c.last_first = period->first.add_years(-1);
  c.last_to = c.as_of.add_years(-1);
  auto now = basis_of(registry, c.root, period->first, c.as_of);
  if (!now.ok()) return now.error();
  auto before = basis_of(registry, c.root, c.last_first, c.last_to);
  if (!before.ok()) return before.error();
  std::vector<figures::StatisticsInput> inputs;
  for (const auto* b : {&*now, &*before}) {
    if (!*b) continue;
    const auto& basis = **b;
    inputs.push_back({*basis.at_end->history, basis.at_end->tree, c.root, basis.first, basis.last,
                      basis.members_at_start, basis.members_at_end, registry.rules()});
  }
  auto stats = figures::member_statistics(registry.store(), inputs);
  if (!stats.ok()) return stats.error();
  c.now = std::move(stats->front());
  if (stats->size() > 1) c.before = std::move((*stats)[1]);
  return c;
}

Result<StatisticsView> Registry::member_statistics(const std::string& org_code,
                                                   const std::string& period_code) {
  auto c = compute(*this, period_code,
                   [&](const OrgTree& tree, Date at) { return readable_root(org_code, tree, at); });
  if (!c.ok()) return c.error();
  auto shared = tree_at(c->as_of);
  if (!shared.ok()) return shared.error();
  StatisticsView v;
  v.org_code = (*shared)->history->code(c->root);
  v.org_name = (*shared)->tree.find(c->root)->name;
  v.period = c->period.code;
  v.period_label = c->period.label_vi();
  v.from = c->period.first.iso();
  v.to = c->period.last.iso();
  v.as_of = c->as_of.iso();
  v.last_year_from = c->last_first.iso();
  v.last_year_to = c->last_to.iso();
  for (const auto& t : figures::compare(c->now, c->before ? &*c->before : nullptr)) {
    StatisticsTableView tv{t.id, t.title, {}};
    for (const auto& l : t.lines) {
      StatisticsLineView lv{l.id,      l.label,   l.level, l.value, l.last_year,
                            l.percent, l.decimal, {},      {},      {}};
      lv.shown = shown(l.value, l.decimal);
      lv.last_year_shown = shown(l.last_year, l.decimal);
      lv.percent_shown = l.percent ? report::format_percent(*l.percent) : "—";
      tv.lines.push_back(std::move(lv));
    }
    v.tables.push_back(std::move(tv));
  }
  for (const auto& k : c->now.checks) v.checks.push_back({k.id, k.holds, "this", k.message});
  if (c->before) {
    for (const auto& k : c->before->checks) {
      v.checks.push_back({k.id, k.holds, "last_year", "Cùng kỳ năm trước — " + k.message});
    }
  }
  return v;
}

Result<report::Document> Registry::statistics_document(const std::string& org_code,
                                                       const std::string& period_code) {
  auto c = compute(*this, period_code,
                   [&](const OrgTree& tree, Date at) { return readable_root(org_code, tree, at); });
  if (!c.ok()) return c.error();
  auto shared = tree_at(c->as_of);
  if (!shared.ok()) return shared.error();
  auto issuer = issuer_on((*shared)->tree, c->root, c->as_of);
  if (!issuer.ok()) return issuer.error();
  const OrgVersion* version = (*shared)->history->version_at(c->root, c->as_of);
  report::StatisticsDocInput in{figures::compare(c->now, c->before ? &*c->before : nullptr),
                                {},
                                *issuer,
                                c->period,
                                c->as_of,
                                version != nullptr && version->kind == OrgKind::upper_committee};
  for (const auto& k : c->now.checks) {
    if (!k.holds) in.failed.push_back(k.message);
  }
  if (c->before) {
    for (const auto& k : c->before->checks) {
      if (!k.holds) in.failed.push_back("Cùng kỳ năm trước — " + k.message);
    }
  }
  return report::build_statistics_document(in);
}

}  // namespace dangvu::service
