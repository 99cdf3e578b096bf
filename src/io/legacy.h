#pragma once
// Vietnamese text typed in the legacy font encodings, as it reaches us inside an XLSX (each font
// byte stored as the Unicode code point of the same value, U+00A1…U+00FE) or a CSV saved as
// "ANSI":
//   - TCVN3 (ABC; fonts .VnTime, .VnArial): one byte per letter, tone included ("Hµ Néi").
//     Capitals with a tone do not exist in it (offices used the .VnTimeH capitals font, whose
//     bytes are the lower-case ones): they convert to lower case.
//   - VNI (VNI-Windows; fonts VNI-Times): a base letter followed by mark bytes ("Nguyeãn", "Haø
//     Noäi"), with single bytes for đ, ơ, ư and some i/y forms.
// The tables are data (legacy.cpp). Detection is per column: the encoding with the most bytes
// that only it uses; a cell holding Vietnamese letters outside Latin-1 is Unicode whatever its
// column says.
#include <string>
#include <string_view>
#include <vector>

namespace dangvu::io {

enum class TextEncoding { unicode, tcvn3, vni };

std::string_view to_string(TextEncoding e);  // "unicode", "tcvn3", "vni"
std::string_view label_vi(TextEncoding e);   // "Unicode", "TCVN3 (ABC)", "VNI"

// The encoding the cells of one column were typed in.
TextEncoding detect_encoding(const std::vector<std::string_view>& cells);

// Whether one cell is certainly Unicode (holds Vietnamese letters or marks beyond Latin-1).
bool is_certainly_unicode(std::string_view utf8);

// Converts legacy text to Unicode NFC. Characters outside the table are kept.
std::string decode(std::string_view utf8, TextEncoding from);

// Converts Unicode text to the legacy encoding (code points U+00A1…U+00FE as UTF-8), for tests
// and the fuzzers' corpus.
std::string encode(std::string_view utf8, TextEncoding to);

}  // namespace dangvu::io
