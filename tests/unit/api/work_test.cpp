// Plans, activities and indicators over HTTP against the real server: an office records its
// year's work and reads the figures back; refusals name the field.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

json indicator(const Reply& r, const std::string& id) {
  for (const auto& row : r.body["indicators"]) {
    if (row["id"] == id) return row;
  }
  ADD_FAILURE() << "no indicator " << id << " in " << r.raw;
  return json::object();
}

TEST(WorkApi, AnOfficeRecordsTheYearsWorkAndReadsTheFiguresBack) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply doc = office.post("/api/v1/documents", {{"number", "15-NQ/TU"},
                                                {"issued_on", "2025-12-06"},
                                                {"title", "Nghị quyết về nhiệm vụ năm 2026"},
                                                {"issuing_body", "Ban Chấp hành Đảng bộ tỉnh"}});
  ASSERT_EQ(doc.status, 201) << doc.raw;
  Reply docs = office.get("/api/v1/documents?q=NQ");
  ASSERT_EQ(docs.status, 200);
  ASSERT_EQ(docs.body["documents"].size(), 1u);
  EXPECT_EQ(docs.body["documents"][0]["type_label"], "nghị quyết");

  for (auto [indicator_id, target] : {std::pair{"inspected_orgs", 4}, {"inspected_members", 5}}) {
    Reply set = office.post("/api/v1/orgs/DBA/plan",
                            {{"year", 2026}, {"indicator", indicator_id}, {"target", target}});
    ASSERT_EQ(set.status, 200) << set.raw;
  }
  Reply plan = office.get("/api/v1/orgs/DBA/plan?year=2026");
  ASSERT_EQ(plan.status, 200) << plan.raw;
  EXPECT_EQ(plan.body["targets"][0]["indicator"], "admitted");

  Reply meeting = office.post("/api/v1/orgs/A1/meetings",
                              {{"date", "2026-05-05"}, {"kind", "regular"}, {"quality", "good"}});
  ASSERT_EQ(meeting.status, 201) << meeting.raw;
  Reply inspection = office.post("/api/v1/orgs/DBA/oversights", {{"kind", "inspection"},
                                                                 {"date", "2026-05-06"},
                                                                 {"subject_org", "A2"},
                                                                 {"conclusion", "Thực hiện tốt."}});
  ASSERT_EQ(inspection.status, 201) << inspection.raw;
  Reply member_inspection =
      office.post("/api/v1/orgs/DBA/oversights", {{"kind", "inspection"},
                                                  {"basis", "signs_of_violation"},
                                                  {"date", "2026-05-07"},
                                                  {"subject_member", "MA1"},
                                                  {"conclusion", "Nhắc nhở."}});
  ASSERT_EQ(member_inspection.status, 201) << member_inspection.raw;
  Reply study =
      office.post("/api/v1/orgs/A1/study-sessions",
                  {{"date", "2026-05-08"}, {"document", "15-NQ/TU"}, {"attendees", {"MA1"}}});
  ASSERT_EQ(study.status, 201) << study.raw;

  Reply activities = office.get("/api/v1/orgs/DBA/activities?from=2026-01-01&to=2026-11-22");
  ASSERT_EQ(activities.status, 200) << activities.raw;
  EXPECT_EQ(activities.body["meetings"].size(), 1u);
  EXPECT_EQ(activities.body["meetings"][0]["quality_label"], "tốt");
  EXPECT_EQ(activities.body["oversights"].size(), 2u);
  EXPECT_EQ(activities.body["study_sessions"][0]["document"], "15-NQ/TU");

  Reply ind = office.get("/api/v1/orgs/DBA/indicators?period=2026-H1");
  ASSERT_EQ(ind.status, 200) << ind.raw;
  EXPECT_EQ(ind.body["period_label"], "6 tháng đầu năm 2026");
  EXPECT_EQ(indicator(ind, "inspected_orgs")["value"], 1);
  EXPECT_EQ(indicator(ind, "inspected_orgs")["plan_shown"], "1/4 (đạt 25,0% kế hoạch năm)");
  EXPECT_EQ(indicator(ind, "inspected_members")["plan_shown"], "1/5 (đạt 20,0% kế hoạch năm)");
  EXPECT_EQ(indicator(ind, "oversight_on_signs")["value"], 1);
  EXPECT_EQ(indicator(ind, "study_attendance_pct")["shown"], "100,0%");
  // A2 held no meeting: the check names it.
  bool a2_flagged = false;
  for (const auto& c : ind.body["checks"]) {
    a2_flagged = a2_flagged || (c["rule"] == "meeting.monthly_missing" && c["org"] == "A2");
  }
  EXPECT_TRUE(a2_flagged) << ind.raw;
}

