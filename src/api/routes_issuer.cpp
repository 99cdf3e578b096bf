// Who issues and signs an org's documents: read as the documents dated `at` print it; recorded
// by the office from a date on.
#include "api/json_views.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

Status get_issuer(RequestContext& ctx) {
  auto v = registry(ctx).issuer(ctx.path_params.at(0), ctx.query("at"));
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status set_issuer(RequestContext& ctx) {
  service::IssuerProfileInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(ctx.body, {{"date", &in.date},
                                    {"committee_name", &in.committee_name},
                                    {"symbol", &in.symbol},
                                    {"signing_authority", &in.signing_authority},
                                    {"place", &in.place}}));
  DANGVU_TRY(registry(ctx).set_issuer_profile(in));
  auto v = registry(ctx).issuer(in.org_code, in.date);
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status add_office_holder(RequestContext& ctx) {
  service::OfficeHolderInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(ctx.body, {{"date", &in.date},
                                    {"position", &in.position},
                                    {"member_code", &in.member_code},
                                    {"name", &in.name}}));
  DANGVU_TRY(registry(ctx).record_office_holder(in));
  auto v = registry(ctx).issuer(in.org_code, in.date);
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

}  // namespace

void add_issuer_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/orgs/{code}/issuer", Access::ready, get_issuer});
  routes.push_back({"POST", "/api/v1/orgs/{code}/issuer", Access::ready, set_issuer});
  routes.push_back(
      {"POST", "/api/v1/orgs/{code}/office-holders", Access::ready, add_office_holder});
}

}  // namespace dangvu::api
