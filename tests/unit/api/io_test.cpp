// Import and export over HTTP against the real server: a file as the body, a dry run, a refusal
// with every problem and nothing written, the valid rows only, a re-import that changes nothing;
// the tree and the member list out as files that import back.
#include <gtest/gtest.h>

#include "support/api_server.h"
#include "support/temp_db.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

Reply upload(Browser& b, const std::string& path, const std::string& bytes) {
  return b.raw("POST", path, bytes, "application/octet-stream", {{"X-CSRF-Token", b.csrf()}});
}

// The problems that block a row (warnings, such as a day-first reading of 05/06, are left out).
json errors_of(const json& report) {
  json out = json::array();
  for (const auto& p : report["problems"]) {
    if (p["severity"] == "error") out.push_back(p);
  }
  return out;
}

const std::string kMembers =
    "Họ và tên,Ngày sinh,Giới tính,Chi bộ,Ngày vào Đảng,Ngày chính thức\r\n"
    "Lê Văn Dũng,05/06/1985,Nam,A1,10/01/2015,10/01/2016\r\n"
    "Phạm Thị Hoa,31/02/1990,Nữ,A2,01/03/2020,\r\n"  // no 31 February
    "Hoàng Minh,12/12/1992,Nam,ZZ,01/03/2021,\r\n";  // no org ZZ

TEST(IoApi, AMemberFileWithBadRowsIsRefusedWithEveryProblemAndNothingWritten) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const std::string before = dump_database(server.db_path());

  Reply dry = upload(office, "/api/v1/import/members?file_name=ds.csv&dry_run=true", kMembers);
  ASSERT_EQ(dry.status, 200) << dry.raw;
  EXPECT_EQ(dry.body["kind"], "members");
  EXPECT_EQ(dry.body["rows"], 3);
  EXPECT_EQ(dry.body["created"], 1);
  EXPECT_EQ(dry.body["rejected"], 2);
  EXPECT_FALSE(dry.body["written"].get<bool>());
  const json errors = errors_of(dry.body);
  ASSERT_EQ(errors.size(), 2u) << dry.raw;
  EXPECT_EQ(dry.body["errors"], 2);
  EXPECT_EQ(errors[0]["row"], 3);
  EXPECT_EQ(errors[0]["column"], "B");
  EXPECT_EQ(errors[1]["row"], 4);
  EXPECT_EQ(errors[1]["column"], "D");
  EXPECT_NE(errors[1]["message"].get<std::string>().find("ZZ"), std::string::npos);
  EXPECT_EQ(dry.body["preview"][0]["given"], "Dũng");
  EXPECT_EQ(dry.body["preview"][0]["outcome"], "new");
  EXPECT_FALSE(dry.body["fields"].empty());

  Reply refused = upload(office, "/api/v1/import/members?file_name=ds.csv", kMembers);
  ASSERT_EQ(refused.status, 400) << refused.raw;
  EXPECT_EQ(refused.body["error"]["rule"], "import.rows_invalid");
  EXPECT_EQ(refused.body["error"]["field"], "file");
  EXPECT_EQ(errors_of(refused.body["report"]).size(), 2u);
  EXPECT_EQ(dump_database(server.db_path()), before);

  Reply valid = upload(office, "/api/v1/import/members?file_name=ds.csv&valid_only=true", kMembers);
  ASSERT_EQ(valid.status, 200) << valid.raw;
  EXPECT_TRUE(valid.body["written"].get<bool>());
  EXPECT_EQ(valid.body["created"], 1);
  Reply list = office.get("/api/v1/members?q=Dũng");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 1) << list.raw;

  // The same file again: the written row is unchanged, the bad rows still refused, nothing written.
  const std::string after = dump_database(server.db_path());
  // The dump sees the server's commits (so "unchanged" above is a real check, not a stale file).
  EXPECT_NE(after, before);
  Reply again = upload(office, "/api/v1/import/members?file_name=ds.csv&valid_only=true", kMembers);
  ASSERT_EQ(again.status, 200) << again.raw;
  EXPECT_EQ(again.body["unchanged"], 1);
  EXPECT_EQ(again.body["created"], 0);
  EXPECT_FALSE(again.body["written"].get<bool>());
  EXPECT_EQ(dump_database(server.db_path()), after);
}

