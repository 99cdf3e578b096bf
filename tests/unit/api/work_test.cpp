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

}  // namespace
}  // namespace dangvu::testing
