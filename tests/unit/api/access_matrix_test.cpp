// The role × route × in-scope/out-of-scope matrix, over HTTP against the real server: each cell
// says the status and, for refusals, that no data of the record is in the answer. Writes that the
// role and scope allow are sent with a date the rules refuse, so they prove the access check
// passed (409) without changing the database; the matrix then checks the database is unchanged.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <sstream>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

struct Cell {
  std::string method, path;
  json body;
  // Expected status per account, in the order admin, office, secretary, inspector, viewer.
  std::array<int, 5> expect;
  std::string must_not_contain;  // text of the record that a refusal must not leak
};

const std::array<const char*, 5> kAccounts = {"admin", "office", "secretary", "inspector",
                                              "viewer"};

std::vector<Cell> matrix() {
  const json early_recognition = {{"kind", "recognition"}, {"date", "2026-06-01"}};
  const json future_fact = {
      {"changes", {{{"field", "occupation"}, {"value", "worker"}, {"from", "2099-01-01"}}}}};
  const json rename_before_creation = {{"name", "Tên mới"}, {"date", "1999-01-01"}};
  const json absent_stranger = {{"date", "2026-05-05"},
                                {"quality", "good"},
                                {"absent", {{{"member", "MB1"}, {"reason", "Ốm"}}}}};
  json absent_stranger_b = absent_stranger;
  absent_stranger_b["absent"][0]["member"] = "MA1";
  const json inspect_b1 = {{"kind", "inspection"},
                           {"date", "2026-05-05"},
                           {"subject_org", "B1"},
                           {"conclusion", "Tốt."}};
  const json inspect_a1 = {{"kind", "inspection"},
                           {"date", "2026-05-05"},
                           {"subject_org", "A1"},
                           {"conclusion", "Tốt."}};
  return {
      // Reads of the tree and statistics.
      {"GET", "/api/v1/tree?org=DBA", {}, {200, 200, 404, 200, 200}, "Chi bộ A2"},
      {"GET", "/api/v1/tree?org=DBB", {}, {200, 404, 404, 404, 404}, "Chi bộ B1"},
      {"GET", "/api/v1/orgs/A1/stats", {}, {200, 200, 200, 200, 200}, ""},
      {"GET", "/api/v1/orgs/A2/stats", {}, {200, 200, 404, 200, 200}, "Chi bộ A2"},
      {"GET", "/api/v1/orgs/B1/stats", {}, {200, 404, 404, 404, 404}, "Chi bộ B1"},
      {"GET", "/api/v1/orgs/TU/stats", {}, {200, 404, 404, 404, 404}, "Đảng bộ tỉnh"},
      {"GET", "/api/v1/orgs/DBA/events", {}, {200, 200, 404, 200, 200}, "Bình"},
      {"GET", "/api/v1/orgs/B1/events", {}, {200, 404, 404, 404, 404}, "Chính"},
      // Single member records.
      {"GET", "/api/v1/members/MA1", {}, {200, 200, 200, 200, 200}, ""},
      {"GET", "/api/v1/members/MA2", {}, {200, 200, 404, 200, 200}, "Bình"},
      {"GET", "/api/v1/members/MB1", {}, {200, 404, 404, 404, 404}, "Chính"},
      {"GET", "/api/v1/members?org=DBB", {}, {200, 404, 404, 404, 404}, "Chính"},
      // Member writes: allowed roles in scope reach the rule check (409).
      {"POST", "/api/v1/members/MA1/events", early_recognition, {409, 409, 409, 403, 403}, ""},
      {"POST", "/api/v1/members/MA2/events", early_recognition, {409, 409, 404, 403, 403}, ""},
      {"POST", "/api/v1/members/MB1/events", early_recognition, {409, 404, 404, 403, 403}, ""},
      // The dossier: read by scope (sensitive fields by role: dossier_test.cpp); a change dated
      // in the future reaches the rule check (409) for the roles that keep members.
      {"GET", "/api/v1/members/MA1/dossier", {}, {200, 200, 200, 200, 200}, ""},
      {"GET", "/api/v1/members/MA2/dossier", {}, {200, 200, 404, 200, 200}, "Bình"},
      {"GET", "/api/v1/members/MB1/dossier", {}, {200, 404, 404, 404, 404}, "Chính"},
      {"POST", "/api/v1/members/MA1/dossier", future_fact, {409, 409, 409, 403, 403}, ""},
      {"POST", "/api/v1/members/MA2/dossier", future_fact, {409, 409, 404, 403, 403}, ""},
      {"POST", "/api/v1/members/MB1/dossier", future_fact, {409, 404, 404, 403, 403}, ""},
      // The member list out: any role, by scope; with the dossier's sensitive columns only the
      // roles holding export_sensitive (refused before the scope is looked at).
      {"GET", "/api/v1/export/members?org=DBA", {}, {200, 200, 404, 200, 200}, "Bình"},
      {"GET",
       "/api/v1/export/members?org=DBA&sensitive=true",
       {},
       {200, 200, 403, 403, 403},
       "Bình"},
      {"GET",
       "/api/v1/export/members?org=DBB&sensitive=true",
       {},
       {200, 404, 403, 403, 403},
       "Chính"},
      // Org operations: the committee office in its subtree, never its own org's structure.
      {"POST", "/api/v1/orgs/A2/rename", rename_before_creation, {409, 409, 403, 403, 403}, ""},
      {"POST", "/api/v1/orgs/B1/rename", rename_before_creation, {409, 404, 403, 403, 403}, ""},
      {"POST",
       "/api/v1/orgs/DBA/dissolve",
       {{"date", "2026-01-01"}},
       {409, 403, 403, 403, 403},
       ""},
      {"POST",
       "/api/v1/orgs/A1/move",
       {{"parent", "DBB"}, {"date", "1999-01-01"}},
       {409, 404, 403, 403, 403},
       ""},
      // Work records: reads by scope; writes reach a refusal inside the transaction (an absent
      // member from another branch: 400; an inspection subject outside the holder: 409).
      {"GET",
       "/api/v1/orgs/DBA/indicators?period=2026-H1",
       {},
       {200, 200, 404, 200, 200},
       "Chi bộ A2"},
      {"GET",
       "/api/v1/orgs/DBB/indicators?period=2026-H1",
       {},
       {200, 404, 404, 404, 404},
       "Chi bộ B1"},
      {"GET", "/api/v1/orgs/DBA/activities", {}, {200, 200, 404, 200, 200}, ""},
      {"GET", "/api/v1/orgs/B1/activities", {}, {200, 404, 404, 404, 404}, ""},
      {"GET", "/api/v1/orgs/B1/plan?year=2026", {}, {200, 404, 404, 404, 404}, "Chi bộ B1"},
      {"POST", "/api/v1/orgs/A1/meetings", absent_stranger, {400, 400, 400, 403, 403}, ""},
      {"POST", "/api/v1/orgs/B1/meetings", absent_stranger_b, {400, 404, 404, 403, 403}, ""},
      {"POST", "/api/v1/orgs/DBA/oversights", inspect_b1, {409, 409, 403, 409, 403}, ""},
      {"POST", "/api/v1/orgs/DBB/oversights", inspect_a1, {409, 404, 403, 404, 403}, ""},
      {"POST",
       "/api/v1/orgs/B1/plan",
       {{"year", 2026}, {"indicator", "inspected_orgs"}, {"target", 3}},
       {200, 404, 403, 403, 403},
       ""},
      // Administration.
      {"GET", "/api/v1/audit", {}, {200, 403, 403, 403, 403}, ""},
      {"GET", "/api/v1/users", {}, {200, 403, 403, 403, 403}, "office"},
      {"POST", "/api/v1/users", {{"username", "x"}}, {400, 403, 403, 403, 403}, ""},
      {"POST", "/api/v1/users/nobody/password", json::object(), {404, 403, 403, 403, 403}, ""},
      {"POST", "/api/v1/users/nobody/disable", json::object(), {404, 403, 403, 403, 403}, ""},
      // Anyone logged in.
      {"GET", "/api/v1/rules", {}, {200, 200, 200, 200, 200}, ""},
      {"GET", "/api/v1/session", {}, {200, 200, 200, 200, 200}, ""},
  };
}

