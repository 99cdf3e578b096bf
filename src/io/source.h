#pragma once
// What both list sheets (members, orgs) share: reading a file's rows whichever format it is, a
// cell as text, and the "(1) (2) (3)" numbering row that forms put under the header.
#include <cstddef>
#include <optional>
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

// The field a folded header names, from a table of {folded spelling, field}: the spelling it is,
// or else the longest spelling of several words it begins with ("ngay sinh (dd/mm/yyyy)").
template <typename Spelling, std::size_t N>
auto field_of_folded_header(std::string_view folded, const Spelling (&spellings)[N])
    -> std::optional<decltype(spellings[0].field)> {
  if (folded.empty()) return std::nullopt;
  const Spelling* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& s : spellings) {
    std::string_view sp(s.folded);
    if (folded == sp) return s.field;
    const bool several_words = sp.find(' ') != std::string_view::npos;
    if (several_words && folded.size() > sp.size() && folded.compare(0, sp.size(), sp) == 0 &&
        folded[sp.size()] == ' ' && sp.size() > best_length) {
      best = &s;
      best_length = sp.size();
    }
  }
  if (best) return best->field;
  return std::nullopt;
}

}  // namespace dangvu::io
