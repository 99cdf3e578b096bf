// A member's Party badges folded from the log (award, presentation, reissue, cancellation), and
// a new award checked against what is held: never the same badge twice, never a lower one.
#include "core/badge_award.h"

#include <gtest/gtest.h>

namespace dangvu {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

BadgeRecord record(BadgeRecordId id, BadgeRecordKind kind, int years, const char* dated,
                   std::optional<BadgeRecordId> refers = std::nullopt) {
  BadgeRecord r;
  r.id = id;
  r.kind = kind;
  r.years = years;
  r.occasion = D("2026-05-19");
  r.dated = D(dated);
  r.decision_no = "12-QĐ/TU";
  r.refers = refers;
  return r;
}

TEST(BadgeAward, TheBadgesHeldFoldTheLog) {
  using K = BadgeRecordKind;
  std::vector<BadgeRecord> log = {
      record(1, K::award, 30, "2016-05-07"),
      record(2, K::presentation, 30, "2016-05-19", 1),
      record(3, K::award, 40, "2026-05-07"),
      record(4, K::presentation, 40, "2026-05-18", 3),
      record(5, K::cancellation, 40, "2026-05-20", 4),  // the wrong day
      record(6, K::presentation, 40, "2026-05-19", 3),
      record(7, K::reissue, 30, "2026-06-01", 1),
  };
  log[0].occasion = D("2016-05-19");
  auto held = badges_held(log);
  ASSERT_EQ(held.size(), 2U);
  EXPECT_EQ(held[0].award.years, 30);
  EXPECT_EQ(held[0].presented_on, D("2016-05-19"));
  ASSERT_EQ(held[0].reissues.size(), 1U);
  EXPECT_EQ(held[1].presented_on, D("2026-05-19"));
  EXPECT_EQ(highest_badge(held), 40);
  EXPECT_EQ(highest_badge(held, D("2026-05-19")), 30);  // before this occasion: the 30 only
  EXPECT_TRUE(badge_record_cancelled(log, 4));
  EXPECT_FALSE(badge_record_cancelled(log, 3));

  // Cancelling the award takes its presentation with it.
  log.push_back(record(8, K::cancellation, 40, "2026-06-02", 3));
  held = badges_held(log);
  ASSERT_EQ(held.size(), 1U);
  EXPECT_EQ(highest_badge(held), 30);
}

TEST(BadgeAward, ANewAwardIsCheckedAgainstWhatIsHeld) {
  const std::vector<int> years = {30, 40, 45, 50};
  const BadgeRules rules;
  std::vector<BadgeHeld> held = {{record(1, BadgeRecordKind::award, 40, "2026-05-07"), {}, {}}};
  auto proposal = [](int y) {
    return BadgeProposal{.years = y, .due = D("2026-01-01"), .occasion = D("2026-02-03")};
  };
  auto e = check_badge_award(held, proposal(40), rules, years, "members[2].");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().rule, "badge.held");
  EXPECT_EQ(e.error().field, "members[2].years");
  e = check_badge_award(held, proposal(30), rules, years);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().rule, "badge.lower");
  e = check_badge_award(held, proposal(35), rules, years);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().rule, "badge.unknown");
  EXPECT_TRUE(check_badge_award(held, proposal(45), rules, years).ok());
  // The proposal's own rules come after: not yet due.
  auto late = proposal(45);
  late.due = D("2026-03-01");
  e = check_badge_award(held, late, rules, years, "members[0].");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().rule, "badge.not_due");
  EXPECT_EQ(e.error().field, "members[0].years");
}

}  // namespace
}  // namespace dangvu
