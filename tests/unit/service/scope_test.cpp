// Scope over time (core/scope.h) through every kind of use case, on a province that went through
// the 2025 reorganization: the bloc committee DBK is dissolved on 1/7/2025 and its grassroots
// committees move under two committees formed that day (DBCQ, DBCH). An account holds its
// subtree as it stands today and the whole history of what it holds, and nothing that has left.
#include <gtest/gtest.h>

#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

class ScopeOverTimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("s.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    admin_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    add_org("TU", "Đảng bộ tỉnh", "upper_committee", "", "2000-01-01");
    add_org("DBK", "Đảng bộ Khối", "upper_committee", "TU", "2000-01-01");
    add_org("DB1", "Đảng bộ Sở Một", "grassroots_committee", "DBK", "2000-01-01");
    add_org("S11", "Chi bộ Một Một", "sub_branch", "DB1", "2000-01-01");
    add_org("S12", "Chi bộ Một Hai", "sub_branch", "DB1", "2000-01-01");
    add_org("DB2", "Đảng bộ Sở Hai", "grassroots_committee", "DBK", "2000-01-01");
    add_org("S21", "Chi bộ Hai Một", "sub_branch", "DB2", "2000-01-01");
    admit("M1", "An", "S11", "2015-03-01");
    admit("M2", "Bình", "S21", "2015-03-01");
    admit("M3", "Cường", "S12", "2015-03-01");
    // S12 merged into S11 in 2024 (M3 follows), then the reorganization.
    ASSERT_TRUE(admin_->merge_orgs({{"S12"}, "S11", "", "", "", "2024-01-01"}).ok());
    add_org("DBCQ", "Đảng bộ các cơ quan Đảng", "upper_committee", "TU", "2025-07-01");
    add_org("DBCH", "Đảng bộ Ủy ban nhân dân", "upper_committee", "TU", "2025-07-01");
    ASSERT_TRUE(admin_->move_org("DB1", "DBCQ", "2025-07-01").ok());
    ASSERT_TRUE(admin_->move_org("DB2", "DBCH", "2025-07-01").ok());
    ASSERT_TRUE(admin_->dissolve_org("DBK", "2025-07-01").ok());
    // M3 has since moved to the other committee's branch.
    EventInput t;
    t.member_code = "M3";
    t.kind = "transfer";
    t.mode = "permanent";
    t.org_code = "S21";
    t.date = "2026-03-01";
    auto id = admin_->record_event(t);
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
    transfer_m3_ = *id;
  }

  void add_org(const std::string& code, const std::string& name, const std::string& kind,
               const std::string& parent, const std::string& date) {
    auto id = admin_->add_org({code, name, kind, parent, date});
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  void admit(const std::string& code, const std::string& given, const std::string& org,
             const std::string& date) {
    AddMemberInput in;
    in.code = code;
    in.family = "Nguyễn";
    in.middle = "Văn";
    in.given = given;
    in.birth_date = "1985-06-01";
    in.first.kind = "admission";
    in.first.org_code = org;
    in.first.date = date;
    auto id = admin_->add_member(in);
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  Registry as(auth::Role role, const std::string& org_code) {
    auto org = store_->find_org(org_code);
    return Registry(*store_, RuleSet::defaults(), clock_,
                    Caller{"u-" + org_code, "127.0.0.1", role, **org, 1});
  }

  Registry office(const std::string& org) { return as(auth::Role::committee_office, org); }

  template <typename R>
  static Status status_of(const R& r) {
    return r.ok() ? Status{} : Status{r.error()};
  }

  // Expects `st` refused with `kind` (and `rule`), and the database as it was before.
  void expect_refused(const std::string& before, const Status& st, ErrorKind kind,
                      const std::string& rule = "") {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, kind) << st.error().detail_en;
    if (!rule.empty()) {
      EXPECT_EQ(st.error().rule, rule) << st.error().detail_en;
    }
    EXPECT_FALSE(st.error().message_vi.empty());
    EXPECT_EQ(testing::dump_database(path_), before);
  }

  EventInput void_transfer(const std::string& date) const {
    EventInput c;
    c.member_code = "M3";
    c.kind = "correction";
    c.date = date;
    c.corrects = std::to_string(transfer_m3_);
    c.voids = true;
    return c;
  }

  std::string org_of(const std::string& member, const std::string& at = "") {
    auto v = admin_->show_member(member, at);
    return v.ok() ? v->org_code : "?";
  }

  testing::TempDir dir_;
  std::string path_;
  FixedClock clock_{Date::parse("2026-11-22").value()};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> admin_;
  EventId transfer_m3_ = 0;
};

