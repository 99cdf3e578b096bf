#pragma once
// Folding for search: "Đàm Văn Chính" → "dam van chinh".
#include <string>
#include <string_view>
#include <vector>

namespace dangvu::text {

// NFC → tones and marks removed, đ/Đ → d, lower case; only ASCII letters and digits are kept and
// every other run of characters becomes one space; trimmed.
std::string fold(std::string_view utf8);

// The folded full name "family middle given" and each of its word suffixes ("dam van chinh",
// "van chinh", "chinh"), without duplicates. Indexed, they let a prefix query find a person by
// any part of the name.
std::vector<std::string> name_search_keys(std::string_view family, std::string_view middle,
                                          std::string_view given);

}  // namespace dangvu::text
