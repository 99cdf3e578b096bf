// Party badges: who reaches a badge's years for an occasion of presentation in an org's subtree;
// the committee's decision awarding badges to a list of members; a member's badges, and their
// presentation, reissue and cancellation.
#include <algorithm>

#include "api/document_answer.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

json held_json(const BadgeHeld& h) {
  return {{"id", h.award.id},
          {"years", h.award.years},
          {"ground", std::string(to_string(h.award.ground))},
          {"occasion", h.award.occasion.iso()},
          {"decision_no", h.award.decision_no},
          {"decided_by", h.award.decided_by},
          {"decided_on", h.award.dated.iso()},
          {"presented_on", h.presented_on ? json(h.presented_on->iso()) : json(nullptr)},
          {"reissues", [&] {
             json out = json::array();
             for (const auto& r : h.reissues) {
               out.push_back({{"id", r.id},
                              {"decision_no", r.decision_no},
                              {"decided_by", r.decided_by},
                              {"decided_on", r.dated.iso()},
                              {"reason", r.note}});
             }
             return out;
           }()}};
}

Status get_badges_due(RequestContext& ctx) {
  auto v = registry(ctx).badges_due(ctx.path_params.at(0), ctx.query("occasion"));
  if (!v.ok()) return v.error();
  json rows = json::array(), by_years = json::array();
  for (const auto& r : v->rows) {
    rows.push_back({{"member", r.member_code},
                    {"name", r.name},
                    {"birth", r.birth.iso()},
                    {"org", r.org_code},
                    {"org_name", r.org_name},
                    {"first_admission", r.first_admission.iso()},
                    {"years", r.years},
                    {"due", r.due.iso()},
                    {"gap", r.gap},
                    {"overdue", r.overdue},
                    {"held", r.held ? json(*r.held) : json(nullptr)},
                    {"award", r.award ? held_json(*r.award) : json(nullptr)}});
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
             {"awarded", v->awarded},
             {"rows", rows}};
  return {};
}

// The decision's fields shared by a list's route and a member's.
Status read_decision(const json& body, service::BadgeDecisionInput& in) {
  return read_fields(body, {{"occasion", &in.occasion},
                            {"decision_no", &in.decision_no},
                            {"decided_by", &in.decided_by},
                            {"decided_on", &in.decided_on},
                            {"presented_on", &in.presented_on}});
}

Status read_award(const json& body, service::BadgeAwardInput& a) {
  DANGVU_TRY(read_fields(body, {{"member", &a.member_code}, {"ground", &a.ground}}));
  if (auto it = body.find("years"); it != body.end() && !it->is_null()) {
    auto years = int_field(body, "years", 0);
    if (!years.ok()) return years.error();
    a.years = static_cast<int>(std::clamp(*years, -1000LL, 1000LL));
  }
  return {};
}

Status record_awards(RequestContext& ctx) {
  service::BadgeDecisionInput in;
  DANGVU_TRY(read_decision(ctx.body, in));
  DANGVU_TRY(
      each_object(ctx.body, "members", "{member, years, ground}", [&](const json& m) -> Status {
        service::BadgeAwardInput a;
        DANGVU_TRY(read_award(m, a));
        in.members.push_back(std::move(a));
        return {};
      }));
  auto ids = registry(ctx).record_badge_awards(in);
  if (!ids.ok()) return ids.error();
  ctx.status = 201;
  ctx.out = {{"occasion", in.occasion}, {"ids", *ids}};
  return {};
}

Status get_member_badges(RequestContext& ctx) {
  auto v = registry(ctx).member_badges(ctx.path_params.at(0));
  if (!v.ok()) return v.error();
  json held = json::array(), records = json::array();
  for (const auto& h : v->held) held.push_back(held_json(h));
  for (const auto& r : v->records) {
    const bool cancelled =
        std::find(v->cancelled.begin(), v->cancelled.end(), r.id) != v->cancelled.end();
    records.push_back({{"id", r.id},
                       {"kind", std::string(to_string(r.kind))},
                       {"kind_label", std::string(label_vi(r.kind))},
                       {"years", r.years},
                       {"ground", std::string(to_string(r.ground))},
                       {"occasion", r.occasion.iso()},
                       {"decision_no", r.decision_no},
                       {"decided_by", r.decided_by},
                       {"dated", r.dated.iso()},
                       {"refers", r.refers ? json(*r.refers) : json(nullptr)},
                       {"note", r.note},
                       {"cancelled", cancelled},
                       {"recorded_at", r.recorded_at},
                       {"recorded_by", r.recorded_by}});
  }
  ctx.out = {
      {"member", v->member_code},
      {"name", v->name},
      {"first_admission", v->first_admission ? json(v->first_admission->iso()) : json(nullptr)},
      {"held", held},
      {"records", records},
      {"next_years", v->next_years ? json(*v->next_years) : json(nullptr)},
      {"next_due", v->next_due ? json(v->next_due->iso()) : json(nullptr)}};
  return {};
}

