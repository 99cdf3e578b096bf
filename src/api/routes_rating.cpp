// The yearly quality rating of members: the round of an org's subtree for a year, a member's
// self-assessment or the branch's proposal, the competent committee's decision for a list, a
// record cancelled, a member's results across the years.
#include <algorithm>
#include <cstdio>

#include "api/document_answer.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

json record_json(const RatingRecord& r) {
  return {{"id", r.id},
          {"year", r.year},
          {"step", std::string(to_string(r.step))},
          {"step_label", std::string(label_vi(r.step))},
          {"score", r.score ? json(score_vi(*r.score)) : json(nullptr)},
          {"category", std::string(to_string(r.category))},
          {"category_label", std::string(label_vi(r.category))},
          {"tasks_on_time", r.tasks_on_time},
          {"decision_no", r.decision_no},
          {"decided_on", r.decided_on ? json(r.decided_on->iso()) : json(nullptr)},
          {"refers", r.refers ? json(*r.refers) : json(nullptr)},
          {"note", r.note},
          {"recorded_at", r.recorded_at},
          {"recorded_by", r.recorded_by}};
}

json optional_record(const std::optional<RatingRecord>& r) {
  return r ? record_json(*r) : json(nullptr);
}

Status get_round(RequestContext& ctx) {
  auto year = int_query(ctx, "year", ctx.env->clock->today().year());
  if (!year.ok()) return year.error();
  auto v = registry(ctx).rating_round(ctx.path_params.at(0), *year);
  if (!v.ok()) return v.error();
  json rows = json::array(), categories = json::array(), not_rated = json::array();
  for (const auto& r : v->rows) {
    rows.push_back(
        {{"member", r.member_code},
         {"name", r.name},
         {"org", r.org_code},
         {"org_name", r.org_name},
         {"competent", r.competent_code},
         {"not_rated", r.not_rated ? json(std::string(to_string(*r.not_rated))) : json(nullptr)},
         {"not_rated_label",
          r.not_rated ? json(std::string(label_vi(*r.not_rated))) : json(nullptr)},
         {"disciplined", r.disciplined},
         {"self", optional_record(r.rating.self)},
         {"proposal", optional_record(r.rating.proposal)},
         {"decision", optional_record(r.rating.decision)},
         {"decided_by", r.decided_by_code},
         {"decided_by_name", r.decided_by_name}});
  }
  for (RatingCategory c : kAllRatingCategories) {
    const auto it = v->by_category.find(c);
    categories.push_back({{"category", std::string(to_string(c))},
                          {"label", std::string(label_vi(c))},
                          {"count", it == v->by_category.end() ? 0 : it->second}});
  }
  for (NotRatedReason reason : kAllNotRatedReasons) {
    const auto it = v->not_rated.find(reason);
    not_rated.push_back({{"reason", std::string(to_string(reason))},
                         {"label", std::string(label_vi(reason))},
                         {"count", it == v->not_rated.end() ? 0 : it->second}});
  }
  ctx.out = {{"org", v->org_code},
             {"org_name", v->org_name},
             {"year", v->year},
             {"round_end", v->round_end.iso()},
             {"as_of", v->as_of.iso()},
             {"members", v->members},
             {"to_rate", v->to_rate},
             {"decided", v->decided},
             {"by_category", categories},
             {"not_rated", not_rated},
             {"quota_warning", v->quota_warning ? json(*v->quota_warning) : json(nullptr)},
             {"rows", rows}};
  return {};
}

Status record(RequestContext& ctx) {
  service::RatingInput in;
  in.member_code = ctx.path_params.at(0);
  auto year = int_field(ctx.body, "year", 0);
  if (!year.ok()) return year.error();
  in.year = static_cast<int>(std::clamp(*year, 0LL, 10000LL));
  // A score may come as a number (89.5) or as the text a person typed ("89,5").
  if (auto it = ctx.body.find("score"); it != ctx.body.end() && it->is_number()) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", it->get<double>());
    in.score = text;
  } else {
    DANGVU_TRY(read_fields(ctx.body, {{"score", &in.score}}));
  }
  DANGVU_TRY(
      read_fields(ctx.body, {{"step", &in.step}, {"category", &in.category}, {"note", &in.note}}));
  auto tasks = bool_field(ctx.body, "tasks_on_time", true);
  if (!tasks.ok()) return tasks.error();
  in.tasks_on_time = *tasks;
  auto id = registry(ctx).record_rating(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"member", in.member_code}, {"id", *id}};
  return {};
}

