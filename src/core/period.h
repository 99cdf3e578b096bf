#pragma once
// Reporting periods: month, quarter, half-year, year and congress term. Stocks are counted as of
// the period's last day; flows within [first, last].
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace dangvu {

enum class PeriodKind { month, quarter, half_year, year, term };

struct Period {
  PeriodKind kind = PeriodKind::year;
  Date first, last;  // both inclusive
  std::string code;  // "2026-03", "2026-Q1", "2026-H1", "2026", "2020-2025"

  // Parses the codes above. A term "2020-2025" runs from 1 July of its first year to 30 June of
  // its last: grassroots congresses are held in the second quarter, so terms meet without overlap.
  static Result<Period> parse(std::string_view code, std::string_view field = "period");

  // "quý I năm 2026", "6 tháng đầu năm 2026", "nhiệm kỳ 2020 – 2025", …
  std::string label_vi() const;
  // The period after this one, of the same kind (for "tasks for the next period").
  Period next() const;
  // 1 January of the year the period ends in: "so far this year" runs from here to `last`.
  Date year_first() const { return last.year_start(); }
  bool contains(Date d) const { return first <= d && d <= last; }
};

std::string_view to_string(PeriodKind kind);

}  // namespace dangvu
