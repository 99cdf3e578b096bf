// Login, who am I (with what the account's role may do), password change, logout; and the
// Vietnamese labels of every code the API sends.
#include <set>
#include <string_view>

#include <cstdio>
#include "api/json_views.h"

#include "api/routes.h"
#include "auth/role.h"
#include "core/activity.h"
#include "core/conference.h"
#include "core/dossier.h"
#include "core/dues_ledger.h"
#include "core/member.h"
#include "core/org.h"

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
  nlohmann::json permissions = nlohmann::json::array();
  if (auto role = auth::parse_role(account.role)) {
    for (std::string_view p : auth::permissions_of(*role)) permissions.push_back(p);
  }
  return {{"account", to_json(account)},
          {"csrf_token", csrf},
          {"must_change_password", account.must_change_password},
          {"permissions", permissions}};
}

// Every value of an enum with its label, in declaration order, from core's own tables: the values
// 0, 1, … until the name or the label is empty (a table's end, a switch's fallback) or the name
// repeats (a switch's fallback).
template <typename E>
nlohmann::json values_of(std::string_view (*name)(E), std::string_view (*label)(E)) {
  nlohmann::json out = nlohmann::json::array();
  std::set<std::string_view> seen;
  for (int i = 0; i < 64; ++i) {
    const E v = static_cast<E>(i);
    const std::string_view n = name(v);
    const std::string_view l = label(v);
    if (n.empty() || l.empty() || !seen.insert(n).second) break;
    out.push_back({{"value", n}, {"label", l}});
  }
  return out;
}

template <typename E, std::size_t N>
nlohmann::json values_in(const E (&all)[N], std::string_view (*name)(E),
                         std::string_view (*label)(E)) {
  nlohmann::json out = nlohmann::json::array();
  for (E v : all) out.push_back({{"value", name(v)}, {"label", label(v)}});
  return out;
}

