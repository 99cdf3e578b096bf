// Folding for search: every Vietnamese vowel with every tone to its ASCII base, đ to d, lower
// case, punctuation to single spaces; and the word-suffix keys of a full name.
#include "text/fold.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "text/normalize.h"

namespace dangvu::text {
namespace {

// One vowel base: its ASCII fold, its NFD spelling, and its precomposed NFC forms without a tone
// and with the five tones in the order huyền (grave), sắc (acute), hỏi (hook above), ngã
// (tilde), nặng (dot below); lower case then upper case.
struct Vowel {
  char ascii;
  const char* nfd_lower;
  const char* nfd_upper;
  std::vector<std::string> lower;  // toneless + 5 tones
  std::vector<std::string> upper;
};

// U+0300 grave, U+0301 acute, U+0309 hook above, U+0303 tilde, U+0323 dot below.
const std::vector<std::string> kToneMarks = {"\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83",
                                             "\xCC\xA3"};

const std::vector<Vowel>& vowels() {
  static const std::vector<Vowel> v = {
      {'a', "a", "A", {"a", "à", "á", "ả", "ã", "ạ"}, {"A", "À", "Á", "Ả", "Ã", "Ạ"}},
      {'a',
       "a\xCC\x86",
       "A\xCC\x86",
       {"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"},
       {"Ă", "Ằ", "Ắ", "Ẳ", "Ẵ", "Ặ"}},
      {'a',
       "a\xCC\x82",
       "A\xCC\x82",
       {"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"},
       {"Â", "Ầ", "Ấ", "Ẩ", "Ẫ", "Ậ"}},
      {'e', "e", "E", {"e", "è", "é", "ẻ", "ẽ", "ẹ"}, {"E", "È", "É", "Ẻ", "Ẽ", "Ẹ"}},
      {'e',
       "e\xCC\x82",
       "E\xCC\x82",
       {"ê", "ề", "ế", "ể", "ễ", "ệ"},
       {"Ê", "Ề", "Ế", "Ể", "Ễ", "Ệ"}},
      {'i', "i", "I", {"i", "ì", "í", "ỉ", "ĩ", "ị"}, {"I", "Ì", "Í", "Ỉ", "Ĩ", "Ị"}},
      {'o', "o", "O", {"o", "ò", "ó", "ỏ", "õ", "ọ"}, {"O", "Ò", "Ó", "Ỏ", "Õ", "Ọ"}},
      {'o',
       "o\xCC\x82",
       "O\xCC\x82",
       {"ô", "ồ", "ố", "ổ", "ỗ", "ộ"},
       {"Ô", "Ồ", "Ố", "Ổ", "Ỗ", "Ộ"}},
      {'o',
       "o\xCC\x9B",
       "O\xCC\x9B",
       {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"},
       {"Ơ", "Ờ", "Ớ", "Ở", "Ỡ", "Ợ"}},
      {'u', "u", "U", {"u", "ù", "ú", "ủ", "ũ", "ụ"}, {"U", "Ù", "Ú", "Ủ", "Ũ", "Ụ"}},
      {'u',
       "u\xCC\x9B",
       "U\xCC\x9B",
       {"ư", "ừ", "ứ", "ử", "ữ", "ự"},
       {"Ư", "Ừ", "Ứ", "Ử", "Ữ", "Ự"}},
      {'y', "y", "Y", {"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"}, {"Y", "Ỳ", "Ý", "Ỷ", "Ỹ", "Ỵ"}},
  };
  return v;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

// The table itself: each entry is one precomposed code point, the NFC of base + tone mark, so
// the fold test below really covers all 12 × 6 × 2 forms.
TEST(FoldTable, EntriesArePrecomposedBasePlusTone) {
  ASSERT_EQ(vowels().size(), 12U);
  std::set<std::string> seen;
  for (const Vowel& v : vowels()) {
    ASSERT_EQ(v.lower.size(), 6U);
    ASSERT_EQ(v.upper.size(), 6U);
    EXPECT_EQ(to_nfc(v.nfd_lower), v.lower[0]);
    EXPECT_EQ(to_nfc(v.nfd_upper), v.upper[0]);
    for (std::size_t t = 0; t < 6; ++t) {
      EXPECT_EQ(code_points(v.lower[t]), 1U) << v.lower[t];
      EXPECT_EQ(code_points(v.upper[t]), 1U) << v.upper[t];
      EXPECT_TRUE(seen.insert(v.lower[t]).second) << v.lower[t];
      EXPECT_TRUE(seen.insert(v.upper[t]).second) << v.upper[t];
    }
    for (std::size_t t = 0; t < kToneMarks.size(); ++t) {
      EXPECT_EQ(to_nfc(v.nfd_lower + kToneMarks[t]), v.lower[t + 1]) << v.lower[t + 1];
      EXPECT_EQ(to_nfc(v.nfd_upper + kToneMarks[t]), v.upper[t + 1]) << v.upper[t + 1];
    }
  }
  EXPECT_EQ(seen.size(), 144U);
}

TEST(Fold, EveryVowelWithEveryToneFoldsToItsAsciiBase) {
  for (const Vowel& v : vowels()) {
    const std::string expected(1, v.ascii);
    for (std::size_t t = 0; t < 6; ++t) {
      EXPECT_EQ(fold(v.lower[t]), expected) << v.lower[t];
      EXPECT_EQ(fold(v.upper[t]), expected) << v.upper[t];
      // Inside a word too: "t" + vowel + "n".
      EXPECT_EQ(fold("T" + v.upper[t] + "n"), "t" + expected + "n") << v.upper[t];
      EXPECT_EQ(fold("t" + v.lower[t] + "n"), "t" + expected + "n") << v.lower[t];
    }
  }
}

TEST(Fold, NfdVowelsFoldLikeNfc) {
  for (const Vowel& v : vowels()) {
    const std::string expected(1, v.ascii);
    EXPECT_EQ(fold(v.nfd_lower), expected);
    EXPECT_EQ(fold(v.nfd_upper), expected);
    for (const std::string& mark : kToneMarks) {
      EXPECT_EQ(fold(v.nfd_lower + mark), expected) << v.nfd_lower << mark;
      EXPECT_EQ(fold(v.nfd_upper + mark), expected) << v.nfd_upper << mark;
    }
  }
}

TEST(Fold, DStrokeFoldsToD) {
  EXPECT_EQ(fold("đ"), "d");
  EXPECT_EQ(fold("Đ"), "d");
  EXPECT_EQ(fold("\xC4\x91"), "d");
  EXPECT_EQ(fold("\xC4\x90"), "d");
  EXPECT_EQ(fold("Đặng Đình Đức"), "dang dinh duc");
  EXPECT_EQ(fold("đĐdD"), "dddd");
}

TEST(Fold, FullNames) {
  EXPECT_EQ(fold("Đàm Văn Chính"), "dam van chinh");
  EXPECT_EQ(fold("Nguyễn Thị Minh Khai"), "nguyen thi minh khai");
  EXPECT_EQ(fold("Hoàng Phủ Ngọc Tường"), "hoang phu ngoc tuong");
  EXPECT_EQ(fold("TRẦN QUỐC TOẢN"), "tran quoc toan");
  EXPECT_EQ(fold("Lương Thế Vinh"), "luong the vinh");
}

TEST(Fold, NfdInputFoldsLikeNfc) {
  // "Nguyễn Văn Chính" typed with combining marks.
  const std::string nfd = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n Chi\xCC\x81nh";
  EXPECT_EQ(fold(nfd), "nguyen van chinh");
  EXPECT_EQ(fold(nfd), fold("Nguyễn Văn Chính"));
  // Marks in the non-canonical order.
  EXPECT_EQ(fold("Đa\xCC\xA3\xCC\x82u"), "dau");
  EXPECT_EQ(fold("Đa\xCC\xA3\xCC\x82u"), fold("Đậu"));
}

TEST(Fold, PunctuationAndSpacesBecomeOneSpaceAndAreTrimmed) {
  EXPECT_EQ(fold("  Nguyễn   Văn    An  "), "nguyen van an");
  EXPECT_EQ(fold("Nguyễn-Phạm, Thị (Lan)!"), "nguyen pham thi lan");
  EXPECT_EQ(fold("...Đàm---Văn___Chính???"), "dam van chinh");
  EXPECT_EQ(fold("\tLê\n\nHoà\xC2\xA0"
                 "Bình\r\n"),
            "le hoa binh");
  EXPECT_EQ(fold("H'Hen Niê"), "h hen nie");
  EXPECT_EQ(fold("H\xE2\x80\x99Linh"), "h linh");
}

TEST(Fold, KeepsDigits) {
  EXPECT_EQ(fold("Chi bộ số 12"), "chi bo so 12");
  EXPECT_EQ(fold("DV-00042"), "dv 00042");
}

TEST(Fold, EmptyAndNothingToKeep) {
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("   "), "");
  EXPECT_EQ(fold("-- ,, !!"), "");
  EXPECT_EQ(fold("\xCC\x81\xCC\x80"), "");  // lone combining marks
}

// ---- name_search_keys ------------------------------------------------------------------------

using Keys = std::vector<std::string>;

bool unique(const Keys& keys) {
  return std::set<std::string>(keys.begin(), keys.end()).size() == keys.size();
}

TEST(NameSearchKeys, FullNameAndEveryWordSuffix) {
  EXPECT_EQ(name_search_keys("Đàm", "Văn", "Chính"), (Keys{"dam van chinh", "van chinh", "chinh"}));
}

TEST(NameSearchKeys, TwoSyllableGivenNameAndEmptyMiddle) {
  EXPECT_EQ(name_search_keys("Lê", "", "Minh Anh"), (Keys{"le minh anh", "minh anh", "anh"}));
  EXPECT_EQ(name_search_keys("Nguyễn", "Thị", "Minh Khai"),
            (Keys{"nguyen thi minh khai", "thi minh khai", "minh khai", "khai"}));
  EXPECT_EQ(name_search_keys("Trần", "", "Bình"), (Keys{"tran binh", "binh"}));
}

TEST(NameSearchKeys, TwoSyllableFamilyName) {
  EXPECT_EQ(name_search_keys("Hoàng Phủ", "Ngọc", "Tường"),
            (Keys{"hoang phu ngoc tuong", "phu ngoc tuong", "ngoc tuong", "tuong"}));
}

TEST(NameSearchKeys, FoldsNfdAndStraySpaces) {
  EXPECT_EQ(name_search_keys("  Nguye\xCC\x82\xCC\x83n ", " Va\xCC\x86n", "An  "),
            (Keys{"nguyen van an", "van an", "an"}));
  EXPECT_EQ(name_search_keys("Nguyễn-Phạm", "", "Đức"),
            (Keys{"nguyen pham duc", "pham duc", "duc"}));
}

TEST(NameSearchKeys, NoDuplicates) {
  const std::vector<Keys> all = {
      name_search_keys("An", "An", "An"),      name_search_keys("Lê", "Lê", "Lê"),
      name_search_keys("Đàm", "Văn", "Chính"), name_search_keys("Lê", "", "Minh Anh"),
      name_search_keys("Hà", "Hà", "Hà Hà"),
  };
  for (const Keys& keys : all) EXPECT_TRUE(unique(keys)) << ::testing::PrintToString(keys);
  EXPECT_EQ(name_search_keys("An", "An", "An"), (Keys{"an an an", "an an", "an"}));
  EXPECT_EQ(name_search_keys("Hà", "Hà", "Hà Hà"),
            (Keys{"ha ha ha ha", "ha ha ha", "ha ha", "ha"}));
}

TEST(NameSearchKeys, NothingForANameWithoutLetters) {
  EXPECT_TRUE(name_search_keys("", "", "").empty());
  EXPECT_TRUE(name_search_keys(" ", "-", "!").empty());
}

}  // namespace
}  // namespace dangvu::text
