#include "api/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string_view>

#include "api/http_core.h"

#include "api/json_views.h"
#include "auth/secrets.h"
#include "core/field_labels.h"
#include "store/pool.h"
#include "store/replica_pool.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input: return 400;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::rule_refused: return 409;
    case ErrorKind::conflict: return 409;
    case ErrorKind::too_large: return 413;
    case ErrorKind::throttled: return 429;
    case ErrorKind::storage_full: return 503;
    case ErrorKind::io: return 500;
  }
  return 500;
}

// "/api/v1/members/{code}" → "/api/v1/members/([A-Za-z0-9._-]{1,64})"
std::string to_regex(const std::string& path) {
  static const std::regex param(R"(\{[a-z_]+\})");
  return std::regex_replace(path, param, "([A-Za-z0-9._-]{1,64})");
}

// Nesting depth of a JSON text, counted outside strings, without parsing it.
int json_depth(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

// The first string (or key) longer than `limit` bytes, as a field name for the error.
std::optional<std::string> overlong_string(const json& j, std::size_t limit,
                                           const std::string& at) {
  if (j.is_string() && j.get_ref<const std::string&>().size() > limit) return at;
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k.size() > limit) return at.empty() ? "key" : at;
      if (auto f = overlong_string(v, limit, k)) return f;
    }
  }
  if (j.is_array()) {
    for (const auto& v : j) {
      if (auto f = overlong_string(v, limit, at)) return f;
    }
  }
  return std::nullopt;
}

std::string cookie_value(const HttpRequest& req, const std::string& name) {
  const std::string header = req.header("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    std::size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

// `action`: the route's (Route::action), naming what its fields mean in the message.
void write_error(HttpResponse& res, const Error& e, std::string_view action = {}) {
  res.status = http_status(e.kind);
  Error shown = e;
  if (e.kind == ErrorKind::io) {
    // Storage failures keep their detail in the log only.
    shown.message_vi = "Lỗi hệ thống khi xử lý yêu cầu; thao tác chưa được ghi. Hãy thử lại.";
  }
  if (e.kind == ErrorKind::throttled && e.retry_after_seconds > 0) {
    res.headers.emplace_back("Retry-After", std::to_string(e.retry_after_seconds));
  }
  // The API names fields in Vietnamese (the CLI keeps its option names); `field` stays the API's.
  shown.message_vi = with_field_labels(shown.message_vi, action);
  res.body = to_json(shown).dump();
  res.content_type = "application/json; charset=utf-8";
}

// Control characters (CR, LF, ESC …) of a request line written to the log as \xNN, so that a
// path cannot forge log lines or terminal escapes.
std::string log_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f || c == '\\') {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

// A parser callback that notes the first key written twice in one object (the JSON text is
// refused: which of the two values was meant cannot be known).
nlohmann::json::parser_callback_t duplicate_key_finder(std::string& duplicate) {
  auto keys = std::make_shared<std::vector<std::set<std::string>>>();
  return [keys, &duplicate](int /*depth*/, nlohmann::json::parse_event_t event,
                            nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) {
      keys->emplace_back();
    } else if (event == Event::object_end) {
      if (!keys->empty()) keys->pop_back();
    } else if (event == Event::key && !keys->empty() && parsed.is_string()) {
      if (!keys->back().insert(parsed.get<std::string>()).second && duplicate.empty()) {
        duplicate = parsed.get<std::string>();
      }
    }
    return true;
  };
}

Error malformed(const std::string& vi, const std::string& en) {
  return Error::invalid("body", "Yêu cầu không hợp lệ: " + vi, en);
}

}  // namespace

struct Server::Impl {
  ServerConfig config;
  std::unique_ptr<HttpCore> http;
  std::vector<std::pair<std::regex, const Route*>> routes;  // in the route table's order
  std::unique_ptr<store::StorePool> pool;
  std::unique_ptr<store::ReplicaPool> replica;  // none without --db-read
  std::unique_ptr<auth::LoginThrottle> throttle;
  figures::Engine figures;  // one per server: kept live by the change log
  std::atomic<int> imports_running{0};

