// The dossier's columns of a member sheet: the offices' header spellings (folded, in TCVN3 too),
// catalog cells written as labels, aliases or codes, a level column's "Không", an unknown value
// refused naming the column and the catalog, Excel's lost leading zeros, and listed entries with
// their dates.
#include "io/dossier_columns.h"

#include <gtest/gtest.h>

#include "io/legacy.h"
#include "io/member_sheet.h"

namespace dangvu::io {
namespace {

std::string field_of(std::string_view header) {
  const DossierField* f = dossier_field_of_header(header);
  return f ? std::string(f->code) : std::string();
}

TEST(DossierColumns, TheOfficesHeaderSpellingsNameTheirFields) {
  const std::vector<std::pair<std::string, std::string>> spellings = {
      {"Dân tộc", "ethnicity"},
      {"Tôn giáo", "religion"},
      {"Nơi sinh", "place_of_birth"},
      {"Quê quán", "hometown"},
      {"Nơi thường trú", "permanent_residence"},
      {"Hộ khẩu thường trú", "permanent_residence"},
      {"Nơi ở hiện nay", "current_residence"},
      {"Số CCCD", "citizen_id"},
      {"CCCD", "citizen_id"},
      {"Số định danh cá nhân", "citizen_id"},
      {"Số CMND/CCCD", "citizen_id"},
      {"Số điện thoại", "phone"},
      {"Điện thoại", "phone"},
      {"SĐT", "phone"},
      {"Nghề nghiệp", "occupation"},
      {"Đơn vị công tác", "work_unit"},
      {"Chức vụ", "position"},
      {"Giáo dục phổ thông", "general_education"},
      {"Trình độ văn hóa", "general_education"},
      {"Học vấn", "general_education"},
      {"Chuyên môn nghiệp vụ", "professional_qualification"},
      {"Trình độ chuyên môn", "professional_qualification"},
      {"Học vị", "degree"},
      {"Học hàm", "academic_title"},
      {"Lý luận chính trị", "political_theory"},
      {"Trình độ LLCT", "political_theory"},
      {"Ngoại ngữ", "foreign_language"},
      {"Tin học", "it_skill"},
      {"Ngày vào Đoàn", "youth_union_joined"},
      {"Số CCCD (12 số)", "citizen_id"},
      {"DÂN TỘC", "ethnicity"},
  };
  for (const auto& [header, field] : spellings) EXPECT_EQ(field_of(header), field) << header;
  // Every field's own label is read: the export writes it. A sponsor has no column.
  for (const auto& f : dossier_fields()) {
    EXPECT_EQ(field_of(dossier_header(f)), in_member_sheets(f) ? f.code : "") << f.label;
  }
  EXPECT_EQ(field_of("Họ và tên"), "");
}

TEST(DossierColumns, TheMembersOwnHeadersKeepTheirFields) {
  // "Đơn vị" is the branch, "Đơn vị công tác" the work unit; "Nơi sinh hoạt" the branch.
  EXPECT_EQ(field_of_header("Đơn vị"), MemberField::org);
  const std::string csv =
      "Họ và tên,Ngày sinh,Nơi sinh hoạt,Ngày vào Đảng,Đơn vị công tác,Nơi sinh\n"
      "Lê Văn Tám,25/06/1980,A1,21/02/2005,Sở Tài chính,Hà Nội\n";
  auto s = read_member_sheet(csv, {});
  ASSERT_TRUE(s.ok()) << s.error().message_vi;
  ASSERT_EQ(s->columns.size(), 6u);
  EXPECT_EQ(s->columns[2].field, MemberField::org);
  EXPECT_EQ(field_name(s->columns[4]), "work_unit");
  EXPECT_EQ(field_name(s->columns[5]), "place_of_birth");
  EXPECT_EQ(field_label(s->columns[5]), "Nơi sinh");
  ASSERT_EQ(s->records.size(), 1u);
  ASSERT_EQ(s->records[0].dossier.size(), 2u);
  EXPECT_EQ(s->records[0].dossier[0].value, "Sở Tài chính");
  EXPECT_EQ(s->records[0].dossier[1].value, "Hà Nội");
  EXPECT_EQ(s->records[0].dossier[1].column, "F");
}

TEST(DossierColumns, CatalogCellsAreReadAsOfficesWriteThem) {
  const Catalogs catalogs = Catalogs::defaults();
  auto code = [&](const char* list, const char* written) {
    return catalog_code(list, *catalogs.find(list), written).value_or("?");
  };
  EXPECT_EQ(code("ethnicity", "Kinh"), "01");
  EXPECT_EQ(code("ethnicity", "TÀY"), "02");
  EXPECT_EQ(code("ethnicity", "Ê-đê"), "12");
  EXPECT_EQ(code("ethnicity", "H'Mông"), "08");
  EXPECT_EQ(code("ethnicity", "01"), "01");
  EXPECT_EQ(code("religion", "Không"), "none");
  EXPECT_EQ(code("religion", "Không tôn giáo"), "none");
  EXPECT_EQ(code("religion", "Thiên chúa giáo"), "catholicism");
  EXPECT_EQ(code("religion", "Công giáo"), "catholicism");
  EXPECT_EQ(code("religion", "Phật giáo"), "buddhism");
  EXPECT_EQ(code("general_education", "12/12"), "12/12");
  EXPECT_EQ(code("political_theory", "Trung cấp"), "intermediate");
  EXPECT_EQ(code("political_theory", "Cao cấp"), "advanced");
  EXPECT_EQ(code("political_theory", "Cử nhân"), "bachelor");
  EXPECT_EQ(code("political_theory", "Cao cấp LLCT"), "advanced");
  EXPECT_EQ(code("degree", "Thạc sĩ"), "master");
  EXPECT_EQ(code("degree", "Thạc sỹ"), "master");
  EXPECT_EQ(code("professional_qualification", "Đại học"), "university");
  EXPECT_EQ(code("occupation", "Cán bộ, công chức"), "civil_servant");
  EXPECT_EQ(code("ethnicity", "Kinhh"), "?");
  // An alias whose code a rule set's catalog does not hold is no alias.
  Catalogs mine = catalogs;
  ASSERT_TRUE(mine.merge_json(R"({"religion": [{"code": "none", "label": "Không"}]})").ok());
  EXPECT_FALSE(catalog_code("religion", *mine.find("religion"), "Thiên chúa giáo").has_value());
}

TEST(DossierColumns, ACellIsReadOrRefusedNamingTheRule) {
  const Catalogs catalogs = Catalogs::defaults();
  auto read = [&](const char* field, const std::string& text, Cell cell = {}) {
    if (cell.kind == CellKind::empty) cell = {CellKind::text, text, 0};
    return read_dossier_cell(*find_dossier_field(field), cell, text, catalogs, DateOrder::unsettled,
                             false, 2026);
  };
  auto unknown = read("ethnicity", "Kinhh");
  EXPECT_TRUE(unknown.values.empty());
  EXPECT_EQ(unknown.error_vi, "«Kinhh» không có trong danh mục dân tộc.");
  EXPECT_EQ(read("degree", "Cử nhân").error_vi,
            "«Cử nhân» không có trong danh mục học vị (ghi một trong: Thạc sĩ, Tiến sĩ, Tiến "
            "sĩ khoa học).");
  // "Không" of a level: nothing recorded, no error.
  auto none = read("political_theory", "Không");
  EXPECT_TRUE(none.values.empty());
  EXPECT_TRUE(none.error_vi.empty());
  // Excel's number cells lose a citizen ID's and a phone's leading zero.
  EXPECT_EQ(read("citizen_id", "10850123456", {CellKind::number, "10850123456", 10850123456.0})
                .values[0]
                .value,
            "010850123456");
  EXPECT_EQ(read("citizen_id", "0010 8501 2345").values[0].value, "001085012345");
  EXPECT_EQ(
      read("phone", "912345678", {CellKind::number, "912345678", 912345678.0}).values[0].value,
      "0912345678");
  EXPECT_EQ(read("exemption", "x").values[0].value, "yes");
  EXPECT_FALSE(read("exemption", "có lẽ").error_vi.empty());
  EXPECT_EQ(read("youth_union_joined", "26/03/1996").values[0].value, "1996-03-26");
  // A listed field: entries separated by ";", each with its date.
  auto entries = read("discipline", "Khiển trách (10/03/2021); Cảnh cáo (01/02/2023)");
  ASSERT_EQ(entries.values.size(), 2u) << entries.error_vi;
  EXPECT_EQ(entries.values[0].value, "reprimand");
  EXPECT_EQ(entries.values[0].from->iso(), "2021-03-10");
  EXPECT_EQ(entries.values[1].value, "warning");
  EXPECT_EQ(listed_cell({{"Khiển trách", *Date::parse("2021-03-10")},
                         {"Cảnh cáo", *Date::parse("2023-02-01")}}),
            "Khiển trách (10/03/2021); Cảnh cáo (01/02/2023)");
}

TEST(DossierColumns, ATcvn3SheetReadsItsDossierHeadersAndCells) {
  auto tcvn = [](const std::string& s) { return encode(s, TextEncoding::tcvn3); };
  const std::string csv = tcvn("Họ và tên") + "," + tcvn("Ngày sinh") + "," + tcvn("Chi bộ") + "," +
                          tcvn("Ngày vào Đảng") + "," + tcvn("Dân tộc") + "," + tcvn("Tôn giáo") +
                          "," + tcvn("Trình độ LLCT") + "\n" + tcvn("Nguyễn Văn Trọng") +
                          ",15/06/1980," + tcvn("Chi bộ Văn phòng") + ",20/02/2005," + tcvn("Tày") +
                          "," + tcvn("Phật giáo") + "," + tcvn("Trung cấp") + "\n";
  auto s = read_member_sheet(csv, {});
  ASSERT_TRUE(s.ok()) << s.error().message_vi;
  EXPECT_EQ(s->columns[4].header, "Dân tộc");
  EXPECT_EQ(s->columns[6].header, "Trình độ LLCT");
  ASSERT_EQ(s->records.size(), 1u);
  ASSERT_EQ(s->records[0].dossier.size(), 3u);
  EXPECT_EQ(s->records[0].dossier[0].value, "02");
  EXPECT_EQ(s->records[0].dossier[1].value, "buddhism");
  EXPECT_EQ(s->records[0].dossier[2].value, "intermediate");
}

}  // namespace
}  // namespace dangvu::io