Status record_member_award(RequestContext& ctx) {
  service::BadgeDecisionInput in;
  in.single = true;
  DANGVU_TRY(read_decision(ctx.body, in));
  service::BadgeAwardInput a;
  DANGVU_TRY(read_award(ctx.body, a));
  a.member_code = ctx.path_params.at(0);
  in.members.push_back(std::move(a));
  auto ids = registry(ctx).record_badge_awards(in);
  if (!ids.ok()) return ids.error();
  ctx.status = 201;
  ctx.out = {{"member", ctx.path_params.at(0)}, {"id", ids->front()}};
  return {};
}

Result<long long> record_param(const RequestContext& ctx) {
  if (auto id = path_number(ctx.path_params.at(1))) return *id;
  return Error::not_found("record",
                          "Không có bản ghi Huy hiệu Đảng số «" + ctx.path_params.at(1) + "».",
                          "badge record id is not a number");
}

Status follow(RequestContext& ctx, BadgeRecordKind kind) {
  service::BadgeFollowInput in;
  in.member_code = ctx.path_params.at(0);
  in.kind = kind;
  auto record = record_param(ctx);
  if (!record.ok()) return record.error();
  in.record = *record;
  switch (kind) {
    case BadgeRecordKind::presentation:
      DANGVU_TRY(read_fields(ctx.body, {{"presented_on", &in.dated}}));
      break;
    case BadgeRecordKind::reissue:
      DANGVU_TRY(read_fields(ctx.body, {{"decided_on", &in.dated},
                                        {"decision_no", &in.decision_no},
                                        {"decided_by", &in.decided_by},
                                        {"reason", &in.reason}}));
      break;
    default: DANGVU_TRY(read_fields(ctx.body, {{"reason", &in.reason}})); break;
  }
  auto id = registry(ctx).record_badge_follow(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"member", in.member_code}, {"id", *id}, {"refers", in.record}};
  return {};
}

Status get_proposal_document(RequestContext& ctx) {
  const std::string code = ctx.path_params.at(0), occasion = ctx.query("occasion");
  std::string stem = "to-trinh-huy-hieu-" + code + "-";
  for (char c : occasion) {
    if (c != '-') stem += c;
  }
  return answer_document(
      ctx, ctx.query("format"),
      [&] { return registry(ctx).badge_proposal_document(code, occasion); }, stem);
}

}  // namespace

void add_badges_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/orgs/{code}/badges/due", Access::ready, get_badges_due,
                    BodyKind::json, true});
  routes.push_back({"GET", "/api/v1/orgs/{code}/badges/due/document", Access::ready,
                    get_proposal_document, BodyKind::json, true});
  routes.push_back({"POST", "/api/v1/badges/awards", Access::ready, record_awards, BodyKind::json,
                    false, "badge.award"});
  routes.push_back({"GET", "/api/v1/members/{code}/badges", Access::ready, get_member_badges});
  routes.push_back({"POST", "/api/v1/members/{code}/badges", Access::ready, record_member_award,
                    BodyKind::json, false, "badge.award"});
  routes.push_back({"POST", "/api/v1/members/{code}/badges/{id}/presentation", Access::ready,
                    [](RequestContext& ctx) { return follow(ctx, BadgeRecordKind::presentation); },
                    BodyKind::json, false, "badge.present"});
  routes.push_back({"POST", "/api/v1/members/{code}/badges/{id}/reissue", Access::ready,
                    [](RequestContext& ctx) { return follow(ctx, BadgeRecordKind::reissue); },
                    BodyKind::json, false, "badge.reissue"});
  routes.push_back({"POST", "/api/v1/members/{code}/badges/{id}/cancel", Access::ready,
                    [](RequestContext& ctx) { return follow(ctx, BadgeRecordKind::cancellation); },
                    BodyKind::json, false, "badge.cancel"});
}

}  // namespace dangvu::api
