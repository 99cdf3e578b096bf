// The use cases over a real SQLite file: rules enforced end to end, as-of reads across org
// operations, and every refusal leaving the database exactly as it was.
#include "service/registry.h"

#include <gtest/gtest.h>

#include "support/temp_db.h"

namespace dangvu::service {
namespace {

class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("r.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    add_org("TU", "Đảng bộ tỉnh", "upper_committee", "");
    add_org("CUM1", "Cụm I", "cluster", "TU");
    add_org("DBA", "Đảng bộ Sở A", "grassroots_committee", "CUM1");
    add_org("DBB", "Đảng bộ Sở B", "grassroots_committee", "CUM1");
    add_org("A1", "Chi bộ A1", "sub_branch", "DBA");
    add_org("B1", "Chi bộ B1", "sub_branch", "DBB");
    add_org("CB1", "Chi bộ cơ sở 1", "grassroots_branch", "CUM1");
  }

  void add_org(const std::string& code, const std::string& name, const std::string& kind,
               const std::string& parent) {
    auto id = registry_->add_org({code, name, kind, parent, "2000-01-01"});
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  void admit(const std::string& code, const std::string& given, const std::string& org,
             const std::string& date, const std::string& family = "Nguyễn",
             const std::string& middle = "Văn") {
    AddMemberInput in;
    in.code = code;
    in.family = family;
    in.middle = middle;
    in.given = given;
    in.birth_date = "1985-06-01";
    in.first.kind = "admission";
    in.first.org_code = org;
    in.first.date = date;
    auto id = registry_->add_member(in);
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  Status event(const std::string& member, const std::string& kind, const std::string& date,
               const std::string& org = "") {
    EventInput e;
    e.member_code = member;
    e.kind = kind;
    e.date = date;
    e.org_code = org;
    auto id = registry_->record_event(e);
    return id.ok() ? Status{} : Status{id.error()};
  }

  // Runs `action`, expects it refused with `rule` (or `kind`), and the database unchanged.
  void expect_refused_unchanged(const std::function<Status()>& action, ErrorKind kind,
                                const std::string& rule = "") {
    const auto before = testing::dump_database(path_);
    Status st = action();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, kind) << st.error().detail_en;
    if (!rule.empty()) {
      EXPECT_EQ(st.error().rule, rule) << st.error().detail_en;
    }
    EXPECT_FALSE(st.error().message_vi.empty());
    EXPECT_EQ(testing::dump_database(path_), before);
  }

  testing::TempDir dir_;
  std::string path_;
  FixedClock clock_{Date::parse("2026-11-22").value()};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(RegistryTest, RefusalsChangeNothing) {
  admit("M1", "An", "A1", "2020-01-10");
  expect_refused_unchanged([&] { return event("M1", "recognition", "2020-06-01"); },
                           ErrorKind::rule_refused, "probation.min_months");
  expect_refused_unchanged([&] { return event("M1", "transfer", "2021-01-01", "DBA"); },
                           ErrorKind::rule_refused, "org.member_org_kinds");
  expect_refused_unchanged([&] { return event("M1", "transfer", "2021-01-01", "NOPE"); },
                           ErrorKind::not_found);
  expect_refused_unchanged([&] { return event("M1", "transfer", "2021-02-30", "B1"); },
                           ErrorKind::invalid_input);
  expect_refused_unchanged([&] { return registry_->move_org("TU", "DBA", "2010-01-01"); },
                           ErrorKind::rule_refused, "org.no_cycles");
  expect_refused_unchanged(
      [&] {
        return registry_->merge_orgs({{"DBA"}, "DBA", "", "", "", "2010-01-01"});
      },
      ErrorKind::rule_refused, "org.merge_not_self");
  expect_refused_unchanged(
      [&] {
        auto r = registry_->add_org({"X", "Chi bộ X", "sub_branch", "CUM1", "2010-01-01"});
        return r.ok() ? Status{} : Status{r.error()};
      },
      ErrorKind::rule_refused, "org.allowed_parents");
  expect_refused_unchanged([&] { return registry_->dissolve_org("A1", "2021-01-01"); },
                           ErrorKind::rule_refused, "org.dissolve_empty");
}

TEST_F(RegistryTest, MergeMovesSubBranchesAndMembersFollowAMergedBranch) {
  admit("M1", "An", "A1", "2020-01-10");
  admit("M2", "Bình", "CB1", "2020-01-10");
  // Two committees into a new one: sub-branches move, members stay in their sub-branches.
  ASSERT_TRUE(
      registry_->merge_orgs({{"DBA", "DBB"}, "DBAB", "Đảng bộ Sở A-B", "", "", "2025-07-01"}).ok());
  auto before = registry_->tree("TU", "2025-06-30");
  auto after = registry_->tree("TU", "2025-07-01");
  ASSERT_TRUE(before.ok() && after.ok());
  const auto& cluster_after = after->root.children.at(0);
  ASSERT_EQ(cluster_after.children.size(), 2u);  // CB1 and DBAB
  EXPECT_EQ(cluster_after.children[1].code, "DBAB");
  EXPECT_EQ(cluster_after.children[1].children.size(), 2u);
  EXPECT_EQ(before->root.counts.members(), after->root.counts.members());
  // A grassroots branch merged into another branch: its member follows by a transfer event.
  add_org("CB2", "Chi bộ cơ sở 2", "grassroots_branch", "CUM1");
  ASSERT_TRUE(registry_->merge_orgs({{"CB1"}, "CB2", "", "", "", "2026-01-01"}).ok());
  auto m2 = registry_->show_member("M2", "2026-01-01");
  ASSERT_TRUE(m2.ok());
  EXPECT_EQ(m2->org_code, "CB2");
  EXPECT_EQ(m2->events.back().kind, MemberEventKind::transfer);
  auto m2_before = registry_->show_member("M2", "2025-12-31");
  ASSERT_TRUE(m2_before.ok());
  EXPECT_EQ(m2_before->org_code, "CB1");
}

TEST_F(RegistryTest, StatsCountWhatTheRecordsSay) {
  admit("M1", "An", "A1", "2024-01-10");    // probationary, due 2025-01-10: overdue by 2026
  admit("M2", "Bình", "B1", "2026-03-02");  // admitted this year
  admit("M3", "Chi", "CB1", "2010-05-05");
  ASSERT_TRUE(event("M3", "recognition", "2011-05-20").ok());
  admit("M4", "Dũng", "CB1", "2025-01-06");
  ASSERT_TRUE(event("M4", "recognition", "2026-01-20").ok());  // recognized this year
  auto s = registry_->stats("TU", "2026-11-22");
  ASSERT_TRUE(s.ok()) << s.error().detail_en;
  EXPECT_EQ(s->grassroots_committees, 2);
  EXPECT_EQ(s->grassroots_branches, 1);
  EXPECT_EQ(s->sub_branches, 2);
  EXPECT_EQ(s->members.members(), 4);
  EXPECT_EQ(s->members.official, 2);
  EXPECT_EQ(s->members.probationary, 2);
  EXPECT_EQ(s->probation_overdue, 1);
  EXPECT_EQ(s->admitted_this_year, 1);
  EXPECT_EQ(s->recognized_this_year, 1);
  EXPECT_EQ(s->branches_below_minimum, 3);  // A1, B1 with no full member; CB1 with two
  auto sub = registry_->stats("DBA", "2026-11-22");
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->members.members(), 1);
}

TEST_F(RegistryTest, ListsInVietnameseOrderAndSearchesWithoutDiacritics) {
  admit("M1", "Chính", "A1", "2020-01-10", "Đàm", "Văn");
  admit("M2", "Ánh", "A1", "2020-01-10", "Nguyễn", "Thị");
  admit("M3", "Anh", "B1", "2020-01-10", "Trần", "Đức");
  admit("M4", "Bình", "B1", "2020-01-10", "Lê", "");
  auto all = registry_->list_members({"", "", "", "", 100, 0});
  ASSERT_TRUE(all.ok());
  std::vector<std::string> order;
  for (const auto& r : all->rows) order.push_back(r.person.given);
  EXPECT_EQ(order, (std::vector<std::string>{"Anh", "Ánh", "Bình", "Chính"}));
  for (const char* q : {"dam van chinh", "Đàm Văn Chính", "chinh", "van chinh", "DAM"}) {
    auto found = registry_->list_members({"", "", q, "", 100, 0});
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->rows.size(), 1u) << q;
    EXPECT_EQ(found->rows[0].code, "M1");
  }
  auto scoped = registry_->list_members({"DBB", "", "", "", 100, 0});
  ASSERT_TRUE(scoped.ok());
  EXPECT_EQ(scoped->total, 2);
  auto bad = registry_->list_members({"", "", "", "nonsense", 100, 0});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "status");
}

