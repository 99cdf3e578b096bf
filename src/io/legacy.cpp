// TCVN3 and VNI tables and their conversion.
#include "io/legacy.h"

#include <array>
#include <unordered_map>

#include "text/normalize.h"

namespace dangvu::io {
namespace {

// Decodes one UTF-8 code point at s[i] (valid UTF-8 assumed; an invalid byte is returned as is).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  if (b >= 0x80 && b < 0xC0) extra = 0;
  if (i + extra >= s.size()) extra = 0;
  char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k <= extra; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += 1 + extra;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// TCVN3 (ABC): byte → Unicode letter. Lower case with tones, and the capitals Ă Â Ê Ô Ơ Ư Đ.
struct Pair {
  unsigned char byte;
  char32_t letter;
};
constexpr Pair kTcvn3[] = {
    {0xA1, U'Ă'},
    {0xA2, U'Â'},
    {0xA3, U'Ê'},
    {0xA4, U'Ô'},
    {0xA5, U'Ơ'},
    {0xA6, U'Ư'},
    {0xA7, U'Đ'},
    {0xA8, U'ă'},
    {0xA9, U'â'},
    {0xAA, U'ê'},
    {0xAB, U'ô'},
    {0xAC, U'ơ'},
    {0xAD, U'ư'},
    {0xAE, U'đ'},
    // a
    {0xB5, U'à'},
    {0xB8, U'á'},
    {0xB6, U'ả'},
    {0xB7, U'ã'},
    {0xB9, U'ạ'},
    // ă
    {0xBB, U'ằ'},
    {0xBE, U'ắ'},
    {0xBC, U'ẳ'},
    {0xBD, U'ẵ'},
    {0xC6, U'ặ'},
    // â
    {0xC7, U'ầ'},
    {0xCA, U'ấ'},
    {0xC8, U'ẩ'},
    {0xC9, U'ẫ'},
    {0xCB, U'ậ'},
    // e
    {0xCC, U'è'},
    {0xD0, U'é'},
    {0xCE, U'ẻ'},
    {0xCF, U'ẽ'},
    {0xD1, U'ẹ'},
    // ê
    {0xD2, U'ề'},
    {0xD5, U'ế'},
    {0xD3, U'ể'},
    {0xD4, U'ễ'},
    {0xD6, U'ệ'},
    // i
    {0xD7, U'ì'},
    {0xDD, U'í'},
    {0xD8, U'ỉ'},
    {0xDC, U'ĩ'},
    {0xDE, U'ị'},
    // o
    {0xDF, U'ò'},
    {0xE3, U'ó'},
    {0xE1, U'ỏ'},
    {0xE2, U'õ'},
    {0xE4, U'ọ'},
    // ô
    {0xE5, U'ồ'},
    {0xE8, U'ố'},
    {0xE6, U'ổ'},
    {0xE7, U'ỗ'},
    {0xE9, U'ộ'},
    // ơ
    {0xEA, U'ờ'},
    {0xED, U'ớ'},
    {0xEB, U'ở'},
    {0xEC, U'ỡ'},
    {0xEE, U'ợ'},
    // u
    {0xEF, U'ù'},
    {0xF3, U'ú'},
    {0xF1, U'ủ'},
    {0xF2, U'ũ'},
    {0xF4, U'ụ'},
    // ư
    {0xF5, U'ừ'},
    {0xF8, U'ứ'},
    {0xF6, U'ử'},
    {0xF7, U'ữ'},
    {0xF9, U'ự'},
    // y
    {0xFA, U'ỳ'},
    {0xFD, U'ý'},
    {0xFB, U'ỷ'},
    {0xFC, U'ỹ'},
    {0xFE, U'ỵ'},
};

// VNI: single bytes that are whole letters (as NFD: base + combining marks).
struct VniLetter {
  unsigned char byte;
  const char32_t* nfd;
};
constexpr VniLetter kVniLetters[] = {
    {0xF1, U"đ"},       {0xD1, U"Đ"},       {0xF4, U"o\u031B"}, {0xD4, U"O\u031B"},
    {0xF6, U"u\u031B"}, {0xD6, U"U\u031B"}, {0xEE, U"y\u0323"}, {0xCE, U"Y\u0323"},
    {0xEC, U"i\u0300"}, {0xCC, U"I\u0300"}, {0xED, U"i\u0301"}, {0xCD, U"I\u0301"},
    {0xE6, U"i\u0309"}, {0xC6, U"I\u0309"}, {0xF3, U"i\u0303"}, {0xD3, U"I\u0303"},
    {0xF2, U"i\u0323"}, {0xD2, U"I\u0323"},
};

// VNI: mark bytes that follow a vowel (lower- and upper-case forms), as combining marks. A
// circumflex or breve applies only to the vowels listed.
struct VniMark {
  unsigned char lower, upper;
  const char32_t* marks;
  const char* vowels;  // base vowels it may follow
};
constexpr VniMark kVniMarks[] = {
    {0xF9, 0xD9, U"\u0301", "aeiouy"},    {0xF8, 0xD8, U"\u0300", "aeiouy"},
    {0xFB, 0xDB, U"\u0309", "aeiouy"},    {0xF5, 0xD5, U"\u0303", "aeiouy"},
    {0xEF, 0xCF, U"\u0323", "aeiouy"},    {0xE2, 0xC2, U"\u0302", "aeo"},
    {0xE1, 0xC1, U"\u0302\u0301", "aeo"}, {0xE0, 0xC0, U"\u0302\u0300", "aeo"},
    {0xE5, 0xC5, U"\u0302\u0309", "aeo"}, {0xE3, 0xC3, U"\u0302\u0303", "aeo"},
    {0xE4, 0xC4, U"\u0302\u0323", "aeo"}, {0xEA, 0xCA, U"\u0306", "a"},
    {0xE9, 0xC9, U"\u0306\u0301", "a"},   {0xE8, 0xC8, U"\u0306\u0300", "a"},
    {0xFA, 0xDA, U"\u0306\u0309", "a"},   {0xFC, 0xDC, U"\u0306\u0303", "a"},
    {0xEB, 0xCB, U"\u0306\u0323", "a"},
};

bool is_vowel(char32_t c, const char* vowels) {
  char32_t lower = (c >= U'A' && c <= U'Z') ? c + 32 : c;
  for (const char* v = vowels; *v; ++v) {
    if (lower == static_cast<char32_t>(*v)) return true;
  }
  return false;
}

const VniMark* vni_mark(char32_t c) {
  for (const auto& m : kVniMarks) {
    if (c == m.lower || c == m.upper) return &m;
  }
  return nullptr;
}

const VniLetter* vni_letter(char32_t c) {
  for (const auto& l : kVniLetters) {
    if (c == l.byte) return &l;
  }
  return nullptr;
}

bool is_tone_only(const VniMark& m) {
  return m.marks[1] == 0 && std::string_view(m.vowels) == "aeiouy";
}

// Latin-1 letters that Unicode Vietnamese uses: they are evidence of nothing.
bool is_vietnamese_latin1(char32_t c) {
  switch (c) {
    case U'À':
    case U'Á':
    case U'Â':
    case U'Ã':
    case U'È':
    case U'É':
    case U'Ê':
    case U'Ì':
    case U'Í':
    case U'Ò':
    case U'Ó':
    case U'Ô':
    case U'Õ':
    case U'Ù':
    case U'Ú':
    case U'Ý':
    case U'à':
    case U'á':
    case U'â':
    case U'ã':
    case U'è':
    case U'é':
    case U'ê':
    case U'ì':
    case U'í':
    case U'ò':
    case U'ó':
    case U'ô':
    case U'õ':
    case U'ù':
    case U'ú':
    case U'ý': return true;
    default: return false;
  }
}

}  // namespace

std::string_view to_string(TextEncoding e) {
  switch (e) {
    case TextEncoding::tcvn3: return "tcvn3";
    case TextEncoding::vni: return "vni";
    default: return "unicode";
  }
}

std::string_view label_vi(TextEncoding e) {
  switch (e) {
    case TextEncoding::tcvn3: return "TCVN3 (ABC)";
    case TextEncoding::vni: return "VNI";
    default: return "Unicode";
  }
}

bool is_certainly_unicode(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if ((c >= 0x102 && c <= 0x1B0) || (c >= 0x300 && c <= 0x323) || (c >= 0x1EA0 && c <= 0x1EF9)) {
      return true;
    }
  }
  return false;
}

