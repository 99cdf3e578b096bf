// Date cells and texts.
#include "io/dates.h"

#include <cctype>
#include <cmath>

#include "text/fold.h"

namespace dangvu::io {
namespace {

struct Parts {
  int a = 0, b = 0, year = 0;
  int year_digits = 0;
  bool iso = false;
};

// Splits "d/m/y", "d-m-y", "d.m.y", "y-m-d" and the folded "ngay d thang m nam y" into numbers.
std::optional<Parts> split(std::string_view raw) {
  std::string folded = text::fold(raw);  // "05/03/1980" → "05 03 1980"; words folded too
  std::vector<std::string> words;
  std::string current;
  for (char c : folded) {
    if (c == ' ') {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(current);
  if (words.size() == 6 && words[0] == "ngay" && words[2] == "thang" && words[4] == "nam") {
    words = {words[1], words[3], words[5]};
  }
  if (words.size() != 3) return std::nullopt;
  std::vector<int> numbers;
  std::vector<std::size_t> digits;
  for (const auto& w : words) {
    if (w.empty() || w.size() > 4) return std::nullopt;
    int n = 0;
    for (char c : w) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      n = n * 10 + (c - '0');
    }
    numbers.push_back(n);
    digits.push_back(w.size());
  }
  Parts p;
  if (digits[0] == 4) {
    if (digits[1] > 2 || digits[2] > 2) return std::nullopt;
    p.iso = true;
    p.year = numbers[0];
    p.a = numbers[2];  // day
    p.b = numbers[1];  // month
    p.year_digits = 4;
    return p;
  }
  if (digits[0] > 2 || digits[1] > 2 || (digits[2] != 2 && digits[2] != 4)) return std::nullopt;
  p.a = numbers[0];
  p.b = numbers[1];
  p.year = numbers[2];
  p.year_digits = static_cast<int>(digits[2]);
  return p;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

DateOrder settle_order(const std::vector<std::string_view>& texts) {
  bool day_first = false, month_first = false;
  for (auto t : texts) {
    auto p = split(t);
    if (!p || p->iso) continue;
    if (p->a > 12 && p->b <= 12) day_first = true;
    if (p->b > 12 && p->a <= 12) month_first = true;
  }
  if (day_first && month_first) return DateOrder::conflicting;
  if (day_first) return DateOrder::day_first;
  if (month_first) return DateOrder::month_first;
  return DateOrder::unsettled;
}

ParsedDate date_from_serial(double serial, bool date1904) {
  ParsedDate out;
  double whole = std::floor(serial);
  if (!(whole >= 1 && whole <= 2958465)) {
    out.error_vi = "số ngày kiểu Excel «" + std::to_string(static_cast<long long>(whole)) +
                   "» nằm ngoài khoảng ngày hợp lệ.";
    return out;
  }
  auto days = static_cast<std::int32_t>(whole);
  if (date1904) {
    out.date = Date::from_ymd(1904, 1, 1).value().add_days(days);
  } else if (days == 60) {
    out.error_vi =
        "số ngày kiểu Excel 60 là ngày 29/02/1900, một ngày không có thật (lỗi của Excel).";
    return out;
  } else if (days < 60) {
    out.date = Date::from_ymd(1900, 1, 1).value().add_days(days - 1);
  } else {
    out.date = Date::from_ymd(1900, 1, 1).value().add_days(days - 2);
  }
  return out;
}

double excel_serial(Date d) {
  return static_cast<double>(d.days() - Date::from_ymd(1900, 1, 1).value().days() + 2);
}

ParsedDate parse_date_cell(const Cell& cell, DateOrder order, bool date1904, int this_year) {
  ParsedDate out;
  if (cell.kind == CellKind::date || cell.kind == CellKind::number) {
    return date_from_serial(cell.number, date1904);
  }
  auto p = split(cell.text);
  if (!p) {
    out.error_vi = "«" + cell.text + "» không phải ngày; viết ngày/tháng/năm, ví dụ 05/03/1980.";
    return out;
  }
  int day = p->a, month = p->b, year = p->year;
  if (!p->iso) {
    bool ambiguous = p->a <= 12 && p->b <= 12 && p->a != p->b;
    if (order == DateOrder::month_first) std::swap(day, month);
    if (ambiguous && order == DateOrder::conflicting) {
      out.error_vi = "«" + cell.text +
                     "» có thể là ngày/tháng hoặc tháng/ngày, và cột này có cả hai cách viết; "
                     "ghi rõ năm-tháng-ngày (ví dụ 1980-03-05).";
      return out;
    }
    if (p->year_digits == 2) {
      int century = (2000 + year <= this_year) ? 2000 : 1900;
      year += century;
      out.warning_vi =
          "năm viết hai chữ số «" + cell.text + "» được hiểu là năm " + std::to_string(year) + ".";
    }
    if (ambiguous && order == DateOrder::unsettled) {
      std::string w = "«" + cell.text + "» có thể là ngày " + two(p->a) + "/" + two(p->b) +
                      " hoặc ngày " + two(p->b) + "/" + two(p->a) +
                      "; đã hiểu là ngày/tháng (ngày " + two(day) + " tháng " + two(month) + ").";
      out.warning_vi = out.warning_vi.empty() ? w : out.warning_vi + " " + w;
    }
  }
  if (year < 1900 || year > 2100) {
    out.warning_vi.clear();
    out.error_vi = "«" + cell.text + "»: năm " + std::to_string(year) + " nằm ngoài 1900–2100.";
    return out;
  }
  auto d = Date::from_ymd(year, month, day);
  if (!d.ok()) {
    out.warning_vi.clear();
    out.error_vi = "«" + cell.text + "» không phải ngày có thật.";
    return out;
  }
  out.date = *d;
  return out;
}

}  // namespace dangvu::io
