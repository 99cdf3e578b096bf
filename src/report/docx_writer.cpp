// The report as a Word file: the template's document.xml with its placeholders filled and its
// block placeholders replaced by the generated paragraphs and tables.
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include "report/markup.h"
#include "report/ooxml_zip.h"
#include "report/render.h"

namespace dangvu::report {
namespace {

const char* const kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string esc(const std::string& s) { return escape_markup(s); }

// Font named in every run: a user's Word without the default style still shows Times New Roman.
std::string run(const std::string& text, const std::string& rpr = "") {
  return "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
         "w:cs=\"Times New Roman\"/>" +
         rpr + "</w:rPr><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
}

std::string para(const std::string& ppr, const std::string& runs) {
  return "<w:p><w:pPr>" + ppr + "</w:pPr>" + runs + "</w:p>";
}

const std::string kBody =
    "<w:jc w:val=\"both\"/><w:ind w:firstLine=\"720\"/>"
    "<w:spacing w:before=\"40\" w:after=\"40\"/>";
const std::string kBold = "<w:b/><w:bCs/>";
std::string size(int half_points) {
  return "<w:sz w:val=\"" + std::to_string(half_points) + "\"/><w:szCs w:val=\"" +
         std::to_string(half_points) + "\"/>";
}

// About how wide `word` prints in Times New Roman at `points`, in twentieths of a point: wide
// enough that a column holding it never breaks it inside a syllable.
int word_twips(std::string_view word, int points, bool bold) {
  double ems = 0;
  for (std::size_t i = 0; i < word.size();) {
    const auto c = static_cast<unsigned char>(word[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        ems += (c == 'M' || c == 'W') ? 0.9 : 0.72;
      } else if (c >= '0' && c <= '9') {
        ems += 0.5;
      } else if (c == 'm' || c == 'w') {
        ems += 0.75;
      } else if (c == 'i' || c == 'l' || c == 'j' || c == 't' || c == 'f' || c == 'r') {
        ems += 0.33;
      } else if (c >= 'a' && c <= 'z') {
        ems += 0.5;
      } else if (c == ' ') {
        ems += 0.25;
      } else if (c == '%') {
        ems += 0.85;
      } else if (c == ',' || c == '.' || c == ':' || c == ';') {
        ems += 0.28;
      } else {
        ems += 0.4;  // other punctuation
      }
    } else {
      // A Vietnamese letter with its marks (capitals, as Đ or Ấ, sit at the start of a word), or
      // a dash: "—" is a whole em.
      const bool em_dash = word.substr(i, 3) == "\xE2\x80\x94";
      ems += em_dash ? 1.0 : i == 0 || (i > 0 && word[i - 1] == ' ') ? 0.75 : 0.52;
    }
    i += len;
  }
  if (bold) ems *= 1.08;
  return static_cast<int>(ems * points * 20.0);
}

int widest_word(const std::string& text, int points, bool bold) {
  int widest = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    widest =
        std::max(widest, word_twips(std::string_view(text).substr(at, end - at), points, bold));
    at = end + 1;
  }
  return widest;
}

int text_twips(const std::string& text, int points, bool bold) {
  return word_twips(text, points, bold);
}

// Column widths that hold every column's widest word (so that no word breaks inside a cell);
// then, narrowest need first, the columns other than the names' are widened to hold their cells
// on one line while the names keep up to 45% of the width; the names take the rest. The names are
// the first column, or the second after a numbering column ("STT").
std::vector<int> column_widths(const Table& t, int total, int points) {
  const std::size_t cols = std::max<std::size_t>(1, t.header.size());
  const int padding = 2 * 85 + 120;  // the cell margins and a little air
  std::vector<int> need(cols, 0), natural(cols, 0);
  auto take = [&](std::size_t c, const std::string& s, bool bold) {
    if (c >= cols) return;
    need[c] = std::max(need[c], widest_word(s, points, bold) + padding);
    natural[c] = std::max(natural[c], text_twips(s, points, bold) + padding);
  };
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    need[c] = std::max(need[c], widest_word(t.header[c], points, true) + padding);
    // A header of two words ("Dự bị", "Kế hoạch") reads badly broken: keep it on one line
    // where there is room; longer ones may wrap.
    if (std::count(t.header[c].begin(), t.header[c].end(), ' ') <= 1) {
      natural[c] = std::max(natural[c], text_twips(t.header[c], points, true) + padding);
    }
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool total_row = t.last_row_is_total && r + 1 == t.rows.size();
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) take(c, t.rows[r][c].display(), total_row);
  }
  for (std::size_t c = 0; c < cols; ++c) natural[c] = std::max(natural[c], need[c]);
  int sum = 0;
  for (int n : need) sum += n;
  std::vector<int> width = need;
  if (sum >= total) return width;  // as narrow as the words allow (the table may run wider)
  const std::size_t names = cols >= 2 && (t.header[0] == "STT" || t.header[0] == "TT") ? 1 : 0;
  const int names_keep = cols > 1 ? std::min(natural[names], total * 45 / 100) : 0;
  int left = total - sum - std::max(0, names_keep - width[names]);
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < cols; ++c) {
    if (c != names) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return natural[a] - need[a] < natural[b] - need[b];
  });
  for (std::size_t c : order) {
    const int grow = std::min(left, natural[c] - width[c]);
    if (grow <= 0) continue;
    width[c] += grow;
    left -= grow;
  }
  int used = 0;
  for (std::size_t c = 0; c < cols; ++c) used += c == names ? 0 : width[c];
  width[names] = total - used;
  return width;
}

