// What an org sends up the tree of the dues it collected (issue 21: nộp đảng phí lên cấp trên):
// recorded for a month or a quarter, appended and audited, cancelled by a record of its own; and
// an org's year of it beside what its book gives to send (the figures engine's dues report).
#include <nlohmann/json.hpp>

#include "core/period.h"
#include "figures/dues_report.h"
#include "service/dues.h"
#include "service/dues_limits.h"
#include "service/registry.h"
#include "service/validate.h"
#include "store/dues_store.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

// Every month a record can name (parse_month's years).
const Date kFirstMonth = *Date::from_ymd(1930, 1, 1);
const Date kLastMonth = *Date::from_ymd(2200, 12, 1);

// A month or a quarter, not yet begun refused.
Result<Period> remittance_period(const std::string& code, Date today) {
  auto period = Period::parse(code, "period");
  if (!period.ok()) return period.error();
  if (period->kind != PeriodKind::month && period->kind != PeriodKind::quarter) {
    return Error::invalid("period",
                          "Kỳ nộp đảng phí lên cấp trên: ghi theo tháng (ví dụ 2026-03) hoặc theo "
                          "quý (ví dụ 2026-Q1).",
                          "a remittance is for a month or a quarter");
  }
  if (period->first > today) {
    return Error::invalid("period", "Kỳ nộp: " + period->label_vi() + " chưa bắt đầu.",
                          "period in the future");
  }
  return period;
}

// "2026-03" for one month, "2026-Q1" for a quarter.
std::string period_code(const DuesRemittance& r) {
  if (r.first_month == r.last_month) return month_iso(r.first_month);
  return std::to_string(r.first_month.year()) + "-Q" +
         std::to_string((r.first_month.month() - 1) / 3 + 1);
}

}  // namespace

Result<DuesRemittanceId> Registry::record_dues_remittance(const DuesRemittanceInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  DANGVU_TRY(
      require_permission(auth::can_record_dues(caller_.role), "ghi đảng phí", "record party dues"));
  const Date today = clock_.today();
  auto period = remittance_period(in.period, today);
  if (!period.ok()) return period.error();
  if (!in.amount || *in.amount <= 0 || *in.amount > kMaxDuesRemittance) {
    return Error::invalid("amount",
                          "Số tiền nộp lên cấp trên: " +
                              (in.amount ? money_vi(*in.amount) : std::string("chưa ghi")) +
                              " không hợp lệ (từ 1 đ đến " + money_vi(kMaxDuesRemittance) + ").",
                          "amount out of range");
  }
  DuesRemittance r;
  r.first_month = month_of(period->first);
  r.last_month = month_of(period->last);
  r.amount = *in.amount;
  r.sent_on = today;
  if (!in.sent_on.empty()) {
    auto d = Date::parse(in.sent_on, "sent_on");
    if (!d.ok()) return d.error();
    if (*d > today) {
      return Error::invalid("sent_on", "Ngày nộp lên cấp trên (" + d->vi() + ") chưa tới.",
                            "sent in the future");
    }
    if (*d < period->first) {
      return Error::invalid(
          "sent_on",
          "Ngày nộp lên cấp trên (" + d->vi() + ") trước kỳ nộp (" + period->label_vi() + ").",
          "sent before the period");
    }
    r.sent_on = *d;
  }
  if (!in.reference.empty()) {
    auto clean = text::clean_field(in.reference, "reference", 200);
    if (!clean.ok()) return clean.error();
    r.reference = *clean;
  }
  if (!in.note.empty()) {
    auto clean = text::clean_field(in.note, "note", 200);
    if (!clean.ok()) return clean.error();
    r.note = *clean;
  }
  DuesRemittanceId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    DANGVU_TRY(require_in_scope(**history, *org, "org", in.org_code));
    const OrgVersion* during = (*history)->version_at(*org, period->last);
    if (during == nullptr) during = (*history)->version_at(*org, period->first);
    if (during == nullptr) {
      return Error::refused("period", "dues.org_not_in_period",
                            "«" + in.org_code + "» không tồn tại trong " + period->label_vi() +
                                ": không có đảng phí của kỳ này để nộp lên.",
                            "the org did not exist in the period");
    }
    const OrgVersion* on_day = (*history)->version_at(*org, r.sent_on);
    const OrgVersion* sender = on_day != nullptr ? on_day : during;
    if (!sender->parent) {
      return Error::refused("org", "dues.no_superior",
                            "«" + sender->name + "» không có cấp trên để nộp đảng phí lên.",
                            "the org has no superior");
    }
    r.org = *org;
    r.recipient = *sender->parent;
    store::DuesStore dues(store_);
    if (!r.reference.empty()) {
      auto recorded = dues.remittances(std::vector<OrgId>{*org}, kFirstMonth, kLastMonth);
      if (!recorded.ok()) return recorded.error();
      for (const auto& other : standing_remittances(*recorded)) {
        if (other.reference != r.reference) continue;
        return Error::conflict("reference",
                               "Chứng từ số «" + r.reference + "» đã ghi cho lần nộp ngày " +
                                   other.sent_on.vi() + " (" + money_vi(other.amount) + ").",
                               "reference already recorded");
      }
    }
    r.recorded_at = clock_.now_iso();
    r.recorded_by = actor_;
    auto appended = dues.append_remittance(r);
    if (!appended.ok()) return appended.error();
    id = *appended;
    json detail = {{"id", id},
                   {"period", period->code},
                   {"amount", r.amount},
                   {"sent_on", r.sent_on.iso()},
                   {"recipient", (*history)->code(*r.recipient)}};
    if (!r.reference.empty()) detail["reference"] = r.reference;
    return audit("dues.remit", in.org_code, detail.dump(), *org);
  }));
  return id;
}

