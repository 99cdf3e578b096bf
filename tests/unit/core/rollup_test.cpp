// Roll-ups: resolving an org to the one standing for it on a date (following merge and split
// successors), and sums over the tree as of a date.
#include "core/rollup.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dangvu {
namespace {

Date D(std::string_view iso) {
  auto r = Date::parse(iso);
  EXPECT_TRUE(r.ok()) << "test date " << iso << " does not parse";
  return r.ok() ? *r : Date{};
}

NewOrg part(OrgId id, std::string code) {
  NewOrg n;
  n.id = id;
  n.code = code;
  n.name = "Chi bộ " + code;
  return n;
}

// 1 TU (upper) ─┬─ 2 CUM (cluster) ─┬─ 3 CB3 (branch)
//               │                   └─ 4 CB4 (branch)
//               └─ 5 DB5 (committee) ─┬─ 6 S6 (sub)
//                                     └─ 7 S7 (sub)
class RollupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add(1, "TU", OrgKind::upper_committee, std::nullopt);
    add(2, "CUM", OrgKind::cluster, 1);
    add(3, "CB3", OrgKind::grassroots_branch, 2);
    add(4, "CB4", OrgKind::grassroots_branch, 2);
    add(5, "DB5", OrgKind::grassroots_committee, 1);
    add(6, "S6", OrgKind::sub_branch, 5);
    add(7, "S7", OrgKind::sub_branch, 5);
  }

  void add(OrgId id, const std::string& code, OrgKind kind, std::optional<OrgId> parent) {
    h_.add_org(id, code);
    OrgVersion v;
    v.org = id;
    v.valid_from = D("2000-01-01");
    v.parent = parent;
    v.name = code;
    v.kind = kind;
    h_.add_version(v);
  }

  void apply_ok(const Result<OrgChange>& r) {
    ASSERT_TRUE(r.ok()) << r.error().detail_en;
    h_.apply(*r);
  }

  // 2020-01-01: CB3 merges into CB4; 2021-06-01: CB4 is renamed; 2023-01-01: CB4 splits into
  // CB8 and CB9; 2024-01-01: S7 is dissolved.
  void reorganize() {
    apply_ok(h_.plan_merge({3}, OrgId{4}, std::nullopt, D("2020-01-01"), rules_, {3}));
    apply_ok(h_.plan_rename(4, "Chi bộ 4 mới", D("2021-06-01")));
    h_.add_org(8, "CB8");
    h_.add_org(9, "CB9");
    apply_ok(h_.plan_split(4, {part(8, "CB8"), part(9, "CB9")}, {}, OrgId{9}, D("2023-01-01"),
                           rules_, {4}));
    apply_ok(h_.plan_dissolve(7, D("2024-01-01"), {}));
  }

  OrgHistory h_;
  RuleSet rules_ = RuleSet::defaults();
};

TEST_F(RollupTest, ResolveAnOrgThatExists) {
  EXPECT_EQ(resolve_org_at(h_, 3, D("2010-01-01")), std::optional<OrgId>(3));
  EXPECT_EQ(resolve_org_at(h_, 1, D("2000-01-01")), std::optional<OrgId>(1));
}

TEST_F(RollupTest, ResolveBeforeCreationOrUnknownIsNone) {
  EXPECT_EQ(resolve_org_at(h_, 3, D("1999-12-31")), std::nullopt);
  EXPECT_EQ(resolve_org_at(h_, 999, D("2010-01-01")), std::nullopt);
}

// The orgs a subtree's facts are read for: its own on the date and every ended org that resolves
// into it (the history keeps which orgs have ended: a merge, a split, a dissolution; not a rename).
TEST_F(RollupTest, OrgsCountingForASubtreeTakeInTheEndedOnes) {
  EXPECT_TRUE(h_.ended_orgs().empty());
  reorganize();
  EXPECT_EQ(h_.ended_orgs(), (std::set<OrgId>{3, 4, 7}));
  const OrgTree t = h_.tree_as_of(D("2025-07-01"));
  const auto cb8 = orgs_counting_for(h_, t, 8, D("2025-07-01"));
  ASSERT_TRUE(cb8.has_value());
  EXPECT_EQ(*cb8, (std::vector<OrgId>{3, 4, 8}));  // CB3 merged into CB4, split into CB8 first
  EXPECT_EQ(orgs_counting_for(h_, t, 9, D("2025-07-01")).value(), (std::vector<OrgId>{9}));
  const OrgTree before = h_.tree_as_of(D("2019-06-01"));
  EXPECT_EQ(orgs_counting_for(h_, before, 3, D("2019-06-01")).value(), (std::vector<OrgId>{3}));
}

TEST_F(RollupTest, ResolveFollowsSuccessors) {
  reorganize();
  EXPECT_EQ(resolve_org_at(h_, 3, D("2019-12-31")), std::optional<OrgId>(3));
  EXPECT_EQ(resolve_org_at(h_, 3, D("2020-01-01")), std::optional<OrgId>(4));
  EXPECT_EQ(resolve_org_at(h_, 3, D("2021-06-01")), std::optional<OrgId>(4));  // renamed, same org
  EXPECT_EQ(resolve_org_at(h_, 3, D("2022-12-31")), std::optional<OrgId>(4));
  // Split: the first part is the successor.
  EXPECT_EQ(resolve_org_at(h_, 3, D("2023-01-01")), std::optional<OrgId>(8));
  EXPECT_EQ(resolve_org_at(h_, 4, D("2025-07-01")), std::optional<OrgId>(8));
  EXPECT_EQ(resolve_org_at(h_, 9, D("2025-07-01")), std::optional<OrgId>(9));
  // A part that did not exist yet.
  EXPECT_EQ(resolve_org_at(h_, 9, D("2022-12-31")), std::nullopt);
}

