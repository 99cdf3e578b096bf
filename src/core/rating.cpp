#include "core/rating.h"

#include <algorithm>

#include "core/enum_names.h"

namespace dangvu {
namespace {

constexpr EnumNames<RatingCategory, 4> kCategoryNames = {{
    {RatingCategory::excellent, "excellent", "Hoàn thành xuất sắc nhiệm vụ"},
    {RatingCategory::good, "good", "Hoàn thành tốt nhiệm vụ"},
    {RatingCategory::completed, "completed", "Hoàn thành nhiệm vụ"},
    {RatingCategory::not_completed, "not_completed", "Không hoàn thành nhiệm vụ"},
}};

constexpr EnumNames<NotRatedReason, 3> kReasonNames = {{
    {NotRatedReason::admitted_recently, "admitted_recently", "Mới kết nạp chưa đủ 6 tháng"},
    {NotRatedReason::exempt, "exempt", "Miễn công tác và sinh hoạt đảng"},
    {NotRatedReason::suspended, "suspended", "Đình chỉ sinh hoạt đảng"},
}};

constexpr EnumNames<RatingStep, 4> kStepNames = {{
    {RatingStep::self, "self", "Tự đánh giá"},
    {RatingStep::proposal, "proposal", "Chi bộ đề xuất"},
    {RatingStep::decision, "decision", "Quyết định xếp loại"},
    {RatingStep::cancellation, "cancellation", "Hủy bản ghi"},
}};

}  // namespace

std::string_view to_string(RatingCategory c) { return name_of(kCategoryNames, c); }
std::string_view label_vi(RatingCategory c) { return label_of(kCategoryNames, c); }
std::optional<RatingCategory> parse_rating_category(std::string_view text) {
  return parse_of(kCategoryNames, text);
}
std::string_view to_string(NotRatedReason r) { return name_of(kReasonNames, r); }
std::string_view label_vi(NotRatedReason r) { return label_of(kReasonNames, r); }
std::string_view to_string(RatingStep s) { return name_of(kStepNames, s); }
std::string_view label_vi(RatingStep s) { return label_of(kStepNames, s); }
std::optional<RatingStep> parse_rating_step(std::string_view text) {
  return parse_of(kStepNames, text);
}

Result<int> parse_score(std::string_view text, const std::string& field) {
  auto bad = [&] {
    return Error::invalid(field,
                          "Điểm «" + std::string(text) +
                              "» không hợp lệ: ghi từ 0 đến 100, tối đa một chữ số thập phân "
                              "(ví dụ 89,5).",
                          "score out of 0-100 or malformed");
  };
  int whole = 0, tenths = 0, digits = 0, decimals = 0;
  bool point = false;
  for (char c : text) {
    if (c == ',' || c == '.') {
      if (point || digits == 0) return bad();
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (point) {
        if (++decimals > 1) return bad();
        tenths = c - '0';
      } else {
        if (++digits > 3) return bad();
        whole = whole * 10 + (c - '0');
      }
    } else {
      return bad();
    }
  }
  if (digits == 0 || (point && decimals == 0)) return bad();
  const int score = whole * 10 + tenths;
  if (score > 1000) return bad();
  return score;
}

std::string score_vi(int tenths) {
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10 != 0) out += "," + std::to_string(tenths % 10);
  return out;
}

RatingCategory category_for(const RatingFacts& f, const RatingRules& rules) {
  if (f.disciplined || f.score < rules.completed_min) return RatingCategory::not_completed;
  if (!f.tasks_on_time || f.score < rules.good_min) return RatingCategory::completed;
  if (f.score < rules.excellent_min) return RatingCategory::good;
  return RatingCategory::excellent;
}

Status check_rating_category(RatingCategory proposed, const RatingFacts& f,
                             const RatingRules& rules, const std::string& field) {
  const RatingCategory allowed = category_for(f, rules);
  if (proposed == allowed) return {};
  std::string why = "Điểm " + score_vi(f.score);
  if (f.disciplined) {
    why += ", bị kỷ luật trong năm";
  } else if (!f.tasks_on_time && f.score >= rules.good_min) {
    why += ", chưa hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng";
  }
  return Error::refused(field, "rating.category",
                        why + ": xếp loại «" + std::string(label_vi(allowed)) + "», không phải «" +
                            std::string(label_vi(proposed)) + "».",
                        "the category does not follow from the score and conditions");
}

std::optional<NotRatedReason> not_rated_reason(std::optional<Date> last_admission, bool exempt,
                                               Date round_end, const RatingRules& rules,
                                               bool suspended) {
  if (last_admission && round_end < last_admission->add_months(rules.min_months_admitted)) {
    return NotRatedReason::admitted_recently;
  }
  if (exempt) return NotRatedReason::exempt;
  if (suspended) return NotRatedReason::suspended;
  return std::nullopt;
}

RatingStanding rating_standing(std::optional<Date> last_admission, const Dossier& dossier, int year,
                               Date round_end, const RatingRules& rules) {
  RatingStanding out;
  const auto exempt = dossier.value_at("exemption", round_end);
  const auto suspended = dossier.value_at("suspension", round_end);
  out.not_rated =
      not_rated_reason(last_admission, exempt.has_value(), round_end, rules, suspended.has_value());
  for (const auto& d : dossier.history_until("discipline", round_end)) {
    if (d.from.year() == year && !d.value.empty()) out.disciplined = true;
  }
  return out;
}

std::optional<std::string> excellent_quota_warning(int excellent, int good,
                                                   const RatingRules& rules) {
  // excellent ≤ quota% × good, in whole numbers: 100 × excellent ≤ quota × good.
  if (excellent == 0 || 100LL * excellent <= 1LL * rules.excellent_quota_percent * good) {
    return std::nullopt;
  }
  return "Số đảng viên «Hoàn thành xuất sắc nhiệm vụ» (" + std::to_string(excellent) + ") vượt " +
         std::to_string(rules.excellent_quota_percent) +
         "% số đảng viên «Hoàn thành tốt nhiệm vụ» (" + std::to_string(good) + ").";
}

bool rating_record_cancelled(const std::vector<RatingRecord>& records, RatingRecordId id) {
  return std::any_of(records.begin(), records.end(), [&](const RatingRecord& r) {
    return r.step == RatingStep::cancellation && r.refers == id;
  });
}

MemberRating rating_of(const std::vector<RatingRecord>& records, int year) {
  MemberRating out;
  for (const auto& r : records) {
    if (r.year != year || rating_record_cancelled(records, r.id)) continue;
    switch (r.step) {
      case RatingStep::self: out.self = r; break;
      case RatingStep::proposal: out.proposal = r; break;
      case RatingStep::decision: out.decision = r; break;
      case RatingStep::cancellation: break;
    }
  }
  return out;
}

}  // namespace dangvu
