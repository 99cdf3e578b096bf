// Hostile input over HTTP: malformed, deep, oversized and overlong JSON; SQL metacharacters kept
// verbatim; path traversal out of the web root; security headers; no internals in answers.
#include <gtest/gtest.h>

#include <fstream>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

class Hardening : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(b_.login("admin").status, 200); }
  ApiServer server_;
  Browser b_{server_.port()};
};

TEST_F(Hardening, MalformedJsonIsRefusedAndChangesNothing) {
  const std::string before = dump_database(server_.db_path());
  httplib::Headers csrf = {{"X-CSRF-Token", b_.csrf()}};
  for (const std::string body : {"{", "[]", "\"text\"", "{\"code\": }", "nul", "{\"a\":1}x"}) {
    Reply r = b_.raw("POST", "/api/v1/orgs", body, "application/json", csrf);
    EXPECT_EQ(r.status, 400) << body << " → " << r.raw;
    EXPECT_EQ(r.error_code(), "invalid_input");
  }
  std::string deep(50, '[');
  deep = "{\"a\":" + deep + std::string(50, ']') + "}";
  Reply r = b_.raw("POST", "/api/v1/orgs", deep, "application/json", csrf);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("sâu"), std::string::npos);
  // Wrong types name the field.
  Reply typed = b_.post("/api/v1/orgs", {{"code", 12}, {"name", "x"}});
  EXPECT_EQ(typed.status, 400);
  EXPECT_EQ(typed.body["error"]["field"], "code");
  EXPECT_EQ(dump_database(server_.db_path()), before);
}

TEST_F(Hardening, DuplicateKeysAndMultipartFormsAreRefused) {
  const std::string before = dump_database(server_.db_path());
  httplib::Headers csrf = {{"X-CSRF-Token", b_.csrf()}};
  Reply twice = b_.raw("POST", "/api/v1/orgs",
                       R"({"code":"Z1","name":"Chi bộ Z","kind":"sub_branch","parent":"DBA",)"
                       R"("date":"2026-01-01","code":"Z2"})",
                       "application/json", csrf);
  EXPECT_EQ(twice.status, 400) << twice.raw;
  EXPECT_EQ(twice.body["error"]["field"], "code");
  const std::string form =
      "--xyz\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\nZ1\r\n--xyz--\r\n";
  for (const char* path : {"/api/v1/orgs", "/api/v1/import/members"}) {
    Reply r = b_.raw("POST", path, form, "multipart/form-data; boundary=xyz", csrf);
    EXPECT_EQ(r.status, 400) << path << " → " << r.raw;
    EXPECT_NE(r.raw.find("Content-Type"), std::string::npos) << r.raw;
  }
  EXPECT_EQ(dump_database(server_.db_path()), before);
}

TEST_F(Hardening, OversizedBodiesAndOverlongStringsAreRefused) {
  const std::string before = dump_database(server_.db_path());
  std::string huge = "{\"name\":\"" + std::string(2 << 20, 'a') + "\"}";
  Reply big =
      b_.raw("POST", "/api/v1/orgs", huge, "application/json", {{"X-CSRF-Token", b_.csrf()}});
  EXPECT_EQ(big.status, 413) << big.raw.substr(0, 200);
  EXPECT_EQ(big.error_code(), "too_large");
  Reply longname = b_.post("/api/v1/orgs", {{"code", "X1"},
                                            {"name", std::string(5000, 'a')},
                                            {"kind", "sub_branch"},
                                            {"parent", "DBA"},
                                            {"date", "2026-01-01"}});
  EXPECT_EQ(longname.status, 400);
  EXPECT_EQ(longname.body["error"]["field"], "name");
  Reply longquery = b_.get("/api/v1/members?q=" + std::string(5000, 'a'));
  EXPECT_EQ(longquery.status, 400);
  EXPECT_EQ(dump_database(server_.db_path()), before);
}

TEST_F(Hardening, SqlMetacharactersAreStoredAndReturnedVerbatim) {
  const std::string name = "Chi bộ \"A'3\"; DROP TABLE member; --";
  Reply created = b_.post("/api/v1/orgs", {{"code", "A3"},
                                           {"name", name},
                                           {"kind", "sub_branch"},
                                           {"parent", "DBA"},
                                           {"date", "2026-01-01"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  Reply tree = b_.get("/api/v1/tree?org=DBA");
  ASSERT_EQ(tree.status, 200);
  bool found = false;
  for (const auto& child : tree.body["root"]["children"]) found |= child["name"] == name;
  EXPECT_TRUE(found) << tree.raw;
  Reply search = b_.get("/api/v1/members?q=%27%20OR%201%3D1%20--");
  ASSERT_EQ(search.status, 200) << search.raw;
  EXPECT_EQ(search.body["total"], 0);
  Reply code = b_.get("/api/v1/members/x%27%20OR%20%271%27%3D%271");
  EXPECT_EQ(code.status, 404);
  EXPECT_EQ(b_.get("/api/v1/members").body["total"], 3) << "the member table is still there";
}

TEST_F(Hardening, UnknownRoutesAndBadMethodsAnswerJsonWithoutInternals) {
  Reply r = b_.get("/api/v1/nothing-here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error_code(), "not_found");
  Reply bad_at = b_.get("/api/v1/tree?at=2026-02-30");
  EXPECT_EQ(bad_at.status, 400);
  EXPECT_EQ(bad_at.body["error"]["field"], "at");
  for (const Reply& any : {r, bad_at}) {
    EXPECT_EQ(any.raw.find("SELECT"), std::string::npos);
    EXPECT_EQ(any.raw.find("sqlite"), std::string::npos);
    EXPECT_EQ(any.raw.find(".cpp"), std::string::npos);
  }
}

TEST_F(Hardening, EveryAnswerCarriesTheSecurityHeaders) {
  for (const Reply& r : {b_.get("/api/v1/tree"), b_.get("/api/v1/nope"),
                         Browser(server_.port()).get("/api/v1/members")}) {
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(r.header("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
  }
  EXPECT_EQ(b_.get("/api/v1/tree").header("Cache-Control"), "no-store");
}

TEST(StaticFiles, OnlyFilesInsideTheWebRootAreServed) {
  TempDir outside;
  const std::string secret = outside.file("secret.txt");
  std::ofstream(secret) << "BI-MAT";
  TempDir web;
  std::filesystem::create_directories(web.file("assets"));
  std::ofstream(web.file("index.html")) << "<!doctype html><title>dangvu</title>";
  std::ofstream(web.file("assets/app.js")) << "console.log(1)";
  ApiServer server({}, {}, web.file(""));
  httplib::Client c("127.0.0.1", server.port());
  auto index = c.Get("/index.html");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("dangvu"), std::string::npos);
  EXPECT_EQ(c.Get("/assets/app.js")->status, 200);
  const std::string rel = std::filesystem::relative(secret, web.file("")).string();
  for (const std::string& path :
       std::vector<std::string>{"/../secret.txt", "/" + rel, "/%2e%2e/%2e%2e/secret.txt",
                                "/..%2f..%2fsecret.txt", "/assets/../../secret.txt",
                                "/assets/%2e%2e/%2e%2e/" + rel, "//etc/passwd", "/%00index.html"}) {
    auto r = c.Get(path);
    if (r) {
      EXPECT_NE(r->status, 200) << path;
      EXPECT_EQ(r->body.find("BI-MAT"), std::string::npos) << path;
      EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
    }
  }
}

}  // namespace
}  // namespace dangvu::testing
