#pragma once
// Vietnamese ordering (ICU collation for "vi"): ă after a, â after ă, đ after d, ô ơ after o,
// ư after u; tones are secondary differences.
#include <string>
#include <string_view>

namespace dangvu::text {

// The ICU sort key (binary, without the terminating NUL): byte order of keys is Vietnamese order.
std::string sort_key(std::string_view utf8);

// The list order of people: by given name, then middle name, then family name. Byte order of
// the keys gives that order; 0x00 separates the parts (ICU keys never contain it).
std::string person_sort_key(std::string_view family, std::string_view middle,
                            std::string_view given);

// <0, 0, >0 as `a` sorts before, with, or after `b` in Vietnamese.
int compare_vi(std::string_view a, std::string_view b);

}  // namespace dangvu::text
