// fold_member: a member's status and organizations over time folded from the event log, every
// rule of the rule set checked against the whole log (with the field and rule id named), and the
// derived facts: party age, badges, recognition due and probation overdue.
#include "core/member_fold.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dangvu {
namespace {

Date D(std::string_view iso) {
  auto r = Date::parse(iso);
  EXPECT_TRUE(r.ok()) << "test date " << iso << " does not parse";
  return r.ok() ? *r : Date{};
}

MemberEvent ev(EventId id, MemberEventKind kind, std::string_view date,
               std::optional<OrgId> org = std::nullopt) {
  MemberEvent e;
  e.id = id;
  e.kind = kind;
  e.date = D(date);
  e.org = org;
  return e;
}

MemberEvent transfer(EventId id, std::string_view date, std::optional<OrgId> org,
                     TransferMode mode) {
  MemberEvent e = ev(id, MemberEventKind::transfer, date, org);
  e.mode = mode;
  return e;
}

using K = MemberEventKind;
using S = MemberStatus;

class MemberFoldTest : public ::testing::Test {
 protected:
  MemberFoldTest() {
    person_.family = "Nguyễn";
    person_.middle = "Văn";
    person_.given = "An";
    person_.birth_date = D("1990-05-20");
    person_.gender = Gender::male;
  }

  Result<MemberHistory> fold(const std::vector<MemberEvent>& events) const {
    return fold_member(person_, events, rules_, kind_at_, today_);
  }

  MemberHistory fold_ok(const std::vector<MemberEvent>& events) const {
    auto r = fold(events);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail_en);
    return r.ok() ? *r : MemberHistory{};
  }

  static void expect_refused(const Result<MemberHistory>& r, const std::string& field,
                             const std::string& rule) {
    ASSERT_FALSE(r.ok()) << "expected refusal by " << rule;
    EXPECT_EQ(r.error().kind, ErrorKind::rule_refused) << r.error().detail_en;
    EXPECT_EQ(r.error().field, field) << r.error().detail_en;
    EXPECT_EQ(r.error().rule, rule) << r.error().detail_en;
    EXPECT_FALSE(r.error().message_vi.empty());
  }

  // registration 2023-03-01 → admission 2024-01-10 → recognition 2025-01-10, all in branch 10.
  std::vector<MemberEvent> normal_life() const {
    MemberEvent adm = ev(2, K::admission, "2024-01-10", 10);
    adm.vote_date = D("2024-01-05");
    adm.decision_no = "12-QĐ/ĐU";
    return {ev(1, K::candidate_registration, "2023-03-01", 10), adm,
            ev(3, K::recognition, "2025-01-10")};
  }

  Person person_;
  RuleSet rules_ = RuleSet::defaults();
  OrgKindAt kind_at_ = [](OrgId id, Date) -> std::optional<OrgKind> {
    if (id == 10 || id == 20 || id == 30) return OrgKind::grassroots_branch;
    if (id == 50) return OrgKind::grassroots_committee;
    return std::nullopt;
  };
  Date today_ = D("2026-01-15");
};

// ---- a normal life ----------------------------------------------------------------------------

TEST_F(MemberFoldTest, NormalLifeGivesTheStatusOnEachDate) {
  MemberHistory h = fold_ok(normal_life());
  EXPECT_EQ(h.state_at(D("2023-02-28")).status, S::none);
  EXPECT_FALSE(h.state_at(D("2023-02-28")).org.has_value());
  EXPECT_EQ(h.state_at(D("2023-03-01")).status, S::candidate);
  EXPECT_EQ(h.state_at(D("2023-03-01")).org, std::optional<OrgId>(10));
  EXPECT_EQ(h.state_at(D("2024-01-09")).status, S::candidate);
  EXPECT_EQ(h.state_at(D("2024-01-10")).status, S::probationary);
  EXPECT_EQ(h.state_at(D("2024-01-10")).probation_start, D("2024-01-10"));
  EXPECT_EQ(h.state_at(D("2025-01-09")).status, S::probationary);
  EXPECT_EQ(h.state_at(D("2025-01-10")).status, S::official);
  EXPECT_FALSE(h.state_at(D("2025-01-10")).probation_start.has_value());
  EXPECT_EQ(h.state_at(D("2025-01-10")).org, std::optional<OrgId>(10));
  EXPECT_FALSE(h.state_at(D("2025-01-10")).temp_org.has_value());
  EXPECT_EQ(h.current().status, S::official);

  ASSERT_EQ(h.periods.size(), 3u);
  EXPECT_EQ(h.periods[0].from, D("2023-03-01"));
  EXPECT_EQ(h.periods[0].to, D("2024-01-10"));
  EXPECT_EQ(h.periods[1].from, D("2024-01-10"));
  EXPECT_EQ(h.periods[1].to, D("2025-01-10"));
  EXPECT_EQ(h.periods[2].from, D("2025-01-10"));
  EXPECT_EQ(h.periods[2].to, Date::max());

  ASSERT_EQ(h.milestones.size(), 2u);
  EXPECT_EQ(h.milestones[0].kind, K::admission);
  EXPECT_EQ(h.milestones[0].date, D("2024-01-10"));
  EXPECT_EQ(h.milestones[0].org, std::optional<OrgId>(10));
  EXPECT_EQ(h.milestones[1].kind, K::recognition);
  EXPECT_EQ(h.milestones[1].date, D("2025-01-10"));
  EXPECT_EQ(h.milestones[1].org, std::optional<OrgId>(10));

  EXPECT_TRUE(h.flags.empty());
  EXPECT_EQ(h.first_admission, D("2024-01-10"));
  EXPECT_EQ(h.effective_events.size(), 3u);
  EXPECT_EQ(h.card_number, "");
}

