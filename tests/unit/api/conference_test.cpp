// Review conferences over HTTP against the real server: an office records a half-year review with
// two sites from creation to tasks and downloads the invitation, the minutes and the news item
// (whose figures are the report's); refusals name the field and the rule and change nothing;
// writes need the CSRF token and a role that records conferences; other scopes see nothing.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "core/field_labels.h"
#include "report/ooxml_zip.h"
#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

std::string docx_text(const std::string& bytes) {
  auto entries = report::read_zip(bytes);
  EXPECT_TRUE(entries.ok());
  if (!entries.ok()) return "";
  std::string xml;
  for (const auto& e : *entries) {
    if (e.name == "word/document.xml") xml = e.data;
  }
  std::string out;
  std::regex token("<w:t[^>]*>([^<]*)</w:t>|</w:p>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), token); it != std::sregex_iterator();
       ++it) {
    out += (*it)[0].str() == "</w:p>" ? std::string("\n") : (*it)[1].str();
  }
  return out;
}

// A half-year review of DBA with two sites, its members and a guest invited, attendance, the
// report, a contribution, a conclusion and three tasks. Returns the conference's number.
long long record_review(Browser& office) {
  Reply created = office.post("/api/v1/orgs/DBA/conferences",
                              {{"kind", "half_year_review"},
                               {"period", "2026-H1"},
                               {"date", "2026-07-06"},
                               {"start_time", "14:00"},
                               {"chair", "MA1"},
                               {"secretary_name", "Trần Thị Thu"},
                               {"agenda", {"Báo cáo sơ kết", "Tham luận", "Kết luận"}}});
  EXPECT_EQ(created.status, 201) << created.raw;
  const long long id = created.body.value("id", 0LL);
  const std::string c = "/api/v1/conferences/" + std::to_string(id);
  Reply s1 = office.post(c + "/sites", {{"mode", "in_person"},
                                        {"name", "Điểm cầu Hà Nội"},
                                        {"address", "54 Hai Bà Trưng, Hà Nội"},
                                        {"host", "A1"}});
  EXPECT_EQ(s1.status, 201) << s1.raw;
  EXPECT_EQ(s1.body["number"], 1);
  Reply s2 = office.post(c + "/sites", {{"mode", "online"},
                                        {"name", "Điểm cầu Nam Định"},
                                        {"link", "https://hop.example.vn/dba"},
                                        {"host", "A2"}});
  EXPECT_EQ(s2.status, 201) << s2.raw;
  Reply inv = office.post(
      c + "/invitations",
      {{"orgs", {"DBA"}},
       {"guests",
        {{{"name", "Nguyễn Đức Thắng"}, {"title", "Phó Bí thư"}, {"organization", "Tỉnh ủy"}}}}});
  EXPECT_EQ(inv.status, 200) << inv.raw;
  EXPECT_EQ(inv.body["added"], 3);
  Reply a1 =
      office.post(c + "/attendance", {{"member", "MA1"}, {"site", 1}, {"status", "present"}});
  EXPECT_EQ(a1.status, 200) << a1.raw;
  Reply a2 = office.post(
      c + "/attendance",
      {{"member", "MA2"}, {"site", 2}, {"status", "absent"}, {"reason", "Đi công tác"}});
  EXPECT_EQ(a2.status, 200) << a2.raw;
  Reply report = office.post(c + "/report", json::object());
  EXPECT_EQ(report.status, 200) << report.raw;
  Reply item = office.post(c + "/items", {{"kind", "contribution"},
                                          {"speaker", "MA1"},
                                          {"speaker_title", "Bí thư chi bộ"},
                                          {"title", "Nâng cao chất lượng sinh hoạt chi bộ"}});
  EXPECT_EQ(item.status, 201) << item.raw;
  EXPECT_EQ(item.body["seq"], 4);
  Reply conclusion =
      office.post(c + "/conclusion", {{"text", "Tập trung thực hiện 03 nhiệm vụ trọng tâm."}});
  EXPECT_EQ(conclusion.status, 200) << conclusion.raw;
  for (const auto& [owner, title, due] : std::vector<std::array<const char*, 3>>{
           {"DBA", "Tổ chức tổng kết năm 2026", "2026-12-31"},
           {"A1", "Hoàn thành kiểm tra theo kế hoạch", "2026-10-31"},
           {"A2", "Kết nạp đảng viên mới", "2026-11-30"}}) {
    Reply t = office.post(c + "/tasks", {{"owner", owner}, {"title", title}, {"due", due}});
    EXPECT_EQ(t.status, 201) << t.raw;
  }
  return id;
}

