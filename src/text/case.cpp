#include "text/case.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "text/normalize.h"

namespace dangvu::text {

std::string to_upper_vi(std::string_view utf8) {
  if (!is_valid_utf8(utf8)) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  s.toUpper(icu::Locale("vi"));
  std::string out;
  s.toUTF8String(out);
  return to_nfc(out);
}

}  // namespace dangvu::text
