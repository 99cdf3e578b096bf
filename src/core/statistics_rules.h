#pragma once
// The numbers the member statistics (biểu thống kê of the Organization Commission) group by, as
// data in the rule set (`statistics` in the JSON file): the age bands, the admission eras, the
// Youth Union age. Defaults follow the forms as docs/rules.md describes them.
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace dangvu {

struct AdmissionEra {
  Date from;  // the first day of the era; the first era has no lower bound
  std::string label;
};

struct StatisticsRules {
  // Each age band's highest age: 18–30, 31–35, … 56–60, then "Trên 60".
  std::vector<int> age_band_upper = {30, 35, 40, 45, 50, 55, 60};
  // The eras of admission (biểu 3-BTCTW), oldest first; each from its date to the next one's.
  std::vector<AdmissionEra> admission_eras = {
      {Date(), "Trước 19/8/1945"},
      {Date::from_days(-8901), "Từ 19/8/1945 đến 20/7/1954"},  // 1945-08-19
      {Date::from_days(-5643), "Từ 21/7/1954 đến 30/4/1975"},  // 1954-07-21
      {Date::from_days(1946), "Từ 01/5/1975 đến nay"},         // 1975-05-01
  };
  // A member who joined the Youth Union and is at most this old is counted as a Youth Union member
  // (đoàn viên: 16 to 30 years old, Điều lệ Đoàn TNCS Hồ Chí Minh).
  int youth_union_max_age = 30;

  // Reads `{"age_band_upper": [...], "admission_eras": [{"from", "label"}…],
  // "youth_union_max_age": n}` over these values, refusing a malformed one by its key.
  Status merge_json(std::string_view json_text);
  std::string to_json() const;
};

}  // namespace dangvu
