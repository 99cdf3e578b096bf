// Vietnamese order: ă â after a, đ after d, ô ơ after o, ư after u as letters of their own;
// tones only break ties between the same letters (in dictionary order: ngang, huyền, hỏi, ngã,
// sắc, nặng); sort keys agree with compare_vi; people are listed by given, middle, family name.
#include "text/collate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace dangvu::text {
namespace {

int sign(int v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

int key_order(const std::string& a, const std::string& b) { return sign(a.compare(b)); }

// Every adjacent pair of `ordered` compares strictly before, in both directions.
void expect_strictly_ordered(const std::vector<std::string>& ordered) {
  for (std::size_t i = 0; i + 1 < ordered.size(); ++i) {
    const std::string& a = ordered[i];
    const std::string& b = ordered[i + 1];
    EXPECT_LT(compare_vi(a, b), 0) << "'" << a << "' should sort before '" << b << "'";
    EXPECT_GT(compare_vi(b, a), 0) << "'" << b << "' should sort after '" << a << "'";
    EXPECT_LT(key_order(sort_key(a), sort_key(b)), 0)
        << "sort_key('" << a << "') should be below sort_key('" << b << "')";
  }
}

TEST(CompareVi, LettersWithBreveAndCircumflexFollowA) {
  expect_strictly_ordered({"a", "ă", "â", "b"});
  expect_strictly_ordered({"A", "Ă", "Â", "B"});
  // They are letters of their own, not accents of a: every word in a- comes before ă-, â-.
  expect_strictly_ordered({"an", "anh", "az", "ăn", "ắt", "ân", "ấy", "ba"});
}

TEST(CompareVi, DStrokeFollowsD) {
  expect_strictly_ordered({"d", "đ", "e"});
  expect_strictly_ordered({"D", "Đ", "E"});
  expect_strictly_ordered({"Dũng", "Duy", "Dương", "Đa", "Đức", "Em"});
}

TEST(CompareVi, OWithCircumflexAndHornFollowO) {
  expect_strictly_ordered({"o", "ô", "ơ", "p"});
  expect_strictly_ordered({"O", "Ô", "Ơ", "P"});
  expect_strictly_ordered({"ong", "oz", "ông", "ôz", "ơn", "ớt", "phong"});
}

TEST(CompareVi, UWithHornFollowsU) {
  expect_strictly_ordered({"u", "ư", "v"});
  expect_strictly_ordered({"U", "Ư", "V"});
  expect_strictly_ordered({"ung", "uz", "ưng", "ước", "vân"});
}

TEST(CompareVi, ETakesCircumflexAfterE) {
  expect_strictly_ordered({"e", "ê", "g"});
  expect_strictly_ordered({"em", "ez", "êm", "gà"});
}

TEST(CompareVi, TonesOnlyBreakTiesInDictionaryOrder) {
  // Same letters: no tone, huyền, hỏi, ngã, sắc, nặng.
  expect_strictly_ordered({"ma", "mà", "mả", "mã", "má", "mạ"});
  expect_strictly_ordered({"Hoa", "Hoà", "Hoả", "Hoã", "Hoá", "Hoạ"});
  // Different letters decide before any tone: every ma-with-a-tone comes before "mai", "mác".
  for (const std::string m : {"ma", "mà", "mả", "mã", "má", "mạ"}) {
    EXPECT_LT(compare_vi(m, "mác"), 0) << m;
    EXPECT_LT(compare_vi(m, "mai"), 0) << m;
    EXPECT_LT(compare_vi(m, "mái"), 0) << m;
    EXPECT_GT(compare_vi(m, "lý"), 0) << m;
  }
  expect_strictly_ordered({"mạ", "mác", "mai", "mài", "mãi", "mái", "man"});
  // A tone on an earlier letter does not outweigh a later letter.
  EXPECT_LT(compare_vi("bá", "ban"), 0);
  EXPECT_LT(compare_vi("bạc", "bác sĩ"), 0);
}

TEST(CompareVi, ToneOutweighsLetterCase) {
  EXPECT_NE(compare_vi("ma", "Ma"), 0);
  EXPECT_LT(compare_vi("Ma", "mà"), 0);
  EXPECT_LT(compare_vi("MÀ", "má"), 0);
  EXPECT_LT(compare_vi("mai", "MAN"), 0);
}

TEST(CompareVi, EqualStringsAndNfdCompareEqual) {
  EXPECT_EQ(compare_vi("", ""), 0);
  EXPECT_EQ(compare_vi("Nguyễn Văn An", "Nguyễn Văn An"), 0);
  EXPECT_EQ(compare_vi("Nguye\xCC\x82\xCC\x83n", "Nguy\xE1\xBB\x85n"), 0);
  EXPECT_EQ(compare_vi("a\xCC\xA3\xCC\x82", "\xE1\xBA\xAD"), 0);  // ậ in NFD and NFC
  EXPECT_LT(compare_vi("", "a"), 0);
}

// ---- sort_key --------------------------------------------------------------------------------

TEST(SortKey, ByteOrderAgreesWithCompareVi) {
  const std::vector<std::string> names = {"Trần Thị Bình",
                                          "Nguyễn Văn An",
                                          "Lê Chi",
                                          "Đàm Văn Chính",
                                          "Dương Văn Minh",
                                          "Đỗ Mười",
                                          "Ân",
                                          "An",
                                          "Ăn",
                                          "ấn",
                                          "Ông Ích Khiêm",
                                          "Ôn Như Hầu",
                                          "Ơn",
                                          "Ưng Hoàng",
                                          "Uông Bí",
                                          "mà",
                                          "ma",
                                          "Ma",
                                          "má",
                                          "mạ",
                                          "mai",
                                          "Hoàng Phủ",
                                          "Hoàng",
                                          "hoàng",
                                          "Vũ",
                                          "Võ",
                                          "Vỹ",
                                          "Vy",
                                          "Bùi",
                                          "Bửu",
                                          "",
                                          "Nguyễn Văn",
                                          "Nguyễn-A",
                                          "Nguyễn A"};
  for (const std::string& a : names) {
    for (const std::string& b : names) {
      EXPECT_EQ(key_order(sort_key(a), sort_key(b)), sign(compare_vi(a, b)))
          << "'" << a << "' vs '" << b << "'";
    }
  }
  std::vector<std::string> by_compare = names;
  std::stable_sort(by_compare.begin(), by_compare.end(),
                   [](const std::string& a, const std::string& b) { return compare_vi(a, b) < 0; });
  std::vector<std::string> by_key = names;
  std::stable_sort(by_key.begin(), by_key.end(), [](const std::string& a, const std::string& b) {
    return sort_key(a) < sort_key(b);
  });
  EXPECT_EQ(by_key, by_compare);
}

TEST(SortKey, SortsAListOfFamilyNamesInVietnamese) {
  std::vector<std::string> names = {"Vũ",  "Đặng", "Âu",   "Ưng", "Ông",  "Dương",
                                    "Ân",  "Đỗ",   "An",   "Ơn",  "Uông", "Bùi",
                                    "Đàm", "Ăn",   "Đinh", "Ngô", "Ong",  "Ung"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return sort_key(a) < sort_key(b); });
  const std::vector<std::string> expected = {"An",  "Ăn",   "Ân",   "Âu",   "Bùi", "Dương",
                                             "Đàm", "Đặng", "Đinh", "Đỗ",   "Ngô", "Ong",
                                             "Ông", "Ơn",   "Ung",  "Uông", "Ưng", "Vũ"};
  EXPECT_EQ(names, expected);
}

TEST(SortKey, HasNoNulAndIsTheSameForNfd) {
  for (const std::string s : {"", "a", "Đàm Văn Chính", "Nguyễn", "ễễễ"}) {
    EXPECT_EQ(sort_key(s).find('\0'), std::string::npos) << s;
  }
  EXPECT_FALSE(sort_key("a").empty());
  EXPECT_EQ(sort_key("Nguye\xCC\x82\xCC\x83n"), sort_key("Nguy\xE1\xBB\x85n"));
  EXPECT_EQ(sort_key("Va\xCC\x86n"), sort_key("Văn"));
}

TEST(SortKey, LongStringsHaveWholeKeys) {
  // Keys longer than the first buffer (64 bytes) must be complete: the difference at the very
  // end still orders them.
  std::string base;
  for (int i = 0; i < 60; ++i) base += "Nguyễn ";
  const std::string a = base + "An";
  const std::string b = base + "Ân";
  const std::string c = base + "Bình";
  EXPECT_GT(sort_key(a).size(), 64U);
  EXPECT_EQ(sort_key(a).find('\0'), std::string::npos);
  EXPECT_LT(sort_key(a), sort_key(b));
  EXPECT_LT(sort_key(b), sort_key(c));
  EXPECT_LT(compare_vi(a, b), 0);
  EXPECT_EQ(sort_key(a), sort_key(a));
  EXPECT_NE(sort_key(a), sort_key(base + "Án"));
}

// ---- person_sort_key -------------------------------------------------------------------------

struct Person {
  std::string family, middle, given;
};

std::string full(const Person& p) {
  return p.family + (p.middle.empty() ? "" : " " + p.middle) + " " + p.given;
}

std::vector<std::string> listed(std::vector<Person> people) {
  std::stable_sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
    return person_sort_key(a.family, a.middle, a.given) <
           person_sort_key(b.family, b.middle, b.given);
  });
  std::vector<std::string> out;
  for (const Person& p : people) out.push_back(full(p));
  return out;
}