void EncodingEvidence::add(std::string_view cell) {
  char32_t previous = 0;
  for (std::size_t i = 0; i < cell.size();) {
    char32_t c = next_code_point(cell, i);
    if ((c >= 0x102 && c <= 0x1B0) || (c >= 0x300 && c <= 0x323) || (c >= 0x1EA0 && c <= 0x1EF9)) {
      ++unicode;
    } else if (c >= 0xA1 && c <= 0xBF) {
      ++tcvn3;  // TCVN3's own letters (ă â ê ô ơ ư đ, a and ă with tones): not in names otherwise
    } else if (c >= 0xC0 && c <= 0xFE && !is_vietnamese_latin1(c)) {
      // Bytes that are neither Unicode Vietnamese nor TCVN3's A1–BF: a VNI mark after a vowel
      // (or after VNI's ơ, ư, which take tones), or one of VNI's single letters where it may
      // stand; else TCVN3, which uses them for toned small letters ("NguyÔn": ễ after a y).
      const VniMark* m = vni_mark(c);
      const bool after_horn =
          previous == 0xF4 || previous == 0xD4 || previous == 0xF6 || previous == 0xD6;
      const bool mark = m && (is_vowel(previous, m->vowels) || (after_horn && is_tone_only(*m)));
      const VniLetter* l = vni_letter(c);
      const bool small_before = previous >= U'a' && previous <= U'z';
      const bool letter = l && !((c < 0xE0 || c == 0xF1) && small_before);
      if (mark || letter) {
        ++vni;
      } else {
        ++tcvn3;
      }
    }
    previous = c;
  }
}

