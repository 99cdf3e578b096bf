#pragma once
// Rows of cells, as the readers (csv_reader.h, xlsx_reader.h) produce them and the writers take
// them. A reader streams: it hands each row to a sink and keeps no more than one row (plus the
// XLSX shared strings) in memory.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"

namespace dangvu::io {

enum class CellKind {
  empty,
  text,    // UTF-8 text (CSV cells are always text)
  number,  // an XLSX number without a date format
  date,    // an XLSX number with a date format: an Excel serial day number in `number`
};

struct Cell {
  CellKind kind = CellKind::empty;
  std::string text;   // text; for numbers and dates, the number as written in the file
  double number = 0;  // number and date
};

struct Row {
  std::string sheet;        // the sheet name ("" for CSV)
  std::int64_t number = 0;  // 1-based row number as the user sees it in Excel
  std::vector<Cell> cells;  // by column, 0-based; trailing empty cells may be missing
};

// Called for each row in file order; an error stops reading and is returned by the reader.
using RowSink = std::function<Status(const Row&)>;

// Hard limits for hostile files: over any of them the reader stops with a clear error
// (ErrorKind::too_large), never a crash, a hang or unbounded memory.
struct Limits {
  std::uint64_t max_file_bytes = 100ull << 20;           // the file as uploaded
  std::uint64_t max_entry_bytes = 512ull << 20;          // one uncompressed XLSX part
  std::uint64_t max_total_uncompressed = 1024ull << 20;  // all parts read, uncompressed
  double max_compression_ratio = 200;                    // uncompressed / compressed, per part
  std::uint64_t max_shared_strings = 2'000'000;
  std::uint64_t max_shared_string_bytes = 128ull << 20;
  std::int64_t max_rows = 1'048'576;    // Excel's own limit
  int max_columns = 1024;               // columns holding a value
  std::size_t max_cell_bytes = 32'767;  // Excel's limit on one cell's text
  int max_xml_depth = 64;
};

// "A", "B", … "Z", "AA" for a 0-based column.
std::string column_name(int column);
// The 0-based column of "A1"-style references ("C7" → 2); -1 if malformed or over 16384.
int column_of_reference(const char* reference, int* row_out);

}  // namespace dangvu::io