using Names = std::vector<std::string>;

TEST(PersonSortKey, GivenNameFirst) {
  EXPECT_EQ(listed({{"Lê", "", "Chi"}, {"Trần", "Thị", "Bình"}, {"Nguyễn", "Văn", "An"}}),
            (Names{"Nguyễn Văn An", "Trần Thị Bình", "Lê Chi"}));
  EXPECT_EQ(listed({{"Nguyễn", "Văn", "An"}, {"Trần", "Thị", "Bình"}, {"Lê", "", "Chi"}}),
            (Names{"Nguyễn Văn An", "Trần Thị Bình", "Lê Chi"}));
}

TEST(PersonSortKey, ThenMiddleThenFamily) {
  EXPECT_EQ(
      listed({{"Nguyễn", "Văn", "An"},
              {"Trần", "Văn", "An"},
              {"Lê", "Văn", "An"},
              {"Nguyễn", "Thị", "An"},
              {"Vũ", "", "An"},
              {"Bùi", "Đức", "An"}}),
      (Names{"Vũ An", "Bùi Đức An", "Nguyễn Thị An", "Lê Văn An", "Nguyễn Văn An", "Trần Văn An"}));
}

TEST(PersonSortKey, DStrokeGivenNameAfterD) {
  EXPECT_EQ(listed({{"Trần", "Minh", "Đức"}, {"Nguyễn", "Tiến", "Dũng"}}),
            (Names{"Nguyễn Tiến Dũng", "Trần Minh Đức"}));
  EXPECT_EQ(listed({{"An", "", "Đa"}, {"Vũ", "", "Dương"}, {"Bùi", "", "Duy"}, {"Lê", "", "Đức"}}),
            (Names{"Bùi Duy", "Vũ Dương", "An Đa", "Lê Đức"}));
  const std::string dung = person_sort_key("Nguyễn", "Tiến", "Dũng");
  const std::string duc = person_sort_key("Trần", "Minh", "Đức");
  EXPECT_LT(dung, duc);
}