// A name search finds the same page whether it walks the search keys or reads the scope's members
// and checks each name (the plan for a small scope and a common name): listed by the word suffix
// they match, then in order of entry, each member once; the count can stop early.
TEST_F(RegistryTest, BothSearchPlansFindTheSameMembers) {
  const char* given[] = {"Chính", "Chinh", "An", "Anh", "Ánh", "Bình", "Chính", "An"};
  const char* family[] = {"Đàm", "Nguyễn", "An", "Trần", "Nguyễn", "Lê", "Phạm", "Nguyễn"};
  for (int i = 0; i < 8; ++i) {
    admit("M" + std::to_string(i), given[i], i % 2 ? "A1" : "B1", "2020-01-10", family[i],
          i % 3 ? "Văn" : "Thị");
  }
  ASSERT_TRUE(event("M3", "transfer", "2024-05-01", "CB1").ok());
  const auto b1 = store_->find_org("B1").value().value();
  const auto a1 = store_->find_org("A1").value().value();
  auto codes = [](const store::MemberPage& page) {
    std::vector<std::string> out;
    for (const auto& r : page.rows) out.push_back(r.code);
    return out;
  };
  int compared = 0;
  for (const std::string prefix :
       {"chinh", "an", "nguyen van", "an van an", "van", "xyz", "thi a"}) {
    for (const char* at : {"2021-01-01", "2025-01-01"}) {
      for (int scope = 0; scope < 3; ++scope) {
        store::MemberQuery q;
        q.at = Date::parse(at).value();
        q.folded_prefix = prefix;
        if (scope == 1) q.orgs = std::vector<OrgId>{b1};
        if (scope == 2) q.orgs = std::vector<OrgId>{a1, b1};
        q.limit = 2;
        for (int offset : {0, 2, 4}) {
          q.offset = offset;
          q.plan = store::SearchPlan::search_keys;
          auto by_keys = store_->list_members(q, 3);
          q.plan = store::SearchPlan::scope_first;
          auto by_scope = store_->list_members(q, 3);
          ASSERT_TRUE(by_keys.ok() && by_scope.ok());
          const std::string where = prefix + " " + at + " scope " + std::to_string(scope) +
                                    " offset " + std::to_string(offset);
          EXPECT_EQ(codes(*by_keys), codes(*by_scope)) << where;
          EXPECT_EQ(by_keys->total, by_scope->total) << where;
          EXPECT_EQ(by_keys->more, by_scope->more) << where;
          compared += by_keys->rows.empty() ? 0 : 1;
          if (scope == 2) {
            // A scope too large to write into the SQL (a province's orgs): the automatic plan
            // walks the keys with the scope in memory, and finds the same page.
            store::MemberQuery wide = q;
            wide.plan = store::SearchPlan::automatic;
            for (OrgId absent = 100000; absent < 100300; ++absent) wide.orgs->push_back(absent);
            auto walked = store_->list_members(wide, 3);
            ASSERT_TRUE(walked.ok());
            EXPECT_EQ(codes(*walked), codes(*by_scope)) << where;
            EXPECT_EQ(walked->total, by_scope->total) << where;
            EXPECT_EQ(walked->more, by_scope->more) << where;
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 20);

  // "an" starts a word of "An Văn An" twice: listed once, under "an"; then "anh", "ánh".
  store::MemberQuery an;
  an.at = Date::parse("2025-01-01").value();
  an.folded_prefix = "an";
  an.limit = 10;
  for (auto plan : {store::SearchPlan::search_keys, store::SearchPlan::scope_first}) {
    an.plan = plan;
    auto all = store_->list_members(an, 1000);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(codes(*all), (std::vector<std::string>{"M2", "M7", "M3", "M4"}));
    EXPECT_EQ(all->total, 4);
    EXPECT_FALSE(all->more);
    an.limit = 1;
    auto capped = store_->list_members(an, 2);  // the count stops at 2
    ASSERT_TRUE(capped.ok());
    EXPECT_EQ(capped->rows.size(), 1u);
    EXPECT_EQ(capped->total, 2);
    EXPECT_TRUE(capped->more);
    an.limit = 10;
  }
  auto listed = registry_->list_members({"", "2025-01-01", "an", "", 2, 0});
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->rows.size(), 2u);
  EXPECT_EQ(listed->total, 4);
  EXPECT_FALSE(listed->more);
  auto last = registry_->list_members({"", "2025-01-01", "an", "", 3, 3});
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->total, 4);
  EXPECT_EQ(last->rows.size(), 1u);
}

TEST_F(RegistryTest, CorrectionVoidsAnEventAndIsItselfAnEvent) {
  admit("M1", "An", "A1", "2020-01-10");
  ASSERT_TRUE(event("M1", "transfer", "2022-01-01", "B1").ok());
  auto shown = registry_->show_member("M1", "");
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->org_code, "B1");
  EventInput fix;
  fix.member_code = "M1";
  fix.kind = "correction";
  fix.corrects = std::to_string(shown->events.back().id);
  fix.voids = true;
  fix.reason = "Nhập nhầm";
  ASSERT_TRUE(registry_->record_event(fix).ok());
  auto after = registry_->show_member("M1", "");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->org_code, "A1");
  EXPECT_EQ(after->events.size(), 3u);  // admission, transfer, correction: history kept
}

