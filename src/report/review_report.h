#pragma once
// The periodic review report (báo cáo sơ kết / tổng kết) of an org for a period, as a Document:
// every figure from the evaluation, the parts that need human judgement as marked drafts.
#include <string>
#include <vector>

#include "core/org_history.h"
#include "report/checks.h"
#include "report/document.h"
#include "report/evaluate.h"

namespace dangvu::report {

struct StudiedDocument {
  std::string number, title;
  std::int64_t sessions = 0;
};

struct ReviewReportInput {
  const Evaluation& ev;
  const OrgHistory& history;
  const std::vector<Check>& checks;
  std::vector<StudiedDocument> studied;  // documents studied in the subtree during the period
  Date today;                            // the report's date line
};

Document build_review_report(const ReviewReportInput& in);

// The report's figure sentences (its sections I and II), exactly as the report prints them: the
// minutes and the news item of a conference quote these, so they always say what the report says.
struct ReportHighlights {
  std::string title;                   // review_report_title(period)
  std::vector<std::string> sentences;  // members and orgs, admissions, meetings, oversight, study
};
ReportHighlights review_report_highlights(const ReviewReportInput& in);

// The report's title line: "Sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026 …".
std::string review_report_title(const Period& period);

}  // namespace dangvu::report
