#include "core/dues_digest.h"

#include <charconv>

namespace dangvu {
namespace {

int month_number(Date month) { return month.year() * 12 + month.month() - 1; }

std::optional<Date> month_from_number(long long n) {
  if (n < 0 || n > 9999 * 12) return std::nullopt;
  auto d = Date::from_ymd(static_cast<int>(n / 12), static_cast<int>(n % 12) + 1, 1);
  if (!d.ok()) return std::nullopt;
  return *d;
}

void field(std::string& out, std::string_view text) {
  out += '\t';
  out += text;
}

// The tab-separated fields of a line, as views.
std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> parts;
  std::size_t at = 0;
  while (true) {
    const std::size_t tab = line.find('\t', at);
    parts.push_back(line.substr(at, tab == std::string_view::npos ? tab : tab - at));
    if (tab == std::string_view::npos) return parts;
    at = tab + 1;
  }
}

bool number(std::string_view text, long long& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool month(std::string_view text, Date& out) {
  long long n = 0;
  if (!number(text, n)) return false;
  auto d = month_from_number(n);
  if (!d) return false;
  out = *d;
  return true;
}

// Calls `each` with every line of `text`; false as soon as one returns false.
template <typename Each>
bool each_line(std::string_view text, Each each) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    if (!each(split(text.substr(at, nl - at)))) return false;
    at = nl + 1;
  }
  return true;
}

}  // namespace

DuesDigest encode_dues_digest(const DuesLedger& ledger) {
  DuesDigest d;
  for (const auto& r : ledger.records()) {
    if (r.voids || ledger.replaced(r.id)) continue;
    std::string line;
    switch (r.kind) {
      case DuesRecordKind::basis:
        line = "B";
        field(line, std::to_string(month_number(r.from)));
        field(line, r.category);
        field(line, r.base ? std::to_string(*r.base) : "");
        break;
      case DuesRecordKind::exemption:
        line = "E";
        field(line, std::to_string(month_number(r.from)));
        field(line, r.to ? std::to_string(month_number(*r.to)) : "");
        field(line, r.ground);
        break;
      case DuesRecordKind::reduction:
        line = "R";
        field(line, std::to_string(month_number(r.from)));
        field(line, r.to ? std::to_string(month_number(*r.to)) : "");
        field(line, std::to_string(r.percent));
        break;
    }
    d.records += line + '\n';
  }
  for (const auto& p : ledger.payments()) {
    if (p.cancels || ledger.cancelled(p.id)) continue;
    std::string& year = d.years[p.month.year()];
    year += std::to_string(month_number(p.month));
    field(year, std::to_string(p.amount));
    field(year, std::to_string(p.org));
    field(year, p.channel == DuesChannel::portal ? "p" : "c");
    year += '\n';
  }
  return d;
}

bool parse_dues_records(std::string_view text, std::vector<DuesRecord>& out) {
  out.clear();
  return each_line(text, [&](const std::vector<std::string_view>& f) {
    if (f.size() != 4 || f[0].size() != 1) return false;
    DuesRecord r;
    r.id = static_cast<DuesRecordId>(out.size() + 1);
    if (!month(f[1], r.from)) return false;
    long long n = 0;
    switch (f[0][0]) {
      case 'B':
        r.kind = DuesRecordKind::basis;
        r.category = std::string(f[2]);
        if (!f[3].empty()) {
          if (!number(f[3], n)) return false;
          r.base = n;
        }
        break;
      case 'E':
      case 'R': {
        r.kind = f[0][0] == 'E' ? DuesRecordKind::exemption : DuesRecordKind::reduction;
        if (!f[2].empty()) {
          Date to;
          if (!month(f[2], to)) return false;
          r.to = to;
        }
        if (r.kind == DuesRecordKind::exemption) {
          r.ground = std::string(f[3]);
        } else {
          if (!number(f[3], n)) return false;
          r.percent = static_cast<int>(n);
        }
        break;
      }
      default: return false;
    }
    out.push_back(std::move(r));
    return true;
  });
}

bool parse_dues_payments(std::string_view text, std::vector<DuesPayment>& out) {
  out.clear();
  return each_line(text, [&](const std::vector<std::string_view>& f) {
    if (f.size() != 4) return false;
    DuesPayment p;
    p.id = static_cast<DuesPaymentId>(out.size() + 1);
    long long amount = 0, org = 0;
    if (!month(f[0], p.month) || !number(f[1], amount) || !number(f[2], org)) return false;
    if (f[3] != "c" && f[3] != "p") return false;
    p.amount = amount;
    p.org = org;
    p.channel = f[3] == "p" ? DuesChannel::portal : DuesChannel::cash;
    p.paid_on = p.month;
    out.push_back(p);
    return true;
  });
}

}  // namespace dangvu
