// Imports over a real SQLite file: a TCVN3 file of 2,000 members, each header spelling, a file
// with 30 bad rows (30 messages, nothing written), re-imports and export → import round trips
// that change nothing; branches written by name (within the caller's subtree or a chosen one, as
// the tree stood on the row's date), and the total and signatures below a sheet's data.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "io/legacy.h"
#include "io/writer.h"
#include "service/registry.h"
#include "support/import_fixture.h"

namespace dangvu::service {
namespace {

class ImportTest : public testing::ImportFixture {
 protected:
  Result<ImportReport> import(const std::string& data, bool dry_run = false,
                              bool valid_only = false, const std::string& under = "") {
    return import_into(*registry_, data, dry_run, valid_only, under);
  }

  static Result<ImportReport> import_into(Registry& registry, const std::string& data,
                                          bool dry_run = false, bool valid_only = false,
                                          const std::string& under = "") {
    ImportInput in;
    in.data = data;
    in.file_name = "ds.xlsx";
    in.dry_run = dry_run;
    in.valid_only = valid_only;
    in.under = under;
    return registry.import_members(in);
  }

  // A second committee with a branch of the same name as A1's: "Chi bộ Văn phòng" under "Đảng bộ
  // Sở A" (A1) and under "Đảng bộ Sở B" (B1). Returns the second committee's id.
  OrgId add_second_committee() {
    auto dbb =
        registry_->add_org({"DBB", "Đảng bộ Sở B", "grassroots_committee", "TU", "2000-01-01"});
    EXPECT_TRUE(dbb.ok()) << dbb.error().detail_en;
    auto b1 = registry_->add_org({"B1", "Chi bộ Văn phòng", "sub_branch", "DBB", "2000-01-01"});
    EXPECT_TRUE(b1.ok()) << b1.error().detail_en;
    return dbb.ok() ? *dbb : OrgId{};
  }

  // A committee office account of `scope`, over the same database.
  std::unique_ptr<Registry> office_of(OrgId scope) {
    return std::make_unique<Registry>(
        *store_, RuleSet::defaults(), clock_,
        Caller{"office", "test", auth::Role::committee_office, scope, 0});
  }

  // The org code the member of card `card` is recorded in now.
  std::string org_of(const std::string& card) {
    auto m = registry_->show_member(card, "");
    EXPECT_TRUE(m.ok());
    return m.ok() ? m->org_code : std::string();
  }
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

// An office's first import of thousands of members into an empty registry builds the indexes that
// order member rows once, at the end (store::Store::defer_member_order_indexes). Every row, key
// and index entry comes out as the same file imported in parts small enough to be written row by
// row; a refused file of that size leaves the database, its indexes included, as it was.
TEST_F(ImportTest, AFirstImportOfThousandsWritesWhatSmallerImportsWrite) {
  constexpr int kRows = 6000;  // over the 5,000 rows from which the indexes are built at the end
  const std::vector<std::string> headers{"Họ và tên",     "Ngày sinh",       "Chi bộ",
                                         "Ngày vào Đảng", "Ngày chính thức", "Số thẻ"};
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < kRows; ++i) {
    std::string name = std::string(kFamily[i % 8]) + " " + kMiddle[(i / 8) % 5] + " " +
                       kGiven[(i / 40) % 10] + (i % 3 ? "" : " " + std::string(kGiven[i % 10]));
    char birth[16], admitted[16], recognized[16], card[16];
    std::snprintf(birth, sizeof birth, "%02d/%02d/19%02d", 1 + i % 28, 1 + (i / 28) % 12,
                  70 + (i / 336) % 20);
    // Admitted 2010–2024; recognized a year after, except those still on probation.
    const int year = 2010 + i % 15;
    std::snprintf(admitted, sizeof admitted, "%02d/%02d/%d", 1 + i % 27, 1 + i % 12, year);
    std::snprintf(recognized, sizeof recognized, "%02d/%02d/%d", 1 + i % 27, 1 + i % 12, year + 1);
    std::snprintf(card, sizeof card, "%012d", 300000 + i);
    rows.push_back(
        {name, birth, i % 2 ? "A1" : "A2", admitted, year < 2024 ? recognized : "", card});
  }