TEST(ConferenceApi, AnOfficeRecordsAReviewAndDownloadsItsDocuments) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const long long id = record_review(office);
  const std::string c = "/api/v1/conferences/" + std::to_string(id);

  Reply v = office.get(c);
  ASSERT_EQ(v.status, 200) << v.raw;
  EXPECT_EQ(v.body["title"], "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026");
  EXPECT_EQ(v.body["sites"].size(), 2u);
  EXPECT_EQ(v.body["sites"][0]["present"], 1);
  EXPECT_EQ(v.body["sites"][1]["absent"], 1);
  EXPECT_EQ(v.body["quorum"]["invited"], 2);
  EXPECT_EQ(v.body["quorum"]["present"], 1);
  EXPECT_EQ(v.body["quorum"]["reached"], false);  // more than half of 2 needs 2
  EXPECT_EQ(v.body["report"]["period"], "2026-H1");
  ASSERT_EQ(v.body["tasks"].size(), 3u);
  // As of today (22/11/2026) the task due 31/10 is overdue; done on 1/11 it is done late.
  EXPECT_EQ(v.body["tasks"][1]["status"], "overdue");
  const long long task = v.body["tasks"][1]["id"];
  Reply done = office.post("/api/v1/tasks/" + std::to_string(task) + "/status",
                           {{"status", "done"}, {"date", "2026-11-01"}});
  ASSERT_EQ(done.status, 200) << done.raw;
  Reply overdue = office.get("/api/v1/orgs/DBA/overdue-tasks");
  ASSERT_EQ(overdue.status, 200) << overdue.raw;
  EXPECT_EQ(overdue.body["tasks"].size(), 0u);
  Reply overdue_then = office.get("/api/v1/orgs/DBA/overdue-tasks?at=2026-11-01");
  ASSERT_EQ(overdue_then.status, 200);
  EXPECT_EQ(overdue_then.body["tasks"].size(), 0u);
  Reply overdue_before = office.get("/api/v1/orgs/DBA/overdue-tasks?at=2026-10-31");
  EXPECT_EQ(overdue_before.body["tasks"].size(), 0u);  // due that day: not yet overdue
  Reply list = office.get("/api/v1/orgs/DBA/conferences?from=2026-01-01&to=2026-12-31");
  ASSERT_EQ(list.status, 200) << list.raw;
  ASSERT_EQ(list.body["conferences"].size(), 1u);
  EXPECT_EQ(list.body["conferences"][0]["id"], id);
  Reply next = office.get("/api/v1/orgs/DBA/next-conference");
  ASSERT_EQ(next.status, 200) << next.raw;
  EXPECT_EQ(next.body["previous"]["id"], id);
  EXPECT_EQ(next.body["counts"]["done"], 1);

  Reply minutes = office.get(c + "/minutes");
  ASSERT_EQ(minutes.status, 200) << minutes.raw;
  EXPECT_EQ(minutes.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(minutes.header("Content-Disposition"),
            "attachment; filename=\"bien-ban-hoi-nghi-" + std::to_string(id) + ".docx\"");
  const std::string text = docx_text(minutes.raw);
  for (const char* expected :
       {"BIÊN BẢN", "Thời gian: bắt đầu lúc 14 giờ 00, thứ Hai, ngày 06 tháng 7 năm 2026.",
        "Đảng viên được triệu tập: 2 đồng chí; có mặt: 1 đồng chí; vắng mặt: 1 đồng chí (đồng "
        "chí Trần Thị Bình, lý do: Đi công tác).",
        "Hội nghị chưa đủ số đảng viên tham dự theo quy định.",
        "Tập trung thực hiện 03 nhiệm vụ trọng tâm.", "Kết nạp đảng viên mới", "Chi bộ A2",
        "30/11/2026"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "minutes lack «" << expected << "»:\n"
                                                      << text;
  }
  Reply invitation = office.get(c + "/invitation");
  ASSERT_EQ(invitation.status, 200) << invitation.raw;
  EXPECT_NE(docx_text(invitation.raw).find("GIẤY MỜI"), std::string::npos);
  Reply printable = office.get(c + "/minutes?format=html");
  ASSERT_EQ(printable.status, 200);
  EXPECT_EQ(printable.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(printable.raw.find("THƯ KÝ HỘI NGHỊ"), std::string::npos);

  // The news item's figures are the report's: the indicators' member count, the report's words.
  Reply news = office.get(c + "/news?format=txt&author=Ng%E1%BB%8Dc%20S%C6%A1n");
  ASSERT_EQ(news.status, 200) << news.raw;
  EXPECT_EQ(news.header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(news.header("Content-Disposition"),
            "attachment; filename=\"tin-hoi-nghi-" + std::to_string(id) + ".txt\"");
  Reply ind = office.get("/api/v1/orgs/DBA/indicators?period=2026-H1");
  ASSERT_EQ(ind.status, 200);
  std::string members;
  for (const auto& row : ind.body["indicators"]) {
    if (row["id"] == "members") members = row["shown"];
  }
  ASSERT_EQ(members, "2");
  EXPECT_NE(news.raw.find("Đảng bộ Sở A có " + members + " đảng viên."), std::string::npos)
      << news.raw;
  Reply report = office.get("/api/v1/orgs/DBA/report?period=2026-H1");
  ASSERT_EQ(report.status, 200);
  EXPECT_NE(report.raw.find("tổng số đảng viên là " + members + " đồng chí"), std::string::npos);
  EXPECT_NE(news.raw.find("Tin: Ngọc Sơn – Đảng bộ Sở A"), std::string::npos) << news.raw;
  Reply html = office.get(c + "/news");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html.raw.find("<mark class=\"placeholder\">[tên tác giả]</mark>"), std::string::npos);

  // Every write is audited.
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply audit = admin.get("/api/v1/audit?limit=100");
  ASSERT_EQ(audit.status, 200);
  for (const char* action : {"conference.add", "conference.site", "conference.invite",
                             "conference.attendance", "conference.report", "conference.item",
                             "conference.conclusion", "task.add", "task.status"}) {
    EXPECT_NE(audit.raw.find(action), std::string::npos) << "no audit entry " << action;
  }
}

// A contribution's file goes up as the browser sends it (the bytes, the name in the address) and
// comes back byte for byte under its Vietnamese name; the conference's item names it; a file that
// is not PDF, Word or OpenDocument is refused at its name, and a write without the token is not
// taken.
TEST(ConferenceApi, AContributionsFileGoesUpAndComesBackAsSent) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const long long id = record_review(office);
  const std::string file = "/api/v1/conferences/" + std::to_string(id) + "/items/4/file";
  const std::string pdf = std::string("%PDF-1.4\n\xE2\xE3\xCF\xD3\n", 14) + "1 0 obj\n";
  Reply up = office.raw("POST", file + "?file_name=Tham%20lu%E1%BA%ADn%20chi%20b%E1%BB%99.pdf", pdf,
                        "application/octet-stream", {{"X-CSRF-Token", office.csrf()}});
  ASSERT_EQ(up.status, 201) << up.raw;
  EXPECT_EQ(up.body["name"], "Tham luận chi bộ.pdf");
  EXPECT_EQ(up.body["size"], pdf.size());
  EXPECT_EQ(up.body["content_type"], "application/pdf");

  Reply v = office.get("/api/v1/conferences/" + std::to_string(id));
  ASSERT_EQ(v.status, 200) << v.raw;
  for (const auto& item : v.body["items"]) {
    if (item["seq"] == 4) {
      EXPECT_EQ(item["attachment"]["name"], "Tham luận chi bộ.pdf");
    } else {
      EXPECT_TRUE(item["attachment"].is_null()) << item.dump();
    }
  }
  Reply down = office.get(file);
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.raw, pdf);
  EXPECT_EQ(down.header("Content-Type"), "application/pdf");
  // The name: ASCII for old clients, percent-encoded UTF-8 for the others (the test's HTTP client
  // decodes percent-encoded header values as it reads them).
  EXPECT_EQ(down.header("Content-Disposition"),
            "attachment; filename=\"Tham lu___n chi b___.pdf\"; "
            "filename*=UTF-8''Tham luận chi bộ.pdf");

  Reply exe = office.raw("POST", file + "?file_name=tham-luan.exe", "MZ",
                         "application/octet-stream", {{"X-CSRF-Token", office.csrf()}});
  EXPECT_EQ(exe.status, 400) << exe.raw;
  EXPECT_EQ(exe.body["error"]["field"], "file_name");
  Reply no_token =
      office.raw("POST", file + "?file_name=khac.pdf", pdf, "application/octet-stream");
  EXPECT_EQ(no_token.status, 403) << no_token.raw;
  Reply none = office.get("/api/v1/conferences/" + std::to_string(id) + "/items/1/file");
  EXPECT_EQ(none.status, 404) << none.raw;
  EXPECT_EQ(none.body["error"]["field"], "item");
  EXPECT_EQ(office.get(file).raw, pdf);
}

