#pragma once
// The dues report as the document an office sends up (báo cáo thu, nộp đảng phí): the
// letterhead, the collection rate in a sentence, three tables by org directly under the committee
// with the total (the members; the money owed and collected; what is kept and sent up), the table
// by month, the signature and the recipients.
// Rendered by the docx, xlsx and html writers; every number is the figures engine's
// (figures/dues_report.h).
#include <optional>
#include <string>
#include <vector>

#include "core/issuer.h"
#include "core/period.h"
#include "figures/dues_report.h"
#include "report/document.h"

namespace dangvu::report {

struct DuesDocRow {
  std::string label;  // the org's name, or the month "02/2026"
  figures::DuesFigures figures;
  std::optional<double> percent;  // collected ÷ owed × 100
};

struct DuesDocInput {
  Issuer issuer;
  Period period;
  Date as_of;
  DuesDocRow total;
  std::vector<DuesDocRow> lines;
  std::vector<DuesDocRow> months;
};

// "Thu đảng phí đạt 97,4% (đã thu 1.234.000 đồng trên 1.267.000 đồng phải thu)."; none when
// nothing was owed.
std::optional<std::string> dues_rate_sentence(const figures::DuesFigures& f,
                                              std::optional<double> percent);

Document build_dues_document(const DuesDocInput& in);

}  // namespace dangvu::report