TEST(AccessMatrix, EveryRoleGetsExactlyWhatItsScopeAllows) {
  ApiServer server;
  std::map<std::string, Browser> browsers;
  for (const char* account : kAccounts) {
    auto [it, _] = browsers.try_emplace(account, server.port());
    ASSERT_EQ(it->second.login(account).status, 200) << account;
  }
  const std::string before = dump_database(server.db_path());
  std::string before_records = before.substr(0, before.find("CREATE TABLE audit_log"));
  for (const auto& cell : matrix()) {
    for (std::size_t i = 0; i < kAccounts.size(); ++i) {
      Browser& b = browsers.at(kAccounts[i]);
      Reply r = cell.method == "GET" ? b.get(cell.path) : b.post(cell.path, cell.body);
      EXPECT_EQ(r.status, cell.expect[i])
          << kAccounts[i] << " " << cell.method << " " << cell.path << " → " << r.raw;
      if (r.status >= 400) {
        EXPECT_TRUE(r.body.contains("error")) << r.raw;
        EXPECT_FALSE(r.body["error"].value("message", "").empty()) << r.raw;
        if (!cell.must_not_contain.empty()) {
          EXPECT_EQ(r.raw.find(cell.must_not_contain), std::string::npos)
              << kAccounts[i] << " " << cell.path << " leaked: " << r.raw;
        }
      }
    }
  }
  // No refused or rule-checked write changed a record (the audit log and sessions did change).
  auto records_of = [](const std::string& dump) {
    std::string out;
    std::istringstream in(dump);
    for (std::string line; std::getline(in, line);) {
      if (line.find("INSERT INTO member") == 0 || line.find("INSERT INTO org") == 0) {
        out += line + "\n";
      }
    }
    return out;
  };
  EXPECT_EQ(records_of(dump_database(server.db_path())), records_of(before));
}

