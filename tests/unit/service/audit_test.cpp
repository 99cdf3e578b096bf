// The audit log as a person reads it: each entry's action and actor in Vietnamese, and its
// recorded detail as changes — a label per key, old and new values as text, an old value beside
// its key — both from recorded details and from the log a registry writes.
#include <gtest/gtest.h>

#include "service/audit_changes.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

using Changes = std::vector<AuditChangeView>;

// "field: before → after" lines, for readable comparisons.
std::vector<std::string> lines(const Changes& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) {
    out.push_back(c.field + " [" + c.label + "] " + c.before + " → " + c.after);
  }
  return out;
}

TEST(AuditChanges, ValuesAreWrittenForReading) {
  // A rename: the old name beside the new, the date day first.
  EXPECT_EQ(lines(audit_changes("org.rename", R"({"code":"A1","name":"Chi bộ Mới",
                                  "before_name":"Chi bộ A1","date":"2026-07-01"})")),
            (std::vector<std::string>{"code [Mã tổ chức]  → A1", "date [Ngày]  → 01/07/2026",
                                      "name [Tên tổ chức] Chi bộ A1 → Chi bộ Mới"}));
  // An attendance: the plain "before" is the old status; codes by their labels.
  EXPECT_EQ(lines(audit_changes("conference.attendance",
                                R"({"conference":3,"participant":7,"member":"MA1","site":1,
                                    "before":"invited","status":"absent","reason":"Ốm"})")),
            (std::vector<std::string>{"conference [Hội nghị]  → 3", "member [Đảng viên]  → MA1",
                                      "participant [Số hiệu người tham dự]  → 7",
                                      "reason [Lý do]  → Ốm", "site [Điểm cầu]  → 1",
                                      "status [Tình hình tham dự] được mời → vắng mặt"}));
  // A target set for the first time: no old value; a null is nothing.
  EXPECT_EQ(lines(audit_changes("plan.target", R"({"year":2026,"indicator":"admissions",
                                  "before":null,"target":12})")),
            (std::vector<std::string>{"indicator [Chỉ tiêu]  → admissions",
                                      "target [Mức kế hoạch]  → 12", "year [Năm]  → 2026"}));
  // A new member: the first event flattened, its kind by name; a merge: a list joined, a flag.
  EXPECT_EQ(lines(audit_changes("member.add", R"({"code":"M1","name":"Nguyễn Văn An",
          "birth_date":"1985-06-01","first":{"kind":"admission","date":"2020-01-10","org":"A1"}})")),
            (std::vector<std::string>{
                "birth_date [Ngày sinh]  → 01/06/1985", "code [Mã đảng viên]  → M1",
                "first [Sự kiện đầu tiên]  → Ngày: 10/01/2020; Loại sự kiện: Kết nạp; Tổ chức: A1",
                "name [Họ và tên]  → Nguyễn Văn An"}));
  EXPECT_EQ(lines(audit_changes("org.merge", R"({"from":["X1","X2"],"into":"X3","new":true,
                                  "name":"Chi bộ X3","kind":"sub_branch","parent":"DBA",
                                  "date":"2026-06-01"})")),
            (std::vector<std::string>{
                "date [Ngày]  → 01/06/2026", "from [Các tổ chức được hợp nhất]  → X1, X2",
                "into [Tổ chức hợp nhất vào]  → X3", "kind [Loại tổ chức mới]  → Chi bộ trực thuộc",
                "name [Tên tổ chức mới]  → Chi bộ X3", "new [Tạo tổ chức mới]  → Có",
                "parent [Tổ chức cấp trên của tổ chức mới]  → DBA"}));
  // A list of objects: each in parentheses; a meeting's codes by their labels.
  EXPECT_EQ(lines(audit_changes("org.split", R"({"parts":[{"code":"X4","name":"Chi bộ X4"},
                                  {"code":"X5","name":"Chi bộ X5"}]})")),
            (std::vector<std::string>{"parts [Các tổ chức mới]  → (Mã tổ chức: X4; Tên tổ chức: "
                                      "Chi bộ X4), (Mã tổ chức: X5; Tên tổ chức: Chi bộ X5)"}));
  EXPECT_EQ(lines(audit_changes("meeting.add", R"({"kind":"thematic","quality":"good",
                                  "absent":[]})")),
            (std::vector<std::string>{"kind [Loại buổi sinh hoạt]  → chuyên đề",
                                      "quality [Xếp loại chất lượng]  → tốt"}));
  // A migration's org ids, read as codes.
  EXPECT_EQ(
      lines(audit_changes("oversight.reassign",
                          R"({"from_org":2,"to_org":1,"reason":"cluster_is_not_a_party_body"})",
                          [](long long id) { return id == 1 ? "TU" : "CUM1"; })),
      (std::vector<std::string>{"from_org [Từ tổ chức]  → CUM1",
                                "reason [Lý do]  → cụm thi đua không phải tổ chức đảng",
                                "to_org [Sang tổ chức]  → TU"}));
  // Nothing recorded, or not JSON: no changes.
  EXPECT_TRUE(audit_changes("session.login", "{}").empty());
  EXPECT_TRUE(audit_changes("session.login", "not json").empty());
}

