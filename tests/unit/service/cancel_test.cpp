// Cancelling a record made by mistake: an appended cancellation takes a meeting, an inspection or
// supervision, a study session or a conference out of every figure (the indicators, the checks
// and the report are exactly what they were before it was recorded), lists still show it marked,
// a cancelled conference takes no further write, and refusals change nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/document.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

template <typename R>
Status status_of(const R& r) {
  return r.ok() ? Status{} : Status{r.error()};
}

// Everything a reader of the report reads.
std::string text_of(const report::Document& d) {
  std::string out = d.title + "\n";
  for (const auto* sections : {&d.sections, &d.annex}) {
    for (const auto& s : *sections) {
      out += s.heading + "\n";
      for (const auto& b : s.blocks) {
        out += b.text + "\n";
        for (const auto& row : b.table.rows) {
          for (const auto& c : row) out += c.display() + " | ";
          out += "\n";
        }
      }
    }
  }
  return out;
}

// The figures of an org for a period as the engine gives them: every indicator shown, every
// check, and the report's text.
struct Figures {
  std::vector<std::string> lines;
  bool operator==(const Figures&) const = default;
};

class CancelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("c.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    org("TU", "Đảng bộ tỉnh", "upper_committee", "");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU");
    org("DC", "Đảng bộ Sở Xây dựng", "grassroots_committee", "TU");
    org("S1", "Chi bộ 1", "sub_branch", "DB");
    org("S2", "Chi bộ 2", "sub_branch", "DB");
    org("C1", "Chi bộ 1", "sub_branch", "DC");
    const char* given[] = {"An", "Bình", "Chi", "Dung", "Giang", "Hà", "Khánh", "Lan"};
    for (int i = 0; i < 8; ++i) {
      admit("P" + std::to_string(i), given[i], i < 3 ? "S1" : i < 6 ? "S2" : "C1");
    }
    ASSERT_TRUE(registry_
                    ->add_document({"15-NQ/TU", "2022-12-06", "Nghị quyết về nhiệm vụ năm 2023",
                                    "Ban Chấp hành Đảng bộ tỉnh"})
                    .ok());
  }

  void org(const std::string& code, const std::string& name, const std::string& kind,
           const std::string& parent) {
    auto id = registry_->add_org({code, name, kind, parent, "2000-01-01"});
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  void admit(const std::string& code, const std::string& given, const std::string& org) {
    AddMemberInput in;
    in.code = code;
    in.family = "Lê";
    in.middle = "Văn";
    in.given = given;
    in.birth_date = "1980-02-02";
    in.first.kind = "admission";
    in.first.org_code = org;
    in.first.date = "2015-03-03";
    ASSERT_TRUE(registry_->add_member(in).ok());
    EventInput rec;
    rec.member_code = code;
    rec.kind = "recognition";
    rec.date = "2016-03-10";
    ASSERT_TRUE(registry_->record_event(rec).ok());
  }

  Result<ActivityId> meeting(const std::string& org, const std::string& date,
                             std::vector<AbsenceInput> absent = {}) {
    MeetingInput in;
    in.org_code = org;
    in.date = date;
    in.kind = "regular";
    in.quality = "good";
    in.absent = std::move(absent);
    return registry_->record_meeting(in);
  }

  Figures figures(const std::string& org = "TU", const std::string& period = "2023-Q1") {
    Figures f;
    auto v = registry_->indicators(org, period);
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().detail_en);
    if (!v.ok()) return f;
    for (const auto& r : v->rows) f.lines.push_back(r.id + ": " + r.shown + " / " + r.plan_shown);
    for (const auto& c : v->checks) f.lines.push_back(c.rule + " " + c.org_code + ": " + c.message);
    auto doc = registry_->report(org, period);
    EXPECT_TRUE(doc.ok());
    if (doc.ok()) f.lines.push_back(text_of(*doc));
    return f;
  }

  Registry as(auth::Role role, const std::string& org_code) {
    auto org = store_->find_org(org_code);
    return Registry(*store_, RuleSet::defaults(), clock_,
                    Caller{"u-" + org_code, "127.0.0.1", role, **org, 1});
  }

  Status cancel(CancelledKind kind, long long id, const std::string& reason = "Ghi nhầm ngày") {
    return registry_->cancel_record({kind, id, reason});
  }

  // The audit entries of `action`.
  std::vector<AuditView> audit_of(const std::string& action) {
    std::vector<AuditView> out;
    auto entries = registry_->read_audit({});
    EXPECT_TRUE(entries.ok());
    if (!entries.ok()) return out;
    for (const auto& e : *entries) {
      if (e.action == action) out.push_back(e);
    }
    return out;
  }

  FixedClock clock_{D("2023-06-01")};
  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(CancelTest, ACancelledMeetingCountsInNoFigureAndIsListedMarked) {
  // January and March of S1 and S2 are held; February of S1 is the one recorded by mistake.
  for (const char* d : {"2023-01-10", "2023-03-10"}) {
    ASSERT_TRUE(meeting("S1", d).ok());
    ASSERT_TRUE(meeting("S2", d).ok());
  }
  ASSERT_TRUE(meeting("S2", "2023-02-10").ok());
  const Figures before = figures();
  auto wrong = meeting("S1", "2023-02-14", {{"P1", "Ốm"}});
  ASSERT_TRUE(wrong.ok());
  ASSERT_NE(figures(), before);  // the meeting counts (and S1 no longer misses February)
  ASSERT_TRUE(cancel(CancelledKind::meeting, *wrong).ok());
  EXPECT_EQ(figures(), before);

  auto list = registry_->activities({"TU", "2023-01-01", "2023-03-31", 100});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->meetings.size(), 6u);
  int cancelled = 0;
  for (const auto& m : list->meetings) {
    EXPECT_EQ(m.org_parent_name, std::optional<std::string>("Đảng bộ Sở Tài chính"));
    if (!m.cancelled) continue;
    ++cancelled;
    EXPECT_EQ(m.id, *wrong);
    EXPECT_EQ(m.cancelled->reason, "Ghi nhầm ngày");
    EXPECT_EQ(m.cancelled->by, "test");
    EXPECT_EQ(m.cancelled->on, clock_.now_iso());
    ASSERT_EQ(m.absences.size(), 1u);  // the record itself is unchanged
    EXPECT_EQ(m.absences[0].member, "P1");
    EXPECT_EQ(m.absences[0].full_name, "Lê Văn Bình");
    EXPECT_EQ(m.absences[0].reason, "Ốm");
  }
  EXPECT_EQ(cancelled, 1);

  auto entries = audit_of("meeting.cancel");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action_label, "Hủy buổi sinh hoạt chi bộ ghi nhầm");
  EXPECT_EQ(entries[0].target, "S1");
}

