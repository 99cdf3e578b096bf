// The dossier's columns of a member list, over a real SQLite file: a whole TCVN3 file (and a VNI
// one) imported with its dossier values, each dated by the rule (dossier_rows.h); an unknown
// catalog value, a bad or repeated citizen ID refused naming the column with nothing written; a
// re-import that changes nothing and one that contradicts the dossier; the export without and
// with the sensitive columns (the permission, the audit), and an export → import round trip into
// a new database that gives the same dossier.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "io/legacy.h"
#include "io/writer.h"
#include "service/registry.h"
#include "store/statistics_store.h"
#include "support/import_fixture.h"

namespace dangvu::service {
namespace {

std::string tcvn(const std::string& s) { return io::encode(s, io::TextEncoding::tcvn3); }
std::string vni(const std::string& s) { return io::encode(s, io::TextEncoding::vni); }

class ImportDossierTest : public testing::ImportFixture {
 protected:
  static Result<ImportReport> import_into(Registry& registry, const std::string& data,
                                          const std::string& file_name = "ds.xlsx") {
    ImportInput in;
    in.data = data;
    in.file_name = file_name;
    return registry.import_members(in);
  }
  Result<ImportReport> import(const std::string& data) { return import_into(*registry_, data); }

  // The record of `field` in force today in the dossier of `member`, read through the registry
  // (none: an empty record).
  static DossierRecord fact(Registry& registry, const std::string& member,
                            const std::string& field) {
    auto d = registry.dossier(member, "");
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().detail_en);
    if (!d.ok()) return {};
    for (const auto& f : d->facts) {
      if (f.field == field && f.current) return f.current->record;
    }
    return {};
  }
  DossierRecord fact(const std::string& member, const std::string& field) {
    return fact(*registry_, member, field);
  }
};

// The "Done when": a file typed wholly in TCVN3 — every header and every cell, the branch
// column headed "Chi bộ" (`Chi b\xe9`) — with dossier columns is imported, and its values are
// the dossier's, each dated by its rule.
TEST_F(ImportDossierTest, AWholeTcvn3FileWithDossierColumnsIsImported) {
  EXPECT_EQ(tcvn("Chi bộ"), "Chi b\xC3\xA9");
  const std::vector<std::string> headers = {
      "Mã đảng viên",  "Họ và tên",      "Ngày sinh",          "Chi bộ",
      "Ngày vào Đảng", "Dân tộc",        "Tôn giáo",           "Nơi sinh",
      "Quê quán",      "Số CCCD",        "Số điện thoại",      "Nghề nghiệp",
      "Trình độ LLCT", "Học vị",         "Giáo dục phổ thông", "Chuyên môn nghiệp vụ",
      "Ngày vào Đoàn", "Đơn vị công tác"};
  std::vector<std::string> legacy_headers;
  for (const auto& h : headers) legacy_headers.push_back(tcvn(h));
  auto report = import(
      xlsx(legacy_headers,
           {{"DV1", tcvn("Nguyễn Văn Trọng"), "05/06/1980", tcvn("Chi bộ Văn phòng"), "01/02/2005",
             tcvn("Kinh"), tcvn("Phật giáo"), tcvn("Hà Nội"), tcvn("Nam Định"), "001080012345",
             "0912 345 678", tcvn("Cán bộ, công chức"), tcvn("Trung cấp"), tcvn("Thạc sĩ"), "12/12",
             tcvn("Đại học"), "26/03/1996", tcvn("Sở Tài chính")},
            {"DV2", tcvn("Đặng Thị Hường"), "07/08/1990", tcvn("Chi bộ Kế toán"), "01/02/2015",
             tcvn("Tày"), tcvn("Không"), tcvn("Cao Bằng"), tcvn("Hà Giang"), "004190054321", "",
             tcvn("Viên chức"), tcvn("Cao cấp"), "", "12/12", tcvn("Cao đẳng"), "", ""}}));
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  ASSERT_EQ(report->errors(), 0) << errors_of(*report).front();
  EXPECT_EQ(report->created, 2);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->dossier_records, 13 + 9);
  EXPECT_EQ(report->columns[3].field, "org");
  EXPECT_EQ(report->columns[5].header, "Dân tộc");
  EXPECT_EQ(report->columns[5].field, "ethnicity");
  EXPECT_EQ(report->columns[5].encoding, io::TextEncoding::tcvn3);
  EXPECT_EQ(report->columns[12].field, "political_theory");
  // The result says how the records are dated (a warning about the file, row 0).
  bool said = false;
  for (const auto& p : report->problems) {
    said = said || (p.row == 0 && p.warning && p.field == "dossier" &&
                    p.message_vi.find("«Nghề nghiệp»") != std::string::npos);
  }
  EXPECT_TRUE(said);

