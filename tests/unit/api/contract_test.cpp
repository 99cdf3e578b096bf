// The answers docs/openapi.yaml promises, for the operations and cases the other API tests do not
// reach: every operation is answered with success at least once by the API tests (api_contract
// checks each recorded answer against the file, and fails for an operation never answered), the
// next briefing of a cluster names its rotation, a one-time password is refused on every
// conference read, limits and a missing site are refused naming the field (in Vietnamese in the
// message, by the API's name in `field`), and an unknown route is not cached.
#include <gtest/gtest.h>

#include <map>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

TEST(Contract, TheOrgOperationsAnswerTheirRecord) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  for (const char* code : {"X1", "X2"}) {
    Reply created = admin.post("/api/v1/orgs", {{"code", code},
                                                {"name", std::string("Chi bộ ") + code},
                                                {"kind", "sub_branch"},
                                                {"parent", "DBA"},
                                                {"date", "2026-01-01"}});
    ASSERT_EQ(created.status, 201) << created.raw;
  }
  Reply merged = admin.post("/api/v1/orgs/merge", {{"from", {"X1", "X2"}},
                                                   {"into", "X3"},
                                                   {"new_name", "Chi bộ X3"},
                                                   {"new_kind", "sub_branch"},
                                                   {"new_parent", "DBA"},
                                                   {"date", "2026-06-01"}});
  ASSERT_EQ(merged.status, 200) << merged.raw;
  EXPECT_EQ(merged.body, json({{"code", "X3"}}));
  Reply moved = admin.post("/api/v1/orgs/X3/move", {{"parent", "DBB"}, {"date", "2026-07-01"}});
  ASSERT_EQ(moved.status, 200) << moved.raw;
  EXPECT_EQ(moved.body, json({{"code", "X3"}}));
  Reply split = admin.post(
      "/api/v1/orgs/X3/split",
      {{"parts",
        {{{"code", "X4"}, {"name", "Chi bộ X4"}}, {{"code", "X5"}, {"name", "Chi bộ X5"}}}},
       {"date", "2026-08-01"}});
  ASSERT_EQ(split.status, 200) << split.raw;
  Reply dissolved = admin.post("/api/v1/orgs/X5/dissolve", {{"date", "2026-09-01"}});
  ASSERT_EQ(dissolved.status, 200) << dissolved.raw;
  Reply tree = admin.get("/api/v1/tree?org=DBB");
  ASSERT_EQ(tree.status, 200) << tree.raw;
  ASSERT_EQ(tree.body["root"]["children"].size(), 2u);  // B1 and X4
  EXPECT_EQ(tree.body["root"]["children"][1]["code"], "X4");
}

TEST(Contract, MemberEventsAccountsIssuersAndIndicatorsAnswerTheirRecord) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply event = office.post("/api/v1/members/MA1/events",
                            {{"kind", "transfer"}, {"org", "A2"}, {"date", "2026-06-01"}});
  ASSERT_EQ(event.status, 201) << event.raw;
  EXPECT_EQ(event.body["member"], "MA1");
  EXPECT_TRUE(event.body["event_id"].is_number_integer());
  Reply member = office.get("/api/v1/members/MA1");
  ASSERT_EQ(member.status, 200) << member.raw;
  EXPECT_EQ(member.body["org"], "A2");
  EXPECT_EQ(member.body["admitted_on"], "2026-03-01");
  EXPECT_TRUE(member.body["recognition_due"].is_string());
  EXPECT_TRUE(member.body["badge_years"].is_null());

  Reply issuer = office.get("/api/v1/orgs/DBA/issuer?at=2026-11-01");
  ASSERT_EQ(issuer.status, 200) << issuer.raw;
  EXPECT_EQ(issuer.body["org"], "DBA");
  Reply set =
      office.post("/api/v1/orgs/DBA/issuer", {{"date", "2026-01-01"}, {"place", "An Bình"}});
  ASSERT_EQ(set.status, 200) << set.raw;
  EXPECT_EQ(set.body["place"], "An Bình");
  Reply holder =
      office.post("/api/v1/orgs/DBA/office-holders",
                  {{"date", "2026-01-01"}, {"position", "secretary"}, {"name", "Nguyễn Văn Bí"}});
  ASSERT_EQ(holder.status, 200) << holder.raw;
  EXPECT_EQ(holder.body["signer_name"], "Nguyễn Văn Bí");

  Reply definitions = office.get("/api/v1/indicators");
  ASSERT_EQ(definitions.status, 200) << definitions.raw;
  EXPECT_FALSE(definitions.body["indicators"].empty());

  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply reset = admin.post("/api/v1/users/viewer/password", json::object());
  ASSERT_EQ(reset.status, 200) << reset.raw;
  EXPECT_EQ(reset.body["username"], "viewer");
  EXPECT_FALSE(reset.body.value("one_time_password", "").empty());
}