TEST(ConferenceApi, RefusalsNameTheFieldAndTheRuleAndChangeNothing) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const long long id = record_review(office);
  const std::string c = "/api/v1/conferences/" + std::to_string(id);
  struct Case {
    std::string path;
    json body;
    int status;
    std::string field, rule;
  };
  const std::vector<Case> cases = {
      {"/api/v1/orgs/DBA/conferences",
       {{"kind", "year_review"}, {"period", "2026-H1"}, {"date", "2026-07-06"}},
       409,
       "period",
       "conference.period_kind"},
      {"/api/v1/orgs/DBA/conferences",
       {{"kind", "half_year_review"},
        {"period", "2026-H1"},
        {"date", "2026-07-06"},
        {"start_time", "25:00"}},
       400,
       "start_time",
       ""},
      {"/api/v1/orgs/DBA/conferences", {{"kind", "tea_party"}}, 400, "kind", ""},
      {"/api/v1/orgs/DBA/conferences",
       {{"kind", "half_year_review"}, {"agenda", "x"}},
       400,
       "agenda",
       ""},
      {c + "/sites",
       {{"mode", "online"}, {"name", "Trực tuyến"}},
       409,
       "link",
       "conference.site_place"},
      {c + "/attendance",
       {{"member", "MA1"}, {"site", "một"}, {"status", "present"}},
       400,
       "site",
       ""},
      {c + "/attendance",
       {{"member", "MA2"}, {"site", 2}, {"status", "absent"}},
       400,
       "reason",
       ""},
      {c + "/attendance", {{"member", "MA1"}, {"site", 9}, {"status", "present"}}, 404, "site", ""},
      {c + "/invitations", {{"guests", "Nguyễn Đức Thắng"}}, 400, "guests", ""},
      {c + "/tasks", {{"owner", "B1"}, {"title", "X"}, {"due", "2026-12-31"}}, 404, "owner", ""},
      {c + "/tasks", {{"owner", "A1"}, {"title", "X"}, {"due", "31/12/2026"}}, 400, "due", ""},
      {"/api/v1/conferences/abc/conclusion", {{"text", "X"}}, 400, "conference", ""},
      {"/api/v1/conferences/999/conclusion", {{"text", "X"}}, 404, "conference", ""},
      {"/api/v1/tasks/1/status", {{"status", "finished"}}, 400, "status", ""},
  };
  for (const auto& k : cases) {
    const std::string before = dump_database(server.db_path());
    Reply r = office.post(k.path, k.body);
    EXPECT_EQ(r.status, k.status) << k.path << " " << k.body.dump() << ": " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], k.field) << k.path << ": " << r.raw;
    if (!k.rule.empty()) {
      EXPECT_EQ(r.body["error"]["rule"], k.rule) << r.raw;
    }
    // The message names the field by its Vietnamese label; `field` keeps the API's name.
    EXPECT_NE(r.body["error"].value("message", "").find("«" + field_label(k.field) + "»"),
              std::string::npos)
        << r.raw;
    EXPECT_EQ(dump_database(server.db_path()), before) << k.path << " changed the database";
  }
  for (const char* path : {"/minutes?format=pdf", "/news?format=docx"}) {
    Reply r = office.get(c + path);
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(r.body["error"]["field"], "format");
  }
}

