#pragma once
// The renderers of a Document. Each reads the same data and formats numbers the same way, so the
// Word file, the spreadsheet and the page preview always show the same figures.
#include <string>

#include "core/result.h"
#include "report/document.h"

namespace dangvu::report {

// A .docx in the Party document format (Hướng dẫn 36-HD/VPTW: A4, Times New Roman 14 pt). With a
// template (an office's own .docx made from default_report_template_docx()), its text and styles
// are kept and the placeholders filled: {{superior}} {{issuer}} {{number}} {{place_date}}
// {{kind_title}} {{title}} {{signer_authority}} {{signer_title}} {{signer_name}} inside any text,
// and {{body}}, {{recipients}}, {{signature_left}} ("Nơi nhận:" and the recipients, or the left
// signer of minutes), {{annex}} each alone in a paragraph, which becomes the content.
// Refuses a template that is not a .docx or lacks {{body}}. The same input gives the same bytes.
Result<std::string> render_docx(const Document& doc, const std::string* template_docx = nullptr);

// The built-in template, for an office to restyle in Word.
std::string default_report_template_docx();

// An .xlsx: a sheet "Thông tin" with the letterhead and title, then one sheet per table; numbers
// stay numbers (percentages as fractions with a % format), headers bold and frozen.
Result<std::string> render_xlsx(const Document& doc);

// An HTML fragment (<article class="dv-report">) for the page preview; all text escaped.
std::string render_html(const Document& doc);
// A whole UTF-8 HTML document with a print stylesheet (A4, Times New Roman).
std::string render_html_page(const Document& doc);

}  // namespace dangvu::report
