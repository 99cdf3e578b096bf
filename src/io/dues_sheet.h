#pragma once
// A file of dues payments (issue 21): the National Public Service Portal's list of party dues paid
// online, or one an office typed in Excel — one payment a row: the member by Party card number or
// by citizen ID, the month paid for, the amount, the day paid and the transaction's number. Read
// from XLSX or CSV (io/source.h); the header is found in the first rows by its spellings. A row's
// cells are read and checked here (a month, an amount in whole đồng, a date); who the member is and
// whether the month is owed is the service's.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "io/member_sheet.h"

namespace dangvu::io {

enum class DuesField { ignore, card_number, citizen_id, name, month, amount, paid_on, reference };
std::string_view to_string(DuesField f);
std::string_view label_vi(DuesField f);  // "Số thẻ đảng viên", …
std::optional<DuesField> dues_field_of_header(std::string_view header);

struct DuesSheetRow {
  std::int64_t row = 0;
  std::string card_number, citizen_id, name, reference;
  std::optional<Date> month;  // the first day of the month paid for
  std::optional<std::int64_t> amount;
  std::optional<Date> paid_on;
  bool has_errors = false;
};

struct DuesSheet {
  std::string sheet, format;
  std::int64_t header_row = 0;
  std::vector<std::pair<int, DuesField>> columns;  // the columns read, by 0-based column
  std::vector<DuesSheetRow> rows;
  std::vector<Problem> problems;  // the first kMaxListedProblems
  OmittedProblems omitted;
};

// The rows of a payments file; an error only for the file as a whole (unreadable, no header, over
// the limits). A row's wrong cell is a problem on that row naming the column's field.
Result<DuesSheet> read_dues_sheet(std::string_view data, const SheetOptions& options);

// "02/2026", "2/2026", "2026-02", "tháng 2/2026", "T02/2026" → 01/02/2026.
std::optional<Date> parse_month_text(std::string_view text);
// "100.000", "100,000", "100000", "100.000 đ", "100.000đ" → 100000; none for anything else.
std::optional<std::int64_t> parse_money_text(std::string_view text);

}  // namespace dangvu::io
