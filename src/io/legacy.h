#pragma once
// Vietnamese text typed in the legacy font encodings, as it reaches us inside an XLSX (each font
// byte stored as the Unicode code point of the same value, U+00A1…U+00FE) or a CSV saved as
// "ANSI":
//   - TCVN3 (ABC; fonts .VnTime, .VnArial): one byte per letter, tone included ("Hµ Néi").
//     Capitals with a tone do not exist in it (offices used the .VnTimeH capitals font, whose
//     bytes are the lower-case ones): they convert to lower case.
//   - VNI (VNI-Windows; fonts VNI-Times): a base letter followed by mark bytes ("Nguyeãn", "Haø
//     Noäi"), with single bytes for đ, ơ, ư and some i/y forms.
// The tables are data (legacy.cpp). Detection weighs evidence: the letters only one encoding
// explains (Latin-1 letters Unicode Vietnamese uses are evidence of nothing). A sheet decides from
// the whole file's evidence, a column keeping its own encoding only where its evidence clearly
// says otherwise (column_encoding); a cell holding Vietnamese letters outside Latin-1 is Unicode
// whatever its column says.
#include <string>
#include <string_view>
#include <vector>

namespace dangvu::io {

enum class TextEncoding { unicode, tcvn3, vni };

std::string_view to_string(TextEncoding e);  // "unicode", "tcvn3", "vni"
std::string_view label_vi(TextEncoding e);   // "Unicode", "TCVN3 (ABC)", "VNI"

// How many letters of some text only each encoding explains. A VNI mark byte counts for VNI
// after a vowel it may follow (or ơ, ư), a VNI capital letter byte only where a capital may stand
// (not after a small letter, where TCVN3 has its small toned letters); TCVN3's A1–BF bytes and
// the other bytes from C0 up count for TCVN3; letters beyond Latin-1 for Unicode.
struct EncodingEvidence {
  long long unicode = 0, tcvn3 = 0, vni = 0;

  void add(std::string_view utf8);  // one cell's text
  EncodingEvidence& operator+=(const EncodingEvidence& other);
  long long of(TextEncoding e) const;
  // Unicode without legacy evidence or with at least as much Unicode evidence; else the legacy
  // encoding with more.
  TextEncoding leading() const;
};

// The encoding the cells of one column were typed in, from their evidence alone.
TextEncoding detect_encoding(const std::vector<std::string_view>& cells);

// The encoding of a column of a file whose evidence leads to `file`: the file's, unless the
// column's own evidence clearly conflicts (at least kClearEvidence letters of another encoding,
// and three times as many as of the file's): a VNI column in a TCVN3 file, a column of Unicode
// cells in a legacy one.
constexpr long long kClearEvidence = 3;
TextEncoding column_encoding(const EncodingEvidence& column, TextEncoding file);

// Whether one cell is certainly Unicode (holds Vietnamese letters or marks beyond Latin-1).
bool is_certainly_unicode(std::string_view utf8);

// Converts legacy text to Unicode NFC. Characters outside the table are kept.
std::string decode(std::string_view utf8, TextEncoding from);

// Converts Unicode text to the legacy encoding (code points U+00A1…U+00FE as UTF-8), for tests
// and the fuzzers' corpus.
std::string encode(std::string_view utf8, TextEncoding to);

}  // namespace dangvu::io