TEST_F(MemberFoldTest, EmptyLogIsNoStatus) {
  MemberHistory h = fold_ok({});
  EXPECT_TRUE(h.periods.empty());
  EXPECT_EQ(h.current().status, S::none);
  EXPECT_EQ(h.state_at(D("2025-01-01")).status, S::none);
  EXPECT_EQ(h.party_age_years(D("2025-01-01")), 0);
}

TEST_F(MemberFoldTest, EventsAreFoldedInDateOrder) {
  auto events = normal_life();
  std::swap(events[0], events[2]);  // recorded out of order
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.current().status, S::official);
  ASSERT_EQ(h.effective_events.size(), 3u);
  EXPECT_EQ(h.effective_events[0].kind, K::candidate_registration);
  EXPECT_EQ(h.effective_events[2].kind, K::recognition);
}

TEST_F(MemberFoldTest, DirectAdmissionWithoutRegistration) {
  MemberHistory h = fold_ok({ev(1, K::admission, "2024-01-10", 10)});
  EXPECT_EQ(h.current().status, S::probationary);
  EXPECT_EQ(h.state_at(D("2024-01-09")).status, S::none);
}

TEST_F(MemberFoldTest, FirstEventMustBeRegistrationOrAdmission) {
  expect_refused(fold({ev(1, K::recognition, "2025-01-10")}), "kind", "member.sequence");
  expect_refused(fold({transfer(1, "2025-01-10", 10, TransferMode::permanent)}), "kind",
                 "member.sequence");
}

TEST_F(MemberFoldTest, AdmittingAMemberAgainIsRefused) {
  auto events = normal_life();
  events.push_back(ev(4, K::admission, "2025-06-01", 10));
  expect_refused(fold(events), "kind", "member.sequence");
}

TEST_F(MemberFoldTest, RegistrationInAnOrgThatDoesNotHoldMembersIsRefused) {
  expect_refused(fold({ev(1, K::candidate_registration, "2023-03-01", 50)}), "org",
                 "org.member_org_kinds");
  expect_refused(fold({ev(1, K::candidate_registration, "2023-03-01", 99)}), "org",
                 "org.exists_on_date");
  expect_refused(fold({ev(1, K::candidate_registration, "2023-03-01")}), "org",
                 "member.org_required");
}

// ---- admission age ----------------------------------------------------------------------------

TEST_F(MemberFoldTest, AdmissionUnder18OnTheVoteDateIsRefused) {
  person_.birth_date = D("2007-07-02");
  MemberEvent adm = ev(1, K::admission, "2025-07-10", 10);
  adm.vote_date = D("2025-07-01");  // 17 on the vote date, 18 on the decision date
  auto r = fold({adm});
  expect_refused(r, "birth_date", "admission.min_age");
  // Without a vote date the decision date counts.
  adm.vote_date.reset();
  EXPECT_TRUE(fold({adm}).ok());
  // 18 on the very birthday.
  adm.vote_date = D("2025-07-02");
  EXPECT_TRUE(fold({adm}).ok());
}

TEST_F(MemberFoldTest, AdmissionOver60WithoutExceptionIsRefused) {
  person_.birth_date = D("1960-01-01");
  MemberEvent adm = ev(1, K::admission, "2025-06-02", 10);
  expect_refused(fold({adm}), "age_exception_ref", "admission.max_age");
}

