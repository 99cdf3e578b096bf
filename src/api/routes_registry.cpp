// The registry: the tree, statistics, org operations, members and their events.
#include "api/json_views.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

// Reads the listed text fields of `body` into the targets.
Status read_event(const json& body, service::EventInput& e) {
  DANGVU_TRY(read_fields(body, {{"kind", &e.kind},
                                {"date", &e.date},
                                {"org", &e.org_code},
                                {"mode", &e.mode},
                                {"decision_no", &e.decision_no},
                                {"ceremony_date", &e.ceremony_date},
                                {"vote_date", &e.vote_date},
                                {"age_exception_ref", &e.age_exception_ref},
                                {"card_number", &e.card_number},
                                {"reason", &e.reason},
                                {"ground", &e.ground},
                                {"new_date", &e.new_date},
                                {"new_org", &e.new_org_code},
                                {"new_ceremony_date", &e.new_ceremony_date},
                                {"new_decision_no", &e.new_decision_no},
                                {"new_card_number", &e.new_card_number}}));
  if (auto it = body.find("corrects"); it != body.end() && !it->is_null()) {
    if (it->is_number_unsigned()) {
      e.corrects = std::to_string(it->get<unsigned long long>());
    } else if (it->is_string()) {
      e.corrects = it->get<std::string>();
    } else {
      return Error::invalid("corrects", "Trường «corrects»: phải là số của sự kiện được sửa.",
                            "field 'corrects': expected an event number");
    }
  }
  auto voids = bool_field(body, "voids", e.voids);
  if (!voids.ok()) return voids.error();
  e.voids = *voids;
  return {};
}

Status get_tree(RequestContext& ctx) {
  auto v = registry(ctx).tree(ctx.query("org"), ctx.query("at"));
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status get_stats(RequestContext& ctx) {
  auto v = registry(ctx).stats(ctx.path_params.at(0), ctx.query("at"));
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status get_recent_events(RequestContext& ctx) {
  auto limit = int_query(ctx, "limit", 20);
  if (!limit.ok()) return limit.error();
  auto rows = registry(ctx).recent_events(ctx.path_params.at(0), ctx.query("at"), *limit);
  if (!rows.ok()) return rows.error();
  json out = json::array();
  for (const auto& r : *rows) {
    out.push_back({{"id", r.id},
                   {"member", r.member_code},
                   {"full_name", r.full_name},
                   {"kind", r.kind},
                   {"date", r.date},
                   {"org", r.org_code}});
  }
  ctx.out = {{"events", out}};
  return {};
}

Status create_org(RequestContext& ctx) {
  service::AddOrgInput in;
  DANGVU_TRY(read_fields(ctx.body, {{"code", &in.code},
                                    {"name", &in.name},
                                    {"kind", &in.kind},
                                    {"parent", &in.parent_code},
                                    {"date", &in.date}}));
  auto id = registry(ctx).add_org(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"code", in.code}};
  return {};
}

Status rename_org(RequestContext& ctx) {
  std::string name, date;
  DANGVU_TRY(read_fields(ctx.body, {{"name", &name}, {"date", &date}}));
  DANGVU_TRY(registry(ctx).rename_org(ctx.path_params.at(0), name, date));
  ctx.out = {{"code", ctx.path_params.at(0)}};
  return {};
}

Status move_org(RequestContext& ctx) {
  std::string parent, date;
  DANGVU_TRY(read_fields(ctx.body, {{"parent", &parent}, {"date", &date}}));
  DANGVU_TRY(registry(ctx).move_org(ctx.path_params.at(0), parent, date));
  ctx.out = {{"code", ctx.path_params.at(0)}};
  return {};
}

Status dissolve_org(RequestContext& ctx) {
  std::string date;
  DANGVU_TRY(read_fields(ctx.body, {{"date", &date}}));
  DANGVU_TRY(registry(ctx).dissolve_org(ctx.path_params.at(0), date));
  ctx.out = {{"code", ctx.path_params.at(0)}};
  return {};
}

Status merge_orgs(RequestContext& ctx) {
  service::MergeInput in;
  auto from = text_list_field(ctx.body, "from");
  if (!from.ok()) return from.error();
  in.from = *from;
  DANGVU_TRY(read_fields(ctx.body, {{"into", &in.into},
                                    {"new_name", &in.new_name},
                                    {"new_kind", &in.new_kind},
                                    {"new_parent", &in.new_parent_code},
                                    {"date", &in.date}}));
  if (in.from.empty()) {
    return Error::invalid("from", "Trường «from»: cần ít nhất một tổ chức được hợp nhất.",
                          "merge without sources");
  }
  DANGVU_TRY(registry(ctx).merge_orgs(in));
  ctx.out = {{"code", in.into}};
  return {};
}

Status split_org(RequestContext& ctx) {
  service::SplitInput in;
  in.code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(ctx.body, {{"members_to", &in.members_to}, {"date", &in.date}}));
  auto parts = ctx.body.find("parts");
  if (parts == ctx.body.end() || !parts->is_array() || parts->empty()) {
    return Error::invalid("parts", "Trường «parts»: cần danh sách các tổ chức mới (mã, tên).",
                          "field 'parts': expected a non-empty array");
  }
  for (const auto& p : *parts) {
    if (!p.is_object()) {
      return Error::invalid("parts", "Trường «parts»: mỗi phần là một đối tượng {code, name}.",
                            "field 'parts': expected objects");
    }
    service::SplitPartInput part;
    DANGVU_TRY(read_fields(p, {{"code", &part.code}, {"name", &part.name}, {"kind", &part.kind}}));
    in.parts.push_back(part);
  }
  if (auto assign = ctx.body.find("assign"); assign != ctx.body.end() && !assign->is_null()) {
    if (!assign->is_object()) {
      return Error::invalid("assign", "Trường «assign»: phải là bảng {mã tổ chức con: mã phần}.",
                            "field 'assign': expected an object");
    }
    for (const auto& [child, part] : assign->items()) {
      if (!part.is_string()) {
        return Error::invalid("assign", "Trường «assign»: mã phần phải là chuỗi ký tự.",
                              "field 'assign': expected string values");
      }
      in.assign[child] = part.get<std::string>();
    }
  }
  DANGVU_TRY(registry(ctx).split_org(in));
  ctx.out = {{"code", in.code}};
  return {};
}

