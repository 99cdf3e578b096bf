#pragma once
// A calendar date (no time of day), as days since 1970-01-01. Dates are what every fact in the
// registry is "as of"; ISO text (YYYY-MM-DD) is the stored and typed form, dd/mm/yyyy the shown
// one.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dangvu {

class Date {
 public:
  constexpr Date() = default;
  static Date from_days(std::int32_t days) { return Date(days); }
  // Returns an error if y-m-d is not a real calendar date.
  static Result<Date> from_ymd(int year, int month, int day, std::string_view field = "date");
  // Parses strict ISO "YYYY-MM-DD"; the error names `field` and says what was wrong in Vietnamese.
  static Result<Date> parse(std::string_view iso, std::string_view field = "date");
  // The open end of a validity interval.
  static Date max();

  std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  std::string iso() const;  // "2025-07-01"
  std::string vi() const;   // "01/07/2025"

  Date add_days(std::int32_t n) const { return Date(days_ + n); }
  // Adds calendar months; the day is clamped to the month's last day (31/1 + 1 month = 28/2 or
  // 29/2).
  Date add_months(int n) const;
  Date add_years(int n) const { return add_months(12 * n); }
  // Adds n working days (Monday to Friday; public holidays are not modelled).
  Date add_working_days(int n) const;
  int weekday() const;  // 0 = Monday … 6 = Sunday
  Date year_start() const;

  auto operator<=>(const Date&) const = default;

 private:
  explicit constexpr Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// Whole years from `from` to `to` (age on a date, years of membership); 0 if `to` < `from`.
int whole_years_between(Date from, Date to);

}  // namespace dangvu