TEST_F(MemberFoldTest, AdmissionOver60WithExceptionIsAcceptedAndFlagged) {
  person_.birth_date = D("1960-01-01");
  MemberEvent adm = ev(1, K::admission, "2025-06-02", 10);
  adm.age_exception_ref = "25-QĐ/TU";
  auto r = fold({adm});
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->current().status, S::probationary);
  ASSERT_EQ(r->flags.size(), 1u);
  EXPECT_EQ(r->flags[0].rule, "admission.max_age");
  EXPECT_EQ(r->flags[0].date, D("2025-06-02"));
  EXPECT_NE(r->flags[0].message_vi.find("25-QĐ/TU"), std::string::npos);
}

TEST_F(MemberFoldTest, AdmissionOnThe60thBirthdayIsAllowed) {
  person_.birth_date = D("1965-06-02");
  auto r = fold({ev(1, K::admission, "2025-06-02", 10)});
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_TRUE(r->flags.empty());
}

TEST_F(MemberFoldTest, AgeLimitsComeFromTheRuleSet) {
  person_.birth_date = D("1960-01-01");
  rules_.admission_max_age_years = 70;
  EXPECT_TRUE(fold({ev(1, K::admission, "2025-06-02", 10)}).ok());
  person_.birth_date = D("2005-01-01");
  rules_.admission_min_age_years = 21;
  expect_refused(fold({ev(1, K::admission, "2025-06-02", 10)}), "birth_date", "admission.min_age");
}

// ---- ceremony ---------------------------------------------------------------------------------

TEST_F(MemberFoldTest, CeremonyStartsTheProbation) {
  MemberEvent adm = ev(1, K::admission, "2024-01-10", 10);
  adm.ceremony_date = D("2024-02-01");
  MemberHistory h = fold_ok({adm});
  EXPECT_EQ(h.current().probation_start, D("2024-02-01"));
  EXPECT_EQ(h.first_admission, D("2024-01-10"));  // party age counts from the decision
  EXPECT_TRUE(h.flags.empty());
  // Recognition counts 12 months from the ceremony, not from the decision.
  expect_refused(fold({adm, ev(2, K::recognition, "2025-01-31")}), "date", "probation.min_months");
  EXPECT_TRUE(fold({adm, ev(2, K::recognition, "2025-02-01")}).ok());
}

TEST_F(MemberFoldTest, CeremonyBeforeTheDecisionIsRefused) {
  MemberEvent adm = ev(1, K::admission, "2024-01-10", 10);
  adm.ceremony_date = D("2024-01-09");
  expect_refused(fold({adm}), "ceremony_date", "admission.ceremony_after_decision");
}

TEST_F(MemberFoldTest, LateCeremonyIsFlagged) {
  // 2024-01-10 + 30 working days = 2024-02-21.
  MemberEvent adm = ev(1, K::admission, "2024-01-10", 10);
  adm.ceremony_date = D("2024-02-21");
  EXPECT_TRUE(fold_ok({adm}).flags.empty());
  adm.ceremony_date = D("2024-02-22");
  MemberHistory h = fold_ok({adm});
  ASSERT_EQ(h.flags.size(), 1u);
  EXPECT_EQ(h.flags[0].rule, "admission.ceremony_due");
  EXPECT_EQ(h.flags[0].date, D("2024-02-22"));
}

// ---- recognition ------------------------------------------------------------------------------

TEST_F(MemberFoldTest, RecognitionBefore12MonthsIsRefused) {
  auto events = normal_life();
  events[2].date = D("2025-01-09");
  auto r = fold(events);
  expect_refused(r, "date", "probation.min_months");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message_vi.find("10/01/2025"), std::string::npos);  // the earliest date
}

TEST_F(MemberFoldTest, ProbationLengthComesFromTheRuleSet) {
  auto rules = RuleSet::from_json(R"({"probation_months": 18})");
  ASSERT_TRUE(rules.ok());
  rules_ = *rules;
  expect_refused(fold(normal_life()), "date", "probation.min_months");
  auto events = normal_life();
  events[2].date = D("2025-07-10");
  EXPECT_TRUE(fold(events).ok());
}

TEST_F(MemberFoldTest, RecognitionOfANonProbationaryIsRefused) {
  expect_refused(fold({ev(1, K::candidate_registration, "2023-03-01", 10),
                       ev(2, K::recognition, "2025-01-10")}),
                 "kind", "member.sequence");
  auto events = normal_life();
  events.push_back(ev(4, K::recognition, "2025-06-01"));
  expect_refused(fold(events), "kind", "member.sequence");
}

// ---- ends and readmission ---------------------------------------------------------------------

