// Cleaning of typed text: UTF-8 validity, NFC, trimming and collapsing, refusals that name the
// field, and the letters-only rule for name parts. Byte-exact expectations use explicit escapes
// so that the editor's own normalization cannot change what is tested.
#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>

namespace dangvu::text {
namespace {

// "Nguyễn" in NFD (e + U+0302 circumflex + U+0303 tilde) and in NFC (U+1EC5).
const std::string kNguyenNfd = "Nguye\xCC\x82\xCC\x83n";
const std::string kNguyenNfc = "Nguy\xE1\xBB\x85n";

// Code points of valid UTF-8 (bytes that are not continuation bytes).
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

std::string repeat(const std::string& s, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += s;
  return out;
}

// A refusal of `field`: invalid input, naming the field, with a Vietnamese message (NFC).
void expect_field_error(const Result<std::string>& r, const std::string& field) {
  ASSERT_FALSE(r.ok()) << "accepted as '" << r.value() << "'";
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_input) << r.error().detail_en;
  EXPECT_EQ(r.error().field, field) << r.error().detail_en;
  EXPECT_FALSE(r.error().message_vi.empty()) << r.error().detail_en;
  EXPECT_TRUE(is_valid_utf8(r.error().message_vi));
  EXPECT_EQ(to_nfc(r.error().message_vi), r.error().message_vi);
  EXPECT_FALSE(r.error().detail_en.empty());
}

// ---- is_valid_utf8 ---------------------------------------------------------------------------

TEST(IsValidUtf8, AcceptsAsciiVietnameseAndEmpty) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Nguyen Van An"));
  EXPECT_TRUE(is_valid_utf8("Đàm Văn Chính"));
  EXPECT_TRUE(is_valid_utf8("Đảng bộ tỉnh Hà Tĩnh: Chi bộ số 3"));
  EXPECT_TRUE(is_valid_utf8(kNguyenNfc));
  EXPECT_TRUE(is_valid_utf8(kNguyenNfd));
  // Four-byte sequence (U+1F600) and the highest code point U+10FFFF.
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));
  // NUL is a valid code point; clean_field refuses it as a control character.
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));
}

TEST(IsValidUtf8, RefusesTruncatedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xE1\xBB"));       // ễ without its last byte, at the end
  EXPECT_FALSE(is_valid_utf8("Nguy\xE1\xBBn"));  // ... and in the middle
  EXPECT_FALSE(is_valid_utf8("\xC4"));           // lead of a 2-byte sequence alone
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"));   // 4-byte sequence cut after 3
  EXPECT_FALSE(is_valid_utf8(std::string("\xC3", 1) + "a"));
}

TEST(IsValidUtf8, RefusesOverlongEncodings) {
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // NUL in two bytes
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));          // U+007F in two bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
}