// A site's whole list in one request: a bad line refuses all of it, named by its index (in
// Vietnamese in the message), and changes nothing; a good one records the named people and,
// with all_unrecorded, every invited member not recorded yet; one audit entry.
TEST(ConferenceApi, ManyAttendancesInOneRequestAllOrNothing) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply created =
      office.post("/api/v1/orgs/DBA/conferences",
                  {{"kind", "half_year_review"}, {"period", "2026-H1"}, {"date", "2026-07-06"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  const long long id = created.body.value("id", 0LL);
  const std::string c = "/api/v1/conferences/" + std::to_string(id);
  ASSERT_EQ(office.post(c + "/sites", {{"name", "Hội trường"}, {"address", "Hà Nội"}}).status, 201);
  Reply inv = office.post(
      c + "/invitations",
      {{"orgs", {"DBA"}},
       {"guests",
        {{{"name", "Nguyễn Đức Thắng"}, {"title", "Phó Bí thư"}, {"organization", "Tỉnh ủy"}}}}});
  ASSERT_EQ(inv.status, 200) << inv.raw;
  long long guest = 0;
  const Reply invited = office.get(c);
  for (const auto& p : invited.body["participants"]) {
    if (p["kind"] == "guest") guest = p["id"].get<long long>();
  }
  ASSERT_GT(guest, 0);

  struct Case {
    json body;
    int status;
    std::string field, message;
  };
  const std::vector<Case> cases = {
      {{{"site", 1},
        {"entries",
         {{{"member", "MA1"}, {"status", "present"}},
          {{"member", "MA2"}, {"status", "late"}},
          {{"participant", guest}, {"status", "present"}},
          {{"member", "MB1"}, {"status", "present"}}}}},
       404,
       "entries[3].member",
       "Trường «Đảng viên (dòng 4)»: người «MB1» không có trong danh sách mời của hội nghị."},
      {{{"site", 1},
        {"entries",
         {{{"member", "MA1"}, {"status", "present"}}, {{"member", "MA2"}, {"status", "absent"}}}}},
       400,
       "entries[1].reason",
       "Trường «Lý do (dòng 2)»: vắng mặt cần ghi lý do."},
      {{{"site", 1}, {"entries", {{{"participant", "một"}, {"status", "present"}}}}},
       400,
       "entries[0].participant",
       "Trường «Số hiệu người tham dự (dòng 1)»: phải là số nguyên."},
      {{{"site", 1},
        {"entries",
         {{{"member", "MA1"}, {"status", "present"}}, {{"member", "MA1"}, {"status", "late"}}}}},
       400,
       "entries[1].member",
       "Trường «Đảng viên (dòng 2)»: người này đã có ở dòng 1; mỗi người ghi một lần."},
      {{{"site", 1}, {"entries", "MA1"}}, 400, "entries", "Trường «Danh sách điểm danh»: "},
      {{{"site", 1}}, 400, "entries", "Trường «Danh sách điểm danh»: chưa có ai để điểm danh"},
      {{{"site", 2}, {"all_unrecorded", true}}, 404, "site", "Trường «Điểm cầu»: "},
      {{{"entries", {{{"member", "MA1"}, {"status", "present"}}}}},
       400,
       "site",
       "Trường «Điểm cầu»: chưa nhập số điểm cầu."},
  };
  const std::string before = dump_database(server.db_path());
  for (const auto& k : cases) {
    Reply r = office.post(c + "/attendance/bulk", k.body);
    EXPECT_EQ(r.status, k.status) << k.body.dump() << ": " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], k.field) << r.raw;
    EXPECT_EQ(r.body["error"]["message"].get<std::string>().rfind(k.message, 0), 0u) << r.raw;
  }
  EXPECT_EQ(dump_database(server.db_path()), before) << "a refused list changed the database";

  Reply recorded = office.post(
      c + "/attendance/bulk",
      {{"site", 1},
       {"entries", {{{"member", "MA2"}, {"status", "absent"}, {"reason", "Đi công tác"}}}},
       {"all_unrecorded", true}});
  ASSERT_EQ(recorded.status, 200) << recorded.raw;
  EXPECT_EQ(recorded.body, json({{"conference", id}}));
  Reply shown = office.get(c);
  ASSERT_EQ(shown.status, 200);
  for (const auto& p : shown.body["participants"]) {
    if (p["member"] == "MA1") {
      EXPECT_EQ(p["attendance"], "present");
      EXPECT_EQ(p["site"], 1);
    } else if (p["member"] == "MA2") {
      EXPECT_EQ(p["attendance"], "absent");
      EXPECT_EQ(p["reason"], "Đi công tác");
    } else {
      EXPECT_EQ(p["attendance"], "invited") << "a guest is recorded only when named";
    }
  }
  EXPECT_EQ(shown.body["unrecorded"], 1);
  EXPECT_EQ(shown.body["quorum"]["present"], 1);

  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply audit = admin.get("/api/v1/audit?limit=5");
  ASSERT_EQ(audit.status, 200);
  const json& entry = audit.body["entries"][1];  // [0]: the admin's login
  EXPECT_EQ(entry["action"], "conference.attendance_bulk");
  EXPECT_EQ(entry["action_label"], "Điểm danh nhiều người dự hội nghị");
  std::map<std::string, std::string> changes;
  for (const auto& ch : entry["changes"]) changes[ch["field"]] = ch["after"];
  EXPECT_EQ(changes["entries"],
            "(Đảng viên: MA2; Lý do: Đi công tác; Tình hình tham dự: được mời → vắng mặt), "
            "(Đảng viên: MA1; Tình hình tham dự: được mời → có mặt)");
  EXPECT_EQ(changes["all_unrecorded"], "Có");
  EXPECT_EQ(changes["recorded"], "2");
}