Status decide(RequestContext& ctx) {
  service::RatingDecisionInput in;
  in.org_code = ctx.path_params.at(0);
  auto year = int_field(ctx.body, "year", 0);
  if (!year.ok()) return year.error();
  in.year = static_cast<int>(std::clamp(*year, 0LL, 10000LL));
  DANGVU_TRY(
      read_fields(ctx.body, {{"decision_no", &in.decision_no}, {"decided_on", &in.decided_on}}));
  DANGVU_TRY(each_object(ctx.body, "members", "{member, category}", [&](const json& m) -> Status {
    service::RatingDecisionMember one;
    DANGVU_TRY(read_fields(m, {{"member", &one.member_code}, {"category", &one.category}}));
    in.members.push_back(std::move(one));
    return {};
  }));
  auto result = registry(ctx).decide_ratings(in);
  if (!result.ok()) return result.error();
  ctx.status = 201;
  ctx.out = {
      {"org", in.org_code},
      {"year", in.year},
      {"ids", result->ids},
      {"quota_warning", result->quota_warning ? json(*result->quota_warning) : json(nullptr)}};
  return {};
}

Status cancel(RequestContext& ctx) {
  service::RatingCancelInput in;
  in.member_code = ctx.path_params.at(0);
  in.record = path_number(ctx.path_params.at(1)).value_or(0);
  if (in.record <= 0) {
    return Error::not_found("record",
                            "Không có bản ghi đánh giá số «" + ctx.path_params.at(1) + "».",
                            "rating record id is not a number");
  }
  DANGVU_TRY(read_fields(ctx.body, {{"reason", &in.reason}}));
  auto id = registry(ctx).cancel_rating(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"member", in.member_code}, {"id", *id}, {"refers", in.record}};
  return {};
}

Status get_member(RequestContext& ctx) {
  auto v = registry(ctx).member_ratings(ctx.path_params.at(0));
  if (!v.ok()) return v.error();
  json records = json::array(), years = json::array();
  for (const auto& r : v->records) {
    json one = record_json(r);
    one["cancelled"] =
        std::find(v->cancelled.begin(), v->cancelled.end(), r.id) != v->cancelled.end();
    records.push_back(std::move(one));
  }
  for (auto it = v->by_year.rbegin(); it != v->by_year.rend(); ++it) {
    years.push_back({{"year", it->first},
                     {"self", optional_record(it->second.self)},
                     {"proposal", optional_record(it->second.proposal)},
                     {"decision", optional_record(it->second.decision)}});
  }
  ctx.out = {{"member", v->member_code}, {"name", v->name}, {"years", years}, {"records", records}};
  return {};
}

Status get_decision_document(RequestContext& ctx) {
  auto year = int_query(ctx, "year", ctx.env->clock->today().year());
  if (!year.ok()) return year.error();
  const std::string code = ctx.path_params.at(0);
  return answer_document(
      ctx, ctx.query("format"), [&] { return registry(ctx).rating_decision_document(code, *year); },
      "quyet-dinh-xep-loai-" + code + "-" + std::to_string(*year));
}

}  // namespace

void add_rating_routes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/api/v1/orgs/{code}/ratings", Access::ready, get_round, BodyKind::json, true});
  routes.push_back({"GET", "/api/v1/orgs/{code}/ratings/decision/document", Access::ready,
                    get_decision_document, BodyKind::json, true});
  routes.push_back({"POST", "/api/v1/orgs/{code}/ratings/decision", Access::ready, decide,
                    BodyKind::json, false, "rating.decide"});
  routes.push_back({"GET", "/api/v1/members/{code}/ratings", Access::ready, get_member});
  routes.push_back({"POST", "/api/v1/members/{code}/ratings", Access::ready, record, BodyKind::json,
                    false, "rating.record"});
  routes.push_back({"POST", "/api/v1/members/{code}/ratings/{id}/cancel", Access::ready, cancel,
                    BodyKind::json, false, "rating.cancel"});
}

}  // namespace dangvu::api
