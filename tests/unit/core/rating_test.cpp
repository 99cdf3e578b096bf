// The yearly quality rating's categories from the score and its conditions (Quy định 366-QĐ/TW,
// Điều 11), who is reviewed but not rated, and the quota warning: the issue's examples.
#include "core/rating.h"

#include <gtest/gtest.h>

namespace dangvu {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

int score(const char* text) { return *parse_score(text, "score"); }

TEST(Rating, TheCategoryFollowsTheScoreAndItsConditions) {
  const RatingRules rules;
  auto of = [&](const char* s, bool on_time = true, bool disciplined = false) {
    return category_for({score(s), on_time, disciplined}, rules);
  };
  EXPECT_EQ(of("90"), RatingCategory::excellent);
  EXPECT_EQ(of("90", false), RatingCategory::completed);  // a condition of xuất sắc and tốt
  EXPECT_EQ(of("89,9"), RatingCategory::good);
  EXPECT_EQ(of("70"), RatingCategory::good);
  EXPECT_EQ(of("69,9"), RatingCategory::completed);
  EXPECT_EQ(of("50"), RatingCategory::completed);
  EXPECT_EQ(of("49,9"), RatingCategory::not_completed);
  EXPECT_EQ(of("95", true, true), RatingCategory::not_completed);  // disciplined in the year

  auto e = check_rating_category(RatingCategory::excellent, {score("89.9"), true, false}, rules,
                                 "members[2].category");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().rule, "rating.category");
  EXPECT_EQ(e.error().field, "members[2].category");
  EXPECT_NE(e.error().message_vi.find("Điểm 89,9"), std::string::npos) << e.error().message_vi;
  EXPECT_TRUE(
      check_rating_category(RatingCategory::good, {score("89.9"), true, false}, rules, "category")
          .ok());
}

TEST(Rating, AScoreIsOutOfAHundredWithOneDecimal) {
  EXPECT_EQ(score("89,9"), 899);
  EXPECT_EQ(score("89.9"), 899);
  EXPECT_EQ(score("100"), 1000);
  EXPECT_EQ(score("0"), 0);
  for (const char* bad : {"100,1", "101", "-1", "89,95", "", ",5", "8a", "89,"}) {
    auto s = parse_score(bad, "score");
    EXPECT_FALSE(s.ok()) << bad;
    if (!s.ok()) {
      EXPECT_EQ(s.error().field, "score");
    }
  }
  EXPECT_EQ(score_vi(899), "89,9");
  EXPECT_EQ(score_vi(900), "90");
}

TEST(Rating, ANewMemberAndAnExemptOneAreReviewedButNotRated) {
  const RatingRules rules;
  const Date end = D("2026-12-31");
  EXPECT_EQ(not_rated_reason(D("2026-09-10"), false, end, rules),
            NotRatedReason::admitted_recently);
  EXPECT_EQ(not_rated_reason(D("2026-06-30"), false, end, rules), std::nullopt);
  EXPECT_EQ(not_rated_reason(D("2020-01-01"), true, end, rules), NotRatedReason::exempt);
  // From the dossier: exempt on the year's end; disciplined in the year.
  std::vector<DossierRecord> log(3);
  log[0].id = 1;
  log[0].field = "exemption";
  log[0].value = "yes";
  log[0].from = D("2026-03-01");
  log[1].id = 2;
  log[1].field = "discipline";
  log[1].value = "reprimand";
  log[1].from = D("2025-05-01");
  log[2].id = 3;
  log[2].field = "discipline";
  log[2].value = "warning";
  log[2].from = D("2026-05-01");
  auto standing = rating_standing(D("2010-01-01"), Dossier(log), 2026, end, rules);
  EXPECT_EQ(standing.not_rated, NotRatedReason::exempt);
  EXPECT_TRUE(standing.disciplined);
  standing = rating_standing(D("2010-01-01"), Dossier({log[1]}), 2026, end, rules);
  EXPECT_EQ(standing.not_rated, std::nullopt);
  EXPECT_FALSE(standing.disciplined) << "a discipline of an earlier year";
}

TEST(Rating, TheShareOfExcellentBeyondTheQuotaIsWarnedAbout) {
  RatingRules rules;
  EXPECT_EQ(excellent_quota_warning(2, 10, rules), std::nullopt);  // 20% of 10
  auto w = excellent_quota_warning(3, 10, rules);
  ASSERT_TRUE(w);
  EXPECT_NE(w->find("vượt 20%"), std::string::npos) << *w;
  ASSERT_TRUE(rules.merge_json(R"({"excellent_quota_percent": 30})").ok());
  EXPECT_EQ(excellent_quota_warning(3, 10, rules), std::nullopt);
  auto e = rules.merge_json(R"({"good_min": 950})");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "rules.rating");
  EXPECT_EQ(rules.good_min, 700) << "a refused file changes nothing";
}

}  // namespace
}  // namespace dangvu
