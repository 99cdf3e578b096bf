// The identities of the member statistics hold on the demo (`scripts/demo`'s database) for every
// committee and a sample of branches in every quarter of 2023–2026, across the 2025
// reorganization (orgs moved under new committees, two committees merged, the bloc dissolved):
// D = A + B − C, every analysis adds up to D, the new members equal biểu 1's admissions.
#include <gtest/gtest.h>

#include "core/period.h"
#include "service/demo.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

TEST(DemoStatisticsTest, TheFormsIdentitiesHoldForEveryCommitteeAndQuarter) {
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

  int computed = 0, moved = 0;
  for (int year = 2023; year <= 2026; ++year) {
    for (int q = 1; q <= 4; ++q) {
      const std::string period = std::to_string(year) + "-Q" + std::to_string(q);
      const Date end = Period::parse(period)->last;
      auto tree = registry.tree_at(std::min(end, clock.today()));
      ASSERT_TRUE(tree.ok());
      int branch = 0;
      std::vector<OrgId> all;
      for (OrgId root : (*tree)->tree.roots()) {
        for (OrgId id : (*tree)->tree.subtree(root)) all.push_back(id);
      }
      for (OrgId id : all) {
        const OrgTree::Node& node = *(*tree)->tree.find(id);
        const bool committee =
            node.kind == OrgKind::upper_committee || node.kind == OrgKind::grassroots_committee;
        const bool sampled = !committee && node.kind != OrgKind::cluster && ++branch % 10 == 0;
        if (!committee && !sampled) continue;
        const std::string code = (*tree)->code(id);
        auto v = registry.member_statistics(code, period);
        ASSERT_TRUE(v.ok()) << code << " " << period << ": " << v.error().detail_en;
        ++computed;
        for (const auto& c : v->checks) {
          EXPECT_TRUE(c.holds) << code << " " << period << ": " << c.message;
        }
        for (const auto& t : v->tables) {
          for (const auto& l : t.lines) {
            if (l.id == "b.org_moved_in" && l.value.value_or(0) > 0) ++moved;
          }
        }
      }
    }
  }
  EXPECT_GT(computed, 50);
  EXPECT_GT(moved, 0) << "the 2025 reorganization moved orgs with their members";
}

}  // namespace
}  // namespace dangvu::service