  EXPECT_EQ(fact("DV1", "ethnicity").value, "01");
  EXPECT_EQ(fact("DV1", "religion").value, "buddhism");
  EXPECT_EQ(fact("DV1", "place_of_birth").value, "Hà Nội");
  EXPECT_EQ(fact("DV1", "hometown").value, "Nam Định");
  EXPECT_EQ(fact("DV1", "citizen_id").value, "001080012345");
  EXPECT_EQ(fact("DV1", "phone").value, "0912 345 678");
  EXPECT_EQ(fact("DV1", "occupation").value, "civil_servant");
  EXPECT_EQ(fact("DV1", "political_theory").value, "intermediate");
  EXPECT_EQ(fact("DV1", "degree").value, "master");
  EXPECT_EQ(fact("DV1", "general_education").value, "12/12");
  EXPECT_EQ(fact("DV1", "professional_qualification").value, "university");
  EXPECT_EQ(fact("DV1", "youth_union_joined").value, "1996-03-26");
  EXPECT_EQ(fact("DV1", "work_unit").value, "Sở Tài chính");
  EXPECT_EQ(fact("DV2", "ethnicity").value, "02");
  EXPECT_EQ(fact("DV2", "religion").value, "none");
  EXPECT_EQ(fact("DV2", "political_theory").value, "advanced");
  EXPECT_EQ(fact("DV2", "professional_qualification").value, "college");
  EXPECT_EQ(fact("DV2", "degree").value, "");
  // The dates: from birth what a person is born with, from its own date a date field, from the
  // row's first event (here the admission) the rest.
  EXPECT_EQ(fact("DV1", "ethnicity").from.iso(), "1980-06-05");
  EXPECT_EQ(fact("DV1", "place_of_birth").from.iso(), "1980-06-05");
  EXPECT_EQ(fact("DV1", "youth_union_joined").from.iso(), "1996-03-26");
  EXPECT_EQ(fact("DV1", "degree").from.iso(), "2005-02-01");
  EXPECT_EQ(fact("DV2", "religion").from.iso(), "2015-02-01");
  EXPECT_EQ(fact("DV1", "degree").note, "Nhập từ tệp ds.xlsx");

  // Imported again: nothing changes, not even the audit log.
  const std::string before = dump();
  auto again = import(
      xlsx(legacy_headers,
           {{"DV1", tcvn("Nguyễn Văn Trọng"), "05/06/1980", tcvn("Chi bộ Văn phòng"), "01/02/2005",
             tcvn("Kinh"), tcvn("Phật giáo"), tcvn("Hà Nội"), tcvn("Nam Định"), "001080012345",
             "0912 345 678", tcvn("Cán bộ, công chức"), tcvn("Trung cấp"), tcvn("Thạc sĩ"), "12/12",
             tcvn("Đại học"), "26/03/1996", tcvn("Sở Tài chính")}}));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->errors(), 0) << errors_of(*again).front();
  EXPECT_EQ(again->unchanged, 1);
  EXPECT_EQ(dump(), before);
  // What the statistics read was derived in the import's transaction.
  auto stale = store::StatisticsStore(*store_).profiles_out_of_date();
  ASSERT_TRUE(stale.ok());
  EXPECT_TRUE(stale->empty()) << stale->size() << " profiles out of date";
}

// A VNI CSV file (headers and cells) reads the same.
TEST_F(ImportDossierTest, AVniFileIsReadToo) {
  const std::string csv = vni("Họ và tên") + "," + vni("Ngày sinh") + "," + vni("Chi bộ") + "," +
                          vni("Ngày vào Đảng") + "," + vni("Dân tộc") + "," + vni("Tôn giáo") +
                          "," + vni("Quê quán") + "\n" + vni("Lê Thị Hà") + ",02/03/1985,A1," +
                          "10/10/2010," + vni("Mường") + "," + vni("Công giáo") + "," +
                          vni("Thanh Hóa") + "\n";
  auto report = import(csv);
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  ASSERT_EQ(report->errors(), 0) << errors_of(*report).front();
  const std::string code = report->preview[0].values[0];
  EXPECT_EQ(fact(code, "ethnicity").value, "06");
  EXPECT_EQ(fact(code, "religion").value, "catholicism");
  EXPECT_EQ(fact(code, "hometown").value, "Thanh Hóa");
}

