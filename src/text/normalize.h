#pragma once
// Cleaning of user-typed text: valid UTF-8, NFC, trimmed, no control characters.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dangvu::text {

bool is_valid_utf8(std::string_view s);

// NFC of valid UTF-8 (invalid input is returned unchanged).
std::string to_nfc(std::string_view utf8);

// For any typed text: refuses invalid UTF-8 and control characters, normalizes to NFC, trims,
// collapses runs of white space to one space, refuses an empty result and one longer than
// `max_chars` code points. Errors name `field`.
Result<std::string> clean_field(std::string_view raw, std::string_view field,
                                std::size_t max_chars);

// A part of a person's name (family, middle, given): clean_field with at most 40 characters, then
// only letters (with their marks), spaces, hyphens and apostrophes. An empty input is "" when
// `required` is false.
Result<std::string> clean_name_part(std::string_view raw, std::string_view field, bool required);

}  // namespace dangvu::text
