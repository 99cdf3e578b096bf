// Review conferences: the record (create, sites, invitations, attendance, report, programme,
// conclusion, decisions, tasks), the reads (one conference, the list, overdue tasks, what the next
// conference starts from) and the documents (invitation, minutes, news item) as files.
#include "api/json_views.h"
#include "api/routes.h"
#include "report/news.h"
#include "report/render.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

// The number in the path ({id}): digits only, else refused naming `field`.
Result<long long> number_param(const RequestContext& ctx, const char* field) {
  const std::string& text = ctx.path_params.at(0);
  if (auto n = path_number(text)) return *n;
  const std::string f(field);
  return Error::invalid(f, "Trường «" + f + "»: số «" + text + "» không hợp lệ.",
                        "path parameter '" + f + "': not a number");
}

Result<int> small_int_field(const json& body, const char* field) {
  auto v = int_field(body, field, 0);
  if (!v.ok()) return v.error();
  return static_cast<int>(std::clamp<long long>(*v, -1, 1000000));
}

Status get_conferences(RequestContext& ctx) {
  auto limit = int_query(ctx, "limit", 100);
  if (!limit.ok()) return limit.error();
  auto rows = registry(ctx).list_conferences(
      {ctx.path_params.at(0), ctx.query("from"), ctx.query("to"), ctx.query("kind"), *limit});
  if (!rows.ok()) return rows.error();
  json out = json::array();
  for (const auto& c : *rows) out.push_back(to_json(c));
  ctx.out = {{"conferences", out}};
  return {};
}

Status create_conference(RequestContext& ctx) {
  service::ConferenceInput in;
  in.org_code = ctx.path_params.at(0);
  DANGVU_TRY(read_fields(ctx.body, {{"kind", &in.kind},
                                    {"period", &in.period},
                                    {"date", &in.date},
                                    {"start_time", &in.start_time},
                                    {"title", &in.title},
                                    {"chair", &in.chair_code},
                                    {"chair_name", &in.chair_name},
                                    {"secretary", &in.secretary_code},
                                    {"secretary_name", &in.secretary_name}}));
  auto agenda = text_list_field(ctx.body, "agenda");
  if (!agenda.ok()) return agenda.error();
  in.agenda = *agenda;
  auto id = registry(ctx).create_conference(in);
  if (!id.ok()) return id.error();
  ctx.status = 201;
  ctx.out = {{"id", *id}};
  return {};
}