TEST_F(MemberFoldTest, EventAfterDeathIsRefused) {
  auto events = normal_life();
  events.push_back(ev(4, K::death, "2025-03-01"));
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.current().status, S::deceased);
  EXPECT_EQ(h.state_at(D("2025-02-28")).status, S::official);
  events.push_back(transfer(5, "2025-04-01", 20, TransferMode::permanent));
  expect_refused(fold(events), "kind", "member.ended_no_events");
}

TEST_F(MemberFoldTest, EventAfterExpulsionIsRefused) {
  auto events = normal_life();
  events.push_back(ev(4, K::expulsion, "2025-03-01"));
  events.push_back(ev(5, K::resignation, "2025-04-01"));
  expect_refused(fold(events), "kind", "member.ended_no_events");
}

TEST_F(MemberFoldTest, ReadmissionAfterRemovalIsAllowed) {
  rules_.readmission_min_months = 0;  // the wait is tested on its own below
  auto events = normal_life();
  events.push_back(ev(4, K::removal, "2025-03-01"));
  MemberEvent re = ev(5, K::readmission, "2025-09-01", 20);
  re.decision_no = "40-QĐ/ĐU";
  events.push_back(re);
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.state_at(D("2025-02-28")).status, S::official);
  EXPECT_EQ(h.state_at(D("2025-03-01")).status, S::removed);
  EXPECT_EQ(h.state_at(D("2025-08-31")).status, S::removed);
  EXPECT_EQ(h.state_at(D("2025-09-01")).status, S::probationary);
  EXPECT_EQ(h.state_at(D("2025-09-01")).org, std::optional<OrgId>(20));
  EXPECT_EQ(h.state_at(D("2025-09-01")).probation_start, D("2025-09-01"));
  EXPECT_EQ(h.first_admission, D("2024-01-10"));
  ASSERT_EQ(h.milestones.size(), 3u);
  EXPECT_EQ(h.milestones[2].kind, K::readmission);
  EXPECT_EQ(h.milestones[2].org, std::optional<OrgId>(20));
}

TEST_F(MemberFoldTest, ReadmissionWithoutOrgReturnsToTheLastOrg) {
  rules_.readmission_min_months = 0;  // the wait is tested on its own below
  auto events = normal_life();
  events.push_back(ev(4, K::resignation, "2025-03-01"));
  events.push_back(ev(5, K::readmission, "2025-09-01"));
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.current().status, S::probationary);
  EXPECT_EQ(h.current().org, std::optional<OrgId>(10));
}

TEST_F(MemberFoldTest, ReadmissionAfterExpulsionIsRefused) {
  auto events = normal_life();
  events.push_back(ev(4, K::expulsion, "2025-03-01"));
  events.push_back(ev(5, K::readmission, "2025-09-01", 20));
  expect_refused(fold(events), "kind", "readmission.allowed_after");
}

TEST_F(MemberFoldTest, ReadmissionOfASittingMemberIsRefused) {
  auto events = normal_life();
  events.push_back(ev(4, K::readmission, "2025-09-01", 20));
  expect_refused(fold(events), "kind", "readmission.allowed_after");
}

TEST_F(MemberFoldTest, ReadmissionAfterExpulsionFollowsTheRuleSet) {
  rules_.readmission_min_months = 0;  // the wait is tested on its own below
  rules_.readmission_after.insert(S::expelled);
  auto events = normal_life();
  events.push_back(ev(4, K::expulsion, "2025-03-01"));
  events.push_back(ev(5, K::readmission, "2025-09-01", 20));
  EXPECT_TRUE(fold(events).ok());
}

// Removed on 23/04/2015: readmission waits 36 months (the rule set's), and comes once only.
TEST_F(MemberFoldTest, ReadmissionWaitsTheRuleSetsMonthsAndComesOnce) {
  MemberEvent adm = ev(1, K::admission, "2010-01-10", 10);
  std::vector<MemberEvent> events = {adm, ev(2, K::recognition, "2011-01-10"),
                                     ev(3, K::removal, "2015-04-23")};
  auto early = events;
  early.push_back(ev(4, K::readmission, "2017-10-01", 10));
  expect_refused(fold(early), "date", "readmission.min_months");
  EXPECT_NE(fold(early).error().message_vi.find("23/04/2018"), std::string::npos);
  events.push_back(ev(4, K::readmission, "2018-04-23", 10));
  fold_ok(events);
  events.push_back(ev(5, K::recognition, "2019-05-01"));
  events.push_back(ev(6, K::removal, "2020-01-01"));
  events.push_back(ev(7, K::readmission, "2024-01-01", 10));
  expect_refused(fold(events), "kind", "readmission.once");
  rules_.readmission_once = false;
  fold_ok(events);
}

