#pragma once
// Letter case in Vietnamese: letterheads print the bodies' names in capitals ("ĐẢNG ỦY KHỐI …").
#include <string>
#include <string_view>

namespace dangvu::text {

// Upper case by the `vi` locale's rules, NFC. Invalid UTF-8 is returned unchanged.
std::string to_upper_vi(std::string_view utf8);

}  // namespace dangvu::text