TEST(IoApi, TheUsersMappingIsUsedAndBadUploadsNameTheirField) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const std::string file =
      "Người,Sinh,Chi bộ,Ngày vào Đảng\r\nLê Văn Dũng,05/06/1985,A1,10/01/2015\r\n";
  // "Người" and "Sinh" are no known headers: without a mapping no header row is found.
  Reply none = upload(office, "/api/v1/import/members?file_name=a.csv&dry_run=true", file);
  EXPECT_EQ(none.status, 400) << none.raw;
  EXPECT_EQ(none.body["error"]["field"], "header");
  const std::string mapping =
      httplib::detail::encode_query_param(R"({"Người": "full_name", "B": "birth_date"})");
  Reply mapped = upload(
      office, "/api/v1/import/members?file_name=a.csv&dry_run=true&mapping=" + mapping, file);
  ASSERT_EQ(mapped.status, 200) << mapped.raw;
  EXPECT_EQ(mapped.body["columns"][0]["field"], "full_name");
  EXPECT_TRUE(mapped.body["columns"][0]["by_user"].get<bool>());
  EXPECT_EQ(mapped.body["created"], 1);

  Reply bad_field = upload(office,
                           "/api/v1/import/members?file_name=a.csv&mapping=" +
                               httplib::detail::encode_query_param(R"({"Người": "tuoi"})"),
                           file);
  EXPECT_EQ(bad_field.status, 400);
  EXPECT_EQ(bad_field.body["error"]["field"], "mapping");
  EXPECT_EQ(bad_field.body["error"]["message"].get<std::string>().rfind("Trường «Ghép cột»: ", 0),
            0u);
  Reply bad_name = upload(office, "/api/v1/import/members?file_name=a.txt", file);
  EXPECT_EQ(bad_name.body["error"]["field"], "file_name");
  Reply bad_kind = upload(office, "/api/v1/import/people?file_name=a.csv", file);
  EXPECT_EQ(bad_kind.status, 404);
  Reply bad_flag = upload(office, "/api/v1/import/members?file_name=a.csv&dry_run=maybe", file);
  EXPECT_EQ(bad_flag.body["error"]["field"], "dry_run");
  Reply as_json = office.raw("POST", "/api/v1/import/members?file_name=a.csv", file,
                             "application/json", {{"X-CSRF-Token", office.csrf()}});
  EXPECT_EQ(as_json.status, 400);
  Reply no_csrf = office.raw("POST", "/api/v1/import/members?file_name=a.csv", file,
                             "application/octet-stream");
  EXPECT_EQ(no_csrf.status, 403);
  // A JSON route still refuses a body over 1 MiB, though uploads may be larger.
  Reply big = office.raw("POST", "/api/v1/documents", std::string(2 << 20, ' '), "application/json",
                         {{"X-CSRF-Token", office.csrf()}});
  EXPECT_EQ(big.status, 413);
  std::string rows;
  while (rows.size() < (3u << 20)) rows += "x,y\r\n";
  Reply big_file = upload(office, "/api/v1/import/members?file_name=a.csv", rows);
  EXPECT_EQ(big_file.status, 400) << "3 MiB is within the upload limit: read, no header found";
  EXPECT_EQ(big_file.body["error"]["field"], "header");
}

TEST(IoApi, RolesAndScopeHoldForImports) {
  ApiServer server;
  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  EXPECT_EQ(upload(viewer, "/api/v1/import/members?file_name=ds.csv", kMembers).status, 403);
  Browser secretary(server.port());
  ASSERT_EQ(secretary.login("secretary").status, 200);
  EXPECT_EQ(upload(secretary, "/api/v1/import/orgs?file_name=o.csv",
                   "Mã tổ chức,Tên tổ chức,Loại,Trực thuộc,Ngày thành lập\r\n"
                   "A3,Chi bộ A3,Chi bộ trực thuộc,DBA,01/01/2026\r\n")
                .status,
            403);
  // A branch secretary (A1) importing a member of A2: the row is refused as an unknown org.
  const std::string before = dump_database(server.db_path());
  Reply other = upload(secretary, "/api/v1/import/members?file_name=ds.csv",
                       "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\r\n"
                       "Lê Văn Dũng,05/06/1985,A2,10/01/2015\r\n");
  EXPECT_EQ(other.status, 400) << other.raw;
  ASSERT_EQ(errors_of(other.body["report"]).size(), 1u) << other.raw;
  EXPECT_EQ(errors_of(other.body["report"])[0]["column"], "C");
  EXPECT_EQ(dump_database(server.db_path()), before);
}

