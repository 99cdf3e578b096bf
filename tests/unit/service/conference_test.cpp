// Review conferences over a real SQLite file: the main path of seed 000 (a half-year review with
// two sites, attendance, the report attached, a conclusion and three tasks), the quorum computed
// from the records, refusals that name their field and leave the database unchanged, scope, the
// cluster's rotation (seed 002) and 'prepare next' bringing last period's tasks.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

class ConferenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("c.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    add_org("TU", "Đảng bộ tỉnh", "upper_committee", "");
    add_org("CUM1", "Cụm thi đua số I", "cluster", "TU");
    add_org("DBA", "Đảng bộ Sở A", "grassroots_committee", "CUM1");
    add_org("DBB", "Đảng bộ Sở B", "grassroots_committee", "CUM1");
    add_org("A1", "Chi bộ Văn phòng", "sub_branch", "DBA");
    add_org("A2", "Chi bộ Nghiệp vụ", "sub_branch", "DBA");
    add_org("B1", "Chi bộ B1", "sub_branch", "DBB");
    add_org("CB1", "Chi bộ Thanh tra tỉnh", "grassroots_branch", "CUM1");
    const char* names[] = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh"};
    for (int i = 0; i < 9; ++i) {
      const std::string org = i < 4 ? "A1" : i < 6 ? "A2" : "B1";
      admit("M" + std::to_string(i + 1), names[i], org);
    }
  }

  void add_org(const std::string& code, const std::string& name, const std::string& kind,
               const std::string& parent) {
    auto id = registry_->add_org({code, name, kind, parent, "2000-01-01"});
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  void admit(const std::string& code, const std::string& given, const std::string& org) {
    AddMemberInput in;
    in.code = code;
    in.family = "Nguyễn";
    in.middle = "Văn";
    in.given = given;
    in.birth_date = "1980-06-01";
    in.first.kind = "admission";
    in.first.org_code = org;
    in.first.date = "2010-03-02";
    auto id = registry_->add_member(in);
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
    EventInput rec;
    rec.member_code = code;
    rec.kind = "recognition";
    rec.date = "2011-03-10";
    ASSERT_TRUE(registry_->record_event(rec).ok());
  }

  ConferenceInput half_year(const std::string& org = "DBA") {
    ConferenceInput in;
    in.org_code = org;
    in.kind = "half_year_review";
    in.period = "2026-H1";
    in.date = "2026-07-06";
    in.start_time = "08:00";
    in.chair_code = "M1";
    in.secretary_name = "Trần Thị Thu";
    in.agenda = {"Báo cáo sơ kết 6 tháng đầu năm", "Tham luận", "Phát biểu chỉ đạo", "Kết luận"};
    return in;
  }

  ConferenceId create(const ConferenceInput& in) {
    auto id = registry_->create_conference(in);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail_en);
    return id.ok() ? *id : 0;
  }

  void attend(ConferenceId c, const std::string& member, int site, const std::string& status,
              const std::string& reason = "") {
    AttendanceInput a;
    a.conference = c;
    a.member_code = member;
    a.site = site;
    a.status = status;
    a.reason = reason;
    auto st = registry_->record_attendance(a);
    ASSERT_TRUE(st.ok()) << st.error().detail_en;
  }

  TaskId task(ConferenceId c, const std::string& owner, const std::string& title,
              const std::string& due) {
    auto id = registry_->add_task({c, owner, title, due});
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().detail_en);
    return id.ok() ? *id : 0;
  }

  Status task_status(TaskId t, const std::string& status, const std::string& date,
                     const std::string& note = "") {
    return registry_->set_task_status({t, status, date, note});
  }

  // Runs `action`, expects it refused with `kind`, naming `field` (and `rule` when given), and
  // the database unchanged.
  void expect_refused_unchanged(const std::function<Status()>& action, ErrorKind kind,
                                const std::string& field, const std::string& rule = "") {
    const auto before = testing::dump_database(path_);
    Status st = action();
    ASSERT_FALSE(st.ok()) << field;
    EXPECT_EQ(st.error().kind, kind) << st.error().detail_en;
    EXPECT_EQ(st.error().field, field) << st.error().detail_en;
    if (!rule.empty()) {
      EXPECT_EQ(st.error().rule, rule) << st.error().detail_en;
    }
    if (!field.empty()) {
      EXPECT_NE(st.error().message_vi.find("«" + field + "»"), std::string::npos)
          << st.error().message_vi;
    }
    EXPECT_EQ(testing::dump_database(path_), before);
  }

  template <typename R>
  static Status status_of(const R& r) {
    return r.ok() ? Status{} : Status{r.error()};
  }

  Registry scoped(auth::Role role, const std::string& org_code) {
    auto org = store_->find_org(org_code);
    return Registry(*store_, RuleSet::defaults(), clock_,
                    Caller{"u-" + org_code, "127.0.0.1", role, **org, 1});
  }

  testing::TempDir dir_;
  std::string path_;
  FixedClock clock_{Date::parse("2026-12-20").value()};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(ConferenceTest, HalfYearReviewWithTwoSitesFromInvitationToTasks) {
  const ConferenceId c = create(half_year());
  auto hanoi = registry_->add_conference_site(
      {c, "in_person", "Điểm cầu Hà Nội", "54 Hai Bà Trưng, Hà Nội", "", "A1"});
  ASSERT_TRUE(hanoi.ok()) << hanoi.error().detail_en;
  EXPECT_EQ(*hanoi, 1);
  auto namdinh = registry_->add_conference_site(
      {c, "online", "Điểm cầu Nam Định", "", "https://hop.example.vn/dba-2026h1", "A2"});
  ASSERT_TRUE(namdinh.ok()) << namdinh.error().detail_en;
  EXPECT_EQ(*namdinh, 2);

  InviteInput inv;
  inv.conference = c;
  inv.org_codes = {"DBA"};
  inv.member_codes = {"M1"};  // already in DBA: counted once
  inv.guests = {{"Nguyễn Đức Thắng", "Phó Bí thư Thường trực", "Đảng ủy Khối các cơ quan tỉnh"}};
  auto invited = registry_->invite(inv);
  ASSERT_TRUE(invited.ok()) << invited.error().detail_en;
  EXPECT_EQ(invited->added, 7);  // 6 members of A1 and A2, 1 guest
  EXPECT_EQ(invited->already, 1);

  attend(c, "M1", 1, "present");
  attend(c, "M2", 1, "present");
  attend(c, "M3", 1, "present");
  attend(c, "M5", 2, "late");
  attend(c, "M6", 2, "absent", "Đi công tác");

  ASSERT_TRUE(registry_->attach_report({c, "", ""}).ok());
  auto contribution = registry_->add_conference_item(
      {c, "contribution", "M4", "", "Bí thư chi bộ", "Chi bộ Văn phòng",
       "Nâng cao chất lượng sinh hoạt chi bộ", "tham-luan-chi-bo-van-phong.docx", ""});
  ASSERT_TRUE(contribution.ok()) << contribution.error().detail_en;
  EXPECT_EQ(*contribution, 5);  // after the four agenda points
  auto speech = registry_->add_conference_item(
      {c, "directing_speech", "", "Nguyễn Đức Thắng", "Phó Bí thư Thường trực",
       "Đảng ủy Khối các cơ quan tỉnh", "", "", "Tập trung thực hiện mô hình Chi bộ 4 tốt."});
  ASSERT_TRUE(speech.ok()) << speech.error().detail_en;
  ASSERT_TRUE(registry_
                  ->conclude_conference(
                      {c, "Tập trung thực hiện 03 nhiệm vụ trọng tâm 6 tháng cuối năm 2026."})
                  .ok());
  const TaskId t1 = task(c, "DBA", "Tổ chức tổng kết năm 2026", "2026-12-31");
  const TaskId t2 = task(c, "A1", "Hoàn thành kiểm tra theo kế hoạch", "2026-10-31");
  const TaskId t3 = task(c, "A2", "Kết nạp đảng viên mới", "2026-11-30");
  ASSERT_TRUE(task_status(t3, "done", "2026-11-20").ok());

  auto v = registry_->show_conference(c, "");
  ASSERT_TRUE(v.ok()) << v.error().detail_en;
  EXPECT_EQ(v->head.title, "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026");
  EXPECT_EQ(v->head.period_label, "6 tháng đầu năm 2026");
  EXPECT_EQ(v->chair, "Nguyễn Văn An");
  EXPECT_EQ(v->secretary, "Trần Thị Thu");
  EXPECT_EQ(v->report_org_code, "DBA");
  EXPECT_EQ(v->report_period, "2026-H1");
  ASSERT_EQ(v->sites.size(), 2u);
  EXPECT_EQ(v->sites[0].present, 3);
  EXPECT_EQ(v->sites[0].host_org_code, "A1");
  EXPECT_EQ(v->sites[1].late, 1);
  EXPECT_EQ(v->sites[1].absent, 1);
  EXPECT_EQ(v->sites[1].mode, "online");
  EXPECT_EQ(v->guests, 1);
  EXPECT_EQ(v->unrecorded, 2);  // M4 and the guest
  // 4 of 6 invited members came (a late arrival counts): more than half.
  EXPECT_EQ(v->quorum.invited, 6);
  EXPECT_EQ(v->quorum.present, 4);
  EXPECT_EQ(v->quorum.required, 4);
  EXPECT_TRUE(v->quorum.reached);
  ASSERT_EQ(v->items.size(), 6u);
  EXPECT_EQ(v->items[4].kind, "contribution");
  EXPECT_EQ(v->items[4].speaker, "Nguyễn Văn Dũng");
  EXPECT_EQ(v->items[4].file_name, "tham-luan-chi-bo-van-phong.docx");
  EXPECT_EQ(v->items[5].kind, "directing_speech");
  EXPECT_EQ(v->conclusion, "Tập trung thực hiện 03 nhiệm vụ trọng tâm 6 tháng cuối năm 2026.");
  ASSERT_EQ(v->tasks.size(), 3u);
  EXPECT_EQ(v->tasks[0].id, t1);
  EXPECT_EQ(v->tasks[0].status, "open");
  EXPECT_EQ(v->tasks[1].id, t2);
  EXPECT_EQ(v->tasks[1].status, "overdue");
  EXPECT_EQ(v->tasks[1].days_overdue, 50);
  EXPECT_EQ(v->tasks[2].status, "done");
  EXPECT_EQ(v->tasks[2].done_on, "2026-11-20");
  // The same conference seen on 1 October: nothing overdue or done yet.
  auto earlier = registry_->show_conference(c, "2026-10-01");
  ASSERT_TRUE(earlier.ok());
  for (const auto& t : earlier->tasks) EXPECT_EQ(t.status, "open") << t.title;

  auto list = registry_->list_conferences({"CUM1", "", "", "", 100});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().id, c);
  // Every write is audited.
  auto audit = store_->list_audit({});
  ASSERT_TRUE(audit.ok());
  int conference_entries = 0;
  for (const auto& e : *audit) {
    if (e.action.rfind("conference.", 0) == 0 || e.action.rfind("task.", 0) == 0) {
      ++conference_entries;
    }
  }
  EXPECT_EQ(conference_entries, 1 + 2 + 1 + 5 + 1 + 2 + 1 + 3 + 1);
}