TEST_F(ScopeOverTimeTest, ACommitteeFormedIn2025ReadsTheHistoryOfTheUnitsItTookOver) {
  Registry cq = office("DBCQ");
  // Its own grassroots committee before the reorganization, and the branch merged into it.
  auto db1 = cq.stats("DB1", "2023-06-30");
  ASSERT_TRUE(db1.ok()) << db1.error().detail_en;
  EXPECT_EQ(db1->members.members(), 2);  // M1 in S11, M3 in S12
  auto s12 = cq.stats("S12", "2023-06-30");
  ASSERT_TRUE(s12.ok()) << s12.error().detail_en;
  EXPECT_EQ(s12->members.members(), 1);
  // Not the dissolved bloc committee nor the other committee's units.
  EXPECT_EQ(cq.stats("DBK", "2023-06-30").error().kind, ErrorKind::not_found);
  EXPECT_EQ(cq.stats("DB2", "2023-06-30").error().kind, ErrorKind::not_found);
  EXPECT_EQ(office("DBCH").stats("S12", "2023-06-30").error().kind, ErrorKind::not_found);
  // Its own org did not exist then: the tree is the units it holds as they stood, with counts;
  // its stats name them.
  auto tree = cq.tree("", "2023-06-30");
  ASSERT_TRUE(tree.ok()) << tree.error().detail_en;
  ASSERT_EQ(tree->forest.size(), 1u);
  EXPECT_EQ(tree->forest[0].code, "DB1");
  EXPECT_EQ(tree->forest[0].counts.members(), 2);
  // With the committee itself, named as it is now, and the day it was formed.
  EXPECT_EQ(tree->scope_code, "DBCQ");
  EXPECT_EQ(tree->scope_name, "Đảng bộ các cơ quan Đảng");
  EXPECT_EQ(tree->scope_formed_on.iso(), "2025-07-01");
  // Each unit counts as it does asked alone.
  auto alone = cq.tree("DB1", "2023-06-30");
  ASSERT_TRUE(alone.ok()) << alone.error().detail_en;
  EXPECT_EQ(tree->forest[0].counts.official, alone->root.counts.official);
  EXPECT_EQ(tree->forest[0].counts.probationary, alone->root.counts.probationary);
  EXPECT_EQ(tree->forest[0].counts.candidates, alone->root.counts.candidates);
  EXPECT_EQ(tree->forest[0].children.size(), alone->root.children.size());
  auto stats = cq.stats("", "2023-06-30");
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.error().kind, ErrorKind::not_found);
  EXPECT_NE(stats.error().message_vi.find("DB1"), std::string::npos) << stats.error().message_vi;
  EXPECT_EQ(stats.error().message_vi.find("DB2"), std::string::npos) << stats.error().message_vi;
  // Today it is one tree again.
  auto now = cq.tree("", "");
  ASSERT_TRUE(now.ok());
  EXPECT_TRUE(now->forest.empty());
  EXPECT_EQ(now->root.code, "DBCQ");
  // The member list without an org is the list of those units then.
  auto list = cq.list_members({"", "2023-06-30", "", "", 100, 0});
  ASSERT_TRUE(list.ok()) << list.error().detail_en;
  ASSERT_EQ(list->total, 2);
  for (const auto& row : list->rows) EXPECT_NE(row.code, "M2");
}

TEST_F(ScopeOverTimeTest, AMemberIsReadWithAWholeHistoryWhileHeldAndNotOnceGone) {
  // M3 left DBCQ's branch for DBCH's: DBCQ no longer reads it, not even as of a date it was there.
  EXPECT_EQ(office("DBCQ").show_member("M3", "2025-01-01").error().kind, ErrorKind::not_found);
  EXPECT_EQ(as(auth::Role::branch_secretary, "S11").show_member("M3", "2025-01-01").error().kind,
            ErrorKind::not_found);
  // DBCH holds M3 now, with the years it spent elsewhere.
  auto m3 = office("DBCH").show_member("M3", "2023-06-30");
  ASSERT_TRUE(m3.ok()) << m3.error().detail_en;
  EXPECT_EQ(m3->org_code, "S12");
  EXPECT_TRUE(office("DBCQ").show_member("M1", "2016-01-01").ok());
}

TEST_F(ScopeOverTimeTest, NobodyTakesAMemberBackByCorrectingTheTransferThatTookItAway) {
  const std::string before = testing::dump_database(path_);
  // The sending committee and the branch: the member is no longer theirs (answered as unknown).
  Registry cq = office("DBCQ");
  expect_refused(before, status_of(cq.record_event(void_transfer("2026-09-01"))),
                 ErrorKind::not_found);
  Registry secretary = as(auth::Role::branch_secretary, "S11");
  expect_refused(before, status_of(secretary.record_event(void_transfer("2026-09-01"))),
                 ErrorKind::not_found);
  // The receiving committee may not hand the member back either: that is the sender's history.
  Registry ch = office("DBCH");
  expect_refused(before, status_of(ch.record_event(void_transfer("2026-09-01"))),
                 ErrorKind::forbidden, "scope.member_leaves");
  EXPECT_EQ(org_of("M3"), "S21");
  // The administrator can; a correction is never dated before what it corrects.
  expect_refused(before, status_of(admin_->record_event(void_transfer("2026-02-01"))),
                 ErrorKind::invalid_input, "correction.not_before_event");
  ASSERT_TRUE(admin_->record_event(void_transfer("2026-09-01")).ok());
  EXPECT_EQ(org_of("M3"), "S11");
}

