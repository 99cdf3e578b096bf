#pragma once
// Dates as offices type them in Excel: real date cells (Excel serial days, 1900 system with its
// nonexistent 29/02/1900, or 1904), numbers without a date format (serials too), and text:
// dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, ISO yyyy-mm-dd, "ngày 5 tháng 3 năm 1980".
//
// Day and month: Vietnamese files write the day first. A column whose text dates include a first
// number over 12 is settled day-first, one with a second number over 12 month-first; in an
// unsettled column a date whose both numbers are ≤ 12 (and differ) is read day-first and reported
// as ambiguous. A column with evidence both ways refuses its ambiguous dates. A two-digit year is
// read in the last hundred years (up to this year) and reported.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "io/table.h"

namespace dangvu::io {

enum class DateOrder { unsettled, day_first, month_first, conflicting };

// The order the text dates of one column settle on.
DateOrder settle_order(const std::vector<std::string_view>& texts);

struct ParsedDate {
  std::optional<Date> date;
  std::string warning_vi;  // set when read but worth a look (ambiguous order, two-digit year)
  std::string error_vi;    // set when not read; says what the rule is
};

// Parses one cell. `this_year` bounds two-digit years.
ParsedDate parse_date_cell(const Cell& cell, DateOrder order, bool date1904, int this_year);

// The date of an Excel serial day number (an error text if out of range or 29/02/1900).
ParsedDate date_from_serial(double serial, bool date1904);

// The Excel serial (1900 system) of a date, for writers.
double excel_serial(Date d);

}  // namespace dangvu::io