// The ground the membership ended for may bar readmission: the catalog "leaving_ground" marks
// such grounds with the group "no_readmission", as data an office can correct.
TEST_F(MemberFoldTest, AGroundOfTheCatalogsNoReadmissionGroupBarsReadmission) {
  MemberEvent adm = ev(1, K::admission, "2010-01-10", 10);
  MemberEvent removal = ev(3, K::removal, "2015-04-23");
  removal.ground = "no_activity";
  std::vector<MemberEvent> events = {adm, ev(2, K::recognition, "2011-01-10"), removal,
                                     ev(4, K::readmission, "2019-01-10", 10)};
  expect_refused(fold(events), "kind", "readmission.excluded_ground");
  EXPECT_NE(fold(events).error().message_vi.find("Tự ý bỏ sinh hoạt đảng"), std::string::npos);
  // A ground outside the group, or none: the wait alone applies.
  events[2].ground = "family_hardship";
  fold_ok(events);
  events[2].ground.clear();
  fold_ok(events);
  // An office that no longer bars it: the same readmission passes.
  events[2].ground = "no_activity";
  for (auto& item : rules_.catalogs.lists["leaving_ground"].items) {
    if (item.code == "no_activity") item.group.clear();
  }
  fold_ok(events);
}

TEST_F(MemberFoldTest, CandidateMayDieButNotBeRemoved) {
  MemberHistory h =
      fold_ok({ev(1, K::candidate_registration, "2023-03-01", 10), ev(2, K::death, "2023-06-01")});
  EXPECT_EQ(h.current().status, S::deceased);
  expect_refused(
      fold({ev(1, K::candidate_registration, "2023-03-01", 10), ev(2, K::removal, "2023-06-01")}),
      "kind", "member.sequence");
}

// ---- transfers --------------------------------------------------------------------------------

TEST_F(MemberFoldTest, TemporaryTransferThenEnd) {
  auto events = normal_life();
  events.push_back(transfer(4, "2025-03-01", 20, TransferMode::temporary));
  events.push_back(transfer(5, "2025-09-01", std::nullopt, TransferMode::temporary_end));
  MemberHistory h = fold_ok(events);
  EXPECT_FALSE(h.state_at(D("2025-02-28")).temp_org.has_value());
  EXPECT_EQ(h.state_at(D("2025-03-01")).org, std::optional<OrgId>(10));
  EXPECT_EQ(h.state_at(D("2025-03-01")).temp_org, std::optional<OrgId>(20));
  EXPECT_EQ(h.state_at(D("2025-03-01")).status, S::official);
  EXPECT_EQ(h.state_at(D("2025-08-31")).temp_org, std::optional<OrgId>(20));
  EXPECT_EQ(h.state_at(D("2025-09-01")).org, std::optional<OrgId>(10));
  EXPECT_FALSE(h.state_at(D("2025-09-01")).temp_org.has_value());
  EXPECT_EQ(h.periods.size(), 5u);
}

TEST_F(MemberFoldTest, SecondTemporaryOrgIsRefused) {
  auto events = normal_life();
  events.push_back(transfer(4, "2025-03-01", 20, TransferMode::temporary));
  events.push_back(transfer(5, "2025-04-01", 30, TransferMode::temporary));
  expect_refused(fold(events), "mode", "member.one_temporary_org");
}

TEST_F(MemberFoldTest, TemporaryEndWithoutATemporaryOrgIsRefused) {
  auto events = normal_life();
  events.push_back(transfer(4, "2025-03-01", std::nullopt, TransferMode::temporary_end));
  expect_refused(fold(events), "mode", "transfer.temporary_end");
}

TEST_F(MemberFoldTest, PermanentTransferChangesTheOrg) {
  auto events = normal_life();
  events.push_back(transfer(4, "2025-03-01", 20, TransferMode::temporary));
  events.push_back(transfer(5, "2025-06-01", 20, TransferMode::permanent));
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.state_at(D("2025-05-31")).org, std::optional<OrgId>(10));
  EXPECT_EQ(h.state_at(D("2025-06-01")).org, std::optional<OrgId>(20));
  // Moving for good to the temporary org ends the temporary activity there.
  EXPECT_FALSE(h.state_at(D("2025-06-01")).temp_org.has_value());
}

TEST_F(MemberFoldTest, TransferToTheSameOrgIsRefused) {
  auto events = normal_life();
  events.push_back(transfer(4, "2025-03-01", 10, TransferMode::permanent));
  expect_refused(fold(events), "org", "transfer.changes_org");
  events.back().mode = TransferMode::temporary;
  expect_refused(fold(events), "org", "transfer.changes_org");
}

