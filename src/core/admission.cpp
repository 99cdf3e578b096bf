#include "core/admission.h"

#include <nlohmann/json.hpp>

namespace dangvu {
namespace {

using nlohmann::json;

Error bad(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules.admission", "Tệp quy tắc, khóa «admission." + key + "»: " + why_vi,
                        "rules file, key 'admission." + key + "': " + why_en);
}

std::string label_of(std::string_view field) {
  const DossierField* f = find_dossier_field(field);
  return f ? std::string(f->label) : std::string(field);
}

// Why a recorded sponsor does not count on the vote date, or empty when the sponsor counts.
std::string sponsor_shortfall(const AdmissionRules& rules, const SponsorStanding& s, Date vote) {
  if (s.status == MemberStatus::none) return "không có đảng viên mã này";
  if (s.status != MemberStatus::official) {
    return "ngày " + vote.vi() +
           " chưa là đảng viên chính thức (khi ấy: " + std::string(label_vi(s.status)) + ")";
  }
  if (vote < s.worked_since.add_months(rules.sponsor_min_months)) {
    return "cùng công tác từ " + s.worked_since.vi() + ", đến ngày biểu quyết chưa đủ " +
           std::to_string(rules.sponsor_min_months) + " tháng";
  }
  return {};
}

}  // namespace

Status AdmissionRules::merge_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return bad("", "phải là một đối tượng.", "must be an object");
  }
  for (const auto& [key, value] : root.items()) {
    bool* flag = key == "course_certificate" ? &course_certificate
                 : key == "background_check" ? &background_check
                 : key == "branch_vote"      ? &branch_vote
                                             : nullptr;
    int* number = key == "course_certificate_valid_months" ? &course_certificate_valid_months
                  : key == "sponsors"                      ? &sponsors
                  : key == "sponsors_with_youth_union"     ? &sponsors_with_youth_union
                  : key == "sponsor_min_months"            ? &sponsor_min_months
                                                           : nullptr;
    if (flag != nullptr) {
      if (!value.is_boolean()) return bad(key, "phải là true hoặc false.", "must be a boolean");
      *flag = value.get<bool>();
    } else if (number != nullptr) {
      if (!value.is_number_integer() || value.get<int>() < 0 || value.get<int>() > 240) {
        return bad(key, "phải là số nguyên từ 0 đến 240.", "must be an integer 0-240");
      }
      *number = value.get<int>();
    } else {
      return bad(key, "khóa không được hỗ trợ.", "unknown key");
    }
  }
  return {};
}

std::string AdmissionRules::to_json() const {
  return json{{"course_certificate", course_certificate},
              {"course_certificate_valid_months", course_certificate_valid_months},
              {"sponsors", sponsors},
              {"sponsors_with_youth_union", sponsors_with_youth_union},
              {"sponsor_min_months", sponsor_min_months},
              {"background_check", background_check},
              {"branch_vote", branch_vote}}
      .dump();
}

std::vector<AdmissionGap> admission_gaps(const AdmissionRules& rules, const Dossier& file,
                                         std::optional<Date> vote_date, Date fallback,
                                         std::span<const SponsorStanding> sponsors) {
  std::vector<AdmissionGap> gaps;
  if (rules.branch_vote && !vote_date) {
    gaps.push_back({"vote_date", "admission.branch_vote",
                    "chưa có ngày chi bộ xét, biểu quyết đề nghị kết nạp"});
  }
  const Date on = vote_date.value_or(fallback);
  if (rules.course_certificate) {
    auto course = file.value_at("party_course", on);
    if (!course) {
      gaps.push_back(
          {"party_course", "admission.course_certificate", "chưa có " + label_of("party_course")});
    } else if (rules.course_certificate_valid_months > 0 &&
               course->from.add_months(rules.course_certificate_valid_months) < on) {
      gaps.push_back({"party_course", "admission.course_certificate_expired",
                      label_of("party_course") + " cấp ngày " + course->from.vi() + " đã quá " +
                          std::to_string(rules.course_certificate_valid_months) + " tháng"});
    }
  }
  if (rules.background_check && !file.value_at("background_check", on)) {
    gaps.push_back(
        {"background_check", "admission.background_check", "chưa kết luận thẩm tra lý lịch"});
  }
  const bool youth_union = file.value_at("youth_union_introduction", on).has_value();
  const int needed = youth_union ? rules.sponsors_with_youth_union : rules.sponsors;
  int counted = 0;
  std::vector<std::string> reasons;
  for (const auto& s : sponsors) {
    if (s.worked_since > on) continue;
    const std::string why = sponsor_shortfall(rules, s, on);
    if (why.empty()) {
      ++counted;
    } else {
      reasons.push_back("đồng chí mã «" + s.code + "» " + why);
    }
  }
  if (counted < needed) {
    std::string what = "cần " + std::to_string(needed) + " đảng viên chính thức giới thiệu" +
                       (youth_union ? " (cùng với Đoàn TNCS Hồ Chí Minh)" : "") +
                       ", cùng công tác với người vào Đảng ít nhất " +
                       std::to_string(rules.sponsor_min_months) + " tháng; mới có " +
                       std::to_string(counted);
    for (std::size_t i = 0; i < reasons.size(); ++i) {
      what += (i == 0 ? " (" : ", ") + reasons[i] + (i + 1 == reasons.size() ? ")" : "");
    }
    gaps.push_back({"sponsor", "admission.sponsors", what});
  }
  return gaps;
}

Error admission_refusal(const std::vector<AdmissionGap>& gaps) {
  std::string message = "Chưa đủ hồ sơ kết nạp: ";
  std::string rules;
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    message += (i > 0 ? "; " : "") + gaps[i].message_vi;
    rules += (i > 0 ? ", " : "") + gaps[i].rule;
  }
  message += ".";
  const std::string field = gaps.empty() ? "" : gaps.front().field;
  const std::string rule = gaps.empty() ? "" : gaps.front().rule;
  return Error::refused(field, rule, message, "admission file incomplete: " + rules);
}

}  // namespace dangvu