TEST(Contract, TheNextBriefingOfAClusterNamesItsRotation) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply none = admin.get("/api/v1/orgs/CUM1/next-conference");
  ASSERT_EQ(none.status, 200) << none.raw;
  EXPECT_TRUE(none.body.contains("rotation"));
  EXPECT_TRUE(none.body["rotation"].is_null());
  EXPECT_TRUE(none.body["previous"].is_null());

  Reply created =
      admin.post("/api/v1/orgs/CUM1/conferences", {{"kind", "cluster_briefing"},
                                                   {"period", "2026-Q2"},
                                                   {"date", "2026-07-10"},
                                                   {"chair_name", "Đại diện Cụm trưởng"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string c = "/api/v1/conferences/" + std::to_string(created.body.value("id", 0LL));
  Reply rotation = admin.post(c + "/decisions", {{"leading", "DBA"}, {"deputy", "CB1"}});
  ASSERT_EQ(rotation.status, 201) << rotation.raw;
  Reply general = admin.post(c + "/decisions", {{"text", "Thống nhất nội dung giao ban quý III."}});
  ASSERT_EQ(general.status, 201) << general.raw;
  EXPECT_EQ(general.body, json({{"seq", 2}}));

  Reply next = admin.get("/api/v1/orgs/CUM1/next-conference");
  ASSERT_EQ(next.status, 200) << next.raw;
  EXPECT_EQ(next.body["previous"]["id"], created.body["id"]);
  ASSERT_TRUE(next.body["rotation"].is_object()) << next.raw;
  EXPECT_EQ(next.body["rotation"]["kind"], "cluster_rotation");
  EXPECT_EQ(next.body["rotation"]["cluster"], "CUM1");
  EXPECT_EQ(next.body["rotation"]["leading"], "DBA");
  EXPECT_EQ(next.body["rotation"]["deputy"], "CB1");
  EXPECT_EQ(next.body["rotation"]["for_period"], "2026-Q3");
  Reply before = admin.get("/api/v1/orgs/CUM1/next-conference?at=2026-07-09");
  ASSERT_EQ(before.status, 200) << before.raw;
  EXPECT_TRUE(before.body["rotation"].is_null());
  Reply shown = admin.get(c);
  ASSERT_EQ(shown.status, 200) << shown.raw;
  ASSERT_EQ(shown.body["decisions"].size(), 2u);
  EXPECT_FALSE(shown.body["decisions"][1].contains("cluster")) << "a general decision";
}

TEST(Contract, AOneTimePasswordIsRefusedOnEveryConferenceRead) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply created = admin.post("/api/v1/users", {{"username", "lan.nguyen"},
                                               {"display_name", "Nguyễn Thị Lan"},
                                               {"role", "viewer"},
                                               {"org", "DBA"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  Browser lan(server.port());
  ASSERT_EQ(lan.login("lan.nguyen", created.body["one_time_password"]).status, 200);
  for (const char* path : {"/api/v1/orgs/DBA/conferences", "/api/v1/orgs/DBA/overdue-tasks",
                           "/api/v1/orgs/DBA/next-conference", "/api/v1/conferences/1",
                           "/api/v1/conferences/1/invitation", "/api/v1/conferences/1/minutes",
                           "/api/v1/conferences/1/news"}) {
    Reply r = lan.get(path);
    EXPECT_EQ(r.status, 403) << path << " " << r.raw;
    EXPECT_EQ(r.body["error"]["rule"], "password.must_change") << path;
  }
}

TEST(Contract, LimitsAndAMissingSiteAreRefusedNamingTheField) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  for (const char* path :
       {"/api/v1/documents?limit=501", "/api/v1/documents?limit=0",
        "/api/v1/orgs/DBA/activities?limit=501", "/api/v1/orgs/DBA/conferences?limit=501"}) {
    Reply r = office.get(path);
    EXPECT_EQ(r.status, 400) << path << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], "limit") << path;
    EXPECT_EQ(r.body["error"]["message"], "Trường «Số dòng»: số dòng phải từ 1 đến 500.") << path;
  }
  EXPECT_EQ(office.get("/api/v1/documents?limit=500").status, 200);

  Reply created =
      office.post("/api/v1/orgs/DBA/conferences",
                  {{"kind", "half_year_review"}, {"period", "2026-H1"}, {"date", "2026-07-06"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string c = "/api/v1/conferences/" + std::to_string(created.body.value("id", 0LL));
  ASSERT_EQ(office.post(c + "/sites", {{"name", "Điểm cầu Hà Nội"}, {"address", "Hà Nội"}}).status,
            201);
  ASSERT_EQ(office.post(c + "/invitations", {{"members", {"MA1"}}}).status, 200);
  Reply no_site = office.post(c + "/attendance", {{"member", "MA1"}, {"status", "present"}});
  EXPECT_EQ(no_site.status, 400) << no_site.raw;
  EXPECT_EQ(no_site.body["error"]["field"], "site");
  EXPECT_EQ(no_site.body["error"]["message"], "Trường «Điểm cầu»: chưa nhập số điểm cầu.");
  Reply unknown_site =
      office.post(c + "/attendance", {{"member", "MA1"}, {"site", 2}, {"status", "present"}});
  EXPECT_EQ(unknown_site.status, 404) << unknown_site.raw;
  EXPECT_EQ(unknown_site.body["error"]["field"], "site");
  Reply recorded =
      office.post(c + "/attendance", {{"member", "MA1"}, {"site", 1}, {"status", "present"}});
  EXPECT_EQ(recorded.status, 200) << recorded.raw;
}

// A refusal is read where no form field stands beside it too (a notice, a list of refusals): its
// message names the field by the Vietnamese label (core/field_labels.h), as the action means it,
// while `field` keeps the API's name for the form; a refused write changes nothing.
TEST(Contract, ARefusalNamesTheFieldInVietnameseAndKeepsTheApiName) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const std::string before = dump_database(server.db_path());
  struct Case {
    Browser* who;
    std::string path;
    json body;  // null: a GET
    int status;
    std::string field, message;
  };
  const std::vector<Case> cases = {
      {&office,
       "/api/v1/orgs/DBA/oversights",
       {{"kind", "inspection"},
        {"basis", "planned"},
        {"date", "2026-10-01"},
        {"subject_member", "ZZ9"},
        {"conclusion", "Tốt"}},
       404,
       "subject_member",
       "Trường «Đảng viên được kiểm tra, giám sát»: không có đảng viên mã «ZZ9»."},
      {&office,
       "/api/v1/members/MA1/events",
       {{"kind", "transfer"}, {"org", "NOPE"}, {"date", "2026-06-01"}},
       404,
       "org",
       "Trường «Tổ chức»: không có tổ chức mã «NOPE»."},
      // "from" of a merge is the orgs merged; elsewhere the first day of a range.
      {&admin,
       "/api/v1/orgs/merge",
       {{"from", {"A1", "NOPE"}}, {"into", "A2"}, {"date", "2026-06-01"}},
       404,
       "from",
       "Trường «Các tổ chức được hợp nhất»: không có tổ chức mã «NOPE»."},
      {&admin, "/api/v1/audit?from=01/06/2026", nullptr, 400, "from", "Trường «Từ ngày»: "},
  };
  for (const auto& k : cases) {
    Reply r = k.body.is_null() ? k.who->get(k.path) : k.who->post(k.path, k.body);
    EXPECT_EQ(r.status, k.status) << k.path << " " << r.raw;
    EXPECT_EQ(r.body["error"]["field"], k.field) << k.path << " " << r.raw;
    EXPECT_EQ(r.body["error"]["message"].get<std::string>().rfind(k.message, 0), 0u)
        << k.path << " " << r.raw;
  }
  EXPECT_EQ(dump_database(server.db_path()), before);
}

// The audit log reads in Vietnamese: each entry's action and actor named for a person, its detail
// as changes (a label, the old and the new value as text), beside what was recorded.
TEST(Contract, TheAuditLogNamesActionsActorsAndChangesInVietnamese) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  ASSERT_EQ(admin
                .post("/api/v1/orgs/A1/rename",
                      {{"name", "Chi bộ Phòng Tổ chức"}, {"date", "2026-07-01"}})
                .status,
            200);
  ASSERT_EQ(office
                .post("/api/v1/orgs/A1/meetings", {{"date", "2026-05-05"},
                                                   {"kind", "thematic"},
                                                   {"topic", "Học tập chuyên đề năm 2026"},
                                                   {"quality", "good"}})
                .status,
            201);
  Reply audit = admin.get("/api/v1/audit?limit=1000");
  ASSERT_EQ(audit.status, 200) << audit.raw;
  std::map<std::string, json> first;  // the newest entry of each action
  for (const auto& e : audit.body["entries"]) {
    EXPECT_FALSE(e["action_label"].get<std::string>().empty()) << e.dump();
    EXPECT_NE(e["action_label"], e["action"]) << e.dump();
    first.emplace(e["action"].get<std::string>(), e);
  }
  const json& renamed = first["org.rename"];
  EXPECT_EQ(renamed["action_label"], "Đổi tên tổ chức");
  EXPECT_EQ(renamed["actor"], "admin");
  EXPECT_EQ(renamed["actor_label"], "admin");
  EXPECT_EQ(renamed["detail"]["before_name"], "Chi bộ A1");
  EXPECT_EQ(renamed["changes"], json::parse(R"([
              {"field":"code","label":"Mã tổ chức","before":"","after":"A1"},
              {"field":"date","label":"Ngày","before":"","after":"01/07/2026"},
              {"field":"name","label":"Tên tổ chức","before":"Chi bộ A1",
               "after":"Chi bộ Phòng Tổ chức"}])"));
  const json& meeting = first["meeting.add"];
  EXPECT_EQ(meeting["action_label"], "Ghi buổi sinh hoạt chi bộ");
  EXPECT_EQ(meeting["actor_label"], "office");
  bool kind = false;
  for (const auto& c : meeting["changes"]) {
    if (c["field"] == "kind") {
      kind = true;
      EXPECT_EQ(c["label"], "Loại buổi sinh hoạt");
      EXPECT_EQ(c["after"], "chuyên đề");
    }
  }
  EXPECT_TRUE(kind) << meeting.dump();
  EXPECT_EQ(first["session.login"]["action_label"], "Đăng nhập");
  // The accounts were made on the command line by "cli:test".
  EXPECT_EQ(first["account.create"]["actor"], "cli:test");
  EXPECT_EQ(first["account.create"]["actor_label"], "Dòng lệnh (test)");
  EXPECT_EQ(first["member.add"]["action_label"], "Thêm hồ sơ đảng viên");
}

TEST(Contract, AnUnknownRouteIsAnsweredWithTheErrorShapeAndNotCached) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/v1/nothing-here"}, {"DELETE", "/api/v1/members"}, {"GET", "/nothing"}}) {
    Reply r = admin.raw(method, path, "", "");
    EXPECT_EQ(r.status, 404) << method << " " << path;
    EXPECT_EQ(r.header("Cache-Control"), "no-store") << method << " " << path;
    EXPECT_EQ(r.error_code(), "not_found") << method << " " << path;
  }
}

}  // namespace
}  // namespace dangvu::testing
