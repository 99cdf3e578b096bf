#include "text/normalize.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

namespace dangvu::text {
namespace {

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  return *n;  // ICU's built-in data: never fails once ICU is linked
}

Error field_error(std::string_view field, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid(std::string(field), "Trường «" + std::string(field) + "»: " + why_vi,
                        "field '" + std::string(field) + "': " + why_en);
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  // ICU's U8_NEXT macro trips -Wconversion; the C API does the same check.
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strFromUTF8(nullptr, 0, &needed, s.data(), static_cast<int32_t>(s.size()), &status);
  return status != U_INVALID_CHAR_FOUND && status != U_ILLEGAL_CHAR_FOUND;
}

std::string to_nfc(std::string_view utf8) {
  // ASCII is NFC as it is: most cells of a sheet (dates, codes, numbers) need no ICU at all.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) {
    return std::string(utf8);
  }
  // ICU would silently turn bad bytes into U+FFFD; the contract is "unchanged".
  if (!is_valid_utf8(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  // Text typed today is NFC already: checked on the UTF-8, without converting it twice.
  if (nfc().isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                             status) &&
      U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfc().normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

Result<std::string> clean_field(std::string_view raw, std::string_view field,
                                std::size_t max_chars) {
  if (!is_valid_utf8(raw)) {
    return field_error(field, "văn bản không phải UTF-8 hợp lệ.", "invalid UTF-8");
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  icu::UnicodeString normalized = nfc().normalize(in, status);
  if (U_FAILURE(status)) return field_error(field, "văn bản không hợp lệ.", "normalization failed");
  icu::UnicodeString out;
  bool pending_space = false;
  std::size_t count = 0;
  for (int32_t i = 0; i < normalized.length(); i = normalized.moveIndex32(i, 1)) {
    UChar32 c = normalized.char32At(i);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (u_iscntrl(c) || u_charType(c) == U_FORMAT_CHAR || u_charType(c) == U_UNASSIGNED) {
      return field_error(field, "có ký tự điều khiển hoặc không in được.", "control character");
    }
    if (pending_space) {
      out.append(static_cast<UChar32>(' '));
      ++count;
      pending_space = false;
    }
    out.append(c);
    ++count;
  }
  if (out.isEmpty()) return field_error(field, "không được để trống.", "empty");
  if (count > max_chars) {
    return field_error(field, "dài quá " + std::to_string(max_chars) + " ký tự.", "too long");
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

Result<std::string> clean_name_part(std::string_view raw, std::string_view field, bool required) {
  auto cleaned = clean_field(raw, field, 40);
  // Nothing but white space (of any kind) is an empty optional part.
  if (!required && !cleaned.ok() && is_valid_utf8(raw)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    bool blank = true;
    for (int32_t i = 0; blank && i < u.length(); i = u.moveIndex32(i, 1)) {
      blank = u_isUWhiteSpace(u.char32At(i));
    }
    if (blank) return std::string();
  }
  if (!cleaned.ok()) return cleaned;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(*cleaned);
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    const auto type = u_charType(c);
    if (u_isalpha(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
        c == ' ' || c == '-' || c == '\'' || c == 0x2019) {
      continue;
    }
    return field_error(field, "tên chỉ gồm chữ cái, dấu cách, gạch nối hoặc dấu nháy.",
                       "name part with a character that is not a letter");
  }
  return cleaned;
}

}  // namespace dangvu::text