// Branches written by name: within the caller's own org, or within `under` (an org it holds); a
// name two orgs bear is refused naming both and listed in `ambiguous_orgs`; an org outside the
// caller's scope is answered as an unknown one.
TEST(IoApi, ABranchWrittenByNameIsLookedForUnderTheChosenOrg) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply orgs = upload(admin, "/api/v1/import/orgs?file_name=o.csv",
                      "Mã tổ chức,Tên tổ chức,Loại,Trực thuộc,Ngày thành lập\r\n"
                      "A3,Chi bộ Văn phòng,Chi bộ trực thuộc,DBA,01/01/2000\r\n"
                      "B3,Chi bộ Văn phòng,Chi bộ trực thuộc,DBB,01/01/2000\r\n");
  ASSERT_EQ(orgs.status, 200) << orgs.raw;
  const std::string file =
      "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng\r\n"
      "Lê Văn Dũng,15/06/1985,chi bộ văn phòng,20/01/2015\r\n";

  Reply both = upload(admin, "/api/v1/import/members?file_name=ds.csv&dry_run=true", file);
  ASSERT_EQ(both.status, 200) << both.raw;
  EXPECT_EQ(both.body["rejected"], 1);
  ASSERT_EQ(both.body["ambiguous_orgs"].size(), 1u) << both.raw;
  EXPECT_EQ(both.body["ambiguous_orgs"][0]["name"], "chi bộ văn phòng");
  EXPECT_EQ(both.body["ambiguous_orgs"][0]["candidates"], 2);
  EXPECT_EQ(both.body["ambiguous_orgs"][0]["rows"], 1);
  ASSERT_EQ(errors_of(both.body).size(), 1u);
  EXPECT_NE(errors_of(both.body)[0]["message"].get<std::string>().find(
                "A3 (thuộc Đảng bộ Sở A), B3 (thuộc Đảng bộ Sở B)"),
            std::string::npos)
      << both.raw;

  Reply under_b =
      upload(admin, "/api/v1/import/members?file_name=ds.csv&dry_run=true&under=DBB", file);
  ASSERT_EQ(under_b.status, 200) << under_b.raw;
  EXPECT_EQ(under_b.body["created"], 1);
  EXPECT_TRUE(under_b.body["ambiguous_orgs"].empty());
  EXPECT_EQ(under_b.body["preview"][0]["org"], "B3");

  // The office of Sở A: its own branch, without choosing; Sở B is not its to search.
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  const std::string before = dump_database(server.db_path());
  for (const std::string under : {"DBB", "ZZ"}) {
    Reply outside = upload(office, "/api/v1/import/members?file_name=ds.csv&under=" + under, file);
    EXPECT_EQ(outside.status, 404) << outside.raw;
    EXPECT_EQ(outside.body["error"]["field"], "under");
    EXPECT_EQ(outside.body["error"]["message"],
              "Trường «Tìm chi bộ trong»: không có tổ chức mã «" + under + "».");
  }
  EXPECT_EQ(dump_database(server.db_path()), before);
  Reply own = upload(office, "/api/v1/import/members?file_name=ds.csv", file);
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_TRUE(own.body["written"].get<bool>());
  EXPECT_EQ(own.body["preview"][0]["org"], "A3");
}

TEST(IoApi, TheTreeExportsAndImportsBackAsAnOrgList) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply csv = admin.get("/api/v1/orgs/TU/export?format=csv&at=2026-11-01");
  ASSERT_EQ(csv.status, 200) << csv.raw;
  EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"cay-to-chuc-TU.csv\"");
  EXPECT_NE(csv.raw.find("Đảng bộ Sở A"), std::string::npos);
  Reply xlsx = admin.get("/api/v1/orgs/DBA/export");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw.substr(0, 2), "PK");
  EXPECT_EQ(admin.get("/api/v1/orgs/DBA/export?format=pdf").body["error"]["field"], "format");

  // The exported tree imports as it is: every org already recorded, so nothing changes.
  const std::string before = dump_database(server.db_path());
  Reply same = upload(admin, "/api/v1/import/orgs?file_name=cay.xlsx",
                      admin.get("/api/v1/orgs/TU/export").raw);
  ASSERT_EQ(same.status, 200) << same.raw;
  EXPECT_EQ(same.body["unchanged"], 8);
  EXPECT_EQ(same.body["created"], 0);
  EXPECT_EQ(dump_database(server.db_path()), before);

  // New orgs, a child listed before its parent; a renamed org is refused, naming both names.
  const std::string orgs =
      "Mã tổ chức,Tên tổ chức,Loại,Trực thuộc,Ngày thành lập\r\n"
      "C1,Chi bộ C1,Chi bộ trực thuộc,DBC,01/02/2026\r\n"
      "DBC,Đảng bộ Sở C,Đảng bộ cơ sở,CUM1,01/01/2026\r\n"
      "A1,Chi bộ Phòng A1,Chi bộ trực thuộc,DBA,\r\n";
  Reply refused = upload(admin, "/api/v1/import/orgs?file_name=o.csv", orgs);
  ASSERT_EQ(refused.status, 400) << refused.raw;
  const json errors = errors_of(refused.body["report"]);
  ASSERT_EQ(errors.size(), 1u) << refused.raw;
  EXPECT_EQ(errors[0]["row"], 4);
  EXPECT_NE(errors[0]["message"].get<std::string>().find("Chi bộ A1"), std::string::npos);
  EXPECT_EQ(dump_database(server.db_path()), before);
  Reply written = upload(admin, "/api/v1/import/orgs?file_name=o.csv&valid_only=true", orgs);
  ASSERT_EQ(written.status, 200) << written.raw;
  EXPECT_EQ(written.body["created"], 2);
  Reply tree = admin.get("/api/v1/tree?org=DBC&at=2026-03-01");
  ASSERT_EQ(tree.status, 200) << tree.raw;
  EXPECT_EQ(tree.body["root"]["children"][0]["code"], "C1");
}

