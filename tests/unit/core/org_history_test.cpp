// OrgHistory: the planners of org operations (create, rename, move, merge, split, dissolve), the
// rules they enforce with the field and rule id named, and the dated tree after apply().
#include "core/org_history.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dangvu {
namespace {

Date D(std::string_view iso) {
  auto r = Date::parse(iso);
  EXPECT_TRUE(r.ok()) << "test date " << iso << " does not parse";
  return r.ok() ? *r : Date{};
}

NewOrg new_org(OrgId id, std::string code, std::string name, std::optional<OrgKind> kind,
               std::optional<OrgId> parent = std::nullopt, bool parent_given = false) {
  NewOrg n;
  n.id = id;
  n.code = std::move(code);
  n.name = std::move(name);
  n.kind = kind;
  n.parent = parent;
  n.parent_given = parent_given;
  return n;
}

void expect_refused(const Result<OrgChange>& r, const std::string& field, const std::string& rule) {
  ASSERT_FALSE(r.ok()) << "expected refusal by " << rule;
  EXPECT_EQ(r.error().kind, ErrorKind::rule_refused) << r.error().detail_en;
  EXPECT_EQ(r.error().field, field) << r.error().detail_en;
  EXPECT_EQ(r.error().rule, rule) << r.error().detail_en;
  EXPECT_FALSE(r.error().message_vi.empty());
  EXPECT_FALSE(r.error().detail_en.empty());
}

void expect_invalid(const Result<OrgChange>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_input) << r.error().detail_en;
  EXPECT_EQ(r.error().field, field) << r.error().detail_en;
  EXPECT_EQ(r.error().rule, "");
  EXPECT_FALSE(r.error().message_vi.empty());
}

void expect_close(const OrgChange::Close& c, OrgId org, Date from, std::optional<OrgId> successor) {
  EXPECT_EQ(c.org, org);
  EXPECT_EQ(c.valid_from, from);
  EXPECT_EQ(c.successor, successor);
}

std::vector<OrgId> children(const OrgTree& t, OrgId id) {
  const OrgTree::Node* n = t.find(id);
  return n ? n->children : std::vector<OrgId>{};
}

std::optional<OrgId> parent(const OrgTree& t, OrgId id) {
  const OrgTree::Node* n = t.find(id);
  return n ? n->parent : std::nullopt;
}

using Ids = std::vector<OrgId>;

// The tree, all from 2000-01-01:
//   1 TU (upper) ─┬─ 2 CUM1 (cluster) ─┬─ 3 DBA (committee) ─┬─ 5 A1 (sub)
//                 │                    │                     └─ 6 A2 (sub)
//                 │                    ├─ 4 DBB (committee) ─── 7 B1 (sub)
//                 │                    ├─ 8 CB1 (branch)
//                 │                    └─ 10 DBC (committee) ── 11 C1 (sub)
//                 ├─ 9 CB2 (branch)
//                 ├─ 20 U2 (upper)
//                 └─ 21 U3 (upper)
class OrgHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add(1, "TU", "Tỉnh ủy", OrgKind::upper_committee, std::nullopt);
    add(2, "CUM1", "Cụm I", OrgKind::cluster, 1);
    add(3, "DBA", "Đảng bộ Sở A", OrgKind::grassroots_committee, 2);
    add(4, "DBB", "Đảng bộ Sở B", OrgKind::grassroots_committee, 2);
    add(5, "A1", "Chi bộ A1", OrgKind::sub_branch, 3);
    add(6, "A2", "Chi bộ A2", OrgKind::sub_branch, 3);
    add(7, "B1", "Chi bộ B1", OrgKind::sub_branch, 4);
    add(8, "CB1", "Chi bộ cơ sở 1", OrgKind::grassroots_branch, 2);
    add(9, "CB2", "Chi bộ cơ sở 2", OrgKind::grassroots_branch, 1);
    add(10, "DBC", "Đảng bộ Sở C", OrgKind::grassroots_committee, 2);
    add(11, "C1", "Chi bộ C1", OrgKind::sub_branch, 10);
    add(20, "U2", "Đảng ủy 2", OrgKind::upper_committee, 1);
    add(21, "U3", "Đảng ủy 3", OrgKind::upper_committee, 1);
  }

  void add(OrgId id, const std::string& code, const std::string& name, OrgKind kind,
           std::optional<OrgId> parent_id) {
    h_.add_org(id, code);
    OrgVersion v;
    v.org = id;
    v.valid_from = start_;
    v.parent = parent_id;
    v.name = name;
    v.kind = kind;
    h_.add_version(v);
  }

  void apply_ok(const Result<OrgChange>& r) {
    ASSERT_TRUE(r.ok()) << r.error().detail_en;
    h_.apply(*r);
  }

  OrgHistory h_;
  RuleSet rules_ = RuleSet::defaults();
  std::set<OrgId> no_members_;
  const Date start_ = D("2000-01-01");
  const Date day_ = D("2025-07-01");
};

// ---- loading and the tree ---------------------------------------------------------------------

