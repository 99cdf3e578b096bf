// Party dues under Quy định 01-QĐ/TW as the rule set ships them: the issue's examples (1% of the
// insured salary, 0.5% of the pension, 1% of the maternity allowance, 5.000 đ for a student, a
// 50% reduction, nothing from 50 years of party age), reductions of the allowed rates for at most
// 12 months, and an office's corrections of the rules refused by key when malformed.
#include "core/dues.h"

#include <gtest/gtest.h>

#include "core/rules.h"

namespace dangvu {
namespace {

const DuesRules& rules() {
  static const DuesRules r = DuesRules::defaults();
  return r;
}

Money owed(const DuesBasis& b) {
  auto r = dues_owed(rules(), b);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message_vi);
  return r.ok() ? r->amount : -1;
}

Date d(const char* iso) { return Date::parse(iso).value(); }

TEST(Dues, TheRegulationsExamples) {
  // Insured salary of 10.000.000 đ in January: 100.000 đ for February.
  EXPECT_EQ(owed({.category = "insured", .base = 10'000'000}), 100'000);
  EXPECT_TRUE(rules().category("insured")->base_of_month_before);
  EXPECT_EQ(owed({.category = "pensioner", .base = 8'000'000}), 40'000);
  EXPECT_EQ(owed({.category = "sickness_maternity", .base = 12'000'000}), 120'000);
  EXPECT_EQ(owed({.category = "student"}), 5'000);
  EXPECT_EQ(owed({.category = "insured", .base = 10'000'000, .reduction_percent = 50}), 50'000);
  EXPECT_EQ(owed({.category = "insured", .base = 10'000'000, .reduction_percent = 30}), 70'000);
  // A pension with odd đồng: 0,5% of 8.123.457 = 40.617,285 → 40.617 đ (whole đồng, half up).
  EXPECT_EQ(owed({.category = "pensioner", .base = 8'123'457}), 40'617);
  EXPECT_EQ(owed({.category = "pensioner", .base = 8'123'500}), 40'618);
}

TEST(Dues, FiftyYearsOfPartyAgeAndAnExemptionGroundPayNothing) {
  DuesBasis full{.category = "insured", .base = 10'000'000, .party_age_years = 49};
  EXPECT_EQ(owed(full), 100'000);
  full.party_age_years = 50;
  auto r = dues_owed(rules(), full);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->amount, 0);
  EXPECT_EQ(r->full, 100'000);
  EXPECT_EQ(r->why, DuesOwed::Why::party_age);
  DuesBasis poor{.category = "other", .exemption = "poor_household"};
  r = dues_owed(rules(), poor);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->amount, 0);
  EXPECT_EQ(r->why, DuesOwed::Why::exemption);
}

TEST(Dues, ABasisLackingWhatItsCategoryNeedsIsNamed) {
  auto none = dues_owed(rules(), {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "category");
  auto no_base = dues_owed(rules(), {.category = "insured"});
  ASSERT_FALSE(no_base.ok());
  EXPECT_EQ(no_base.error().field, "base");
  auto negative = dues_owed(rules(), {.category = "insured", .base = -5});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().field, "base");
  auto unknown = dues_owed(rules(), {.category = "farmer"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "category");
  auto ground = dues_owed(rules(), {.category = "student", .exemption = "tired"});
  ASSERT_FALSE(ground.ok());
  EXPECT_EQ(ground.error().field, "exemption");
  auto rate = dues_owed(rules(), {.category = "student", .reduction_percent = 40});
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.error().field, "reduction");
}

TEST(Dues, AReductionIsOfAnAllowedRateForAtMostTwelveMonths) {
  EXPECT_TRUE(check_dues_reduction(rules(), 50, d("2026-02-01"), d("2027-01-31")).ok());
  auto long_one = check_dues_reduction(rules(), 50, d("2026-02-01"), d("2027-02-28"));
  ASSERT_FALSE(long_one.ok());
  EXPECT_EQ(long_one.error().rule, "dues.reduction_months");
  EXPECT_NE(long_one.error().message_vi.find("13 tháng"), std::string::npos);
  auto other_rate = check_dues_reduction(rules(), 40, d("2026-02-01"), d("2026-06-30"));
  ASSERT_FALSE(other_rate.ok());
  EXPECT_EQ(other_rate.error().rule, "dues.reduction_rate");
  EXPECT_NE(other_rate.error().message_vi.find("30%, 50%, 70%"), std::string::npos);
  EXPECT_FALSE(check_dues_reduction(rules(), 50, d("2026-06-01"), d("2026-02-01")).ok());
}

TEST(Dues, AnOfficeCorrectsTheRulesAndMalformedOnesAreRefusedByKey) {
  DuesRules r = DuesRules::defaults();
  ASSERT_TRUE(r.merge_json(R"({"categories": [{"code": "other", "label": "Đảng viên khác",
                                               "fixed": 10000}],
                               "kept_bp": {"sub_branch": 4000}, "round_to": 1000})")
                  .ok());
  EXPECT_EQ(r.categories.size(), 1u);
  EXPECT_EQ(dues_owed(r, {.category = "other"})->amount, 10'000);
  EXPECT_EQ(r.kept_bp.at(OrgKind::sub_branch), 4000);
  EXPECT_EQ(r.kept_bp.at(OrgKind::grassroots_branch), 5000);  // not named: kept
  // Rounded to 1.000 đ now: 0,5% of 8.123.457 → 41.000 đ.
  ASSERT_TRUE(r.merge_json(R"({"categories": [{"code": "pensioner", "label": "Hưu trí",
                                               "rate_bp": 50}]})")
                  .ok());
  EXPECT_EQ(dues_owed(r, {.category = "pensioner", .base = 8'123'457})->amount, 41'000);

  for (const char* wrong :
       {R"({"categories": []})", R"({"categories": [{"code": "x", "label": "X"}]})",
        R"({"categories": [{"code": "x", "label": "X", "fixed": 1,
                                                "rate_bp": 100}]})",
        R"({"kept_bp": {"village": 100}})", R"({"round_to": 0})",
        R"({"reduction_percents": [100]})", R"({"unknown": 1})"}) {
    DuesRules copy = DuesRules::defaults();
    auto s = copy.merge_json(wrong);
    ASSERT_FALSE(s.ok()) << wrong;
    EXPECT_EQ(s.error().field, "rules.dues") << wrong;
    EXPECT_NE(s.error().message_vi.find("«dues."), std::string::npos) << s.error().message_vi;
  }
  // Through the rule set's file, and back.
  auto set = RuleSet::from_json(R"({"dues": {"exempt_party_age_years": 55}})");
  ASSERT_TRUE(set.ok()) << set.error().message_vi;
  EXPECT_EQ(set->dues.exempt_party_age_years, 55);
  auto again = RuleSet::from_json(set->to_json());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->dues.to_json(), set->dues.to_json());
}

}  // namespace
}  // namespace dangvu
