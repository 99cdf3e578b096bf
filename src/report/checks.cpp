#include "report/checks.h"

#include <set>

#include "report/format.h"

namespace dangvu::report {
namespace {

std::string month_vi(int index) {
  return std::to_string(index % 12 + 1) + "/" + std::to_string(index / 12);
}

}  // namespace

std::string check_title_vi(const std::string& rule) {
  if (rule == "ratio.numerator_above_denominator") return "Tử số lớn hơn mẫu số";
  if (rule == "meeting.monthly_missing") return "Chi bộ chưa sinh hoạt định kỳ đủ hằng tháng";
  if (rule == "meeting.thematic_missing") return "Chi bộ chưa sinh hoạt chuyên đề trong quý";
  if (rule == "probation.overdue") return "Đảng viên dự bị quá hạn xét công nhận chính thức";
  if (rule == "plan.no_targets") return "Tổ chức chưa có chỉ tiêu kế hoạch năm";
  if (rule == "branch.below_minimum") return "Chi bộ có dưới 3 đảng viên chính thức";
  return rule;
}

std::vector<Check> run_checks(const OrgHistory& history, const RuleSet& rules,
                              const Evaluation& ev) {
  std::vector<Check> out;
  const auto subtree = ev.tree().subtree(ev.root);
  auto add = [&](const char* rule, OrgId org, std::string message) {
    // "Chi bộ Văn phòng" is in many đảng bộ: a branch is named with the org above it.
    const auto* node = ev.tree().find(org);
    std::string name = node->name;
    if (node->parent && node->kind == OrgKind::sub_branch) {
      name += " (" + ev.tree().find(*node->parent)->name + ")";
    }
    out.push_back({rule, history.code(org), std::move(name), std::move(message)});
  };

  // A numerator above its denominator: a meeting with more present than members, a compliance
  // count above the branches. Each org's own figures, so the one that is wrong is named.
  for (OrgId id : subtree) {
    for (const auto& ind : indicators()) {
      if (!ind.bounded || !ind.denominator) continue;
      const Facts& f = ev.facts(id);
      if (f[ind.fact] > f[*ind.denominator]) {
        add("ratio.numerator_above_denominator", id,
            std::string(ind.label_vi) + ": tử số " +
                format_integer(static_cast<std::int64_t>(f[ind.fact])) + " lớn hơn mẫu số " +
                format_integer(static_cast<std::int64_t>(f[*ind.denominator])) + ".");
      }
    }
  }

  for (const auto& [org, months] : ev.missing_meeting_months) {
    std::string list;
    for (int m : months) list += (list.empty() ? "" : ", ") + month_vi(m);
    add("meeting.monthly_missing", org,
        "Chưa ghi nhận sinh hoạt chi bộ định kỳ tháng " + list + ".");
  }

  static const char* const kRoman[] = {"I", "II", "III", "IV"};
  for (const auto& [org, quarters] : ev.missing_thematic_quarters) {
    std::string list;
    for (int q : quarters) {
      list += (list.empty() ? "" : ", ") + std::string(kRoman[q % 4]) + "/" + std::to_string(q / 4);
    }
    add("meeting.thematic_missing", org,
        "Chưa ghi nhận sinh hoạt chuyên đề quý " + list + " (ít nhất mỗi quý một lần).");
  }

  // Probationary members past their probation and review time, without a decision.
  for (const auto& r : ev.overdue_probationers) {
    const Date due = r.probation_start.add_months(rules.probation_months);
    add("probation.overdue", r.org,
        "Đồng chí " + r.person.full_name() + " (mã " + r.code + ") dự bị từ " +
            r.probation_start.vi() + ", hết thời gian dự bị ngày " + due.vi() +
            " nhưng chưa có quyết định công nhận chính thức.");
  }

  // Grassroots organizations (and the root) with no target in the year's plan.
  for (OrgId id : subtree) {
    const auto kind = ev.tree().find(id)->kind;
    const bool plans = id == ev.root || kind == OrgKind::grassroots_committee ||
                       kind == OrgKind::grassroots_branch;
    if (plans && !ev.own_target_count.count(id)) {
      add("plan.no_targets", id,
          "Chưa có chỉ tiêu nào trong kế hoạch năm " + std::to_string(ev.as_of.year()) + ".");
    }
  }

  for (OrgId id : subtree) {
    if (ev.facts(id)[Fact::branches_below_minimum] > 0 &&
        rules.holds_members(ev.tree().find(id)->kind)) {
      add("branch.below_minimum", id,
          "Chi bộ có " +
              format_integer(static_cast<std::int64_t>(ev.facts(id)[Fact::members_official])) +
              " đảng viên chính thức, dưới mức tối thiểu " +
              std::to_string(rules.branch_min_official_members) + ".");
    }
  }
  return out;
}

}  // namespace dangvu::report