TEST_F(OrgHistoryTest, LoadedTreeHasTheShapeGiven) {
  OrgTree t = h_.tree_as_of(day_);
  EXPECT_EQ(t.size(), 13u);
  EXPECT_EQ(t.roots(), Ids{1});
  EXPECT_EQ(children(t, 1), (Ids{2, 9, 20, 21}));
  EXPECT_EQ(children(t, 2), (Ids{3, 4, 8, 10}));
  EXPECT_EQ(children(t, 3), (Ids{5, 6}));
  EXPECT_EQ(t.subtree(2), (Ids{2, 3, 5, 6, 4, 7, 8, 10, 11}));
  EXPECT_EQ(t.depth(1), 0);
  EXPECT_EQ(t.depth(5), 3);
  EXPECT_EQ(t.depth(999), -1);
  EXPECT_TRUE(t.contains_in_subtree(2, 11));
  EXPECT_FALSE(t.contains_in_subtree(3, 7));
  EXPECT_TRUE(t.subtree(999).empty());
  EXPECT_EQ(h_.code(3), "DBA");
  EXPECT_EQ(h_.code(999), "?");
  EXPECT_TRUE(h_.has_org(3));
  EXPECT_FALSE(h_.has_org(999));
  // Before anything was created the tree is empty.
  EXPECT_EQ(h_.tree_as_of(D("1999-12-31")).size(), 0u);
}

// ---- create -----------------------------------------------------------------------------------

TEST_F(OrgHistoryTest, CreateUnderAnAllowedParent) {
  auto r = h_.plan_create(
      new_org(30, "CB3", "Chi bộ cơ sở 3", OrgKind::grassroots_branch, OrgId{2}, true), day_,
      rules_);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->date, day_);
  EXPECT_TRUE(r->closes.empty());
  EXPECT_TRUE(r->member_moves.empty());
  ASSERT_EQ(r->opens.size(), 1u);
  const OrgVersion& v = r->opens[0];
  EXPECT_EQ(v.org, 30);
  EXPECT_EQ(v.valid_from, day_);
  EXPECT_EQ(v.valid_to, Date::max());
  EXPECT_EQ(v.parent, std::optional<OrgId>(2));
  EXPECT_EQ(v.name, "Chi bộ cơ sở 3");
  EXPECT_EQ(v.kind, OrgKind::grassroots_branch);
  EXPECT_FALSE(v.successor.has_value());

  h_.add_org(30, "CB3");
  h_.apply(*r);
  EXPECT_EQ(h_.tree_as_of(D("2025-06-30")).find(30), nullptr);
  EXPECT_EQ(children(h_.tree_as_of(day_), 2), (Ids{3, 4, 8, 10, 30}));
}

TEST_F(OrgHistoryTest, CreateRootUpperCommittee) {
  auto r =
      h_.plan_create(new_org(31, "TU2", "Tỉnh ủy mới", OrgKind::upper_committee), day_, rules_);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  ASSERT_EQ(r->opens.size(), 1u);
  EXPECT_FALSE(r->opens[0].parent.has_value());
}

TEST_F(OrgHistoryTest, CreateUnderADisallowedParentKindIsRefused) {
  // A sub-branch sits only under a grassroots committee, not under a cluster.
  expect_refused(h_.plan_create(new_org(30, "X", "Chi bộ X", OrgKind::sub_branch, OrgId{2}, true),
                                day_, rules_),
                 "parent", "org.allowed_parents");
  // A grassroots branch may not sit under a grassroots committee.
  expect_refused(
      h_.plan_create(new_org(30, "X", "Chi bộ X", OrgKind::grassroots_branch, OrgId{3}, true), day_,
                     rules_),
      "parent", "org.allowed_parents");
  // A cluster under a cluster.
  expect_refused(
      h_.plan_create(new_org(30, "X", "Cụm X", OrgKind::cluster, OrgId{2}, true), day_, rules_),
      "parent", "org.allowed_parents");
}

TEST_F(OrgHistoryTest, CreateWithoutAParentWhereOneIsNeededIsRefused) {
  expect_refused(
      h_.plan_create(new_org(30, "X", "Chi bộ X", OrgKind::grassroots_branch), day_, rules_),
      "parent", "org.allowed_parents");
}

TEST_F(OrgHistoryTest, CreateFollowsTheRuleSet) {
  RuleSet r = rules_;
  r.allowed_parents[OrgKind::grassroots_branch].insert("grassroots_committee");
  auto ok = h_.plan_create(new_org(30, "X", "Chi bộ X", OrgKind::grassroots_branch, OrgId{3}, true),
                           day_, r);
  EXPECT_TRUE(ok.ok());
}

TEST_F(OrgHistoryTest, CreateUnderAMissingOrEndedParentIsRefused) {
  // The parent did not exist yet.
  expect_refused(h_.plan_create(new_org(30, "X", "Chi bộ X", OrgKind::sub_branch, OrgId{3}, true),
                                D("1999-06-01"), rules_),
                 "parent", "org.parent_exists");
  // Unknown parent.
  expect_refused(h_.plan_create(new_org(30, "X", "Chi bộ X", OrgKind::sub_branch, OrgId{999}, true),
                                day_, rules_),
                 "parent", "org.parent_exists");
  // The parent ends later: nothing new may be put under it.
  apply_ok(h_.plan_dissolve(9, D("2026-01-01"), no_members_));
  expect_refused(h_.plan_create(new_org(30, "X", "Chi bộ X", OrgKind::sub_branch, OrgId{9}, true),
                                day_, rules_),
                 "parent", "org.parent_exists");
}

