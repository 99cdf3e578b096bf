// Work records: the document register, the year's plan, activities, indicators.
#include "api/document_answer.h"
#include "api/json_views.h"
#include "api/routes.h"
#include "figures/indicators.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

Status created(RequestContext& ctx, const Result<ActivityId>& id) {
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"id", *id}};
  return {};
}

Status get_indicator_definitions(RequestContext& ctx) {
  json out = json::array();
  for (const auto& i : figures::indicators()) {
    out.push_back({{"id", i.id},
                   {"label", i.label_vi},
                   {"kind", i.kind == figures::IndicatorKind::stock  ? "stock"
                            : i.kind == figures::IndicatorKind::flow ? "flow"
                                                                     : "ratio"},
                   {"unit", i.unit_vi},
                   {"plannable", i.plannable}});
  }
  ctx.out = {{"indicators", out}};
  return {};
}

Status get_documents(RequestContext& ctx) {
  auto limit = int_query(ctx, "limit", 100);
  if (!limit.ok()) return limit.error();
  auto docs = registry(ctx).list_documents(ctx.query("q"), *limit);
  if (!docs.ok()) return docs.error();
  json out = json::array();
  for (const auto& d : *docs) out.push_back(to_json(d));
  ctx.out = {{"documents", out}};
  return {};
}

Status add_document(RequestContext& ctx) {
  service::DocumentInput in;
  DANGVU_TRY(read_fields(ctx.body, {{"number", &in.number},
                                    {"issued_on", &in.issued_on},
                                    {"title", &in.title},
                                    {"issuing_body", &in.issuing_body}}));
  DANGVU_TRY(registry(ctx).add_document(in));
  ctx.status = 201;
  ctx.out = {{"number", in.number}};
  return {};
}

Status get_plan(RequestContext& ctx) {
  auto year = int_query(ctx, "year", ctx.env->clock->today().year());
  if (!year.ok()) return year.error();
  auto v = registry(ctx).plan(ctx.path_params.at(0), *year);
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status set_plan_target(RequestContext& ctx) {
  service::PlanTargetInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(ctx.body, {{"indicator", &in.indicator}}));
  auto year = int_field(ctx.body, "year", 0);
  if (!year.ok()) return year.error();
  auto target = int_field(ctx.body, "target", -1);
  if (!target.ok()) return target.error();
  in.year = static_cast<int>(std::clamp<long long>(*year, 0, 99999));
  in.target = *target;
  DANGVU_TRY(registry(ctx).set_plan_target(in));
  ctx.out = {
      {"org", in.org_code}, {"year", in.year}, {"indicator", in.indicator}, {"target", in.target}};
  return {};
}

Status get_activities(RequestContext& ctx) {
  auto limit = int_query(ctx, "limit", 100);
  if (!limit.ok()) return limit.error();
  auto v =
      registry(ctx).activities({ctx.path_params.at(0), ctx.query("from"), ctx.query("to"), *limit});
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status add_meeting(RequestContext& ctx) {
  service::MeetingInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(
      ctx.body,
      {{"date", &in.date}, {"kind", &in.kind}, {"topic", &in.topic}, {"quality", &in.quality}}));
  if (auto it = ctx.body.find("absent"); it != ctx.body.end() && !it->is_null()) {
    if (!it->is_array()) {
      return Error::invalid("absent", "Trường «absent»: phải là danh sách {member, reason}.",
                            "field 'absent': expected an array of {member, reason}");
    }
    for (const auto& a : *it) {
      if (!a.is_object()) {
        return Error::invalid("absent", "Trường «absent»: phải là danh sách {member, reason}.",
                              "field 'absent': expected objects");
      }
      service::AbsenceInput ab;
      DANGVU_TRY(read_fields(a, {{"member", &ab.member_code}, {"reason", &ab.reason}}));
      in.absent.push_back(ab);
    }
  }
  return created(ctx, registry(ctx).record_meeting(in));
}

Status add_oversight(RequestContext& ctx) {
  service::OversightInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(ctx.body, {{"kind", &in.kind},
                                    {"basis", &in.basis},
                                    {"date", &in.date},
                                    {"subject_org", &in.subject_org_code},
                                    {"subject_member", &in.subject_member_code},
                                    {"conclusion", &in.conclusion}}));
  return created(ctx, registry(ctx).record_oversight(in));
}

