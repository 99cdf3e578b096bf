// The roll-up (leaf facts grouped in SQL, added up over the tree in memory) and the plain-SQL way
// (a recursive CTE over the tree as of the date in every query) agree on every figure both
// compute, for a sample of organizations and dates across the demo's 2025 reorganization. The
// national benchmark (bench/nation.sh) prints the same check at full size.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "service/demo.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

void collect(const TreeNodeView& node, std::vector<std::string>& codes) {
  codes.push_back(node.code);
  for (const auto& child : node.children) collect(child, codes);
}

TEST(RollUpVersusPlainSql, AgreeOnEveryFigureForASampleOfOrgsAndDates) {
  testing::TempDir dir;
  const auto path = dir.database("demo.db");
  FixedClock clock(Date::parse("2026-11-22").value());
  auto store = store::Store::open(path, store::OpenMode::create_new, clock.now_iso());
  ASSERT_TRUE(store.ok());
  Registry registry(**store, RuleSet::defaults(), clock, "test");
  auto demo = generate_demo(registry, DemoScale::small, 7, {});
  ASSERT_TRUE(demo.ok()) << demo.error().detail_en;
  // The server's way: through one figures engine, each figure read once and then kept.
  figures::Engine engine;
  Registry cached(**store, RuleSet::defaults(), clock, "test");
  cached.use_figures(&engine);

  int compared = 0;
  for (const char* day : {"2015-12-31", "2025-06-30", "2025-07-01", "2026-06-30"}) {
    const Date at = Date::parse(day).value();
    auto tree = registry.tree("", day);
    ASSERT_TRUE(tree.ok()) << tree.error().detail_en;
    std::vector<std::string> codes;
    collect(tree->root, codes);
    // The root, then every seventh org down the tree (committees, branches, sub-branches).
    for (std::size_t i = 0; i < codes.size(); i += 7) {
      const std::string& code = codes[i];
      Registry fresh(**store, RuleSet::defaults(), clock, "test");  // its own new engine
      auto ours = fresh.stats(code, day);
      ASSERT_TRUE(ours.ok()) << code << ": " << ours.error().detail_en;
      for (int pass = 0; pass < 2; ++pass) {
        auto kept = cached.stats(code, day);
        ASSERT_TRUE(kept.ok()) << code << ": " << kept.error().detail_en;
        EXPECT_EQ(kept->members.official, ours->members.official) << code << " " << day;
        EXPECT_EQ(kept->members.probationary, ours->members.probationary) << code << " " << day;
        EXPECT_EQ(kept->members.candidates, ours->members.candidates) << code << " " << day;
        EXPECT_EQ(kept->probation_overdue, ours->probation_overdue) << code << " " << day;
        EXPECT_EQ(kept->admitted_this_year, ours->admitted_this_year) << code << " " << day;
        EXPECT_EQ(kept->recognized_this_year, ours->recognized_this_year) << code << " " << day;
        EXPECT_EQ(kept->branches_below_minimum, ours->branches_below_minimum) << code << " " << day;
      }
      auto id = (*store)->find_org(code);
      ASSERT_TRUE(id.ok() && id->has_value()) << code;
      auto plain = (*store)->plain_sql_stats(**id, at);
      ASSERT_TRUE(plain.ok()) << plain.error().detail_en;

      std::map<OrgKind, std::int64_t> orgs;
      for (const auto& [kind, n] : plain->orgs_by_kind) orgs[kind] = n;
      MemberCounts members;
      for (const auto& [status, n] : plain->members_by_status) {
        if (status == MemberStatus::official) members.official = n;
        if (status == MemberStatus::probationary) members.probationary = n;
        if (status == MemberStatus::candidate) members.candidates = n;
      }
      const std::string where = code + " on " + day;
      EXPECT_EQ(ours->grassroots_committees, orgs[OrgKind::grassroots_committee]) << where;
      EXPECT_EQ(ours->grassroots_branches, orgs[OrgKind::grassroots_branch]) << where;
      EXPECT_EQ(ours->sub_branches, orgs[OrgKind::sub_branch]) << where;
      EXPECT_EQ(ours->members.official, members.official) << where;
      EXPECT_EQ(ours->members.probationary, members.probationary) << where;
      EXPECT_EQ(ours->members.candidates, members.candidates) << where;
      ++compared;
    }
    // Not a vacuous comparison: the root has members on every sampled date.
    auto root = registry.stats(codes.front(), day);
    ASSERT_TRUE(root.ok());
    EXPECT_GT(root->members.members(), 0) << day;
  }
  EXPECT_GT(compared, 40);
}

}  // namespace
}  // namespace dangvu::service