TEST_F(ConferenceTest, QuorumFromTheRecordedAttendance) {
  const ConferenceId c = create(half_year());
  ASSERT_TRUE(registry_->add_conference_site({c, "in_person", "Hội trường", "Số 1", "", ""}).ok());
  // Nobody invited: no quorum.
  auto none = registry_->show_conference(c, "");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->quorum.invited, 0);
  EXPECT_FALSE(none->quorum.reached);
  InviteInput inv;
  inv.conference = c;
  inv.org_codes = {"DBA"};
  ASSERT_TRUE(registry_->invite(inv).ok());
  // Exactly half (3 of 6) is not enough.
  attend(c, "M1", 1, "present");
  attend(c, "M2", 1, "present");
  attend(c, "M3", 1, "late");
  attend(c, "M4", 1, "absent", "Ốm");
  auto half = registry_->show_conference(c, "");
  ASSERT_TRUE(half.ok());
  EXPECT_EQ(half->quorum.present, 3);
  EXPECT_EQ(half->quorum.required, 4);
  EXPECT_FALSE(half->quorum.reached);
  // The absent member arrives after all: recorded again, now more than half.
  attend(c, "M4", 1, "late");
  auto more = registry_->show_conference(c, "");
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(more->quorum.present, 4);
  EXPECT_TRUE(more->quorum.reached);
}