TEST_F(OrgHistoryTest, CreateWithoutAKindIsInvalid) {
  expect_invalid(
      h_.plan_create(new_org(30, "X", "Chi bộ X", std::nullopt, OrgId{2}, true), day_, rules_),
      "kind");
}

// ---- rename -----------------------------------------------------------------------------------

TEST_F(OrgHistoryTest, RenameClosesAndOpensAVersion) {
  auto r = h_.plan_rename(8, "Chi bộ Văn phòng", day_);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->date, day_);
  ASSERT_EQ(r->closes.size(), 1u);
  expect_close(r->closes[0], 8, start_, std::nullopt);
  ASSERT_EQ(r->opens.size(), 1u);
  EXPECT_EQ(r->opens[0].org, 8);
  EXPECT_EQ(r->opens[0].valid_from, day_);
  EXPECT_EQ(r->opens[0].name, "Chi bộ Văn phòng");
  EXPECT_EQ(r->opens[0].parent, std::optional<OrgId>(2));
  EXPECT_EQ(r->opens[0].kind, OrgKind::grassroots_branch);

  h_.apply(*r);
  ASSERT_NE(h_.version_at(8, D("2025-06-30")), nullptr);
  EXPECT_EQ(h_.version_at(8, D("2025-06-30"))->name, "Chi bộ cơ sở 1");
  EXPECT_EQ(h_.version_at(8, D("2025-06-30"))->valid_to, day_);
  ASSERT_NE(h_.version_at(8, day_), nullptr);
  EXPECT_EQ(h_.version_at(8, day_)->name, "Chi bộ Văn phòng");
  EXPECT_EQ(h_.earliest(8)->name, "Chi bộ cơ sở 1");
  EXPECT_EQ(h_.latest(8)->name, "Chi bộ Văn phòng");
  EXPECT_EQ(h_.tree_as_of(D("2025-06-30")).find(8)->name, "Chi bộ cơ sở 1");
  EXPECT_EQ(h_.tree_as_of(day_).find(8)->name, "Chi bộ Văn phòng");
}

TEST_F(OrgHistoryTest, RenameToTheSameNameIsRefused) {
  expect_refused(h_.plan_rename(8, "Chi bộ cơ sở 1", day_), "name", "org.rename_changes");
}

// ---- move -------------------------------------------------------------------------------------

TEST_F(OrgHistoryTest, MoveChangesTheParentFromTheDate) {
  auto r = h_.plan_move(8, OrgId{1}, day_, rules_);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  ASSERT_EQ(r->closes.size(), 1u);
  expect_close(r->closes[0], 8, start_, std::nullopt);
  ASSERT_EQ(r->opens.size(), 1u);
  EXPECT_EQ(r->opens[0].parent, std::optional<OrgId>(1));
  EXPECT_EQ(r->opens[0].name, "Chi bộ cơ sở 1");
  h_.apply(*r);

  OrgTree before = h_.tree_as_of(D("2025-06-30"));
  OrgTree after = h_.tree_as_of(day_);
  EXPECT_EQ(parent(before, 8), std::optional<OrgId>(2));
  EXPECT_EQ(parent(after, 8), std::optional<OrgId>(1));
  EXPECT_EQ(children(before, 2), (Ids{3, 4, 8, 10}));
  EXPECT_EQ(children(after, 2), (Ids{3, 4, 10}));
  EXPECT_EQ(children(after, 1), (Ids{2, 8, 9, 20, 21}));
  EXPECT_EQ(before.size(), after.size());
}

TEST_F(OrgHistoryTest, MoveToTheSameParentIsRefused) {
  expect_refused(h_.plan_move(8, OrgId{2}, day_, rules_), "parent", "org.move_changes");
}

TEST_F(OrgHistoryTest, MoveCreatingACycleIsRefused) {
  // Under itself.
  expect_refused(h_.plan_move(20, OrgId{20}, day_, rules_), "parent", "org.no_cycles");
  // The cluster under its own grassroots committee.
  expect_refused(h_.plan_move(2, OrgId{3}, day_, rules_), "parent", "org.no_cycles");
  // An upper committee under its descendant two levels down.
  expect_refused(h_.plan_move(1, OrgId{20}, day_, rules_), "parent", "org.no_cycles");
}

TEST_F(OrgHistoryTest, MoveCreatingACycleWithALaterChangeIsRefused) {
  // From 2025-09-01 U3 sits under U2; moving U2 under U3 from 2025-07-01 would make a cycle then.
  apply_ok(h_.plan_move(21, OrgId{20}, D("2025-09-01"), rules_));
  expect_refused(h_.plan_move(20, OrgId{21}, day_, rules_), "parent", "org.no_cycles");
}

