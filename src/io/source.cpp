// Rows from either format, and the cell helpers both list sheets use.
#include "io/source.h"

#include <charconv>
#include <cmath>

#include "io/csv_reader.h"
#include "io/xlsx_reader.h"
#include "text/fold.h"

namespace dangvu::io {

Result<SourceInfo> read_rows(std::string_view data, const std::string& sheet, const Limits& limits,
                             const RowSink& sink) {
  SourceInfo out;
  if (looks_like_zip(data)) {
    auto info = read_xlsx_bytes(data, sheet, limits, sink);
    if (!info.ok()) return info.error();
    out.sheet = info->sheet;
    out.format = "xlsx";
    out.date1904 = info->date1904;
  } else {
    auto info = read_csv(data, limits, sink);
    if (!info.ok()) return info.error();
    out.format = "csv";
  }
  return out;
}

std::string cell_text(const Cell& c) {
  if (c.kind == CellKind::number || c.kind == CellKind::date) {
    if (std::floor(c.number) == c.number && std::fabs(c.number) < 1e15) {
      char buf[32];
      auto end = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(c.number)).ptr;
      return std::string(buf, end);
    }
    return c.text;
  }
  return c.text;
}

bool is_numbering_row(const Row& row) {
  int cells = 0;
  for (const auto& c : row.cells) {
    if (c.kind == CellKind::empty) continue;
    std::string t = text::fold(cell_text(c));
    if (t.size() >= 2 && t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
    if (t.empty() || t.size() > 3) return false;
    for (char ch : t) {
      if (ch < '0' || ch > '9') return false;
    }
    ++cells;
  }
  return cells >= 2;
}

}  // namespace dangvu::io