// A large site's list in one request: named people with their status, then every invited member
// not recorded yet present; one transaction, one audit entry; a bad line refuses all of it.
TEST_F(ConferenceTest, ManyAttendancesAtOnceAllOrNothing) {
  const ConferenceId c = create(half_year());
  ASSERT_TRUE(registry_->add_conference_site({c, "in_person", "Hội trường", "Số 1", "", ""}).ok());
  ASSERT_TRUE(
      registry_->add_conference_site({c, "online", "Trực tuyến", "", "https://x.vn/a", ""}).ok());
  InviteInput inv;
  inv.conference = c;
  inv.org_codes = {"DBA"};  // M1 … M6
  inv.guests = {{"Nguyễn Đức Thắng", "Phó Bí thư Tỉnh ủy", "Tỉnh ủy"}};
  ASSERT_TRUE(registry_->invite(inv).ok());
  attend(c, "M6", 2, "absent", "Ốm");  // recorded earlier, at the other site
  auto before_many = registry_->show_conference(c, "");
  ASSERT_TRUE(before_many.ok());
  long long guest = 0;
  for (const auto& p : before_many->participants) {
    if (p.kind == "guest") guest = p.id;
  }
  ASSERT_GT(guest, 0);

  // Refused, each naming its line, and nothing written.
  auto many = [&](std::vector<AttendanceEntryInput> entries, bool all = false, int site = 1) {
    return [this, c, entries, all, site] {
      return status_of(registry_->record_attendance_many({c, site, entries, all}));
    };
  };
  expect_refused_unchanged(many({{"M1", 0, "present", ""}, {"M2", 0, "absent", ""}}, true),
                           ErrorKind::invalid_input, "entries[1].reason");
  expect_refused_unchanged(many({{"M1", 0, "present", ""},
                                 {"M2", 0, "late", ""},
                                 {"M3", 0, "late", ""},
                                 {"M7", 0, "present", ""}},
                                true),
                           ErrorKind::not_found, "entries[3].member");
  expect_refused_unchanged(many({{"M1", 0, "present", ""}, {"M1", 0, "late", ""}}),
                           ErrorKind::invalid_input, "entries[1].member");
  expect_refused_unchanged(many({{"M1", 0, "away", ""}}), ErrorKind::invalid_input,
                           "entries[0].status");
  expect_refused_unchanged(many({{"", 0, "present", ""}}), ErrorKind::invalid_input,
                           "entries[0].member");
  expect_refused_unchanged(many({{"", 999, "present", ""}}), ErrorKind::not_found,
                           "entries[0].participant");
  expect_refused_unchanged(many({}), ErrorKind::invalid_input, "entries");
  expect_refused_unchanged(many({{"M1", 0, "present", ""}}, false, 3), ErrorKind::not_found,
                           "site");
  expect_refused_unchanged(
      [&] {
        return status_of(scoped(auth::Role::viewer, "DBA")
                             .record_attendance_many({c, 1, {{"M1", 0, "present", ""}}, false}));
      },
      ErrorKind::forbidden, "");

  auto audit_before = store_->list_audit({});
  ASSERT_TRUE(audit_before.ok());
  auto recorded = registry_->record_attendance_many(
      {c,
       1,
       {{"M2", 0, "late", ""}, {"M3", 0, "absent", "Đi công tác"}, {"", guest, "present", ""}},
       true});
  ASSERT_TRUE(recorded.ok()) << recorded.error().detail_en;
  EXPECT_EQ(*recorded, 6);  // three named, then M1, M4 and M5 (M6 was recorded already)
  auto after = registry_->show_conference(c, "");
  ASSERT_TRUE(after.ok());
  std::map<std::string, std::pair<int, std::string>> seen;  // code or guest → site, attendance
  for (const auto& p : after->participants) {
    seen[p.kind == "guest" ? "guest" : p.member_code] = {p.site, p.attendance};
  }
  EXPECT_EQ(seen["M1"], (std::pair<int, std::string>{1, "present"}));
  EXPECT_EQ(seen["M2"], (std::pair<int, std::string>{1, "late"}));
  EXPECT_EQ(seen["M3"], (std::pair<int, std::string>{1, "absent"}));
  EXPECT_EQ(seen["M4"], (std::pair<int, std::string>{1, "present"}));
  EXPECT_EQ(seen["M5"], (std::pair<int, std::string>{1, "present"}));
  EXPECT_EQ(seen["M6"], (std::pair<int, std::string>{2, "absent"}));  // kept as recorded
  EXPECT_EQ(seen["guest"], (std::pair<int, std::string>{1, "present"}));
  EXPECT_EQ(after->unrecorded, 0);
  // One audit entry for all of it.
  auto audit_after = store_->list_audit({});
  ASSERT_TRUE(audit_after.ok());
  ASSERT_EQ(audit_after->size(), audit_before->size() + 1);
  EXPECT_EQ(audit_after->front().action, "conference.attendance_bulk");
}