TEST(IsValidUtf8, RefusesLoneContinuationAndOtherIllFormedBytes) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(
      is_valid_utf8("a\xBF"
                    "b"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a UTF-16 surrogate (U+D800)
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  // Latin-1 "Hà" (0xE0 alone) is not UTF-8.
  EXPECT_FALSE(is_valid_utf8("H\xE0"));
}

// ---- to_nfc ----------------------------------------------------------------------------------

TEST(ToNfc, ComposesNfdVietnamese) {
  EXPECT_EQ(to_nfc(kNguyenNfd), kNguyenNfc);
  // "Văn" with a + U+0306 breve → U+0103.
  EXPECT_EQ(to_nfc("Va\xCC\x86n"), "V\xC4\x83n");
  // "Chính" with i + U+0301 acute → U+00ED.
  EXPECT_EQ(to_nfc("Chi\xCC\x81nh"), "Ch\xC3\xADnh");
  // "Phủ" with u + U+0309 hook above → U+1EE7.
  EXPECT_EQ(to_nfc("Phu\xCC\x89"), "Ph\xE1\xBB\xA7");
}

TEST(ToNfc, ComposesWhateverTheOrderOfTheMarks) {
  // ậ (U+1EAD) from a + circumflex + dot below and from a + dot below + circumflex.
  EXPECT_EQ(to_nfc("a\xCC\x82\xCC\xA3"), "\xE1\xBA\xAD");
  EXPECT_EQ(to_nfc("a\xCC\xA3\xCC\x82"), "\xE1\xBA\xAD");
  // ợ (U+1EE3) from o + horn + dot below and from o + dot below + horn.
  EXPECT_EQ(to_nfc("o\xCC\x9B\xCC\xA3"), "\xE1\xBB\xA3");
  EXPECT_EQ(to_nfc("o\xCC\xA3\xCC\x9B"), "\xE1\xBB\xA3");
  // Half-composed input: ê (U+00EA) + tilde → ễ.
  EXPECT_EQ(to_nfc("\xC3\xAA\xCC\x83"), "\xE1\xBB\x85");
}

TEST(ToNfc, LeavesNfcAndAsciiUnchanged) {
  EXPECT_EQ(to_nfc(""), "");
  EXPECT_EQ(to_nfc("Nguyen Van An 123"), "Nguyen Van An 123");
  EXPECT_EQ(to_nfc(kNguyenNfc), kNguyenNfc);
  EXPECT_EQ(to_nfc("Đàm Văn Chính"), "Đàm Văn Chính");
  // Đ/đ have no decomposition and stay as they are.
  EXPECT_EQ(to_nfc("\xC4\x90\xC4\x91"), "\xC4\x90\xC4\x91");
}

TEST(ToNfc, ReturnsInvalidInputUnchanged) {
  // The header promises "invalid input is returned unchanged".
  const std::string truncated = "Nguy\xE1\xBB";
  const std::string latin1 = "H\xE0 N\xF4i";
  const std::string lone =
      "a\x80"
      "b";
  EXPECT_EQ(to_nfc(truncated), truncated);
  EXPECT_EQ(to_nfc(latin1), latin1);
  EXPECT_EQ(to_nfc(lone), lone);
}

// ---- clean_field -----------------------------------------------------------------------------

TEST(CleanField, TrimsAndCollapsesSpaces) {
  auto r = clean_field("   Chi   bộ    số 3  ", "org_name", 100);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(*r, "Chi bộ số 3");
}

TEST(CleanField, CollapsesTabsAndOtherWhiteSpaceToOneSpace) {
  auto r = clean_field("\tĐảng\t \t bộ\xC2\xA0\xC2\xA0xã\xE3\x80\x80", "org_name", 100);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(*r, "Đảng bộ xã");
}

TEST(CleanField, KeepsCleanTextAsItIs) {
  auto r = clean_field("Đàm Văn Chính", "name", 100);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(*r, "Đàm Văn Chính");
}

TEST(CleanField, NormalizesToNfc) {
  auto r = clean_field("  " + kNguyenNfd + "  Va\xCC\x86n ", "name", 100);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(*r, kNguyenNfc + " V\xC4\x83n");
}

TEST(CleanField, RefusesEmptyAndBlank) {
  expect_field_error(clean_field("", "note", 100), "note");
  expect_field_error(clean_field("    ", "note", 100), "note");
  expect_field_error(clean_field(" \t \xC2\xA0 ", "note", 100), "note");
}

TEST(CleanField, RefusesControlAndInvisibleCharacters) {
  expect_field_error(clean_field("An\x01", "given", 100), "given");
  expect_field_error(clean_field("A\x1B[31mn", "given", 100), "given");
  expect_field_error(clean_field("An\x7F", "given", 100), "given");
  expect_field_error(clean_field(std::string("A\0n", 3), "given", 100), "given");
  expect_field_error(clean_field("A\xC2\x80n", "given", 100), "given");      // U+0080 (C1)
  expect_field_error(clean_field("A\xE2\x80\x8Bn", "given", 100), "given");  // U+200B ZWSP
  expect_field_error(clean_field("\xEF\xBB\xBF"
                                 "An",
                                 "given", 100),
                     "given");                                           // U+FEFF BOM
  expect_field_error(clean_field("A\xCD\xB8n", "given", 100), "given");  // U+0378 unassigned
}

TEST(CleanField, RefusesInvalidUtf8) {
  expect_field_error(clean_field("Nguy\xE1\xBB", "family", 100), "family");
  expect_field_error(clean_field("\xC0\x80", "family", 100), "family");
  expect_field_error(clean_field("a\x80", "family", 100), "family");
  expect_field_error(clean_field("H\xE0 N\xF4i", "family", 100), "family");
}

TEST(CleanField, CountsLengthInCodePoints) {
  // 40 × ễ: 120 bytes but 40 characters.
  const std::string forty = repeat("\xE1\xBB\x85", 40);
  ASSERT_EQ(forty.size(), 120U);
  auto ok = clean_field(forty, "given", 40);
  ASSERT_TRUE(ok.ok()) << ok.error().detail_en;
  EXPECT_EQ(*ok, forty);
  expect_field_error(clean_field(forty + "\xE1\xBB\x85", "given", 40), "given");
}

TEST(CleanField, CountsLengthAfterNfcAndTrimming) {
  // The same 40 letters typed in NFD are 120 code points before normalization.
  const std::string nfd = repeat("e\xCC\x82\xCC\x83", 40);
  auto r = clean_field("   " + nfd + "   ", "given", 40);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(*r, repeat("\xE1\xBB\x85", 40));
  EXPECT_EQ(code_points(*r), 40U);
  expect_field_error(clean_field(nfd + "e\xCC\x82\xCC\x83", "given", 40), "given");
}

TEST(CleanField, CountsTheCollapsedSpaces) {
  auto at_limit = clean_field("ab    cd", "code", 5);  // "ab cd": 5 characters
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().detail_en;
  EXPECT_EQ(*at_limit, "ab cd");
  expect_field_error(clean_field("ab    cd", "code", 4), "code");
}

TEST(CleanField, ErrorsNameTheFieldGiven) {
  for (const std::string field : {"family", "middle", "given", "ghi_chu"}) {
    SCOPED_TRACE(field);
    expect_field_error(clean_field("", field, 10), field);
    expect_field_error(clean_field("x\x01", field, 10), field);
    expect_field_error(clean_field("\xFF", field, 10), field);
    expect_field_error(clean_field("abcdefghijk", field, 10), field);
  }
}

// ---- clean_name_part -------------------------------------------------------------------------

TEST(CleanNamePart, AcceptsVietnameseNames) {
  for (const std::string name : {"Hoàng Phủ", "Nguyễn", "Đàm", "Thị", "Ngọc Ánh", "Ưng", "Ỷ"}) {
    auto r = clean_name_part(name, "family", true);
    ASSERT_TRUE(r.ok()) << name << ": " << r.error().detail_en;
    EXPECT_EQ(*r, name);
  }
}

TEST(CleanNamePart, CleansLikeCleanField) {
  auto r = clean_name_part("  Hoàng    Phủ ", "family", true);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(*r, "Hoàng Phủ");
  auto nfd = clean_name_part(kNguyenNfd, "family", true);
  ASSERT_TRUE(nfd.ok()) << nfd.error().detail_en;
  EXPECT_EQ(*nfd, kNguyenNfc);
}

TEST(CleanNamePart, AcceptsHyphenAndApostrophes) {
  for (const std::string name : {"Nguyễn-Phạm", "H'Hen", "Y'Bih", "H\xE2\x80\x99Linh"}) {
    auto r = clean_name_part(name, "given", true);
    ASSERT_TRUE(r.ok()) << name << ": " << r.error().detail_en;
    EXPECT_EQ(*r, name);
  }
}

TEST(CleanNamePart, RefusesDigitsAndOtherPunctuation) {
  for (const std::string name : {"An2", "3", "Văn.", "An, Bình", "Chi!", "A@n", "(Lan)", "Hà/Nội",
                                 "An_Bình", "Lê\"", "Tú*", "Hùng;", "Mai?"}) {
    SCOPED_TRACE(name);
    expect_field_error(clean_name_part(name, "given", true), "given");
  }
}

TEST(CleanNamePart, EmptyIsEmptyWhenNotRequired) {
  for (const std::string blank : {"", " ", "   ", "\t", " \t "}) {
    auto r = clean_name_part(blank, "middle", false);
    ASSERT_TRUE(r.ok()) << "'" << blank << "': " << r.error().detail_en;
    EXPECT_EQ(*r, "");
  }
}

TEST(CleanNamePart, OtherWhiteSpaceOnlyIsEmptyWhenNotRequired) {
  // clean_field trims all Unicode white space, so a middle name of only a no-break space, a
  // newline or an ideographic space is blank too; not being required, it should be "".
  for (const std::string blank : {"\xC2\xA0", "\n", " \r\n", "\xE3\x80\x80", " \t\xC2\xA0 "}) {
    auto r = clean_name_part(blank, "middle", false);
    ASSERT_TRUE(r.ok()) << r.error().detail_en;
    EXPECT_EQ(*r, "");
  }
}

TEST(CleanNamePart, RefusesEmptyWhenRequired) {
  expect_field_error(clean_name_part("", "given", true), "given");
  expect_field_error(clean_name_part("   ", "given", true), "given");
  expect_field_error(clean_name_part("\t", "family", true), "family");
}

TEST(CleanNamePart, AllowsFortyCharactersNotFortyOne) {
  const std::string forty = repeat("ễ", 40);
  auto r = clean_name_part(forty, "given", true);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(*r, forty);
  expect_field_error(clean_name_part(forty + "ễ", "given", true), "given");
  // Not being required does not lift the limit.
  expect_field_error(clean_name_part(forty + "ễ", "middle", false), "middle");
}

TEST(CleanNamePart, RefusesWhatCleanFieldRefuses) {
  expect_field_error(clean_name_part("Nguy\xE1\xBB", "family", true), "family");
  expect_field_error(clean_name_part("An\x01", "given", false), "given");
  expect_field_error(clean_name_part("A\xE2\x80\x8Bn", "given", true), "given");
}

}  // namespace
}  // namespace dangvu::text

#include "text/case.h"

namespace dangvu::text {
namespace {

TEST(UpperVi, CapitalizesEveryVietnameseLetterWithItsMarks) {
  EXPECT_EQ(to_upper_vi("Đảng ủy Khối các cơ quan tỉnh"), "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH");
  EXPECT_EQ(to_upper_vi("ơ ư ạ ỹ đ"), "Ơ Ư Ạ Ỹ Đ");
  EXPECT_EQ(to_upper_vi(std::string("a\xff")), std::string("a\xff"));
}

}  // namespace
}  // namespace dangvu::text
