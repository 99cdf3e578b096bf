// Imports over a real SQLite file: a TCVN3 file of 2,000 members, each header spelling, a file
// with 30 bad rows (30 messages, nothing written), re-imports and export → import round trips
// that change nothing.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "io/legacy.h"
#include "io/writer.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("i.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    for (auto [code, name, kind, parent] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {"TU", "Đảng bộ tỉnh", "upper_committee", ""},
             {"DBA", "Đảng bộ Sở A", "grassroots_committee", "TU"},
             {"A1", "Chi bộ Văn phòng", "sub_branch", "DBA"},
             {"A2", "Chi bộ Kế toán", "sub_branch", "DBA"}}) {
      auto id = registry_->add_org({code, name, kind, parent, "2000-01-01"});
      ASSERT_TRUE(id.ok()) << id.error().detail_en;
    }
  }

  Result<ImportReport> import(const std::string& data, bool dry_run = false,
                              bool valid_only = false) {
    ImportInput in;
    in.data = data;
    in.file_name = "ds.xlsx";
    in.dry_run = dry_run;
    in.valid_only = valid_only;
    return registry_->import_members(in);
  }

  static std::string xlsx(const std::vector<std::string>& headers,
                          const std::vector<std::vector<std::string>>& rows) {
    io::Table t;
    t.title = "DS";
    t.headers = headers;
    t.kinds.assign(headers.size(), io::Table::Kind::text);
    for (const auto& r : rows) {
      std::vector<io::Table::Value> row;
      for (const auto& v : r) row.push_back({v, 0});
      t.rows.push_back(row);
    }
    return io::xlsx_bytes(t).value();
  }

  std::string dump() const { return testing::dump_database(path_); }

  FixedClock clock_{Date::parse("2026-06-01").value()};
  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

const char* kGiven[] = {"An", "Bình", "Chính", "Dũng", "Đức", "Hà", "Hường", "Lộc", "Nga", "Trọng"};
const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Trương", "Võ", "Đàm"};
const char* kMiddle[] = {"Văn", "Thị", "Hữu", "Thu", "Ngọc"};

TEST_F(ImportTest, Tcvn3FileOf2000MembersKeepsEveryName) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> names;
  for (int i = 0; i < 2000; ++i) {
    std::string name =
        std::string(kFamily[i % 8]) + " " + kMiddle[(i / 8) % 5] + " " + kGiven[(i / 40) % 10];
    names.push_back(name);
    char birth[16], card[16];
    std::snprintf(birth, sizeof birth, "%02d/%02d/19%02d", 1 + i % 28, 1 + (i / 28) % 12,
                  60 + (i / 336) % 30);
    std::snprintf(card, sizeof card, "%012d", 100000 + i);
    rows.push_back({std::to_string(i + 1), io::encode(name, io::TextEncoding::tcvn3), birth,
                    i % 2 ? "A1" : "Chi bộ Kế toán", "15/03/2010", card});
  }
  auto headers =
      std::vector<std::string>{"STT",           io::encode("Họ và tên", io::TextEncoding::tcvn3),
                               "Ngày sinh",     "Chi bộ",
                               "Ngày vào Đảng", "Số thẻ"};
  auto report = import(xlsx(headers, rows));
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  EXPECT_EQ(report->errors(), 0) << report->problems.front().message_vi;
  EXPECT_EQ(report->created, 2000);
  EXPECT_TRUE(report->written);
  EXPECT_EQ(report->columns[1].encoding, io::TextEncoding::tcvn3);
  EXPECT_EQ(report->columns[1].header, "Họ và tên");
  for (int i : {0, 7, 1234, 1999}) {
    char card[16];
    std::snprintf(card, sizeof card, "%012d", 100000 + i);
    auto m = registry_->show_member(card, "");
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->person.full_name(), names[static_cast<std::size_t>(i)]);
  }
  // The same file again changes nothing at all.
  const std::string before = dump();
  auto again = import(xlsx(headers, rows));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 2000);
  EXPECT_EQ(again->created + again->updated, 0);
  EXPECT_EQ(dump(), before);
}