Status get_conference(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  auto v = registry(ctx).show_conference(*id, ctx.query("at"));
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

Status add_site(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::SiteInput in;
  in.conference = *id;
  DANGVU_TRY(read_fields(ctx.body, {{"mode", &in.mode},
                                    {"name", &in.name},
                                    {"address", &in.address},
                                    {"link", &in.link},
                                    {"host", &in.host_org_code}}));
  auto number = registry(ctx).add_conference_site(in);
  if (!number.ok()) return number.error();
  ctx.status = 201;
  ctx.out = {{"number", *number}};
  return {};
}

Status invite(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::InviteInput in;
  in.conference = *id;
  auto members = text_list_field(ctx.body, "members");
  if (!members.ok()) return members.error();
  in.member_codes = *members;
  auto orgs = text_list_field(ctx.body, "orgs");
  if (!orgs.ok()) return orgs.error();
  in.org_codes = *orgs;
  if (auto it = ctx.body.find("guests"); it != ctx.body.end() && !it->is_null()) {
    auto bad =
        Error::invalid("guests", "Trường «guests»: phải là danh sách {name, title, organization}.",
                       "field 'guests': expected an array of {name, title, organization}");
    if (!it->is_array()) return bad;
    for (const auto& g : *it) {
      if (!g.is_object()) return bad;
      service::GuestInput guest;
      DANGVU_TRY(read_fields(
          g,
          {{"name", &guest.name}, {"title", &guest.title}, {"organization", &guest.organization}}));
      in.guests.push_back(guest);
    }
  }
  auto r = registry(ctx).invite(in);
  if (!r.ok()) return r.error();
  ctx.out = to_json(*r);
  return {};
}

Status record_attendance(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::AttendanceInput in;
  in.conference = *id;
  DANGVU_TRY(read_fields(
      ctx.body, {{"member", &in.member_code}, {"status", &in.status}, {"reason", &in.reason}}));
  auto participant = int_field(ctx.body, "participant", 0);
  if (!participant.ok()) return participant.error();
  in.participant = *participant;
  auto site = small_int_field(ctx.body, "site");
  if (!site.ok()) return site.error();
  in.site = *site;
  DANGVU_TRY(registry(ctx).record_attendance(in));
  ctx.out = {{"conference", in.conference}};
  return {};
}

// A refusal about a field of one entry of a list, named with the entry's index
// ("entries[3].member"), in `field` and in the message.
Error in_entry(Error e, const std::string& prefix) {
  const std::string was = "Trường «" + e.field + "»";
  if (auto at = e.message_vi.find(was); at != std::string::npos) {
    e.message_vi.replace(at, was.size(), "Trường «" + prefix + e.field + "»");
  }
  e.field = prefix + e.field;
  return e;
}

Status record_attendance_many(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::BulkAttendanceInput in;
  in.conference = *id;
  auto site = small_int_field(ctx.body, "site");
  if (!site.ok()) return site.error();
  in.site = *site;
  auto all_unrecorded = bool_field(ctx.body, "all_unrecorded", in.all_unrecorded);
  if (!all_unrecorded.ok()) return all_unrecorded.error();
  in.all_unrecorded = *all_unrecorded;
  if (auto it = ctx.body.find("entries"); it != ctx.body.end() && !it->is_null()) {
    if (!it->is_array()) {
      return Error::invalid("entries",
                            "Trường «entries»: phải là danh sách {member hoặc participant, "
                            "status, reason}.",
                            "field 'entries': expected an array");
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      const std::string prefix = "entries[" + std::to_string(i) + "].";
      if (!e.is_object()) {
        const std::string field = "entries[" + std::to_string(i) + "]";
        return Error::invalid(field,
                              "Trường «" + field +
                                  "»: phải là một đối tượng {member hoặc participant, status, "
                                  "reason}.",
                              "entry is not an object");
      }
      service::AttendanceEntryInput entry;
      if (Status st = read_fields(e, {{"member", &entry.member_code},
                                      {"status", &entry.status},
                                      {"reason", &entry.reason}});
          !st.ok()) {
        return in_entry(st.error(), prefix);
      }
      auto participant = int_field(e, "participant", 0);
      if (!participant.ok()) return in_entry(participant.error(), prefix);
      entry.participant = *participant;
      in.entries.push_back(std::move(entry));
    }
  }
  auto recorded = registry(ctx).record_attendance_many(in);
  if (!recorded.ok()) return recorded.error();
  ctx.out = {{"conference", in.conference}};
  return {};
}

Status attach_report(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::AttachReportInput in;
  in.conference = *id;
  DANGVU_TRY(read_fields(ctx.body, {{"org", &in.org_code}, {"period", &in.period}}));
  DANGVU_TRY(registry(ctx).attach_report(in));
  ctx.out = {{"conference", in.conference}};
  return {};
}

Status add_item(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::ConferenceItemInput in;
  in.conference = *id;
  DANGVU_TRY(read_fields(ctx.body, {{"kind", &in.kind},
                                    {"speaker", &in.speaker_code},
                                    {"speaker_name", &in.speaker_name},
                                    {"speaker_title", &in.speaker_title},
                                    {"speaker_org", &in.speaker_org},
                                    {"title", &in.title},
                                    {"file", &in.file_name},
                                    {"summary", &in.summary}}));
  auto seq = registry(ctx).add_conference_item(in);
  if (!seq.ok()) return seq.error();
  ctx.status = 201;
  ctx.out = {{"seq", *seq}};
  return {};
}

// The item's number, the second path parameter (/conferences/{id}/items/{seq}/file).
Result<long long> item_param(const RequestContext& ctx) {
  const std::string& text = ctx.path_params.at(1);
  if (auto n = path_number(text, 6)) return *n;
  return Error::invalid("item", "Trường «item»: số «" + text + "» không hợp lệ.",
                        "path parameter 'item': not a number");
}

// POST /conferences/{id}/items/{seq}/file?file_name=…: the body is the file.
Status attach_item_file(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  auto item = item_param(ctx);
  if (!item.ok()) return item.error();
  service::ItemFileInput in;
  in.conference = *id;
  in.item = *item;
  in.file_name = ctx.query("file_name");
  in.content = std::move(ctx.raw_in);
  auto v = registry(ctx).attach_item_file(in);
  if (!v.ok()) return v.error();
  ctx.status = 201;
  ctx.out = to_json(*v);
  return {};
}

// The name in a Content-Disposition header: ASCII for old clients (anything else becomes '_'),
// and the UTF-8 name percent-encoded (RFC 6266, RFC 5987) for the others.
std::string disposition(const std::string& name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii, encoded;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    ascii.push_back(plain || c == ' ' ? static_cast<char>(c) : '_');
    if (plain) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += '%';
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 0x0f]);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Status get_item_file(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  auto item = item_param(ctx);
  if (!item.ok()) return item.error();
  auto f = registry(ctx).item_file(*id, *item);
  if (!f.ok()) return f.error();
  ctx.raw_body = std::move(f->content);
  ctx.raw_type = f->content_type;
  ctx.headers.emplace_back("Content-Disposition", disposition(f->name));
  return {};
}