TEST_F(OrgHistoryTest, MoveUnderADisallowedParentKindIsRefused) {
  expect_refused(h_.plan_move(8, OrgId{3}, day_, rules_), "parent", "org.allowed_parents");
  expect_refused(h_.plan_move(5, OrgId{2}, day_, rules_), "parent", "org.allowed_parents");
  expect_refused(h_.plan_move(2, std::nullopt, day_, rules_), "parent", "org.allowed_parents");
}

TEST_F(OrgHistoryTest, MoveASubBranchBetweenCommittees) {
  apply_ok(h_.plan_move(5, OrgId{4}, day_, rules_));
  EXPECT_EQ(children(h_.tree_as_of(D("2025-06-30")), 3), (Ids{5, 6}));
  EXPECT_EQ(children(h_.tree_as_of(day_), 3), (Ids{6}));
  EXPECT_EQ(children(h_.tree_as_of(day_), 4), (Ids{5, 7}));
}

// ---- history order, ended orgs, existence ----------------------------------------------------

TEST_F(OrgHistoryTest, OperationBeforeALaterChangeIsRefused) {
  apply_ok(h_.plan_rename(8, "Chi bộ Văn phòng", day_));
  expect_refused(h_.plan_rename(8, "Tên khác", D("2025-01-01")), "date", "org.history_order");
  expect_refused(h_.plan_move(8, OrgId{1}, D("2025-01-01"), rules_), "date", "org.history_order");
  expect_refused(h_.plan_dissolve(8, D("2025-01-01"), no_members_), "date", "org.history_order");
  // On or after the change date it is fine.
  EXPECT_TRUE(h_.plan_rename(8, "Tên khác", day_).ok());
  EXPECT_TRUE(h_.plan_rename(8, "Tên khác", D("2025-08-01")).ok());
}

TEST_F(OrgHistoryTest, MergeBeforeALaterChangeOfTheSourceIsRefused) {
  apply_ok(h_.plan_rename(9, "Chi bộ mới", day_));
  expect_refused(h_.plan_merge({9}, OrgId{8}, std::nullopt, D("2025-01-01"), rules_, no_members_),
                 "date", "org.history_order");
}

TEST_F(OrgHistoryTest, OperationOnAnEndedOrgIsRefused) {
  apply_ok(h_.plan_dissolve(9, day_, no_members_));
  // Dated while it still existed, but it has ended since.
  expect_refused(h_.plan_rename(9, "Tên khác", D("2025-03-01")), "org", "org.ended");
  expect_refused(h_.plan_move(9, OrgId{2}, D("2025-03-01"), rules_), "org", "org.ended");
  expect_refused(h_.plan_dissolve(9, D("2025-03-01"), no_members_), "org", "org.ended");
  expect_refused(h_.plan_merge({9}, OrgId{8}, std::nullopt, D("2025-03-01"), rules_, no_members_),
                 "from", "org.ended");
  // Dated after its end it does not exist at all.
  expect_refused(h_.plan_rename(9, "Tên khác", D("2025-08-01")), "org", "org.exists_on_date");
}

TEST_F(OrgHistoryTest, OperationOnAnOrgNotExistingOnTheDateIsRefused) {
  expect_refused(h_.plan_rename(8, "Tên khác", D("1999-12-31")), "org", "org.exists_on_date");
  expect_refused(h_.plan_rename(999, "Tên khác", day_), "org", "org.exists_on_date");
  expect_refused(h_.plan_move(999, OrgId{2}, day_, rules_), "org", "org.exists_on_date");
  expect_refused(h_.plan_dissolve(999, day_, no_members_), "org", "org.exists_on_date");
  expect_refused(
      h_.plan_split(999,
                    {new_org(40, "P1", "P1", std::nullopt), new_org(41, "P2", "P2", std::nullopt)},
                    {}, std::nullopt, day_, rules_, no_members_),
      "org", "org.exists_on_date");
  expect_refused(h_.plan_merge({999}, OrgId{8}, std::nullopt, day_, rules_, no_members_), "from",
                 "org.exists_on_date");
}

// ---- merge ------------------------------------------------------------------------------------