TEST_F(ImportTest, ThirtyBadRowsGetThirtyMessagesAndNothingIsWritten) {
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 60; ++i) {
    std::string name =
        std::string(kFamily[i % 8]) + " Văn " + kGiven[i % 10] + " " + kGiven[(i / 10) % 10];
    std::string birth = "01/02/1980", org = "A1", admitted = "15/03/2010";
    if (i % 2 == 1) {
      switch ((i / 2) % 5) {
        case 0: birth = "31/02/1980"; break;  // no such day
        case 1: org = "KHONGCO"; break;       // unknown org
        case 2:
          admitted = "15/03/1990";
          birth = "01/01/1985";
          break;                       // admitted at 5
        case 3: name = "Một"; break;   // one word
        case 4: admitted = ""; break;  // missing
      }
    }
    rows.push_back({name, birth, org, admitted});
  }
  const std::string before = dump();
  auto report = import(xlsx({"Họ tên", "Ngày sinh", "Đơn vị", "Ngày kết nạp"}, rows));
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  EXPECT_EQ(report->rejected, 30);
  EXPECT_EQ(report->errors(), 30);
  EXPECT_FALSE(report->written);
  EXPECT_EQ(dump(), before);
  for (const auto& p : report->problems) {
    EXPECT_EQ(p.sheet, "DS");
    EXPECT_EQ(p.row % 2, 1) << p.message_vi;  // rows 3, 5, … (odd i + header row)
    EXPECT_FALSE(p.column.empty());
    EXPECT_FALSE(p.message_vi.empty());
  }
  // Only the valid rows, still one transaction.
  auto valid = import(xlsx({"Họ tên", "Ngày sinh", "Đơn vị", "Ngày kết nạp"}, rows), false, true);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid->created, 30);
  EXPECT_TRUE(valid->written);
}

TEST_F(ImportTest, DryRunChangesNothing) {
  const std::string before = dump();
  auto report = import(xlsx({"Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng"},
                            {{"Lê Văn Tám", "05/06/1980", "A1", "01/02/2005"}}),
                       true);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->created, 1);
  EXPECT_FALSE(report->written);
  EXPECT_EQ(dump(), before);
}

TEST_F(ImportTest, EveryHeaderSpellingAndSeparateNameColumns) {
  auto report = import(
      xlsx({"TT", "Họ", "Tên đệm", "Tên", "Nam/Nữ", "Ngày tháng năm sinh", "Chi bộ sinh hoạt",
            "Ngày kết nạp Đảng", "Ngày công nhận chính thức", "Số thẻ đảng viên"},
           {{"1", "Hoàng Phủ", "Ngọc", "Bình Minh", "Nữ", "1990-05-06", "A2", "2015-01-10",
             "2016-02-01", "000000000777"}}));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->errors(), 0) << report->problems.front().message_vi;
  auto m = registry_->show_member("000000000777", "");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->person.family, "Hoàng Phủ");
  EXPECT_EQ(m->person.given, "Bình Minh");
  EXPECT_EQ(m->person.gender, Gender::female);
  EXPECT_EQ(m->status, MemberStatus::official);
  // A recognition added to the file later updates the member (an event appended).
  auto later = import(xlsx({"Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng"},
                           {{"Lê Văn Tám", "05/06/1980", "A1", "01/02/2005"}}));
  ASSERT_TRUE(later.ok());
  auto updated =
      import(xlsx({"Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức"},
                  {{"Lê Văn Tám", "05/06/1980", "A1", "01/02/2005", "10/02/2006"}}));
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->updated, 1);
  EXPECT_EQ(updated->created, 0);
}

TEST_F(ImportTest, UserMappingOverridesHeaders) {
  ImportInput in;
  in.data =
      xlsx({"Cột X", "Sinh", "Nơi", "Vào"}, {{"Lê Văn Tám", "05/06/1980", "A1", "01/02/2005"}});
  ASSERT_TRUE(io::parse_mapping_entry("Cột X=full_name;Sinh=birth_date", in.options.mapping).ok());
  ASSERT_TRUE(
      io::parse_mapping_json(R"({"C": "org", "Vào": "admission_date"})", in.options.mapping).ok());
  auto report = registry_->import_members(in);
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  EXPECT_EQ(report->created, 1);
  EXPECT_FALSE(io::parse_mapping_entry("Cột X=tuoi", in.options.mapping).ok());
}

TEST_F(ImportTest, ExportThenImportChangesNothing) {
  auto first = import(xlsx({"Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức"},
                           {{"Lê Văn Tám", "05/06/1980", "A1", "01/02/2005", "10/02/2006"},
                            {"Trần Thị Hà", "07/08/1990", "A2", "01/02/2025", ""}}));
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->created, 2);
  auto table = registry_->export_members({});
  ASSERT_TRUE(table.ok());
  const std::string before = dump();
  auto bytes = io::xlsx_bytes(*table);
  ASSERT_TRUE(bytes.ok());
  auto again = import(*bytes);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_EQ(dump(), before);
  auto csv = import(io::csv_text(*table));
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->unchanged, 2);
  EXPECT_EQ(dump(), before);
}

}  // namespace
}  // namespace dangvu::service
