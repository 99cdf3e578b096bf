#pragma once
// The member statistics as the document an office signs and sends (biểu thống kê): the
// letterhead, one table per form with "Kỳ này", "Cùng kỳ năm trước" and "%", the signatures
// "NGƯỜI LẬP BIỂU" and "TRƯỞNG BAN", and — only when one does not hold — the identities that
// failed, in an annex, never hidden. Rendered by the docx, xlsx and html writers.
#include <string>
#include <vector>

#include "core/issuer.h"
#include "core/period.h"
#include "figures/statistics.h"
#include "report/document.h"

namespace dangvu::report {

struct StatisticsDocInput {
  std::vector<figures::ComparedTable> tables;
  std::vector<std::string> failed;  // the messages of the identities that do not hold
  Issuer issuer;
  Period period;
  Date as_of;
  bool upper_committee = false;  // its Organization Commission (Ban Tổ chức) prepares it
};

Document build_statistics_document(const StatisticsDocInput& in);

}  // namespace dangvu::report
