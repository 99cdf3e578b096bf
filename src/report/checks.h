#pragma once
// Checks on the figures, as DHIS2 does with validation rules: they are shown in the report's annex
// and on the page, and never correct anything.
#include <string>
#include <vector>

#include "core/org_history.h"
#include "core/result.h"
#include "core/rules.h"
#include "report/evaluate.h"
#include "store/store.h"

namespace dangvu::report {

struct Check {
  std::string rule;  // "meeting.monthly_missing", "probation.overdue", …
  std::string org_code, org_name;
  std::string message_vi;
};

// Every check over the evaluation's subtree, in a stable order (by rule, then tree order).
Result<std::vector<Check>> run_checks(store::Store& store, const OrgHistory& history,
                                      const RuleSet& rules, const Evaluation& ev);

// "Chi bộ chưa sinh hoạt định kỳ đủ hằng tháng", … : the rule's title in the annex.
std::string check_title_vi(const std::string& rule);

}  // namespace dangvu::report
