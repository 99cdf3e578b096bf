#pragma once
// Test support: a real dangvu server on a loopback port over a temporary database, with a small
// tree, members and one account per role; and an HTTP client that keeps a session like a browser.
// With DANGVU_API_EXCHANGES set to a folder, the client writes every exchange there (one JSON
// line each) for the contract test (tests/contract/validate.mjs) to check against the OpenAPI file.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "api/server.h"
#include "service/accounts.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::testing {

inline constexpr const char* kPassword = "mat-khau-thu-1";

// The tree (all from 2000-01-01):  TU ─ CUM1 ─┬ DBA ─┬ A1   (member MA1)
//                                              │      └ A2   (member MA2)
//                                              ├ DBB ── B1   (member MB1, "Đàm Văn Chính")
//                                              └ CB1
// Accounts: admin; office@DBA (committee_office); secretary@A1; inspector@DBA; viewer@DBA.
class ApiServer {
 public:
  // `replica_of`, when given, names the read replica of the seeded database (--db-read).
  explicit ApiServer(auth::ThrottlePolicy throttle = {}, service::SessionPolicy sessions = {},
                     std::string web_root = "",
                     const std::function<std::string(const std::string&)>& replica_of = {})
      : clock_(Date::parse("2026-11-22").value()) {
    path_ = dir_.database("api.db");
    seed();
    api::ServerConfig config;
    config.db_path = path_;
    if (replica_of) config.db_read_path = replica_of(path_);
    config.port = 0;
    config.threads = 4;
    config.web_root = std::move(web_root);
    config.throttle = throttle;
    config.env.rules = RuleSet::defaults();
    config.env.clock = &clock_;
    config.env.sessions = sessions;
    auto server = api::Server::create(config);
    if (!server.ok()) throw std::runtime_error(server.error().detail_en);
    server_ = std::move(*server);
    auto port = server_->bind();
    if (!port.ok()) throw std::runtime_error(port.error().detail_en);
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
  }
  ~ApiServer() {
    server_->stop();
    thread_.join();
  }
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  int port() const { return port_; }
  const std::string& db_path() const { return path_; }
  FixedClock& clock() { return clock_; }
  const TempDir& dir() const { return dir_; }

 private:
  void seed() {
    auto store = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    if (!store.ok()) throw std::runtime_error(store.error().detail_en);
    service::Registry r(**store, RuleSet::defaults(), clock_, "test");
    auto org = [&](const char* code, const char* name, const char* kind, const char* parent) {
      auto id = r.add_org({code, name, kind, parent, "2000-01-01"});
      if (!id.ok()) throw std::runtime_error(id.error().detail_en);
    };
    org("TU", "Đảng bộ tỉnh", "upper_committee", "");
    org("CUM1", "Cụm I", "cluster", "TU");
    org("DBA", "Đảng bộ Sở A", "grassroots_committee", "CUM1");
    org("DBB", "Đảng bộ Sở B", "grassroots_committee", "CUM1");
    org("A1", "Chi bộ A1", "sub_branch", "DBA");
    org("A2", "Chi bộ A2", "sub_branch", "DBA");
    org("B1", "Chi bộ B1", "sub_branch", "DBB");
    org("CB1", "Chi bộ cơ sở 1", "grassroots_branch", "CUM1");
    auto member = [&](const char* code, const char* family, const char* middle, const char* given,
                      const char* org_code) {
      service::AddMemberInput in;
      in.code = code;
      in.family = family;
      in.middle = middle;
      in.given = given;
      in.birth_date = "1990-03-04";
      in.gender = "male";
      in.first.kind = "admission";
      in.first.date = "2026-03-01";
      in.first.org_code = org_code;
      auto id = r.add_member(in);
      if (!id.ok()) throw std::runtime_error(id.error().detail_en);
    };
    member("MA1", "Nguyễn", "Văn", "An", "A1");
    member("MA2", "Trần", "Thị", "Bình", "A2");
    member("MB1", "Đàm", "Văn", "Chính", "B1");
    auth::LoginThrottle throttle;
    service::Accounts accounts(**store, clock_, {}, throttle);
    const service::Caller cli = service::Caller::command_line("cli:test");
    for (const service::NewAccountInput& a :
         {service::NewAccountInput{"admin", "Quản trị", "admin", ""},
          service::NewAccountInput{"office", "Văn phòng Đảng ủy Sở A", "committee_office", "DBA"},
          service::NewAccountInput{"secretary", "Bí thư chi bộ A1", "branch_secretary", "A1"},
          service::NewAccountInput{"inspector", "Ủy ban kiểm tra", "inspection", "DBA"},
          service::NewAccountInput{"viewer", "Người xem", "viewer", "DBA"}}) {
      auto st = accounts.create_with_password(cli, a, kPassword);
      if (!st.ok()) throw std::runtime_error(st.error().detail_en);
    }
  }

