#pragma once
// The route table of the JSON API: every route, its method and OpenAPI path, whether it needs a
// session, and its handler. The server registers exactly these, and the OpenAPI test compares
// docs/openapi.yaml with exactly these. Handlers parse, call one service function, and fill the
// answer; they hold no rule of their own.
#include <atomic>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/throttle.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/rules.h"
#include "figures/engine.h"
#include "service/accounts.h"
#include "service/registry.h"
#include "store/store.h"

namespace dangvu::api {

// What every handler may use besides its request.
struct Environment {
  RuleSet rules;
  const Clock* clock = nullptr;
  service::SessionPolicy sessions;
  auth::LoginThrottle* throttle = nullptr;
  bool secure_cookie = false;
  figures::Engine* figures = nullptr;  // shared by all requests
  std::string report_template_docx;    // the office's own report template; empty: built-in
  // Imports running now, and how many may run at once: an import holds the whole file and its
  // rows in memory (about 15 times the file), so they take turns.
  std::atomic<int>* imports_running = nullptr;
  int max_concurrent_imports = 1;
};

struct RequestContext {
  // In.
  std::string address;
  std::vector<std::string> path_params;
  std::function<std::string(const std::string&)> query;  // "" when absent
  nlohmann::json body = nlohmann::json::object();
  std::string raw_in;         // the uploaded file, on routes that take one (BodyKind::file)
  std::string session_token;  // from the cookie; "" when absent
  store::Store* store = nullptr;
  const Environment* env = nullptr;
  const service::Authenticated* who = nullptr;  // set on routes that need a session
  // Out.
  int status = 200;
  nlohmann::json out;  // null: no body
  // A file instead of JSON (a report as .docx, .xlsx or .html): its bytes and content type.
  std::string raw_body, raw_type;
  std::vector<std::pair<std::string, std::string>> headers;

  service::Accounts accounts() const;
};

using Handler = std::function<Status(RequestContext&)>;

enum class Access {
  open,          // no session (login)
  session_only,  // a session, even with a one-time password (who am I, change password, logout)
  ready,         // a session whose one-time password has been changed
};

enum class BodyKind {
  json,  // a JSON object (application/json), at most ServerConfig::max_body_bytes
  file,  // a file's bytes (application/octet-stream), at most ServerConfig::max_upload_bytes
};

struct Route {
  std::string method;  // GET, POST, DELETE
  std::string path;    // OpenAPI form: /api/v1/members/{code}
  Access access = Access::ready;
  Handler handler;
  BodyKind body = BodyKind::json;
  // Reads only (stats, search, reports): served from the read replica when the server has one
  // (--db-read), from the primary when it has none or the replica fails.
  bool replica_reads = false;
  // The audit action of the route when one of its field names means something else there than
  // elsewhere ("from" of a merge: the orgs merged), so its refusals name the field rightly
  // (core/field_labels.h); empty for most.
  std::string action = {};
};

const std::vector<Route>& route_table();

// Route groups (one file each).
void add_session_routes(std::vector<Route>& routes);
void add_registry_routes(std::vector<Route>& routes);
void add_admin_routes(std::vector<Route>& routes);
void add_work_routes(std::vector<Route>& routes);
void add_io_routes(std::vector<Route>& routes);
void add_conference_routes(std::vector<Route>& routes);
void add_issuer_routes(std::vector<Route>& routes);
void add_dossier_routes(std::vector<Route>& routes);
void add_statistics_routes(std::vector<Route>& routes);
void add_dues_routes(std::vector<Route>& routes);
void add_badges_routes(std::vector<Route>& routes);
void add_rating_routes(std::vector<Route>& routes);
void add_org_result_routes(std::vector<Route>& routes);

// The registry a request's use case runs in: its connection, the rules, the clock, the caller and
// the server's tree cache.
service::Registry registry(const RequestContext& ctx);

// Reading JSON fields: a wrong type is refused naming the field.
Result<std::string> text_field(const nlohmann::json& body, const char* field);
// Several text fields into their targets (absent: left as they are); the first wrong one refuses.
Status read_fields(const nlohmann::json& body,
                   std::initializer_list<std::pair<const char*, std::string*>> fields);
Result<std::vector<std::string>> text_list_field(const nlohmann::json& body, const char* field);
Result<int> int_query(const RequestContext& ctx, const char* name, int fallback);
// An integer field of the body (absent: `fallback`).
Result<long long> int_field(const nlohmann::json& body, const char* field, long long fallback);
// A record's number in the path ("{id}"): digits only, at most `max_digits`, above zero; none
// otherwise (each route answers that as it must: an unknown record, or a malformed number).
std::optional<long long> path_number(const std::string& text, std::size_t max_digits = 15);
// Each element of the body's list `field` (absent or null: none), an object `shape_vi`
// ("{member, category}") handed to `read`; a refusal inside element i names "field[i].name".
Status each_object(const nlohmann::json& body, const char* field, const std::string& shape_vi,
                   const std::function<Status(const nlohmann::json&)>& read);
// A true/false field of the body (absent: `fallback`).
Result<bool> bool_field(const nlohmann::json& body, const char* field, bool fallback);

}  // namespace dangvu::api
