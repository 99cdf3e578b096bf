#include "core/rating_rules.h"

#include <nlohmann/json.hpp>

namespace dangvu {
namespace {

using nlohmann::json;

Error bad(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules.rating", "Tệp quy tắc, khóa «rating." + key + "»: " + why_vi,
                        "rules file, key 'rating." + key + "': " + why_en);
}

}  // namespace

Status RatingRules::merge_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return bad("", "phải là một đối tượng.", "must be an object");
  }
  RatingRules next = *this;
  for (const auto& [key, value] : root.items()) {
    int* number = key == "excellent_min"                     ? &next.excellent_min
                  : key == "good_min"                        ? &next.good_min
                  : key == "completed_min"                   ? &next.completed_min
                  : key == "excellent_quota_percent"         ? &next.excellent_quota_percent
                  : key == "min_months_admitted"             ? &next.min_months_admitted
                  : key == "org_excellent_exceeding_percent" ? &next.org_excellent_exceeding_percent
                  : key == "org_completed_late_max_percent"  ? &next.org_completed_late_max_percent
                  : key == "org_min_months"                  ? &next.org_min_months
                                                             : nullptr;
    if (number == nullptr) return bad(key, "khóa không có.", "unknown key");
    const int max = key.ends_with("_min")                                     ? 1000
                    : key == "min_months_admitted" || key == "org_min_months" ? 24
                                                                              : 100;
    if (!value.is_number_integer() || value.get<int>() < 0 || value.get<int>() > max) {
      return bad(key, "phải là số nguyên từ 0 đến " + std::to_string(max) + ".",
                 "must be an integer 0-" + std::to_string(max));
    }
    *number = value.get<int>();
  }
  if (!(next.completed_min < next.good_min && next.good_min < next.excellent_min)) {
    return bad("excellent_min",
               "các mức điểm phải tăng dần: completed_min < good_min < excellent_min.",
               "score thresholds must increase");
  }
  *this = next;
  return {};
}

std::string RatingRules::to_json() const {
  return json{{"excellent_min", excellent_min},
              {"good_min", good_min},
              {"completed_min", completed_min},
              {"excellent_quota_percent", excellent_quota_percent},
              {"min_months_admitted", min_months_admitted},
              {"org_excellent_exceeding_percent", org_excellent_exceeding_percent},
              {"org_completed_late_max_percent", org_completed_late_max_percent},
              {"org_min_months", org_min_months}}
      .dump();
}

}  // namespace dangvu
