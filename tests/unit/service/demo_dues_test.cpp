// The dues report adds up the books on the demo (`scripts/demo`'s database, two years of dues):
// for every committee and a sample of branches, in 2025 (across the reorganization: orgs moved
// under new committees, two committees merged, the bloc dissolved), a quarter of it and the first
// half of 2026, the report's totals are the sum of the books of the orgs inside the subtree in each
// month, as each branch's own book shows them.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/period.h"
#include "figures/statistics.h"
#include "service/demo.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

TEST(DemoDuesTest, TheReportsTotalsAreTheSumOfTheBooksAcrossTheReorganization) {
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
  auto history = registry.history_for_read();
  ASSERT_TRUE(history.ok());
  const OrgHistory& h = **history;

  std::map<std::pair<OrgId, int>, DuesBookView> books;
  auto book = [&](OrgId org, int year) -> const DuesBookView& {
    auto it = books.find({org, year});
    if (it == books.end()) {
      auto b = registry.dues_book(h.code(org), year);
      EXPECT_TRUE(b.ok()) << h.code(org) << ": " << (b.ok() ? "" : b.error().detail_en);
      it = books.emplace(std::pair{org, year}, b.ok() ? *b : DuesBookView{}).first;
    }
    return it->second;
  };
  std::map<std::pair<OrgId, int>, DuesRemittancesView> sendings;
  auto sent_by = [&](OrgId org, int year) -> const DuesRemittancesView& {
    auto it = sendings.find({org, year});
    if (it == sendings.end()) {
      auto v = registry.dues_remittances(h.code(org), year);
      EXPECT_TRUE(v.ok()) << h.code(org) << ": " << (v.ok() ? "" : v.error().detail_en);
      it = sendings.emplace(std::pair{org, year}, v.ok() ? *v : DuesRemittancesView{}).first;
    }
    return it->second;
  };
  Money sent_in_all = 0;
  const Date this_month = D("2026-12-01");
  int compared = 0, moved = 0;
  Money paid_in_moved = 0;
  for (const char* period : {"2025", "2025-Q3", "2026-H1"}) {
    const Period p = *Period::parse(period);
    auto tree = registry.tree_at(p.last);
    ASSERT_TRUE(tree.ok());
    int branch = 0;
    for (OrgId root : (*tree)->tree.roots()) {
      for (OrgId id : (*tree)->tree.subtree(root)) {
        const OrgTree::Node& node = *(*tree)->tree.find(id);
        const bool committee =
            node.kind == OrgKind::upper_committee || node.kind == OrgKind::grassroots_committee;
        if (!committee && (node.kind == OrgKind::cluster || ++branch % 10 != 0)) continue;
        auto v = registry.dues_report(h.code(id), period);
        ASSERT_TRUE(v.ok()) << h.code(id) << " " << period << ": " << v.error().detail_en;
        Money owed = 0, paid = 0, outstanding = 0;
        std::set<std::string> members;
        std::set<OrgId> first_orgs, all_orgs;
        for (Date m = p.first; m <= p.last; m = m.add_months(1)) {
          for (OrgId org : h.org_ids()) {
            if (h.version_at(org, m) == nullptr || !figures::within_on(h, org, id, m)) continue;
            (m == p.first ? first_orgs : all_orgs).insert(org);
            for (const auto& r : book(org, m.year()).rows) {
              const DuesMonthView& mv = r.months.at(static_cast<std::size_t>(m.month() - 1));
              if (!mv.in_book) continue;
              members.insert(r.member_code);
              const Money o = mv.owed ? mv.owed->amount : 0;
              owed += o;
              if (mv.payment) paid += mv.payment->amount;
              if (!mv.payment && o > 0 && m < this_month) outstanding += o;
            }
          }
        }
        // What the orgs recorded as sent up: each record in the month it ends with, counted when
        // its org was inside the subtree then.
        Money sent = 0;
        for (OrgId org : h.org_ids()) {
          if (h.earliest(org) == nullptr || h.earliest(org)->valid_from > p.last) continue;
          for (int year = p.first.year(); year <= p.last.year(); ++year) {
            for (const auto& r : sent_by(org, year).records) {
              const Date m = r.record.last_month;
              if (r.cancelled || r.record.cancels || m < p.first || m > p.last) continue;
              if (!figures::within_on(h, org, id, m)) continue;
              sent += r.record.amount;
            }
          }
        }
        sent_in_all += sent;
        const auto& t = v->total.figures;
        EXPECT_EQ(t.sent_up, sent) << h.code(id) << " " << period;
        EXPECT_EQ(t.owed, owed) << h.code(id) << " " << period;
        EXPECT_EQ(t.collected, paid) << h.code(id) << " " << period;
        EXPECT_EQ(t.outstanding, outstanding) << h.code(id) << " " << period;
        EXPECT_EQ(t.members, static_cast<std::int64_t>(members.size()))
            << h.code(id) << " " << period;
        Money lines = 0;
        for (const auto& l : v->lines) lines += l.figures.collected;
        EXPECT_EQ(lines, t.collected) << h.code(id) << " " << period;
        ++compared;
        all_orgs.insert(first_orgs.begin(), first_orgs.end());
        if (all_orgs != first_orgs) {
          ++moved;
          paid_in_moved += paid;
        }
      }
    }
  }
  EXPECT_GT(compared, 30);
  EXPECT_GT(moved, 0) << "the 2025 reorganization changed some subtrees";
  EXPECT_GT(paid_in_moved, 0);
  EXPECT_GT(sent_in_all, 0) << "the demo's orgs sent their dues up";
}

}  // namespace
}  // namespace dangvu::service
