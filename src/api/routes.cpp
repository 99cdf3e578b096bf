#include "api/routes.h"

namespace dangvu::api {

service::Accounts RequestContext::accounts() const {
  return service::Accounts(*store, *env->clock, env->sessions, *env->throttle);
}

const std::vector<Route>& route_table() {
  static const std::vector<Route> table = [] {
    std::vector<Route> routes;
    add_session_routes(routes);
    add_registry_routes(routes);
    add_admin_routes(routes);
    add_work_routes(routes);
    add_io_routes(routes);
    add_conference_routes(routes);
    add_issuer_routes(routes);
    add_dossier_routes(routes);
    add_statistics_routes(routes);
    add_dues_routes(routes);
    add_badges_routes(routes);
    add_rating_routes(routes);
    add_org_result_routes(routes);
    return routes;
  }();
  return table;
}

namespace {

Error wrong_type(const char* field, const char* expected_vi, const char* expected_en) {
  const std::string f(field);
  return Error::invalid(f, "Trường «" + f + "»: phải là " + expected_vi + ".",
                        "field '" + f + "': expected " + expected_en);
}

}  // namespace

service::Registry registry(const RequestContext& ctx) {
  service::Registry r(*ctx.store, ctx.env->rules, *ctx.env->clock, ctx.who->caller);
  r.use_figures(ctx.env->figures);
  return r;
}

Status read_fields(const nlohmann::json& body,
                   std::initializer_list<std::pair<const char*, std::string*>> fields) {
  for (const auto& [name, target] : fields) {
    auto v = text_field(body, name);
    if (!v.ok()) return v.error();
    *target = *v;
  }
  return {};
}

Result<std::string> text_field(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) return wrong_type(field, "chuỗi ký tự", "a string");
  return it->get<std::string>();
}

Result<std::vector<std::string>> text_list_field(const nlohmann::json& body, const char* field) {
  std::vector<std::string> out;
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return wrong_type(field, "danh sách chuỗi ký tự", "an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) return wrong_type(field, "danh sách chuỗi ký tự", "an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<long long> int_field(const nlohmann::json& body, const char* field, long long fallback) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_number_integer()) return wrong_type(field, "số nguyên", "an integer");
  return it->get<long long>();
}

std::optional<long long> path_number(const std::string& text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const long long n = std::stoll(text);
  return n > 0 ? std::optional<long long>(n) : std::nullopt;
}

Status each_object(const nlohmann::json& body, const char* field, const std::string& shape_vi,
                   const std::function<Status(const nlohmann::json&)>& read) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return {};
  const std::string f(field);
  if (!it->is_array()) {
    return Error::invalid(f, "Trường «" + f + "»: phải là danh sách " + shape_vi + ".",
                          "field '" + f + "': expected an array");
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string element = f + "[" + std::to_string(i) + "]";
    if (!(*it)[i].is_object()) {
      return Error::invalid(element, "Trường «" + element + "»: phải là " + shape_vi + ".",
                            "field '" + element + "': expected an object");
    }
    Status st = read((*it)[i]);
    if (st.ok()) continue;
    Error e = st.error();
    const std::string was = "Trường «" + e.field + "»";
    if (auto at = e.message_vi.find(was); at != std::string::npos) {
      e.message_vi.replace(at, was.size(), "Trường «" + element + "." + e.field + "»");
    }
    e.field = element + "." + e.field;
    return e;
  }
  return {};
}

Result<bool> bool_field(const nlohmann::json& body, const char* field, bool fallback) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) return wrong_type(field, "true hoặc false", "a boolean");
  return it->get<bool>();
}

Result<int> int_query(const RequestContext& ctx, const char* name, int fallback) {
  std::string text = ctx.query(name);
  if (text.empty()) return fallback;
  int value = 0;
  bool ok = text.size() <= 9;
  for (char c : text) ok = ok && c >= '0' && c <= '9';
  if (ok) value = std::stoi(text);
  if (!ok) {
    const std::string f(name);
    return Error::invalid(f, "Trường «" + f + "»: phải là số nguyên không âm.",
                          "query '" + f + "': not a non-negative integer");
  }
  return value;
}

}  // namespace dangvu::api