// Bad values refuse their rows naming the column and the rule, and nothing is written.
TEST_F(ImportDossierTest, BadValuesAreRefusedNamingTheColumnAndNothingIsWritten) {
  // P0 holds a citizen ID already.
  ASSERT_TRUE(import("Mã đảng viên,Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng,Số CCCD\n"
                     "P0,Trần Văn Ba,01/01/1970,A1,01/01/2000,001070000001\n")
                  .ok());
  ASSERT_EQ(fact("P0", "citizen_id").value, "001070000001");
  const std::string before = dump();
  auto report = import(
      "Mã đảng viên,Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng,Dân tộc,CCCD,Ngày vào Đoàn\n"
      "P1,Lê Văn An,01/01/1980,A1,01/01/2005,Kinhh,,\n"                // row 2
      "P2,Lê Văn Bình,01/01/1981,A1,01/01/2005,Kinh,12345,\n"          // row 3
      "P3,Lê Văn Chi,01/01/1982,A1,01/01/2005,Kinh,001070000001,\n"    // row 4
      "P4,Lê Văn Dung,01/01/1983,A1,01/01/2005,Kinh,001083000004,\n"   // row 5
      "P5,Lê Văn Em,01/01/1984,A1,01/01/2005,Kinh,001083000004,\n"     // row 6
      "P6,Lê Văn Giang,01/01/1985,A1,01/01/2005,Kinh,,01/01/1984\n");  // row 7: before birth
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  EXPECT_FALSE(report->written);
  EXPECT_EQ(report->rejected, 5);
  EXPECT_EQ(dump(), before);
  std::map<std::int64_t, io::Problem> by_row;
  for (const auto& p : report->problems) {
    if (!p.warning) by_row[p.row] = p;
  }
  ASSERT_EQ(by_row.size(), 5u);
  EXPECT_EQ(by_row[2].column, "F");
  EXPECT_EQ(by_row[2].field, "ethnicity");
  EXPECT_EQ(by_row[2].message_vi, "Cột «Dân tộc»: «Kinhh» không có trong danh mục dân tộc.");
  EXPECT_EQ(by_row[3].field, "citizen_id");
  EXPECT_NE(by_row[3].message_vi.find("12 chữ số"), std::string::npos) << by_row[3].message_vi;
  EXPECT_EQ(by_row[4].message_vi, "Cột «CCCD»: «001070000001» đã được ghi cho một người khác.");
  EXPECT_EQ(by_row[4].message_vi.find("P0"), std::string::npos);
  EXPECT_EQ(by_row[6].message_vi,
            "Cột «CCCD»: «001083000004» trùng với số ở dòng 5 của tệp; số định danh cá nhân là "
            "của một người.");
  EXPECT_EQ(by_row[7].field, "youth_union_joined");
  EXPECT_NE(by_row[7].message_vi.find("trước ngày sinh"), std::string::npos);
}

// A matched member: a value its dossier lacks is added (the member counted as updated), one it
// holds changes nothing, one it holds otherwise is refused naming both.
TEST_F(ImportDossierTest, AMatchedMembersDossierIsAddedToNeverOverwritten) {
  const std::string head = "Mã đảng viên,Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng,Dân tộc,Học vị\n";
  ASSERT_TRUE(import(head + "P1,Lê Văn An,01/01/1980,A1,01/01/2005,Kinh,\n").ok());
  auto added = import(head + "P1,Lê Văn An,01/01/1980,A1,01/01/2005,Kinh,Tiến sĩ\n");
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->errors(), 0) << errors_of(*added).front();
  EXPECT_EQ(added->updated, 1);
  EXPECT_EQ(added->dossier_records, 1);
  EXPECT_EQ(fact("P1", "degree").value, "doctor");
  const std::string before = dump();
  auto differs = import(head + "P1,Lê Văn An,01/01/1980,A1,01/01/2005,Tày,Tiến sĩ\n");
  ASSERT_TRUE(differs.ok());
  ASSERT_EQ(errors_of(*differs).size(), 1u);
  EXPECT_EQ(errors_of(*differs)[0].rfind("Cột «Dân tộc»: tệp ghi «Tày» nhưng hồ sơ ghi «Kinh» "
                                         "(từ 01/01/1980).",
                                         0),
            0u)
      << errors_of(*differs)[0];
  EXPECT_EQ(dump(), before);
}