Status conclude(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::ConclusionInput in;
  in.conference = *id;
  DANGVU_TRY(read_fields(ctx.body, {{"text", &in.text}}));
  DANGVU_TRY(registry(ctx).conclude_conference(in));
  ctx.out = {{"conference", in.conference}};
  return {};
}

Status cancel_conference(RequestContext& ctx) {
  auto id = number_param(ctx, "id");
  if (!id.ok()) return id.error();
  service::CancelInput in;
  in.kind = CancelledKind::conference;
  in.id = *id;
  DANGVU_TRY(read_fields(ctx.body, {{"reason", &in.reason}}));
  DANGVU_TRY(registry(ctx).cancel_record(in));
  ctx.out = {{"kind", "conference"}, {"id", in.id}};
  return {};
}

Status add_decision(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::DecisionInput in;
  in.conference = *id;
  DANGVU_TRY(read_fields(ctx.body, {{"text", &in.text},
                                    {"cluster", &in.cluster_code},
                                    {"leading", &in.leading_code},
                                    {"deputy", &in.deputy_code},
                                    {"for_period", &in.for_period}}));
  auto seq = registry(ctx).add_decision(in);
  if (!seq.ok()) return seq.error();
  ctx.status = 201;
  ctx.out = {{"seq", *seq}};
  return {};
}

Status add_task(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  service::TaskInput in;
  in.conference = *id;
  DANGVU_TRY(read_fields(ctx.body,
                         {{"owner", &in.owner_org_code}, {"title", &in.title}, {"due", &in.due}}));
  auto task = registry(ctx).add_task(in);
  if (!task.ok()) return task.error();
  ctx.status = 201;
  ctx.out = {{"id", *task}};
  return {};
}

Status set_task_status(RequestContext& ctx) {
  auto id = number_param(ctx, "task");
  if (!id.ok()) return id.error();
  service::TaskStatusInput in;
  in.task = *id;
  DANGVU_TRY(
      read_fields(ctx.body, {{"status", &in.status}, {"date", &in.date}, {"note", &in.note}}));
  DANGVU_TRY(registry(ctx).set_task_status(in));
  ctx.out = {{"task", in.task}};
  return {};
}

Status get_overdue_tasks(RequestContext& ctx) {
  auto rows = registry(ctx).overdue_tasks(ctx.path_params.at(0), ctx.query("at"));
  if (!rows.ok()) return rows.error();
  json out = json::array();
  for (const auto& t : *rows) out.push_back(to_json(t));
  ctx.out = {{"tasks", out}};
  return {};
}

Status get_prepare(RequestContext& ctx) {
  auto v = registry(ctx).prepare_next_conference(ctx.path_params.at(0), ctx.query("at"));
  if (!v.ok()) return v.error();
  ctx.out = to_json(*v);
  return {};
}

const char* const kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

Status format_choice(const std::string& format, const char* allowed_vi) {
  return Error::invalid("format", std::string("Trường «format»: chọn ") + allowed_vi + ".",
                        "unknown format '" + format + "'");
}