TEST(ConferenceApi, WritesNeedTheTokenAndTheRoleAndOtherScopesSeeNothing) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const long long id = record_review(office);
  const std::string c = "/api/v1/conferences/" + std::to_string(id);
  // Everyone logs in first: a login is a write (its session and audit entry).
  Browser viewer(server.port()), inspector(server.port()), secretary(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  ASSERT_EQ(inspector.login("inspector").status, 200);
  ASSERT_EQ(secretary.login("secretary").status, 200);
  const std::string before = dump_database(server.db_path());

  // No CSRF token: refused before anything is read.
  const std::string token = office.csrf();
  office.csrf().clear();
  Reply no_token = office.post(c + "/conclusion", {{"text", "Khác"}});
  EXPECT_EQ(no_token.status, 403) << no_token.raw;
  office.csrf() = token;

  // A viewer and an inspector read but do not record.
  for (Browser* reader : {&viewer, &inspector}) {
    Browser& b = *reader;
    const char* who = reader == &viewer ? "viewer" : "inspector";
    EXPECT_EQ(b.get(c).status, 200) << who;
    EXPECT_EQ(b.get(c + "/minutes").status, 200) << who;
    Reply w = b.post(c + "/conclusion", {{"text", "Khác"}});
    EXPECT_EQ(w.status, 403) << who << ": " << w.raw;
    Reply create =
        b.post("/api/v1/orgs/DBA/conferences",
               {{"kind", "half_year_review"}, {"period", "2026-H1"}, {"date", "2026-07-06"}});
    EXPECT_EQ(create.status, 403) << who;
  }
  // The branch secretary of A1 does not see DBA's conference: answered as unknown, nothing leaks.
  for (const char* path : {"", "/minutes", "/invitation", "/news?format=txt"}) {
    Reply r = secretary.get(c + path);
    EXPECT_EQ(r.status, 404) << path << ": " << r.raw;
    EXPECT_EQ(r.raw.find("Trần Thị Thu"), std::string::npos);
    EXPECT_EQ(r.raw.find("Hà Nội"), std::string::npos);
  }
  EXPECT_EQ(secretary.get("/api/v1/orgs/DBA/conferences").status, 404);
  EXPECT_EQ(secretary.get("/api/v1/orgs/DBA/overdue-tasks").status, 404);
  EXPECT_EQ(dump_database(server.db_path()), before);
}

}  // namespace
}  // namespace dangvu::testing