TEST_F(RegistryTest, SplitSendsChildrenAndMembersWhereTold) {
  admit("M1", "An", "CB1", "2020-01-10");
  SplitInput in;
  in.code = "DBA";
  in.parts = {{"DBA1", "Đảng bộ A1", ""}, {"DBA2", "Đảng bộ A2", ""}};
  in.assign = {{"A1", "DBA2"}};
  in.date = "2026-01-01";
  ASSERT_TRUE(registry_->split_org(in).ok());
  auto t = registry_->tree("DBA2", "2026-01-01");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->root.children.size(), 1u);
  EXPECT_EQ(t->root.children[0].code, "A1");
  auto gone = registry_->tree("DBA", "2026-01-01");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().kind, ErrorKind::not_found);
}

// The server's figures engine (the history, trees, every org's stocks) follows each committed
// write by its change log: a member admitted, then a merge, are seen by the next read through the
// same engine without reading the stocks again, and a refused write leaves them as they were.
TEST_F(RegistryTest, FiguresEngineFollowsCommittedWrites) {
  figures::Engine engine;
  registry_->use_figures(&engine);
  const Date today = Date::parse("2026-11-22").value();
  admit("M1", "An", "A1", "2020-01-01");
  const OrgId tu = store_->find_org("TU").value().value();
  auto count_in = [&](const char* code) -> std::int64_t {
    auto tree = registry_->tree_at(today);
    EXPECT_TRUE(tree.ok());
    auto stocks = registry_->member_stocks(today, tu, *(*tree)->history, (*tree)->tree);
    EXPECT_TRUE(stocks.ok());
    const auto* s = (*stocks)->find(store_->find_org(code).value().value());
    return s == nullptr ? 0 : s->official + s->probationary;
  };
  // A subtree's figures read by naming its orgs are kept for that subtree too (another date:
  // nothing kept for every org on it), and follow the writes as well.
  const Date yesterday = Date::parse("2026-11-21").value();
  const OrgId a1 = store_->find_org("A1").value().value();
  auto a1_members = [&] {
    auto tree = registry_->tree_at(yesterday);
    EXPECT_TRUE(tree.ok());
    auto stocks = engine.stocks(*store_, RuleSet::defaults(), yesterday, a1,
                                [&] { return store::OrgFilter{std::vector<OrgId>{a1}}; });
    EXPECT_TRUE(stocks.ok());
    EXPECT_FALSE((*stocks)->every_org());
    const auto* s = (*stocks)->find(a1);
    return s == nullptr ? 0 : s->official + s->probationary;
  };
  EXPECT_EQ(a1_members(), 1);
  auto members_of = [&](const char* code) {
    auto s = registry_->stats(code, "2026-11-22");
    EXPECT_TRUE(s.ok()) << s.error().detail_en;
    return s->members.official + s->members.probationary;
  };
  EXPECT_EQ(count_in("A1"), 1);
  EXPECT_EQ(members_of("TU"), 1);
  const auto read = engine.counters().stocks_read;
  EXPECT_EQ(read, 2);  // the whole tree's on today, A1's on yesterday

  admit("M2", "Bình", "A1", "2021-01-01");
  EXPECT_EQ(count_in("A1"), 2);
  EXPECT_EQ(a1_members(), 2);
  EXPECT_EQ(members_of("TU"), 2);
  EXPECT_EQ(engine.counters().stocks_read, read);  // brought forward, not read again
  EXPECT_GT(engine.counters().changes_applied, 0);
  EXPECT_EQ(members_of("DBA"), 2);  // another subtree: read (a small tree's are named)

  EXPECT_FALSE(event("M2", "transfer", "2026-02-01", "NOPE").ok());
  EXPECT_EQ(count_in("A1"), 2);

  ASSERT_TRUE(
      registry_->merge_orgs({{"DBA", "DBB"}, "DBAB", "Đảng bộ Sở A-B", "", "", "2026-03-01"}).ok());
  EXPECT_EQ(members_of("DBAB"), 2);
  auto gone = registry_->stats("DBA", "2026-11-22");
  EXPECT_FALSE(gone.ok());
  EXPECT_EQ(engine.counters().histories_loaded, 1);  // the history advanced by the changed orgs
}

}  // namespace
}  // namespace dangvu::service
