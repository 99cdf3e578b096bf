// Organizations' results of a year: the rating of the orgs of a subtree and their emulation
// titles, an org's self-assessment, a registration for a title, the committee above's decision
// on a list of orgs (rating or title), a record cancelled, and the decision as a document.
#include <algorithm>
#include <cstdio>

#include "api/document_answer.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

json record_json(const OrgResultRecord& r) {
  return {{"id", r.id},
          {"year", r.year},
          {"subject", r.subject},
          {"step", std::string(to_string(r.step))},
          {"score", r.score ? json(score_vi(*r.score)) : json(nullptr)},
          {"category", r.category ? json(std::string(to_string(*r.category))) : json(nullptr)},
          {"category_label", r.category ? json(std::string(label_vi(*r.category))) : json(nullptr)},
          {"tasks_late_percent", r.tasks_late_percent},
          {"tasks_exceeding_percent", r.tasks_exceeding_percent},
          {"disciplined", r.disciplined},
          {"recognized", r.recognized},
          {"decision_no", r.decision_no},
          {"decided_on", r.decided_on ? json(r.decided_on->iso()) : json(nullptr)},
          {"note", r.note},
          {"recorded_at", r.recorded_at},
          {"recorded_by", r.recorded_by}};
}

json optional_record(const std::optional<OrgResultRecord>& r) {
  return r ? record_json(*r) : json(nullptr);
}

json counts_json(const figures::CategoryCounts& counts) {
  json out = json::object();
  for (RatingCategory c : kAllRatingCategories) {
    const auto it = counts.find(c);
    out[std::string(to_string(c))] = it == counts.end() ? 0 : it->second;
  }
  return out;
}

Result<int> year_of(RequestContext& ctx) {
  return int_query(ctx, "year", ctx.env->clock->today().year());
}

Status get_results(RequestContext& ctx) {
  auto year = year_of(ctx);
  if (!year.ok()) return year.error();
  auto v = registry(ctx).org_results(ctx.path_params.at(0), *year);
  if (!v.ok()) return v.error();
  json rows = json::array(), titles = json::array();
  for (const auto& r : v->rows) {
    json row_titles = json::array();
    for (const auto& [code, result] : r.titles) {
      row_titles.push_back({{"title", code},
                            {"registration", optional_record(result.proposal)},
                            {"decision", optional_record(result.decision)}});
    }
    rows.push_back(
        {{"org", r.org_code},
         {"org_name", r.org_name},
         {"kind", std::string(to_string(r.kind))},
         {"parent", r.parent_code.empty() ? json(nullptr) : json(r.parent_code)},
         {"depth", r.depth},
         {"competent", r.competent_code.empty() ? json(nullptr) : json(r.competent_code)},
         {"competent_name", r.competent_name},
         {"too_new", r.too_new},
         {"members", counts_json(r.members)},
         {"orgs_below", counts_json(r.orgs_below)},
         {"proposal", optional_record(r.rating.proposal)},
         {"decision", optional_record(r.rating.decision)},
         {"decided_by", r.decided_by_code},
         {"decided_by_name", r.decided_by_name},
         {"titles", row_titles}});
  }
  for (const auto& t : v->results.titles) {
    titles.push_back({{"title", t.code},
                      {"label", t.label},
                      {"registered", t.registered},
                      {"recognized", t.recognized},
                      {"not_recognized", t.not_recognized}});
  }
  ctx.out = {{"org", v->org_code},
             {"org_name", v->org_name},
             {"year", v->year},
             {"round_end", v->round_end.iso()},
             {"as_of", v->as_of.iso()},
             {"members", counts_json(v->results.members)},
             {"orgs", counts_json(v->results.orgs)},
             {"to_rate", v->to_rate},
             {"too_new", v->too_new},
             {"titles", titles},
             {"quota_warning", v->quota_warning ? json(*v->quota_warning) : json(nullptr)},
             {"rows", rows}};
  return {};
}

Result<int> body_year(const json& body) {
  auto year = int_field(body, "year", 0);
  if (!year.ok()) return year.error();
  return static_cast<int>(std::clamp(*year, 0LL, 10000LL));
}

Result<int> percent_field(const json& body, const char* name) {
  auto v = int_field(body, name, 0);
  if (!v.ok()) return v.error();
  return static_cast<int>(std::clamp(*v, -1LL, 1000LL));
}

Status record_rating(RequestContext& ctx) {
  service::OrgRatingInput in;
  in.org_code = ctx.path_params.at(0);
  auto year = body_year(ctx.body);
  if (!year.ok()) return year.error();
  in.year = *year;
  // A score may come as a number (92.5) or as the text a person typed ("92,5").
  if (auto it = ctx.body.find("score"); it != ctx.body.end() && it->is_number()) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", it->get<double>());
    in.score = text;
  } else {
    DANGVU_TRY(read_fields(ctx.body, {{"score", &in.score}}));
  }
  DANGVU_TRY(read_fields(ctx.body, {{"category", &in.category}, {"note", &in.note}}));
  auto late = percent_field(ctx.body, "tasks_late_percent");
  if (!late.ok()) return late.error();
  in.tasks_late_percent = *late;
  auto exceeding = percent_field(ctx.body, "tasks_exceeding_percent");
  if (!exceeding.ok()) return exceeding.error();
  in.tasks_exceeding_percent = *exceeding;
  auto disciplined = bool_field(ctx.body, "disciplined", false);
  if (!disciplined.ok()) return disciplined.error();
  in.disciplined = *disciplined;
  auto id = registry(ctx).record_org_rating(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"org", in.org_code}, {"id", *id}};
  return {};
}