std::string table_xml(const Table& t) {
  std::ostringstream out;
  const std::size_t cols = std::max<std::size_t>(1, t.header.size());
  // Twelve-point type; eleven in a wide table; ten in a long list (two pages a hundred people).
  const int points = t.compact ? 10 : cols >= 7 ? 11 : 12;
  if (!t.title.empty()) {
    out << para("<w:keepNext/><w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:after=\"60\"/>",
                run(t.title, kBold + size(26)));
  }
  const int total = 9072;
  const std::vector<int> widths = column_widths(t, total, points);
  int table_width = 0;
  for (int w : widths) table_width += w;
  auto width = [&](std::size_t c) { return c < widths.size() ? widths[c] : widths.back(); };
  out << "<w:tbl><w:tblPr><w:tblW w:w=\"" << table_width
      << "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders><w:top w:val=\"single\" "
         "w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" "
         "w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" "
         "w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders><w:tblLayout "
         "w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  for (std::size_t c = 0; c < cols; ++c) out << "<w:gridCol w:w=\"" << width(c) << "\"/>";
  out << "</w:tblGrid>";
  // Table text on single lines with no space around paragraphs: a list of a hundred people
  // takes two pages, not twelve.
  const std::string tight =
      "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" "
      "w:lineRule=\"auto\"/>";
  auto cell = [&](std::size_t c, const std::string& text, bool bold, const char* align) {
    out << "<w:tc><w:tcPr><w:tcW w:w=\"" << width(c) << "\" w:type=\"dxa\"/><w:vAlign "
        << "w:val=\"center\"/></w:tcPr>"
        << para(tight + "<w:jc w:val=\"" + align + "\"/>",
                run(text, (bold ? kBold : std::string()) + size(points * 2)))
        << "</w:tc>";
  };
  out << "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>";
  for (std::size_t c = 0; c < t.header.size(); ++c) cell(c, t.header[c], true, "center");
  out << "</w:tr>";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const bool total_row = t.last_row_is_total && r + 1 == t.rows.size();
    out << "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const Cell& v = t.rows[r][c];
      cell(c, v.display(), total_row, v.number ? "right" : v.text == "—" ? "center" : "left");
    }
    out << "</w:tr>";
  }
  out << "</w:tbl>";
  return out.str();
}

