#include "report/format.h"

#include <cmath>
#include <cstdlib>

#include "report/document.h"

namespace dangvu::report {

namespace {

std::string group_thousands(std::string digits) {
  std::string out;
  const auto n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string format_integer(std::int64_t value) {
  const bool negative = value < 0;
  // Through unsigned so that the lowest int64 has a magnitude too.
  const auto magnitude =
      negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  return (negative ? "-" : "") + group_thousands(std::to_string(magnitude));
}

std::string format_decimal(double value, int decimals) {
  if (!std::isfinite(value)) return "—";
  const double scale = std::pow(10.0, decimals);
  // Round on the decimal value, not the binary one: 25.95 must give 26,0 however it is stored.
  const double scaled = std::round(std::abs(value) * scale * (1 + 1e-12));
  const auto whole = static_cast<std::uint64_t>(scaled / scale);
  const auto frac = static_cast<std::uint64_t>(scaled - static_cast<double>(whole) * scale);
  std::string out = (value < 0 && scaled != 0 ? "-" : "") + group_thousands(std::to_string(whole));
  if (decimals > 0) {
    std::string f = std::to_string(frac);
    out += ',' + std::string(static_cast<std::size_t>(decimals) - f.size(), '0') + f;
  }
  return out;
}

std::string format_percent(double percent, int decimals) {
  if (!std::isfinite(percent)) return "—";
  return format_decimal(percent, decimals) + "%";
}

std::string Cell::display() const {
  if (!number) return text;
  switch (format) {
    case CellFormat::integer:
      return format_integer(static_cast<std::int64_t>(std::llround(*number)));
    case CellFormat::decimal1: return format_decimal(*number, 1);
    case CellFormat::percent1: return format_percent(*number, 1);
    case CellFormat::text: break;
  }
  return text;
}

}  // namespace dangvu::report