TEST_F(MemberFoldTest, TransferToAnOrgThatCannotHoldMembersIsRefused) {
  auto events = normal_life();
  events.push_back(transfer(4, "2025-03-01", 50, TransferMode::permanent));
  expect_refused(fold(events), "org", "org.member_org_kinds");
  events.back().org = 99;
  expect_refused(fold(events), "org", "org.exists_on_date");
  events.back().org.reset();
  expect_refused(fold(events), "org", "member.org_required");
}

// ---- dates ------------------------------------------------------------------------------------

TEST_F(MemberFoldTest, FutureDatedEventIsRefused) {
  auto events = normal_life();
  events.push_back(transfer(4, "2026-01-16", 20, TransferMode::permanent));
  expect_refused(fold(events), "date", "date.not_future");
  events.back().date = today_;  // today itself is fine
  EXPECT_TRUE(fold(events).ok());
}

TEST_F(MemberFoldTest, EventBeforeBirthIsRefused) {
  expect_refused(fold({ev(1, K::candidate_registration, "1990-05-19", 10)}), "date",
                 "date.after_birth");
}

// ---- card number ------------------------------------------------------------------------------

TEST_F(MemberFoldTest, CardNumberMustHaveTwelveDigits) {
  MemberEvent adm = ev(1, K::admission, "2024-01-10", 10);
  adm.card_number = "12345";
  expect_refused(fold({adm}), "card_number", "member.card_number");
  adm.card_number = "1234567890123";
  expect_refused(fold({adm}), "card_number", "member.card_number");
  adm.card_number = "12345678901A";
  expect_refused(fold({adm}), "card_number", "member.card_number");
  adm.card_number = "123456789012";
  MemberHistory h = fold_ok({adm});
  EXPECT_EQ(h.card_number, "123456789012");
}

TEST_F(MemberFoldTest, CardNumberLengthComesFromTheRuleSet) {
  rules_.card_number_digits = 8;
  MemberEvent adm = ev(1, K::admission, "2024-01-10", 10);
  adm.card_number = "12345678";
  EXPECT_TRUE(fold({adm}).ok());
  adm.card_number = "123456789012";
  expect_refused(fold({adm}), "card_number", "member.card_number");
}

// ---- corrections ------------------------------------------------------------------------------

TEST_F(MemberFoldTest, CorrectionVoidsAnEvent) {
  auto events = normal_life();
  events.push_back(transfer(4, "2025-03-01", 20, TransferMode::permanent));
  ASSERT_EQ(fold_ok(events).current().org, std::optional<OrgId>(20));
  MemberEvent c = ev(5, K::correction, "2025-04-01");
  c.corrects = 4;
  c.voids = true;
  c.reason = "Ghi nhầm";
  events.push_back(c);
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.current().org, std::optional<OrgId>(10));
  EXPECT_EQ(h.current().status, S::official);
  ASSERT_EQ(h.effective_events.size(), 3u);
  for (const auto& e : h.effective_events) {
    EXPECT_NE(e.kind, K::transfer);
    EXPECT_NE(e.kind, K::correction);
  }
}

TEST_F(MemberFoldTest, CorrectionReplacesTheDate) {
  auto events = normal_life();
  MemberEvent c = ev(4, K::correction, "2025-06-01");
  c.corrects = 2;
  c.new_date = D("2024-01-03");
  events.push_back(c);
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.first_admission, D("2024-01-03"));
  EXPECT_EQ(h.state_at(D("2024-01-03")).status, S::probationary);
  EXPECT_EQ(h.state_at(D("2024-01-03")).probation_start, D("2024-01-03"));
  EXPECT_EQ(h.state_at(D("2024-01-02")).status, S::candidate);
  ASSERT_EQ(h.milestones.size(), 2u);
  EXPECT_EQ(h.milestones[0].date, D("2024-01-03"));
  ASSERT_EQ(h.effective_events.size(), 3u);
  EXPECT_EQ(h.effective_events[1].date, D("2024-01-03"));
  EXPECT_EQ(h.effective_events[1].decision_no, "12-QĐ/ĐU");
}

TEST_F(MemberFoldTest, CorrectionThatBreaksARuleIsRefused) {
  // Moving the admission later makes the recognition come before 12 months of probation.
  auto events = normal_life();
  MemberEvent c = ev(4, K::correction, "2025-06-01");
  c.corrects = 2;
  c.new_date = D("2024-03-01");
  events.push_back(c);
  expect_refused(fold(events), "date", "probation.min_months");
}