TEST_F(ScopeOverTimeTest, ABackDatedWriteNeverReachesATimeTheMemberWasHeldElsewhere) {
  const std::string before = testing::dump_database(path_);
  Registry ch = office("DBCH");
  // M3 is DBCH's today, but on 1/1/2025 it was in DBCQ's branch (then the bloc's).
  EventInput temp;
  temp.member_code = "M3";
  temp.kind = "transfer";
  temp.mode = "temporary";
  temp.org_code = "S21";
  temp.date = "2025-01-01";
  expect_refused(before, status_of(ch.record_event(temp)), ErrorKind::forbidden,
                 "scope.history_outside");
  // Moving the transfer's date back into the other committee's time is the same.
  EventInput moved;
  moved.member_code = "M3";
  moved.kind = "correction";
  moved.date = "2026-09-01";
  moved.corrects = std::to_string(transfer_m3_);
  moved.new_date = "2025-01-01";
  expect_refused(before, status_of(ch.record_event(moved)), ErrorKind::forbidden);
  // A member it has never held, on any date: unknown.
  temp.member_code = "M1";
  temp.date = "2026-10-01";
  expect_refused(before, status_of(ch.record_event(temp)), ErrorKind::not_found);
  // Nor later: the week in between would go back to the other committee's branch.
  moved.new_date = "2026-03-08";
  expect_refused(before, status_of(ch.record_event(moved)), ErrorKind::forbidden,
                 "scope.member_leaves");
  // Within its own time it records what happened: a transfer to its own org is refused by the
  // rules (not the scope), a death is recorded.
  temp.member_code = "M3";
  temp.date = "2026-04-01";
  temp.org_code = "S21";
  temp.mode = "permanent";
  EXPECT_EQ(status_of(ch.record_event(temp)).error().rule, "transfer.changes_org");
  EventInput death;
  death.member_code = "M3";
  death.kind = "death";
  death.date = "2026-04-01";
  auto ok = ch.record_event(death);
  ASSERT_TRUE(ok.ok()) << ok.error().detail_en;
  EXPECT_EQ(org_of("M3", "2026-03-05"), "S21");
}

TEST_F(ScopeOverTimeTest, AnImportOfTheUnitsItTookOverIsCheckedOnTodaysScope) {
  // Members admitted in 2016 to S11, which DBCQ holds today (then under the bloc committee).
  const std::string csv =
      "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\n"
      "Trần Thị Dung,02/03/1980,S11,05/06/2016\n"
      "Lê Văn Em,04/05/1981,S11,05/06/2016\n";
  Registry cq = office("DBCQ");
  ImportInput in;
  in.data = csv;
  in.file_name = "ds.csv";
  auto report = cq.import_members(in);
  ASSERT_TRUE(report.ok()) << report.error().detail_en;
  EXPECT_EQ(report->created, 2) << (report->problems.empty() ? "" : report->problems[0].message_vi);
  // The other committee cannot bring members into it.
  in.data = "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\nPhạm Văn Giang,02/03/1980,S11,05/06/2016\n";
  auto refused = office("DBCH").import_members(in);
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->created, 0);
  EXPECT_FALSE(refused->problems.empty());
}

TEST_F(ScopeOverTimeTest, OrgWritesAndWorkRecordsAreCheckedOnTodaysScope) {
  const std::string before = testing::dump_database(path_);
  Registry ch = office("DBCH");
  // S11 was under the bloc like S21; DBCH does not hold it today, whatever the date.
  expect_refused(before, ch.rename_org("S11", "Tên mới", "2024-01-01"), ErrorKind::not_found);
  expect_refused(before, ch.rename_org("S12", "Tên mới", "2023-01-01"), ErrorKind::not_found);
  MeetingInput m;
  m.org_code = "S11";
  m.date = "2025-03-05";
  m.quality = "good";
  expect_refused(before, status_of(ch.record_meeting(m)), ErrorKind::not_found);
  // DBCQ records a meeting of its branch held before the reorganization.
  m.date = "2025-03-05";
  auto ok = office("DBCQ").record_meeting(m);
  ASSERT_TRUE(ok.ok()) << ok.error().detail_en;
}

}  // namespace
}  // namespace dangvu::service
