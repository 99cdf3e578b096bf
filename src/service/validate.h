#pragma once
// Checks of typed input shared by the use cases; each error names the field in Vietnamese.
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/org.h"
#include "core/result.h"

namespace dangvu::service {

// Codes users type for orgs and members: 1–32 of A–Z a–z 0–9 . _ -
Status check_code(std::string_view code, std::string_view field);
Result<Date> parse_date(std::string_view text, std::string_view field);
Result<OrgKind> parse_kind(std::string_view text, std::string_view field);
// A name: valid UTF-8, NFC, trimmed, 1–200 characters.
Result<std::string> clean_name(std::string_view text, std::string_view field);
// The rows of a page, `limit`: 1 to `max`, else refused naming the field `limit`.
Status check_limit(long long limit, int max);

}  // namespace dangvu::service
