// Party dues: a member's records and months, a branch's book for a year, a month's payments of a
// branch recorded at once, a payment cancelled; what an org sent up the tree; the dues report of a
// subtree for a period, as JSON and as the document the office sends.
#include "api/document_answer.h"
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

Error wrong(const std::string& field, const char* what_vi, const char* what_en) {
  return Error::invalid(field, "Trường «" + field + "»: phải là " + what_vi + ".",
                        "field '" + field + "': expected " + what_en);
}

Error unknown_key(const std::string& name) {
  return Error::invalid(name, "Trường «" + name + "» không được hỗ trợ.", "unknown field");
}

// Reads the object's keys into their targets, refusing an unknown key or a wrong type by name.
struct Fields {
  std::vector<std::pair<const char*, std::string*>> texts;
  std::vector<std::pair<const char*, std::optional<long long>*>> numbers;
  std::vector<std::pair<const char*, bool*>> flags;

  Status read(const json& object, const std::string& at) const {
    if (!object.is_object()) return wrong(at.empty() ? "body" : at, "một đối tượng", "an object");
    for (const auto& [key, value] : object.items()) {
      const std::string name = at.empty() ? key : at + "." + key;
      bool known = false;
      for (const auto& [k, target] : texts) {
        if (key != k) continue;
        if (!value.is_string()) return wrong(name, "chuỗi ký tự", "a string");
        *target = value.get<std::string>();
        known = true;
      }
      for (const auto& [k, target] : numbers) {
        if (key != k) continue;
        if (value.is_null()) {
          target->reset();
        } else if (!value.is_number_integer()) {
          return wrong(name, "số nguyên (đồng)", "an integer");
        } else {
          *target = value.get<long long>();
        }
        known = true;
      }
      for (const auto& [k, target] : flags) {
        if (key != k) continue;
        if (!value.is_boolean()) return wrong(name, "true hoặc false", "a boolean");
        *target = value.get<bool>();
        known = true;
      }
      if (!known) return unknown_key(name);
    }
    return {};
  }
};

json owed_json(const std::optional<DuesOwed>& owed) {
  if (!owed) return nullptr;
  const char* why = "category";
  switch (owed->why) {
    case DuesOwed::Why::category: break;
    case DuesOwed::Why::party_age: why = "party_age"; break;
    case DuesOwed::Why::exemption: why = "exemption"; break;
    case DuesOwed::Why::reduction: why = "reduction"; break;
  }
  return {{"amount", owed->amount}, {"full", owed->full}, {"why", why}};
}

json payment_json(const DuesPayment& p) {
  return {{"id", p.id},
          {"month", month_iso(p.month)},
          {"amount", p.amount},
          {"paid_on", p.paid_on.iso()},
          {"channel", std::string(to_string(p.channel))},
          {"reference", p.reference},
          {"cancels", p.cancels ? json(*p.cancels) : json(nullptr)},
          {"note", p.note},
          {"recorded_at", p.recorded_at},
          {"recorded_by", p.recorded_by}};
}

json month_json(const service::DuesMonthView& m) {
  return {{"month", month_iso(m.month)},
          {"in_book", m.in_book},
          {"owed", owed_json(m.owed)},
          {"missing", m.missing.empty() ? json(nullptr) : json(m.missing)},
          {"payment", m.payment ? payment_json(*m.payment) : json(nullptr)}};
}

json record_json(const DuesRecord& r, bool replaced) {
  return {{"id", r.id},
          {"kind", std::string(to_string(r.kind))},
          {"from", month_iso(r.from)},
          {"to", r.to ? json(month_iso(*r.to)) : json(nullptr)},
          {"category", r.category},
          {"base", r.base ? json(*r.base) : json(nullptr)},
          {"ground", r.ground},
          {"percent", r.percent},
          {"decision_no", r.decision_no},
          {"decided_by", r.decided_by},
          {"replaces", r.replaces ? json(*r.replaces) : json(nullptr)},
          {"voids", r.voids},
          {"replaced", replaced},
          {"note", r.note},
          {"recorded_at", r.recorded_at},
          {"recorded_by", r.recorded_by}};
}

Status get_member_dues(RequestContext& ctx) {
  auto year = int_query(ctx, "year", ctx.env->clock->today().year());
  if (!year.ok()) return year.error();
  auto v = registry(ctx).member_dues(ctx.path_params.at(0), *year);
  if (!v.ok()) return v.error();
  json records = json::array(), payments = json::array(), months = json::array();
  for (const auto& r : v->records) {
    const bool replaced =
        std::find(v->replaced.begin(), v->replaced.end(), r.id) != v->replaced.end();
    records.push_back(record_json(r, replaced));
  }
  for (const auto& p : v->payments) {
    json j = payment_json(p);
    j["cancelled"] =
        std::find(v->cancelled.begin(), v->cancelled.end(), p.id) != v->cancelled.end();
    payments.push_back(std::move(j));
  }
  for (const auto& m : v->months) months.push_back(month_json(m));
  ctx.out = {{"member", v->member_code},
             {"year", v->year},
             {"records", records},
             {"payments", payments},
             {"months", months}};
  return {};
}