TEST(AccessMatrix, ListsAndSearchOnlyCoverTheCallersSubtree) {
  ApiServer server;
  const std::map<std::string, int> expected_total = {
      {"admin", 3}, {"office", 2}, {"secretary", 1}, {"inspector", 2}, {"viewer", 2}};
  for (const auto& [account, total] : expected_total) {
    Browser b(server.port());
    ASSERT_EQ(b.login(account).status, 200);
    Reply all = b.get("/api/v1/members");
    ASSERT_EQ(all.status, 200) << all.raw;
    EXPECT_EQ(all.body["total"], total) << account;
    // "dam van chinh" is in DBB: only the administrator finds him.
    Reply search = b.get("/api/v1/members?q=dam%20van%20chinh");
    ASSERT_EQ(search.status, 200);
    EXPECT_EQ(search.body["total"], account == "admin" ? 1 : 0) << account;
    // The tree without an org starts at the caller's own org.
    Reply tree = b.get("/api/v1/tree");
    ASSERT_EQ(tree.status, 200);
    const std::map<std::string, std::string> root = {{"admin", "TU"},
                                                     {"office", "DBA"},
                                                     {"secretary", "A1"},
                                                     {"inspector", "DBA"},
                                                     {"viewer", "DBA"}};
    EXPECT_EQ(tree.body["root"]["code"], root.at(account));
  }
}