std::string sections_xml(const std::vector<Section>& sections) {
  std::ostringstream out;
  for (const auto& s : sections) {
    if (!s.heading.empty()) {
      out << para(std::string(s.level <= 1 ? "" : "<w:ind w:firstLine=\"720\"/>") +
                      "<w:keepNext/><w:jc w:val=\"both\"/><w:spacing w:before=\"120\" "
                      "w:after=\"60\"/>",
                  run(s.heading, kBold));
    }
    for (const auto& b : s.blocks) {
      switch (b.kind) {
        case Block::Kind::paragraph: out << para(kBody, run(b.text)); break;
        case Block::Kind::bullet: out << para(kBody, run("- " + b.text)); break;
        case Block::Kind::draft:
          // Marked so that nobody sends it unedited: highlighted, italic, with a label.
          out << para(kBody, run("[Dự thảo – cần biên tập] " + b.text,
                                 "<w:i/><w:iCs/><w:highlight w:val=\"yellow\"/>"));
          break;
        case Block::Kind::table: out << table_xml(b.table); break;
        case Block::Kind::centered:
          out << para(
              "<w:keepNext/><w:jc w:val=\"center\"/><w:spacing w:before=\"120\" "
              "w:after=\"120\"/>",
              run(b.text, kBold));
          break;
      }
    }
  }
  return out.str();
}

std::string recipients_xml(const Document& d) {
  std::string out;
  for (const auto& r : d.recipients) out += para("", run("- " + r, size(24)));
  return out;
}

// The left of the signature: "Nơi nhận:" (14 pt, underlined, as a Party document writes it) and
// the recipients in 12 pt, or a second signer (minutes), or nothing.
std::string signature_left_xml(const Document& d) {
  if (d.left_signer_title.empty()) {
    if (d.recipients.empty()) return "";
    return para("", run("Nơi nhận:", "<w:u w:val=\"single\"/>")) + recipients_xml(d);
  }
  const std::string center = "<w:jc w:val=\"center\"/>";
  return para(center, run(d.left_signer_title, kBold)) + para(center, "") + para(center, "") +
         para(center, "") + para(center, run(d.left_signer_name, kBold));
}

std::string annex_xml(const Document& d) {
  if (d.annex.empty()) return "";
  // The annex begins a page: the heading's own property, not a paragraph holding a break, which
  // a full last page pushes onto a page of its own (a blank page before the annex).
  return para("<w:pageBreakBefore/><w:jc w:val=\"center\"/><w:spacing w:after=\"120\"/>",
              run("PHỤ LỤC", kBold)) +
         sections_xml(d.annex);
}

std::string text_of(const pugi::xml_node& paragraph) {
  std::string text;
  for (auto r : paragraph.children("w:r")) {
    for (auto t : r.children("w:t")) text += t.text().get();
  }
  return text;
}

