// Login, who am I, password change, logout.
#include "api/json_views.h"
#include "api/routes.h"

namespace dangvu::api {
namespace {

std::string session_cookie(const RequestContext& ctx, const std::string& value,
                           std::int64_t max_age) {
  std::string c = "dangvu_session=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (ctx.env->secure_cookie) c += "; Secure";
  return c;
}

nlohmann::json session_json(const service::AccountView& account, const std::string& csrf) {
  return {{"account", to_json(account)},
          {"csrf_token", csrf},
          {"must_change_password", account.must_change_password}};
}

}  // namespace

void add_session_routes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/v1/session", Access::open, [](RequestContext& ctx) -> Status {
                      auto username = text_field(ctx.body, "username");
                      if (!username.ok()) return username.error();
                      auto password = text_field(ctx.body, "password");
                      if (!password.ok()) return password.error();
                      auto start = ctx.accounts().login(*username, *password, ctx.address);
                      if (!start.ok()) return start.error();
                      ctx.headers.emplace_back(
                          "Set-Cookie",
                          session_cookie(ctx, start->token, ctx.env->sessions.absolute_seconds));
                      ctx.out = session_json(start->account, start->csrf_token);
                      return {};
                    }});
  routes.push_back(
      {"GET", "/api/v1/session", Access::session_only, [](RequestContext& ctx) -> Status {
         ctx.out = session_json(ctx.who->account, ctx.who->csrf_token);
         return {};
       }});
  routes.push_back(
      {"DELETE", "/api/v1/session", Access::session_only, [](RequestContext& ctx) -> Status {
         DANGVU_TRY(ctx.accounts().logout(*ctx.who));
         ctx.headers.emplace_back("Set-Cookie", session_cookie(ctx, "", 0));
         ctx.status = 204;
         return {};
       }});
  routes.push_back(
      {"POST", "/api/v1/session/password", Access::session_only, [](RequestContext& ctx) -> Status {
         auto current = text_field(ctx.body, "current_password");
         if (!current.ok()) return current.error();
         auto next = text_field(ctx.body, "new_password");
         if (!next.ok()) return next.error();
         DANGVU_TRY(ctx.accounts().change_password(*ctx.who, *current, *next));
         ctx.status = 204;
         return {};
       }});
}

}  // namespace dangvu::api