TEST_F(CancelTest, ACancelledOversightAndStudySessionCountInNoFigure) {
  const Figures before = figures();
  OversightInput o{"DB", "inspection", "planned", "2023-02-05", "S2", "", "Kết luận tốt."};
  auto inspection = registry_->record_oversight(o);
  ASSERT_TRUE(inspection.ok());
  StudySessionInput s{"S1", "2023-01-20", "15-NQ/TU", {"P0", "P1"}};
  auto study = registry_->record_study_session(s);
  ASSERT_TRUE(study.ok());
  const Figures with_both = figures();
  ASSERT_NE(with_both, before);
  ASSERT_TRUE(cancel(CancelledKind::oversight, *inspection).ok());
  const Figures without_inspection = figures();
  EXPECT_NE(without_inspection, with_both);
  ASSERT_TRUE(cancel(CancelledKind::study_session, *study).ok());
  EXPECT_EQ(figures(), before);

  auto list = registry_->activities({"TU", "2023-01-01", "2023-03-31", 100});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->oversights.size(), 1u);
  ASSERT_TRUE(list->oversights[0].cancelled);
  EXPECT_EQ(list->oversights[0].org_parent_name, std::optional<std::string>("Đảng bộ tỉnh"));
  ASSERT_EQ(list->study_sessions.size(), 1u);
  ASSERT_TRUE(list->study_sessions[0].cancelled);
  EXPECT_EQ(audit_of("oversight.cancel").size(), 1u);
  EXPECT_EQ(audit_of("study.cancel").size(), 1u);
  EXPECT_EQ(audit_of("study.cancel")[0].action_label, "Hủy buổi học tập nghị quyết ghi nhầm");
}