Status record_member_dues(RequestContext& ctx) {
  service::DuesRecordInput in;
  in.member_code = ctx.path_params.at(0);
  std::optional<long long> percent, replaces;
  DANGVU_TRY((Fields{{{"kind", &in.kind},
                      {"from", &in.from},
                      {"to", &in.to},
                      {"category", &in.category},
                      {"ground", &in.ground},
                      {"decision_no", &in.decision_no},
                      {"decided_by", &in.decided_by},
                      {"note", &in.note}},
                     {{"base", &in.base}, {"percent", &percent}, {"replaces", &replaces}},
                     {{"voids", &in.voids}}}
                  .read(ctx.body, "")));
  if (percent) in.percent = static_cast<int>(std::clamp<long long>(*percent, -1, 1000));
  in.replaces = replaces;
  auto id = registry(ctx).record_dues(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"member", in.member_code}, {"id", *id}};
  return {};
}

Status cancel_payment(RequestContext& ctx) {
  service::DuesCancelInput in;
  in.member_code = ctx.path_params.at(0);
  const auto payment = path_number(ctx.path_params.at(1));
  in.payment = payment.value_or(0);
  if (!payment) {
    return Error::not_found("payment",
                            "Không có lần nộp đảng phí số «" + ctx.path_params.at(1) + "».",
                            "payment id is not a number");
  }
  DANGVU_TRY((Fields{{{"reason", &in.reason}}, {}, {}}.read(ctx.body, "")));
  auto id = registry(ctx).cancel_dues_payment(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"member", in.member_code}, {"id", *id}, {"cancels", in.payment}};
  return {};
}

Status get_book(RequestContext& ctx) {
  auto year = int_query(ctx, "year", ctx.env->clock->today().year());
  if (!year.ok()) return year.error();
  auto v = registry(ctx).dues_book(ctx.path_params.at(0), *year);
  if (!v.ok()) return v.error();
  json months = json::array(), rows = json::array();
  for (Date m : v->months) months.push_back(month_iso(m));
  for (const auto& r : v->rows) {
    json row_months = json::array(), notices = json::array();
    for (const auto& m : r.months) row_months.push_back(month_json(m));
    for (const auto& n : r.notices) notices.push_back({{"rule", n.rule}, {"message", n.message}});
    rows.push_back({{"member", r.member_code},
                    {"name", r.name},
                    {"category", r.category.empty() ? json(nullptr) : json(r.category)},
                    {"owed", r.owed},
                    {"paid", r.paid},
                    {"unpaid_months", r.unpaid_months},
                    {"flagged", r.flagged},
                    {"notices", notices},
                    {"months", row_months}});
  }
  ctx.out = {{"org", v->org_code}, {"org_name", v->org_name},
             {"year", v->year},    {"last_month", month_iso(v->last_month)},
             {"months", months},   {"owed", v->owed},
             {"paid", v->paid},    {"rows", rows}};
  return {};
}

Status record_month(RequestContext& ctx) {
  service::DuesMonthInput in;
  in.org_code = ctx.path_params.at(0);
  in.month = ctx.path_params.at(1);
  if (!ctx.body.is_object()) return wrong("body", "một đối tượng", "an object");
  for (const auto& [key, value] : ctx.body.items()) {
    if (key != "payments") return unknown_key(key);
  }
  auto payments = ctx.body.find("payments");
  if (payments == ctx.body.end() || !payments->is_array()) {
    return wrong("payments", "danh sách các đảng viên đã nộp", "an array of payments");
  }
  for (std::size_t i = 0; i < payments->size(); ++i) {
    service::DuesPaymentInput p;
    const std::string at = "payments[" + std::to_string(i) + "]";
    DANGVU_TRY((Fields{
        {{"member", &p.member_code},
         {"paid_on", &p.paid_on},
         {"channel", &p.channel},
         {"reference", &p.reference},
         {"note", &p.note}},
        {{"amount", &p.amount}},
        {}}.read((*payments)[i], at)));
    if (p.member_code.empty()) {
      return Error::invalid(at + ".member", "Trường «" + at + ".member»: cần nhập.",
                            "required field missing");
    }
    in.payments.push_back(std::move(p));
  }
  auto ids = registry(ctx).record_dues_month(in);
  if (!ids.ok()) return ids.error();
  ctx.status = 201;
  ctx.out = {{"org", in.org_code}, {"month", in.month}, {"ids", *ids}};
  return {};
}

json figures_json(const service::DuesReportLineView& l) {
  const auto& f = l.figures;
  return {{"code", l.org_code},
          {"name", l.org_name},
          {"members", f.members},
          {"members_owing", f.members_owing},
          {"members_paid", f.members_paid},
          {"members_unpaid", f.members_unpaid},
          {"members_exempt", f.members_exempt},
          {"members_reduced", f.members_reduced},
          {"members_no_basis", f.members_no_basis},
          {"months_unpaid", f.months_unpaid},
          {"owed", f.owed},
          {"collected", f.collected},
          {"outstanding", f.outstanding},
          {"kept", f.kept},
          {"remitted", f.remitted},
          {"sent_up", f.sent_up},
          {"percent", l.percent ? json(*l.percent) : json(nullptr)}};
}

