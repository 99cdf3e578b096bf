#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace dangvu {
namespace {

namespace ch = std::chrono;
using ch::days;
using ch::sys_days;
using ch::year_month_day;

year_month_day to_ymd(std::int32_t d) { return year_month_day{sys_days{days{d}}}; }

Error bad_date(std::string_view field, std::string_view text) {
  return Error::invalid(std::string(field),
                        "Trường «" + std::string(field) + "»: ngày «" + std::string(text) +
                            "» không hợp lệ; hãy nhập theo dạng NNNN-TT-NN (ví dụ 2025-07-01).",
                        "field '" + std::string(field) + "': invalid date '" + std::string(text) +
                            "', expected YYYY-MM-DD");
}

bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<Date> Date::from_ymd(int y, int m, int d, std::string_view field) {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
    return bad_date(field, std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d));
  }
  year_month_day ymd{ch::year{y}, ch::month{static_cast<unsigned>(m)},
                     ch::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return bad_date(field, std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d));
  }
  return Date(static_cast<std::int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

Result<Date> Date::parse(std::string_view iso, std::string_view field) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(iso.substr(0, 4)) ||
      !digits(iso.substr(5, 2)) || !digits(iso.substr(8, 2))) {
    return bad_date(field, iso);
  }
  auto r =
      from_ymd(to_int(iso.substr(0, 4)), to_int(iso.substr(5, 2)), to_int(iso.substr(8, 2)), field);
  if (!r.ok()) return bad_date(field, iso);
  return r;
}

Date Date::max() {
  static const Date m = from_ymd(9999, 12, 31).value();
  return m;
}

int Date::year() const { return static_cast<int>(to_ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(to_ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(to_ymd(days_).day())); }

std::string Date::iso() const {
  // Written digit by digit: every stored row carries dates, and snprintf showed in the profile of
  // an import (bench/import_members.sh).
  const int y = year(), m = month(), d = day();
  if (y < 0 || y > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

std::string Date::vi() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day(), month(), year());
  return buf;
}

Date Date::add_months(int n) const {
  auto ymd = to_ymd(days_);
  int total = static_cast<int>(ymd.year()) * 12 +
              static_cast<int>(static_cast<unsigned>(ymd.month())) - 1 + n;
  ch::year y{total / 12};
  ch::month m{static_cast<unsigned>(total % 12 + 1)};
  auto last = year_month_day{ch::year_month_day_last{y, ch::month_day_last{m}}}.day();
  ch::day d = ymd.day() > last ? last : ymd.day();
  return Date(
      static_cast<std::int32_t>(sys_days{year_month_day{y, m, d}}.time_since_epoch().count()));
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int w = (days_ + 3) % 7;
  return w < 0 ? w + 7 : w;
}

Date Date::add_working_days(int n) const {
  Date d = *this;
  while (n > 0) {
    d = d.add_days(1);
    if (d.weekday() < 5) --n;
  }
  return d;
}

Date Date::year_start() const { return from_ymd(year(), 1, 1).value(); }

int whole_years_between(Date from, Date to) {
  if (to < from) return 0;
  int years = to.year() - from.year();
  if (from.add_years(years) > to) --years;
  return years;
}

}  // namespace dangvu
