#pragma once
// The one registry of indicators. A report, the API and the pages show the same number from the
// same definition; a new indicator is one entry here (and, for a new leaf fact, one column of
// Facts filled in facts.cpp).
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace dangvu::figures {

// Leaf facts, counted per org and added up over the tree. Stocks are as of the period's last day;
// flows are within the period (or the year so far, for plan ratios).
enum class Fact : std::size_t {
  members_official,
  members_probationary,
  candidates,
  grassroots_committees,
  grassroots_branches,
  sub_branches,
  branches,                // orgs that hold members: grassroots branches and sub-branches
  branches_below_minimum,  // fewer full members than the rule
  probation_overdue,
  admitted,  // admissions and readmissions
  recognized,
  meetings_regular,
  meetings_thematic,
  meeting_expected,  // members expected at the meetings, summed
  meeting_present,
  branches_meeting_monthly,  // branches that held a regular meeting in every month so far
  inspected_orgs,
  inspected_members,
  supervised_orgs,
  supervised_members,
  oversight_on_signs,  // inspections and supervisions on signs of violation
  study_sessions,
  study_expected,
  study_present,
  count_,
};
inline constexpr std::size_t kFactCount = static_cast<std::size_t>(Fact::count_);

// One value per fact; adds up over the tree.
struct Facts {
  std::array<double, kFactCount> v{};
  double operator[](Fact f) const { return v[static_cast<std::size_t>(f)]; }
  double& operator[](Fact f) { return v[static_cast<std::size_t>(f)]; }
  Facts& operator+=(const Facts& o) {
    for (std::size_t i = 0; i < kFactCount; ++i) v[i] += o.v[i];
    return *this;
  }
};

enum class IndicatorKind {
  stock,  // as of the period's end
  flow,   // within the period
  ratio,  // numerator / denominator × 100
};

struct Indicator {
  std::string_view id;        // stable, used in the API, plan targets and rule ids
  std::string_view label_vi;  // what users read
  IndicatorKind kind = IndicatorKind::stock;
  std::string_view unit_vi;            // "đảng viên", "tổ chức", "%"
  Fact fact = Fact::members_official;  // the value (numerator of a ratio)
  std::optional<Fact> also;            // added to `fact` (members = official + probationary)
  std::optional<Fact> denominator;     // ratio only
  bool plannable = false;  // may carry a year target: "đạt X% kế hoạch năm" = so far / target
  // How targets add up the tree. An outcome of the whole subtree (admissions: only branches
  // admit, and a committee's target is for all of its organization): an org's plan is its own
  // target, else the sum of the plans below it. Work each org does itself (inspections, study
  // sessions): its own target counts its own work, so the subtree's plan is the sum of all.
  bool target_covers_subtree = false;
  bool bounded = false;  // a ratio whose numerator can never exceed its denominator
};

const std::vector<Indicator>& indicators();
const Indicator* find_indicator(std::string_view id);

// The value of `ind` over `facts` (none for a ratio with a zero denominator).
std::optional<double> value_of(const Indicator& ind, const Facts& facts);

}  // namespace dangvu::figures