TEST_F(ConferenceTest, RefusalsNameTheFieldAndChangeNothing) {
  const ConferenceId c = create(half_year());
  ASSERT_TRUE(registry_->add_conference_site({c, "in_person", "Hội trường", "Số 1", "", ""}).ok());
  InviteInput inv;
  inv.conference = c;
  inv.member_codes = {"M1"};
  ASSERT_TRUE(registry_->invite(inv).ok());
  const TaskId t = task(c, "A1", "Hoàn thành kiểm tra", "2026-10-31");

  auto bad = half_year();
  bad.kind = "meeting";
  expect_refused_unchanged([&] { return status_of(registry_->create_conference(bad)); },
                           ErrorKind::invalid_input, "kind");
  bad = half_year();
  bad.period = "2026-Q2";
  expect_refused_unchanged([&] { return status_of(registry_->create_conference(bad)); },
                           ErrorKind::rule_refused, "period", "conference.period_kind");
  bad = half_year();
  bad.start_time = "8h";
  expect_refused_unchanged([&] { return status_of(registry_->create_conference(bad)); },
                           ErrorKind::invalid_input, "start_time");
  bad = half_year();
  bad.chair_code = "NOPE";
  expect_refused_unchanged([&] { return status_of(registry_->create_conference(bad)); },
                           ErrorKind::not_found, "chair");
  bad = half_year("CB1");
  bad.kind = "cluster_briefing";
  bad.period = "2026-Q2";
  expect_refused_unchanged([&] { return status_of(registry_->create_conference(bad)); },
                           ErrorKind::rule_refused, "org", "conference.briefing_by_cluster");
  expect_refused_unchanged(
      [&] {
        return status_of(registry_->add_conference_site({c, "in_person", "Hà Nội", "", "", ""}));
      },
      ErrorKind::rule_refused, "address", "conference.site_place");
  expect_refused_unchanged(
      [&] {
        return status_of(
            registry_->add_conference_site({c, "online", "Trực tuyến", "", "zoom", ""}));
      },
      ErrorKind::rule_refused, "link", "conference.site_place");
  expect_refused_unchanged(
      [&] {
        return registry_->record_attendance({c, "M1", 0, 1, "absent", ""});
      },
      ErrorKind::invalid_input, "reason");
  expect_refused_unchanged(
      [&] {
        return registry_->record_attendance({c, "M1", 0, 3, "present", ""});
      },
      ErrorKind::not_found, "site");
  expect_refused_unchanged(
      [&] {
        return registry_->record_attendance({c, "M2", 0, 1, "present", ""});
      },
      ErrorKind::not_found, "member");
  expect_refused_unchanged(
      [&] {
        return status_of(registry_->add_task({c, "A1", "Việc", "2026-07-01"}));
      },
      ErrorKind::rule_refused, "due", "task.due_after_conference");
  expect_refused_unchanged(
      [&] {
        return status_of(registry_->add_task({c, "B1", "Việc", "2026-09-30"}));
      },
      ErrorKind::rule_refused, "owner", "task.owner_in_subtree");
  expect_refused_unchanged([&] { return task_status(t, "done", "2026-12-21"); },
                           ErrorKind::rule_refused, "date", "task.not_future");
  expect_refused_unchanged([&] { return task_status(t, "done", "2026-07-01"); },
                           ErrorKind::rule_refused, "date", "task.event_order");
  expect_refused_unchanged([&] { return task_status(t, "reopened", "2026-08-01"); },
                           ErrorKind::rule_refused, "status", "task.transition");
  expect_refused_unchanged([&] { return task_status(t, "cancelled", "2026-08-01"); },
                           ErrorKind::invalid_input, "note");
  expect_refused_unchanged(
      [&] {
        return registry_->conclude_conference({c, "   "});
      },
      ErrorKind::invalid_input, "text");
  expect_refused_unchanged(
      [&] {
        return registry_->conclude_conference({999, "Kết luận"});
      },
      ErrorKind::not_found, "conference");
  expect_refused_unchanged(
      [&] {
        return status_of(registry_->add_decision({c, "", "", "DBA", "DBB", ""}));
      },
      ErrorKind::rule_refused, "cluster", "conference.rotation_cluster");
  expect_refused_unchanged(
      [&] {
        return status_of(registry_->add_conference_item(
            {c, "directing_speech", "", "Nguyễn Đức Thắng", "", "", "", "", ""}));
      },
      ErrorKind::invalid_input, "summary");
}

