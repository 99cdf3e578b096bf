#pragma once
// Numbers in Vietnamese style: '.' groups thousands, ',' marks decimals (2.465; 77,5%).
#include <cstdint>
#include <string>

namespace dangvu::report {

std::string format_integer(std::int64_t value);
// Rounded half away from zero to `decimals` places (142/547 = 25,959… → "26,0").
std::string format_decimal(double value, int decimals);
// `percent` is already ×100: format_percent(77.5) == "77,5%".
std::string format_percent(double percent, int decimals = 1);

}  // namespace dangvu::report