TEST_F(MemberFoldTest, CorrectionReplacesOrgDecisionAndCard) {
  auto events = normal_life();
  MemberEvent c = ev(4, K::correction, "2025-06-01");
  c.corrects = 2;
  c.new_org = 20;
  c.new_decision_no = "13-QĐ/ĐU";
  c.new_card_number = "098765432101";
  events.push_back(c);
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.state_at(D("2024-01-10")).org, std::optional<OrgId>(20));
  EXPECT_EQ(h.card_number, "098765432101");
  EXPECT_EQ(h.effective_events[1].decision_no, "13-QĐ/ĐU");
  c.new_card_number = "0987";
  events.back() = c;
  expect_refused(fold(events), "card_number", "member.card_number");
}

TEST_F(MemberFoldTest, CorrectionAfterAnEndIsAllowed) {
  auto events = normal_life();
  events.push_back(ev(4, K::death, "2025-03-01"));
  MemberEvent c = ev(5, K::correction, "2025-06-01");
  c.corrects = 4;
  c.new_date = D("2025-02-20");
  events.push_back(c);
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.state_at(D("2025-02-20")).status, S::deceased);
  EXPECT_EQ(h.state_at(D("2025-02-19")).status, S::official);
}

TEST_F(MemberFoldTest, CorrectionOfAnUnknownEventIsInvalid) {
  auto events = normal_life();
  MemberEvent c = ev(4, K::correction, "2025-06-01");
  c.corrects = 77;
  c.voids = true;
  events.push_back(c);
  auto r = fold(events);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(r.error().field, "corrects");
  EXPECT_EQ(r.error().rule, "");
  EXPECT_FALSE(r.error().message_vi.empty());
}

// ---- party age and badges ---------------------------------------------------------------------

class LongLifeTest : public MemberFoldTest {
 protected:
  // Born 1960, admitted 1990-03-01, full member 1991-03-01.
  std::vector<MemberEvent> long_life() {
    person_.birth_date = D("1960-01-01");
    return {ev(1, K::admission, "1990-03-01", 10), ev(2, K::recognition, "1991-03-01")};
  }
};

TEST_F(LongLifeTest, PartyAgeCountsFromTheAdmissionDecision) {
  MemberHistory h = fold_ok(long_life());
  EXPECT_EQ(h.party_age_years(D("1990-02-28")), 0);
  EXPECT_EQ(h.party_age_years(D("1990-03-01")), 0);
  EXPECT_EQ(h.party_age_years(D("1991-02-28")), 0);
  EXPECT_EQ(h.party_age_years(D("1991-03-01")), 1);
  EXPECT_EQ(h.party_age_years(D("2020-02-29")), 29);
  EXPECT_EQ(h.party_age_years(D("2020-03-01")), 30);
  EXPECT_EQ(h.party_age_years(today_), 35);
}

TEST_F(LongLifeTest, BadgeAtThirtyYears) {
  MemberHistory h = fold_ok(long_life());
  EXPECT_EQ(h.badge_reached(D("2020-02-29"), rules_), std::nullopt);
  EXPECT_EQ(h.badge_reached(D("2020-03-01"), rules_), std::optional<int>(30));
  EXPECT_EQ(h.badge_reached(today_, rules_), std::optional<int>(30));
  EXPECT_EQ(h.badge_reached(D("2030-02-28"), rules_), std::optional<int>(30));
  EXPECT_EQ(h.badge_reached(D("2030-03-01"), rules_), std::optional<int>(40));
  EXPECT_EQ(h.badge_reached(D("2035-03-01"), rules_), std::optional<int>(45));
  EXPECT_EQ(h.badge_reached(D("2040-03-01"), rules_), std::optional<int>(50));
}

TEST_F(LongLifeTest, BadgeYearsComeFromTheRuleSet) {
  MemberHistory h = fold_ok(long_life());
  rules_.badge_years = {25, 35};
  EXPECT_EQ(h.badge_reached(D("2015-03-01"), rules_), std::optional<int>(25));
  EXPECT_EQ(h.badge_reached(D("2025-03-01"), rules_), std::optional<int>(35));
}

TEST_F(LongLifeTest, NoBadgeForANonMember) {
  auto events = long_life();
  events.push_back(ev(3, K::death, "2021-01-01"));
  MemberHistory h = fold_ok(events);
  EXPECT_EQ(h.badge_reached(D("2020-12-31"), rules_), std::optional<int>(30));
  EXPECT_EQ(h.badge_reached(D("2021-01-01"), rules_), std::nullopt);
  // Party age stops at the end.
  EXPECT_EQ(h.party_age_years(D("2025-06-01")), 30);
}

