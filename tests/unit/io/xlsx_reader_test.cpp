// XLSX: files written by libxlsxwriter read back cell by cell; hostile packages (zip bombs, huge
// shared strings, DOCTYPE, deep nesting, malformed XML, bad references) refused with clear errors.
#include "io/xlsx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <fstream>
#include <sstream>

#include "io/writer.h"
#include "support/temp_db.h"

namespace dangvu::io {
namespace {

struct Read {
  XlsxInfo info;
  std::vector<Row> rows;
};

Result<Read> read(std::string_view data, Limits limits = {}) {
  Read out;
  auto info = read_xlsx_bytes(data, "", limits, [&](const Row& r) -> Status {
    out.rows.push_back(r);
    return {};
  });
  if (!info.ok()) return info.error();
  out.info = *info;
  return out;
}

// A package of the given parts, built with libzip in memory.
std::string package(const std::vector<std::pair<std::string, std::string>>& parts) {
  testing::TempDir dir;
  std::string path = dir.file("p.xlsx");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [name, body] : parts) {
    auto* copy = new std::string(body);
    zip_source_t* src = zip_source_buffer(z, copy->data(), copy->size(), 0);
    zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    static std::vector<std::unique_ptr<std::string>> keep;  // alive until zip_close
    keep.emplace_back(copy);
  }
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kWorkbook =
    "<?xml version=\"1.0\"?><workbook xmlns:r=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships\"><sheets><sheet name=\"DS\" sheetId=\"1\" "
    "r:id=\"rId1\"/></sheets></workbook>";
const std::string kRels =
    "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" "
    "Target=\"worksheets/sheet1.xml\"/></Relationships>";

std::string sheet_with(const std::string& sheet_data, const std::string& shared = "") {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml", kWorkbook},
      {"xl/_rels/workbook.xml.rels", kRels},
      {"xl/worksheets/sheet1.xml",
       "<worksheet><sheetData>" + sheet_data + "</sheetData></worksheet>"}};
  if (!shared.empty()) parts.push_back({"xl/sharedStrings.xml", shared});
  return package(parts);
}

TEST(Xlsx, ReadsWhatLibxlsxwriterWrites) {
  Table t;
  t.title = "Danh sách";
  t.headers = {"Họ và tên", "Ngày sinh", "Số"};
  t.kinds = {Table::Kind::text, Table::Kind::date, Table::Kind::number};
  t.rows = {{{"Đàm Văn Chính", 0}, {"1980-03-05", 0}, {"", 42}},
            {{"Lê Thị Hà", 0}, {"", 0}, {"", 2.5}}};
  auto bytes = xlsx_bytes(t);
  ASSERT_TRUE(bytes.ok()) << bytes.error().detail_en;
  auto r = read(*bytes);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->info.sheet, "Danh sách");
  ASSERT_EQ(r->rows.size(), 3u);
  EXPECT_EQ(r->rows[0].cells[0].text, "Họ và tên");
  EXPECT_EQ(r->rows[1].number, 2);
  EXPECT_EQ(r->rows[1].cells[0].text, "Đàm Văn Chính");
  EXPECT_EQ(r->rows[1].cells[1].kind, CellKind::date);
  EXPECT_EQ(r->rows[1].cells[1].number, 29285);
  EXPECT_EQ(r->rows[1].cells[2].kind, CellKind::number);
  EXPECT_EQ(r->rows[1].cells[2].number, 42);
  EXPECT_EQ(r->rows[2].cells[1].kind, CellKind::empty);
  EXPECT_EQ(r->rows[2].cells[2].number, 2.5);
}

TEST(Xlsx, InlineSharedAndPrefixedCells) {
  auto data = sheet_with(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>x&amp;y</t>"
      "</is></c></row><row r=\"4\"><c t=\"s\"><v>0</v></c><c><v>7</v></c></row>",
      "<sst><si><t>không</t></si><si><r><t>Hà </t></r><r><t>Nội</t></r><rPh><t>X</t></rPh></si>"
      "</sst>");
  auto r = read(data);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].cells[0].text, "Hà Nội");
  EXPECT_EQ(r->rows[0].cells[2].text, "x&y");
  EXPECT_EQ(r->rows[1].number, 4);
  EXPECT_EQ(r->rows[1].cells[0].text, "không");
  EXPECT_EQ(r->rows[1].cells[1].number, 7);
}

TEST(Xlsx, ZipBombIsRefusedByRatio) {
  std::string zeros(64u << 20, '<');  // 64 MiB that deflates to almost nothing
  auto data = package({{"xl/workbook.xml", kWorkbook},
                       {"xl/_rels/workbook.xml.rels", kRels},
                       {"xl/worksheets/sheet1.xml", zeros}});
  ASSERT_LT(data.size(), 1u << 20);
  auto r = read(data);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::too_large);
  EXPECT_NE(r.error().message_vi.find("bom zip"), std::string::npos);
}

TEST(Xlsx, OversizedPartIsRefused) {
  Limits limits;
  limits.max_entry_bytes = 1000;
  auto data = sheet_with("<row r=\"1\"><c><v>" + std::string(5000, '1') + "</v></c></row>");
  auto r = read(data, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::too_large);
}

TEST(Xlsx, SharedStringLimits) {
  std::string many = "<sst>";
  for (int i = 0; i < 200; ++i) many += "<si><t>chuỗi</t></si>";
  many += "</sst>";
  Limits limits;
  limits.max_shared_strings = 100;
  auto count = read(sheet_with("", many), limits);
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.error().kind, ErrorKind::too_large);
  limits = {};
  limits.max_shared_string_bytes = 500;
  auto bytes = read(sheet_with("", many), limits);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().kind, ErrorKind::too_large);
}

TEST(Xlsx, HostileXmlIsRefused) {
  // Entities: a DOCTYPE is refused before any expansion (billion laughs).
  auto doctype = read(sheet_with(
      "",
      "<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><sst><si><t>&b;"
      "</t></si></sst>"));
  ASSERT_FALSE(doctype.ok());
  EXPECT_NE(doctype.error().message_vi.find("DOCTYPE"), std::string::npos);
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<x>";
  auto nested = read(sheet_with("<row r=\"1\">" + deep + "</row>"));
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().kind, ErrorKind::too_large);
  auto broken = read(sheet_with("<row r=\"1\"><c><v>1</c></row>"));
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message_vi.find("XML"), std::string::npos);
  auto latin1 = read(sheet_with("<row r=\"1\"><c t=\"inlineStr\"><is><t>H\xB5</t></is></c></row>"));
  EXPECT_FALSE(latin1.ok());
  auto index = read(sheet_with("<row r=\"1\"><c t=\"s\"><v>5</v></c></row>", "<sst/>"));
  ASSERT_FALSE(index.ok());
  EXPECT_NE(index.error().message_vi.find("DS!A1"), std::string::npos);
  auto reference = read(sheet_with("<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>"));
  EXPECT_FALSE(reference.ok());
}

TEST(Xlsx, RowLimitAndNotAZip) {
  auto rows = read(sheet_with("<row r=\"1048577\"><c><v>1</v></c></row>"));
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().kind, ErrorKind::too_large);
  EXPECT_FALSE(read("PK\x03\x04 not really a zip").ok());
  auto missing = read(package({{"xl/workbook.xml", kWorkbook}}));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message_vi.find("thiếu phần"), std::string::npos);
}

}  // namespace
}  // namespace dangvu::io
