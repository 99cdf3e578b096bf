#pragma once
// The periodic review report (báo cáo sơ kết / tổng kết) of an org for a period, as a Document:
// every figure from the evaluation, the parts that need human judgement as marked drafts.
#include <optional>
#include <string>
#include <vector>

#include "core/issuer.h"
#include "core/org_history.h"
#include "core/rules.h"
#include "figures/dues_report.h"
#include "figures/evaluate.h"
#include "figures/statistics.h"
#include "figures/year_results.h"
#include "report/checks.h"
#include "report/document.h"

namespace dangvu::report {

struct StudiedDocument {
  std::string number, title;
  std::optional<Date> issued_on;  // from the register
  std::string issuing_body;       // "Bộ Chính trị"
  std::int64_t sessions = 0;
};

// "Nghị quyết số 68-NQ/TW, ngày 04/05/2025 của Bộ Chính trị về phát triển kinh tế tư nhân": how a
// signed document cites another, from the register's number, date, issuer and title.
std::string cite_document(const StudiedDocument& d);

struct ReviewReportInput {
  const Evaluation& ev;
  const OrgHistory& history;
  const std::vector<Check>& checks;
  std::vector<StudiedDocument> studied;  // documents studied in the subtree during the period
  Issuer issuer;                         // who issues and signs it (core/issuer.h)
  const std::vector<ReportSection>* outline = nullptr;  // the rule set's (none: the defaults)
  Date dated;                                           // the report's date line
  // The dues of the subtree in the period (figures/dues_report.h), when any was owed: the report
  // states the collection rate.
  std::optional<figures::DuesFigures> dues = std::nullopt;
  // A year's (or a term's) report: the results of its last year — the members' and the orgs'
  // rating, the emulation titles (figures/year_results.h).
  std::optional<figures::YearResults> year_results = std::nullopt;
  // The Party badges awarded in the period (figures/badge_counts.h).
  std::optional<figures::StatTable> badges = std::nullopt;
};

// The report as the committee signs it: the sections of a báo cáo sơ kết / tổng kết, each drafted
// from the records as far as they go, what only people can write left as marked drafts, and the
// indicators in its annex. The checks on the figures are not in it (build_check_sheet).
Document build_review_report(const ReviewReportInput& in);

// The office's working sheet of the checks on the report's figures: never sent with the report.
Document build_check_sheet(const ReviewReportInput& in);

// The report's figure sentences (its sections I and II), exactly as the report prints them: the
// minutes and the news item of a conference quote these, so they always say what the report says.
struct ReportHighlights {
  std::string title;                   // review_report_title(period)
  std::vector<std::string> sentences;  // members and orgs, admissions, meetings, oversight, study
  // What a news item for the public may state: counts of what was done, none that is zero, no
  // ratio against a plan or a shortfall.
  std::vector<std::string> public_sentences;
};
ReportHighlights review_report_highlights(const ReviewReportInput& in);

// The report's title line: "Sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026 …"; `of` names
// whose work it reviews when that is not the issuer's own (a cluster's).
std::string review_report_title(const Period& period, const std::string& of = "");

}  // namespace dangvu::report