TEST(AuditLog, EntriesNameTheActionTheActorAndTheOldValues) {
  testing::TempDir dir;
  const std::string path = dir.database("audit.db");
  FixedClock clock{Date::parse("2026-11-22").value()};
  auto store = store::Store::open(path, store::OpenMode::create_new, clock.now_iso());
  ASSERT_TRUE(store.ok()) << store.error().detail_en;
  Registry r(**store, RuleSet::defaults(), clock, "cli:lan");
  ASSERT_TRUE(r.add_org({"TU", "Đảng bộ tỉnh", "upper_committee", "", "2000-01-01"}).ok());
  ASSERT_TRUE(r.add_org({"DBA", "Đảng bộ Sở A", "grassroots_committee", "TU", "2000-01-01"}).ok());
  ASSERT_TRUE(r.add_org({"DBB", "Đảng bộ Sở B", "grassroots_committee", "TU", "2000-01-01"}).ok());
  ASSERT_TRUE(r.add_org({"A1", "Chi bộ A1", "sub_branch", "DBA", "2000-01-01"}).ok());
  ASSERT_TRUE(r.rename_org("A1", "Chi bộ Phòng Tổ chức", "2026-07-01").ok());
  ASSERT_TRUE(r.move_org("A1", "DBB", "2026-08-01").ok());

  auto log = r.read_audit({});
  ASSERT_TRUE(log.ok()) << log.error().detail_en;
  ASSERT_EQ(log->size(), 6u);
  const AuditView& moved = log->at(0);  // newest first
  const AuditView& renamed = log->at(1);
  EXPECT_EQ(renamed.action, "org.rename");
  EXPECT_EQ(renamed.action_label, "Đổi tên tổ chức");
  EXPECT_EQ(renamed.actor, "cli:lan");
  EXPECT_EQ(renamed.actor_label, "Dòng lệnh (lan)");
  EXPECT_EQ(lines(renamed.changes),
            (std::vector<std::string>{"code [Mã tổ chức]  → A1", "date [Ngày]  → 01/07/2026",
                                      "name [Tên tổ chức] Chi bộ A1 → Chi bộ Phòng Tổ chức"}));
  EXPECT_EQ(moved.action_label, "Chuyển tổ chức sang trực thuộc cấp trên khác");
  EXPECT_EQ(lines(moved.changes),
            (std::vector<std::string>{"code [Mã tổ chức]  → A1", "date [Ngày]  → 01/08/2026",
                                      "parent [Tổ chức cấp trên] DBA → DBB"}));
  EXPECT_EQ(log->back().action_label, "Thành lập tổ chức");
}

}  // namespace
}  // namespace dangvu::service