// Word splits "{{title}}" over several runs (spell check, edits, language changes): merge the
// paragraph's runs into its first one, keeping that run's properties, so the text is whole.
void merge_runs(pugi::xml_node paragraph) {
  const std::string text = text_of(paragraph);
  pugi::xml_node first = paragraph.child("w:r");
  if (!first) return;
  std::vector<pugi::xml_node> drop;
  for (auto n : paragraph.children()) {
    const std::string name = n.name();
    if ((name == "w:r" && n != first) || name == "w:proofErr" || name == "w:bookmarkStart" ||
        name == "w:bookmarkEnd") {
      drop.push_back(n);
    }
  }
  for (auto n : drop) paragraph.remove_child(n);
  std::vector<pugi::xml_node> content;
  for (auto n : first.children()) {
    if (std::string(n.name()) != "w:rPr") content.push_back(n);
  }
  for (auto n : content) first.remove_child(n);
  auto t = first.append_child("w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(text.c_str());
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

void collect_paragraphs(pugi::xml_node node, std::vector<pugi::xml_node>& out) {
  for (auto child : node.children()) {
    if (std::string(child.name()) == "w:p") {
      out.push_back(child);
    } else {
      collect_paragraphs(child, out);
    }
  }
}

Error bad_template(const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("template", "Trường «template»: tệp mẫu báo cáo " + why_vi,
                        "report template: " + why_en);
}

}  // namespace

Result<std::string> render_docx(const Document& d, const std::string* template_docx) {
  const std::string builtin = template_docx ? std::string() : default_report_template_docx();
  auto entries = read_zip(template_docx ? *template_docx : builtin);
  if (!entries.ok()) return entries.error();
  ZipEntry* main = nullptr;
  for (auto& e : *entries) {
    if (e.name == "word/document.xml") main = &e;
  }
  if (main == nullptr) {
    return bad_template("không có phần nội dung (word/document.xml); hãy dùng tệp .docx.",
                        "no word/document.xml");
  }
  pugi::xml_document xml;
  if (!xml.load_buffer(main->data.data(), main->data.size(),
                       pugi::parse_default | pugi::parse_ws_pcdata_single)) {
    return bad_template("phần nội dung không đọc được.", "document.xml does not parse");
  }
  const std::map<std::string, std::string> scalars = {{"{{superior}}", d.superior},
                                                      {"{{issuer}}", d.issuer},
                                                      {"{{number}}", d.number},
                                                      {"{{place_date}}", d.place_date},
                                                      {"{{kind_title}}", d.kind_title},
                                                      {"{{title}}", d.title},
                                                      {"{{signer_authority}}", d.signer_authority},
                                                      {"{{signer_title}}", d.signer_title},
                                                      {"{{signer_name}}", d.signer_name}};
  const std::map<std::string, std::string> blocks = {{"{{body}}", sections_xml(d.sections)},
                                                     {"{{recipients}}", recipients_xml(d)},
                                                     {"{{signature_left}}", signature_left_xml(d)},
                                                     {"{{annex}}", annex_xml(d)}};
  const std::set<std::string> removable_when_empty = {"{{superior}}", "{{signer_authority}}",
                                                      "{{number}}"};
  std::vector<pugi::xml_node> paragraphs;
  collect_paragraphs(xml.document_element(), paragraphs);
  bool body_found = false;
  for (auto p : paragraphs) {
    if (text_of(p).find("{{") == std::string::npos) continue;
    merge_runs(p);
    pugi::xml_node t = p.child("w:r").child("w:t");
    std::string text = t.text().get();
    if (auto b = blocks.find(trim(text)); b != blocks.end()) {
      body_found = body_found || b->first == "{{body}}";
      if (b->second.empty()) {  // keep an empty paragraph: a table cell must hold one
        t.text().set("");
        continue;
      }
      pugi::xml_document fragment;
      const std::string wrapped =
          std::string("<root xmlns:w=\"") + kWordNs + "\">" + b->second + "</root>";
      if (!fragment.load_buffer(wrapped.data(), wrapped.size())) {
        return Error::io("Không tạo được tệp báo cáo.", "generated XML does not parse");
      }
      for (auto n : fragment.document_element().children()) p.parent().insert_copy_before(n, p);
      p.parent().remove_child(p);
      continue;
    }
    // A line that would print nothing is left out (a top committee has no superior's line; the
    // minutes sign on no one's behalf), so the lines beside it stay aligned.
    if (const auto key = trim(text); removable_when_empty.count(key) && scalars.at(key).empty() &&
                                     (p.previous_sibling("w:p") || p.next_sibling("w:p"))) {
      p.parent().remove_child(p);
      continue;
    }
    for (const auto& [key, value] : scalars) replace_all(text, key, value);
    t.text().set(text.c_str());
  }
  if (!body_found) {
    return bad_template("thiếu ô {{body}} (phải nằm riêng một đoạn) để đặt nội dung báo cáo.",
                        "no {{body}} paragraph");
  }
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  main->data = out.str();
  return write_zip(*entries);
}

}  // namespace dangvu::report