  // One bad row among them: refused whole, nothing changed, the indexes where they were.
  auto with_bad = rows;
  with_bad[4321][2] = "KHONGCO";
  const std::string before = dump();
  auto refused = import(xlsx(headers, with_bad));
  ASSERT_TRUE(refused.ok()) << refused.error().message_vi;
  EXPECT_EQ(refused->rejected, 1);
  EXPECT_FALSE(refused->written);
  EXPECT_EQ(dump(), before);

  auto whole = import(xlsx(headers, rows));
  ASSERT_TRUE(whole.ok()) << whole.error().message_vi;
  ASSERT_EQ(whole->errors(), 0) << whole->problems.front().message_vi;
  EXPECT_EQ(whole->created, kRows);

  // The same rows in two files of 3,000 into a second registry.
  const std::string parts_path = dir_.database("parts.db");
  std::unique_ptr<store::Store> parts_store;
  std::unique_ptr<Registry> parts;
  open_with_orgs(parts_path, parts_store, parts);
  for (int half = 0; half < 2; ++half) {
    std::vector<std::vector<std::string>> part(rows.begin() + half * kRows / 2,
                                               rows.begin() + (half + 1) * kRows / 2);
    auto report = import_into(*parts, xlsx(headers, part));
    ASSERT_TRUE(report.ok()) << report.error().message_vi;
    EXPECT_EQ(report->created, kRows / 2);
  }

  // Row by row, members named by code (ids differ on a server: the refused import used some).
  const std::string by_code = " JOIN member m ON m.id = t.member_id ORDER BY ";
  for (const std::string& select : std::vector<std::string>{
           "SELECT code, family_name, middle_name, given_name, gender, birth_date, search_name, "
           "sort_key, card_number, status, org_id, created_at FROM member ORDER BY code",
           "SELECT m.code, t.search_key FROM member_search t" + by_code + "1, 2",
           "SELECT m.code, t.kind, t.effective_on, t.org_id, t.payload, t.recorded_at, "
           "t.recorded_by FROM member_event t" +
               by_code + "1, 3, 2",
           "SELECT m.code, t.valid_from, t.valid_to, t.status, t.org_id, t.temp_org_id, "
           "t.probation_start FROM member_period t" +
               by_code + "1, 2",
           "SELECT m.code, t.kind, t.on_date, t.org_id FROM member_milestone t" + by_code +
               "1, 2, 3"}) {
    const std::string ours = testing::query_text(path_, select);
    EXPECT_GT(ours.size(), 100000U) << select;
    EXPECT_TRUE(ours == testing::query_text(parts_path, select)) << select;
  }
  if (store_->engine() == store::Engine::sqlite) {
    const std::string indexes =
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name";
    EXPECT_EQ(testing::query_text(path_, indexes), testing::query_text(parts_path, indexes));
    EXPECT_EQ(testing::query_text(path_, "PRAGMA integrity_check"), "ok\n");
  }
  // The rebuilt indexes answer: a name search, and a list in Vietnamese order.
  for (const std::string q : {"trong", ""}) {
    ListMembersInput in;
    in.q = q;
    in.at = "2026-01-01";
    in.org_code = "TU";
    auto ours = registry_->list_members(in);
    ASSERT_TRUE(ours.ok()) << ours.error().detail_en;
    auto theirs = parts->list_members(in);
    ASSERT_TRUE(theirs.ok()) << theirs.error().detail_en;
    EXPECT_GT(ours->total, 0) << q;
    EXPECT_EQ(ours->total, theirs->total) << q;
    ASSERT_EQ(ours->rows.size(), theirs->rows.size()) << q;
    for (std::size_t i = 0; i < ours->rows.size(); ++i) {
      EXPECT_EQ(ours->rows[i].code, theirs->rows[i].code) << q << " " << i;
    }
  }
}

// A file whose every row is wrong lists the first problems and counts the rest: its answer and
// the server's memory do not grow with each of a million bad rows.
TEST_F(ImportTest, AFileOfBadRowsListsTheFirstProblemsAndCountsTheRest) {
  std::string csv = "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n";
  for (int i = 0; i < 1500; ++i) {
    csv += "Nguyễn Văn Số" + std::to_string(i) + ",15/12/1980,A1,20/12/2010\n";
  }
  auto report = import(csv, true);
  ASSERT_TRUE(report.ok()) << report.error().detail_en;
  EXPECT_EQ(report->rejected, 1500);
  EXPECT_EQ(report->problems.size(), io::kMaxListedProblems);
  EXPECT_EQ(report->errors(), 1500);
  EXPECT_EQ(report->omitted.errors, 500);
  EXPECT_EQ(report->problems.front().row, 2);
}

// Sheets name the branch, not its code. A name is looked for, folded, within the caller's own
// subtree or the one chosen (`under`); where two orgs there bear it, its rows are refused naming
// both and nothing is written; an org the caller does not hold is answered as an unknown code.
TEST_F(ImportTest, ABranchWrittenByNameIsFoundWithinTheSubtreeSearched) {
  const OrgId dbb = add_second_committee();
  const std::vector<std::string> headers{"Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng",
                                         "Số thẻ"};
  const auto file = [&](const std::string& org) {
    return xlsx(headers, {{"Lê Văn Tám", "05/06/1980", org, "01/02/2005", "000000000101"},
                          {"Trần Thị Hà", "07/08/1990", org, "01/02/2015", "000000000102"}});
  };

  // The whole registry (the command line): two "Chi bộ Văn phòng", both named with their parents.
  const std::string before = dump();
  auto ambiguous = import(file("chi bo  VĂN PHÒNG"));
  ASSERT_TRUE(ambiguous.ok()) << ambiguous.error().message_vi;
  EXPECT_EQ(ambiguous->rejected, 2);
  EXPECT_FALSE(ambiguous->written);
  EXPECT_EQ(dump(), before);
  const auto errors = errors_of(*ambiguous);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0],
            "«chi bo  VĂN PHÒNG» có 2 tổ chức trùng tên: A1 (thuộc Đảng bộ Sở A), B1 (thuộc Đảng "
            "bộ Sở B); hãy ghi mã của chi bộ, hoặc chọn tổ chức cấp trên để tìm chi bộ trong đó.");
  ASSERT_EQ(ambiguous->ambiguous_orgs.size(), 1u);
  EXPECT_EQ(ambiguous->ambiguous_orgs[0].name, "chi bo  VĂN PHÒNG");
  EXPECT_EQ(ambiguous->ambiguous_orgs[0].candidates, 2);
  EXPECT_EQ(ambiguous->ambiguous_orgs[0].rows, 2);

