// Party dues over HTTP against the real server: the office records a member's basis, the branch's
// secretary reads the book and records a month for the branch in one request, a payment recorded by
// mistake is cancelled, the labels carry the rule set's categories; bad input is refused naming the
// field, and a viewer may read but not record.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

TEST(DuesApi, ABranchRecordsAMonthAndReadsItsBook) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply basis = office.post(
      "/api/v1/members/MA1/dues",
      {{"kind", "basis"}, {"from", "2026-03"}, {"category", "insured"}, {"base", 10000000}});
  ASSERT_EQ(basis.status, 201) << basis.raw;
  Reply reduction = office.post("/api/v1/members/MA1/dues", {{"kind", "reduction"},
                                                             {"from", "2026-10"},
                                                             {"to", "2026-12"},
                                                             {"percent", 50},
                                                             {"decision_no", "15-QĐ/ĐU"},
                                                             {"decided_by", "Đảng ủy Sở A"}});
  ASSERT_EQ(reduction.status, 201) << reduction.raw;

  Browser secretary(server.port());
  ASSERT_EQ(secretary.login("secretary").status, 200);
  Reply month = secretary.post("/api/v1/orgs/A1/dues/2026-09",
                               {{"payments", {{{"member", "MA1"}, {"paid_on", "2026-09-10"}}}}});
  ASSERT_EQ(month.status, 201) << month.raw;
  ASSERT_EQ(month.body["ids"].size(), 1u);
  Reply book = secretary.get("/api/v1/orgs/A1/dues?year=2026");
  ASSERT_EQ(book.status, 200) << book.raw;
  ASSERT_EQ(book.body["rows"].size(), 1u);
  const json& row = book.body["rows"][0];
  EXPECT_EQ(row["member"], "MA1");
  EXPECT_FALSE(row["months"][1]["in_book"].get<bool>());  // February: not yet admitted
  EXPECT_EQ(row["months"][8]["payment"]["amount"], 100000);
  EXPECT_EQ(row["months"][10]["owed"]["amount"], 50000);
  EXPECT_EQ(row["months"][10]["owed"]["why"], "reduction");
  EXPECT_EQ(book.body["paid"], 100000);
  ASSERT_EQ(row["notices"].size(), 1u);  // the reduction ends next month
  EXPECT_EQ(row["notices"][0]["rule"], "dues.reduction_ending");

  // Recorded by mistake: cancelled, the month open again, both on record.
  const long long id = month.body["ids"][0].get<long long>();
  Reply cancel =
      secretary.post("/api/v1/members/MA1/dues/payments/" + std::to_string(id) + "/cancel",
                     {{"reason", "Ghi nhầm"}});
  ASSERT_EQ(cancel.status, 201) << cancel.raw;
  Reply dues = secretary.get("/api/v1/members/MA1/dues?year=2026");
  ASSERT_EQ(dues.status, 200) << dues.raw;
  EXPECT_TRUE(dues.body["months"][8]["payment"].is_null());
  ASSERT_EQ(dues.body["payments"].size(), 2u);
  EXPECT_TRUE(dues.body["payments"][0]["cancelled"].get<bool>());
  EXPECT_EQ(dues.body["records"].size(), 2u);

  Reply labels = secretary.get("/api/v1/labels");
  ASSERT_EQ(labels.status, 200);
  EXPECT_EQ(labels.body["dues"]["categories"][0]["value"], "insured");
  EXPECT_EQ(labels.body["dues"]["unpaid_months_flag"], 3);
  EXPECT_EQ(labels.body["dues"]["channels"][1]["label"], "Cổng Dịch vụ công quốc gia");

  // The committee's report: the book's month again, as JSON and as the report it sends.
  ASSERT_EQ(secretary
                .post("/api/v1/orgs/A1/dues/2026-10",
                      {{"payments", {{{"member", "MA1"}, {"paid_on", "2026-10-10"}}}}})
                .status,
            201);
  Reply report = office.get("/api/v1/orgs/DBA/dues/report?period=2026");
  ASSERT_EQ(report.status, 200) << report.raw;
  EXPECT_EQ(report.body["total"]["collected"], 50000);
  EXPECT_EQ(report.body["total"]["members"], 2);  // MA2 of A2 too, with no basis recorded
  EXPECT_EQ(report.body["total"]["members_no_basis"], 1);
  EXPECT_EQ(report.body["lines"][0]["code"], "A1");
  ASSERT_GE(report.body["months"].size(), 10u);  // January to this month
  EXPECT_EQ(report.body["months"][9]["collected"], 50000);
  Reply xlsx = office.get("/api/v1/orgs/DBA/dues/report/document?period=2026&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.header("Content-Disposition").find("dang-phi-DBA-2026.xlsx"), std::string::npos);
  Reply html = office.get("/api/v1/orgs/DBA/dues/report/document?period=2026");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.raw.find("Tình hình thu, nộp đảng phí năm 2026"), std::string::npos);
  EXPECT_NE(html.raw.find("Thu đảng phí đạt"), std::string::npos);
  EXPECT_EQ(office.get("/api/v1/orgs/DBB/dues/report?period=2026").status, 404);
  Reply bad = office.get("/api/v1/orgs/DBA/dues/report?period=2026-Q5");
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "period");
}