TEST_F(ConferenceTest, ScopeAndRoleDecideWhoRecords) {
  const ConferenceId dbb = create(half_year("DBB"));
  // A branch secretary does not record conferences, not even of its own branch's committee.
  Registry secretary = scoped(auth::Role::branch_secretary, "A1");
  expect_refused_unchanged([&] { return status_of(secretary.create_conference(half_year("DBA"))); },
                           ErrorKind::forbidden, "");
  // The office of DBA records DBA's conferences; a sibling's is unknown to it.
  Registry office = scoped(auth::Role::committee_office, "DBA");
  auto own = half_year("DBA");
  own.chair_code = "M2";
  auto mine = office.create_conference(own);
  ASSERT_TRUE(mine.ok()) << mine.error().detail_en;
  auto sibling = half_year("DBB");
  sibling.chair_code = "";
  expect_refused_unchanged([&] { return status_of(office.create_conference(sibling)); },
                           ErrorKind::not_found, "org");
  expect_refused_unchanged(
      [&] {
        return office.conclude_conference({dbb, "Kết luận"});
      },
      ErrorKind::not_found, "conference");
  EXPECT_EQ(office.show_conference(dbb, "").error().kind, ErrorKind::not_found);
  // Members outside the scope are unknown too.
  auto chair_outside = half_year("DBA");
  chair_outside.chair_code = "M7";  // in B1
  expect_refused_unchanged([&] { return status_of(office.create_conference(chair_outside)); },
                           ErrorKind::not_found, "chair");
  // A viewer of DBA reads but does not write.
  Registry viewer = scoped(auth::Role::viewer, "DBA");
  EXPECT_TRUE(viewer.show_conference(*mine, "").ok());
  expect_refused_unchanged(
      [&] {
        return viewer.conclude_conference({*mine, "Kết luận"});
      },
      ErrorKind::forbidden, "");
  auto listed = office.list_conferences({"", "", "", "", 100});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, *mine);
}

