// The dues report of an org's subtree for a period (issue 21): the figures engine's dues figures
// (figures/dues_report.h) for the subtree, each org directly under its root and each month, and
// the report the office sends (report/dues_document.h) — XLSX, DOCX or HTML.
#include "figures/dues_report.h"
#include "core/period.h"
#include "report/dues_document.h"
#include "service/registry.h"
#include "service/validate.h"

namespace dangvu::service {
namespace {

std::optional<double> percent_of(const figures::DuesFigures& f) {
  if (f.owed <= 0) return std::nullopt;
  return static_cast<double>(f.collected) * 100.0 / static_cast<double>(f.owed);
}

DuesReportLineView line_view(std::string code, std::string name, const figures::DuesFigures& f) {
  return {std::move(code), std::move(name), f, percent_of(f)};
}

}  // namespace

Result<DuesReportView> Registry::dues_report(const std::string& org_code,
                                             const std::string& period_code) {
  if (!org_code.empty()) DANGVU_TRY(check_code(org_code, "org"));
  auto period = Period::parse(period_code, "period");
  if (!period.ok()) return period.error();
  const Date today = clock_.today();
  if (period->first > today) {
    return Error::invalid("period", "Trường «period»: kỳ " + period->label_vi() + " chưa bắt đầu.",
                          "period in the future");
  }
  DuesReportView v;
  v.period = period->code;
  v.period_label = period->label_vi();
  v.from = period->first;
  v.to = period->last;
  v.as_of = std::min(period->last, today);
  auto shared = tree_at(v.as_of);
  if (!shared.ok()) return shared.error();
  auto root = readable_root(org_code, (*shared)->tree, v.as_of);
  if (!root.ok()) return root.error();
  const OrgHistory& history = *(*shared)->history;
  v.org_code = history.code(*root);
  v.org_name = (*shared)->tree.find(*root)->name;
  for (Date m = month_of(period->first); m <= v.as_of; m = next_month(m)) v.months.push_back(m);

  auto report =
      figures::dues_report(store_, {history, *root, v.months, month_of(today), rules_.dues});
  if (!report.ok()) return report.error();
  v.total = line_view(v.org_code, v.org_name, report->total);
  for (const auto& l : report->lines) {
    // Named as it was on the last day it stood in the period.
    const OrgVersion* version = history.version_at(l.org, v.as_of);
    if (version == nullptr) version = history.latest(l.org);
    v.lines.push_back(
        line_view(history.code(l.org), version != nullptr ? version->name : "", l.figures));
  }
  for (std::size_t i = 0; i < v.months.size(); ++i) {
    v.by_month.push_back(
        line_view(month_iso(v.months[i]), month_vi(v.months[i]), report->months[i]));
  }
  return v;
}

Result<report::Document> Registry::dues_report_document(const std::string& org_code,
                                                        const std::string& period_code) {
  auto v = dues_report(org_code, period_code);
  if (!v.ok()) return v.error();
  auto shared = tree_at(v->as_of);
  if (!shared.ok()) return shared.error();
  auto root = require_org(v->org_code, "org");
  if (!root.ok()) return root.error();
  auto issuer = issuer_on((*shared)->tree, *root, v->as_of);
  if (!issuer.ok()) return issuer.error();
  auto period = Period::parse(v->period, "period");
  if (!period.ok()) return period.error();
  report::DuesDocInput in{*issuer, *period, v->as_of, {}, {}, {}};
  auto row = [](const DuesReportLineView& l) {
    return report::DuesDocRow{l.org_name, l.figures, l.percent};
  };
  in.total = row(v->total);
  for (const auto& l : v->lines) in.lines.push_back(row(l));
  for (const auto& l : v->by_month) in.months.push_back(row(l));
  return report::build_dues_document(in);
}

}  // namespace dangvu::service