TEST_F(OrgHistoryTest, MergeTwoIntoAnExistingOrg) {
  auto r = h_.plan_merge({4, 10}, OrgId{3}, std::nullopt, day_, rules_, {7, 11});
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->date, day_);
  // Children move under the target; each source closes with the target as successor.
  ASSERT_EQ(r->closes.size(), 4u);
  expect_close(r->closes[0], 7, start_, std::nullopt);
  expect_close(r->closes[1], 4, start_, OrgId{3});
  expect_close(r->closes[2], 11, start_, std::nullopt);
  expect_close(r->closes[3], 10, start_, OrgId{3});
  ASSERT_EQ(r->opens.size(), 2u);
  EXPECT_EQ(r->opens[0].org, 7);
  EXPECT_EQ(r->opens[0].parent, std::optional<OrgId>(3));
  EXPECT_EQ(r->opens[0].valid_from, day_);
  EXPECT_EQ(r->opens[0].name, "Chi bộ B1");
  EXPECT_EQ(r->opens[0].kind, OrgKind::sub_branch);
  EXPECT_EQ(r->opens[1].org, 11);
  EXPECT_EQ(r->opens[1].parent, std::optional<OrgId>(3));
  // Members of the sub-branches are not moved: the sub-branches themselves move.
  EXPECT_TRUE(r->member_moves.empty());

  h_.apply(*r);
  OrgTree before = h_.tree_as_of(D("2025-06-30"));
  OrgTree after = h_.tree_as_of(day_);
  EXPECT_EQ(children(before, 3), (Ids{5, 6}));
  EXPECT_EQ(children(before, 4), (Ids{7}));
  EXPECT_EQ(children(before, 10), (Ids{11}));
  EXPECT_EQ(children(after, 3), (Ids{5, 6, 7, 11}));
  EXPECT_EQ(after.find(4), nullptr);
  EXPECT_EQ(after.find(10), nullptr);
  EXPECT_EQ(children(after, 2), (Ids{3, 8}));
  EXPECT_EQ(before.size(), 13u);
  EXPECT_EQ(after.size(), 11u);
  ASSERT_NE(h_.latest(4), nullptr);
  EXPECT_EQ(h_.latest(4)->valid_to, day_);
  EXPECT_EQ(h_.latest(4)->successor, std::optional<OrgId>(3));
}

TEST_F(OrgHistoryTest, MergeBranchesListsMemberMoves) {
  auto r = h_.plan_merge({5, 6}, OrgId{7}, std::nullopt, day_, rules_, {5, 6});
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  ASSERT_EQ(r->member_moves.size(), 2u);
  EXPECT_EQ(r->member_moves[0].from, 5);
  EXPECT_EQ(r->member_moves[0].to, 7);
  EXPECT_EQ(r->member_moves[1].from, 6);
  EXPECT_EQ(r->member_moves[1].to, 7);
  ASSERT_EQ(r->closes.size(), 2u);
  expect_close(r->closes[0], 5, start_, OrgId{7});
  expect_close(r->closes[1], 6, start_, OrgId{7});
  EXPECT_TRUE(r->opens.empty());
  // Only orgs that hold members get a member move.
  auto some = h_.plan_merge({5, 6}, OrgId{7}, std::nullopt, day_, rules_, {6});
  ASSERT_TRUE(some.ok());
  ASSERT_EQ(some->member_moves.size(), 1u);
  EXPECT_EQ(some->member_moves[0].from, 6);
}

TEST_F(OrgHistoryTest, MergeTwoIntoANewOrg) {
  h_.add_org(30, "CBM");
  auto r = h_.plan_merge({8, 9}, std::nullopt, new_org(30, "CBM", "Chi bộ hợp nhất", std::nullopt),
                         day_, rules_, {8, 9});
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  ASSERT_EQ(r->opens.size(), 1u);
  const OrgVersion& t = r->opens[0];
  EXPECT_EQ(t.org, 30);
  EXPECT_EQ(t.name, "Chi bộ hợp nhất");
  EXPECT_EQ(t.kind, OrgKind::grassroots_branch);  // the first source's kind
  EXPECT_EQ(t.parent, std::optional<OrgId>(2));   // the first source's parent
  EXPECT_EQ(t.valid_from, day_);
  ASSERT_EQ(r->member_moves.size(), 2u);
  EXPECT_EQ(r->member_moves[0].from, 8);
  EXPECT_EQ(r->member_moves[0].to, 30);
  EXPECT_EQ(r->member_moves[1].from, 9);
  EXPECT_EQ(r->member_moves[1].to, 30);
  ASSERT_EQ(r->closes.size(), 2u);
  expect_close(r->closes[0], 8, start_, OrgId{30});
  expect_close(r->closes[1], 9, start_, OrgId{30});

  h_.apply(*r);
  OrgTree before = h_.tree_as_of(D("2025-06-30"));
  OrgTree after = h_.tree_as_of(day_);
  EXPECT_NE(before.find(8), nullptr);
  EXPECT_NE(before.find(9), nullptr);
  EXPECT_EQ(before.find(30), nullptr);
  EXPECT_EQ(after.find(8), nullptr);
  EXPECT_EQ(after.find(9), nullptr);
  EXPECT_EQ(parent(after, 30), std::optional<OrgId>(2));
  EXPECT_EQ(children(after, 1), (Ids{2, 20, 21}));
}

TEST_F(OrgHistoryTest, MergeIntoANewOrgWithAGivenParent) {
  auto r = h_.plan_merge(
      {8, 9}, std::nullopt,
      new_org(30, "CBM", "Chi bộ hợp nhất", OrgKind::grassroots_branch, OrgId{20}, true), day_,
      rules_, no_members_);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->opens[0].parent, std::optional<OrgId>(20));
  EXPECT_TRUE(r->member_moves.empty());
}

TEST_F(OrgHistoryTest, MergeIntoANewOrgNeedsTwoSources) {
  expect_invalid(h_.plan_merge({8}, std::nullopt, new_org(30, "CBM", "Chi bộ", std::nullopt), day_,
                               rules_, no_members_),
                 "from");
  expect_invalid(h_.plan_merge({}, OrgId{8}, std::nullopt, day_, rules_, no_members_), "from");
}

