#include "core/period.h"

#include <charconv>
#include <cstdio>

namespace dangvu {
namespace {

Error bad_period(std::string_view field, std::string_view code) {
  return Error::invalid(
      std::string(field),
      "Trường «" + std::string(field) + "»: kỳ «" + std::string(code) +
          "» không hợp lệ; hãy nhập tháng (2026-03), quý (2026-Q1), 6 tháng (2026-H1, 2026-H2), "
          "năm (2026) hoặc nhiệm kỳ (2020-2025).",
      "field '" + std::string(field) + "': invalid period '" + std::string(code) +
          "', expected YYYY-MM, YYYY-Qn, YYYY-H1|H2, YYYY or YYYY-YYYY");
}

bool to_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc{};
}

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Date month_last(int y, int m) { return ymd(y, m, 1).add_months(1).add_days(-1); }

const char* roman(int q) {
  static const char* const names[] = {"I", "II", "III", "IV"};
  return names[q - 1];
}

}  // namespace

Result<Period> Period::parse(std::string_view code, std::string_view field) {
  int year = 0;
  if (code.size() < 4 || !to_int(code.substr(0, 4), year) || year < 1930 || year > 9998) {
    return bad_period(field, code);
  }
  Period p;
  p.code = std::string(code);
  const auto rest = code.substr(4);
  if (rest.empty()) {
    p.kind = PeriodKind::year;
    p.first = ymd(year, 1, 1);
    p.last = ymd(year, 12, 31);
    return p;
  }
  if (rest[0] != '-') return bad_period(field, code);
  const auto tail = rest.substr(1);
  int n = 0;
  if (tail.size() == 2 && (tail[0] == 'Q' || tail[0] == 'q') && to_int(tail.substr(1), n) &&
      n >= 1 && n <= 4) {
    p.kind = PeriodKind::quarter;
    p.first = ymd(year, 3 * n - 2, 1);
    p.last = month_last(year, 3 * n);
    p.code = std::to_string(year) + "-Q" + std::to_string(n);
    return p;
  }
  if (tail.size() == 2 && (tail[0] == 'H' || tail[0] == 'h') && to_int(tail.substr(1), n) &&
      n >= 1 && n <= 2) {
    p.kind = PeriodKind::half_year;
    p.first = ymd(year, n == 1 ? 1 : 7, 1);
    p.last = n == 1 ? ymd(year, 6, 30) : ymd(year, 12, 31);
    p.code = std::to_string(year) + "-H" + std::to_string(n);
    return p;
  }
  if (tail.size() == 2 && to_int(tail, n) && n >= 1 && n <= 12) {
    p.kind = PeriodKind::month;
    p.first = ymd(year, n, 1);
    p.last = month_last(year, n);
    return p;
  }
  int end_year = 0;
  if (tail.size() == 4 && to_int(tail, end_year) && end_year > year && end_year - year <= 10) {
    p.kind = PeriodKind::term;
    p.first = ymd(year, 7, 1);
    p.last = ymd(end_year, 6, 30);
    return p;
  }
  return bad_period(field, code);
}

std::string Period::label_vi() const {
  const std::string y = std::to_string(last.year());
  switch (kind) {
    case PeriodKind::month: return "tháng " + std::to_string(first.month()) + " năm " + y;
    case PeriodKind::quarter:
      return std::string("quý ") + roman((first.month() + 2) / 3) + " năm " + y;
    case PeriodKind::half_year:
      return first.month() == 1 ? "6 tháng đầu năm " + y : "6 tháng cuối năm " + y;
    case PeriodKind::year: return "năm " + y;
    case PeriodKind::term: return "nhiệm kỳ " + std::to_string(first.year()) + " – " + y;
  }
  return y;
}

Period Period::next() const {
  const Date after = last.add_days(1);
  const int y = after.year();
  switch (kind) {
    case PeriodKind::month: {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, after.month());
      return *parse(buf);
    }
    case PeriodKind::quarter:
      return *parse(std::to_string(y) + "-Q" + std::to_string((after.month() + 2) / 3));
    case PeriodKind::half_year:
      return *parse(std::to_string(y) + (after.month() == 1 ? "-H1" : "-H2"));
    case PeriodKind::year: return *parse(std::to_string(y));
    case PeriodKind::term: {
      const int span = last.year() - first.year();
      return *parse(std::to_string(last.year()) + "-" + std::to_string(last.year() + span));
    }
  }
  return *this;
}

std::string_view to_string(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::month: return "month";
    case PeriodKind::quarter: return "quarter";
    case PeriodKind::half_year: return "half_year";
    case PeriodKind::year: return "year";
    case PeriodKind::term: return "term";
  }
  return "year";
}

}  // namespace dangvu