TEST_F(RollupTest, ResolveADissolvedOrgIsNone) {
  reorganize();
  EXPECT_EQ(resolve_org_at(h_, 7, D("2023-12-31")), std::optional<OrgId>(7));
  EXPECT_EQ(resolve_org_at(h_, 7, D("2024-01-01")), std::nullopt);
}

TEST_F(RollupTest, SumOverSubtree) {
  const std::unordered_map<OrgId, int> members = {{3, 5}, {4, 7}, {6, 2}, {7, 4}, {99, 100}};
  OrgTree t = h_.tree_as_of(D("2019-06-01"));
  EXPECT_EQ(sum_over_subtree(t, 1, members), 18);
  EXPECT_EQ(sum_over_subtree(t, 2, members), 12);
  EXPECT_EQ(sum_over_subtree(t, 5, members), 6);
  EXPECT_EQ(sum_over_subtree(t, 3, members), 5);
  EXPECT_EQ(sum_over_subtree(t, 999, members), 0);
  EXPECT_EQ(sum_over_subtree(t, 1, std::unordered_map<OrgId, int>{}), 0);
}

TEST_F(RollupTest, SumOverTheTreeOfTheDate) {
  reorganize();
  // Leaf facts for the orgs of 2025: CB3 and CB4 no longer exist, S7 is gone.
  const std::unordered_map<OrgId, int> members = {{3, 50}, {8, 4}, {9, 6}, {6, 2}, {7, 40}};
  OrgTree t = h_.tree_as_of(D("2025-07-01"));
  EXPECT_EQ(sum_over_subtree(t, 1, members), 12);
  EXPECT_EQ(sum_over_subtree(t, 2, members), 10);
  EXPECT_EQ(sum_over_subtree(t, 5, members), 2);
}

TEST_F(RollupTest, TotalsForEveryNodeOfASubtree) {
  const std::unordered_map<OrgId, int> members = {{3, 5}, {4, 7}, {6, 2}, {7, 4}, {99, 100}};
  OrgTree t = h_.tree_as_of(D("2019-06-01"));
  auto below = subtree_totals(t, 2, members);
  EXPECT_EQ(below.size(), 3u);  // 2 and its children 3, 4
  EXPECT_EQ(below.at(2), 12);
  auto totals = subtree_totals(t, 1, members);
  EXPECT_EQ(totals.size(), 7u);
  EXPECT_EQ(totals.at(1), 18);
  EXPECT_EQ(totals.at(2), 12);
  EXPECT_EQ(totals.at(3), 5);
  EXPECT_EQ(totals.at(4), 7);
  EXPECT_EQ(totals.at(5), 6);
  EXPECT_EQ(totals.at(6), 2);
  EXPECT_EQ(totals.at(7), 4);
  EXPECT_EQ(totals.count(99), 0u);
  for (const auto& [id, total] : totals) {
    EXPECT_EQ(total, sum_over_subtree(t, id, members)) << "org " << id;
  }
}

struct Counts {
  int members = 0;
  int admitted = 0;
  Counts& operator+=(const Counts& o) {
    members += o.members;
    admitted += o.admitted;
    return *this;
  }
};

TEST_F(RollupTest, TotalsOfAStructAcrossSeveralRoots) {
  // A version whose parent is missing on the date is a root of its own.
  std::vector<OrgVersion> versions = h_.all_versions();
  OrgVersion orphan;
  orphan.org = 50;
  orphan.valid_from = D("2000-01-01");
  orphan.parent = 777;
  orphan.name = "Mồ côi";
  orphan.kind = OrgKind::upper_committee;
  versions.push_back(orphan);
  OrgVersion child;
  child.org = 51;
  child.valid_from = D("2000-01-01");
  child.parent = 50;
  child.name = "Con";
  child.kind = OrgKind::grassroots_branch;
  versions.push_back(child);
  OrgTree t = OrgTree::build(versions, D("2010-01-01"));
  EXPECT_EQ(t.roots(), (std::vector<OrgId>{1, 50}));

  const std::unordered_map<OrgId, Counts> per_org = {
      {3, {5, 1}}, {4, {7, 2}}, {6, {2, 0}}, {51, {9, 3}}};
  auto totals = subtree_totals(t, 1, per_org);
  auto other = subtree_totals(t, 50, per_org);
  totals.insert(other.begin(), other.end());
  EXPECT_EQ(totals.size(), 9u);
  EXPECT_EQ(totals.at(1).members, 14);
  EXPECT_EQ(totals.at(1).admitted, 3);
  EXPECT_EQ(totals.at(5).members, 2);
  EXPECT_EQ(totals.at(7).members, 0);
  EXPECT_EQ(totals.at(50).members, 9);
  EXPECT_EQ(totals.at(50).admitted, 3);
  Counts c = sum_over_subtree(t, 2, per_org);
  EXPECT_EQ(c.members, 12);
  EXPECT_EQ(c.admitted, 3);
}

}  // namespace
}  // namespace dangvu