TEST_F(ConferenceTest, ClusterBriefingRecordsTheRotation) {
  ConferenceInput in;
  in.org_code = "CUM1";
  in.kind = "cluster_briefing";
  in.period = "2026-Q2";
  in.date = "2026-07-10";
  in.chair_name = "Đại diện Cụm trưởng";
  const ConferenceId c = create(in);
  expect_refused_unchanged(
      [&] {
        return status_of(registry_->add_decision({c, "", "", "A1", "DBB", ""}));
      },
      ErrorKind::rule_refused, "leading", "conference.rotation_in_cluster");
  expect_refused_unchanged(
      [&] {
        return status_of(registry_->add_decision({c, "", "", "DBA", "DBA", ""}));
      },
      ErrorKind::rule_refused, "deputy", "conference.rotation_distinct");
  auto d = registry_->add_decision({c, "", "", "DBA", "CB1", ""});
  ASSERT_TRUE(d.ok()) << d.error().detail_en;
  auto general =
      registry_->add_decision({c, "Thống nhất nội dung giao ban quý III.", "", "", "", ""});
  ASSERT_TRUE(general.ok()) << general.error().detail_en;
  auto v = registry_->show_conference(c, "");
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->decisions.size(), 2u);
  EXPECT_EQ(v->decisions[0].kind, "cluster_rotation");
  EXPECT_EQ(v->decisions[0].cluster_code, "CUM1");
  EXPECT_EQ(v->decisions[0].leading_code, "DBA");
  EXPECT_EQ(v->decisions[0].deputy_code, "CB1");
  EXPECT_EQ(v->decisions[0].for_period, "2026-Q3");
  EXPECT_EQ(v->decisions[0].text,
            "Bầu Đảng bộ Sở A làm Cụm trưởng, Chi bộ Thanh tra tỉnh làm Cụm phó Cụm thi đua số I "
            "quý III năm 2026.");
  // The rotation is read on the cluster.
  auto cluster = store_->find_org("CUM1");
  auto rotations = store_->cluster_rotations(**cluster);
  ASSERT_TRUE(rotations.ok());
  ASSERT_EQ(rotations->size(), 1u);
  EXPECT_EQ(rotations->front().for_period, "2026-Q3");
  // Preparing the next briefing shows who leads it.
  auto prep = registry_->prepare_next_conference("CUM1", "");
  ASSERT_TRUE(prep.ok()) << prep.error().detail_en;
  ASSERT_TRUE(prep->rotation.has_value());
  EXPECT_EQ(prep->rotation->leading_code, "DBA");
  EXPECT_EQ(prep->rotation->deputy_code, "CB1");
  auto before = registry_->prepare_next_conference("CUM1", "2026-07-09");
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->rotation.has_value());
}

