// TCVN3 and VNI: every letter of the Vietnamese alphabet with every tone converts both ways, and
// columns are told apart.
#include "io/legacy.h"

#include <gtest/gtest.h>

#include "text/normalize.h"

namespace dangvu::io {
namespace {

// Every vowel of the alphabet with no tone and the five tones (grave, hook, tilde, acute, dot).
const std::vector<std::string> kLower = {
    "a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ", "e",
    "è", "ẻ", "ẽ", "é", "ẹ", "ê", "ề", "ể", "ễ", "ế", "ệ", "i", "ì", "ỉ", "ĩ", "í", "ị", "o", "ò",
    "ỏ", "õ", "ó", "ọ", "ô", "ồ", "ổ", "ỗ", "ố", "ộ", "ơ", "ờ", "ở", "ỡ", "ớ", "ợ", "u", "ù", "ủ",
    "ũ", "ú", "ụ", "ư", "ừ", "ử", "ữ", "ứ", "ự", "y", "ỳ", "ỷ", "ỹ", "ý", "ỵ", "đ"};
const std::vector<std::string> kUpper = {
    "A", "À", "Ả", "Ã", "Á", "Ạ", "Ă", "Ằ", "Ẳ", "Ẵ", "Ắ", "Ặ", "Â", "Ầ", "Ẩ", "Ẫ", "Ấ", "Ậ", "E",
    "È", "Ẻ", "Ẽ", "É", "Ẹ", "Ê", "Ề", "Ể", "Ễ", "Ế", "Ệ", "I", "Ì", "Ỉ", "Ĩ", "Í", "Ị", "O", "Ò",
    "Ỏ", "Õ", "Ó", "Ọ", "Ô", "Ồ", "Ổ", "Ỗ", "Ố", "Ộ", "Ơ", "Ờ", "Ở", "Ỡ", "Ớ", "Ợ", "U", "Ù", "Ủ",
    "Ũ", "Ú", "Ụ", "Ư", "Ừ", "Ử", "Ữ", "Ứ", "Ự", "Y", "Ỳ", "Ỷ", "Ỹ", "Ý", "Ỵ", "Đ"};

TEST(Legacy, EveryLowerCaseLetterRoundTripsThroughTcvn3AndVni) {
  for (const auto& letter : kLower) {
    for (auto enc : {TextEncoding::tcvn3, TextEncoding::vni}) {
      std::string legacy = encode(letter, enc);
      // A few letters are the same byte in both (VNI ì í, TCVN3 ý): the round trip is the test.
      EXPECT_EQ(decode(legacy, enc), letter) << letter << " " << to_string(enc);
    }
  }
}

TEST(Legacy, EveryCapitalRoundTripsThroughVni) {
  for (const auto& letter : kUpper) {
    std::string legacy = encode(letter, TextEncoding::vni);
    EXPECT_EQ(decode(legacy, TextEncoding::vni), letter) << letter;
  }
}

TEST(Legacy, TcvnCapitalsWithoutToneRoundTrip) {
  for (std::string letter : {"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"}) {
    EXPECT_EQ(decode(encode(letter, TextEncoding::tcvn3), TextEncoding::tcvn3), letter);
  }
}

TEST(Legacy, KnownTextsFromTheFonts) {
  // Bytes as Excel shows them in .VnTime and VNI-Times text.
  EXPECT_EQ(decode("Hµ Néi", TextEncoding::tcvn3), "Hà Nội");
  EXPECT_EQ(decode("NguyÔn V¨n Träng", TextEncoding::tcvn3), "Nguyễn Văn Trọng");
  EXPECT_EQ(decode("§¶ng bé", TextEncoding::tcvn3), "Đảng bộ");
  EXPECT_EQ(decode("Nguyeãn Vaên Chính", TextEncoding::vni), "Nguyễn Văn Chính");
  EXPECT_EQ(decode("Haø Noäi", TextEncoding::vni), "Hà Nội");
  EXPECT_EQ(decode("Ñaûng boä", TextEncoding::vni), "Đảng bộ");
  EXPECT_EQ(decode("Tröông Thò Höôøng", TextEncoding::vni), "Trương Thị Hường");
  EXPECT_EQ(decode("NGUYEÃN", TextEncoding::vni), "NGUYỄN");
}

TEST(Legacy, OutputIsNfc) {
  std::string nfd = "Nguye\xCC\x82\xCC\x83n";  // e + combining circumflex + tilde
  EXPECT_EQ(decode(nfd, TextEncoding::unicode), "Nguyễn");
  EXPECT_TRUE(is_certainly_unicode(nfd));
}

TEST(Legacy, DetectsEachEncodingPerColumn) {
  std::vector<std::string> names = {"Nguyễn Văn Trọng", "Trương Thị Hường", "Đàm Văn Chính",
                                    "Lê Hà", "Phạm Thị Thu Hà"};
  std::vector<std::string> tcvn, vni;
  for (const auto& n : names) {
    tcvn.push_back(encode(n, TextEncoding::tcvn3));
    vni.push_back(encode(n, TextEncoding::vni));
  }
  auto views = [](const std::vector<std::string>& v) {
    return std::vector<std::string_view>(v.begin(), v.end());
  };
  EXPECT_EQ(detect_encoding(views(names)), TextEncoding::unicode);
  EXPECT_EQ(detect_encoding(views(tcvn)), TextEncoding::tcvn3);
  EXPECT_EQ(detect_encoding(views(vni)), TextEncoding::vni);
  // Plain ASCII and Latin-1 Vietnamese letters are Unicode.
  EXPECT_EQ(detect_encoding({"Le Ha", "Hà", "Võ Tú"}), TextEncoding::unicode);
}

// TCVN3's small toned letters share bytes with VNI's letters (ệ is VNI's Ư, ủ its đ): after a
// small letter they are TCVN3's; VNI's tone marks after its own ơ and ư are VNI's.
TEST(Legacy, EvidenceReadsEachByteWhereItMayStand) {
  const std::string name = encode("Nguyệt Thủy", TextEncoding::tcvn3);
  ASSERT_EQ(name, "Nguy\u00D6t Th\u00F1y");
  EXPECT_EQ(detect_encoding({name}), TextEncoding::tcvn3);
  const std::string truong = encode("Trương Thị Hường", TextEncoding::vni);
  EncodingEvidence e;
  e.add(truong);
  EXPECT_EQ(e.tcvn3, 0) << truong;
  EXPECT_EQ(e.vni, 3);  // ư, ư and the grave after ơ (ơ and ị are Latin-1 letters: no evidence)
  EXPECT_EQ(detect_encoding({encode("ĐẢNG BỘ", TextEncoding::vni)}), TextEncoding::vni);
}

TEST(Legacy, AColumnKeepsItsOwnEncodingOnlyWhenItsEvidenceIsClear) {
  auto evidence = [](long long unicode, long long tcvn3, long long vni) {
    EncodingEvidence e;
    e.unicode = unicode;
    e.tcvn3 = tcvn3;
    e.vni = vni;
    return e;
  };
  // No evidence of its own, or less than clear: the file's.
  EXPECT_EQ(column_encoding(evidence(0, 0, 0), TextEncoding::tcvn3), TextEncoding::tcvn3);
  EXPECT_EQ(column_encoding(evidence(1, 0, 0), TextEncoding::tcvn3), TextEncoding::tcvn3);
  EXPECT_EQ(column_encoding(evidence(0, 2, 5), TextEncoding::tcvn3), TextEncoding::tcvn3);
  // Clearly another: its own.
  EXPECT_EQ(column_encoding(evidence(0, 1, 5), TextEncoding::tcvn3), TextEncoding::vni);
  EXPECT_EQ(column_encoding(evidence(4, 0, 0), TextEncoding::tcvn3), TextEncoding::unicode);
  EXPECT_EQ(column_encoding(evidence(0, 9, 0), TextEncoding::unicode), TextEncoding::tcvn3);
}

}  // namespace
}  // namespace dangvu::io
