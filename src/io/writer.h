#pragma once
// Tables out to XLSX (libxlsxwriter) and CSV: Vietnamese headers in bold, dates as real dates
// (dd/mm/yyyy in XLSX, ISO yyyy-mm-dd in CSV so that no reader can take the day for the month),
// numbers as numbers, column widths that fit the longest value.
#include <string>
#include <vector>

#include "core/result.h"

namespace dangvu::io {

struct Table {
  std::string title;  // the sheet name (at most 31 characters are kept)
  std::vector<std::string> headers;
  enum class Kind { text, number, date };
  std::vector<Kind> kinds;  // one per header
  struct Value {
    std::string text;   // text, or an ISO date; empty: a blank cell
    double number = 0;  // numbers
  };
  std::vector<std::vector<Value>> rows;
};

// Writes the XLSX file at `path` (through a temporary file next to it, renamed at the end).
Status write_xlsx(const Table& table, const std::string& path);
// The XLSX file's bytes (libxlsxwriter writes only to files: a mkstemp file, removed after).
Result<std::string> xlsx_bytes(const Table& table);

// CSV: UTF-8 with a BOM (so that Excel reads the diacritics), comma-separated, CRLF, RFC 4180
// quoting.
std::string csv_text(const Table& table);
Status write_csv(const Table& table, const std::string& path);

}  // namespace dangvu::io