Status list_members(RequestContext& ctx) {
  service::ListMembersInput in;
  in.org_code = ctx.query("org");
  in.at = ctx.query("at");
  in.q = ctx.query("q");
  in.status = ctx.query("status");
  auto limit = int_query(ctx, "limit", 100);
  if (!limit.ok()) return limit.error();
  auto offset = int_query(ctx, "offset", 0);
  if (!offset.ok()) return offset.error();
  in.limit = *limit;
  in.offset = *offset;
  auto v = registry(ctx).list_members(in);
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status add_member(RequestContext& ctx) {
  service::AddMemberInput in;
  DANGVU_TRY(read_fields(ctx.body, {{"code", &in.code},
                                    {"family", &in.family},
                                    {"middle", &in.middle},
                                    {"given", &in.given},
                                    {"birth_date", &in.birth_date},
                                    {"gender", &in.gender}}));
  auto first = ctx.body.find("first");
  if (first == ctx.body.end() || !first->is_object()) {
    return Error::invalid("first",
                          "Trường «first»: cần sự kiện đầu tiên (đăng ký quần chúng ưu tú hoặc "
                          "kết nạp).",
                          "field 'first': expected an object");
  }
  DANGVU_TRY(read_event(*first, in.first));
  auto id = registry(ctx).add_member(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"code", in.code}};
  return {};
}

Status get_member(RequestContext& ctx) {
  auto v = registry(ctx).show_member(ctx.path_params.at(0), ctx.query("at"));
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status record_event(RequestContext& ctx) {
  service::EventInput in;
  DANGVU_TRY(read_event(ctx.body, in));
  in.member_code = ctx.path_params.at(0);
  auto id = registry(ctx).record_event(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"member", in.member_code}, {"event_id", *id}};
  return {};
}

Status get_rules(RequestContext& ctx) {
  ctx.out = json::parse(ctx.env->rules.to_json());
  return {};
}

}  // namespace

void add_registry_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/tree", Access::ready, get_tree, BodyKind::json, true});
  routes.push_back(
      {"GET", "/api/v1/orgs/{code}/stats", Access::ready, get_stats, BodyKind::json, true});
  routes.push_back({"GET", "/api/v1/orgs/{code}/events", Access::ready, get_recent_events});
  routes.push_back({"POST", "/api/v1/orgs", Access::ready, create_org});
  routes.push_back({"POST", "/api/v1/orgs/merge", Access::ready, merge_orgs, BodyKind::json, false,
                    "org.merge"});
  routes.push_back({"POST", "/api/v1/orgs/{code}/rename", Access::ready, rename_org});
  routes.push_back({"POST", "/api/v1/orgs/{code}/move", Access::ready, move_org});
  routes.push_back({"POST", "/api/v1/orgs/{code}/split", Access::ready, split_org});
  routes.push_back({"POST", "/api/v1/orgs/{code}/dissolve", Access::ready, dissolve_org});
  routes.push_back({"GET", "/api/v1/members", Access::ready, list_members, BodyKind::json, true});
  routes.push_back({"POST", "/api/v1/members", Access::ready, add_member});
  routes.push_back({"GET", "/api/v1/members/{code}", Access::ready, get_member});
  routes.push_back({"POST", "/api/v1/members/{code}/events", Access::ready, record_event});
  routes.push_back({"GET", "/api/v1/rules", Access::ready, get_rules});
}

}  // namespace dangvu::api
