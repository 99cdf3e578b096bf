// Party badges: the day a badge falls due from the admission decision and the time outside the
// Party, the occasion it is presented on, the next badge after the one held, and how early a
// proposal may come (research/regulations-2026.md §3, "Requirements we can test").
#include "core/badges.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "core/rules.h"

namespace dangvu {
namespace {

Date D(std::string_view iso) { return *Date::parse(iso); }

MemberPeriod period(std::string_view from, std::string_view to, MemberStatus status) {
  MemberPeriod p;
  p.from = D(from);
  p.to = to.empty() ? Date::max() : D(to);
  p.status = status;
  return p;
}

const std::vector<int> kYears = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};

TEST(BadgesTest, ThirtyYearsFromTheDecisionWithNoGapIsOnTheNextOccasion) {
  const std::vector<MemberPeriod> periods = {period("1996-03-15", "", MemberStatus::official)};
  const auto due = party_age_reached_on(D("1996-03-15"), periods, 30);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(*due, D("2026-03-15"));
  EXPECT_EQ(badge_occasion_from(*due, BadgeRules{}), D("2026-05-19"));
  EXPECT_EQ(party_age_years_of(std::optional(D("1996-03-15")), periods, *due), 30);
  EXPECT_EQ(party_age_years_of(std::optional(D("1996-03-15")), periods, due->add_days(-1)), 29);
}

TEST(BadgesTest, TwoYearsStruckFromTheListPutTheBadgeTwoYearsLater) {
  const std::vector<MemberPeriod> periods = {
      period("1996-03-15", "2010-01-01", MemberStatus::official),
      period("2010-01-01", "2012-01-01", MemberStatus::removed),
      period("2012-01-01", "", MemberStatus::official)};
  const auto due = party_age_reached_on(D("1996-03-15"), periods, 30);
  ASSERT_TRUE(due.has_value());
  EXPECT_EQ(due->year(), 2028);
  EXPECT_EQ(party_age_years_of(std::optional(D("1996-03-15")), periods, *due), 30);
  EXPECT_EQ(party_age_years_of(std::optional(D("1996-03-15")), periods, due->add_days(-1)), 29);
  // Still outside: the age has stopped, no badge falls due.
  const std::vector<MemberPeriod> outside = {
      period("1996-03-15", "2010-01-01", MemberStatus::official),
      period("2010-01-01", "", MemberStatus::removed)};
  EXPECT_FALSE(party_age_reached_on(D("1996-03-15"), outside, 30).has_value());
  // Death does not stop the count: a badge may be awarded posthumously.
  const std::vector<MemberPeriod> died = {
      period("1996-03-15", "2025-12-01", MemberStatus::official),
      period("2025-12-01", "", MemberStatus::deceased)};
  EXPECT_EQ(party_age_reached_on(D("1996-03-15"), died, 30), D("2026-03-15"));
}

TEST(BadgesTest, TheOccasionsOfTheYearAndTheNextBadge) {
  const BadgeRules rules;
  EXPECT_EQ(badge_occasion_from(D("2026-05-19"), rules), D("2026-05-19"));
  EXPECT_EQ(badge_occasion_from(D("2026-05-20"), rules), D("2026-09-02"));
  EXPECT_EQ(badge_occasion_from(D("2026-11-08"), rules), D("2027-02-03"));
  EXPECT_EQ(badge_occasion_before(D("2026-05-19"), rules), D("2026-02-03"));
  EXPECT_EQ(badge_occasion_before(D("2026-02-03"), rules), D("2025-11-07"));
  EXPECT_EQ(next_badge(std::nullopt, kYears), 30);
  EXPECT_EQ(next_badge(40, kYears), 45);
  EXPECT_EQ(next_badge(50, kYears), 55);  // never the 45 years after the 50
  EXPECT_FALSE(next_badge(90, kYears).has_value());
  EXPECT_EQ(parse_badge_ground("illness"), BadgeGround::illness);
  EXPECT_EQ(label_vi(BadgeGround::posthumous), "Truy tặng");
  EXPECT_FALSE(parse_badge_ground("sick").has_value());
}

TEST(BadgesTest, AProposalBeforeItFallsDueNeedsItsGroundAndStaysWithinTheAllowance) {
  const BadgeRules rules;
  const Date due = D("2027-06-15");
  auto check = [&](int years, int months_early, BadgeGround ground,
                   std::optional<Date> died_on = std::nullopt) {
    return check_badge_proposal({years, due, due.add_months(-months_early), ground, died_on},
                                rules);
  };
  EXPECT_TRUE(check(65, 0, BadgeGround::none).ok());
  EXPECT_EQ(check(65, 1, BadgeGround::none).error().rule, "badge.not_due");
  // Serious illness: 65 years up to 12 months early, 70 years up to 24.
  EXPECT_TRUE(check(65, 12, BadgeGround::illness).ok());
  const auto thirteen = check(65, 13, BadgeGround::illness);
  ASSERT_FALSE(thirteen.ok());
  EXPECT_EQ(thirteen.error().rule, "badge.too_early");
  EXPECT_EQ(thirteen.error().field, "years");
  EXPECT_TRUE(check(70, 24, BadgeGround::illness).ok());
  EXPECT_EQ(check(70, 25, BadgeGround::illness).error().rule, "badge.too_early");
  // Posthumous: the member died at most 12 months before the badge would have fallen due.
  EXPECT_TRUE(check(40, 0, BadgeGround::posthumous, due.add_months(-12)).ok());
  EXPECT_EQ(check(40, 0, BadgeGround::posthumous, due.add_months(-13)).error().rule,
            "badge.posthumous_early");
  EXPECT_EQ(check(40, 0, BadgeGround::posthumous).error().rule, "badge.not_deceased");
  EXPECT_EQ(check(40, 0, BadgeGround::none, due.add_months(-1)).error().rule, "badge.posthumous");
  // An office that corrects the allowance (the rule set's data).
  BadgeRules corrected;
  corrected.ill_short_months = 6;
  EXPECT_EQ(check_badge_proposal({65, due, due.add_months(-7), BadgeGround::illness}, corrected)
                .error()
                .rule,
            "badge.too_early");
}

TEST(BadgesTest, AnOfficeCorrectsTheBadgeRulesInTheRuleFileAndAMalformedKeyIsRefused) {
  auto set = RuleSet::from_json(
      R"({"badges": {"occasions": ["03/02", "19/05", "02/09", "07/11", "22/12"],
                     "ill_long_months": 18}})");
  ASSERT_TRUE(set.ok()) << set.error().message_vi;
  EXPECT_EQ(badge_occasion_from(D("2026-11-08"), set->badges), D("2026-12-22"));
  EXPECT_EQ(set->badges.ill_long_months, 18);
  EXPECT_EQ(set->badges.ill_short_months, 12);
  auto again = RuleSet::from_json(set->to_json());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->badges.occasions.size(), 5u);
  for (const char* wrong :
       {R"({"badges": {"occasions": ["31/02"]}})", R"({"badges": {"occasions": []}})",
        R"({"badges": {"ill_short_months": -1}})", R"({"badges": {"early": 3}})"}) {
    auto refused = RuleSet::from_json(wrong);
    ASSERT_FALSE(refused.ok()) << wrong;
    EXPECT_EQ(refused.error().field, "rules.badges") << wrong;
  }
}

}  // namespace
}  // namespace dangvu