// The export carries the dossier (catalog items by their labels); the sensitive columns only on
// request, for a role that may, audited; and what it writes imports into a new database as the
// same dossier.
TEST_F(ImportDossierTest, TheExportCarriesTheDossierAndImportsBackTheSame) {
  auto first = import(xlsx({"Mã đảng viên", "Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng",
                            "Dân tộc", "Tôn giáo", "Số CCCD", "Nghề nghiệp", "Lý luận chính trị",
                            "Ngày vào Đoàn", "Nơi ở hiện nay", "Khen thưởng"},
                           {{"DV1", "Nguyễn Văn Trọng", "05/06/1980", "A1", "01/02/2005", "Tày",
                             "Thiên chúa giáo", "001080012345", "Nông dân", "Cử nhân", "26/03/1996",
                             "Số 1, phố Huế", "Giấy khen năm 2019 (10/12/2019)"},
                            {"DV2", "Đặng Thị Hường", "07/08/1990", "A2", "01/02/2015", "Kinh",
                             "Không", "", "Viên chức", "", "", "", ""}}));
  ASSERT_TRUE(first.ok() && first->written);
  // Without the sensitive columns.
  auto plain = registry_->export_members({});
  ASSERT_TRUE(plain.ok()) << plain.error().message_vi;
  auto has = [](const ExportTable& t, const std::string& header) {
    return std::find(t.headers.begin(), t.headers.end(), header) != t.headers.end();
  };
  EXPECT_TRUE(has(*plain, "Nghề nghiệp"));
  EXPECT_TRUE(has(*plain, "Ngày vào Đoàn"));
  EXPECT_FALSE(has(*plain, "Dân tộc"));
  EXPECT_FALSE(has(*plain, "Số định danh cá nhân"));

  // A branch secretary may not take them: refused, nothing audited.
  auto a1 = store_->find_org("A1");
  Registry secretary(*store_, RuleSet::defaults(), clock_,
                     Caller{"bt", "127.0.0.1", auth::Role::branch_secretary, **a1, 0});
  const std::string before = dump();
  auto refused = secretary.export_members({}, Registry::SensitiveColumns::included);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_NE(refused.error().message_vi.find("Xuất dữ liệu nhạy cảm"), std::string::npos)
      << refused.error().message_vi;
  EXPECT_EQ(dump(), before);

  auto full = registry_->export_members({}, Registry::SensitiveColumns::included);
  ASSERT_TRUE(full.ok()) << full.error().message_vi;
  EXPECT_TRUE(has(*full, "Dân tộc"));
  EXPECT_TRUE(has(*full, "Số định danh cá nhân"));
  const auto column = [&](const std::string& header) {
    return static_cast<std::size_t>(std::find(full->headers.begin(), full->headers.end(), header) -
                                    full->headers.begin());
  };
  const auto dv1 = std::find_if(full->rows.begin(), full->rows.end(),
                                [](const auto& row) { return row[1].text == "DV1"; });
  ASSERT_NE(dv1, full->rows.end());
  EXPECT_EQ((*dv1)[column("Dân tộc")].text, "Tày");
  EXPECT_EQ((*dv1)[column("Tôn giáo")].text, "Công giáo");
  EXPECT_EQ((*dv1)[column("Nghề nghiệp")].text, "Nông dân, lao động nông, lâm, ngư nghiệp");
  EXPECT_EQ((*dv1)[column("Khen thưởng")].text, "Giấy khen năm 2019 (10/12/2019)");
  auto entries = registry_->read_audit({});
  ASSERT_TRUE(entries.ok());
  int audited = 0;
  for (const auto& e : *entries) {
    if (e.action != "member.export_sensitive") continue;
    ++audited;
    EXPECT_NE(e.detail_json.find("\"DV1\""), std::string::npos) << e.detail_json;
    EXPECT_NE(e.detail_json.find("\"count\":2"), std::string::npos) << e.detail_json;
  }
  EXPECT_EQ(audited, 1);

  // Into a new database, as XLSX and as CSV: the same dossier.
  for (const bool csv : {false, true}) {
    testing::TempDir other_dir;
    std::unique_ptr<store::Store> other_store;
    std::unique_ptr<Registry> other;
    open_with_orgs(other_dir.database("o.db"), other_store, other);
    const std::string bytes = csv ? io::csv_text(*full) : io::xlsx_bytes(*full).value();
    auto back = import_into(*other, bytes, csv ? "dv.csv" : "dv.xlsx");
    ASSERT_TRUE(back.ok()) << back.error().message_vi;
    ASSERT_EQ(back->errors(), 0) << errors_of(*back).front();
    EXPECT_EQ(back->created, 2);
    for (const char* member : {"DV1", "DV2"}) {
      for (const auto& f : dossier_fields()) {
        auto a = registry_->dossier(member, "");
        auto b = other->dossier(member, "");
        ASSERT_TRUE(a.ok() && b.ok());
        auto values = [&](const DossierView& v) {
          std::vector<std::string> out;
          for (const auto& fact : v.facts) {
            if (fact.field != f.code) continue;
            for (const auto& h : fact.history) out.push_back(h.record.value);
          }
          return out;
        };
        EXPECT_EQ(values(*a), values(*b)) << member << " " << f.code << (csv ? " csv" : " xlsx");
      }
    }
  }
}

}  // namespace
}  // namespace dangvu::service
