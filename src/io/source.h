#pragma once
// What both list sheets (members, orgs) share: reading a file's rows whichever format it is, a
// cell as text, and the "(1) (2) (3)" numbering row that forms put under the header.
#include <string>
#include <string_view>

#include "io/table.h"

namespace dangvu::io {

// What a list sheet lists.
enum class SheetKind { members, orgs };

struct SourceInfo {
  std::string sheet;   // the XLSX sheet read ("" for CSV)
  std::string format;  // "xlsx" or "csv"
  bool date1904 = false;
};

// Streams the rows of an XLSX file (when the bytes start as a ZIP) or of a CSV file to `sink`.
Result<SourceInfo> read_rows(std::string_view data, const std::string& sheet, const Limits& limits,
                             const RowSink& sink);

// A cell as text: numbers (and dates, as their serial number) without a trailing ".0".
std::string cell_text(const Cell& c);

// Whether the row only numbers the columns: "1", "2", "(3)" …
bool is_numbering_row(const Row& row);

}  // namespace dangvu::io
