// The report's tables as a spreadsheet (libxlsxwriter). Debian's 1.1.4 writes only to a file: a
// private temporary file, read back and removed.
#include <xlsxwriter.h>

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "report/render.h"

namespace dangvu::report {
namespace {

// Code points, for column widths (Vietnamese letters take 2–3 bytes each).
std::size_t letters(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.
std::string sheet_name(const std::string& title, std::set<std::string>& used) {
  std::string base;
  std::size_t count = 0;
  for (std::size_t i = 0; i < title.size() && count < 28;) {
    const auto c = static_cast<unsigned char>(title[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string ch = title.substr(i, len);
    i += len;
    if (ch.size() == 1 && std::string("[]:*?/\\").find(ch[0]) != std::string::npos) continue;
    base += ch;
    ++count;
  }
  while (!base.empty() && (base.back() == ' ' || base.back() == '.')) base.pop_back();
  if (base.empty()) base = "Biểu";
  std::string name = base;
  for (int k = 2; used.count(name); ++k) name = base + " " + std::to_string(k);
  used.insert(name);
  return name;
}

void collect_tables(const std::vector<Section>& sections, std::vector<const Table*>& out) {
  for (const auto& s : sections) {
    for (const auto& b : s.blocks) {
      if (b.kind == Block::Kind::table) out.push_back(&b.table);
    }
  }
}

}  // namespace

Result<std::string> render_xlsx(const Document& d) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/dangvu-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return Error::io("Không tạo được tệp báo cáo.", "mkstemp failed");
  close(fd);
  auto fail = [&](const std::string& why) {
    std::remove(path.c_str());
    return Error::io("Không tạo được tệp báo cáo.", "xlsx: " + why);
  };

  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return fail("workbook_new");
  // A fixed creation time, so that the same report gives the same file.
  lxw_doc_properties props{};
  std::string doc_title = d.kind_title + " " + d.title;
  props.title = doc_title.data();
  props.created = 1767225600;  // 2026-01-01
  workbook_set_properties(wb, &props);

  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 13);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(wb);
  format_set_border(text, LXW_BORDER_THIN);
  format_set_text_wrap(text);
  lxw_format* integer = workbook_add_format(wb);
  format_set_border(integer, LXW_BORDER_THIN);
  format_set_num_format(integer, "#,##0");
  lxw_format* decimal = workbook_add_format(wb);
  format_set_border(decimal, LXW_BORDER_THIN);
  format_set_num_format(decimal, "#,##0.0");
  lxw_format* percent = workbook_add_format(wb);
  format_set_border(percent, LXW_BORDER_THIN);
  format_set_num_format(percent, "0.0%");
  lxw_format* bold_text = workbook_add_format(wb);
  format_set_border(bold_text, LXW_BORDER_THIN);
  format_set_bold(bold_text);
  lxw_format* bold_integer = workbook_add_format(wb);
  format_set_border(bold_integer, LXW_BORDER_THIN);
  format_set_bold(bold_integer);
  format_set_num_format(bold_integer, "#,##0");
  lxw_format* bold_percent = workbook_add_format(wb);
  format_set_border(bold_percent, LXW_BORDER_THIN);
  format_set_bold(bold_percent);
  format_set_num_format(bold_percent, "0.0%");

  std::set<std::string> used;
  lxw_worksheet* info = workbook_add_worksheet(wb, sheet_name("Thông tin", used).c_str());
  lxw_row_t row = 0;
  for (const std::string& line :
       {d.superior, d.issuer, d.number, d.place_date, d.kind_title, d.title}) {
    if (line.empty()) continue;
    worksheet_write_string(info, row, 0, line.c_str(), row == 0 ? title : nullptr);
    ++row;
  }
  worksheet_set_column(info, 0, 0, 90, nullptr);

  std::vector<const Table*> tables;
  collect_tables(d.sections, tables);
  collect_tables(d.annex, tables);
  for (const Table* t : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t->title, used).c_str());
    worksheet_write_string(ws, 0, 0, t->title.c_str(), title);
    std::vector<std::size_t> widths(t->header.size(), 8);
    for (std::size_t c = 0; c < t->header.size(); ++c) {
      worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), t->header[c].c_str(), header);
      widths[c] = std::max(widths[c], std::min<std::size_t>(letters(t->header[c]), 24));
    }
    for (std::size_t r = 0; r < t->rows.size(); ++r) {
      const bool total = t->last_row_is_total && r + 1 == t->rows.size();
      const auto xr = static_cast<lxw_row_t>(r + 2);
      for (std::size_t c = 0; c < t->rows[r].size(); ++c) {
        const Cell& v = t->rows[r][c];
        const auto xc = static_cast<lxw_col_t>(c);
        if (c >= widths.size()) widths.resize(c + 1, 8);
        if (v.number && v.format == CellFormat::percent1) {
          worksheet_write_number(ws, xr, xc, *v.number / 100.0, total ? bold_percent : percent);
        } else if (v.number) {
          worksheet_write_number(ws, xr, xc, *v.number,
                                 v.format == CellFormat::decimal1 ? decimal
                                 : total                          ? bold_integer
                                                                  : integer);
        } else {
          worksheet_write_string(ws, xr, xc, v.display().c_str(), total ? bold_text : text);
        }
        widths[c] = std::max(widths[c], std::min<std::size_t>(letters(v.display()) + 2, 60));
      }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]) * 1.1, nullptr);
    }
    worksheet_freeze_panes(ws, 2, 1);
  }
  if (workbook_close(wb) != LXW_NO_ERROR) return fail("workbook_close");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::remove(path.c_str());
  if (bytes.str().empty()) return Error::io("Không tạo được tệp báo cáo.", "xlsx: empty file");
  return bytes.str();
}

}  // namespace dangvu::report
