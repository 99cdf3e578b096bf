// The member statistics of an org's subtree for a period: the tables as JSON for the page, and
// the document the office signs (an HTML preview, the Word or Excel file).
#include "api/document_answer.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

Status get_statistics(RequestContext& ctx) {
  auto v = registry(ctx).member_statistics(ctx.path_params.at(0), ctx.query("period"));
  if (!v.ok()) return v.error();
  json tables = json::array();
  for (const auto& t : v->tables) {
    json lines = json::array();
    for (const auto& l : t.lines) {
      lines.push_back({{"id", l.id},
                       {"label", l.label},
                       {"level", l.level},
                       {"decimal", l.decimal},
                       {"value", optional_number(l.value)},
                       {"last_year", optional_number(l.last_year)},
                       {"percent", optional_number(l.percent)},
                       {"shown", l.shown},
                       {"last_year_shown", l.last_year_shown},
                       {"percent_shown", l.percent_shown}});
    }
    tables.push_back({{"id", t.id}, {"title", t.title}, {"lines", lines}});
  }
  json checks = json::array();
  for (const auto& c : v->checks) {
    checks.push_back(
        {{"id", c.id}, {"holds", c.holds}, {"period", c.period}, {"message", c.message}});
  }
  ctx.out = {{"org", v->org_code},
             {"org_name", v->org_name},
             {"period", v->period},
             {"period_label", v->period_label},
             {"from", v->from},
             {"to", v->to},
             {"as_of", v->as_of},
             {"last_year_from", v->last_year_from},
             {"last_year_to", v->last_year_to},
             {"tables", tables},
             {"checks", checks}};
  return {};
}

Status get_statistics_document(RequestContext& ctx) {
  const std::string& code = ctx.path_params.at(0);
  const std::string period = ctx.query("period");
  return answer_document(
      ctx, ctx.query("format"), [&] { return registry(ctx).statistics_document(code, period); },
      "thong-ke-dang-vien-" + code + "-" + period);
}

}  // namespace

void add_statistics_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/orgs/{code}/statistics", Access::ready, get_statistics,
                    BodyKind::json, true});
  routes.push_back({"GET", "/api/v1/orgs/{code}/statistics/document", Access::ready,
                    get_statistics_document, BodyKind::json, true});
}

}  // namespace dangvu::api
