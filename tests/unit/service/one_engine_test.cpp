// One figures engine for every figure: the org page (stats), the tree, the indicators and the
// review report give the same number for the same org and date — with the rule set as shipped
// and after an office changes which org kinds hold members (member_org_kinds), which changes
// what counts as a branch and so the branches under the minimum.
#include <gtest/gtest.h>

#include <string>

#include "report/document.h"
#include "service/demo.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

struct Figures {
  std::int64_t official = 0, probationary = 0, candidates = 0;
  std::int64_t below_minimum = 0, overdue = 0, admitted = 0;
};

// The indicators annex of the report (Biểu 4, after the signature): the value in the period of the
// row labelled.
std::optional<double> annex_value(const report::Document& doc, const std::string& label) {
  for (const auto& section : doc.annex) {
    for (const auto& block : section.blocks) {
      if (block.kind != report::Block::Kind::table || block.table.id != "indicators") continue;
      for (const auto& row : block.table.rows) {
        if (row.size() > 2 && row[0].text == label) return row[2].number;
      }
    }
  }
  return std::nullopt;
}

std::optional<double> indicator(const IndicatorsView& v, const std::string& id) {
  for (const auto& row : v.rows) {
    if (row.id == id) return row.value;
  }
  return std::nullopt;
}

TEST(OneFiguresEngine, OrgPageTreeIndicatorsAndReportGiveTheSameNumbers) {
  testing::TempDir dir;
  const auto path = dir.database("demo.db");
  FixedClock clock(Date::parse("2026-11-22").value());
  auto store = store::Store::open(path, store::OpenMode::create_new, clock.now_iso());
  ASSERT_TRUE(store.ok());
  {
    Registry registry(**store, RuleSet::defaults(), clock, "test");
    auto demo = generate_demo(registry, DemoScale::small, 7, {});
    ASSERT_TRUE(demo.ok()) << demo.error().detail_en;
  }
  const RuleSet shipped = RuleSet::defaults();
  RuleSet changed = RuleSet::defaults();
  changed.member_org_kinds.insert(OrgKind::grassroots_committee);
  const char* day = "2026-06-30";
  const char* period = "2026-H1";  // ended: its figures are as of 30/06/2026
  std::int64_t below_shipped = -1, below_changed = -1;
  for (const RuleSet* rules : std::initializer_list<const RuleSet*>{&shipped, &changed}) {
    Registry r(**store, *rules, clock, "test");
    for (const char* code : {"TU", "DB001", "DB001.01"}) {
      const std::string where = std::string(code) + (rules == &changed ? " (kinds changed)" : "");
      auto stats = r.stats(code, day);
      ASSERT_TRUE(stats.ok()) << where << ": " << stats.error().detail_en;
      auto tree = r.tree(code, day);
      ASSERT_TRUE(tree.ok()) << where;
      auto ind = r.indicators(code, period);
      ASSERT_TRUE(ind.ok()) << where << ": " << ind.error().detail_en;
      auto doc = r.report(code, period);
      ASSERT_TRUE(doc.ok()) << where << ": " << doc.error().detail_en;

      const auto& c = stats->members;
      EXPECT_EQ(tree->root.counts.official, c.official) << where;
      EXPECT_EQ(tree->root.counts.probationary, c.probationary) << where;
      EXPECT_EQ(tree->root.counts.candidates, c.candidates) << where;
      auto as_double = [](std::int64_t n) { return std::optional<double>(static_cast<double>(n)); };
      EXPECT_EQ(indicator(*ind, "members"), as_double(c.official + c.probationary)) << where;
      EXPECT_EQ(indicator(*ind, "members_official"), as_double(c.official)) << where;
      EXPECT_EQ(indicator(*ind, "candidates"), as_double(c.candidates)) << where;
      EXPECT_EQ(indicator(*ind, "branches_below_minimum"), as_double(stats->branches_below_minimum))
          << where;
      EXPECT_EQ(indicator(*ind, "probation_overdue"), as_double(stats->probation_overdue)) << where;
      // The half-year that starts the year: its admissions are the year's so far.
      EXPECT_EQ(indicator(*ind, "admitted"), as_double(stats->admitted_this_year)) << where;
      EXPECT_EQ(annex_value(*doc, "Tổng số đảng viên"), as_double(c.official + c.probationary))
          << where;
      EXPECT_EQ(annex_value(*doc, "Chi bộ có dưới 3 đảng viên chính thức"),
                as_double(stats->branches_below_minimum))
          << where;
      if (std::string(code) == "TU") {
        EXPECT_GT(c.official, 0);
        (rules == &changed ? below_changed : below_shipped) = stats->branches_below_minimum;
      }
    }
  }
  // The rule changed the figure (a grassroots committee holds no members directly): the test
  // compares numbers that a rule can move, everywhere at once.
  EXPECT_GT(below_changed, below_shipped);
}

}  // namespace
}  // namespace dangvu::service