  // Within a chosen committee the name is one org.
  auto under_b = import(file("Chi bộ Văn phòng"), false, false, "DBB");
  ASSERT_TRUE(under_b.ok()) << under_b.error().message_vi;
  EXPECT_EQ(under_b->created, 2) << errors_of(*under_b).front();
  EXPECT_TRUE(under_b->ambiguous_orgs.empty());
  EXPECT_EQ(org_of("000000000101"), "B1");
  EXPECT_EQ(under_b->preview[0].values[6], "B1");

  // An office of Sở B finds its own branch without choosing; Sở A's "Chi bộ Kế toán" and its code
  // A2 are unknown to it, in the same words as a code nobody has.
  auto office = office_of(dbb);
  auto own = import_into(*office, xlsx(headers, {{"Phạm Văn Lộc", "01/01/1985", "Chi bộ Văn phòng",
                                                  "01/02/2012", "000000000103"}}));
  ASSERT_TRUE(own.ok()) << own.error().message_vi;
  EXPECT_EQ(own->created, 1);
  EXPECT_EQ(org_of("000000000103"), "B1");
  const std::string before_outside = dump();
  auto outside = import_into(
      *office, xlsx(headers, {{"Võ Văn Nga", "01/01/1985", "Chi bộ Kế toán", "01/02/2012", ""},
                              {"Võ Văn Đức", "01/01/1986", "A2", "01/02/2012", ""},
                              {"Võ Văn Bình", "01/01/1987", "KHONGCO", "01/02/2012", ""}}));
  ASSERT_TRUE(outside.ok()) << outside.error().message_vi;
  EXPECT_EQ(outside->rejected, 3);
  EXPECT_EQ(dump(), before_outside);
  const auto refused = errors_of(*outside);
  ASSERT_EQ(refused.size(), 3u);
  EXPECT_EQ(refused[0], "Không có tổ chức đảng mã hoặc tên «Chi bộ Kế toán» trong «Đảng bộ Sở B».");
  EXPECT_EQ(refused[1], "Không có tổ chức đảng mã hoặc tên «A2» trong «Đảng bộ Sở B».");
  EXPECT_EQ(refused[2], "Không có tổ chức đảng mã hoặc tên «KHONGCO» trong «Đảng bộ Sở B».");
  // Nor may it look within Sở A: refused as an unknown org, nothing read further.
  ImportInput in;
  in.data = file("Chi bộ Văn phòng");
  in.under = "DBA";
  auto not_held = office->import_members(in);
  ASSERT_FALSE(not_held.ok());
  EXPECT_EQ(not_held.error().kind, ErrorKind::not_found);
  EXPECT_EQ(not_held.error().field, "under");
  EXPECT_EQ(not_held.error().message_vi, "Trường «under»: không có tổ chức mã «DBA».");
  in.under = "KHONGCO";
  auto unknown = office->import_members(in);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message_vi, "Trường «under»: không có tổ chức mã «KHONGCO».");
  EXPECT_EQ(dump(), before_outside);
}

