#include "core/dues_ledger.h"

#include <algorithm>
#include <cstdio>

namespace dangvu {

Result<Date> parse_month(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return Error::invalid(std::string(field),
                          "Trường «" + std::string(field) + "»: tháng «" + std::string(text) +
                              "» không đúng dạng năm-tháng (ví dụ 2026-02).",
                          "month is not YYYY-MM");
  };
  if (text.size() != 7 || text[4] != '-') return bad();
  for (const char c : {text[0], text[1], text[2], text[3], text[5], text[6]}) {
    if (c < '0' || c > '9') return bad();
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  auto d = Date::from_ymd(year, month, 1, field);
  if (!d.ok() || year < 1930) return bad();
  return *d;
}

std::string month_iso(Date month) { return month.iso().substr(0, 7); }

std::string month_vi(Date month) { return month.vi().substr(3); }

Date month_of(Date day) { return day.add_days(1 - day.day()); }

Date next_month(Date month) { return month_of(month).add_months(1); }

int months_between(Date from, Date to) {
  return (to.year() - from.year()) * 12 + to.month() - from.month() + 1;
}

std::string_view to_string(DuesRecordKind k) {
  switch (k) {
    case DuesRecordKind::basis: return "basis";
    case DuesRecordKind::exemption: return "exemption";
    case DuesRecordKind::reduction: return "reduction";
  }
  return "basis";
}

std::optional<DuesRecordKind> parse_dues_record_kind(std::string_view text) {
  for (auto k : {DuesRecordKind::basis, DuesRecordKind::exemption, DuesRecordKind::reduction}) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

std::string_view to_string(DuesChannel c) { return c == DuesChannel::portal ? "portal" : "cash"; }

std::string_view label_vi(DuesChannel c) {
  return c == DuesChannel::portal ? "Cổng Dịch vụ công quốc gia" : "Tiền mặt tại chi bộ";
}

std::optional<DuesChannel> parse_dues_channel(std::string_view text) {
  if (text == "cash") return DuesChannel::cash;
  if (text == "portal") return DuesChannel::portal;
  return std::nullopt;
}

DuesLedger::DuesLedger(std::vector<DuesRecord> records, std::vector<DuesPayment> payments)
    : records_(std::move(records)), payments_(std::move(payments)) {
  std::sort(records_.begin(), records_.end(),
            [](const DuesRecord& a, const DuesRecord& b) { return a.id < b.id; });
  for (const auto& r : records_) {
    if (r.replaces) replaced_.push_back(*r.replaces);
  }
  std::sort(replaced_.begin(), replaced_.end());
  for (const auto& p : payments_) {
    if (p.cancels) cancelled_.push_back(*p.cancels);
  }
  std::sort(cancelled_.begin(), cancelled_.end());
}

bool DuesLedger::replaced(DuesRecordId id) const {
  return std::binary_search(replaced_.begin(), replaced_.end(), id);
}

const DuesRecord* DuesLedger::record(DuesRecordId id) const {
  for (const auto& r : records_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

bool DuesLedger::cancelled(DuesPaymentId id) const {
  return std::binary_search(cancelled_.begin(), cancelled_.end(), id);
}

const DuesPayment* DuesLedger::paid(Date month) const {
  for (const auto& p : payments_) {
    if (!p.cancels && p.month == month && !cancelled(p.id)) return &p;
  }
  return nullptr;
}

const DuesRecord* DuesLedger::in_force(DuesRecordKind kind, Date month) const {
  const DuesRecord* found = nullptr;
  for (const auto& r : records_) {
    if (r.kind != kind || r.voids || replaced(r.id)) continue;
    if (r.from > month || (r.to && *r.to < month)) continue;
    // A basis holds until a later one starts: the latest start wins, then the latest recorded.
    if (found == nullptr || r.from >= found->from) found = &r;
  }
  return found;
}

DuesBasis DuesLedger::basis_for(Date month, const DuesRules& rules,
                                const MemberHistory& history) const {
  return basis_for(month, rules, history.party_age_years(month));
}

DuesBasis DuesLedger::basis_for(Date month, const DuesRules& rules, int party_age_years) const {
  DuesBasis b;
  if (const DuesRecord* r = in_force(DuesRecordKind::basis, month)) {
    b.category = r->category;
    b.base = r->base;
    // The insured pay on the salary of the month before: the base recorded for that month.
    const DuesCategory* cat = rules.category(r->category);
    if (cat != nullptr && cat->base_of_month_before) {
      const DuesRecord* before = in_force(DuesRecordKind::basis, month.add_months(-1));
      b.base = before != nullptr && before->category == r->category ? before->base : r->base;
    }
  }
  if (const DuesRecord* r = in_force(DuesRecordKind::exemption, month)) b.exemption = r->ground;
  if (const DuesRecord* r = in_force(DuesRecordKind::reduction, month)) {
    b.reduction_percent = r->percent;
  }
  b.party_age_years = party_age_years;
  return b;
}

std::optional<OrgId> dues_org_for(const MemberHistory& history, Date month) {
  return dues_org_in(history.periods, month);
}

}  // namespace dangvu