  Status handle(const Route& route, const HttpRequest& req, RequestContext& ctx);
  Status run_on_replica(const Route& route, RequestContext& ctx);
  void dispatch(const Route& route, const std::smatch& match, const HttpRequest& req,
                HttpResponse& res);
  // Every request: an API route, else a file of the web app, else 404.
  void serve(const HttpRequest& req, HttpResponse& res);
  bool serve_file(const HttpRequest& req, HttpResponse& res) const;
  void install();
};

Status Server::Impl::handle(const Route& route, const HttpRequest& req, RequestContext& ctx) {
  const bool changes_state = route.method != "GET";
  if (route.body == BodyKind::file) {
    if (req.body.size() > config.max_upload_bytes) {
      return Error{
          ErrorKind::too_large, "file", "",
          "Tệp lớn hơn giới hạn " + std::to_string(config.max_upload_bytes >> 20) + " MiB.",
          "upload over the size limit"};
    }
    const std::string type = req.header("Content-Type");
    // A multipart form is not a file's bytes, whatever its body: the type decides.
    if ((!req.body.empty() || !type.empty()) && type.rfind("application/octet-stream", 0) != 0) {
      return malformed("tệp phải được gửi nguyên dạng (Content-Type: application/octet-stream).",
                       "upload without application/octet-stream content type");
    }
  } else if (req.body.size() > config.max_body_bytes) {
    return Error{ErrorKind::too_large, "body", "", "Nội dung yêu cầu quá lớn.",
                 "payload too large"};
  }
  if (changes_state && route.body == BodyKind::json &&
      (!req.body.empty() || !req.header("Content-Type").empty())) {
    const std::string type = req.header("Content-Type");
    if (type.rfind("application/json", 0) != 0) {
      return malformed("nội dung phải là JSON (Content-Type: application/json).",
                       "body without application/json content type");
    }
  }
  if (changes_state && !req.body.empty() && route.body == BodyKind::json) {
    if (json_depth(req.body) > config.max_json_depth) {
      return malformed("JSON lồng nhau quá sâu.", "JSON nested too deep");
    }
    std::string duplicate;
    ctx.body = json::parse(req.body, duplicate_key_finder(duplicate), false);
    if (ctx.body.is_discarded() || !ctx.body.is_object()) {
      return malformed("nội dung không phải là một đối tượng JSON hợp lệ.", "malformed JSON");
    }
    if (!duplicate.empty()) {
      return Error::invalid(duplicate,
                            "Trường «" + duplicate + "»: được ghi hai lần trong nội dung JSON.",
                            "duplicate JSON key " + duplicate);
    }
    if (auto field = overlong_string(ctx.body, config.max_string_bytes, "")) {
      return Error::invalid(*field, "Trường «" + *field + "»: dài quá giới hạn cho phép.",
                            "string over the length limit in field " + *field);
    }
  }
  for (const auto& [name, value] : req.params()) {
    if (value.size() > config.max_string_bytes) {
      return Error::invalid(name, "Trường «" + name + "»: dài quá giới hạn cho phép.",
                            "query parameter over the length limit");
    }
  }
  ctx.session_token = cookie_value(req, "dangvu_session");
  auto lease = pool->acquire();
  ctx.store = &*lease;
  std::optional<service::Authenticated> who;
  if (route.access != Access::open) {
    if (ctx.session_token.empty()) {
      return Error{ErrorKind::unauthenticated, "", "", "Chưa đăng nhập; hãy đăng nhập.",
                   "no session cookie"};
    }
    auto authenticated = ctx.accounts().authenticate(ctx.session_token, ctx.address);
    if (!authenticated.ok()) return authenticated.error();
    who = std::move(*authenticated);
    ctx.who = &*who;
    if (changes_state && !auth::equal_constant_time(req.header("X-CSRF-Token"), who->csrf_token)) {
      return Error{ErrorKind::forbidden, "X-CSRF-Token", "csrf",
                   "Thiếu hoặc sai mã chống giả mạo yêu cầu; hãy tải lại trang.",
                   "missing or wrong CSRF token"};
    }
    if (route.access == Access::ready) DANGVU_TRY(service::Accounts::require_ready(*who));
  }
  if (route.body == BodyKind::file) ctx.raw_in = req.body;
  if (route.replica_reads && replica) return run_on_replica(route, ctx);
  return route.handler(ctx);
}