TEST_F(CancelTest, TwoBranchesOfOneNameAreToldApartByTheirParent) {
  ASSERT_TRUE(meeting("S1", "2023-01-10").ok());
  ASSERT_TRUE(meeting("C1", "2023-01-11").ok());
  auto list = registry_->activities({"TU", "2023-01-01", "2023-03-31", 100});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->meetings.size(), 2u);
  EXPECT_EQ(list->meetings[0].org_name, "Chi bộ 1");
  EXPECT_EQ(list->meetings[1].org_name, "Chi bộ 1");
  EXPECT_EQ(list->meetings[0].org_parent_name, std::optional<std::string>("Đảng bộ Sở Xây dựng"));
  EXPECT_EQ(list->meetings[1].org_parent_name, std::optional<std::string>("Đảng bộ Sở Tài chính"));
  EXPECT_FALSE(list->meetings[0].cancelled);
}

TEST_F(CancelTest, RefusalsNameTheFieldAndChangeNothing) {
  auto m = meeting("S1", "2023-02-14");
  ASSERT_TRUE(m.ok());
  auto c = meeting("C1", "2023-02-15");
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(cancel(CancelledKind::meeting, *c, "Ghi hai lần").ok());
  const auto before = testing::dump_database(path_);
  auto refused = [&](const Status& st, ErrorKind kind, const std::string& field) {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, kind) << st.error().detail_en;
    EXPECT_EQ(st.error().field, field) << st.error().message_vi;
    EXPECT_EQ(testing::dump_database(path_), before);
  };
  // No reason; only spaces.
  refused(cancel(CancelledKind::meeting, *m, ""), ErrorKind::invalid_input, "reason");
  refused(cancel(CancelledKind::meeting, *m, "   "), ErrorKind::invalid_input, "reason");
  // Unknown numbers; a meeting's number as another kind's.
  refused(cancel(CancelledKind::meeting, 999), ErrorKind::not_found, "id");
  refused(cancel(CancelledKind::oversight, *m), ErrorKind::not_found, "id");
  refused(cancel(CancelledKind::conference, 7), ErrorKind::not_found, "id");
  // Already cancelled: says when, by whom and why.
  auto again = cancel(CancelledKind::meeting, *c);
  refused(again, ErrorKind::conflict, "id");
  EXPECT_NE(again.error().message_vi.find("đã được hủy ngày 01/06/2023 bởi test (lý do: Ghi hai "
                                          "lần)"),
            std::string::npos)
      << again.error().message_vi;
  // Outside the caller's scope: answered as unknown, the same message as a number never used.
  Registry other = as(auth::Role::committee_office, "DC");
  auto outside = other.cancel_record({CancelledKind::meeting, *m, "Nhầm"});
  refused(outside, ErrorKind::not_found, "id");
  EXPECT_EQ(outside.error().message_vi,
            "Trường «id»: không có cuộc sinh hoạt chi bộ số " + std::to_string(*m) + ".");
  // A role that does not record meetings; one that records them but not inspections.
  Registry viewer = as(auth::Role::viewer, "DB");
  refused(viewer.cancel_record({CancelledKind::meeting, *m, "Nhầm"}), ErrorKind::forbidden, "");
  Registry secretary = as(auth::Role::branch_secretary, "S1");
  refused(secretary.cancel_record({CancelledKind::oversight, *m, "Nhầm"}), ErrorKind::forbidden,
          "");
  refused(secretary.cancel_record({CancelledKind::conference, 1, "Nhầm"}), ErrorKind::forbidden,
          "");
  // The branch's secretary may cancel its own branch's meeting.
  EXPECT_TRUE(secretary.cancel_record({CancelledKind::meeting, *m, "Nhầm chi bộ"}).ok());
}