TEST(WorkApi, TheReportShowsTheFiguresOfTheIndicatorsInEveryFormat) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  ASSERT_EQ(office
                .post("/api/v1/orgs/DBA/plan",
                      {{"year", 2026}, {"indicator", "inspected_orgs"}, {"target", 3}})
                .status,
            200);
  ASSERT_EQ(office
                .post("/api/v1/orgs/DBA/oversights", {{"kind", "inspection"},
                                                      {"date", "2026-03-06"},
                                                      {"subject_org", "A2"},
                                                      {"conclusion", "Thực hiện tốt."}})
                .status,
            201);
  Reply ind = office.get("/api/v1/orgs/DBA/indicators?period=2026-H1");
  ASSERT_EQ(ind.status, 200) << ind.raw;
  const std::string shown = indicator(ind, "inspected_orgs")["plan_shown"];
  ASSERT_EQ(shown, "1/3 (đạt 33,3% kế hoạch năm)");

  Reply html = office.get("/api/v1/orgs/DBA/report?period=2026-H1");
  ASSERT_EQ(html.status, 200) << html.raw;
  EXPECT_EQ(html.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html.raw.find("kiểm tra được 1/3 tổ chức (đạt 33,3% kế hoạch năm)"), std::string::npos)
      << html.raw;
  EXPECT_NE(html.raw.find("ĐẢNG ỦY SỞ A"), std::string::npos) << "the committee issues";
  // The checks are the office's working sheet, asked for apart; the report is dated as chosen.
  Reply checks = office.get("/api/v1/orgs/DBA/report?period=2026-H1&part=checks");
  ASSERT_EQ(checks.status, 200);
  EXPECT_NE(checks.raw.find("PHIẾU ĐỐI CHIẾU SỐ LIỆU"), std::string::npos);
  EXPECT_EQ(html.raw.find("PHIẾU ĐỐI CHIẾU SỐ LIỆU"), std::string::npos);
  Reply dated = office.get("/api/v1/orgs/DBA/report?period=2026-H1&date=2026-07-02");
  ASSERT_EQ(dated.status, 200);
  EXPECT_NE(dated.raw.find("ngày 02 tháng 7 năm 2026"), std::string::npos);
  EXPECT_EQ(office.get("/api/v1/orgs/DBA/report?period=2026-H1&part=annex").status, 400);

  Reply docx = office.get("/api/v1/orgs/DBA/report?period=2026-H1&format=docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(docx.header("Content-Disposition"),
            "attachment; filename=\"bao-cao-DBA-2026-H1.docx\"");
  EXPECT_EQ(docx.raw.substr(0, 2), "PK");
  Reply xlsx = office.get("/api/v1/orgs/DBA/report?period=2026-H1&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK");

  EXPECT_EQ(office.get("/api/v1/orgs/DBA/report?period=2026-H1&format=pdf").body["error"]["field"],
            "format");
  EXPECT_EQ(office.get("/api/v1/orgs/DBB/report?period=2026-H1").status, 404);
}

