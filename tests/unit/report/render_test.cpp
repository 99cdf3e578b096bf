// The renderers: the Word file is a valid Party-format document that real LibreOffice opens (the
// PDF's text is checked), an office's own template is filled even when Word split its
// placeholders, the spreadsheet keeps numbers as numbers, and the HTML escapes everything.
#include "report/render.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/ooxml_zip.h"
#include "support/temp_db.h"

namespace dangvu::report {
namespace {

Document sample() {
  Document d;
  d.superior = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH";
  d.issuer = "CỤM II";
  d.number = "Số       -BC/CỤM";
  d.place_date = "…………, ngày 05 tháng 4 năm 2023";
  d.kind_title = "BÁO CÁO";
  d.title = "Kết quả công tác xây dựng Đảng quý I năm 2023";
  Table t;
  t.id = "oversight";
  t.title = "Biểu 3. Kiểm tra, giám sát";
  t.header = {"Tổ chức", "Tổ chức được kiểm tra", "Kế hoạch", "Đạt"};
  t.rows = {{Cell::of_text("Đảng bộ Sở Tài chính"), Cell::of_integer(40), Cell::of_integer(50),
             Cell::of_percent(80)},
            {Cell::of_text("Đảng bộ Sở Y tế"), Cell::of_integer(22), Cell::of_integer(30),
             Cell::of_percent(22.0 * 100 / 30)},
            {Cell::of_text("Tổng cộng"), Cell::of_integer(62), Cell::of_integer(80),
             Cell::of_percent(77.5)}};
  t.last_row_is_total = true;
  d.sections = {
      {"I. ĐẶC ĐIỂM, TÌNH HÌNH",
       1,
       {{Block::Kind::paragraph, "Tổng số đảng viên là 2.465 đồng chí.", {}},
        {Block::Kind::draft, "Đặc điểm tình hình chính trị của cơ quan, đơn vị.", {}}}},
      {"3. Công tác kiểm tra, giám sát",
       2,
       {{Block::Kind::paragraph, "Kiểm tra được 62/80 tổ chức (đạt 77,5% kế hoạch năm).", {}},
        {Block::Kind::bullet, "Ơn ướt ạ ỹ: đủ dấu tiếng Việt.", {}},
        {Block::Kind::table, "", t}}},
  };
  d.recipients = {"Ban Thường vụ Đảng ủy Khối (để b/c),", "Lưu Văn phòng."};
  d.signer_authority = "T/M ĐƠN VỊ CỤM TRƯỞNG";
  d.signer_title = "BÍ THƯ";
  Table checks;
  checks.id = "checks";
  checks.title = "Biểu 5. Kết quả kiểm tra số liệu";
  checks.header = {"Nội dung", "Tổ chức", "Chi tiết"};
  checks.rows = {{Cell::of_text("Chi bộ chưa sinh hoạt"), Cell::of_text("Chi bộ 1"),
                  Cell::of_text("Tháng 2/2023.")}};
  d.annex = {{"PHỤ LỤC 2. KIỂM TRA SỐ LIỆU", 1, {{Block::Kind::table, "", checks}}}};
  return d;
}

std::string entry(const std::string& zip, const std::string& name) {
  auto entries = read_zip(zip);
  EXPECT_TRUE(entries.ok());
  if (!entries.ok()) return "";
  for (const auto& e : *entries) {
    if (e.name == name) return e.data;
  }
  ADD_FAILURE() << "no " << name << " in the package";
  return "";
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Converts `file` to PDF with Debian's LibreOffice (a private profile: tests run side by side)
// and returns the PDF's text. LibreOffice is part of the test environment (scripts/setup): its
// absence is a failure, not a skip.
std::string pdf_text_via_libreoffice(const testing::TempDir& dir, const std::string& file) {
  const std::string cmd = "cd '" + dir.file("") +
                          "' && soffice --headless --norestore "
                          "-env:UserInstallation=file://" +
                          dir.file("profile") + " --convert-to pdf --outdir '" + dir.file("") +
                          "' '" + file + "' > soffice.log 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << slurp(dir.file("soffice.log"));
  const std::string pdf = std::filesystem::path(file).replace_extension(".pdf").string();
  EXPECT_TRUE(std::filesystem::exists(pdf))
      << "LibreOffice did not open " << file << ": " << slurp(dir.file("soffice.log"));
  const std::string txt = dir.file("out.txt");
  EXPECT_EQ(std::system(("pdftotext -layout '" + pdf + "' '" + txt + "'").c_str()), 0);
  return slurp(txt);
}

TEST(Docx, IsAPartyDocumentThatLibreOfficeOpens) {
  auto bytes = render_docx(sample());
  ASSERT_TRUE(bytes.ok()) << bytes.error().detail_en;
  const std::string xml = entry(*bytes, "word/document.xml");
  EXPECT_EQ(xml.find("{{"), std::string::npos) << "a placeholder was left";
  EXPECT_NE(xml.find("w:w=\"11906\" w:h=\"16838\""), std::string::npos) << "A4";
  EXPECT_NE(xml.find("Times New Roman"), std::string::npos);
  EXPECT_NE(xml.find("w:highlight w:val=\"yellow\""), std::string::npos) << "drafts are marked";
  EXPECT_NE(xml.find("<w:tblHeader/>"), std::string::npos) << "header rows repeat";

  testing::TempDir dir;
  const std::string file = dir.file("bao-cao.docx");
  std::ofstream(file, std::ios::binary) << *bytes;
  const std::string text = pdf_text_via_libreoffice(dir, file);
  for (const char* expected : {"ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "CỤM II", "2.465", "62/80",
                               "77,5%", "[Dự thảo – cần biên tập]", "Nơi nhận:",
                               "T/M ĐƠN VỊ CỤM TRƯỞNG", "PHỤ LỤC", "Ơn ướt ạ ỹ", "Tổng cộng"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "PDF lacks «" << expected << "»:\n"
                                                      << text;
  }
}

TEST(Docx, TheSameReportGivesTheSameBytes) {
  auto a = render_docx(sample());
  auto b = render_docx(sample());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

// An office's template as Word leaves it: the title placeholder split over three runs with
// spell-check marks between them, and its own text kept.
std::string office_template() {
  auto entries = read_zip(default_report_template_docx());
  EXPECT_TRUE(entries.ok());
  for (auto& e : *entries) {
    if (e.name != "word/document.xml") continue;
    const std::string whole = "<w:t xml:space=\"preserve\">{{title}}</w:t></w:r>";
    const auto at = e.data.find(whole);
    EXPECT_NE(at, std::string::npos);
    e.data.replace(at, whole.size(),
                   "<w:t>{{ti</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>tl</w:t>"
                   "</w:r><w:proofErr w:type=\"spellEnd\"/><w:r><w:rPr><w:i/></w:rPr><w:t>e}}"
                   "</w:t></w:r>");
    const std::string nation = "ĐẢNG CỘNG SẢN VIỆT NAM";
    e.data.replace(e.data.find(nation), nation.size(), "ĐẢNG CỘNG SẢN VIỆT NAM – MẪU VĂN PHÒNG");
  }
  auto bytes = write_zip(*entries);
  EXPECT_TRUE(bytes.ok());
  return bytes.ok() ? *bytes : "";
}

TEST(Docx, AnOfficeTemplateIsFilledEvenWithSplitPlaceholders) {
  const std::string tpl = office_template();
  auto bytes = render_docx(sample(), &tpl);
  ASSERT_TRUE(bytes.ok()) << bytes.error().detail_en;
  const std::string xml = entry(*bytes, "word/document.xml");
  EXPECT_EQ(xml.find("{{"), std::string::npos);
  EXPECT_EQ(xml.find("proofErr"), std::string::npos);
  EXPECT_NE(xml.find("Kết quả công tác xây dựng Đảng quý I năm 2023"), std::string::npos);
  EXPECT_NE(xml.find("MẪU VĂN PHÒNG"), std::string::npos) << "the office's own text is kept";
}

TEST(Docx, ATemplateThatCannotHoldTheReportIsRefused) {
  const std::string not_zip = "Đây không phải tệp Word";
  auto r = render_docx(sample(), &not_zip);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "template");
  EXPECT_FALSE(r.error().message_vi.empty());

  auto entries = read_zip(default_report_template_docx());
  ASSERT_TRUE(entries.ok());
  for (auto& e : *entries) {
    if (e.name == "word/document.xml") {
      e.data.replace(e.data.find("{{body}}"), 8, "(nội dung)");
    }
  }
  const std::string no_body = *write_zip(*entries);
  auto r2 = render_docx(sample(), &no_body);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().field, "template");
  EXPECT_NE(r2.error().message_vi.find("{{body}}"), std::string::npos);
}

TEST(Xlsx, KeepsNumbersAsNumbersAndOpensInLibreOffice) {
  auto bytes = render_xlsx(sample());
  ASSERT_TRUE(bytes.ok()) << bytes.error().detail_en;
  const std::string workbook = entry(*bytes, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Thông tin\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Biểu 3. Kiểm tra, giám sát\""), std::string::npos) << workbook;
  const std::string sheet = entry(*bytes, "xl/worksheets/sheet2.xml");
  EXPECT_NE(sheet.find("<v>62</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>0.775</v>"), std::string::npos) << "a percentage is a fraction";
  EXPECT_NE(sheet.find("<pane"), std::string::npos) << "the header is frozen";
  const std::string strings = entry(*bytes, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Tổ chức được kiểm tra"), std::string::npos);

  testing::TempDir dir;
  const std::string file = dir.file("bieu.xlsx");
  std::ofstream(file, std::ios::binary) << *bytes;
  const std::string text = pdf_text_via_libreoffice(dir, file);
  EXPECT_NE(text.find("CỤM II"), std::string::npos) << text;
}

TEST(Html, EscapesEveryTextAndMarksDrafts) {
  Document d = sample();
  d.title = "<script>alert('x')</script> & \"quý I\"";
  const std::string html = render_html(d);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quý I&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("<mark class=\"draft\">"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">77,5%</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"total\">"), std::string::npos);
  const std::string page = render_html_page(d);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("charset=\"utf-8\""), std::string::npos);
}

}  // namespace
}  // namespace dangvu::report