TEST_F(CancelTest, ACancelledConferenceTakesNoFurtherWriteAndIsNeverThePreviousOne) {
  ConferenceInput in;
  in.org_code = "DB";
  in.kind = "quarterly_review";
  in.period = "2023-Q1";
  in.date = "2023-04-10";
  in.chair_name = "Nguyễn Văn Chủ";
  in.secretary_name = "Trần Thị Thư";
  auto held = registry_->create_conference(in);
  ASSERT_TRUE(held.ok()) << held.error().detail_en;
  in.date = "2023-04-12";  // recorded twice by mistake
  auto twice = registry_->create_conference(in);
  ASSERT_TRUE(twice.ok());
  ASSERT_TRUE(registry_->add_task({*twice, "S1", "Nhiệm vụ ghi nhầm", "2023-05-01"}).ok());
  auto prepared = registry_->prepare_next_conference("DB", "2023-06-01");
  ASSERT_TRUE(prepared.ok());
  ASSERT_TRUE(prepared->previous);
  EXPECT_EQ(prepared->previous->id, *twice);
  ASSERT_EQ(registry_->overdue_tasks("DB", "2023-06-01")->size(), 1u);

  ASSERT_TRUE(cancel(CancelledKind::conference, *twice, "Ghi hai lần").ok());
  const auto before = testing::dump_database(path_);
  auto refused = [&](const Status& st) {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().rule, "conference.cancelled") << st.error().detail_en;
    EXPECT_NE(st.error().message_vi.find("đã bị hủy"), std::string::npos);
    EXPECT_EQ(testing::dump_database(path_), before);
  };
  refused(status_of(registry_->add_conference_site(
      {*twice, "in_person", "Hội trường", "Số 1 đường Trần Phú", "", ""})));
  refused(registry_->conclude_conference({*twice, "Kết luận"}));
  refused(status_of(registry_->add_task({*twice, "S1", "Nhiệm vụ", "2023-07-01"})));
  refused(status_of(registry_->add_conference_item(
      {*twice, "contribution", "", "Nguyễn Văn Ba", "", "", "Tham luận", "", ""})));
  refused(registry_->attach_report({*twice, "DB", "2023-Q1"}));
  refused(status_of(registry_->invite({*twice, {"P0"}, {}, {}})));
  refused(status_of(registry_->conference_invitation(*twice)));
  refused(status_of(registry_->conference_minutes(*twice)));
  refused(status_of(registry_->conference_news(*twice, "")));
  // The conference held stands and takes writes.
  EXPECT_TRUE(registry_->conclude_conference({*held, "Kết luận"}).ok());

  auto view = registry_->show_conference(*twice, "");
  ASSERT_TRUE(view.ok());
  ASSERT_TRUE(view->head.cancelled);
  EXPECT_EQ(view->head.cancelled->reason, "Ghi hai lần");
  auto list = registry_->list_conferences({"DB", "2023-01-01", "2023-12-31", "", 100});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, *twice);
  EXPECT_TRUE((*list)[0].cancelled);
  EXPECT_FALSE((*list)[1].cancelled);
  prepared = registry_->prepare_next_conference("DB", "2023-06-01");
  ASSERT_TRUE(prepared.ok());
  ASSERT_TRUE(prepared->previous);
  EXPECT_EQ(prepared->previous->id, *held);
  EXPECT_TRUE(registry_->overdue_tasks("DB", "2023-06-01")->empty());
  ASSERT_EQ(audit_of("conference.cancel").size(), 1u);
  EXPECT_EQ(audit_of("conference.cancel")[0].action_label, "Hủy hội nghị ghi nhầm");
}

}  // namespace
}  // namespace dangvu::service
