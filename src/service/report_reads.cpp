// Indicators, checks and the review report of an org's subtree for a period.
#include <map>

#include "core/period.h"
#include "figures/badge_counts.h"
#include "figures/dues_report.h"
#include "figures/evaluate.h"
#include "figures/year_results.h"
#include "report/checks.h"
#include "report/format.h"
#include "report/review_report.h"
#include "service/registry.h"

namespace dangvu::service {

namespace {

struct Evaluated {
  std::shared_ptr<figures::Evaluation> ev;
  std::vector<report::Check> checks;
};

std::string shown(const figures::Indicator& ind, std::optional<double> v) {
  if (!v) return "—";
  if (ind.kind == figures::IndicatorKind::ratio) return report::format_percent(*v);
  return report::format_integer(static_cast<std::int64_t>(*v));
}

}  // namespace

// Shared by indicators() and report(): the period parsed, the root read-checked on the period's
// end, everything evaluated and checked.
static Result<Evaluated> evaluate_for(
    Registry& registry, const std::string& period_code,
    const std::function<Result<OrgId>(const OrgTree&, Date)>& root_of) {
  auto period = Period::parse(period_code, "period");
  if (!period.ok()) return period.error();
  Evaluated out;
  const Date today = registry.clock().today();
  const Date as_of = std::min(period->last, std::max(today, period->first));
  // The root is checked on the engine's tree of the period's end, which the evaluation uses.
  auto shared = registry.tree_at(as_of);
  if (!shared.ok()) return shared.error();
  auto root = root_of((*shared)->tree, as_of);
  if (!root.ok()) return root.error();
  auto ev = figures::evaluate(registry.figures(), registry.store(), registry.rules(), *root,
                              *period, today);
  if (!ev.ok()) return ev.error();
  out.ev = *ev;
  out.checks = report::run_checks(*out.ev->history, registry.rules(), *out.ev);
  return out;
}

Result<IndicatorsView> Registry::indicators(const std::string& org_code,
                                            const std::string& period_code) {
  auto e = evaluate_for(*this, period_code, [&](const OrgTree& tree, Date at) {
    return readable_root(org_code, tree, at);
  });
  if (!e.ok()) return e.error();
  const auto& ev = *e->ev;
  IndicatorsView v;
  v.org_code = ev.history->code(ev.root);
  v.org_name = ev.tree().find(ev.root)->name;
  v.period = ev.period.code;
  v.period_label = ev.period.label_vi();
  v.from = ev.period.first.iso();
  v.to = ev.period.last.iso();
  v.as_of = ev.as_of.iso();
  for (const auto& ind : figures::indicators()) {
    IndicatorRowView r;
    r.id = std::string(ind.id);
    r.label = std::string(ind.label_vi);
    r.kind = ind.kind == figures::IndicatorKind::stock  ? "stock"
             : ind.kind == figures::IndicatorKind::flow ? "flow"
                                                        : "ratio";
    r.unit = std::string(ind.unit_vi);
    r.value = ev.value(ind, ev.root);
    if (ind.kind == figures::IndicatorKind::flow) r.year_done = ev.year_done(ind, ev.root);
    r.target = ev.target(ind, ev.root);
    r.plan_pct = ev.plan_pct(ind, ev.root);
    r.shown = shown(ind, r.value);
    if (r.plan_pct) {
      r.plan_shown = report::format_integer(static_cast<std::int64_t>(r.year_done.value_or(0))) +
                     "/" + report::format_integer(static_cast<std::int64_t>(*r.target)) + " (đạt " +
                     report::format_percent(*r.plan_pct) + " kế hoạch năm)";
    }
    v.rows.push_back(std::move(r));
  }
  for (const auto& c : e->checks) {
    v.checks.push_back(
        {c.rule, report::check_title_vi(c.rule), c.org_code, c.org_name, c.message_vi});
  }
  return v;
}

Status Registry::with_review_report(
    const std::string& org_code, const std::string& period_code, const std::string& dated_text,
    const std::function<void(const report::ReviewReportInput&)>& use) {
  auto e = evaluate_for(*this, period_code, [&](const OrgTree& tree, Date at) {
    return readable_root(org_code, tree, at);
  });
  if (!e.ok()) return e.error();
  const auto& ev = *e->ev;
  // Dated the day the office chooses; by default the period's last day (today while it runs),
  // never a day before the period began.
  Date dated = ev.as_of;
  if (!dated_text.empty()) {
    auto d = Date::parse(dated_text);
    if (!d.ok() || *d < ev.period.first) {
      return Error::invalid(
          "date",
          "Trường «date» (ngày ký): nhập ngày dạng YYYY-MM-DD, không trước ngày " +
              ev.period.first.vi() + " (đầu kỳ báo cáo).",
          "report date invalid or before the period");
    }
    dated = *d;
  }
  // The documents studied in the subtree during the period, most studied first.
  store::ActivityQuery q{ev.tree().subtree(ev.root), ev.period.first, ev.as_of, 100000, false};
  auto sessions = store_.list_study_sessions(q);
  if (!sessions.ok()) return sessions.error();
  std::map<std::string, report::StudiedDocument> by_number;
  for (const auto& s : *sessions) {
    auto& d = by_number[s.document_number];
    d.number = s.document_number;
    d.title = s.document_title;
    ++d.sessions;
  }
  std::vector<report::StudiedDocument> studied;
  for (auto& [number, d] : by_number) {
    auto record = store_.find_party_document(number);
    if (!record.ok()) return record.error();
    if (*record) {
      d.issued_on = (*record)->issued_on;
      d.issuing_body = (*record)->issuing_body;
    }
    studied.push_back(std::move(d));
  }
  std::stable_sort(studied.begin(), studied.end(),
                   [](const auto& a, const auto& b) { return a.sessions > b.sessions; });
  // Who issues and signs, on the day it is dated (the org as it stood at the period's end when
  // it no longer stands then).
  auto signed_tree = tree_at(dated);
  if (!signed_tree.ok()) return signed_tree.error();
  const OrgTree& at_signing =
      (*signed_tree)->tree.find(ev.root) != nullptr ? (*signed_tree)->tree : ev.tree();
  auto issuer = issuer_on(at_signing, ev.root, dated);
  if (!issuer.ok()) return issuer.error();
  report::ReviewReportInput in{
      ev, *ev.history, e->checks, std::move(studied), *issuer, &rules_.report_outline, dated};
  // The dues of the same subtree and months, from the same engine as the dues report.
  std::vector<Date> months;
  for (Date m = month_of(ev.period.first); m <= ev.as_of; m = next_month(m)) months.push_back(m);
  auto dues = figures::dues_report(
      store_, {*ev.history, ev.root, months, month_of(clock_.today()), rules_.dues});
  if (!dues.ok()) return dues.error();
  if (dues->total.owed > 0) in.dues = dues->total;
  // A year's report states the year's rating and emulation results; any report, the badges
  // awarded in it (the figures of the statistics' Biểu 7).
  if (ev.period.kind == PeriodKind::year) {
    auto results =
        figures::year_results(store_, ev.tree(), ev.root, ev.period.last.year(), ev.as_of, rules_);
    if (!results.ok()) return results.error();
    in.year_results = std::move(*results);
  }
  auto badges = figures::badges_table(
      store_, {*ev.history, ev.tree(), ev.root, ev.period.first, ev.as_of, 0, 0, rules_});
  if (!badges.ok()) return badges.error();
  in.badges = std::move(*badges);
  use(in);
  return {};
}

Result<report::Document> Registry::report(const std::string& org_code,
                                          const std::string& period_code, const std::string& dated,
                                          ReportPart part) {
  report::Document doc;
  DANGVU_TRY(
      with_review_report(org_code, period_code, dated, [&](const report::ReviewReportInput& in) {
        doc = part == ReportPart::check_sheet ? report::build_check_sheet(in)
                                              : report::build_review_report(in);
      }));
  return doc;
}

Result<report::ReportHighlights> Registry::report_highlights(const std::string& org_code,
                                                             const std::string& period_code) {
  report::ReportHighlights h;
  DANGVU_TRY(with_review_report(
      org_code, period_code, "",
      [&](const report::ReviewReportInput& in) { h = report::review_report_highlights(in); }));
  return h;
}

}  // namespace dangvu::service