TEST(PersonSortKey, ShorterGivenNameFirstWhateverFollows) {
  // "Lan" before "Lan Anh" and "An" before "Anh" even when the rest would order them the other
  // way round: the given name is compared whole before the middle name.
  EXPECT_EQ(listed({{"An", "Ánh", "Lan Anh"}, {"Vũ", "Văn", "Lan"}}),
            (Names{"Vũ Văn Lan", "An Ánh Lan Anh"}));
  EXPECT_EQ(listed({{"An", "An", "Anh"}, {"Vũ", "Xuân", "An"}}),
            (Names{"Vũ Xuân An", "An An Anh"}));
  EXPECT_EQ(listed({{"Lê", "Văn", "An"}, {"Lê", "", "An"}}), (Names{"Lê An", "Lê Văn An"}));
}

TEST(PersonSortKey, TonesOfTheGivenNameBreakTiesBeforeTheMiddleName) {
  EXPECT_EQ(
      listed({{"Lê", "An", "Hạ"}, {"Lê", "Bảo", "Hà"}, {"Lê", "Cao", "Ha"}, {"Lê", "Anh", "Hai"}}),
      (Names{"Lê Cao Ha", "Lê Bảo Hà", "Lê An Hạ", "Lê Anh Hai"}));
}

TEST(PersonSortKey, SameNameSameKeyAndNfdAgrees) {
  EXPECT_EQ(person_sort_key("Nguyễn", "Văn", "An"), person_sort_key("Nguyễn", "Văn", "An"));
  EXPECT_EQ(person_sort_key("Nguye\xCC\x82\xCC\x83n", "Va\xCC\x86n", "An"),
            person_sort_key("Nguyễn", "Văn", "An"));
  EXPECT_NE(person_sort_key("Nguyễn", "Văn", "An"), person_sort_key("Nguyễn", "", "Văn An"));
}

TEST(PersonSortKey, SortsARealisticList) {
  EXPECT_EQ(listed({{"Phạm", "Thị", "Yến"},
                    {"Đàm", "Văn", "Chính"},
                    {"Hoàng Phủ", "Ngọc", "Tường"},
                    {"Nguyễn", "Thị", "Ánh"},
                    {"Trần", "Văn", "Ân"},
                    {"Lê", "", "Anh"},
                    {"Vũ", "Đình", "Ước"},
                    {"Đỗ", "Thị", "Uyên"},
                    {"Ngô", "Quang", "Đạo"},
                    {"Bùi", "Xuân", "Dao"}}),
            (Names{"Lê Anh", "Nguyễn Thị Ánh", "Trần Văn Ân", "Đàm Văn Chính", "Bùi Xuân Dao",
                   "Ngô Quang Đạo", "Hoàng Phủ Ngọc Tường", "Đỗ Thị Uyên", "Vũ Đình Ước",
                   "Phạm Thị Yến"}));
}

}  // namespace
}  // namespace dangvu::text
