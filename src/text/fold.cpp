#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/search_key.h"

namespace dangvu::text {

// NFD splits every Vietnamese letter into an ASCII base and combining marks, except đ/Đ, which
// is its own letter and is mapped explicitly (ICU's "remove marks" leaves it alone).
std::string fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString decomposed = nfd->normalize(in, status);
  if (U_FAILURE(status)) decomposed = in;
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111 || c == 0x0110) c = 'd';  // đ Đ
    if (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      pending_space = true;
    }
  }
  return out;
}

std::vector<std::string> name_search_keys(std::string_view family, std::string_view middle,
                                          std::string_view given) {
  std::string full(family);
  if (!middle.empty()) full += " " + std::string(middle);
  full += " " + std::string(given);
  return word_suffix_keys(fold(full));
}

}  // namespace dangvu::text