TEST(WorkApi, RefusalsNameTheFieldInVietnamese) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply bad_number = office.post(
      "/api/v1/documents",
      {{"number", "15/NQ-TU"}, {"issued_on", "2025-12-06"}, {"title", "X"}, {"issuing_body", "Y"}});
  EXPECT_EQ(bad_number.status, 400);
  EXPECT_EQ(bad_number.body["error"]["field"], "number");
  EXPECT_NE(bad_number.body["error"]["message"].get<std::string>().find("số văn bản"),
            std::string::npos);
  Reply bad_target = office.post(
      "/api/v1/orgs/DBA/plan", {{"year", 2026}, {"indicator", "inspected_orgs"}, {"target", "4"}});
  EXPECT_EQ(bad_target.status, 400);
  EXPECT_EQ(bad_target.body["error"]["field"], "target");
  Reply bad_period = office.get("/api/v1/orgs/DBA/indicators?period=2026-H3");
  EXPECT_EQ(bad_period.status, 400);
  EXPECT_EQ(bad_period.body["error"]["field"], "period");
  Reply bad_quality =
      office.post("/api/v1/orgs/A1/meetings", {{"date", "2026-05-05"}, {"quality", "excellent"}});
  EXPECT_EQ(bad_quality.status, 400);
  EXPECT_EQ(bad_quality.body["error"]["field"], "quality");
  Reply future =
      office.post("/api/v1/orgs/A1/meetings", {{"date", "2026-12-05"}, {"quality", "good"}});
  EXPECT_EQ(future.status, 409);
  EXPECT_EQ(future.body["error"]["rule"], "activity.not_future");
}