TEST(DuesApi, ABranchRecordsWhatItSentUpAndTheReportSetsItBeside) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  ASSERT_EQ(office
                .post("/api/v1/members/MA1/dues",
                      {{"kind", "basis"}, {"from", "2026-03"}, {"category", "student"}})
                .status,
            201);
  ASSERT_EQ(office
                .post("/api/v1/orgs/A1/dues/2026-09",
                      {{"payments", {{{"member", "MA1"}, {"paid_on", "2026-09-10"}}}}})
                .status,
            201);
  Browser secretary(server.port());
  ASSERT_EQ(secretary.login("secretary").status, 200);
  Reply due = secretary.get("/api/v1/orgs/A1/dues/remittances?year=2026");
  ASSERT_EQ(due.status, 200) << due.raw;
  EXPECT_EQ(due.body["collected"], 5000);
  EXPECT_EQ(due.body["to_send"],
            due.body["collected"].get<long long>() - due.body["kept"].get<long long>());
  EXPECT_EQ(due.body["sent"], 0);
  Reply sent = secretary.post("/api/v1/orgs/A1/dues/remittances", {{"period", "2026-Q3"},
                                                                   {"amount", due.body["to_send"]},
                                                                   {"sent_on", "2026-10-05"},
                                                                   {"reference", "PT-07"}});
  ASSERT_EQ(sent.status, 201) << sent.raw;
  Reply again = secretary.get("/api/v1/orgs/A1/dues/remittances?year=2026");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["sent"], due.body["to_send"]);
  ASSERT_EQ(again.body["records"].size(), 1u);
  EXPECT_EQ(again.body["records"][0]["period_label"], "quý III năm 2026");
  EXPECT_EQ(again.body["records"][0]["recipient"], "DBA");
  Reply report = office.get("/api/v1/orgs/DBA/dues/report?period=2026");
  ASSERT_EQ(report.status, 200);
  EXPECT_EQ(report.body["total"]["sent_up"], due.body["to_send"]);
  EXPECT_EQ(report.body["months"][8]["sent_up"], due.body["to_send"]);  // September ends Q3

  const std::string id = std::to_string(sent.body["id"].get<long long>());
  Reply no_reason =
      secretary.post("/api/v1/orgs/A1/dues/remittances/" + id + "/cancel", json::object());
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.body["error"]["field"], "reason");
  Reply cancel = secretary.post("/api/v1/orgs/A1/dues/remittances/" + id + "/cancel",
                                {{"reason", "Nộp nhầm kỳ"}});
  ASSERT_EQ(cancel.status, 201) << cancel.raw;
  Reply a_year =
      secretary.post("/api/v1/orgs/A1/dues/remittances", {{"period", "2026"}, {"amount", 1000}});
  EXPECT_EQ(a_year.status, 400);
  EXPECT_EQ(a_year.body["error"]["field"], "period");
  Reply text_amount = secretary.post("/api/v1/orgs/A1/dues/remittances",
                                     {{"period", "2026-Q3"}, {"amount", "1000"}});
  EXPECT_EQ(text_amount.status, 400);
  EXPECT_EQ(text_amount.body["error"]["field"], "amount");
  EXPECT_EQ(office.post("/api/v1/orgs/B1/dues/remittances", {{"period", "2026-Q3"}, {"amount", 1}})
                .status,
            404);
  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  EXPECT_EQ(viewer.post("/api/v1/orgs/A1/dues/remittances", {{"period", "2026-Q3"}, {"amount", 1}})
                .status,
            403);
}

