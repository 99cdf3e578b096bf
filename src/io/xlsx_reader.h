#pragma once
// A streaming XLSX reader: libzip for the package, expat (SAX) for the parts. The shared strings
// are kept (bounded by Limits); the sheet is never held whole: each <row> goes to the sink as
// soon as it ends. Cells with a date number format become CellKind::date (Excel serial days).
//
// Hostile files stop with an error naming the part: over the size or compression-ratio limits (zip
// bombs, checked on the bytes actually inflated, not on what the directory claims), too many or
// too long shared strings, rows past 1,048,576, XML nested too deep, a DOCTYPE (no entity is ever
// expanded), malformed XML or text that is not UTF-8.
#include <string>
#include <string_view>
#include <vector>

#include "io/table.h"

namespace dangvu::io {

struct XlsxInfo {
  std::string sheet;                // the sheet read
  std::vector<std::string> sheets;  // every sheet of the workbook, in order
  bool date1904 = false;            // the workbook counts days from 1904 (old Mac Excel)
  std::uint64_t shared_strings = 0;
};

// Reads the sheet named `sheet` (empty: the first sheet) of the XLSX file at `path`.
Result<XlsxInfo> read_xlsx_file(const std::string& path, const std::string& sheet,
                                const Limits& limits, const RowSink& sink);
// The same over a file already in memory (an upload, a fuzzer's input).
Result<XlsxInfo> read_xlsx_bytes(std::string_view data, const std::string& sheet,
                                 const Limits& limits, const RowSink& sink);

// Whether `data` starts like a ZIP file (an XLSX) rather than text.
bool looks_like_zip(std::string_view data);

}  // namespace dangvu::io