  TempDir dir_;
  std::string path_;
  FixedClock clock_;
  std::unique_ptr<api::Server> server_;
  int port_ = 0;
  std::thread thread_;
};

struct Reply {
  int status = 0;
  nlohmann::json body;
  std::string raw;
  httplib::Headers headers;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  std::string error_code() const {
    return body.is_object() && body.contains("error") ? body["error"].value("code", "") : "";
  }
};

// Writes one exchange (request line, status, the headers the contract checks, the body unless it
// is a binary file) to $DANGVU_API_EXCHANGES/<pid>.jsonl; nothing when the variable is unset.
inline void record_exchange(const std::string& method, const std::string& target,
                            const httplib::Response& res) {
  static const char* folder = std::getenv("DANGVU_API_EXCHANGES");
  if (folder == nullptr || *folder == '\0') return;
  static std::mutex mutex;
  const auto header = [&res](const char* name) {
    return res.has_header(name) ? res.get_header_value(name) : std::string();
  };
  const std::string type = header("Content-Type");
  const bool text = type.rfind("application/json", 0) == 0 || type.rfind("text/", 0) == 0;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  nlohmann::json line = {
      {"test", test ? std::string(test->test_suite_name()) + "." + test->name() : ""},
      {"method", method},
      {"target", target},
      {"status", res.status},
      {"content_type", type},
      {"cache_control", header("Cache-Control")},
      {"body_bytes", res.body.size()},
      {"body", text ? nlohmann::json(res.body) : nlohmann::json(nullptr)}};
  const std::lock_guard<std::mutex> lock(mutex);
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  std::ofstream out(std::string(folder) + "/" + std::to_string(::getpid()) + ".jsonl",
                    std::ios::app);
  out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// A browser-like client: keeps the session cookie and sends the CSRF token on writes.
class Browser {
 public:
  explicit Browser(int port) : client_("127.0.0.1", port) {
    client_.set_connection_timeout(5);
    client_.set_read_timeout(30);
  }

  Reply login(const std::string& user, const std::string& password = kPassword) {
    Reply r = send("POST", "/api/v1/session", {{"username", user}, {"password", password}});
    if (r.status == 200) {
      std::string set_cookie = r.header("Set-Cookie");
      auto eq = set_cookie.find('=');
      auto semi = set_cookie.find(';');
      cookie_ = set_cookie.substr(eq + 1, semi - eq - 1);
      csrf_ = r.body.value("csrf_token", "");
    }
    return r;
  }

  Reply get(const std::string& path) { return send("GET", path, nullptr); }
  Reply post(const std::string& path, const nlohmann::json& body) {
    return send("POST", path, body);
  }
  Reply del(const std::string& path) { return send("DELETE", path, nullptr); }

  // Sends exactly what it is given: raw body, content type and headers.
  Reply raw(const std::string& method, const std::string& path, const std::string& body,
            const std::string& content_type, httplib::Headers extra = {}) {
    httplib::Headers h = std::move(extra);
    if (!cookie_.empty()) h.emplace("Cookie", "dangvu_session=" + cookie_);
    httplib::Result res = method == "GET"      ? client_.Get(path, h)
                          : method == "DELETE" ? client_.Delete(path, h)
                                               : client_.Post(path, h, body, content_type);
    Reply r;
    if (!res) return r;
    record_exchange(method, path, *res);
    r.status = res->status;
    r.raw = res->body;
    r.headers = res->headers;
    r.body = nlohmann::json::parse(res->body, nullptr, false);
    return r;
  }

  std::string& cookie() { return cookie_; }
  std::string& csrf() { return csrf_; }

 private:
  Reply send(const std::string& method, const std::string& path, const nlohmann::json& body) {
    httplib::Headers h;
    if (method != "GET" && !csrf_.empty()) h.emplace("X-CSRF-Token", csrf_);
    return raw(method, path, body.is_null() ? "" : body.dump(), "application/json", h);
  }

  httplib::Client client_;
  std::string cookie_, csrf_;
};

}  // namespace dangvu::testing
