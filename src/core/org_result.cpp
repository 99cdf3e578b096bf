#include "core/org_result.h"

#include <algorithm>

#include "core/enum_names.h"

namespace dangvu {
namespace {

constexpr EnumNames<OrgResultStep, 3> kStepNames = {{
    {OrgResultStep::proposal, "proposal", "Tự đánh giá, đăng ký"},
    {OrgResultStep::decision, "decision", "Quyết định"},
    {OrgResultStep::cancellation, "cancellation", "Hủy bản ghi"},
}};

}  // namespace

std::string_view to_string(OrgResultStep s) { return name_of(kStepNames, s); }
std::optional<OrgResultStep> parse_org_result_step(std::string_view text) {
  return parse_of(kStepNames, text);
}

RatingCategory org_category_for(const OrgRatingFacts& f, const RatingRules& rules) {
  if (f.score < rules.completed_min ||
      f.tasks_late_percent > rules.org_completed_late_max_percent) {
    return RatingCategory::not_completed;
  }
  if (f.tasks_late_percent > 0 || f.score < rules.good_min) return RatingCategory::completed;
  if (f.score < rules.excellent_min || f.disciplined ||
      f.tasks_exceeding_percent < rules.org_excellent_exceeding_percent) {
    return RatingCategory::good;
  }
  return RatingCategory::excellent;
}

Status check_org_rating_category(RatingCategory proposed, const OrgRatingFacts& f,
                                 const RatingRules& rules, const std::string& field) {
  const RatingCategory allowed = org_category_for(f, rules);
  if (proposed == allowed) return {};
  std::string why = "Điểm " + score_vi(f.score);
  if (f.tasks_late_percent > rules.org_completed_late_max_percent) {
    why += ", " + std::to_string(f.tasks_late_percent) + "% nhiệm vụ chậm tiến độ (quá " +
           std::to_string(rules.org_completed_late_max_percent) + "%)";
  } else if (f.tasks_late_percent > 0 && f.score >= rules.good_min) {
    why += ", còn " + std::to_string(f.tasks_late_percent) + "% nhiệm vụ chậm tiến độ";
  } else if (f.score >= rules.excellent_min && f.disciplined) {
    why += ", có tổ chức trực thuộc hoặc cấp ủy viên bị kỷ luật trong năm";
  } else if (f.score >= rules.excellent_min &&
             f.tasks_exceeding_percent < rules.org_excellent_exceeding_percent) {
    why += ", " + std::to_string(f.tasks_exceeding_percent) +
           "% nhiệm vụ vượt yêu cầu (cần ít nhất " +
           std::to_string(rules.org_excellent_exceeding_percent) + "%)";
  }
  return Error::refused(field, "rating.category",
                        why + ": xếp loại «" + std::string(label_vi(allowed)) + "», không phải «" +
                            std::string(label_vi(proposed)) + "».",
                        "the category does not follow from the score and conditions");
}

std::optional<OrgId> committee_above(const OrgTree& tree, OrgId org) {
  const OrgTree::Node* node = tree.find(org);
  for (int depth = 0; node != nullptr && node->parent && depth < 64; ++depth) {
    node = tree.find(*node->parent);
    if (node != nullptr &&
        (node->kind == OrgKind::upper_committee || node->kind == OrgKind::grassroots_committee)) {
      return node->id;
    }
  }
  return std::nullopt;
}

bool org_too_new(Date founded, Date round_end, const RatingRules& rules) {
  return round_end < founded.add_months(rules.org_min_months);
}

bool org_result_cancelled(const std::vector<OrgResultRecord>& records, OrgResultId id) {
  return std::any_of(records.begin(), records.end(), [&](const OrgResultRecord& r) {
    return r.step == OrgResultStep::cancellation && r.refers == id;
  });
}

OrgResult org_result_of(const std::vector<OrgResultRecord>& records, int year,
                        std::string_view subject) {
  OrgResult out;
  for (const auto& r : records) {
    if (r.year != year || r.subject != subject || r.step == OrgResultStep::cancellation ||
        org_result_cancelled(records, r.id)) {
      continue;
    }
    (r.step == OrgResultStep::proposal ? out.proposal : out.decision) = r;
  }
  return out;
}

std::optional<std::string> org_excellent_quota_warning(int excellent, int good,
                                                       const RatingRules& rules) {
  if (excellent == 0 || 100LL * excellent <= 1LL * rules.excellent_quota_percent * good) {
    return std::nullopt;
  }
  return "Số tổ chức đảng «Hoàn thành xuất sắc nhiệm vụ» (" + std::to_string(excellent) +
         ") vượt " + std::to_string(rules.excellent_quota_percent) +
         "% số tổ chức «Hoàn thành tốt nhiệm vụ» (" + std::to_string(good) + ").";
}

}  // namespace dangvu