TEST_F(ConferenceTest, PrepareNextBringsLastPeriodsTasksWithTheirStatus) {
  const ConferenceId h1 = create(half_year());
  const TaskId done = task(h1, "A1", "Hoàn thành kiểm tra theo kế hoạch", "2026-09-30");
  const TaskId late = task(h1, "A2", "Kết nạp đảng viên mới", "2026-10-31");
  const TaskId open = task(h1, "DBA", "Tổ chức tổng kết năm", "2026-12-31");
  const TaskId cancelled = task(h1, "DBA", "Hội thao", "2026-11-15");
  ASSERT_TRUE(task_status(done, "done", "2026-09-15").ok());
  ASSERT_TRUE(task_status(cancelled, "cancelled", "2026-08-01", "Ghép vào hoạt động khác").ok());

  auto prep = registry_->prepare_next_conference("DBA", "2026-12-20");
  ASSERT_TRUE(prep.ok()) << prep.error().detail_en;
  ASSERT_TRUE(prep->previous.has_value());
  EXPECT_EQ(prep->previous->id, h1);
  ASSERT_EQ(prep->tasks.size(), 4u);
  EXPECT_EQ(prep->done, 1);
  EXPECT_EQ(prep->overdue, 1);
  EXPECT_EQ(prep->open, 1);
  EXPECT_EQ(prep->cancelled, 1);
  EXPECT_EQ(prep->tasks[1].id, late);
  EXPECT_EQ(prep->tasks[1].status, "overdue");
  EXPECT_EQ(prep->tasks[2].id, open);
  EXPECT_EQ(prep->tasks[2].status, "open");

  // Overdue lists by org subtree and date.
  auto overdue = registry_->overdue_tasks("CUM1", "2026-12-20");
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ(overdue->front().id, late);
  EXPECT_EQ(overdue->front().owner_org_code, "A2");
  auto in_a1 = registry_->overdue_tasks("A1", "2026-12-20");
  ASSERT_TRUE(in_a1.ok());
  EXPECT_TRUE(in_a1->empty());
  // On 1 October the first task was already done, the second not yet due.
  auto october = registry_->overdue_tasks("DBA", "2026-10-01");
  ASSERT_TRUE(october.ok());
  EXPECT_TRUE(october->empty());
  // Done late: recorded after its due date, it leaves the overdue list.
  ASSERT_TRUE(task_status(late, "done", "2026-12-01").ok());
  auto after = registry_->overdue_tasks("CUM1", "2026-12-20");
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->empty());
  auto again = registry_->prepare_next_conference("DBA", "");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->tasks[1].done_late);

  // An org without a conference has nothing to bring.
  auto none = registry_->prepare_next_conference("DBB", "");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->previous.has_value());
}

