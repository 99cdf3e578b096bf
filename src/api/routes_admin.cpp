// Accounts and the audit log (the administrator; service/ refuses everyone else).
#include "api/json_views.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {

void add_admin_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/audit", Access::ready, [](RequestContext& ctx) -> Status {
                      service::AuditInput in;
                      in.org_code = ctx.query("org");
                      in.user = ctx.query("user");
                      in.from = ctx.query("from");
                      in.to = ctx.query("to");
                      auto limit = int_query(ctx, "limit", 100);
                      if (!limit.ok()) return limit.error();
                      auto before = int_query(ctx, "before", 0);
                      if (!before.ok()) return before.error();
                      in.limit = *limit;
                      in.before = *before;
                      service::Registry r(*ctx.store, ctx.env->rules, *ctx.env->clock,
                                          ctx.who->caller);
                      auto rows = r.read_audit(in);
                      if (!rows.ok()) return rows.error();
                      nlohmann::json out = nlohmann::json::array();
                      for (const auto& e : *rows) out.push_back(to_json(e));
                      ctx.out = {{"entries", out}};
                      return {};
                    }});
  routes.push_back({"GET", "/api/v1/users", Access::ready, [](RequestContext& ctx) -> Status {
                      auto list = ctx.accounts().list(ctx.who->caller);
                      if (!list.ok()) return list.error();
                      nlohmann::json out = nlohmann::json::array();
                      for (const auto& a : *list) out.push_back(to_json(a));
                      ctx.out = {{"users", out}};
                      return {};
                    }});
  routes.push_back({"POST", "/api/v1/users", Access::ready, [](RequestContext& ctx) -> Status {
                      service::NewAccountInput in;
                      for (auto [field, target] :
                           {std::pair{"username", &in.username},
                            std::pair{"display_name", &in.display_name},
                            std::pair{"role", &in.role}, std::pair{"org", &in.org_code}}) {
                        auto v = text_field(ctx.body, field);
                        if (!v.ok()) return v.error();
                        *target = *v;
                      }
                      auto password = ctx.accounts().create(ctx.who->caller, in);
                      if (!password.ok()) return password.error();
                      ctx.status = 201;
                      ctx.out = {{"username", in.username}, {"one_time_password", *password}};
                      return {};
                    }});
  routes.push_back(
      {"POST", "/api/v1/users/{username}/disable", Access::ready,
       [](RequestContext& ctx) -> Status {
         DANGVU_TRY(ctx.accounts().set_disabled(ctx.who->caller, ctx.path_params.at(0), true));
         ctx.out = {{"username", ctx.path_params.at(0)}, {"disabled", true}};
         return {};
       }});
  routes.push_back(
      {"POST", "/api/v1/users/{username}/enable", Access::ready, [](RequestContext& ctx) -> Status {
         DANGVU_TRY(ctx.accounts().set_disabled(ctx.who->caller, ctx.path_params.at(0), false));
         ctx.out = {{"username", ctx.path_params.at(0)}, {"disabled", false}};
         return {};
       }});
  routes.push_back(
      {"POST", "/api/v1/users/{username}/password", Access::ready,
       [](RequestContext& ctx) -> Status {
         auto password = ctx.accounts().reset_password(ctx.who->caller, ctx.path_params.at(0));
         if (!password.ok()) return password.error();
         ctx.out = {{"username", ctx.path_params.at(0)}, {"one_time_password", *password}};
         return {};
       }});
}

}  // namespace dangvu::api