TEST(DuesApi, BadInputIsRefusedByNameAndAViewerOnlyReads) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply short_paid = office.post("/api/v1/orgs/A1/dues/2026-09",
                                 {{"payments", {{{"member", "MA1"}, {"amount", -100}}}}});
  EXPECT_EQ(short_paid.status, 400) << short_paid.raw;
  EXPECT_EQ(short_paid.body["error"]["field"], "payments[0].amount");
  Reply bad_month =
      office.post("/api/v1/orgs/A1/dues/2026-9", {{"payments", {{{"member", "MA1"}}}}});
  EXPECT_EQ(bad_month.status, 400) << bad_month.raw;
  EXPECT_EQ(bad_month.body["error"]["field"], "month");
  Reply unknown = office.post("/api/v1/members/MA1/dues",
                              {{"kind", "basis"}, {"from", "2026-03"}, {"salary", 1}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body["error"]["field"], "salary");
  Reply no_ground = office.post("/api/v1/members/MA1/dues", {{"kind", "exemption"},
                                                             {"from", "2026-03"},
                                                             {"decision_no", "1-QĐ/ĐU"},
                                                             {"decided_by", "Đảng ủy"}});
  EXPECT_EQ(no_ground.status, 400);
  EXPECT_EQ(no_ground.body["error"]["field"], "ground");
  Reply other = office.post("/api/v1/orgs/B1/dues/2026-09", {{"payments", {{{"member", "MB1"}}}}});
  EXPECT_EQ(other.status, 404) << other.raw;  // DBB is outside the office's scope

  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  EXPECT_EQ(viewer.get("/api/v1/orgs/A1/dues").status, 200);
  Reply refused =
      viewer.post("/api/v1/orgs/A1/dues/2026-09", {{"payments", {{{"member", "MA1"}}}}});
  EXPECT_EQ(refused.status, 403) << refused.raw;
  Reply none = office.get("/api/v1/members/MA1/dues");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(none.body["payments"].empty());
  EXPECT_TRUE(none.body["records"].empty());
}

TEST(DuesApi, APortalFileIsRecordedOnceAndItsBadRowsNamed) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  for (const char* m : {"MA1", "MA2"}) {
    Reply basis = office.post(std::string("/api/v1/members/") + m + "/dues",
                              {{"kind", "basis"}, {"from", "2026-03"}, {"category", "student"}});
    ASSERT_EQ(basis.status, 201) << basis.raw;
  }
  const std::string file =
      "Số thẻ đảng viên,Tháng,Số tiền,Ngày nộp,Mã giao dịch\n"
      "MA1,09/2026,5.000,05/09/2026,G-1\n"
      "MA2,09/2026,5.000,05/09/2099,G-2\n";
  auto upload = [&](const std::string& query) {
    return office.raw("POST", "/api/v1/dues/import?file_name=cong.csv" + query, file,
                      "application/octet-stream", {{"X-CSRF-Token", office.csrf()}});
  };
  Reply refused = upload("");
  ASSERT_EQ(refused.status, 400) << refused.raw;
  EXPECT_EQ(refused.body["error"]["rule"], "import.rows_invalid");
  EXPECT_EQ(refused.body["report"]["problems"][0]["row"], 3);
  EXPECT_EQ(refused.body["report"]["problems"][0]["field"], "paid_on");
  Reply valid = upload("&valid_only=true");
  ASSERT_EQ(valid.status, 200) << valid.raw;
  EXPECT_EQ(valid.body["recorded"], 1);
  EXPECT_TRUE(valid.body["written"].get<bool>());
  Reply again = upload("&valid_only=true");
  ASSERT_EQ(again.status, 200) << again.raw;
  EXPECT_EQ(again.body["unchanged"], 1);
  EXPECT_FALSE(again.body["written"].get<bool>());
  Reply book = office.get("/api/v1/orgs/A1/dues?year=2026");
  ASSERT_EQ(book.status, 200);
  EXPECT_EQ(book.body["rows"][0]["months"][8]["payment"]["channel"], "portal");
  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  EXPECT_EQ(viewer
                .raw("POST", "/api/v1/dues/import?file_name=cong.csv", file,
                     "application/octet-stream", {{"X-CSRF-Token", viewer.csrf()}})
                .status,
            403);
}

}  // namespace
}  // namespace dangvu::testing
