#include "core/statistics_rules.h"

#include <nlohmann/json.hpp>

namespace dangvu {
namespace {

using nlohmann::json;

Error bad(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules.statistics", "Tệp quy tắc, khóa «statistics." + key + "»: " + why_vi,
                        "rules file, key 'statistics." + key + "': " + why_en);
}

}  // namespace

Status StatisticsRules::merge_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return bad("", "phải là một đối tượng.", "must be an object");
  }
  for (const auto& [key, value] : root.items()) {
    if (key == "age_band_upper") {
      if (!value.is_array() || value.empty()) {
        return bad(key, "phải là danh sách tuổi tăng dần.", "must be a non-empty array");
      }
      std::vector<int> bands;
      for (const auto& v : value) {
        if (!v.is_number_integer() || v.get<int>() < 18 || v.get<int>() > 120 ||
            (!bands.empty() && v.get<int>() <= bands.back())) {
          return bad(key, "mỗi tuổi từ 18 đến 120, tăng dần.", "ages 18-120, increasing");
        }
        bands.push_back(v.get<int>());
      }
      age_band_upper = std::move(bands);
    } else if (key == "admission_eras") {
      if (!value.is_array() || value.empty()) {
        return bad(key, "phải là danh sách các giai đoạn.", "must be a non-empty array");
      }
      std::vector<AdmissionEra> eras;
      for (const auto& v : value) {
        if (!v.is_object() || !v.contains("label") || !v["label"].is_string()) {
          return bad(key, "mỗi giai đoạn cần label (và from, trừ giai đoạn đầu).",
                     "each era needs a label");
        }
        AdmissionEra era{Date(), v["label"].get<std::string>()};
        if (!eras.empty()) {
          if (!v.contains("from") || !v["from"].is_string()) {
            return bad(key, "giai đoạn sau cần ngày bắt đầu from.", "era needs from");
          }
          auto from = Date::parse(v["from"].get<std::string>(), "rules.statistics");
          if (!from.ok() || (eras.size() > 1 && *from <= eras.back().from)) {
            return bad(key, "ngày bắt đầu không hợp lệ hoặc không tăng dần.", "bad from");
          }
          era.from = *from;
        }
        eras.push_back(std::move(era));
      }
      admission_eras = std::move(eras);
    } else if (key == "youth_union_max_age") {
      if (!value.is_number_integer() || value.get<int>() < 16 || value.get<int>() > 40) {
        return bad(key, "phải là số tuổi từ 16 đến 40.", "must be 16-40");
      }
      youth_union_max_age = value.get<int>();
    } else {
      return bad(key, "khóa không được hỗ trợ.", "unknown key");
    }
  }
  return {};
}

std::string StatisticsRules::to_json() const {
  json eras = json::array();
  for (std::size_t i = 0; i < admission_eras.size(); ++i) {
    json e = {{"label", admission_eras[i].label}};
    if (i > 0) e["from"] = admission_eras[i].from.iso();
    eras.push_back(e);
  }
  return json{{"age_band_upper", age_band_upper},
              {"admission_eras", eras},
              {"youth_union_max_age", youth_union_max_age}}
      .dump();
}

}  // namespace dangvu