EncodingEvidence& EncodingEvidence::operator+=(const EncodingEvidence& other) {
  unicode += other.unicode;
  tcvn3 += other.tcvn3;
  vni += other.vni;
  return *this;
}

long long EncodingEvidence::of(TextEncoding e) const {
  switch (e) {
    case TextEncoding::tcvn3: return tcvn3;
    case TextEncoding::vni: return vni;
    default: return unicode;
  }
}

TextEncoding EncodingEvidence::leading() const {
  if (tcvn3 == 0 && vni == 0) return TextEncoding::unicode;
  if (unicode >= tcvn3 && unicode >= vni) return TextEncoding::unicode;
  return tcvn3 > vni ? TextEncoding::tcvn3 : TextEncoding::vni;
}

TextEncoding detect_encoding(const std::vector<std::string_view>& cells) {
  EncodingEvidence e;
  for (auto cell : cells) e.add(cell);
  return e.leading();
}

TextEncoding column_encoding(const EncodingEvidence& column, TextEncoding file) {
  const TextEncoding own = column.leading();
  if (own == file) return file;
  const long long mine = column.of(own);
  return mine >= kClearEvidence && mine >= 3 * column.of(file) ? own : file;
}

std::string decode(std::string_view s, TextEncoding from) {
  if (from == TextEncoding::unicode) return text::to_nfc(s);
  std::string out;
  out.reserve(s.size() + 8);
  if (from == TextEncoding::tcvn3) {
    static const auto table = [] {
      std::array<char32_t, 256> t{};
      for (const auto& p : kTcvn3) t[p.byte] = p.letter;
      return t;
    }();
    for (std::size_t i = 0; i < s.size();) {
      char32_t c = next_code_point(s, i);
      append_utf8(out, c < 256 && table[c] ? table[c] : c);
    }
    return text::to_nfc(out);
  }
  // VNI: letters, then marks that follow a vowel (a letter such as ơ/ư may take a tone).
  char32_t base = 0;  // the base vowel of the letter just written (0: none)
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    const VniMark* mark = base ? vni_mark(c) : nullptr;
    if (mark && is_vowel(base, mark->vowels)) {
      for (const char32_t* m = mark->marks; *m; ++m) append_utf8(out, *m);
      // A mark byte carries the whole mark set of the letter: nothing follows it.
      base = 0;
      continue;
    }
    if (const VniLetter* letter = vni_letter(c)) {
      for (const char32_t* m = letter->nfd; *m; ++m) append_utf8(out, *m);
      // ơ and ư take a tone mark after them (but no circumflex or breve): any vowel that takes
      // only tones will do as their base.
      base = (c == 0xF4 || c == 0xD4 || c == 0xF6 || c == 0xD6) ? U'y' : 0;
      continue;
    }
    append_utf8(out, c);
    base = is_vowel(c, "aeiouy") ? c : 0;
  }
  return text::to_nfc(out);
}

std::string encode(std::string_view s, TextEncoding to) {
  std::string nfc = text::to_nfc(s);
  if (to == TextEncoding::unicode) return nfc;
  static const auto tcvn = [] {
    std::unordered_map<char32_t, char32_t> t;
    for (const auto& p : kTcvn3) t.emplace(p.letter, p.byte);
    return t;
  }();
  // VNI: every precomposed letter, from decoding each base + mark pair.
  static const auto vni = [] {
    std::unordered_map<std::string, std::string> t;
    auto add = [&](const std::string& legacy) {
      std::string unicode = decode(legacy, TextEncoding::vni);
      t.emplace(unicode, legacy);
    };
    for (const auto& l : kVniLetters) {
      std::string legacy;
      append_utf8(legacy, l.byte);
      add(legacy);
      if (l.byte == 0xF4 || l.byte == 0xF6 || l.byte == 0xD4 || l.byte == 0xD6) {
        for (const auto& m : kVniMarks) {
          if (!is_tone_only(m)) continue;
          std::string toned = legacy;
          append_utf8(toned, (l.byte == 0xD4 || l.byte == 0xD6) ? m.upper : m.lower);
          add(toned);
        }
      }
    }
    for (const char* v = "aeouyAEOUY"; *v; ++v) {
      bool upper = *v >= 'A' && *v <= 'Z';
      for (const auto& m : kVniMarks) {
        if (!is_vowel(static_cast<char32_t>(*v), m.vowels)) continue;
        std::string legacy(1, *v);
        append_utf8(legacy, upper ? m.upper : m.lower);
        add(legacy);
      }
    }
    return t;
  }();
  std::string out;
  for (std::size_t i = 0; i < nfc.size();) {
    std::size_t start = i;
    char32_t c = next_code_point(nfc, i);
    if (to == TextEncoding::tcvn3) {
      // Capitals with tones do not exist in TCVN3 (.VnTime): they are written unchanged.
      auto it = tcvn.find(c);
      append_utf8(out, it != tcvn.end() ? it->second : c);
    } else {
      auto it = vni.find(std::string(nfc.substr(start, i - start)));
      if (it != vni.end()) {
        out += it->second;
      } else {
        append_utf8(out, c);
      }
    }
  }
  return out;
}

}  // namespace dangvu::io
