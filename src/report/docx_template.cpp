// The built-in report template: a .docx whose document.xml holds the Party document layout with
// {{placeholders}}. render_docx() fills it (or an office's own copy of it).
#include "report/ooxml_zip.h"
#include "report/render.h"

namespace dangvu::report {
namespace {

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>)";

const char* const kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";

const char* const kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>)";

// The page number at the top, in the middle, from the second page on (the first page has none).
const char* const kHeader =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>)";

// Times New Roman 14 pt everywhere (Hướng dẫn 36-HD/VPTW), Vietnamese language.
const char* const kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>)";

// A run with the font named (Word and LibreOffice both honour it) and optional properties.
std::string p(const std::string& text, const std::string& ppr, const std::string& rpr) {
  return "<w:p><w:pPr>" + ppr +
         "</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
         "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>" +
         rpr + "</w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

const std::string kCenter = "<w:jc w:val=\"center\"/>";
const std::string kBold = "<w:b/><w:bCs/>";

std::string cell(const std::string& width, const std::string& content) {
  return "<w:tc><w:tcPr><w:tcW w:w=\"" + width + "\" w:type=\"dxa\"/></w:tcPr>" + content +
         "</w:tc>";
}

std::string borderless_table(const std::string& left, const std::string& right) {
  return "<w:tbl><w:tblPr><w:tblW w:w=\"9072\" w:type=\"dxa\"/><w:tblBorders><w:top "
         "w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right "
         "w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
         "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3900\"/><w:gridCol "
         "w:w=\"5172\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>" +
         cell("3900", left) + cell("5172", right) + "</w:tr></w:tbl>";
}

std::string document_xml() {
  const std::string letterhead = borderless_table(
      p("{{superior}}", kCenter, "") + p("{{issuer}}", kCenter, kBold) + p("*", kCenter, "") +
          p("{{number}}", kCenter, ""),
      // 15 pt bold, a rule under it about as long as the words (the paragraph's bottom border,
      // indented to the text's width).
      p("ĐẢNG CỘNG SẢN VIỆT NAM",
        kCenter + "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
                  "w:color=\"000000\"/></w:pBdr><w:ind w:left=\"150\" w:right=\"150\"/>",
        kBold + "<w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>") +
          p("", kCenter, "") + p("{{place_date}}", kCenter, "<w:i/><w:iCs/>"));
  const std::string signature = borderless_table(
      p("{{signature_left}}", "", ""),
      p("{{signer_authority}}", kCenter, kBold) + p("{{signer_title}}", kCenter, kBold) +
          p("", kCenter, "") + p("", kCenter, "") + p("", kCenter, "") +
          p("{{signer_name}}", kCenter, kBold));
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<w:body>" +
         letterhead + p("", "", "") +
         p("{{kind_title}}", kCenter + "<w:spacing w:before=\"240\"/>",
           kBold + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>") +
         p("{{title}}", kCenter + "<w:spacing w:after=\"240\"/>", kBold) + p("{{body}}", "", "") +
         p("", "", "") + signature +
         // The paragraph after the last table holds the annex; without one it is a tiny empty
         // line, so that it never makes a page of its own.
         p("{{annex}}",
           "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" "
           "w:lineRule=\"auto\"/>",
           "<w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/>") +
         // A4, margins top and bottom 22 mm, left 32 mm, right 19 mm; the page number in the
         // header from the second page on.
         "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz w:w=\"11906\" "
         "w:h=\"16838\"/><w:pgMar w:top=\"1247\" w:right=\"1077\" w:bottom=\"1247\" "
         "w:left=\"1814\" w:header=\"567\" w:footer=\"709\" w:gutter=\"0\"/><w:titlePg/>"
         "</w:sectPr></w:body></w:document>";
}

}  // namespace

std::string default_report_template_docx() {
  auto bytes = write_zip({{"[Content_Types].xml", kContentTypes},
                          {"_rels/.rels", kRels},
                          {"word/_rels/document.xml.rels", kDocumentRels},
                          {"word/styles.xml", kStyles},
                          {"word/header1.xml", kHeader},
                          {"word/document.xml", document_xml()}});
  return bytes.ok() ? *bytes : std::string();
}

}  // namespace dangvu::report