// The invitation or the minutes: the Word file (default) or a printable HTML page, as an
// attachment named NAME-ID.EXT.
Status party_document(RequestContext& ctx, const char* name,
                      Result<report::Document> (service::Registry::*build)(long long)) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  std::string format = ctx.query("format");
  if (format.empty()) format = "docx";
  if (format != "docx" && format != "html") return format_choice(format, "docx hoặc html");
  auto r = registry(ctx);
  auto doc = (r.*build)(*id);
  if (!doc.ok()) return doc.error();
  if (format == "html") {
    ctx.raw_body = report::render_html_page(*doc);
    ctx.raw_type = "text/html; charset=utf-8";
  } else {
    auto bytes = report::render_docx(*doc);
    if (!bytes.ok()) return bytes.error();
    ctx.raw_body = std::move(*bytes);
    ctx.raw_type = kDocx;
  }
  ctx.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + std::string(name) +
                                                      "-" + std::to_string(*id) + "." + format +
                                                      "\"");
  return {};
}

Status get_invitation(RequestContext& ctx) {
  return party_document(ctx, "giay-moi-hoi-nghi", &service::Registry::conference_invitation);
}

Status get_minutes(RequestContext& ctx) {
  return party_document(ctx, "bien-ban-hoi-nghi", &service::Registry::conference_minutes);
}

Status get_news(RequestContext& ctx) {
  auto id = number_param(ctx, "conference");
  if (!id.ok()) return id.error();
  std::string format = ctx.query("format");
  if (format.empty()) format = "html";
  if (format != "html" && format != "txt") return format_choice(format, "html hoặc txt");
  auto news = registry(ctx).conference_news(*id, ctx.query("author"));
  if (!news.ok()) return news.error();
  ctx.raw_body =
      format == "html" ? report::render_news_html(*news) : report::render_news_text(*news);
  ctx.raw_type = format == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
  ctx.headers.emplace_back("Content-Disposition", "attachment; filename=\"tin-hoi-nghi-" +
                                                      std::to_string(*id) + "." + format + "\"");
  return {};
}

}  // namespace

void add_conference_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/orgs/{code}/conferences", Access::ready, get_conferences});
  routes.push_back({"POST", "/api/v1/orgs/{code}/conferences", Access::ready, create_conference});
  routes.push_back({"GET", "/api/v1/orgs/{code}/overdue-tasks", Access::ready, get_overdue_tasks});
  routes.push_back({"GET", "/api/v1/orgs/{code}/next-conference", Access::ready, get_prepare});
  routes.push_back({"GET", "/api/v1/conferences/{id}", Access::ready, get_conference});
  routes.push_back({"POST", "/api/v1/conferences/{id}/sites", Access::ready, add_site});
  routes.push_back({"POST", "/api/v1/conferences/{id}/invitations", Access::ready, invite});
  routes.push_back({"POST", "/api/v1/conferences/{id}/attendance", Access::ready, record_attendance,
                    BodyKind::json, false, "conference.attendance"});
  routes.push_back({"POST", "/api/v1/conferences/{id}/attendance/bulk", Access::ready,
                    record_attendance_many, BodyKind::json, false, "conference.attendance_bulk"});
  routes.push_back({"POST", "/api/v1/conferences/{id}/report", Access::ready, attach_report});
  routes.push_back({"POST", "/api/v1/conferences/{id}/items", Access::ready, add_item});
  Route file{"POST", "/api/v1/conferences/{id}/items/{seq}/file", Access::ready, attach_item_file};
  file.body = BodyKind::file;
  routes.push_back(file);
  routes.push_back(
      {"GET", "/api/v1/conferences/{id}/items/{seq}/file", Access::ready, get_item_file});
  routes.push_back({"POST", "/api/v1/conferences/{id}/conclusion", Access::ready, conclude});
  routes.push_back({"POST", "/api/v1/conferences/{id}/decisions", Access::ready, add_decision});
  routes.push_back({"POST", "/api/v1/conferences/{id}/cancel", Access::ready, cancel_conference,
                    BodyKind::json, false, "conference.cancel"});
  routes.push_back({"POST", "/api/v1/conferences/{id}/tasks", Access::ready, add_task});
  routes.push_back({"POST", "/api/v1/tasks/{id}/status", Access::ready, set_task_status});
  routes.push_back({"GET", "/api/v1/conferences/{id}/invitation", Access::ready, get_invitation});
  routes.push_back({"GET", "/api/v1/conferences/{id}/minutes", Access::ready, get_minutes});
  routes.push_back({"GET", "/api/v1/conferences/{id}/news", Access::ready, get_news});
}

}  // namespace dangvu::api