Status get_report(RequestContext& ctx) {
  auto v = registry(ctx).dues_report(ctx.path_params.at(0), ctx.query("period"));
  if (!v.ok()) return v.error();
  json lines = json::array(), months = json::array();
  for (const auto& l : v->lines) lines.push_back(figures_json(l));
  for (const auto& m : v->by_month) months.push_back(figures_json(m));
  ctx.out = {{"org", v->org_code},      {"org_name", v->org_name},
             {"period", v->period},     {"period_label", v->period_label},
             {"from", v->from.iso()},   {"to", v->to.iso()},
             {"as_of", v->as_of.iso()}, {"total", figures_json(v->total)},
             {"lines", lines},          {"months", months}};
  return {};
}

Status get_report_document(RequestContext& ctx) {
  const std::string& code = ctx.path_params.at(0);
  const std::string period = ctx.query("period");
  return answer_document(
      ctx, ctx.query("format"), [&] { return registry(ctx).dues_report_document(code, period); },
      "dang-phi-" + code + "-" + period);
}

json remittance_json(const service::DuesRemittanceView& v) {
  const DuesRemittance& r = v.record;
  return {{"id", r.id},
          {"period", v.period},
          {"period_label", v.period_label},
          {"amount", r.amount},
          {"sent_on", r.sent_on.iso()},
          {"recipient", v.recipient_code.empty() ? json(nullptr) : json(v.recipient_code)},
          {"recipient_name", v.recipient_name},
          {"reference", r.reference},
          {"cancels", r.cancels ? json(*r.cancels) : json(nullptr)},
          {"cancelled", v.cancelled},
          {"note", r.note},
          {"recorded_at", r.recorded_at},
          {"recorded_by", r.recorded_by}};
}

Status get_remittances(RequestContext& ctx) {
  auto year = int_query(ctx, "year", ctx.env->clock->today().year());
  if (!year.ok()) return year.error();
  auto v = registry(ctx).dues_remittances(ctx.path_params.at(0), *year);
  if (!v.ok()) return v.error();
  json records = json::array();
  for (const auto& r : v->records) records.push_back(remittance_json(r));
  ctx.out = {{"org", v->org_code},      {"org_name", v->org_name},   {"year", v->year},
             {"as_of", v->as_of.iso()}, {"collected", v->collected}, {"kept", v->kept},
             {"to_send", v->to_send},   {"sent", v->sent},           {"records", records}};
  return {};
}

Status record_remittance(RequestContext& ctx) {
  service::DuesRemittanceInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY((Fields{
      {{"period", &in.period},
       {"sent_on", &in.sent_on},
       {"reference", &in.reference},
       {"note", &in.note}},
      {{"amount", &in.amount}},
      {}}.read(ctx.body, "")));
  auto id = registry(ctx).record_dues_remittance(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"org", in.org_code}, {"id", *id}};
  return {};
}

Status cancel_remittance(RequestContext& ctx) {
  service::DuesRemittanceCancelInput in;
  in.org_code = ctx.path_params.at(0);
  const auto remittance = path_number(ctx.path_params.at(1));
  in.remittance = remittance.value_or(0);
  if (!remittance) {
    return Error::not_found(
        "remittance", "Không có lần nộp đảng phí lên cấp trên số «" + ctx.path_params.at(1) + "».",
        "remittance id is not a number");
  }
  DANGVU_TRY((Fields{{{"reason", &in.reason}}, {}, {}}.read(ctx.body, "")));
  auto id = registry(ctx).cancel_dues_remittance(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"org", in.org_code}, {"id", *id}, {"cancels", in.remittance}};
  return {};
}

}  // namespace

void add_dues_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/members/{code}/dues", Access::ready, get_member_dues});
  routes.push_back({"POST", "/api/v1/members/{code}/dues", Access::ready, record_member_dues});
  routes.push_back(
      {"POST", "/api/v1/members/{code}/dues/payments/{id}/cancel", Access::ready, cancel_payment});
  routes.push_back({"GET", "/api/v1/orgs/{code}/dues", Access::ready, get_book});
  // Before the month's route, which would take "remittances" for a month.
  routes.push_back({"GET", "/api/v1/orgs/{code}/dues/remittances", Access::ready, get_remittances});
  routes.push_back(
      {"POST", "/api/v1/orgs/{code}/dues/remittances", Access::ready, record_remittance});
  routes.push_back({"POST", "/api/v1/orgs/{code}/dues/remittances/{id}/cancel", Access::ready,
                    cancel_remittance});
  routes.push_back({"POST", "/api/v1/orgs/{code}/dues/{month}", Access::ready, record_month});
  routes.push_back(
      {"GET", "/api/v1/orgs/{code}/dues/report", Access::ready, get_report, BodyKind::json, true});
  routes.push_back({"GET", "/api/v1/orgs/{code}/dues/report/document", Access::ready,
                    get_report_document, BodyKind::json, true});
}

}  // namespace dangvu::api
