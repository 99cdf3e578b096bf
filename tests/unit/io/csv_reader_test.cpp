// CSV: RFC 4180 quoting, separators, encodings, limits with clear errors.
#include "io/csv_reader.h"

#include <gtest/gtest.h>

namespace dangvu::io {
namespace {

struct Read {
  CsvInfo info;
  std::vector<Row> rows;
};

Result<Read> read(std::string_view data, Limits limits = {}) {
  Read out;
  auto info = read_csv(data, limits, [&](const Row& r) -> Status {
    out.rows.push_back(r);
    return {};
  });
  if (!info.ok()) return info.error();
  out.info = *info;
  return out;
}

std::vector<std::string> texts(const Row& r) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) out.push_back(c.text);
  return out;
}

TEST(Csv, QuotedFieldsWithSeparatorsQuotesAndNewlines) {
  auto r = read("\xEF\xBB\xBFHọ và tên,Ghi chú\r\n\"Lê, Văn\",\"dòng 1\r\ndòng \"\"2\"\"\"\r\n");
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(texts(r->rows[1]), (std::vector<std::string>{"Lê, Văn", "dòng 1\r\ndòng \"2\""}));
  EXPECT_EQ(r->rows[1].number, 2);
  EXPECT_EQ(r->info.encoding, "utf-8");
}

TEST(Csv, DetectsTheSeparator) {
  auto semi = read("a;b;c\n1;2,5;3\n");
  ASSERT_TRUE(semi.ok());
  EXPECT_EQ(semi->info.separator, ';');
  EXPECT_EQ(texts(semi->rows[1]), (std::vector<std::string>{"1", "2,5", "3"}));
  auto tab = read("a\tb\n1\t2\n");
  ASSERT_TRUE(tab.ok());
  EXPECT_EQ(tab->info.separator, '\t');
}

TEST(Csv, BlankLinesAreSkippedButCountedInRowNumbers) {
  auto r = read("a,b\n\n1,2\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[1].number, 3);
}

TEST(Csv, Utf16WithBomIsDecoded) {
  std::string data = "\xFF\xFE";
  for (char16_t c : std::u16string(u"Tên\tNgày\r\nHà\t1\r\n")) {
    data += static_cast<char>(c & 0xFF);
    data += static_cast<char>(c >> 8);
  }
  auto r = read(data);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->info.encoding, "utf-16le");
  EXPECT_EQ(texts(r->rows[1]), (std::vector<std::string>{"Hà", "1"}));
}

TEST(Csv, LegacyBytesBecomeTheirCodePoints) {
  auto r = read("Ten\nH\xB5 N\xE9i\n");  // TCVN3 "Hà Nội" saved as ANSI
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->info.encoding, "bytes");
  EXPECT_EQ(r->rows[1].cells[0].text, "Hµ Néi");
}

TEST(Csv, MalformedInputIsRefusedWithTheRow) {
  auto open = read("a,b\n1,\"never closed\n");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.error().message_vi.find("dòng 2"), std::string::npos);
  auto after = read("a,b\n\"x\"y,2\n");
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.error().message_vi.find("ngoặc kép"), std::string::npos);
  auto bad_bom = read("\xEF\xBB\xBF\xFF\xFE");
  EXPECT_FALSE(bad_bom.ok());
  auto odd16 = read("\xFF\xFE\x41");
  EXPECT_FALSE(odd16.ok());
}

TEST(Csv, LimitsStopWithTooLarge) {
  Limits limits;
  limits.max_rows = 3;
  auto rows = read("1\n2\n3\n4\n5\n", limits);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().kind, ErrorKind::too_large);
  limits = {};
  limits.max_columns = 4;
  auto cols = read("1,2,3,4,5\n", limits);
  ASSERT_FALSE(cols.ok());
  EXPECT_EQ(cols.error().kind, ErrorKind::too_large);
  limits = {};
  limits.max_cell_bytes = 10;
  auto cell = read("\"" + std::string(50, 'x') + "\"\n", limits);
  ASSERT_FALSE(cell.ok());
  EXPECT_EQ(cell.error().kind, ErrorKind::too_large);
}

}  // namespace
}  // namespace dangvu::io
