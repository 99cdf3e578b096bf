// XLSX and CSV writers.
#include "io/writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/date.h"

namespace dangvu::io {
namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string sheet_name(const std::string& title) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    auto c = static_cast<unsigned char>(title[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == 31) break;
      ++chars;
    }
    out += std::strchr("[]:*?/\\", title[i]) && c < 0x80 ? '-' : title[i];
  }
  return out.empty() ? "Sheet1" : out;
}

Error write_error(const std::string& path, const std::string& detail) {
  return Error::io("Không ghi được tệp «" + path + "».", "cannot write " + path + ": " + detail);
}

std::string number_text(double n) {
  std::ostringstream s;
  s.precision(15);
  s << n;
  return s.str();
}

}  // namespace

Status write_xlsx(const Table& table, const std::string& path) {
  const std::string temporary = path + ".tmp";
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows are flushed as written: memory stays flat
  lxw_workbook* workbook = workbook_new_opt(temporary.c_str(), &options);
  if (!workbook) return write_error(path, "workbook_new_opt failed");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name(table.title).c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  format_set_text_wrap(bold);
  format_set_align(bold, LXW_ALIGN_CENTER);
  format_set_align(bold, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(bold, LXW_BORDER_THIN);
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* text = workbook_add_format(workbook);
  format_set_num_format(text, "@");

  std::vector<std::size_t> widths(table.headers.size(), 6);
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    widths[c] = std::max(widths[c], std::min<std::size_t>(code_points(table.headers[c]), 24));
  }
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      std::size_t w = table.kinds[c] == Table::Kind::date     ? 10
                      : table.kinds[c] == Table::Kind::number ? number_text(row[c].number).size()
                                                              : code_points(row[c].text);
      widths[c] = std::max(widths[c], std::min<std::size_t>(w, 60));
    }
  }
  // Widths and the frozen header must be set before any row (constant-memory mode).
  for (std::size_t c = 0; c < widths.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, col, col, static_cast<double>(widths[c]) + 2,
                         table.kinds[c] == Table::Kind::text ? text : nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headers[c].c_str(), bold);
  }
  lxw_row_t r = 1;
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size() && c < table.kinds.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      const auto& v = row[c];
      switch (table.kinds[c]) {
        case Table::Kind::number: worksheet_write_number(sheet, r, col, v.number, nullptr); break;
        case Table::Kind::date: {
          if (v.text.empty()) break;
          auto d = Date::parse(v.text);
          if (!d.ok()) break;
          lxw_datetime dt{};
          dt.year = d->year();
          dt.month = d->month();
          dt.day = d->day();
          worksheet_write_datetime(sheet, r, col, &dt, date);
          break;
        }
        case Table::Kind::text:
          if (!v.text.empty()) worksheet_write_string(sheet, r, col, v.text.c_str(), text);
          break;
      }
    }
    ++r;
  }
  lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    std::remove(temporary.c_str());
    return write_error(path, lxw_strerror(error));
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    return write_error(path, ec.message());
  }
  return {};
}

Result<std::string> xlsx_bytes(const Table& table) {
  std::string pattern = (std::filesystem::temp_directory_path() / "dangvu-export-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) return write_error(pattern, "mkstemp failed");
  close(fd);
  Status st = write_xlsx(table, pattern);
  if (!st.ok()) {
    std::remove(pattern.c_str());
    return st.error();
  }
  std::ifstream in(pattern, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::remove(pattern.c_str());
  return bytes.str();
}

std::string csv_text(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  auto field = [&](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
      out += s;
      return;
    }
    out += '"';
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  };
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    if (c) out += ',';
    field(table.headers[c]);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size() && c < table.kinds.size(); ++c) {
      if (c) out += ',';
      if (table.kinds[c] == Table::Kind::number) {
        out += number_text(row[c].number);
      } else {
        field(row[c].text);
      }
    }
    out += "\r\n";
  }
  return out;
}

Status write_csv(const Table& table, const std::string& path) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << csv_text(table);
    if (!out) return write_error(path, "write failed");
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) return write_error(path, ec.message());
  return {};
}

}  // namespace dangvu::io
