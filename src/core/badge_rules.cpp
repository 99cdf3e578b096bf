#include "core/badge_rules.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/date.h"

namespace dangvu {
namespace {

using nlohmann::json;

Error bad(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules.badges", "Tệp quy tắc, khóa «badges." + key + "»: " + why_vi,
                        "rules file, key 'badges." + key + "': " + why_en);
}

}  // namespace

Status BadgeRules::merge_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return bad("", "phải là một đối tượng.", "must be an object");
  }
  for (const auto& [key, value] : root.items()) {
    int* number = key == "ill_short_max_years" ? &ill_short_max_years
                  : key == "ill_short_months"  ? &ill_short_months
                  : key == "ill_long_months"   ? &ill_long_months
                  : key == "posthumous_months" ? &posthumous_months
                                               : nullptr;
    if (number != nullptr) {
      if (!value.is_number_integer() || value.get<int>() < 0 || value.get<int>() > 120) {
        return bad(key, "phải là số nguyên từ 0 đến 120.", "must be an integer 0-120");
      }
      *number = value.get<int>();
    } else if (key == "occasions") {
      if (!value.is_array() || value.empty()) {
        return bad(key, "phải là danh sách ngày dạng «19/05» khác rỗng.",
                   "must be a non-empty array of dd/mm");
      }
      std::vector<BadgeOccasion> days;
      for (const auto& d : value) {
        int day = 0, month = 0;
        char extra = 0;
        const std::string text = d.is_string() ? d.get<std::string>() : "";
        // A day of a leap year, so that 29/02 is a day too.
        if (std::sscanf(text.c_str(), "%2d/%2d%c", &day, &month, &extra) != 2 ||
            !Date::from_ymd(2024, month, day).ok()) {
          return bad(key, "ngày «" + text + "» không đúng dạng ngày/tháng (ví dụ 19/05).",
                     "not a dd/mm day");
        }
        days.push_back({month, day});
      }
      occasions = std::move(days);
    } else {
      return bad(key, "khóa không có.", "unknown key");
    }
  }
  return {};
}

std::string BadgeRules::to_json() const {
  json days = json::array();
  for (const auto& o : occasions) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d/%02d", o.day, o.month);
    days.push_back(text);
  }
  return json{{"occasions", days},
              {"ill_short_max_years", ill_short_max_years},
              {"ill_short_months", ill_short_months},
              {"ill_long_months", ill_long_months},
              {"posthumous_months", posthumous_months}}
      .dump();
}

}  // namespace dangvu
