// The demo's year's end (`scripts/demo`'s database): the 2025 quality rating round of one
// grassroots committee, decided — every member rated, each the category its proposal gives, the
// counts adding up — and the Party badges of 2/9/2026 decided and counted in the year's
// statistics (Biểu 7) as the list of the occasion shows them.
#include <gtest/gtest.h>

#include "service/demo.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

TEST(DemoYearEndTest, TheRatingRoundOf2025IsDecidedAndTheBadgesOf2026AreCounted) {
  testing::TempDir dir;
  const std::string path = dir.database("demo.db");
  if (store::engine_of(path) != store::Engine::sqlite) {
    GTEST_SKIP() << "the figures do not depend on the engine (the engines agree: parity tests)";
  }
  FixedClock clock{D("2026-12-05")};
  auto s = store::Store::open(path, store::OpenMode::create_new, clock.now_iso());
  ASSERT_TRUE(s.ok()) << s.error().detail_en;
  Registry registry(**s, RuleSet::defaults(), clock, "test");
  auto demo = generate_demo(registry, DemoScale::small, 1, nullptr);
  ASSERT_TRUE(demo.ok()) << demo.error().detail_en;

  auto round = registry.rating_round("DB001", 2025);
  ASSERT_TRUE(round.ok()) << round.error().message_vi;
  EXPECT_GT(round->to_rate, 10);
  EXPECT_EQ(round->decided, round->to_rate) << "every member rated has the decision";
  int by_category = 0;
  for (const auto& [c, n] : round->by_category) by_category += n;
  EXPECT_EQ(by_category, round->decided);
  EXPECT_GT(round->by_category[RatingCategory::good],
            round->by_category[RatingCategory::excellent]);
  for (const auto& r : round->rows) {
    SCOPED_TRACE(r.member_code);
    if (r.not_rated) {
      EXPECT_FALSE(r.rating.decision);
      continue;
    }
    ASSERT_TRUE(r.rating.decision && r.rating.proposal && r.rating.self);
    EXPECT_EQ(r.rating.decision->category, r.rating.proposal->category);
    EXPECT_EQ(r.rating.decision->decision_no, "45-QĐ/ĐU");
    EXPECT_EQ(r.decided_by_code, "DB001");
    EXPECT_EQ(r.competent_code, "DB001");
  }

  // The 2/9/2026 list: decided for those due, and counted in Biểu 7 of 2026 with the year's
  // other occasions.
  auto september = registry.badges_due("TU", "2026-09-02");
  ASSERT_TRUE(september.ok());
  EXPECT_GT(september->awarded, 0);
  auto stats = registry.member_statistics("TU", "2026");
  ASSERT_TRUE(stats.ok());
  double counted = -1;
  for (const auto& t : stats->tables) {
    for (const auto& l : t.lines) {
      if (t.id == "badges" && l.id == "badges.awarded") counted = l.value.value_or(-1);
    }
  }
  int awarded_2026 = 0;
  for (const char* occasion : {"2026-02-03", "2026-05-19", "2026-09-02"}) {
    auto list = registry.badges_due("TU", occasion);
    ASSERT_TRUE(list.ok());
    awarded_2026 += list->awarded;
  }
  // Members who left the province after their badge are counted by the statistics, not listed.
  EXPECT_GE(counted, awarded_2026);
  EXPECT_GT(awarded_2026, 0);
}

}  // namespace
}  // namespace dangvu::service