// A contribution's file is uploaded, kept and downloaded as it was sent: the conference shows it on
// its item; a later file for the item is shown instead (both kept, each audited). Anything else —
// another kind of file, a name that lies about its content, an empty or too large file, an item
// the conference does not have, a cancelled conference, a caller outside the scope or without
// the right — is refused naming its field, and nothing changes.
TEST_F(ConferenceTest, AContributionsFileIsKeptAndGivenBackAsSent) {
  const ConferenceId c = create(half_year());
  auto item =
      registry_->add_conference_item({c, "contribution", "M4", "", "Bí thư chi bộ",
                                      "Chi bộ Văn phòng", "Nâng cao chất lượng sinh hoạt", "", ""});
  ASSERT_TRUE(item.ok()) << item.error().detail_en;
  std::string docx("PK\x03\x04", 4);
  docx += std::string("word/document.xml \0\x01\xff tham luận", 30);
  const std::string name = "Tham luận Chi bộ Văn phòng.docx";
  auto attached = registry_->attach_item_file({c, *item, name, docx});
  ASSERT_TRUE(attached.ok()) << attached.error().detail_en;
  EXPECT_EQ(attached->name, name);
  EXPECT_EQ(attached->size, static_cast<long long>(docx.size()));
  EXPECT_EQ(attached->content_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  auto back = registry_->item_file(c, *item);
  ASSERT_TRUE(back.ok()) << back.error().detail_en;
  EXPECT_EQ(back->content, docx);
  EXPECT_EQ(back->name, name);
  auto shown = registry_->show_conference(c, "");
  ASSERT_TRUE(shown.ok());
  for (const auto& i : shown->items) {
    EXPECT_EQ(i.attachment.has_value(), i.seq == *item) << i.seq;
    if (i.attachment) {
      EXPECT_EQ(i.attachment->name, name);
    }
  }
  // A corrected file: shown instead, the first one kept.
  const std::string pdf = "%PDF-1.7\n% bản sửa\n";
  ASSERT_TRUE(registry_->attach_item_file({c, *item, "Tham luận (bản sửa).pdf", pdf}).ok());
  back = registry_->item_file(c, *item);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->content, pdf);
  EXPECT_EQ(back->content_type, "application/pdf");
  const std::string dump = testing::dump_database(path_);
  EXPECT_NE(dump.find("Tham luận Chi bộ Văn phòng.docx"), std::string::npos);
  auto audit = store_->list_audit({});
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(std::count_if(audit->begin(), audit->end(),
                          [](const auto& e) { return e.action == "conference.item_file"; }),
            2);

  auto attach = [&](const std::string& file, const std::string& bytes, long long at = 0) {
    return [&, file, bytes, at]() {
      return status_of(registry_->attach_item_file({c, at ? at : *item, file, bytes}));
    };
  };
  expect_refused_unchanged(attach("tham-luan.exe", "MZ\x90"), ErrorKind::invalid_input,
                           "file_name");
  expect_refused_unchanged(attach("thu-muc/tham-luan.pdf", pdf), ErrorKind::invalid_input,
                           "file_name");
  expect_refused_unchanged(attach("tham-luan.pdf", docx), ErrorKind::invalid_input, "file");
  expect_refused_unchanged(attach("tham-luan.docx", ""), ErrorKind::invalid_input, "file");
  expect_refused_unchanged(attach("tham-luan.pdf", "%PDF-" + std::string(10 * 1024 * 1024, 'x')),
                           ErrorKind::too_large, "file");
  expect_refused_unchanged(attach("tham-luan.pdf", pdf, 99), ErrorKind::not_found, "item");
  expect_refused_unchanged(
      [&]() {
        return status_of(scoped(auth::Role::committee_office, "DBB")
                             .attach_item_file({c, *item, "tham-luan.pdf", pdf}));
      },
      ErrorKind::not_found, "conference");
  expect_refused_unchanged(
      [&]() {
        return status_of(
            scoped(auth::Role::viewer, "DBA").attach_item_file({c, *item, "tham-luan.pdf", pdf}));
      },
      ErrorKind::forbidden, "");
  // Outside the scope, the file is not given either; an item without a file is named.
  auto outside = scoped(auth::Role::committee_office, "DBB").item_file(c, *item);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().kind, ErrorKind::not_found);
  auto none = registry_->item_file(c, 1);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "item");
  // A cancelled conference takes no file.
  ASSERT_TRUE(registry_->cancel_record({CancelledKind::conference, c, "Tạo nhầm"}).ok());
  expect_refused_unchanged(attach("tham-luan.pdf", pdf), ErrorKind::rule_refused, "conference",
                           "conference.cancelled");
}

}  // namespace
}  // namespace dangvu::service