TEST_F(OrgHistoryTest, MergeNamingASourceTwiceIsInvalid) {
  expect_invalid(h_.plan_merge({9, 9}, OrgId{8}, std::nullopt, day_, rules_, no_members_), "from");
}

TEST_F(OrgHistoryTest, MergeIntoItselfIsRefused) {
  expect_refused(h_.plan_merge({8}, OrgId{8}, std::nullopt, day_, rules_, no_members_), "into",
                 "org.merge_not_self");
  expect_refused(h_.plan_merge({9, 8}, OrgId{8}, std::nullopt, day_, rules_, no_members_), "into",
                 "org.merge_not_self");
}

TEST_F(OrgHistoryTest, MergeWithoutATargetIsInvalid) {
  expect_invalid(h_.plan_merge({8}, std::nullopt, std::nullopt, day_, rules_, no_members_), "into");
}

TEST_F(OrgHistoryTest, MergeIntoItsOwnDescendantIsRefused) {
  expect_refused(h_.plan_merge({3}, OrgId{5}, std::nullopt, day_, rules_, no_members_), "into",
                 "org.no_cycles");
}

TEST_F(OrgHistoryTest, MergeIntoANewOrgUnderASourceIsRefused) {
  expect_refused(h_.plan_merge({3, 4}, std::nullopt,
                               new_org(30, "X", "X", OrgKind::grassroots_committee, OrgId{5}, true),
                               day_, rules_, no_members_),
                 "parent", "org.no_cycles");
}

TEST_F(OrgHistoryTest, MergeIntoAMissingTargetIsRefused) {
  expect_refused(h_.plan_merge({9}, OrgId{999}, std::nullopt, day_, rules_, no_members_), "into",
                 "org.exists_on_date");
  apply_ok(h_.plan_dissolve(8, D("2025-09-01"), no_members_));
  expect_refused(h_.plan_merge({9}, OrgId{8}, std::nullopt, day_, rules_, no_members_), "into",
                 "org.exists_on_date");
}

TEST_F(OrgHistoryTest, MergeChildIntoADisallowedTargetKindIsRefused) {
  // DBB's sub-branch B1 cannot sit under a grassroots branch.
  expect_refused(h_.plan_merge({4}, OrgId{8}, std::nullopt, day_, rules_, no_members_), "into",
                 "org.allowed_parents");
}

TEST_F(OrgHistoryTest, MergeMembersIntoACommitteeIsRefused) {
  expect_refused(h_.plan_merge({8}, OrgId{3}, std::nullopt, day_, rules_, {8}), "into",
                 "org.member_org_kinds");
  // Without members the same merge is allowed.
  EXPECT_TRUE(h_.plan_merge({8}, OrgId{3}, std::nullopt, day_, rules_, no_members_).ok());
}

TEST_F(OrgHistoryTest, MergeWithAChildChangedLaterIsRefused) {
  apply_ok(h_.plan_rename(7, "Chi bộ B1 mới", D("2025-09-01")));
  expect_refused(h_.plan_merge({4}, OrgId{3}, std::nullopt, day_, rules_, no_members_), "date",
                 "org.history_order");
}

TEST_F(OrgHistoryTest, MergeWithAChildMovedAwayLaterIsRefused) {
  // B1 leaves DBB for DBA on 2025-09-01; a merge of DBB dated 2025-07-01 would rewrite that.
  apply_ok(h_.plan_move(7, OrgId{3}, D("2025-09-01"), rules_));
  auto r = h_.plan_merge({4}, OrgId{10}, std::nullopt, day_, rules_, no_members_);
  expect_refused(r, "date", "org.history_order");
}

TEST_F(OrgHistoryTest, MergeAnOrgTogetherWithItsOwnChild) {
  // DBA and its own sub-branch A1 merged into DBB: either refused, or A1 ends like DBA.
  auto r = h_.plan_merge({3, 5}, OrgId{4}, std::nullopt, day_, rules_, no_members_);
  if (!r.ok()) {
    EXPECT_NE(r.error().kind, ErrorKind::io);
    EXPECT_FALSE(r.error().message_vi.empty());
    return;
  }
  for (const OrgVersion& v : r->opens) EXPECT_NE(v.org, 5) << "A1 is both moved and merged";
  h_.apply(*r);
  OrgTree after = h_.tree_as_of(day_);
  EXPECT_EQ(after.find(5), nullptr);
  EXPECT_EQ(children(after, 4), (Ids{6, 7}));
  ASSERT_NE(h_.latest(5), nullptr);
  EXPECT_EQ(h_.latest(5)->successor, std::optional<OrgId>(4));
}

// ---- split ------------------------------------------------------------------------------------