Result<DuesRemittanceId> Registry::cancel_dues_remittance(const DuesRemittanceCancelInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  DANGVU_TRY(
      require_permission(auth::can_record_dues(caller_.role), "ghi đảng phí", "record party dues"));
  if (in.reason.empty()) {
    return Error::invalid("reason", "Hủy lần nộp đảng phí lên cấp trên: cần ghi lý do.",
                          "a cancellation needs its reason");
  }
  auto reason = text::clean_field(in.reason, "reason", 200);
  if (!reason.ok()) return reason.error();
  DuesRemittanceId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    DANGVU_TRY(require_in_scope(**history, *org, "org", in.org_code));
    store::DuesStore dues(store_);
    auto recorded = dues.remittances(std::vector<OrgId>{*org}, kFirstMonth, kLastMonth);
    if (!recorded.ok()) return recorded.error();
    const DuesRemittance* target = nullptr;
    bool cancelled = false;
    for (const auto& r : *recorded) {
      if (r.id == in.remittance && !r.cancels) target = &r;
      if (r.cancels && *r.cancels == in.remittance) cancelled = true;
    }
    if (target == nullptr) {
      return Error::not_found("remittance",
                              "Tổ chức này không có lần nộp đảng phí lên cấp trên số " +
                                  std::to_string(in.remittance) + ".",
                              "remittance is not this org's");
    }
    if (cancelled) {
      return Error::conflict("remittance",
                             "Lần nộp số " + std::to_string(in.remittance) + " đã được hủy.",
                             "remittance already cancelled");
    }
    DuesRemittance c = *target;
    c.cancels = target->id;
    c.sent_on = clock_.today();
    c.reference.clear();
    c.note = *reason;
    c.recorded_at = clock_.now_iso();
    c.recorded_by = actor_;
    auto appended = dues.append_remittance(c);
    if (!appended.ok()) return appended.error();
    id = *appended;
    return audit("dues.remit_cancel", in.org_code,
                 json{{"id", id},
                      {"cancels", target->id},
                      {"period", period_code(*target)},
                      {"amount", target->amount},
                      {"reason", *reason}}
                     .dump(),
                 *org);
  }));
  return id;
}

Result<DuesRemittancesView> Registry::dues_remittances(const std::string& org_code, int year) {
  DANGVU_TRY(check_code(org_code, "org"));
  const Date today = clock_.today();
  auto period = Period::parse(std::to_string(year), "year");
  if (!period.ok()) return period.error();
  if (period->first > today) {
    return Error::invalid("year", "Năm " + std::to_string(year) + " chưa bắt đầu.",
                          "year in the future");
  }
  auto history = figures().history(store_);
  if (!history.ok()) return history.error();
  auto org = require_org(org_code, "org");
  if (!org.ok()) return org.error();
  DANGVU_TRY(require_in_scope(**history, *org, "org", org_code));
  DuesRemittancesView v;
  v.org_code = org_code;
  v.year = year;
  v.as_of = std::min(period->last, today);
  const OrgVersion* named = (*history)->version_at(*org, v.as_of);
  if (named == nullptr) named = (*history)->latest(*org);
  v.org_name = named != nullptr ? named->name : "";
  std::vector<Date> months;
  for (Date m = period->first; m <= v.as_of; m = next_month(m)) months.push_back(m);
  auto report =
      figures::dues_report(store_, {**history, *org, months, month_of(today), rules_.dues});
  if (!report.ok()) return report.error();
  for (const auto& line : report->lines) {
    if (line.org != *org) continue;
    v.collected = line.figures.collected;
    v.kept = line.figures.kept;
    v.to_send = line.figures.remitted;
    v.sent = line.figures.sent_up;
  }
  store::DuesStore dues(store_);
  auto recorded = dues.remittances(std::vector<OrgId>{*org}, period->first, month_of(period->last));
  if (!recorded.ok()) return recorded.error();
  for (const auto& r : *recorded) {
    DuesRemittanceView rv;
    rv.record = r;
    rv.period = period_code(r);
    auto p = Period::parse(rv.period, "period");
    if (p.ok()) rv.period_label = p->label_vi();
    if (r.recipient) {
      rv.recipient_code = (*history)->code(*r.recipient);
      const OrgVersion* to = (*history)->version_at(*r.recipient, r.sent_on);
      if (to == nullptr) to = (*history)->latest(*r.recipient);
      if (to != nullptr) rv.recipient_name = to->name;
    }
    for (const auto& c : *recorded) {
      if (c.cancels && *c.cancels == r.id) rv.cancelled = true;
    }
    v.records.push_back(std::move(rv));
  }
  return v;
}

}  // namespace dangvu::service