TEST_F(MemberFoldTest, PartyAgeSubtractsTimeOutside) {
  person_.birth_date = D("1985-01-01");
  MemberHistory h =
      fold_ok({ev(1, K::admission, "2010-01-10", 10), ev(2, K::recognition, "2011-01-10"),
               ev(3, K::removal, "2015-03-01"), ev(4, K::readmission, "2018-05-01", 20)});
  // While outside, party age stands still at what it was on removal.
  EXPECT_EQ(h.party_age_years(D("2015-02-28")), 5);
  EXPECT_EQ(h.party_age_years(D("2017-01-01")), 5);
  // 1157 days outside push the start from 2010-01-10 to 2013-03-12.
  EXPECT_EQ(h.party_age_years(D("2025-03-11")), 11);
  EXPECT_EQ(h.party_age_years(D("2025-03-12")), 12);
  EXPECT_EQ(h.party_age_years(D("2025-05-01")), 12);
}

// ---- recognition due and probation overdue ---------------------------------------------------

TEST_F(MemberFoldTest, RecognitionDue) {
  MemberHistory h = fold_ok(normal_life());
  EXPECT_EQ(h.recognition_due(D("2023-06-01"), rules_), std::nullopt);  // candidate
  EXPECT_EQ(h.recognition_due(D("2024-06-01"), rules_), D("2025-01-10"));
  EXPECT_EQ(h.recognition_due(D("2025-01-09"), rules_), D("2025-01-10"));
  EXPECT_EQ(h.recognition_due(D("2025-01-10"), rules_), std::nullopt);  // recognized
}

TEST_F(MemberFoldTest, RecognitionDueFromTheCeremony) {
  MemberEvent adm = ev(1, K::admission, "2024-01-31", 10);
  adm.ceremony_date = D("2024-02-29");
  MemberHistory h = fold_ok({adm});
  EXPECT_EQ(h.recognition_due(D("2024-06-01"), rules_), D("2025-02-28"));
}

TEST_F(MemberFoldTest, ProbationOverdue) {
  // Probation from 2024-01-10 ends 2025-01-10 (a Friday); review within 30 working days, by
  // 2025-02-21.
  MemberHistory h = fold_ok(
      {ev(1, K::candidate_registration, "2023-03-01", 10), ev(2, K::admission, "2024-01-10", 10)});
  EXPECT_FALSE(h.probation_overdue(D("2023-06-01"), rules_));
  EXPECT_FALSE(h.probation_overdue(D("2024-06-01"), rules_));
  EXPECT_FALSE(h.probation_overdue(D("2025-01-10"), rules_));
  EXPECT_FALSE(h.probation_overdue(D("2025-02-21"), rules_));
  EXPECT_TRUE(h.probation_overdue(D("2025-02-22"), rules_));
  EXPECT_TRUE(h.probation_overdue(today_, rules_));
  EXPECT_FALSE(probation_overdue_on(D("2024-01-10"), D("2025-02-21"), rules_));
  EXPECT_TRUE(probation_overdue_on(D("2024-01-10"), D("2025-02-22"), rules_));
}

TEST_F(MemberFoldTest, RecognizedMemberIsNotOverdue) {
  MemberHistory h = fold_ok(normal_life());
  EXPECT_FALSE(h.probation_overdue(D("2025-02-22"), rules_));
  EXPECT_FALSE(h.probation_overdue(today_, rules_));
}

TEST_F(MemberFoldTest, PersonFullName) {
  EXPECT_EQ(person_.full_name(), "Nguyễn Văn An");
  Person p;
  p.family = "Hoàng Phủ";
  p.given = "Bình Minh";
  EXPECT_EQ(p.full_name(), "Hoàng Phủ Bình Minh");
}

TEST(MemberEnumsTest, NamesRoundTrip) {
  for (auto s : {S::none, S::candidate, S::probationary, S::official, S::removed, S::expelled,
                 S::resigned, S::deceased}) {
    EXPECT_EQ(parse_member_status(to_string(s)), std::optional<S>(s));
    EXPECT_FALSE(label_vi(s).empty());
  }
  EXPECT_EQ(parse_member_event_kind("readmission"), std::optional<K>(K::readmission));
  EXPECT_EQ(parse_member_event_kind("kết nạp"), std::nullopt);
  EXPECT_EQ(parse_transfer_mode("temporary_end"),
            std::optional<TransferMode>(TransferMode::temporary_end));
  EXPECT_TRUE(is_member(S::probationary));
  EXPECT_TRUE(is_member(S::official));
  EXPECT_FALSE(is_member(S::candidate));
  EXPECT_TRUE(is_ended(S::deceased));
  EXPECT_FALSE(is_ended(S::official));
}

}  // namespace
}  // namespace dangvu