Status get_labels(RequestContext& ctx) {
  using std::string_view;
  ctx.out = {
      {"member_statuses",
       values_of<MemberStatus>(static_cast<string_view (*)(MemberStatus)>(to_string),
                               static_cast<string_view (*)(MemberStatus)>(label_vi))},
      {"member_event_kinds",
       values_of<MemberEventKind>(static_cast<string_view (*)(MemberEventKind)>(to_string),
                                  static_cast<string_view (*)(MemberEventKind)>(label_vi))},
      {"genders", values_in(kAllGenders, static_cast<string_view (*)(Gender)>(to_string),
                            static_cast<string_view (*)(Gender)>(label_vi))},
      {"transfer_modes",
       values_of<TransferMode>(static_cast<string_view (*)(TransferMode)>(to_string),
                               static_cast<string_view (*)(TransferMode)>(label_vi))},
      {"org_kinds", values_in(kAllOrgKinds, static_cast<string_view (*)(OrgKind)>(to_string),
                              static_cast<string_view (*)(OrgKind)>(label_vi))},
      {"roles",
       values_in(auth::kAllRoles, static_cast<string_view (*)(auth::Role)>(auth::to_string),
                 static_cast<string_view (*)(auth::Role)>(auth::label_vi))},
      {"meeting_kinds",
       values_of<MeetingKind>(static_cast<string_view (*)(MeetingKind)>(to_string),
                              static_cast<string_view (*)(MeetingKind)>(label_vi))},
      {"meeting_qualities",
       values_of<MeetingQuality>(static_cast<string_view (*)(MeetingQuality)>(to_string),
                                 static_cast<string_view (*)(MeetingQuality)>(label_vi))},
      {"oversight_kinds",
       values_of<OversightKind>(static_cast<string_view (*)(OversightKind)>(to_string),
                                static_cast<string_view (*)(OversightKind)>(label_vi))},
      {"oversight_bases",
       values_of<OversightBasis>(static_cast<string_view (*)(OversightBasis)>(to_string),
                                 static_cast<string_view (*)(OversightBasis)>(label_vi))},
      {"cancelled_kinds",
       values_of<CancelledKind>(static_cast<string_view (*)(CancelledKind)>(to_string),
                                static_cast<string_view (*)(CancelledKind)>(label_vi))},
      {"conference_kinds",
       values_of<ConferenceKind>(static_cast<string_view (*)(ConferenceKind)>(to_string),
                                 static_cast<string_view (*)(ConferenceKind)>(label_vi))},
      {"site_modes", values_of<SiteMode>(static_cast<string_view (*)(SiteMode)>(to_string),
                                         static_cast<string_view (*)(SiteMode)>(label_vi))},
      {"attendances", values_of<Attendance>(static_cast<string_view (*)(Attendance)>(to_string),
                                            static_cast<string_view (*)(Attendance)>(label_vi))},
      {"item_kinds", values_of<ItemKind>(static_cast<string_view (*)(ItemKind)>(to_string),
                                         static_cast<string_view (*)(ItemKind)>(label_vi))},
      {"decision_kinds",
       values_of<DecisionKind>(static_cast<string_view (*)(DecisionKind)>(to_string),
                               static_cast<string_view (*)(DecisionKind)>(label_vi))},
      {"task_statuses", values_of<TaskStatus>(static_cast<string_view (*)(TaskStatus)>(to_string),
                                              static_cast<string_view (*)(TaskStatus)>(label_vi))},
      {"task_event_kinds",
       values_of<TaskEventKind>(static_cast<string_view (*)(TaskEventKind)>(to_string),
                                static_cast<string_view (*)(TaskEventKind)>(label_vi))},
  };
  using nlohmann::json;
  json fields = json::array();
  for (const auto& f : dossier_fields()) {
    fields.push_back({{"value", f.code},
                      {"label", f.label},
                      {"kind", to_string(f.kind)},
                      {"catalog", f.catalog.empty() ? json(nullptr) : json(f.catalog)},
                      {"sensitive", f.sensitive},
                      {"listed", f.listed}});
  }
  ctx.out["dossier_fields"] = fields;
  json catalogs = json::object();
  for (const auto& [name, catalog] : ctx.env->rules.catalogs.lists) {
    json items = json::array();
    for (const auto& item : catalog.items) {
      json entry = {{"value", item.code}, {"label", item.label}};
      if (!item.group.empty()) entry["group"] = item.group;
      items.push_back(std::move(entry));
    }
    catalogs[name] = items;
  }
  ctx.out["catalogs"] = catalogs;
  const DuesRules& dues = ctx.env->rules.dues;
  json categories = json::array(), grounds = json::array();
  for (const auto& c : dues.categories) {
    categories.push_back({{"value", c.code},
                          {"label", c.label},
                          {"rate_bp", c.rate_bp},
                          {"fixed", c.fixed},
                          {"base_of_month_before", c.base_of_month_before}});
  }
  for (const auto& g : dues.exemption_grounds) {
    grounds.push_back({{"value", g.code}, {"label", g.label}});
  }
  json channels = json::array();
  for (auto c : {DuesChannel::cash, DuesChannel::portal}) {
    channels.push_back({{"value", std::string(to_string(c))}, {"label", std::string(label_vi(c))}});
  }
  ctx.out["dues"] = {{"categories", categories},
                     {"exemption_grounds", grounds},
                     {"channels", channels},
                     {"reduction_percents", dues.reduction_percents},
                     {"reduction_max_months", dues.reduction_max_months},
                     {"unpaid_months_flag", dues.unpaid_months_flag},
                     {"exempt_party_age_years", dues.exempt_party_age_years}};
  json occasions = json::array();
  for (const auto& o : ctx.env->rules.badges.occasions) {
    char day[8];
    std::snprintf(day, sizeof day, "%02d-%02d", o.month, o.day);
    occasions.push_back(day);
  }
  ctx.out["badges"] = {{"years", ctx.env->rules.badge_years}, {"occasions", occasions}};
  const RatingRules& rating = ctx.env->rules.rating;
  ctx.out["rating"] = {{"excellent_min", rating.excellent_min},
                       {"good_min", rating.good_min},
                       {"completed_min", rating.completed_min},
                       {"org_excellent_exceeding_percent", rating.org_excellent_exceeding_percent},
                       {"org_completed_late_max_percent", rating.org_completed_late_max_percent}};
  json titles = json::array();
  for (const auto& t : ctx.env->rules.emulation.titles) {
    json kinds = json::array();
    for (OrgKind k : t.org_kinds) kinds.push_back(std::string(to_string(k)));
    titles.push_back(
        {{"code", t.code}, {"label", t.label}, {"org_kinds", kinds}, {"criteria", t.criteria}});
  }
  ctx.out["emulation_titles"] = titles;
  // The same for every account and every request until the program changes: a browser keeps
  // it for an hour instead of asking on every page.
  ctx.headers.emplace_back("Cache-Control", "private, max-age=3600");
  return {};
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
  routes.push_back({"GET", "/api/v1/labels", Access::ready, get_labels});
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