TEST(IoApi, TheMemberListExportsAsFiledAndImportsBackUnchanged) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply xlsx = office.get("/api/v1/export/members?org=DBA");
  ASSERT_EQ(xlsx.status, 200) << xlsx.raw;
  EXPECT_EQ(xlsx.header("Content-Disposition"), "attachment; filename=\"dang-vien-DBA.xlsx\"");
  Reply csv = office.get("/api/v1/export/members?org=DBA&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.raw.find("Nguyễn"), std::string::npos);
  EXPECT_EQ(csv.raw.find("Đàm"), std::string::npos) << "B1 is outside DBA";
  const std::string before = dump_database(server.db_path());
  Reply back = upload(office, "/api/v1/import/members?file_name=dv.xlsx", xlsx.raw);
  ASSERT_EQ(back.status, 200) << back.raw;
  EXPECT_EQ(back.body["unchanged"], 2);
  EXPECT_EQ(dump_database(server.db_path()), before);
  // Outside the caller's scope: as unknown.
  EXPECT_EQ(office.get("/api/v1/export/members?org=DBB").status, 404);
}

// The member list's dossier columns: the sensitive ones only with ?sensitive=true and the
// permission export_sensitive (a branch secretary is refused, nothing exported or audited); each
// such export audited. A file with dossier columns imports them.
TEST(IoApi, TheDossierColumnsGoOutSensitiveOnesOnlyWithThePermission) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply recorded = office.post(
      "/api/v1/members/MA1/dossier",
      {{"changes",
        {{{"field", "ethnicity"}, {"value", "02"}, {"from", "1990-03-04"}},
         {{"field", "occupation"}, {"value", "civil_servant"}, {"from", "2015-01-01"}}}}});
  ASSERT_EQ(recorded.status, 201) << recorded.raw;

  Reply plain = office.get("/api/v1/export/members?org=DBA&format=csv");
  ASSERT_EQ(plain.status, 200) << plain.raw;
  EXPECT_NE(plain.raw.find("Nghề nghiệp"), std::string::npos);
  EXPECT_NE(plain.raw.find("Cán bộ, công chức"), std::string::npos);
  EXPECT_EQ(plain.raw.find("Dân tộc"), std::string::npos);
  EXPECT_EQ(plain.raw.find("Tày"), std::string::npos);

  Browser secretary(server.port());
  ASSERT_EQ(secretary.login("secretary").status, 200);
  const std::string before = dump_database(server.db_path());
  Reply refused = secretary.get("/api/v1/export/members?format=csv&sensitive=true");
  ASSERT_EQ(refused.status, 403) << refused.raw;
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("Xuất dữ liệu nhạy cảm"),
            std::string::npos)
      << refused.raw;
  EXPECT_EQ(dump_database(server.db_path()), before);
  EXPECT_EQ(office.get("/api/v1/export/members?sensitive=maybe").status, 400);

  Reply full = office.get("/api/v1/export/members?org=DBA&format=csv&sensitive=true");
  ASSERT_EQ(full.status, 200) << full.raw;
  EXPECT_NE(full.raw.find("Dân tộc"), std::string::npos);
  EXPECT_NE(full.raw.find("Tày"), std::string::npos);
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply audit = admin.get("/api/v1/audit?limit=100");
  ASSERT_EQ(audit.status, 200) << audit.raw;
  int exports = 0;
  for (const auto& e : audit.body["entries"]) {
    if (e["action"] != "member.export_sensitive") continue;
    ++exports;
    EXPECT_EQ(e["actor"], "office");
    EXPECT_EQ(e["target"], "DBA");
    EXPECT_EQ(e["action_label"], "Xuất danh sách đảng viên kèm thông tin nhạy cảm");
  }
  EXPECT_EQ(exports, 1);

  // The exported file imports back: every member and dossier value already recorded.
  Reply xlsx = office.get("/api/v1/export/members?org=DBA&sensitive=true");
  ASSERT_EQ(xlsx.status, 200);
  Reply back = upload(office, "/api/v1/import/members?file_name=dv.xlsx&dry_run=true", xlsx.raw);
  ASSERT_EQ(back.status, 200) << back.raw;
  EXPECT_EQ(back.body["unchanged"], 2);
  EXPECT_EQ(back.body["dossier_records"], 0);
  EXPECT_EQ(errors_of(back.body).size(), 0u) << back.raw;
}

}  // namespace
}  // namespace dangvu::testing
