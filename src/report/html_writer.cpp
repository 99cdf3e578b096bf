// The report as HTML: the preview in the web page, and a printable page.
#include <sstream>

#include "report/markup.h"
#include "report/render.h"

namespace dangvu::report {
namespace {

std::string esc(const std::string& s) { return escape_markup(s); }

void table_html(const Table& t, std::ostringstream& out) {
  out << "<figure class=\"dv-table\" id=\"table-" << esc(t.id) << "\">";
  if (!t.title.empty()) out << "<figcaption>" << esc(t.title) << "</figcaption>";
  out << "<table><thead><tr>";
  for (const auto& h : t.header) out << "<th>" << esc(h) << "</th>";
  out << "</tr></thead><tbody>";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool total = t.last_row_is_total && r + 1 == t.rows.size();
    out << (total ? "<tr class=\"total\">" : "<tr>");
    for (const auto& c : t.rows[r]) {
      out << (c.number ? "<td class=\"num\">" : "<td>") << esc(c.display()) << "</td>";
    }
    out << "</tr>";
  }
  out << "</tbody></table></figure>";
}

void sections_html(const std::vector<Section>& sections, std::ostringstream& out) {
  for (const auto& s : sections) {
    if (!s.heading.empty())
      out << (s.level <= 1 ? "<h3>" : "<h4>") << esc(s.heading)
          << (s.level <= 1 ? "</h3>" : "</h4>");
    for (const auto& b : s.blocks) {
      switch (b.kind) {
        case Block::Kind::paragraph: out << "<p>" << esc(b.text) << "</p>"; break;
        case Block::Kind::bullet: out << "<p class=\"bullet\">- " << esc(b.text) << "</p>"; break;
        case Block::Kind::draft:
          out << "<p><mark class=\"draft\">[Dự thảo – cần biên tập] " << esc(b.text)
              << "</mark></p>";
          break;
        case Block::Kind::table: table_html(b.table, out); break;
        case Block::Kind::centered:
          out << "<p class=\"centered strong\">" << esc(b.text) << "</p>";
          break;
      }
    }
  }
}

}  // namespace

std::string render_html(const Document& d) {
  std::ostringstream out;
  out << "<article class=\"dv-report\"><header class=\"letterhead\"><div class=\"issuer\">";
  if (!d.superior.empty()) out << "<div>" << esc(d.superior) << "</div>";
  out << "<div class=\"strong\">" << esc(d.issuer) << "</div><div>*</div><div>" << esc(d.number)
      << "</div></div><div class=\"nation\"><div class=\"strong underline\">ĐẢNG CỘNG SẢN VIỆT "
         "NAM</div><div class=\"italic\">"
      << esc(d.place_date) << "</div></div></header>";
  out << "<h2>" << esc(d.kind_title) << "</h2><p class=\"title\">" << esc(d.title) << "</p>";
  sections_html(d.sections, out);
  out << "<footer class=\"signature\">";
  if (d.left_signer_title.empty()) {
    out << "<div class=\"recipients\"><div class=\"strong italic\">Nơi nhận:</div>";
    for (const auto& r : d.recipients) out << "<div>- " << esc(r) << "</div>";
  } else {
    out << "<div class=\"signer\"><div class=\"strong\">" << esc(d.left_signer_title)
        << "</div><div class=\"space\"></div><div class=\"strong\">" << esc(d.left_signer_name)
        << "</div>";
  }
  out << "</div><div class=\"signer\"><div class=\"strong\">" << esc(d.signer_authority)
      << "</div><div class=\"strong\">" << esc(d.signer_title) << "</div><div class=\"space\">"
      << "</div><div class=\"strong\">" << esc(d.signer_name) << "</div></div></footer>";
  if (!d.annex.empty()) {
    out << "<section class=\"annex\"><h2>PHỤ LỤC</h2>";
    sections_html(d.annex, out);
    out << "</section>";
  }
  out << "</article>";
  return out.str();
}

std::string render_html_page(const Document& d) {
  return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" +
         esc(d.kind_title + " " + d.title) +
         "</title><style>"
         "@page{size:A4;margin:22mm 19mm 22mm 32mm}"
         "body{font-family:'Times New Roman','Liberation Serif',serif;font-size:14pt;"
         "max-width:170mm;margin:auto}"
         ".letterhead,.signature{display:flex;justify-content:space-between;text-align:center}"
         ".strong{font-weight:bold}.italic{font-style:italic}.underline{text-decoration:underline}"
         "h2,.title{text-align:center;font-weight:bold}p{text-align:justify;text-indent:1.27cm}"
         "p.bullet{text-indent:0}.space{height:3em}.recipients{text-align:left;font-size:11pt}"
         "table{border-collapse:collapse;width:100%;font-size:12pt}"
         "th,td{border:1px solid #000;padding:2px 4px}td.num{text-align:right}"
         "tr.total{font-weight:bold}mark.draft{background:#fff59d}"
         ".annex{break-before:page}figcaption{font-weight:bold;margin:6pt 0}"
         "</style></head><body>" +
         render_html(d) + "</body></html>";
}

}  // namespace dangvu::report
