// Member sheets as offices make them: the encoding decided from the whole file (a header with one
// legacy letter read with its file, a French-looking Unicode name that flips nothing, a file with
// a VNI column and a Unicode column among TCVN3 ones), and the rows below the data that are no
// members (a total, the date, the signatures) left out with a warning.
#include "io/member_sheet.h"

#include <gtest/gtest.h>

#include "io/legacy.h"

namespace dangvu::io {
namespace {

std::string tcvn(const std::string& s) { return encode(s, TextEncoding::tcvn3); }
std::string vni(const std::string& s) { return encode(s, TextEncoding::vni); }

MemberSheet read(const std::string& csv) {
  auto sheet = read_member_sheet(csv, {});
  EXPECT_TRUE(sheet.ok()) << sheet.error().message_vi;
  return sheet.ok() ? std::move(*sheet) : MemberSheet{};
}

const ColumnMapping* column(const MemberSheet& s, MemberField f) {
  for (const auto& c : s.columns) {
    if (c.field == f) return &c;
  }
  return nullptr;
}

std::vector<std::string> errors_of(const MemberSheet& s) {
  std::vector<std::string> out;
  for (const auto& p : s.problems) {
    if (!p.warning) out.push_back(p.message_vi);
  }
  return out;
}

TEST(MemberSheet, AWholeTcvn3FileReadsAHeaderWithOneLegacyLetter) {
  // "Chi bộ" in TCVN3 is "Chi b" + U+00E9: read alone it is the Unicode "Chi bé".
  ASSERT_EQ(tcvn("Chi bộ"), "Chi b\xC3\xA9");
  const std::string csv =
      tcvn("DANH SÁCH ĐẢNG VIÊN CHI BỘ") + "\n" + "STT," + tcvn("Họ và tên") + "," +
      tcvn("Ngày sinh") + "," + tcvn("Chi bộ") + "," + tcvn("Ngày vào Đảng") + "\n" + "1," +
      tcvn("Nguyễn Văn Trọng") + ",15/06/1980," + tcvn("Chi bộ Văn phòng") + ",20/02/2005\n" +
      "2," + tcvn("Trương Thị Hường") + ",17/08/1990," + tcvn("Chi bộ Kế toán") + ",21/02/2015\n";
  MemberSheet s = read(csv);
  const ColumnMapping* org = column(s, MemberField::org);
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->header, "Chi bộ");
  EXPECT_EQ(org->encoding, TextEncoding::tcvn3);
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[0].org, "Chi bộ Văn phòng");
  EXPECT_EQ(s.records[1].family + " " + s.records[1].middle + " " + s.records[1].given,
            "Trương Thị Hường");
  EXPECT_TRUE(errors_of(s).empty());
}

TEST(MemberSheet, AHeaderWithoutEvidenceOfItsOwnIsReadInTheFilesEncoding) {
  // The other headers are plain ASCII: only the data says the file is TCVN3.
  const std::string csv = "Ho va ten,Ngay sinh," + tcvn("Chi bộ") + ",Ngay vao Dang\n" +
                          tcvn("Nguyễn Văn Trọng") + ",15/06/1980," + tcvn("Chi bộ Văn phòng") +
                          ",20/02/2005\n" + tcvn("Đàm Văn Chính") + ",17/08/1990," +
                          tcvn("Chi bộ Kế toán") + ",21/02/2015\n";
  MemberSheet s = read(csv);
  const ColumnMapping* org = column(s, MemberField::org);
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->header, "Chi bộ");
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[1].org, "Chi bộ Kế toán");
  EXPECT_EQ(s.records[1].given, "Chính");
}

TEST(MemberSheet, AFrenchLookingNameInAUnicodeFileFlipsNothing) {
  // "René", "Café": é alone is a Latin-1 letter, evidence of no legacy encoding.
  MemberSheet s = read(
      "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n"
      "Lê René,15/06/1980,Café,20/02/2005\n"
      "Nguyễn Văn Trọng,17/08/1990,A1,21/02/2015\n");
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[0].family, "Lê");
  EXPECT_EQ(s.records[0].given, "René");
  EXPECT_EQ(s.records[0].org, "Café");
  for (const auto& c : s.columns) EXPECT_EQ(c.encoding, TextEncoding::unicode) << c.header;
  // Nor in a file with nothing else to go by.
  MemberSheet alone = read(
      "Ho va ten,Ngay sinh,Chi bo,Ngay vao Dang\nLe René,15/06/1980,Café,"
      "20/02/2005\n");
  ASSERT_EQ(alone.records.size(), 1u);
  EXPECT_EQ(alone.records[0].org, "Café");
}