TEST_F(OrgHistoryTest, SplitIntoTwoPartsWithChildrenAssigned) {
  h_.add_org(40, "DBA1");
  h_.add_org(41, "DBA2");
  auto r = h_.plan_split(3,
                         {new_org(40, "DBA1", "Đảng bộ A-1", std::nullopt),
                          new_org(41, "DBA2", "Đảng bộ A-2", std::nullopt)},
                         {{6, 41}}, std::nullopt, day_, rules_, no_members_);
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->date, day_);
  ASSERT_EQ(r->opens.size(), 4u);
  EXPECT_EQ(r->opens[0].org, 40);
  EXPECT_EQ(r->opens[0].kind, OrgKind::grassroots_committee);  // the source's kind
  EXPECT_EQ(r->opens[0].parent, std::optional<OrgId>(2));      // the source's parent
  EXPECT_EQ(r->opens[0].name, "Đảng bộ A-1");
  EXPECT_EQ(r->opens[1].org, 41);
  EXPECT_EQ(r->opens[1].parent, std::optional<OrgId>(2));
  EXPECT_EQ(r->opens[2].org, 5);  // unassigned: to the first part
  EXPECT_EQ(r->opens[2].parent, std::optional<OrgId>(40));
  EXPECT_EQ(r->opens[3].org, 6);
  EXPECT_EQ(r->opens[3].parent, std::optional<OrgId>(41));
  ASSERT_EQ(r->closes.size(), 3u);
  expect_close(r->closes[0], 5, start_, std::nullopt);
  expect_close(r->closes[1], 6, start_, std::nullopt);
  expect_close(r->closes[2], 3, start_, OrgId{40});
  EXPECT_TRUE(r->member_moves.empty());

  h_.apply(*r);
  OrgTree before = h_.tree_as_of(D("2025-06-30"));
  OrgTree after = h_.tree_as_of(day_);
  EXPECT_EQ(children(before, 3), (Ids{5, 6}));
  EXPECT_EQ(before.find(40), nullptr);
  EXPECT_EQ(after.find(3), nullptr);
  EXPECT_EQ(children(after, 40), (Ids{5}));
  EXPECT_EQ(children(after, 41), (Ids{6}));
  EXPECT_EQ(children(after, 2), (Ids{4, 8, 10, 40, 41}));
  EXPECT_EQ(h_.latest(3)->successor, std::optional<OrgId>(40));
}

TEST_F(OrgHistoryTest, SplitABranchMovesItsMembers) {
  auto r = h_.plan_split(8,
                         {new_org(42, "CB1A", "Chi bộ 1A", std::nullopt),
                          new_org(43, "CB1B", "Chi bộ 1B", std::nullopt)},
                         {}, OrgId{43}, day_, rules_, {8});
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  ASSERT_EQ(r->member_moves.size(), 1u);
  EXPECT_EQ(r->member_moves[0].from, 8);
  EXPECT_EQ(r->member_moves[0].to, 43);
  ASSERT_EQ(r->closes.size(), 1u);
  expect_close(r->closes[0], 8, start_, OrgId{42});
  // By default members go to the first part.
  auto d = h_.plan_split(8,
                         {new_org(42, "CB1A", "Chi bộ 1A", std::nullopt),
                          new_org(43, "CB1B", "Chi bộ 1B", std::nullopt)},
                         {}, std::nullopt, day_, rules_, {8});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->member_moves.size(), 1u);
  EXPECT_EQ(d->member_moves[0].to, 42);
}

TEST_F(OrgHistoryTest, SplitMembersToANonPartIsRefused) {
  expect_refused(h_.plan_split(8,
                               {new_org(42, "CB1A", "Chi bộ 1A", std::nullopt),
                                new_org(43, "CB1B", "Chi bộ 1B", std::nullopt)},
                               {}, OrgId{9}, day_, rules_, {8}),
                 "members_to", "org.member_org_kinds");
}

TEST_F(OrgHistoryTest, SplitNeedsTwoParts) {
  expect_invalid(h_.plan_split(8, {new_org(42, "CB1A", "Chi bộ 1A", std::nullopt)}, {},
                               std::nullopt, day_, rules_, no_members_),
                 "into");
}

TEST_F(OrgHistoryTest, SplitAssignmentsMustNameChildrenAndParts) {
  const std::vector<NewOrg> parts = {new_org(40, "P1", "P1", std::nullopt),
                                     new_org(41, "P2", "P2", std::nullopt)};
  // B1 is not a child of DBA.
  expect_invalid(h_.plan_split(3, parts, {{7, 41}}, std::nullopt, day_, rules_, no_members_),
                 "assign");
  // 8 is not a part.
  expect_invalid(h_.plan_split(3, parts, {{5, 8}}, std::nullopt, day_, rules_, no_members_),
                 "assign");
}

TEST_F(OrgHistoryTest, SplitPartUnderAChildOfTheSourceIsRefused) {
  expect_refused(h_.plan_split(3,
                               {new_org(40, "P1", "P1", std::nullopt),
                                new_org(41, "P2", "P2", OrgKind::sub_branch, OrgId{5}, true)},
                               {}, std::nullopt, day_, rules_, no_members_),
                 "parent", "org.no_cycles");
}

TEST_F(OrgHistoryTest, SplitChildIntoADisallowedPartKindIsRefused) {
  // A sub-branch cannot go to a part that is a grassroots branch.
  expect_refused(h_.plan_split(3,
                               {new_org(40, "P1", "P1", OrgKind::grassroots_committee),
                                new_org(41, "P2", "P2", OrgKind::grassroots_branch)},
                               {{6, 41}}, std::nullopt, day_, rules_, no_members_),
                 "assign", "org.allowed_parents");
}