Status register_title(RequestContext& ctx) {
  service::EmulationInput in;
  in.org_code = ctx.path_params.at(0);
  auto year = body_year(ctx.body);
  if (!year.ok()) return year.error();
  in.year = *year;
  DANGVU_TRY(read_fields(ctx.body, {{"title", &in.title}, {"note", &in.note}}));
  auto id = registry(ctx).register_emulation(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"org", in.org_code}, {"id", *id}};
  return {};
}

// A decision's body: {year, decision_no, decided_on, orgs: [{org, category | recognized}]}, and
// `title` for an emulation title's.
Status decide(RequestContext& ctx, bool rating) {
  service::OrgDecisionInput in;
  in.org_code = ctx.path_params.at(0);
  auto year = body_year(ctx.body);
  if (!year.ok()) return year.error();
  in.year = *year;
  DANGVU_TRY(
      read_fields(ctx.body, {{"decision_no", &in.decision_no}, {"decided_on", &in.decided_on}}));
  if (!rating) {
    DANGVU_TRY(read_fields(ctx.body, {{"title", &in.title}}));
    if (in.title.empty()) {
      return Error::invalid("title", "Danh hiệu thi đua: chưa ghi.", "missing title");
    }
  }
  const std::string shape = rating ? "{org, category}" : "{org, recognized}";
  DANGVU_TRY(each_object(ctx.body, "orgs", shape, [&](const json& o) -> Status {
    service::OrgDecisionItem one;
    DANGVU_TRY(read_fields(o, {{"org", &one.org_code}, {"category", &one.category}}));
    auto recognized = bool_field(o, "recognized", true);
    if (!recognized.ok()) return recognized.error();
    one.recognized = *recognized;
    in.orgs.push_back(std::move(one));
    return {};
  }));
  auto result = registry(ctx).decide_orgs(in);
  if (!result.ok()) return result.error();
  ctx.status = 201;
  ctx.out = {
      {"org", in.org_code},
      {"year", in.year},
      {"ids", result->ids},
      {"quota_warning", result->quota_warning ? json(*result->quota_warning) : json(nullptr)}};
  return {};
}

Status decide_rating(RequestContext& ctx) { return decide(ctx, true); }
Status decide_title(RequestContext& ctx) { return decide(ctx, false); }

Status cancel(RequestContext& ctx) {
  service::OrgResultCancelInput in;
  in.org_code = ctx.path_params.at(0);
  const std::string& id_text = ctx.path_params.at(1);
  in.record = path_number(id_text).value_or(0);
  if (in.record <= 0) {
    return Error::not_found("record", "Không có bản ghi số «" + id_text + "».",
                            "record id is not a number");
  }
  DANGVU_TRY(read_fields(ctx.body, {{"reason", &in.reason}}));
  auto id = registry(ctx).cancel_org_result(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"org", in.org_code}, {"id", *id}, {"refers", in.record}};
  return {};
}

Status get_decision_document(RequestContext& ctx) {
  auto year = year_of(ctx);
  if (!year.ok()) return year.error();
  const std::string code = ctx.path_params.at(0), title = ctx.query("title");
  return answer_document(
      ctx, ctx.query("format"),
      [&] { return registry(ctx).org_decision_document(code, *year, title); },
      "quyet-dinh-" + code + "-" + std::to_string(*year));
}

}  // namespace

void add_org_result_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/api/v1/orgs/{code}/org-results", Access::ready, get_results, BodyKind::json, true});
  routes.push_back({"POST", "/api/v1/orgs/{code}/org-results/rating", Access::ready, record_rating,
                    BodyKind::json, false, "rating.org_record"});
  routes.push_back({"POST", "/api/v1/orgs/{code}/org-results/rating-decision", Access::ready,
                    decide_rating, BodyKind::json, false, "rating.org_decide"});
  routes.push_back({"POST", "/api/v1/orgs/{code}/org-results/emulation", Access::ready,
                    register_title, BodyKind::json, false, "emulation.register"});
  routes.push_back({"POST", "/api/v1/orgs/{code}/org-results/emulation-decision", Access::ready,
                    decide_title, BodyKind::json, false, "emulation.decide"});
  routes.push_back({"GET", "/api/v1/orgs/{code}/org-results/decision/document", Access::ready,
                    get_decision_document, BodyKind::json, true});
  routes.push_back({"POST", "/api/v1/orgs/{code}/org-results/{id}/cancel", Access::ready, cancel,
                    BodyKind::json, false, "org_result.cancel"});
}

}  // namespace dangvu::api