// A read on the replica; on a storage failure there (the replica stopped, a connection broke) the
// same read again on the primary: the user gets the answer, the log gets one line.
Status Server::Impl::run_on_replica(const Route& route, RequestContext& ctx) {
  store::Store* primary = ctx.store;
  store::ReplicaPool::Change change;
  auto lease = replica->acquire(change);
  const std::string shown = store::redacted(replica->url());
  if (change.kind == store::ReplicaPool::Change::Kind::down) {
    std::replace(change.reason.begin(), change.reason.end(), '\n', ' ');
    spdlog::warn("read replica {} unavailable, reads go to the primary: {}", shown, change.reason);
  } else if (change.kind == store::ReplicaPool::Change::Kind::up) {
    spdlog::info("read replica {} reachable again", shown);
  }
  if (!lease) return route.handler(ctx);
  ctx.store = &**lease;
  Status st = route.handler(ctx);
  if (st.ok() || st.error().kind != ErrorKind::io) return st;
  std::string reason = st.error().detail_en;
  std::replace(reason.begin(), reason.end(), '\n', ' ');
  if (lease->failed()) {
    spdlog::warn("read replica {} failed, reads go to the primary: {}", shown, reason);
  }
  ctx.store = primary;
  ctx.status = 200;
  ctx.out = nullptr;
  ctx.raw_body.clear();
  ctx.raw_type.clear();
  ctx.headers.clear();
  return route.handler(ctx);
}

void Server::Impl::dispatch(const Route& route, const std::smatch& match, const HttpRequest& req,
                            HttpResponse& res) {
  const auto started = std::chrono::steady_clock::now();
  RequestContext ctx;
  ctx.address = req.remote_address;
  ctx.env = &config.env;
  for (std::size_t i = 1; i < match.size(); ++i) ctx.path_params.push_back(match[i]);
  ctx.query = [&req](const std::string& name) { return req.param(name); };
  std::string actor = "-";
  Status st;
  try {
    st = handle(route, req, ctx);
  } catch (const std::exception& e) {
    st = Error::io("Lỗi hệ thống.", std::string("unexpected exception: ") + e.what());
  }
  if (ctx.who) actor = ctx.who->caller.actor;
  if (!st.ok()) {
    write_error(res, st.error(), route.action);
    spdlog::info("{} {} {} user={} from={} kind={} field={} rule={}: {}", req.method,
                 log_safe(req.path), res.status, actor, ctx.address, to_string(st.error().kind),
                 st.error().field, st.error().rule, st.error().detail_en);
  } else {
    res.status = ctx.status;
    for (const auto& [k, v] : ctx.headers) res.headers.emplace_back(k, v);
    if (!ctx.raw_type.empty()) {
      res.body = std::move(ctx.raw_body);
      res.content_type = ctx.raw_type;
    } else if (!ctx.out.is_null()) {
      res.body = ctx.out.dump();
      res.content_type = "application/json; charset=utf-8";
    }
    const auto ms = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    spdlog::debug("{} {} {} user={} from={} {}us", req.method, log_safe(req.path), res.status,
                  actor, ctx.address, ms);
  }
  // An answer is never stored, unless its route says how it may be (the labels).
  bool cache_said = false;
  for (const auto& [name, value] : res.headers) cache_said = cache_said || name == "Cache-Control";
  if (!cache_said) res.headers.emplace_back("Cache-Control", "no-store");
}

namespace {

const std::vector<std::pair<std::string, std::string>>& security_headers() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'"},
  };
  return headers;
}

