// Party dues on a registry built by hand (issue 21): the regulation's examples computed from each
// member's recorded basis (the insured on the salary of the month before, a pension, a maternity
// allowance, a student, a 50% reduction, 50 years of party age, a probationary member); the
// branch's book for a year, with a member transferred in mid-year appearing from then; a month
// recorded for the whole branch in one action; the unpaid months flagged; and every bad input
// refused by name with nothing written.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "report/dues_document.h"
#include "report/format.h"
#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

class DuesTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "", "1970-01-01");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU", "1970-01-01");
    org("S1", "Chi bộ Văn phòng", "sub_branch", "DB", "1970-01-01");
    org("S2", "Chi bộ Kế toán", "sub_branch", "DB", "1970-01-01");
    admit("A", "An", "S1", "2015-03-03");
    admit("B", "Bình", "S1", "1990-04-04");
    admit("C", "Chi", "S1", "2012-05-05");
    admit("D", "Dũng", "S1", "2024-06-06");
    admit("E", "Én", "S1", "2010-07-07");
    admit("F", "Phúc", "S1", "1976-07-15");
    admit("G", "Giang", "S1", "2026-03-01", false);  // probationary all year
    admit("H", "Hà", "S2", "2011-08-08");
    event("H", "transfer", "2026-05-01", "S1");
    basis("A", "insured", 10'000'000, "2026-01");
    basis("A", "insured", 12'000'000, "2026-03");
    basis("B", "pensioner", 8'000'000, "2026-01");
    basis("C", "sickness_maternity", 12'000'000, "2026-01");
    basis("D", "student", std::nullopt, "2026-01");
    basis("E", "insured", 10'000'000, "2026-01");
    basis("F", "insured", 9'000'000, "2026-01");
    basis("G", "insured", 7'000'000, "2026-03");
    basis("H", "insured", 6'000'000, "2026-01");
    DuesRecordInput r{.member_code = "E", .kind = "reduction", .from = "2026-06", .to = "2026-11"};
    r.percent = 50;
    r.decision_no = "15-QĐ/ĐU";
    r.decided_by = "Đảng ủy Sở Tài chính";
    ASSERT_TRUE(registry_->record_dues(r).ok());
  }

  void admit(const std::string& code, const std::string& given, const std::string& org,
             const std::string& on, bool recognize = true) {
    const std::string born = std::to_string(std::stoi(on.substr(0, 4)) - 25) + "-01-01";
    person({.code = code, .given = given, .org = org, .date = on, .birth_date = born});
    if (recognize) event(code, "recognition", D(on.c_str()).add_years(1).add_days(7).iso());
  }

  void basis(const std::string& code, const std::string& category, std::optional<long long> base,
             const std::string& from) {
    DuesRecordInput r{.member_code = code, .kind = "basis", .from = from, .category = category};
    r.base = base;
    auto id = registry_->record_dues(r);
    ASSERT_TRUE(id.ok()) << code << ": " << id.error().message_vi;
  }

  // What `code` owes for `month` ("2026-02"), -1 when nothing can be computed.
  Money owed(const std::string& code, const std::string& month) {
    auto v = registry_->member_dues(code, 2026);
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().message_vi);
    if (!v.ok()) return -2;
    const int m = std::stoi(month.substr(5));
    const DuesMonthView& mv = v->months.at(static_cast<std::size_t>(m - 1));
    return mv.owed ? mv.owed->amount : -1;
  }

  const DuesBookRow* row(const DuesBookView& book, const std::string& code) {
    for (const auto& r : book.rows) {
      if (r.member_code == code) return &r;
    }
    return nullptr;
  }

  DuesMonthInput month_of_branch(const std::string& org, const std::string& month,
                                 std::vector<std::string> codes) {
    DuesMonthInput in{.org_code = org, .month = month, .payments = {}};
    for (auto& c : codes) in.payments.push_back({.member_code = c, .paid_on = month + "-10"});
    return in;
  }
};

