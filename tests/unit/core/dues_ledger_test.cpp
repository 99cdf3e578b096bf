// A member's dues records and payments as the ledger reads them (core/dues_ledger.h): months
// typed and shown, the record in force (a correction replaces, a cancellation voids, a later
// start wins), the insured's base of the month before, a cancelled payment, and the org whose book
// holds a month when the member was admitted or transferred in it.
#include "core/dues_ledger.h"

#include <gtest/gtest.h>

namespace dangvu {
namespace {

Date d(const char* iso) { return Date::parse(iso).value(); }

DuesRecord basis(DuesRecordId id, const char* from, const char* category, Money base) {
  DuesRecord r;
  r.id = id;
  r.kind = DuesRecordKind::basis;
  r.from = d(from);
  r.category = category;
  r.base = base;
  return r;
}

TEST(DuesLedger, MonthsAreTypedAsYearMonthAndShownAsMonthYear) {
  EXPECT_EQ(parse_month("2026-02", "month").value(), d("2026-02-01"));
  EXPECT_EQ(parse_month("2026-13", "month").error().field, "month");
  EXPECT_FALSE(parse_month("2026-2", "month").ok());
  EXPECT_FALSE(parse_month("02/2026", "month").ok());
  EXPECT_EQ(month_vi(d("2026-02-01")), "02/2026");
  EXPECT_EQ(month_iso(d("2026-02-01")), "2026-02");
  EXPECT_EQ(month_of(d("2026-02-17")), d("2026-02-01"));
  EXPECT_EQ(next_month(d("2026-12-01")), d("2027-01-01"));
  EXPECT_EQ(months_between(d("2026-01-01"), d("2026-12-01")), 12);
  EXPECT_EQ(months_between(d("2026-06-01"), d("2027-05-01")), 12);
}

TEST(DuesLedger, TheRecordInForceIsTheLatestStartNeitherReplacedNorVoided) {
  std::vector<DuesRecord> records = {basis(1, "2026-01-01", "insured", 10'000'000),
                                     basis(2, "2026-03-01", "insured", 12'000'000)};
  DuesRecord fix = basis(3, "2026-03-01", "insured", 11'000'000);
  fix.replaces = 2;
  records.push_back(fix);
  const DuesLedger ledger(records, {});
  EXPECT_EQ(ledger.in_force(DuesRecordKind::basis, d("2026-02-01"))->id, 1);
  EXPECT_EQ(ledger.in_force(DuesRecordKind::basis, d("2026-04-01"))->id, 3);
  EXPECT_TRUE(ledger.replaced(2));
  EXPECT_EQ(ledger.in_force(DuesRecordKind::basis, d("2025-12-01")), nullptr);

  DuesRecord undo;
  undo.id = 4;
  undo.replaces = 3;
  undo.voids = true;
  records.push_back(undo);
  const DuesLedger voided(records, {});
  EXPECT_EQ(voided.in_force(DuesRecordKind::basis, d("2026-04-01"))->id, 1);
}

TEST(DuesLedger, TheInsuredPayOnTheSalaryOfTheMonthBefore) {
  const DuesRules rules = DuesRules::defaults();
  const DuesLedger ledger({basis(1, "2026-01-01", "insured", 10'000'000),
                           basis(2, "2026-03-01", "insured", 12'000'000)},
                          {});
  const MemberHistory none;
  EXPECT_EQ(ledger.basis_for(d("2026-03-01"), rules, none).base, 10'000'000);
  EXPECT_EQ(ledger.basis_for(d("2026-04-01"), rules, none).base, 12'000'000);
  // A pension is that of the month itself.
  const DuesLedger pension({basis(1, "2026-01-01", "pensioner", 8'000'000),
                            basis(2, "2026-03-01", "pensioner", 9'000'000)},
                           {});
  EXPECT_EQ(pension.basis_for(d("2026-03-01"), rules, none).base, 9'000'000);
}

TEST(DuesLedger, ACancelledPaymentLeavesItsMonthUnpaid) {
  DuesPayment p;
  p.id = 1;
  p.month = d("2026-02-01");
  p.amount = 100'000;
  DuesPayment c = p;
  c.id = 2;
  c.cancels = 1;
  EXPECT_NE(DuesLedger({}, {p}).paid(d("2026-02-01")), nullptr);
  const DuesLedger ledger({}, {p, c});
  EXPECT_EQ(ledger.paid(d("2026-02-01")), nullptr);
  EXPECT_TRUE(ledger.cancelled(1));
}

TEST(DuesLedger, AMonthIsInTheBookOfTheOrgOfItsFirstDayAsAMember) {
  MemberHistory h;
  auto period = [](const char* from, const char* to, MemberStatus s, std::optional<OrgId> org) {
    MemberPeriod p;
    p.from = d(from);
    p.to = to == nullptr ? Date::max() : d(to);
    p.status = s;
    p.org = org;
    return p;
  };
  h.periods = {period("2025-01-01", "2026-03-15", MemberStatus::candidate, 7),
               period("2026-03-15", "2026-06-20", MemberStatus::probationary, 7),
               period("2026-06-20", "2026-09-01", MemberStatus::probationary, 8),
               period("2026-09-01", nullptr, MemberStatus::deceased, std::nullopt)};
  EXPECT_EQ(dues_org_for(h, d("2026-02-01")), std::nullopt);  // a candidate
  EXPECT_EQ(dues_org_for(h, d("2026-03-01")), OrgId{7});      // admitted mid-month
  EXPECT_EQ(dues_org_for(h, d("2026-06-01")), OrgId{7});      // transferred on the 20th
  EXPECT_EQ(dues_org_for(h, d("2026-07-01")), OrgId{8});
  EXPECT_EQ(dues_org_for(h, d("2026-08-01")), OrgId{8});
  EXPECT_EQ(dues_org_for(h, d("2026-09-01")), std::nullopt);  // died on 01/09
}

}  // namespace
}  // namespace dangvu