Status add_study_session(RequestContext& ctx) {
  service::StudySessionInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(ctx.body, {{"date", &in.date}, {"document", &in.document_number}}));
  auto attendees = text_list_field(ctx.body, "attendees");
  if (!attendees.ok()) return attendees.error();
  in.attendees = *attendees;
  return created(ctx, registry(ctx).record_study_session(in));
}

// POST …/{id}/cancel {reason}: cancels a record made by mistake (an appended cancellation).
Status cancel(RequestContext& ctx, CancelledKind kind) {
  const std::string& text = ctx.path_params.at(0);
  const auto id = path_number(text);
  if (!id) {
    return Error::invalid("id", "Trường «id»: số «" + text + "» không hợp lệ.",
                          "path parameter 'id': not a number");
  }
  service::CancelInput in;
  in.kind = kind;
  in.id = *id;
  DANGVU_TRY(read_fields(ctx.body, {{"reason", &in.reason}}));
  DANGVU_TRY(registry(ctx).cancel_record(in));
  ctx.out = {{"kind", std::string(to_string(kind))}, {"id", in.id}};
  return {};
}

Status cancel_meeting(RequestContext& ctx) { return cancel(ctx, CancelledKind::meeting); }
Status cancel_oversight(RequestContext& ctx) { return cancel(ctx, CancelledKind::oversight); }
Status cancel_study_session(RequestContext& ctx) {
  return cancel(ctx, CancelledKind::study_session);
}

Status get_indicators(RequestContext& ctx) {
  auto v = registry(ctx).indicators(ctx.path_params.at(0), ctx.query("period"));
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

// The report itself: an HTML fragment for the page's preview, or the Word or Excel file.
Status get_report(RequestContext& ctx) {
  const std::string& code = ctx.path_params.at(0);
  const std::string period = ctx.query("period");
  const std::string part = ctx.query("part");
  if (!part.empty() && part != "report" && part != "checks") {
    return Error::invalid("part",
                          "Trường «part»: chọn report (báo cáo) hoặc checks (phiếu đối chiếu số "
                          "liệu).",
                          "unknown report part");
  }
  return answer_document(
      ctx, ctx.query("format"),
      [&] {
        return registry(ctx).report(code, period, ctx.query("date"),
                                    part == "checks"
                                        ? service::Registry::ReportPart::check_sheet
                                        : service::Registry::ReportPart::signed_report);
      },
      (part == "checks" ? "doi-chieu-so-lieu-" : "bao-cao-") + code + "-" + period);
}

}  // namespace

void add_work_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/indicators", Access::ready, get_indicator_definitions});
  routes.push_back({"GET", "/api/v1/documents", Access::ready, get_documents});
  routes.push_back({"POST", "/api/v1/documents", Access::ready, add_document});
  routes.push_back({"GET", "/api/v1/orgs/{code}/plan", Access::ready, get_plan});
  routes.push_back({"POST", "/api/v1/orgs/{code}/plan", Access::ready, set_plan_target});
  routes.push_back({"GET", "/api/v1/orgs/{code}/activities", Access::ready, get_activities});
  routes.push_back({"POST", "/api/v1/orgs/{code}/meetings", Access::ready, add_meeting});
  routes.push_back({"POST", "/api/v1/orgs/{code}/oversights", Access::ready, add_oversight});
  routes.push_back(
      {"POST", "/api/v1/orgs/{code}/study-sessions", Access::ready, add_study_session});
  routes.push_back({"POST", "/api/v1/meetings/{id}/cancel", Access::ready, cancel_meeting,
                    BodyKind::json, false, "meeting.cancel"});
  routes.push_back({"POST", "/api/v1/oversights/{id}/cancel", Access::ready, cancel_oversight,
                    BodyKind::json, false, "oversight.cancel"});
  routes.push_back({"POST", "/api/v1/study-sessions/{id}/cancel", Access::ready,
                    cancel_study_session, BodyKind::json, false, "study.cancel"});
  routes.push_back({"GET", "/api/v1/orgs/{code}/indicators", Access::ready, get_indicators,
                    BodyKind::json, true});
  routes.push_back(
      {"GET", "/api/v1/orgs/{code}/report", Access::ready, get_report, BodyKind::json, true});
}

}  // namespace dangvu::api
