// Who reaches a Party badge's years for an occasion (issue 22): in an org's subtree, the members
// whose party age reaches 30, 40 … years after the occasion before and by this one — counted
// from the admission decision, put back by time outside the Party — on both engines.
#include <gtest/gtest.h>

#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

class BadgesTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "", "1970-01-01");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU", "1970-01-01");
    org("S1", "Chi bộ Văn phòng", "sub_branch", "DB", "1970-01-01");
    org("S2", "Chi bộ Kế toán", "sub_branch", "DB", "1970-01-01");
    admit("A", "An", "S1", "1996-03-15");    // 30 years on 15/03/2026
    admit("B", "Bình", "S1", "1996-03-15");  // struck off three years: 30 years in 2029
    event("B", "removal", "2006-01-01");
    event("B", "readmission", "2009-01-01", "S1");
    admit("C", "Chi", "S2", "1986-04-01");   // 40 years on 01/04/2026
    admit("D", "Dũng", "S2", "1986-06-01");  // 40 years on 01/06/2026: the 2/9 list
    admit("E", "Én", "S2", "1996-01-10");    // 30 years on 10/01/2026: the 3/2 list
    admit("F", "Phúc", "S1", "1996-03-20");  // died before the occasion
    event("F", "death", "2026-01-05");
  }

  void admit(const std::string& code, const std::string& given, const std::string& org,
             const std::string& on) {
    const std::string born = std::to_string(std::stoi(on.substr(0, 4)) - 25) + "-01-01";
    person({.code = code, .given = given, .org = org, .date = on, .birth_date = born});
    event(code, "recognition", D(on.c_str()).add_years(1).add_days(7).iso());
  }

  // A line of Biểu 7 (the badges of the period) of the member statistics: this period's value.
  double badges_line(const std::string& org, const std::string& period, const std::string& id) {
    auto v = registry_->member_statistics(org, period);
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().message_vi);
    if (!v.ok()) return -1;
    for (const auto& t : v->tables) {
      if (t.id != "badges") continue;
      for (const auto& l : t.lines) {
        if (l.id == id) return l.value.value_or(-1);
      }
    }
    ADD_FAILURE() << "no line badges/" << id;
    return -2;
  }

  static std::vector<std::string> codes(const BadgesDueView& v) {
    std::vector<std::string> out;
    for (const auto& r : v.rows) out.push_back(r.member_code + ":" + std::to_string(r.years));
    return out;
  }
};

TEST_F(BadgesTest, TheMembersReachingABadgeByTheOccasionAndAfterTheOneBefore) {
  auto may = registry_->badges_due("DB", "2026-05-19");
  ASSERT_TRUE(may.ok()) << may.error().message_vi;
  // E reached 30 years for 3/2, D in 2016, and neither has had the badge: overdue on the next
  // list. C reached 30 years in 2016 too and 40 now: proposed the 40, never the lower one.
  EXPECT_EQ(codes(*may), (std::vector<std::string>{"C:40", "A:30", "D:30", "E:30"}));
  EXPECT_EQ(may->previous, D("2026-02-03"));
  EXPECT_EQ(may->rows[1].due, D("2026-03-15"));
  EXPECT_EQ(may->rows[1].org_code, "S1");
  EXPECT_EQ(may->rows[1].first_admission, D("1996-03-15"));
  EXPECT_FALSE(may->rows[1].gap);
  EXPECT_FALSE(may->rows[1].overdue);
  EXPECT_TRUE(may->rows[2].overdue);
  EXPECT_TRUE(may->rows[3].overdue);
  EXPECT_EQ(may->by_years.at(40), 1);
  EXPECT_EQ(may->by_years.at(30), 3);
  EXPECT_EQ(may->awarded, 0);

  auto february = registry_->badges_due("DB", "2026-02-03");
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(codes(*february), (std::vector<std::string>{"C:30", "D:30", "E:30"}));
  EXPECT_FALSE(february->rows[2].overdue);
  auto branch = registry_->badges_due("S1", "2026-05-19");
  ASSERT_TRUE(branch.ok());
  EXPECT_EQ(codes(*branch), (std::vector<std::string>{"A:30"}));

  // The three years struck off put B's badge in 2029, counted from today's subtree.
  auto later = registry_->badges_due("S1", "2029-05-19");
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(codes(*later), (std::vector<std::string>{"A:30", "B:30"}));
  EXPECT_EQ(later->rows[1].due, D("2029-03-16"));  // 1.096 days outside: 2008 had a 29/02
  EXPECT_TRUE(later->rows[1].gap);
  EXPECT_FALSE(later->rows[1].overdue);
  EXPECT_TRUE(later->rows[0].overdue);
  EXPECT_EQ(later->as_of, D("2026-12-06"));
}

