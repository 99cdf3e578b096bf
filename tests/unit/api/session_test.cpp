// Sessions over HTTP: login and its cookie, wrong credentials, throttling and lockout, expired,
// forged and ended sessions, CSRF, one-time passwords, password change ending other sessions.
#include <gtest/gtest.h>

#include "auth/role.h"
#include "auth/secrets.h"
#include "core/member.h"
#include "support/api_server.h"

namespace dangvu::testing {
namespace {

TEST(Session, LoginSetsAHardenedCookieAndWrongCredentialsAllGetTheSameAnswer) {
  ApiServer server;
  Browser b(server.port());
  Reply ok = b.login("office");
  ASSERT_EQ(ok.status, 200) << ok.raw;
  const std::string cookie = ok.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP on loopback: not Secure";
  EXPECT_EQ(b.cookie().size(), 43u);  // 256 bits, base64url
  EXPECT_EQ(ok.body["account"]["role"], "committee_office");
  EXPECT_EQ(ok.body["account"]["org"], "DBA");
  EXPECT_EQ(ok.raw.find("password_hash"), std::string::npos);

  Browser other(server.port());
  Reply wrong_password = other.login("office", "sai-mat-khau-1");
  Reply no_such_user = other.login("khong-co-ai", "sai-mat-khau-1");
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(no_such_user.status, 401);
  EXPECT_EQ(wrong_password.raw, no_such_user.raw) << "the answer must not tell which was wrong";
  EXPECT_TRUE(wrong_password.header("Set-Cookie").empty());
  // A field left empty is named (400), not answered as wrong credentials.
  Reply no_username = other.post("/api/v1/session", {{"password", "sai-mat-khau-1"}});
  EXPECT_EQ(no_username.status, 400) << no_username.raw;
  EXPECT_EQ(no_username.body["error"]["field"], "username") << no_username.raw;
  Reply no_password = other.post("/api/v1/session", {{"username", "office"}});
  EXPECT_EQ(no_password.status, 400) << no_password.raw;
  EXPECT_EQ(no_password.body["error"]["field"], "password") << no_password.raw;

  // The token is stored only as its digest.
  const std::string dump = dump_database(server.db_path());
  EXPECT_EQ(dump.find(b.cookie()), std::string::npos);
  EXPECT_NE(dump.find(auth::token_digest(b.cookie())), std::string::npos);
  EXPECT_EQ(dump.find(kPassword), std::string::npos);
  EXPECT_NE(dump.find("$argon2id$"), std::string::npos);
}

// The session says what the account's role may do, from the server's own table; the labels of
// every code come from core's own tables, and a browser may keep them for an hour.
TEST(Session, TheSessionNamesThePermissionsAndTheLabelsComeFromTheServer) {
  ApiServer server;
  for (const auto& [user, role] : {std::pair{"office", auth::Role::committee_office},
                                   {"inspector", auth::Role::inspection},
                                   {"viewer", auth::Role::viewer},
                                   {"admin", auth::Role::admin}}) {
    Browser b(server.port());
    Reply login = b.login(user);
    ASSERT_EQ(login.status, 200) << login.raw;
    Reply who = b.get("/api/v1/session");
    ASSERT_EQ(who.status, 200);
    std::vector<std::string> expected;
    for (const auto& p : auth::permissions()) {
      if (p.allowed(role)) expected.emplace_back(p.name);
    }
    EXPECT_EQ(who.body["permissions"].get<std::vector<std::string>>(), expected) << user;
    EXPECT_EQ(login.body["permissions"], who.body["permissions"]);
  }
  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  EXPECT_TRUE(viewer.get("/api/v1/session").body["permissions"].empty());

  Reply labels = viewer.get("/api/v1/labels");
  ASSERT_EQ(labels.status, 200) << labels.raw;
  EXPECT_EQ(labels.header("Cache-Control"), "private, max-age=3600");
  const auto& kinds = labels.body["member_event_kinds"];
  ASSERT_EQ(kinds.size(), 10u) << kinds;
  EXPECT_EQ(kinds[0]["value"], "candidate_registration");
  bool transfer = false;
  for (const auto& k : kinds) {
    if (k["value"] != "transfer") continue;
    transfer = true;
    EXPECT_EQ(k["label"], std::string(label_vi(MemberEventKind::transfer)));
  }
  EXPECT_TRUE(transfer);
  EXPECT_EQ(labels.body["member_statuses"].size(), 8u);
  EXPECT_EQ(labels.body["roles"].size(), 5u);
  EXPECT_EQ(labels.body["org_kinds"].size(), 5u);
  EXPECT_EQ(
      labels.body["genders"],
      nlohmann::json::parse(R"([{"value":"male","label":"Nam"},{"value":"female","label":"Nữ"},)"
                            R"({"value":"unknown","label":"Chưa ghi"}])"));
  EXPECT_EQ(labels.body["meeting_qualities"][1]["label"], "khá");
  EXPECT_EQ(labels.body["task_statuses"].size(), 4u);
  EXPECT_EQ(labels.body["cancelled_kinds"].size(), 4u);
  Browser stranger(server.port());
  EXPECT_EQ(stranger.get("/api/v1/labels").status, 401);
}

TEST(Session, RepeatedFailuresAreThrottledThenLockedEvenWithTheRightPassword) {
  auth::ThrottlePolicy policy;
  policy.free_failures = 2;
  policy.base_delay = 30;
  policy.max_delay = 60;
  policy.lockout_failures = 4;
  policy.lockout = 600;
  ApiServer server(policy);
  Browser b(server.port());
  EXPECT_EQ(b.login("viewer", "sai-mat-khau-1").status, 401);
  EXPECT_EQ(b.login("viewer", "sai-mat-khau-2").status, 401);
  EXPECT_EQ(b.login("viewer", "sai-mat-khau-3").status, 401);  // third: now a 30 s wait
  Reply throttled = b.login("viewer");
  EXPECT_EQ(throttled.status, 429) << throttled.raw;
  EXPECT_EQ(throttled.error_code(), "throttled");
  EXPECT_EQ(throttled.header("Retry-After"), "30");
  // After the wait one more failure locks the account for the lockout period.
  server.clock().advance_seconds(31);
  EXPECT_EQ(b.login("viewer", "sai-mat-khau-4").status, 401);
  server.clock().advance_seconds(120);
  Reply locked = b.login("viewer");
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.header("Retry-After"), "480");
  server.clock().advance_seconds(481);
  EXPECT_EQ(b.login("viewer").status, 200);
}

TEST(Session, OneAddressTryingManyAccountsIsThrottledToo) {
  auth::ThrottlePolicy policy;
  policy.free_failures = 3;
  policy.base_delay = 10;
  ApiServer server(policy);
  Browser b(server.port());
  for (const char* name : {"aaa", "bbb", "ccc", "ddd"}) {
    EXPECT_EQ(b.login(name, "doan-mo-1234").status, 401) << name;
  }
  EXPECT_EQ(b.login("admin").status, 429) << "the address waits, whatever the account";
}

TEST(Session, IdleAndAbsoluteExpiryEndTheSession) {
  service::SessionPolicy sessions;
  sessions.idle_seconds = 600;
  sessions.absolute_seconds = 3600;
  sessions.touch_every_seconds = 1;
  ApiServer server({}, sessions);
  Browser b(server.port());
  ASSERT_EQ(b.login("viewer").status, 200);
  server.clock().advance_seconds(500);
  EXPECT_EQ(b.get("/api/v1/tree").status, 200);  // activity keeps it alive
  server.clock().advance_seconds(500);
  EXPECT_EQ(b.get("/api/v1/tree").status, 200);
  server.clock().advance_seconds(601);
  Reply idle = b.get("/api/v1/tree");
  EXPECT_EQ(idle.status, 401);
  EXPECT_EQ(idle.error_code(), "unauthenticated");

  Browser c(server.port());
  ASSERT_EQ(c.login("viewer").status, 200);
  // Busy all day: every 500 s a request, yet the session ends after 3600 s.
  for (int elapsed = 500; elapsed <= 4000; elapsed += 500) {
    server.clock().advance_seconds(500);
    EXPECT_EQ(c.get("/api/v1/tree").status, elapsed < 3600 ? 200 : 401) << elapsed;
  }
}

TEST(Session, ForgedEndedAndMissingSessionsAreRefused) {
  ApiServer server;
  Browser b(server.port());
  EXPECT_EQ(b.get("/api/v1/members").status, 401);
  b.cookie() = auth::new_token();  // well-formed, never issued
  EXPECT_EQ(b.get("/api/v1/members").status, 401);
  b.cookie() = "' OR 1=1 --";
  EXPECT_EQ(b.get("/api/v1/members").status, 401);

  ASSERT_EQ(b.login("admin").status, 200);
  const std::string token = b.cookie();
  Reply out = b.del("/api/v1/session");
  EXPECT_EQ(out.status, 204) << out.raw;
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  b.cookie() = token;  // a copied cookie after logout
  EXPECT_EQ(b.get("/api/v1/members").status, 401);
}

TEST(Session, StateChangesNeedTheCsrfTokenAndChangeNothingWithout) {
  ApiServer server;
  Browser b(server.port());
  ASSERT_EQ(b.login("admin").status, 200);
  const std::string before = dump_database(server.db_path());
  const std::string body = R"({"name":"Tên khác","date":"2026-11-01"})";
  Reply missing = b.raw("POST", "/api/v1/orgs/A1/rename", body, "application/json");
  EXPECT_EQ(missing.status, 403) << missing.raw;
  EXPECT_EQ(missing.body["error"]["rule"], "csrf");
  Reply wrong = b.raw("POST", "/api/v1/orgs/A1/rename", body, "application/json",
                      {{"X-CSRF-Token", auth::csrf_token_for(auth::new_token())}});
  EXPECT_EQ(wrong.status, 403);
  // A form post from another site cannot carry JSON.
  Reply form = b.raw("POST", "/api/v1/orgs/A1/rename", "name=x&date=2026-11-01",
                     "application/x-www-form-urlencoded", {{"X-CSRF-Token", b.csrf()}});
  EXPECT_EQ(form.status, 400);
  EXPECT_EQ(dump_database(server.db_path()), before);
  Reply ok = b.post("/api/v1/orgs/A1/rename", {{"name", "Tên khác"}, {"date", "2026-11-01"}});
  EXPECT_EQ(ok.status, 200) << ok.raw;
}

TEST(Session, AOneTimePasswordMustBeChangedFirstAndAChangeEndsOtherSessions) {
  ApiServer server;
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply created = admin.post("/api/v1/users", {{"username", "lan.nguyen"},
                                               {"display_name", "Nguyễn Thị Lan"},
                                               {"role", "viewer"},
                                               {"org", "A2"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string once = created.body["one_time_password"];

  Browser lan(server.port());
  Reply first = lan.login("lan.nguyen", once);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body["must_change_password"], true);
  Reply blocked = lan.get("/api/v1/tree");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.body["error"]["rule"], "password.must_change");
  Browser second_device(server.port());
  ASSERT_EQ(second_device.login("lan.nguyen", once).status, 200);

  Reply weak =
      lan.post("/api/v1/session/password", {{"current_password", once}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.body["error"]["field"], "new_password");
  Reply bad_current = lan.post("/api/v1/session/password", {{"current_password", "khong-phai-1"},
                                                            {"new_password", "mat-khau-moi-2026"}});
  EXPECT_EQ(bad_current.status, 409);
  EXPECT_EQ(bad_current.body["error"]["field"], "current_password");
  Reply changed = lan.post("/api/v1/session/password",
                           {{"current_password", once}, {"new_password", "mat-khau-moi-2026"}});
  EXPECT_EQ(changed.status, 204) << changed.raw;
  EXPECT_EQ(lan.get("/api/v1/tree").status, 200);
  EXPECT_EQ(second_device.get("/api/v1/session").status, 401) << "other sessions end";
  Browser again(server.port());
  EXPECT_EQ(again.login("lan.nguyen", once).status, 401);
  EXPECT_EQ(again.login("lan.nguyen", "mat-khau-moi-2026").status, 200);
}

TEST(Session, ADisabledAccountIsLoggedOutAndCannotLogIn) {
  ApiServer server;
  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  ASSERT_EQ(admin.post("/api/v1/users/viewer/disable", nlohmann::json::object()).status, 200);
  EXPECT_EQ(viewer.get("/api/v1/tree").status, 401);
  EXPECT_EQ(Browser(server.port()).login("viewer").status, 401);
  ASSERT_EQ(admin.post("/api/v1/users/viewer/enable", nlohmann::json::object()).status, 200);
  EXPECT_EQ(Browser(server.port()).login("viewer").status, 200);
  Reply self = admin.post("/api/v1/users/admin/disable", nlohmann::json::object());
  EXPECT_EQ(self.status, 409);
}

}  // namespace
}  // namespace dangvu::testing