TEST(AccessMatrix, AnAllowedWriteIsDoneAndAuditedWithWhoWhereAndWhich) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply added = office.post(
      "/api/v1/members",
      {{"code", "MA3"},
       {"family", "Lê"},
       {"middle", ""},
       {"given", "Chi"},
       {"birth_date", "1995-01-02"},
       {"first", {{"kind", "candidate_registration"}, {"date", "2026-10-01"}, {"org", "A2"}}}});
  ASSERT_EQ(added.status, 201) << added.raw;
  Reply shown = office.get("/api/v1/members/MA3");
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body["full_name"], "Lê Chi");
  EXPECT_EQ(shown.body["status"], "candidate");
  Reply recent = office.get("/api/v1/orgs/A2/events");
  ASSERT_EQ(recent.status, 200) << recent.raw;
  ASSERT_FALSE(recent.body["events"].empty());
  EXPECT_EQ(recent.body["events"][0]["member"], "MA3");
  EXPECT_EQ(recent.body["events"][0]["kind"], "candidate_registration");
  EXPECT_EQ(recent.body["events"][0]["date"], "2026-10-01");
  EXPECT_EQ(office.get("/api/v1/orgs/A1/events").raw.find("MA3"), std::string::npos);
  Reply before = office.get("/api/v1/orgs/A2/events?at=2026-09-30");
  EXPECT_EQ(before.raw.find("MA3"), std::string::npos) << "as of a date before it happened";

  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply audit = admin.get("/api/v1/audit?user=office");
  ASSERT_EQ(audit.status, 200) << audit.raw;
  bool found = false;
  for (const auto& e : audit.body["entries"]) {
    if (e["action"] == "member.add") {
      found = true;
      EXPECT_EQ(e["target"], "MA3");
      EXPECT_EQ(e["org"], "A2");
      EXPECT_EQ(e["address"], "127.0.0.1");
      EXPECT_EQ(e["detail"]["name"], "Lê Chi");
    }
  }
  EXPECT_TRUE(found) << audit.raw;
  // By org: the entry is under DBA's subtree and not under DBB's.
  EXPECT_NE(admin.get("/api/v1/audit?org=DBA").raw.find("MA3"), std::string::npos);
  EXPECT_EQ(admin.get("/api/v1/audit?org=DBB").raw.find("MA3"), std::string::npos);
  // By time: nothing before the day it happened.
  Reply old = admin.get("/api/v1/audit?to=2026-11-21");
  ASSERT_EQ(old.status, 200);
  EXPECT_TRUE(old.body["entries"].empty()) << old.raw;
}

}  // namespace
}  // namespace dangvu::testing

namespace dangvu::testing {
namespace {

TEST(AccessMatrix, AnOutOfScopeMemberAnswersAsUnknownWhateverElseIsWrong) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  // MB1 is in DBB, outside the office's scope: a wrong correction number, an unknown org or a
  // malformed date must not tell it apart from a member that does not exist.
  for (const json& body :
       {json{{"kind", "correction"}, {"corrects", 999999}, {"voids", true}, {"reason", "Nhầm"}},
        json{{"kind", "transfer"}, {"org", "NOPE"}, {"date", "2026-05-01"}},
        json{{"kind", "recognition"}, {"date", "2026-13-45"}}}) {
    Reply hidden = office.post("/api/v1/members/MB1/events", body);
    Reply unknown = office.post("/api/v1/members/NOBODY/events", body);
    EXPECT_EQ(hidden.status, 404) << hidden.raw;
    EXPECT_EQ(hidden.body["error"]["field"], "member") << hidden.raw;
    EXPECT_EQ(unknown.body["error"]["field"], "member") << unknown.raw;
  }
}

}  // namespace
}  // namespace dangvu::testing

