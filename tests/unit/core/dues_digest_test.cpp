// A member's dues digest (core/dues_digest.h): what the report reads is what the ledger gives —
// the records in force in their order (a corrected or voided record left out), the payments
// standing by year (a cancelled one left out) — and a text that is not a digest is refused.
#include "core/dues_digest.h"

#include <gtest/gtest.h>

namespace dangvu {
namespace {

Date d(const char* iso) { return Date::parse(iso).value(); }

DuesRecord record(DuesRecordId id, DuesRecordKind kind, const char* from) {
  DuesRecord r;
  r.id = id;
  r.kind = kind;
  r.from = d(from);
  return r;
}

DuesPayment payment(DuesPaymentId id, const char* month, Money amount, OrgId org) {
  DuesPayment p;
  p.id = id;
  p.month = d(month);
  p.amount = amount;
  p.org = org;
  return p;
}

TEST(DuesDigest, TheReportReadsWhatTheLedgerGives) {
  DuesRecord a = record(1, DuesRecordKind::basis, "2025-01-01");
  a.category = "insured";
  a.base = 10'000'000;
  DuesRecord b = record(2, DuesRecordKind::basis, "2026-03-01");
  b.category = "insured";
  b.base = 12'000'000;
  DuesRecord fix = b;
  fix.id = 3;
  fix.base = 11'000'000;
  fix.replaces = 2;
  DuesRecord student = record(4, DuesRecordKind::basis, "2026-09-01");
  student.category = "student";
  DuesRecord cut = record(5, DuesRecordKind::reduction, "2026-06-01");
  cut.to = d("2026-11-01");
  cut.percent = 50;
  cut.decision_no = "15-QĐ/ĐU";
  DuesRecord poor = record(6, DuesRecordKind::exemption, "2026-12-01");
  poor.ground = "poor_household";
  DuesPayment jan = payment(1, "2025-01-01", 100'000, 7);
  DuesPayment feb = payment(2, "2026-02-01", 100'000, 8);
  feb.channel = DuesChannel::portal;
  DuesPayment mar = payment(3, "2026-03-01", 100'000, 8);
  DuesPayment undo = mar;
  undo.id = 4;
  undo.cancels = 3;
  const DuesLedger ledger({a, b, fix, student, cut, poor}, {jan, feb, mar, undo});

  const DuesDigest digest = encode_dues_digest(ledger);
  ASSERT_EQ(digest.years.size(), 2u);
  std::vector<DuesRecord> records;
  ASSERT_TRUE(parse_dues_records(digest.records, records));
  ASSERT_EQ(records.size(), 5u);  // the corrected record left out
  std::vector<DuesPayment> payments, year;
  for (const auto& [y, text] : digest.years) {
    ASSERT_TRUE(parse_dues_payments(text, year)) << text;
    payments.insert(payments.end(), year.begin(), year.end());
  }
  ASSERT_EQ(payments.size(), 2u);  // March's cancelled
  EXPECT_EQ(payments[1].channel, DuesChannel::portal);
  EXPECT_EQ(payments[1].org, OrgId{8});
  for (std::size_t i = 0; i < payments.size(); ++i)
    payments[i].id = static_cast<DuesPaymentId>(i + 1);
  const DuesLedger read(records, payments);
  const DuesRules rules = DuesRules::defaults();
  for (Date m = d("2024-12-01"); m <= d("2027-02-01"); m = m.add_months(1)) {
    const DuesBasis x = ledger.basis_for(m, rules, 10), y = read.basis_for(m, rules, 10);
    EXPECT_EQ(x.category, y.category) << m.iso();
    EXPECT_EQ(x.base, y.base) << m.iso();
    EXPECT_EQ(x.exemption, y.exemption) << m.iso();
    EXPECT_EQ(x.reduction_percent, y.reduction_percent) << m.iso();
    const DuesPayment* p = ledger.paid(m);
    const DuesPayment* q = read.paid(m);
    ASSERT_EQ(p == nullptr, q == nullptr) << m.iso();
    if (p != nullptr) {
      EXPECT_EQ(p->amount, q->amount) << m.iso();
    }
  }
}

TEST(DuesDigest, ATextThatIsNotADigestIsRefused) {
  std::vector<DuesRecord> records;
  std::vector<DuesPayment> payments;
  EXPECT_TRUE(parse_dues_records("", records));
  EXPECT_FALSE(parse_dues_records("X\t24312\tinsured\t\n", records));
  EXPECT_FALSE(parse_dues_records("B\tabc\tinsured\t100\n", records));
  EXPECT_FALSE(parse_dues_records("B\t24312\tinsured\n", records));
  EXPECT_FALSE(parse_dues_payments("24312\t100000\t7\tx\n", payments));
  EXPECT_FALSE(parse_dues_payments("24312\t1e5\t7\tc\n", payments));
  EXPECT_TRUE(parse_dues_payments("24312\t100000\t7\tc\n", payments));
  EXPECT_EQ(payments.at(0).month, d("2026-01-01"));
}

}  // namespace
}  // namespace dangvu