TEST_F(DuesTest, TheRegulationsExamplesFromTheRecordedBasis) {
  // The insured pay 1% of the salary of the month before: 10.000.000 đ in January → 100.000 đ
  // for February; the raise recorded from March counts from April.
  EXPECT_EQ(owed("A", "2026-02"), 100'000);
  EXPECT_EQ(owed("A", "2026-03"), 100'000);
  EXPECT_EQ(owed("A", "2026-04"), 120'000);
  EXPECT_EQ(owed("B", "2026-05"), 40'000);   // 0.5% of a pension of 8.000.000 đ
  EXPECT_EQ(owed("C", "2026-05"), 120'000);  // 1% of a maternity allowance of 12.000.000 đ
  EXPECT_EQ(owed("D", "2026-05"), 5'000);    // a student
  EXPECT_EQ(owed("E", "2026-05"), 100'000);
  EXPECT_EQ(owed("E", "2026-06"), 50'000);  // the 50% reduction, June to November
  EXPECT_EQ(owed("E", "2026-11"), 50'000);
  EXPECT_EQ(owed("E", "2026-12"), 100'000);
  // Admitted on 15/07/1976: 49 years 11 months on 01/07/2026 pays in full, 50 years from August.
  EXPECT_EQ(owed("F", "2026-07"), 90'000);
  EXPECT_EQ(owed("F", "2026-08"), 0);
  // A probationary member pays like a full one, from the month of admission; nothing before.
  EXPECT_EQ(owed("G", "2026-03"), 70'000);
  EXPECT_EQ(owed("G", "2026-02"), -1);
  auto g = registry_->member_dues("G", 2026);
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(g->months[1].in_book);
  EXPECT_TRUE(g->months[2].in_book);
}

TEST_F(DuesTest, TheBranchsBookHoldsItsMembersOfEachMonthAndAMonthIsOneAction) {
  auto book = registry_->dues_book("S1", 2026);
  ASSERT_TRUE(book.ok()) << book.error().message_vi;
  EXPECT_EQ(book->rows.size(), 8u);  // A–H: H from May
  EXPECT_EQ(book->last_month, D("2026-12-01"));
  const DuesBookRow* h = row(*book, "H");
  ASSERT_NE(h, nullptr);
  EXPECT_FALSE(h->months[3].in_book);  // April: in S2's book
  EXPECT_TRUE(h->months[4].in_book);
  auto s2 = registry_->dues_book("S2", 2026);
  ASSERT_TRUE(s2.ok());
  ASSERT_EQ(s2->rows.size(), 1u);
  EXPECT_TRUE(s2->rows[0].months[3].in_book);
  EXPECT_FALSE(s2->rows[0].months[4].in_book);

  // November for the whole branch, amounts prefilled: one action, one payment each.
  auto ids = registry_->record_dues_month(
      month_of_branch("S1", "2026-11", {"A", "B", "C", "D", "E", "G", "H"}));
  ASSERT_TRUE(ids.ok()) << ids.error().message_vi;
  EXPECT_EQ(ids->size(), 7u);
  book = registry_->dues_book("S1", 2026);
  ASSERT_TRUE(book.ok());
  const DuesBookRow* e = row(*book, "E");
  ASSERT_TRUE(e->months[10].payment.has_value());
  EXPECT_EQ(e->months[10].payment->amount, 50'000);
  // F owes nothing since August: not ticked, not unpaid.
  EXPECT_EQ(row(*book, "F")->months[10].owed->amount, 0);
  // Eight months unpaid from March to October for G (admitted in March): flagged for the branch.
  EXPECT_EQ(row(*book, "G")->unpaid_months, 8);
  EXPECT_TRUE(row(*book, "G")->flagged);
  // The book's totals are the sum of its rows.
  Money paid = 0, owed_total = 0;
  for (const auto& r : book->rows) {
    paid += r.paid;
    owed_total += r.owed;
  }
  EXPECT_EQ(book->paid, paid);
  EXPECT_EQ(book->owed, owed_total);
  EXPECT_EQ(paid, 120'000 + 40'000 + 120'000 + 5'000 + 50'000 + 70'000 + 60'000);
}

TEST_F(DuesTest, ThreeUnpaidMonthsOfTheYearPutAMemberOnTheBranchsList) {
  // D pays every month but three.
  for (const char* m :
       {"2026-01", "2026-02", "2026-03", "2026-05", "2026-06", "2026-08", "2026-09", "2026-11"}) {
    ASSERT_TRUE(registry_->record_dues_month(month_of_branch("S1", m, {"D"})).ok()) << m;
  }
  auto book = registry_->dues_book("S1", 2026);
  ASSERT_TRUE(book.ok());
  EXPECT_EQ(row(*book, "D")->unpaid_months, 3);  // April, July, October
  EXPECT_TRUE(row(*book, "D")->flagged);
  ASSERT_TRUE(registry_->record_dues_month(month_of_branch("S1", "2026-10", {"D"})).ok());
  book = registry_->dues_book("S1", 2026);
  EXPECT_EQ(row(*book, "D")->unpaid_months, 2);
  EXPECT_FALSE(row(*book, "D")->flagged);
}

TEST_F(DuesTest, TheBookTellsOfAPartyAgeThatExemptsAndAReductionEnding) {
  admit("K", "Khang", "S1", "1976-12-10");  // 50 years of party age on 10/12/2026
  basis("K", "pensioner", 6'000'000, "2026-01");
  DuesRecordInput r{.member_code = "B", .kind = "reduction", .from = "2026-07", .to = "2026-12"};
  r.percent = 30;
  r.decision_no = "21-QĐ/ĐU";
  r.decided_by = "Đảng ủy Sở Tài chính";
  ASSERT_TRUE(registry_->record_dues(r).ok());
  auto book = registry_->dues_book("S1", 2026);
  ASSERT_TRUE(book.ok());
  const DuesBookRow* k = row(*book, "K");
  ASSERT_EQ(k->notices.size(), 1u);
  EXPECT_EQ(k->notices[0].rule, "dues.party_age_exempt");
  EXPECT_EQ(k->notices[0].message, "Đủ 50 năm tuổi Đảng: miễn đóng đảng phí từ tháng 01/2027.");
  EXPECT_EQ(k->months[11].owed->amount, 30'000);  // December in full
  const DuesBookRow* b = row(*book, "B");
  ASSERT_EQ(b->notices.size(), 1u);
  EXPECT_EQ(b->notices[0].rule, "dues.reduction_ending");
  EXPECT_NE(b->notices[0].message.find("đến hết tháng 12/2026"), std::string::npos);
  EXPECT_TRUE(row(*book, "E")->notices.empty());  // its reduction ended in November
}

TEST_F(DuesTest, ACancelledPaymentLeavesTheMonthOpenAndStaysOnRecord) {
  auto ids = registry_->record_dues_month(month_of_branch("S1", "2026-09", {"A"}));
  ASSERT_TRUE(ids.ok());
  auto again = refused(
      [&] { return registry_->record_dues_month(month_of_branch("S1", "2026-09", {"A"})); });
  EXPECT_EQ(again.kind, ErrorKind::conflict);
  EXPECT_NE(again.message_vi.find("đã nộp đảng phí tháng 09/2026"), std::string::npos);
  auto cancel = registry_->cancel_dues_payment({"A", ids->front(), "Ghi nhầm tháng"});
  ASSERT_TRUE(cancel.ok()) << cancel.error().message_vi;
  auto twice = refused([&] { return registry_->cancel_dues_payment({"A", ids->front(), "Lại"}); });
  EXPECT_EQ(twice.kind, ErrorKind::conflict);
  auto v = registry_->member_dues("A", 2026);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->months[8].payment.has_value());
  EXPECT_EQ(v->payments.size(), 2u);  // the payment and its cancellation
  ASSERT_TRUE(registry_->record_dues_month(month_of_branch("S1", "2026-09", {"A"})).ok());
}

TEST_F(DuesTest, ACorrectionReplacesTheBasisAndACancellationVoidsIt) {
  auto v = registry_->member_dues("B", 2026);
  ASSERT_TRUE(v.ok());
  const DuesRecordId first = v->records.front().id;
  DuesRecordInput fix{
      .member_code = "B", .kind = "basis", .from = "2026-01", .category = "pensioner"};
  fix.base = 9'000'000;
  fix.replaces = first;
  ASSERT_TRUE(registry_->record_dues(fix).ok());
  EXPECT_EQ(owed("B", "2026-05"), 45'000);
  auto stale = refused([&] { return registry_->record_dues(fix); });  // the first is replaced
  EXPECT_EQ(stale.field, "replaces");
  v = registry_->member_dues("B", 2026);
  DuesRecordInput undo{.member_code = "B", .kind = "basis"};
  undo.replaces = v->records.back().id;
  undo.voids = true;
  ASSERT_TRUE(registry_->record_dues(undo).ok());
  EXPECT_EQ(owed("B", "2026-05"), -1);  // no basis left in force
  // The office's gap, not the member's debt: shown as missing, not counted towards the flag.
  auto book = registry_->dues_book("S1", 2026);
  ASSERT_TRUE(book.ok());
  EXPECT_EQ(row(*book, "B")->months[4].missing, "category");
  EXPECT_EQ(row(*book, "B")->unpaid_months, 0);
  EXPECT_FALSE(row(*book, "B")->flagged);
}

TEST_F(DuesTest, BadInputIsRefusedByNameAndWritesNothing) {
  auto month = [&](const std::string& code, const std::string& m, std::optional<long long> amount) {
    DuesMonthInput in = month_of_branch("S1", m, {code});
    in.payments[0].amount = amount;
    return registry_->record_dues_month(in);
  };
  auto e = refused([&] { return month("A", "2026-05", -5'000); });
  EXPECT_EQ(e.field, "payments[0].amount");
  e = refused([&] { return month("A", "2026-05", 500'000'000); });  // a typing slip
  EXPECT_EQ(e.field, "payments[0].amount");
  e = refused([&] { return month("A", "2026-05", 50'000); });  // less than owed
  EXPECT_EQ(e.rule, "dues.short");
  e = refused([&] { return month("G", "2026-02", std::nullopt); });  // before the admission
  EXPECT_EQ(e.rule, "dues.not_member");
  e = refused([&] { return month("H", "2026-03", std::nullopt); });  // then in S2's book
  EXPECT_EQ(e.rule, "dues.other_book");
  e = refused([&] { return month("A", "2026-5", std::nullopt); });
  EXPECT_EQ(e.field, "month");
  e = refused([&] {
    DuesMonthInput in = month_of_branch("S1", "2026-05", {"A", "B"});
    in.payments[1].paid_on = "2027-01-01";
    return registry_->record_dues_month(in);
  });
  EXPECT_EQ(e.field, "payments[1].paid_on");
  e = refused([&] {  // one bad row: nothing of the month is written
    return registry_->record_dues_month(month_of_branch("S1", "2026-05", {"A", "B", "G", "Z"}));
  });
  EXPECT_EQ(e.field, "payments[3].member");

  DuesRecordInput r{.member_code = "A", .kind = "reduction", .from = "2026-01", .to = "2027-02"};
  r.percent = 50;
  r.decision_no = "1-QĐ/ĐU";
  r.decided_by = "Đảng ủy";
  e = refused([&] { return registry_->record_dues(r); });  // 14 months
  EXPECT_EQ(e.rule, "dues.reduction_months");
  r.to = "2026-06";
  r.percent = 40;
  e = refused([&] { return registry_->record_dues(r); });
  EXPECT_EQ(e.rule, "dues.reduction_rate");
  DuesRecordInput x{.member_code = "A", .kind = "exemption", .from = "2026-01"};
  x.decision_no = "2-QĐ/ĐU";
  x.decided_by = "Đảng ủy";
  e = refused([&] { return registry_->record_dues(x); });
  EXPECT_EQ(e.field, "ground");
  DuesRecordInput b{.member_code = "A", .kind = "basis", .from = "2026-01", .category = "miner"};
  e = refused([&] { return registry_->record_dues(b); });
  EXPECT_EQ(e.field, "category");
  b.category = "insured";
  e = refused([&] { return registry_->record_dues(b); });  // no salary
  EXPECT_EQ(e.field, "base");
  b.base = -1;
  e = refused([&] { return registry_->record_dues(b); });
  EXPECT_EQ(e.field, "base");
  b.base = 1'000'000;
  b.from = "2014-01";  // before the admission of 03/2015
  e = refused([&] { return registry_->record_dues(b); });
  EXPECT_EQ(e.rule, "dues.before_admission");
}

TEST_F(DuesTest, AnAccountRecordsOnlyTheBooksItHolds) {
  auto s2 = as(auth::Role::branch_secretary, "S2");
  auto e = refused([&] { return s2.record_dues_month(month_of_branch("S1", "2026-05", {"A"})); });
  EXPECT_EQ(e.kind, ErrorKind::not_found);
  EXPECT_FALSE(s2.dues_book("S1", 2026).ok());
  EXPECT_TRUE(s2.dues_book("S2", 2026).ok());
  auto viewer = as(auth::Role::viewer, "DB");
  e = refused([&] { return viewer.record_dues_month(month_of_branch("S1", "2026-05", {"A"})); });
  EXPECT_EQ(e.kind, ErrorKind::forbidden);
  EXPECT_TRUE(viewer.dues_book("S1", 2026).ok());
  auto s1 = as(auth::Role::branch_secretary, "S1");
  EXPECT_TRUE(s1.record_dues_month(month_of_branch("S1", "2026-05", {"A"})).ok());
  // H's April is S2's: S1's secretary is told it is another book, not which.
  e = refused([&] { return s1.record_dues_month(month_of_branch("S1", "2026-04", {"H"})); });
  EXPECT_EQ(e.rule, "dues.other_book");
  EXPECT_EQ(e.message_vi.find("S2"), std::string::npos);
}

// What the report must say, added up from the books: every month of `books` that the book holds,
// up to `last` (the months before `this_month` owed and not paid are outstanding).
struct FromBooks {
  Money owed = 0, paid = 0, outstanding = 0;
  std::set<std::string> members, unpaid;
};
FromBooks add_books(const std::vector<DuesBookView>& books, Date first, Date last,
                    Date this_month) {
  FromBooks out;
  for (const auto& b : books) {
    for (const auto& r : b.rows) {
      for (const auto& m : r.months) {
        if (!m.in_book || m.month < first || m.month > last) continue;
        out.members.insert(r.member_code);
        const Money owed = m.owed ? m.owed->amount : 0;
        out.owed += owed;
        if (m.payment) out.paid += m.payment->amount;
        if (!m.payment && owed > 0 && m.month < this_month) {
          out.outstanding += owed;
          out.unpaid.insert(r.member_code);
        }
      }
    }
  }
  return out;
}

TEST_F(DuesTest, TheReportOfASubtreeIsTheSumOfItsBooks) {
  ASSERT_TRUE(
      registry_
          ->record_dues_month(month_of_branch("S1", "2026-11", {"A", "B", "C", "D", "E", "G", "H"}))
          .ok());
  for (const char* m : {"2026-01", "2026-02", "2026-03", "2026-04"}) {
    ASSERT_TRUE(registry_->record_dues_month(month_of_branch("S2", m, {"H"})).ok()) << m;
  }
  for (int m = 1; m <= 10; ++m) {
    const std::string month = "2026-" + std::string(m < 10 ? "0" : "") + std::to_string(m);
    ASSERT_TRUE(registry_->record_dues_month(month_of_branch("S1", month, {"D"})).ok()) << month;
  }
  // A cancelled payment counts for nothing.
  auto wrong = registry_->record_dues_month(month_of_branch("S1", "2026-10", {"A"}));
  ASSERT_TRUE(wrong.ok());
  ASSERT_TRUE(registry_->cancel_dues_payment({"A", wrong->front(), "Ghi nhầm"}).ok());

  auto s1 = registry_->dues_book("S1", 2026);
  auto s2 = registry_->dues_book("S2", 2026);
  ASSERT_TRUE(s1.ok() && s2.ok());
  auto v = registry_->dues_report("DB", "2026");
  ASSERT_TRUE(v.ok()) << v.error().message_vi;
  const Date dec = D("2026-12-01");
  const FromBooks all = add_books({*s1, *s2}, D("2026-01-01"), dec, dec);
  const auto& t = v->total.figures;
  EXPECT_EQ(t.owed, all.owed);
  EXPECT_EQ(t.collected, all.paid);
  EXPECT_EQ(t.outstanding, all.outstanding);
  EXPECT_EQ(t.members, static_cast<std::int64_t>(all.members.size()));
  EXPECT_EQ(t.members, 8);  // A–H; H in both books counts once
  EXPECT_EQ(t.members_unpaid, static_cast<std::int64_t>(all.unpaid.size()));
  EXPECT_EQ(t.members_paid, 1);     // D, every month to November
  EXPECT_EQ(t.members_exempt, 1);   // F from August
  EXPECT_EQ(t.members_reduced, 1);  // E
  EXPECT_EQ(t.members_no_basis, 0);
  // A branch under a grassroots committee keeps 30% of what it collects (the marked default).
  Money kept = 0;
  for (const auto* book : {&*s1, &*s2}) {
    for (const auto& r : book->rows) {
      for (const auto& m : r.months) {
        if (m.in_book && m.payment) kept += (m.payment->amount * 3000 + 5000) / 10000;
      }
    }
  }
  EXPECT_EQ(t.kept, kept);
  EXPECT_EQ(t.remitted, t.collected - kept);
  ASSERT_TRUE(v->total.percent.has_value());
  EXPECT_DOUBLE_EQ(*v->total.percent,
                   100.0 * static_cast<double>(all.paid) / static_cast<double>(all.owed));
  // One line for each branch, each its own book.
  ASSERT_EQ(v->lines.size(), 2u);
  EXPECT_EQ(v->lines[0].org_code, "S1");
  EXPECT_EQ(v->lines[0].figures.owed, s1->owed);
  EXPECT_EQ(v->lines[0].figures.collected, s1->paid);
  EXPECT_EQ(v->lines[0].figures.members, 8);
  EXPECT_EQ(v->lines[1].org_code, "S2");
  EXPECT_EQ(v->lines[1].figures.collected, s2->paid);
  EXPECT_EQ(v->lines[1].figures.members, 1);
  // The months add up to the total.
  ASSERT_EQ(v->by_month.size(), 12u);
  Money by_month = 0;
  for (const auto& m : v->by_month) by_month += m.figures.collected;
  EXPECT_EQ(by_month, t.collected);
  EXPECT_EQ(v->by_month[3].org_name, "04/2026");

  // A quarter of one branch: H from May only.
  auto q2 = registry_->dues_report("S1", "2026-Q2");
  ASSERT_TRUE(q2.ok());
  const FromBooks s1q2 = add_books({*s1}, D("2026-04-01"), D("2026-06-01"), dec);
  EXPECT_EQ(q2->total.figures.owed, s1q2.owed);
  EXPECT_EQ(q2->total.figures.collected, s1q2.paid);
  EXPECT_EQ(q2->total.figures.members, 8);
  ASSERT_EQ(q2->lines.size(), 1u);  // the branch itself: its own members
  EXPECT_EQ(q2->lines[0].org_code, "S1");

  // The document the office sends: every number the engine's.
  auto doc = registry_->dues_report_document("DB", "2026");
  ASSERT_TRUE(doc.ok()) << doc.error().message_vi;
  EXPECT_EQ(doc->kind_title, "BÁO CÁO");
  EXPECT_EQ(doc->title, "Tình hình thu, nộp đảng phí năm 2026 (số liệu đến ngày 06/12/2026)");
  bool rate = false;
  for (const auto& s : doc->sections) {
    for (const auto& b : s.blocks) {
      if (b.text == *report::dues_rate_sentence(t, v->total.percent)) rate = true;
    }
  }
  EXPECT_TRUE(rate);
}

TEST_F(DuesTest, WhatABranchSentUpStandsBesideWhatItsBookGivesToSend) {
  for (const char* m : {"2026-01", "2026-02", "2026-03"}) {
    ASSERT_TRUE(registry_->record_dues_month(month_of_branch("S1", m, {"A", "B", "D"})).ok()) << m;
  }
  ASSERT_TRUE(registry_->record_dues_month(month_of_branch("S2", "2026-02", {"H"})).ok());
  auto book = registry_->dues_book("S1", 2026);
  ASSERT_TRUE(book.ok());
  auto before = registry_->dues_remittances("S1", 2026);
  ASSERT_TRUE(before.ok()) << before.error().message_vi;
  // The branch keeps 30% of each payment (the marked default) and sends the rest.
  Money kept = 0;
  for (const auto& r : book->rows) {
    for (const auto& m : r.months) {
      if (m.in_book && m.payment) kept += (m.payment->amount * 3000 + 5000) / 10000;
    }
  }
  EXPECT_EQ(before->collected, book->paid);
  EXPECT_EQ(before->kept, kept);
  EXPECT_EQ(before->to_send, book->paid - kept);
  EXPECT_EQ(before->sent, 0);
  EXPECT_TRUE(before->records.empty());

  DuesRemittanceInput q1{.org_code = "S1",
                         .period = "2026-Q1",
                         .amount = before->to_send,
                         .sent_on = "2026-04-05",
                         .reference = "PT-01/2026"};
  auto id = registry_->record_dues_remittance(q1);
  ASSERT_TRUE(id.ok()) << id.error().message_vi;
  DuesRemittanceInput feb{.org_code = "S2", .period = "2026-02", .amount = 1'000};
  auto mistaken = registry_->record_dues_remittance(feb);
  ASSERT_TRUE(mistaken.ok()) << mistaken.error().message_vi;
  ASSERT_TRUE(registry_->cancel_dues_remittance({"S2", *mistaken, "Ghi nhầm số tiền"}).ok());

  auto after = registry_->dues_remittances("S1", 2026);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->sent, before->to_send);
  ASSERT_EQ(after->records.size(), 1u);
  EXPECT_EQ(after->records[0].period, "2026-Q1");
  EXPECT_EQ(after->records[0].period_label, "quý I năm 2026");
  EXPECT_EQ(after->records[0].recipient_code, "DB");
  EXPECT_EQ(after->records[0].record.reference, "PT-01/2026");
  EXPECT_FALSE(after->records[0].cancelled);
  auto s2 = registry_->dues_remittances("S2", 2026);
  ASSERT_TRUE(s2.ok());
  EXPECT_EQ(s2->sent, 0);  // cancelled
  ASSERT_EQ(s2->records.size(), 2u);
  EXPECT_TRUE(s2->records[0].cancelled);
  EXPECT_EQ(s2->records[1].record.cancels, *mistaken);
  EXPECT_EQ(s2->records[1].record.note, "Ghi nhầm số tiền");

  // The report: each record in the month it ends with, on its org's line.
  auto year = registry_->dues_report("DB", "2026");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->total.figures.sent_up, before->to_send);
  ASSERT_EQ(year->lines.size(), 2u);
  EXPECT_EQ(year->lines[0].figures.sent_up, before->to_send);  // S1
  EXPECT_EQ(year->lines[1].figures.sent_up, 0);                // S2: cancelled
  EXPECT_EQ(year->by_month[2].figures.sent_up, before->to_send);
  EXPECT_EQ(year->by_month[1].figures.sent_up, 0);
  auto q2 = registry_->dues_report("DB", "2026-Q2");
  ASSERT_TRUE(q2.ok());
  EXPECT_EQ(q2->total.figures.sent_up, 0);
  auto doc = registry_->dues_report_document("DB", "2026");
  ASSERT_TRUE(doc.ok());
  bool stated = false;
  for (const auto& s : doc->sections) {
    for (const auto& b : s.blocks) {
      if (b.text.find("đã nộp " + report::format_integer(before->to_send) + " đồng") !=
          std::string::npos) {
        stated = true;
      }
    }
  }
  EXPECT_TRUE(stated);
}

TEST_F(DuesTest, ASendingUpOutOfItsRulesIsRefusedByNameAndWritesNothing) {
  DuesRemittanceInput ok{.org_code = "S1",
                         .period = "2026-Q1",
                         .amount = 100'000,
                         .sent_on = "2026-04-05",
                         .reference = "PT-01"};
  ASSERT_TRUE(registry_->record_dues_remittance(ok).ok());
  auto with = [&](auto change) {
    DuesRemittanceInput in = ok;
    in.reference = "PT-02";
    change(in);
    return refused([&] { return registry_->record_dues_remittance(in); });
  };
  EXPECT_EQ(with([](auto& in) { in.period = "2026"; }).field, "period");  // a year
  EXPECT_EQ(with([](auto& in) { in.period = "2027-Q1"; }).field, "period");
  EXPECT_EQ(with([](auto& in) { in.period = "quý 1"; }).field, "period");
  EXPECT_EQ(with([](auto& in) { in.amount = 0; }).field, "amount");
  EXPECT_EQ(with([](auto& in) { in.amount = std::nullopt; }).field, "amount");
  EXPECT_EQ(with([](auto& in) { in.amount = 5'000'000'000'000; }).field, "amount");
  EXPECT_EQ(with([](auto& in) { in.sent_on = "2025-12-31"; }).field, "sent_on");
  EXPECT_EQ(with([](auto& in) { in.sent_on = "2027-01-01"; }).field, "sent_on");
  auto again = with([](auto& in) { in.reference = "PT-01"; });
  EXPECT_EQ(again.field, "reference");
  EXPECT_EQ(again.kind, ErrorKind::conflict);
  EXPECT_EQ(with([](auto& in) { in.org_code = "TU"; }).rule, "dues.no_superior");

  DuesRemittanceCancelInput c{"S1", 999, "Ghi nhầm"};
  EXPECT_EQ(refused([&] { return registry_->cancel_dues_remittance(c); }).field, "remittance");
  c.remittance = 1;
  c.reason.clear();
  EXPECT_EQ(refused([&] { return registry_->cancel_dues_remittance(c); }).field, "reason");
  c.reason = "Ghi nhầm";
  c.org_code = "S2";  // another org's record
  EXPECT_EQ(refused([&] { return registry_->cancel_dues_remittance(c); }).kind,
            ErrorKind::not_found);
  c.org_code = "S1";
  ASSERT_TRUE(registry_->cancel_dues_remittance(c).ok());
  EXPECT_EQ(refused([&] { return registry_->cancel_dues_remittance(c); }).kind,
            ErrorKind::conflict);

  // Scope: another branch's secretary is told of no such org; a viewer may not record.
  auto s2 = as(auth::Role::branch_secretary, "S2");
  EXPECT_EQ(refused([&] { return s2.record_dues_remittance(ok); }).kind, ErrorKind::not_found);
  EXPECT_FALSE(s2.dues_remittances("S1", 2026).ok());
  EXPECT_TRUE(s2.dues_remittances("S2", 2026).ok());
  auto viewer = as(auth::Role::viewer, "DB");
  EXPECT_EQ(refused([&] { return viewer.record_dues_remittance(ok); }).kind, ErrorKind::forbidden);
  EXPECT_TRUE(viewer.dues_remittances("S1", 2026).ok());
}

TEST_F(DuesTest, TheReportIsReadOnlyWithinTheCallersScope) {
  auto s2 = as(auth::Role::branch_secretary, "S2");
  EXPECT_EQ(refused([&] { return s2.dues_report("DB", "2026"); }).kind, ErrorKind::not_found);
  EXPECT_EQ(refused([&] { return s2.dues_report("S1", "2026"); }).kind, ErrorKind::not_found);
  auto own = s2.dues_report("", "2026");  // the caller's own org
  ASSERT_TRUE(own.ok()) << own.error().message_vi;
  EXPECT_EQ(own->org_code, "S2");
  auto e = refused([&] { return registry_->dues_report("DB", "2027"); });
  EXPECT_EQ(e.field, "period");
  e = refused([&] { return registry_->dues_report("DB", "năm nay"); });
  EXPECT_EQ(e.field, "period");
}

TEST_F(DuesTest, APortalFileIsRecordedAtOnceAndAgainChangesNothing) {
  const std::string file =
      "STT,Số thẻ đảng viên,Họ và tên,Tháng,Số tiền,Ngày nộp,Mã giao dịch\n"
      "1,A,An,10/2026,120.000,05/10/2026,DVC-1\n"
      "2,B,Bình,10/2026,40000,06/10/2026,DVC-2\n"
      "3,C,Chi,10/2026,50.000,07/10/2026,DVC-3\n"
      "4,999999999999,Không rõ,10/2026,100.000,07/10/2026,DVC-4\n"
      "5,D,Dũng,2026-10,5.000 đ,08/10/2026,DVC-5\n";
  auto import = [&](bool dry_run, bool valid_only) {
    DuesImportInput in;
    in.data = file;
    in.file_name = "cong-dvc-10-2026.csv";
    in.dry_run = dry_run;
    in.valid_only = valid_only;
    auto r = registry_->import_dues(in);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message_vi);
    return r.ok() ? *r : DuesImportReport{};
  };
  auto paid_in_october = [&] {
    auto book = registry_->dues_book("S1", 2026);
    EXPECT_TRUE(book.ok());
    int n = 0;
    for (const auto& r : book->rows) n += r.months[9].payment ? 1 : 0;
    return n;
  };
  // Two rows wrong: nothing recorded, each named by its row and field.
  DuesImportReport all = import(false, false);
  EXPECT_EQ(all.rows, 5);
  EXPECT_EQ(all.rejected, 2);
  EXPECT_FALSE(all.written);
  EXPECT_EQ(paid_in_october(), 0);
  ASSERT_EQ(all.problems.size(), 2u);
  EXPECT_EQ(all.problems[0].row, 4);
  EXPECT_EQ(all.problems[0].field, "amount");
  EXPECT_NE(all.problems[0].message_vi.find("ít hơn số phải nộp 120.000 đ"), std::string::npos)
      << all.problems[0].message_vi;
  EXPECT_EQ(all.problems[1].row, 5);
  EXPECT_EQ(all.problems[1].field, "card_number");
  // A dry run tells what would be recorded.
  DuesImportReport dry = import(true, false);
  EXPECT_EQ(dry.recorded, 3);
  EXPECT_EQ(dry.amount, 120'000 + 40'000 + 5'000);
  EXPECT_FALSE(dry.written);
  EXPECT_EQ(paid_in_october(), 0);
  // The valid rows only: recorded as paid on the portal, with the transaction's number.
  DuesImportReport valid = import(false, true);
  EXPECT_TRUE(valid.written);
  EXPECT_EQ(valid.recorded, 3);
  EXPECT_EQ(paid_in_october(), 3);
  auto a = registry_->member_dues("A", 2026);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a->months[9].payment.has_value());
  EXPECT_EQ(a->months[9].payment->channel, DuesChannel::portal);
  EXPECT_EQ(a->months[9].payment->reference, "DVC-1");
  EXPECT_EQ(a->months[9].payment->paid_on, D("2026-10-05"));
  // The same file again: nothing new.
  DuesImportReport again = import(false, true);
  EXPECT_EQ(again.recorded, 0);
  EXPECT_EQ(again.unchanged, 3);
  EXPECT_FALSE(again.written);
  EXPECT_EQ(paid_in_october(), 3);
  // The report counts them.
  auto v = registry_->dues_report("S1", "2026-10");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->total.figures.collected, 165'000);
}

TEST_F(DuesTest, APortalFileNeedsItsColumnsAndAnAccountThatRecords) {
  DuesImportInput in;
  in.data = "Họ và tên,Số tiền\nAn,100000\n";
  in.file_name = "x.csv";
  EXPECT_EQ(refused([&] { return registry_->import_dues(in); }).field, "header");
  auto viewer = as(auth::Role::viewer, "DB");
  in.data = "Số thẻ đảng viên,Tháng,Số tiền,Ngày nộp\nA,10/2026,120000,05/10/2026\n";
  EXPECT_EQ(refused([&] { return viewer.import_dues(in); }).kind, ErrorKind::forbidden);
  // Another branch's secretary: A is not in its books, and is not named.
  auto s2 = as(auth::Role::branch_secretary, "S2");
  auto r = s2.import_dues(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rejected, 1);
  EXPECT_NE(r->problems.at(0).message_vi.find("không có đảng viên này trong phạm vi"),
            std::string::npos);
}

}  // namespace
}  // namespace dangvu::service
