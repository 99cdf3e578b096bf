#include "service/demo_dues.h"

#include <algorithm>

#include "service/demo_rng.h"

namespace dangvu::service::demo {

DemoDues dues_of(const MemberHistory& history, const std::vector<DossierRecord>& dossier,
                 int province, std::int64_t serial, Date last, const DuesRules& rules,
                 const std::string& recorded_at) {
  DemoDues out;
  if (!history.first_admission) return out;
  Rng rng(0xD0E5'2026'0000'0000ULL ^ (static_cast<std::uint64_t>(province) << 40) ^
          static_cast<std::uint64_t>(serial));
  // Two years of dues: the one before the last event's and that one, across the 2025
  // reorganization when the demo ends in 2026.
  const Date this_january = month_of(last).add_months(1 - last.month());
  const Date first_month = this_january.add_months(-12);
  const Date last_month = month_of(last);
  std::optional<Date> start;
  for (Date m = first_month; m <= last_month; m = next_month(m)) {
    if (dues_org_for(history, m)) {
      start = m;
      break;
    }
  }
  if (!start) return out;

  // The category by what the person did that month (the dossier's occupation).
  const Dossier log(dossier);
  const auto occupation = log.value_at("occupation", *start);
  const std::string job = occupation ? occupation->value : "";
  auto round_100k = [](Money m) { return m / 100'000 * 100'000; };
  DuesRecord basis;
  basis.kind = DuesRecordKind::basis;
  basis.from = *start;
  if (job == "retired") {
    basis.category = "pensioner";
    basis.base = round_100k(4'000'000 + rng.below(80) * 100'000);
  } else if (job == "student") {
    basis.category = "student";
  } else {
    basis.category = "insured";
    basis.base = round_100k(5'000'000 + rng.below(200) * 100'000);
  }
  auto stamp = [&](DuesRecord& r) {
    r.id = static_cast<DuesRecordId>(out.records.size() + 1);
    r.recorded_at = recorded_at;
    r.recorded_by = "demo";
    out.records.push_back(r);
  };
  stamp(basis);
  const Date july = this_january.add_months(6);
  if (basis.category == "insured" && *start < july && july <= last_month && rng.chance(0.2)) {
    DuesRecord raise = basis;
    raise.from = july;
    raise.base = round_100k(*basis.base * (105 + rng.below(11)) / 100);
    stamp(raise);
  }
  if (basis.category != "student" && rng.chance(0.01)) {
    DuesRecord reduction;
    reduction.kind = DuesRecordKind::reduction;
    reduction.from = std::max(*start, first_month.add_months(rng.below(18)));
    reduction.to = reduction.from.add_months(5);
    reduction.percent = 50;
    reduction.decision_no = std::to_string(10 + rng.below(90)) + "-QĐ/ĐU";
    reduction.decided_by = "Đảng ủy cơ sở";
    reduction.note = "Hoàn cảnh gia đình khó khăn";
    stamp(reduction);
  }

  // Who misses months: most pay every month, some one or two, a few three or more.
  const double habit = static_cast<double>(rng.below(1000)) / 1000.0;
  const int missed = habit < 0.93 ? 0 : habit < 0.98 ? rng.between(1, 2) : rng.between(3, 5);
  std::vector<Date> months;
  for (Date m = *start; m <= last_month; m = next_month(m)) months.push_back(m);
  std::vector<Date> skipped;
  for (int k = 0; k < missed && !months.empty(); ++k) skipped.push_back(rng.pick(months));
  const DuesLedger ledger(out.records, {});
  for (Date m : months) {
    const auto org = dues_org_for(history, m);
    if (!org || std::find(skipped.begin(), skipped.end(), m) != skipped.end()) continue;
    auto owed = dues_owed(rules, ledger.basis_for(m, rules, history));
    if (!owed.ok() || owed->amount == 0) continue;
    DuesPayment p;
    p.id = static_cast<DuesPaymentId>(out.payments.size() + 1);
    p.month = m;
    p.amount = owed->amount;
    p.paid_on = std::min(last, m.add_days(rng.between(2, 24)));
    p.channel = rng.chance(0.15) ? DuesChannel::portal : DuesChannel::cash;
    if (p.channel == DuesChannel::portal) {
      p.reference =
          "DVC-" + std::to_string(province) + "-" + std::to_string(serial) + "-" + month_iso(m);
    }
    p.org = *org;
    p.recorded_at = recorded_at;
    p.recorded_by = "demo";
    out.payments.push_back(std::move(p));
  }
  return out;
}

namespace {

Date quarter_of(Date month) { return month.add_months(-((month.month() - 1) % 3)); }

}  // namespace

void add_to_send(DemoToSend& to_send, const std::vector<DuesPayment>& payments,
                 const OrgHistory& history, const DuesRules& rules) {
  for (const auto& p : payments) {
    const OrgVersion* v = history.version_at(p.org, p.month);
    const auto kept = v != nullptr ? rules.kept_bp.find(v->kind) : rules.kept_bp.end();
    const int bp = kept == rules.kept_bp.end() ? 0 : kept->second;
    to_send[{p.org, quarter_of(p.month)}] += p.amount - dues_share(rules, p.amount, bp);
  }
}

std::vector<DuesRemittance> remittances_of(const DemoToSend& to_send, const OrgHistory& history,
                                           int province, Date last,
                                           const std::string& recorded_at) {
  std::vector<DuesRemittance> out;
  const Date this_quarter = quarter_of(month_of(last));
  for (const auto& [key, amount] : to_send) {
    const auto& [org, first] = key;
    if (first >= this_quarter || amount <= 0) continue;
    std::uint64_t seed = 0x5E4D'0000'0000'0000ULL;
    seed ^= static_cast<std::uint64_t>(province) << 40U;
    seed ^= static_cast<std::uint64_t>(org) << 16U;
    seed ^= static_cast<std::uint64_t>(first.days());
    Rng rng(seed);
    const bool last_quarter = first.add_months(3) == this_quarter;
    const int habit = rng.below(100);
    if (last_quarter && habit < 8) continue;  // not yet sent
    DuesRemittance r;
    r.org = org;
    r.first_month = first;
    r.last_month = first.add_months(2);
    r.amount = habit < 15 ? amount / 2 : amount;  // part of it, the rest later
    r.sent_on = std::min(last, first.add_months(3).add_days(rng.between(2, 14)));
    const OrgVersion* v = history.version_at(org, r.sent_on);
    if (v == nullptr) v = history.version_at(org, r.last_month);
    if (v == nullptr || !v->parent) continue;
    r.recipient = *v->parent;
    r.reference = "PT-" + std::to_string(org) + "-" + month_iso(r.last_month);
    r.recorded_at = recorded_at;
    r.recorded_by = "demo";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dangvu::service::demo