namespace dangvu::testing {
namespace {

// Every code in a tree node and below it.
void codes_in(const json& node, std::vector<std::string>& out) {
  out.push_back(node["code"].get<std::string>());
  for (const auto& c : node["children"]) codes_in(c, out);
}

// A committee formed on 1/7/2026 (DBCQ, taking over DBA and CB1) looks at a day before it existed:
// the tree is the units it holds as they stood then, each counted as it is asked alone, with the
// committee's code, name and the day it was formed; nothing outside its scope shows.
TEST(AccessMatrix, ACommitteeFormedLaterSeesTheUnitsItHoldsAsTheyStood) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply member =
      admin.post("/api/v1/members",
                 {{"code", "MC1"},
                  {"family", "Phạm"},
                  {"middle", "Thị"},
                  {"given", "Cúc"},
                  {"birth_date", "1990-05-06"},
                  {"first", {{"kind", "admission"}, {"date", "2026-03-01"}, {"org", "CB1"}}}});
  ASSERT_EQ(member.status, 201) << member.raw;
  Reply merged =
      admin.post("/api/v1/orgs/merge", {{"from", {"A2"}}, {"into", "A1"}, {"date", "2026-05-01"}});
  ASSERT_EQ(merged.status, 200) << merged.raw;
  Reply created = admin.post("/api/v1/orgs", {{"code", "DBCQ"},
                                              {"name", "Đảng bộ các cơ quan Đảng tỉnh"},
                                              {"kind", "upper_committee"},
                                              {"parent", "TU"},
                                              {"date", "2026-07-01"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  for (const char* code : {"DBA", "CB1"}) {
    Reply moved = admin.post(std::string("/api/v1/orgs/") + code + "/move",
                             {{"parent", "DBCQ"}, {"date", "2026-07-01"}});
    ASSERT_EQ(moved.status, 200) << moved.raw;
  }
  Reply account = admin.post("/api/v1/users", {{"username", "vanphong.cq"},
                                               {"display_name", "Văn phòng Đảng ủy"},
                                               {"role", "committee_office"},
                                               {"org", "DBCQ"}});
  ASSERT_EQ(account.status, 201) << account.raw;
  const std::string once = account.body["one_time_password"];
  Browser cq(server.port());
  ASSERT_EQ(cq.login("vanphong.cq", once).status, 200);
  ASSERT_EQ(cq.post("/api/v1/session/password",
                    {{"current_password", once}, {"new_password", "mat-khau-moi-2026"}})
                .status,
            204);

  // 30/4/2026: before the committee, and before A2 merged into A1.
  Reply then = cq.get("/api/v1/tree?at=2026-04-30");
  ASSERT_EQ(then.status, 200) << then.raw;
  EXPECT_FALSE(then.body.contains("root")) << then.raw;
  EXPECT_EQ(then.body["scope_org"], "DBCQ");
  EXPECT_EQ(then.body["scope_org_name"], "Đảng bộ các cơ quan Đảng tỉnh");
  EXPECT_EQ(then.body["formed_on"], "2026-07-01");
  const json& roots = then.body["roots"];
  ASSERT_EQ(roots.size(), 2u) << then.raw;
  EXPECT_EQ(roots[0]["code"], "CB1");
  EXPECT_EQ(roots[1]["code"], "DBA");
  EXPECT_EQ(roots[0]["counts"]["members"], 1);
  EXPECT_EQ(roots[1]["counts"]["members"], 2);  // MA1 in A1, MA2 in A2
  ASSERT_EQ(roots[1]["children"].size(), 2u);
  // Each as it is asked alone, on the same day.
  for (const auto& root : roots) {
    Reply alone = cq.get("/api/v1/tree?org=" + root["code"].get<std::string>() + "&at=2026-04-30");
    ASSERT_EQ(alone.status, 200) << alone.raw;
    EXPECT_EQ(alone.body["root"], root) << root["code"];
  }
  // Nothing outside its scope: not the cluster DBA and CB1 stood under, nor DBB, B1 or MB1.
  std::vector<std::string> codes;
  for (const auto& root : roots) codes_in(root, codes);
  EXPECT_EQ(codes, (std::vector<std::string>{"CB1", "DBA", "A1", "A2"}));
  for (const char* code : {"TU", "CUM1", "DBB", "B1"}) {
    Reply hidden = cq.get(std::string("/api/v1/tree?org=") + code + "&at=2026-04-30");
    EXPECT_EQ(hidden.status, 404) << code << " " << hidden.raw;
  }
  EXPECT_EQ(cq.get("/api/v1/members?at=2026-04-30").raw.find("MB1"), std::string::npos);
  // Since 1/7/2026, one tree again.
  Reply now = cq.get("/api/v1/tree");
  ASSERT_EQ(now.status, 200) << now.raw;
  EXPECT_EQ(now.body["root"]["code"], "DBCQ");
  EXPECT_FALSE(now.body.contains("formed_on"));
}

}  // namespace
}  // namespace dangvu::testing