TEST_F(OrgHistoryTest, SplitWithAChildMovedAwayLaterIsRefused) {
  apply_ok(h_.plan_move(6, OrgId{4}, D("2025-09-01"), rules_));
  auto r = h_.plan_split(
      3, {new_org(40, "P1", "P1", std::nullopt), new_org(41, "P2", "P2", std::nullopt)}, {},
      std::nullopt, day_, rules_, no_members_);
  expect_refused(r, "date", "org.history_order");
}

// ---- dissolve ---------------------------------------------------------------------------------

TEST_F(OrgHistoryTest, DissolveWithChildrenIsRefused) {
  expect_refused(h_.plan_dissolve(3, day_, no_members_), "org", "org.dissolve_empty");
}

TEST_F(OrgHistoryTest, DissolveWithMembersIsRefused) {
  expect_refused(h_.plan_dissolve(8, day_, {8}), "org", "org.dissolve_empty");
}

TEST_F(OrgHistoryTest, DissolveWithAChildAddedLaterIsRefused) {
  h_.add_org(30, "A3");
  apply_ok(h_.plan_create(new_org(30, "A3", "Chi bộ A3", OrgKind::sub_branch, OrgId{4}, true),
                          D("2025-09-01"), rules_));
  apply_ok(h_.plan_move(7, OrgId{3}, D("2025-03-01"), rules_));
  // DBB has no child on 2025-07-01 but gets one on 2025-09-01.
  expect_refused(h_.plan_dissolve(4, day_, no_members_), "org", "org.dissolve_empty");
}

TEST_F(OrgHistoryTest, DissolveAnEmptyOrg) {
  auto r = h_.plan_dissolve(8, day_, {9});
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->date, day_);
  EXPECT_TRUE(r->opens.empty());
  EXPECT_TRUE(r->member_moves.empty());
  ASSERT_EQ(r->closes.size(), 1u);
  expect_close(r->closes[0], 8, start_, std::nullopt);

  h_.apply(*r);
  EXPECT_NE(h_.tree_as_of(D("2025-06-30")).find(8), nullptr);
  EXPECT_EQ(h_.tree_as_of(day_).find(8), nullptr);
  EXPECT_EQ(h_.version_at(8, day_), nullptr);
  EXPECT_EQ(h_.latest(8)->valid_to, day_);
  EXPECT_FALSE(h_.latest(8)->successor.has_value());
}

TEST_F(OrgHistoryTest, DissolveAfterItsChildrenLeave) {
  apply_ok(h_.plan_move(7, OrgId{3}, D("2025-03-01"), rules_));
  apply_ok(h_.plan_dissolve(4, day_, no_members_));
  EXPECT_EQ(children(h_.tree_as_of(D("2025-02-28")), 4), (Ids{7}));
  EXPECT_EQ(parent(h_.tree_as_of(D("2025-03-01")), 7), std::optional<OrgId>(3));
  EXPECT_NE(h_.tree_as_of(D("2025-06-30")).find(4), nullptr);
  EXPECT_EQ(h_.tree_as_of(day_).find(4), nullptr);
}

// ---- the dated tree across several changes --------------------------------------------------

TEST_F(OrgHistoryTest, TreeAsOfShowsEachPeriodsShape) {
  apply_ok(h_.plan_rename(2, "Cụm thi đua số I", D("2024-01-01")));
  apply_ok(h_.plan_merge({4}, OrgId{3}, std::nullopt, day_, rules_, no_members_));
  apply_ok(h_.plan_move(3, OrgId{1}, D("2025-10-01"), rules_));

  OrgTree t2023 = h_.tree_as_of(D("2023-12-31"));
  EXPECT_EQ(t2023.find(2)->name, "Cụm I");
  EXPECT_EQ(children(t2023, 4), (Ids{7}));
  EXPECT_EQ(parent(t2023, 3), std::optional<OrgId>(2));

  OrgTree t2024 = h_.tree_as_of(D("2024-01-01"));
  EXPECT_EQ(t2024.find(2)->name, "Cụm thi đua số I");
  EXPECT_NE(t2024.find(4), nullptr);

  OrgTree t2025a = h_.tree_as_of(D("2025-07-01"));
  EXPECT_EQ(t2025a.find(4), nullptr);
  EXPECT_EQ(children(t2025a, 3), (Ids{5, 6, 7}));
  EXPECT_EQ(parent(t2025a, 3), std::optional<OrgId>(2));
  EXPECT_EQ(t2025a.depth(7), 3);

  OrgTree t2025b = h_.tree_as_of(D("2025-10-01"));
  EXPECT_EQ(parent(t2025b, 3), std::optional<OrgId>(1));
  EXPECT_EQ(t2025b.depth(7), 2);
  EXPECT_EQ(t2025b.subtree(3), (Ids{3, 5, 6, 7}));
  EXPECT_EQ(children(t2025b, 2), (Ids{8, 10}));
}

}  // namespace
}  // namespace dangvu