// A name is read as the tree stood on the row's date: Sở B's branch was "Chi bộ Văn phòng" until
// 2020 and is "Chi bộ Hành chính" since, so the name is two orgs for a member admitted in 2015 and
// one (A1) for a member admitted in 2022.
TEST_F(ImportTest, ABranchNameIsReadAsTheTreeStoodOnTheRowsDate) {
  add_second_committee();
  ASSERT_TRUE(registry_->rename_org("B1", "Chi bộ Hành chính", "2020-01-01").ok());
  const std::vector<std::string> headers{"Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng"};
  auto report =
      import(xlsx(headers, {{"Lê Văn Tám", "05/06/1980", "Chi bộ Văn phòng", "01/02/2015"},
                            {"Trần Thị Hà", "07/08/1990", "Chi bộ Văn phòng", "01/02/2022"},
                            {"Đặng Văn An", "07/08/1991", "Chi bộ Hành chính", "01/02/2016"}}),
             true);
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  ASSERT_EQ(report->preview.size(), 3u);
  EXPECT_EQ(report->preview[0].outcome, "error");
  EXPECT_EQ(report->preview[1].outcome, "new");
  EXPECT_EQ(report->preview[1].values[6], "A1");
  // No org bore the name on the row's date: the one that bore it since.
  EXPECT_EQ(report->preview[2].outcome, "new");
  EXPECT_EQ(report->preview[2].values[6], "B1");
}