// A meeting, an inspection, a study session and a conference recorded by mistake are cancelled:
// the lists mark them (when, by whom, why), the indicators are what they were before, a second
// cancellation and one outside the scope are refused, and a cancelled conference takes no write.
TEST(WorkApi, ARecordMadeByMistakeIsCancelledAndCountsNoMore) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  ASSERT_EQ(office
                .post("/api/v1/documents", {{"number", "15-NQ/TU"},
                                            {"issued_on", "2025-12-06"},
                                            {"title", "Nghị quyết về nhiệm vụ năm 2026"},
                                            {"issuing_body", "Ban Chấp hành Đảng bộ tỉnh"}})
                .status,
            201);
  Reply before = office.get("/api/v1/orgs/DBA/indicators?period=2026-H1");
  ASSERT_EQ(before.status, 200);
  Reply meeting = office.post("/api/v1/orgs/A1/meetings",
                              {{"date", "2026-05-05"},
                               {"kind", "regular"},
                               {"quality", "good"},
                               {"absent", {{{"member", "MA1"}, {"reason", "Ốm"}}}}});
  ASSERT_EQ(meeting.status, 201) << meeting.raw;
  Reply inspection = office.post("/api/v1/orgs/DBA/oversights", {{"kind", "inspection"},
                                                                 {"date", "2026-05-06"},
                                                                 {"subject_org", "A2"},
                                                                 {"conclusion", "Thực hiện tốt."}});
  ASSERT_EQ(inspection.status, 201) << inspection.raw;
  Reply study =
      office.post("/api/v1/orgs/A1/study-sessions",
                  {{"date", "2026-05-08"}, {"document", "15-NQ/TU"}, {"attendees", {"MA1"}}});
  ASSERT_EQ(study.status, 201) << study.raw;
  ASSERT_NE(office.get("/api/v1/orgs/DBA/indicators?period=2026-H1").body, before.body);

  const std::string meeting_path =
      "/api/v1/meetings/" + std::to_string(meeting.body["id"].get<long long>()) + "/cancel";
  // No reason: refused naming «Lý do hủy»; another committee's office: unknown.
  Reply no_reason = office.post(meeting_path, {{"reason", " "}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.body["error"]["field"], "reason");
  EXPECT_NE(no_reason.body["error"]["message"].get<std::string>().find("«Lý do hủy»"),
            std::string::npos)
      << no_reason.raw;
  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  EXPECT_EQ(viewer.post(meeting_path, {{"reason", "Nhầm"}}).status, 403);
  Browser inspector(server.port());
  ASSERT_EQ(inspector.login("inspector").status, 200);
  EXPECT_EQ(inspector.post(meeting_path, {{"reason", "Nhầm"}}).status, 403);
  EXPECT_EQ(office.post("/api/v1/meetings/99999/cancel", {{"reason", "Nhầm"}}).status, 404);
  EXPECT_EQ(office.post("/api/v1/meetings/x1/cancel", {{"reason", "Nhầm"}}).status, 400);

  Reply cancelled = office.post(meeting_path, {{"reason", "Ghi nhầm ngày"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.raw;
  EXPECT_EQ(cancelled.body["kind"], "meeting");
  Reply again = office.post(meeting_path, {{"reason", "Ghi nhầm ngày"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body["error"]["message"].get<std::string>().find("Văn phòng Đảng ủy Sở A"),
            std::string::npos)
      << again.raw;
  ASSERT_EQ(inspector
                .post("/api/v1/oversights/" +
                          std::to_string(inspection.body["id"].get<long long>()) + "/cancel",
                      {{"reason", "Ghi hai lần"}})
                .status,
            200);
  ASSERT_EQ(office
                .post("/api/v1/study-sessions/" +
                          std::to_string(study.body["id"].get<long long>()) + "/cancel",
                      {{"reason", "Nhầm chi bộ"}})
                .status,
            200);
  EXPECT_EQ(office.get("/api/v1/orgs/DBA/indicators?period=2026-H1").body, before.body);

  Reply activities = office.get("/api/v1/orgs/DBA/activities?from=2026-01-01&to=2026-11-22");
  ASSERT_EQ(activities.status, 200) << activities.raw;
  ASSERT_EQ(activities.body["meetings"].size(), 1u);
  const json& m = activities.body["meetings"][0];
  EXPECT_EQ(m["org_parent_name"], "Đảng bộ Sở A");
  EXPECT_EQ(m["cancelled"]["by"], "Văn phòng Đảng ủy Sở A");
  EXPECT_EQ(m["cancelled"]["reason"], "Ghi nhầm ngày");
  ASSERT_EQ(m["absences"].size(), 1u);
  EXPECT_EQ(m["absences"][0]["full_name"], "Nguyễn Văn An");
  EXPECT_EQ(activities.body["oversights"][0]["cancelled"]["by"], "Ủy ban kiểm tra");
  EXPECT_FALSE(activities.body["study_sessions"][0]["cancelled"].is_null());

  // A conference recorded twice: cancelled, it takes no further write.
  Reply conf = office.post("/api/v1/orgs/DBA/conferences", {{"kind", "half_year_review"},
                                                            {"period", "2026-H1"},
                                                            {"date", "2026-07-06"},
                                                            {"chair_name", "Nguyễn Văn Chủ"},
                                                            {"secretary_name", "Trần Thị Thư"}});
  ASSERT_EQ(conf.status, 201) << conf.raw;
  const std::string conf_path =
      "/api/v1/conferences/" + std::to_string(conf.body["id"].get<long long>());
  ASSERT_EQ(office.post(conf_path + "/cancel", {{"reason", "Ghi hai lần"}}).status, 200);
  Reply refused = office.post(conf_path + "/conclusion", {{"text", "Kết luận"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["error"]["rule"], "conference.cancelled");
  EXPECT_EQ(office.get(conf_path + "/minutes?format=html").status, 409);
  Reply shown = office.get(conf_path);
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body["cancelled"]["reason"], "Ghi hai lần");
  Reply list = office.get("/api/v1/orgs/DBA/conferences?from=2026-01-01&to=2026-12-31");
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(list.body["conferences"][0]["cancelled"].is_null()) << list.raw;
  Reply next = office.get("/api/v1/orgs/DBA/next-conference");
  ASSERT_EQ(next.status, 200);
  EXPECT_TRUE(next.body["previous"].is_null()) << next.raw;
}

}  // namespace
}  // namespace dangvu::testing