// A decision twelve days before its occasion, presented on it; for an occasion to come, decided
// on 01/12/2026 and not presented yet.
BadgeDecisionInput decision(const std::string& occasion, std::vector<BadgeAwardInput> members) {
  const Date today = *Date::parse("2026-12-06");
  const Date on = *Date::parse(occasion);
  const bool past = on <= today;
  return {.occasion = occasion,
          .decision_no = "125-QĐ/TU",
          .decided_by = "Ban Thường vụ Tỉnh ủy",
          .decided_on = past ? on.add_days(-12).iso() : "2026-12-01",
          .presented_on = past ? occasion : "",
          .members = std::move(members)};
}

TEST_F(BadgesTest, AnAwardLeavesTheListsAfterItsOccasionAndShowsOnItsOwn) {
  auto ids = registry_->record_badge_awards(decision(
      "2026-05-19", {{.member_code = "A", .years = 30}, {.member_code = "C", .years = 40}}));
  ASSERT_TRUE(ids.ok()) << ids.error().message_vi;
  EXPECT_EQ(ids->size(), 2U);

  auto may = registry_->badges_due("DB", "2026-05-19");
  ASSERT_TRUE(may.ok());
  EXPECT_EQ(codes(*may), (std::vector<std::string>{"C:40", "A:30", "D:30", "E:30"}));
  EXPECT_EQ(may->awarded, 2);
  ASSERT_TRUE(may->rows[1].award);
  EXPECT_EQ(may->rows[1].award->award.decision_no, "125-QĐ/TU");
  EXPECT_EQ(may->rows[1].award->presented_on, D("2026-05-19"));
  EXPECT_FALSE(may->rows[2].award);

  auto september = registry_->badges_due("DB", "2026-09-02");
  ASSERT_TRUE(september.ok());
  EXPECT_EQ(codes(*september), (std::vector<std::string>{"D:40", "E:30"}));
  EXPECT_TRUE(september->rows[1].overdue);

  auto a = registry_->member_badges("A");
  ASSERT_TRUE(a.ok()) << a.error().message_vi;
  ASSERT_EQ(a->held.size(), 1U);
  EXPECT_EQ(a->held[0].award.years, 30);
  EXPECT_EQ(a->held[0].presented_on, D("2026-05-19"));
  EXPECT_EQ(a->records.size(), 2U);  // the award and its presentation
  EXPECT_EQ(a->next_years, 40);
  EXPECT_EQ(a->next_due, D("2036-03-15"));

  // A lost badge reissued; a mistaken presentation cancelled and recorded again.
  const BadgeRecordId award = a->held[0].award.id;
  auto reissued = registry_->record_badge_follow({.member_code = "A",
                                                  .kind = BadgeRecordKind::reissue,
                                                  .record = award,
                                                  .dated = "2026-11-20",
                                                  .decision_no = "300-QĐ/TU",
                                                  .decided_by = "Ban Thường vụ Tỉnh ủy",
                                                  .reason = "Bị mất khi chuyển nhà"});
  ASSERT_TRUE(reissued.ok()) << reissued.error().message_vi;
  const BadgeRecordId presentation = a->records[1].id;
  EXPECT_EQ(refused([&] {
              return registry_->record_badge_follow({.member_code = "A",
                                                     .kind = BadgeRecordKind::presentation,
                                                     .record = award,
                                                     .dated = "2026-05-20"});
            }).field,
            "record");
  ASSERT_TRUE(registry_
                  ->record_badge_follow({.member_code = "A",
                                         .kind = BadgeRecordKind::cancellation,
                                         .record = presentation,
                                         .reason = "Ghi nhầm ngày"})
                  .ok());
  ASSERT_TRUE(registry_
                  ->record_badge_follow({.member_code = "A",
                                         .kind = BadgeRecordKind::presentation,
                                         .record = award,
                                         .dated = "2026-05-20"})
                  .ok());
  a = registry_->member_badges("A");
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->held.size(), 1U);
  EXPECT_EQ(a->held[0].presented_on, D("2026-05-20"));
  ASSERT_EQ(a->held[0].reissues.size(), 1U);
  EXPECT_EQ(a->held[0].reissues[0].note, "Bị mất khi chuyển nhà");
  EXPECT_EQ(a->cancelled, (std::vector<BadgeRecordId>{presentation}));

  // Cancelling the award puts A back on the list.
  ASSERT_TRUE(registry_
                  ->record_badge_follow({.member_code = "A",
                                         .kind = BadgeRecordKind::cancellation,
                                         .record = award,
                                         .reason = "Quyết định ghi nhầm người"})
                  .ok());
  september = registry_->badges_due("DB", "2026-09-02");
  ASSERT_TRUE(september.ok());
  EXPECT_EQ(codes(*september), (std::vector<std::string>{"D:40", "A:30", "E:30"}));
}

