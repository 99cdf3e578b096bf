// Party badges: who reaches a badge's years for an occasion of presentation in an org's subtree.
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

Status get_badges_due(RequestContext& ctx) {
  auto v = registry(ctx).badges_due(ctx.path_params.at(0), ctx.query("occasion"));
  if (!v.ok()) return v.error();
  json rows = json::array(), by_years = json::array();
  for (const auto& r : v->rows) {
    rows.push_back({{"member", r.member_code},
                    {"name", r.name},
                    {"org", r.org_code},
                    {"org_name", r.org_name},
                    {"first_admission", r.first_admission.iso()},
                    {"years", r.years},
                    {"due", r.due.iso()},
                    {"gap", r.gap}});
  }
  for (auto it = v->by_years.rbegin(); it != v->by_years.rend(); ++it) {
    by_years.push_back({{"years", it->first}, {"count", it->second}});
  }
  ctx.out = {{"org", v->org_code},
             {"org_name", v->org_name},
             {"occasion", v->occasion.iso()},
             {"previous", v->previous.iso()},
             {"as_of", v->as_of.iso()},
             {"by_years", by_years},
             {"rows", rows}};
  return {};
}

}  // namespace

void add_badges_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/orgs/{code}/badges/due", Access::ready, get_badges_due,
                    BodyKind::json, true});
}

}  // namespace dangvu::api
