#pragma once
// Checks on the figures, as DHIS2 does with validation rules: they are shown in the report's annex
// and on the page, and never correct anything.
#include <string>
#include <vector>

#include "core/org_history.h"
#include "core/result.h"
#include "core/rules.h"
#include "figures/evaluate.h"

namespace dangvu::report {

// The figures the documents are written from (figures/): the report renders them, never reads.
using figures::Evaluation;
using figures::Fact;
using figures::Facts;
using figures::find_indicator;
using figures::Indicator;
using figures::IndicatorKind;
using figures::indicators;
using figures::kFactCount;
using figures::value_of;

struct Check {
  std::string rule;  // "meeting.monthly_missing", "probation.overdue", …
  std::string org_code, org_name;
  std::string message_vi;
};

// Every check over the evaluation's subtree, in a stable order (by rule, then tree order).
std::vector<Check> run_checks(const OrgHistory& history, const RuleSet& rules,
                              const Evaluation& ev);

// "Chi bộ chưa sinh hoạt định kỳ đủ hằng tháng", … : the rule's title in the annex.
std::string check_title_vi(const std::string& rule);

}  // namespace dangvu::report