TEST_F(BadgesTest, AnAwardAgainstTheRulesIsRefusedNamingTheFieldAndWritesNothing) {
  ASSERT_TRUE(
      registry_->record_badge_awards(decision("2026-05-19", {{.member_code = "C", .years = 40}}))
          .ok());
  struct Case {
    BadgeDecisionInput in;
    std::string field, rule;
  };
  std::vector<Case> cases = {
      // Not yet due: D reaches 40 years on 01/06/2026.
      {decision("2026-05-19",
                {{.member_code = "A", .years = 30}, {.member_code = "D", .years = 40}}),
       "members[1].years", "badge.not_due"},
      {decision("2026-05-19", {{.member_code = "A", .years = 35}}), "members[0].years",
       "badge.unknown"},
      {decision("2026-09-02", {{.member_code = "C", .years = 40}}), "members[0].years",
       "badge.held"},
      {decision("2026-09-02", {{.member_code = "C", .years = 30}}), "members[0].years",
       "badge.lower"},
      // B's badge falls due in 2029: 13 months early is beyond the illness allowance.
      {decision("2028-02-03", {{.member_code = "B", .years = 30, .ground = "illness"}}),
       "members[0].years", "badge.too_early"},
      {decision("2026-05-19", {{.member_code = "A", .years = 30, .ground = "posthumous"}}),
       "members[0].ground", "badge.not_deceased"},
      {decision("2026-05-19",
                {{.member_code = "A", .years = 30}, {.member_code = "A", .years = 30}}),
       "members[1].member", ""},
      {decision("2026-05-19", {{.member_code = "A"}}), "members[0].years", ""},
      {decision("2026-05-19", {{.member_code = "A", .years = 30, .ground = "old"}}),
       "members[0].ground", ""},
      {decision("2026-05-19", {{.member_code = "ZZ", .years = 30}}), "members[0].member", ""},
      {decision("2026-05-20", {{.member_code = "A", .years = 30}}), "occasion", ""},
      {decision("2026-05-19", {}), "members", ""},
  };
  Case no_number{decision("2026-05-19", {{.member_code = "A", .years = 30}}), "decision_no", ""};
  no_number.in.decision_no = " ";
  cases.push_back(no_number);
  Case future{decision("2026-05-19", {{.member_code = "A", .years = 30}}), "decided_on", ""};
  future.in.decided_on = "2026-12-07";
  cases.push_back(future);
  Case early{decision("2026-05-19", {{.member_code = "A", .years = 30}}), "presented_on", ""};
  early.in.presented_on = "2026-05-01";
  cases.push_back(early);
  for (const auto& c : cases) {
    auto e = refused([&] { return registry_->record_badge_awards(c.in); });
    EXPECT_EQ(e.field, c.field) << e.message_vi;
    if (!c.rule.empty()) {
      EXPECT_EQ(e.rule, c.rule) << e.message_vi;
    }
  }

  // 12 months early for illness is within the allowance (30 years: up to 65).
  ASSERT_TRUE(registry_
                  ->record_badge_awards(decision(
                      "2028-05-19", {{.member_code = "B", .years = 30, .ground = "illness"}}))
                  .ok());

  // Who may record: the committee's office over the member; not a branch secretary, not
  // another subtree's office.
  auto secretary = as(auth::Role::branch_secretary, "S1");
  EXPECT_EQ(refused([&] {
              return secretary.record_badge_awards(
                  decision("2026-05-19", {{.member_code = "A", .years = 30}}));
            }).kind,
            ErrorKind::forbidden);
  org("DB2", "Đảng bộ Sở Xây dựng", "grassroots_committee", "TU", "1970-01-01");
  auto other = as(auth::Role::committee_office, "DB2");
  EXPECT_EQ(refused([&] {
              return other.record_badge_awards(
                  decision("2026-05-19", {{.member_code = "A", .years = 30}}));
            }).kind,
            ErrorKind::not_found);
  EXPECT_EQ(refused([&] { return other.member_badges("A"); }).kind, ErrorKind::not_found);
}

