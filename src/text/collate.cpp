#include "text/collate.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace dangvu::text {
namespace {

// Collators are not safe to share between threads: one per thread.
icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("vi"), status));
    return made;
  }();
  return *c;
}

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

}  // namespace

std::string sort_key(std::string_view utf8) {
  icu::UnicodeString s = from_utf8(utf8);
  std::vector<uint8_t> buf(64);
  int32_t n = collator().getSortKey(s, buf.data(), static_cast<int32_t>(buf.size()));
  if (n > static_cast<int32_t>(buf.size())) {
    buf.resize(static_cast<std::size_t>(n));
    n = collator().getSortKey(s, buf.data(), n);
  }
  // Drop the terminating NUL so that keys can be joined with a 0x00 separator.
  return std::string(reinterpret_cast<const char*>(buf.data()),
                     static_cast<std::size_t>(n > 0 ? n - 1 : 0));
}

std::string person_sort_key(std::string_view family, std::string_view middle,
                            std::string_view given) {
  std::string key = sort_key(given);
  key += '\0';
  key += sort_key(middle);
  key += '\0';
  key += sort_key(family);
  return key;
}

int compare_vi(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  auto r = collator().compare(from_utf8(a), from_utf8(b), status);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

}  // namespace dangvu::text