std::string content_type_of(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

// A file of the web app: only under --web-root, by plain path segments (no "..", no ".", no
// NUL or backslash), a folder's index.html for a folder.
bool Server::Impl::serve_file(const HttpRequest& req, HttpResponse& res) const {
  if (config.web_root.empty() || req.method != "GET") return false;
  std::filesystem::path file = config.web_root;
  std::size_t pos = 0;
  const std::string& path = req.path;
  if (path.empty() || path[0] != '/') return false;
  while (pos < path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(pos, end - pos);
    if (segment == ".." || segment == "." ||
        segment.find_first_of(std::string("\\\0", 2)) != std::string::npos) {
      return false;
    }
    if (!segment.empty()) file /= segment;
    pos = end + 1;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) file /= "index.html";
  if (!std::filesystem::is_regular_file(file, ec)) return false;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return false;
  res.status = 200;
  res.body = bytes.str();
  res.content_type = content_type_of(file);
  return true;
}

void Server::Impl::serve(const HttpRequest& req, HttpResponse& res) {
  for (const auto& [pattern, route] : routes) {
    std::smatch match;
    if (route->method == req.method && std::regex_match(req.path, match, pattern)) {
      dispatch(*route, match, req, res);
      for (const auto& h : security_headers()) res.headers.push_back(h);
      return;
    }
  }
  if (!serve_file(req, res)) {
    write_error(res,
                Error::not_found("", "Không có địa chỉ này.", "no route " + log_safe(req.path)));
    res.status = 404;
    res.headers.emplace_back("Cache-Control", "no-store");
    spdlog::info("{} {} 404 (no route)", log_safe(req.method), log_safe(req.path));
  }
  for (const auto& h : security_headers()) res.headers.push_back(h);
}

void Server::Impl::install() {
  for (const auto& route : route_table()) {
    routes.emplace_back(std::regex(to_regex(route.path)), &route);
  }
  HttpLimits limits;
  limits.workers = config.threads;
  limits.max_body_bytes = std::max(config.max_body_bytes, config.max_upload_bytes);
  http = std::make_unique<HttpCore>(
      limits, [this](const HttpRequest& req, HttpResponse& res) { serve(req, res); },
      // What never became a request gets the same JSON shape as our own refusals.
      [](int status, HttpResponse& res) {
        Error e;
        if (status == 413) {
          e = Error{ErrorKind::too_large, "body", "", "Nội dung yêu cầu quá lớn.",
                    "payload too large"};
        } else if (status >= 500) {
          e = Error::io("Lỗi hệ thống.", "exception in a request");
        } else {
          e = Error::invalid("", "Yêu cầu không hợp lệ.", "http status " + std::to_string(status));
        }
        write_error(res, e);
        res.status = status;
        res.headers.emplace_back("Cache-Control", "no-store");
        for (const auto& h : security_headers()) res.headers.push_back(h);
        spdlog::info("request refused before routing: {}", status);
      });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::create(ServerConfig config) {
  auto impl = std::make_unique<Impl>();
  impl->config = std::move(config);
  impl->throttle = std::make_unique<auth::LoginThrottle>(impl->config.throttle);
  impl->config.env.throttle = impl->throttle.get();
  impl->config.env.figures = &impl->figures;
  impl->config.env.imports_running = &impl->imports_running;
  auto pool =
      store::StorePool::open(impl->config.db_path, static_cast<std::size_t>(impl->config.threads),
                             impl->config.env.clock->now_iso());
  if (!pool.ok()) return pool.error();
  impl->pool = std::move(*pool);
  if (!impl->config.db_read_path.empty()) {
    if (store::engine_of(impl->config.db_read_path) != store::Engine::postgresql ||
        store::engine_of(impl->config.db_path) != store::Engine::postgresql) {
      return Error::invalid("db-read",
                            "Trường «db-read»: bản sao chỉ đọc là một máy chủ PostgreSQL "
                            "(postgresql://…) nhận bản sao của máy chủ chính «--db» (cũng là "
                            "PostgreSQL).",
                            "--db-read needs PostgreSQL URLs for both --db and --db-read");
    }
    impl->replica = std::make_unique<store::ReplicaPool>(
        impl->config.db_read_path, static_cast<std::size_t>(impl->config.threads));
  }
  impl->install();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::bind() { return impl_->http->bind(impl_->config.host, impl_->config.port); }

void Server::run() { impl_->http->run(); }
void Server::stop() { impl_->http->stop(); }

}  // namespace dangvu::api