TEST_F(BadgesTest, APosthumousBadgeForAMemberWhoDiedWithinTheYearBeforeIt) {
  // F died on 05/01/2026, ten weeks before 30 years (20/03/2026).
  auto e = refused([&] {
    return registry_->record_badge_awards(
        decision("2026-05-19", {{.member_code = "F", .years = 30}}));
  });
  EXPECT_EQ(e.rule, "badge.posthumous");
  ASSERT_TRUE(registry_
                  ->record_badge_awards(decision(
                      "2026-05-19", {{.member_code = "F", .years = 30, .ground = "posthumous"}}))
                  .ok());
}

// Biểu 7 of the statistics: the badges awarded for the period's occasions by badge, the
// posthumous ones among them, and the reissues decided in it, for the org each member belonged
// to on the occasion (F's last, before the death).
TEST_F(BadgesTest, TheYearsBadgesAreCountedByBadgeInTheStatistics) {
  ASSERT_TRUE(registry_
                  ->record_badge_awards(decision(
                      "2026-05-19", {{.member_code = "A", .years = 30},
                                     {.member_code = "C", .years = 40},
                                     {.member_code = "F", .years = 30, .ground = "posthumous"}}))
                  .ok());
  auto e =
      registry_->record_badge_awards(decision("2026-02-03", {{.member_code = "E", .years = 30}}));
  ASSERT_TRUE(e.ok()) << e.error().message_vi;
  EXPECT_EQ(badges_line("DB", "2026", "badges.awarded"), 4);
  EXPECT_EQ(badges_line("DB", "2026", "badges.30"), 3);
  EXPECT_EQ(badges_line("DB", "2026", "badges.40"), 1);
  EXPECT_EQ(badges_line("DB", "2026", "badges.posthumous"), 1);
  EXPECT_EQ(badges_line("DB", "2026", "badges.50"), 0);
  EXPECT_EQ(badges_line("S1", "2026", "badges.awarded"), 2);     // A, F
  EXPECT_EQ(badges_line("DB", "2026-Q1", "badges.awarded"), 1);  // E, for 3/2
  EXPECT_EQ(badges_line("DB", "2025", "badges.awarded"), 0);

  auto a = registry_->member_badges("A");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(registry_
                  ->record_badge_follow({.member_code = "A",
                                         .kind = BadgeRecordKind::reissue,
                                         .record = a->held[0].award.id,
                                         .dated = "2026-11-20",
                                         .decision_no = "300-QĐ/TU",
                                         .decided_by = "Ban Thường vụ Tỉnh ủy",
                                         .reason = "Bị mất"})
                  .ok());
  EXPECT_EQ(badges_line("DB", "2026", "badges.reissued"), 1);
  EXPECT_EQ(badges_line("DB", "2026-Q4", "badges.reissued"), 1);
  EXPECT_EQ(badges_line("DB", "2026-Q4", "badges.awarded"), 0);
}

TEST_F(BadgesTest, AnOccasionOutOfTheRulesOrAnOrgOutOfScopeIsRefused) {
  auto e = refused([&] { return registry_->badges_due("DB", "2026-05-20"); });
  EXPECT_EQ(e.field, "occasion");
  EXPECT_NE(e.message_vi.find("19/05"), std::string::npos) << e.message_vi;
  e = refused([&] { return registry_->badges_due("DB", "19/05/2026"); });
  EXPECT_EQ(e.field, "occasion");
  auto s2 = as(auth::Role::branch_secretary, "S2");
  EXPECT_EQ(refused([&] { return s2.badges_due("S1", "2026-05-19"); }).kind, ErrorKind::not_found);
  auto own = s2.badges_due("", "2026-05-19");
  ASSERT_TRUE(own.ok()) << own.error().message_vi;
  EXPECT_EQ(codes(*own), (std::vector<std::string>{"C:40", "D:30", "E:30"}));
}

}  // namespace
}  // namespace dangvu::service