TEST(MemberSheet, AColumnWhoseEvidenceClearlyDiffersKeepsItsOwnEncoding) {
  // Names in TCVN3, branches in VNI, notes of birth places typed later in Unicode (one of them,
  // "Tô Hà", with no letter only Unicode has).
  std::string csv = tcvn("Họ và tên") + ",Ngay sinh,Chi bo,Ngay vao Dang,Ghi chu\n";
  const std::vector<std::string> names = {"Nguyễn Văn Trọng", "Trương Thị Hường", "Đàm Văn Chính",
                                          "Phạm Thị Thu Hà"};
  const std::vector<std::string> orgs = {"Chi bộ Văn phòng", "Chi bộ Kế toán", "Chi bộ Văn phòng",
                                         "Chi bộ Tổ chức"};
  const std::vector<std::string> notes = {"Hà Nội", "Tô Hà", "Đà Nẵng", "Thừa Thiên Huế"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    csv += tcvn(names[i]) + ",1" + std::to_string(i) + "/06/1980," + vni(orgs[i]) + ",20/02/2005," +
           notes[i] + "\n";
  }
  SheetOptions options;
  options.mapping = {{"E", "code"}};  // the notes column read as text
  auto read_back = read_member_sheet(csv, options);
  ASSERT_TRUE(read_back.ok()) << read_back.error().message_vi;
  const MemberSheet& s = *read_back;
  EXPECT_EQ(column(s, MemberField::full_name)->encoding, TextEncoding::tcvn3);
  EXPECT_EQ(column(s, MemberField::org)->encoding, TextEncoding::vni);
  EXPECT_EQ(column(s, MemberField::code)->encoding, TextEncoding::unicode);
  ASSERT_EQ(s.records.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& r = s.records[i];
    EXPECT_EQ(r.family + " " + r.middle + " " + r.given, names[i]);
    EXPECT_EQ(r.org, orgs[i]);
    EXPECT_EQ(r.code, notes[i]);
  }
}

TEST(MemberSheet, RowsBelowTheDataThatAreNoMembersAreSkipped) {
  MemberSheet s = read(
      "STT,Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n"
      "1,Lê Văn Tám,15/06/1980,A1,20/02/2005\n"
      "2,Tống Văn An,17/08/1990,A2,21/02/2015\n"
      "Cộng,2,,,\n"
      ",,,Ngày … tháng … năm …,\n"
      ",Xác nhận của cấp ủy,,T/M CHI BỘ,\n"
      ",,,Phó Bí thư,\n"
      ",,,Phạm Văn Hùng,\n");
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[1].family, "Tống");  // a family name, not a total
  EXPECT_EQ(s.skipped_rows, (std::vector<std::int64_t>{4, 5, 6, 7, 8}));
  ASSERT_EQ(s.problems.size(), 5u);
  for (const auto& p : s.problems) EXPECT_TRUE(p.warning) << p.message_vi;
  EXPECT_EQ(s.problems[0].message_vi,
            "Không phải đảng viên (dòng tổng cộng, ngày tháng hoặc chữ ký dưới danh sách), đã bỏ "
            "qua.");
}

TEST(MemberSheet, ARowThatIsNoMemberAmongTheMembersIsStillRead) {
  // Sparse rows right under the data are members with missing cells until a total or a signature
  // follows; a total among the members is a row like any other.
  MemberSheet s = read(
      "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n"
      "Lê Văn Tám,15/06/1980,A1,20/02/2005\n"
      "Tổng cộng: 1,,,\n"
      "Trần Thị Hà,17/08/1990,A2,21/02/2015\n"
      "Nguyễn Văn Mười,,A2,\n");
  EXPECT_TRUE(s.skipped_rows.empty());
  ASSERT_EQ(s.records.size(), 4u);
  EXPECT_EQ(s.records[3].given, "Mười");
}

}  // namespace
}  // namespace dangvu::io