// An office's sheet ends with a total, the date and the signatures: those rows are no members,
// left out with a warning each, and the members import. A row among the members that is no
// member is still an error, named in Vietnamese (never «middle»).
TEST_F(ImportTest, TheTotalAndSignaturesBelowTheDataAreSkipped) {
  std::string csv =
      "DANH SÁCH ĐẢNG VIÊN\n"
      "STT,Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n"
      "1,Lê Văn Tám,25/06/1980,A1,21/02/2005\n"
      "2,Trần Thị Hà,17/08/1990,Chi bộ Kế toán,21/02/2015\n"
      "3,Tống Văn An,27/08/1991,A2,21/02/2016\n"
      ",Tổng cộng: 3 đồng chí,,,\n"
      ",,,\"An Bình, ngày 10 tháng 5 năm 2026\",\n"
      ",Người lập biểu,,TM. CHI ỦY,\n"
      ",,,BÍ THƯ,\n"
      ",Nguyễn Thị Lan,,Phạm Văn Hùng,\n";
  auto report = import(csv);
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  EXPECT_EQ(report->errors(), 0) << errors_of(*report).front();
  EXPECT_EQ(report->rows, 3);
  EXPECT_EQ(report->created, 3);
  EXPECT_EQ(report->skipped, 5);
  EXPECT_TRUE(report->written);
  std::vector<std::int64_t> warned;
  for (const auto& p : report->problems) {
    EXPECT_TRUE(p.warning) << p.message_vi;
    warned.push_back(p.row);
  }
  EXPECT_EQ(warned, (std::vector<std::int64_t>{6, 7, 8, 9, 10}));
  EXPECT_EQ(report->problems.front().message_vi,
            "Không phải đảng viên (dòng tổng cộng, ngày tháng hoặc chữ ký dưới danh sách), đã bỏ "
            "qua.");

  // The same lines among the members: rows like any other, refused, nothing written.
  const std::string before = dump();
  auto middle = import(
      "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n"
      "Lê Văn Hai,05/06/1981,A1,01/02/2006\n"
      "Ngày … tháng … năm …,,,\n"
      "Trần Thị Ba,07/08/1992,A2,01/02/2017\n");
  ASSERT_TRUE(middle.ok()) << middle.error().message_vi;
  EXPECT_EQ(middle->skipped, 0);
  EXPECT_EQ(middle->rejected, 1);
  EXPECT_FALSE(middle->written);
  EXPECT_EQ(dump(), before);
  bool names_middle = false;
  for (const auto& m : errors_of(*middle)) {
    for (const char* english : {"«middle»", "«family»", "«given»", "«org»", "«birth_date»"}) {
      EXPECT_EQ(m.find(english), std::string::npos) << m;
    }
    names_middle = names_middle || m.rfind("Trường «Tên đệm»: ", 0) == 0;
  }
  EXPECT_TRUE(names_middle);
}

// A file typed wholly in TCVN3 whose branch column is headed "Chi bộ" in TCVN3 ("Chi bé": its one
// legacy letter is a Latin-1 letter) finds the column, and its branch names, written in TCVN3.
TEST_F(ImportTest, ATcvn3FileFindsItsBranchColumnAndBranchesByName) {
  auto tcvn = [](const std::string& s) { return io::encode(s, io::TextEncoding::tcvn3); };
  EXPECT_EQ(tcvn("Chi bộ"), "Chi b\xC3\xA9");  // U+00E9 in UTF-8
  auto report =
      import(xlsx({tcvn("Họ và tên"), tcvn("Ngày sinh"), tcvn("Chi bộ"), tcvn("Ngày vào Đảng")},
                  {{tcvn("Nguyễn Văn Trọng"), "05/06/1980", tcvn("Chi bộ Văn phòng"), "01/02/2005"},
                   {tcvn("Đặng Thị Hường"), "07/08/1990", tcvn("Chi bộ Kế toán"), "01/02/2015"}}));
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  EXPECT_EQ(report->errors(), 0) << errors_of(*report).front();
  EXPECT_EQ(report->created, 2);
  EXPECT_EQ(report->columns[2].header, "Chi bộ");
  EXPECT_EQ(report->columns[2].field, "org");
  EXPECT_EQ(report->preview[0].values[6], "A1");
  EXPECT_EQ(report->preview[1].values[6], "A2");
  EXPECT_EQ(report->preview[1].values[3], "Hường");
}

// A file refused whole names what it lacks by its Vietnamese label, for the command line too.
TEST_F(ImportTest, AFileRefusedWholeNamesTheFieldInVietnamese) {
  const std::string before = dump();
  auto no_branch = import("Họ và tên,Ngày sinh,Ngày vào Đảng\nLê Văn Tám,25/06/1980,21/02/2005\n");
  ASSERT_FALSE(no_branch.ok());
  EXPECT_EQ(no_branch.error().field, "header");
  EXPECT_EQ(
      no_branch.error().message_vi,
      "Trường «Dòng tiêu đề»: tệp thiếu cột «Chi bộ»; thêm cột hoặc chỉ định bằng --map \"Tên "
      "cột=trường\".");
  auto no_header = import("Cột 1,Cột 2\n1,2\n");
  ASSERT_FALSE(no_header.ok());
  EXPECT_EQ(
      no_header.error().message_vi.rfind("Trường «Dòng tiêu đề»: không tìm thấy dòng tiêu đề", 0),
      0u)
      << no_header.error().message_vi;
  EXPECT_EQ(dump(), before);
}

}  // namespace
}  // namespace dangvu::service
