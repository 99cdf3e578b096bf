// Review conferences: the record from invitation to conclusion, decisions (with the cluster's
// rotation) and follow-up tasks with their status over time. Each write: input checked before the
// transaction, role and scope checked (scope on the conference's date), one audit entry.
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "core/conference.h"
#include "core/period.h"
#include "service/cancellation.h"
#include "service/conference_files.h"
#include "service/registry.h"
#include "service/validate.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

Error bad_choice(const std::string& field, const std::string& value, const char* choices) {
  return Error::invalid(field,
                        "Trường «" + field + "»: giá trị «" + value +
                            "» không hợp lệ; chọn một trong " + choices + ".",
                        "field '" + field + "': unknown value");
}

Result<std::string> optional_text(const std::string& text, const std::string& field,
                                  std::size_t max) {
  if (text.empty()) return std::string();
  return text::clean_field(text, field, max);
}

Status check_conference_number(long long id) {
  if (id > 0) return {};
  return Error::invalid("conference", "Trường «conference»: chưa nhập số hội nghị.",
                        "conference number is required");
}

Error unknown_conference(long long id) {
  return Error::not_found("conference",
                          "Trường «conference»: không có hội nghị số " + std::to_string(id) + ".",
                          "unknown conference " + std::to_string(id));
}

std::string org_name_at(const OrgHistory& history, OrgId org, Date at) {
  const OrgVersion* v = history.version_at(org, at);
  if (v == nullptr) v = history.latest(org);
  return v ? v->name : std::string();
}

ConferenceSummaryView summary_of(const store::ConferenceRecord& c, const OrgHistory& history) {
  ConferenceSummaryView v;
  v.id = c.id;
  v.org_code = history.code(c.org);
  v.org_name = org_name_at(history, c.org, c.held_on);
  v.kind = std::string(to_string(c.kind));
  v.kind_vi = std::string(label_vi(c.kind));
  v.period = c.period;
  auto p = Period::parse(c.period);
  v.period_label = p.ok() ? p->label_vi() : c.period;
  v.date = c.held_on.iso();
  v.start_time = c.start_time;
  v.title = c.title;
  return v;
}

std::vector<TaskEvent> events_of(const store::TaskRecord& t) {
  std::vector<TaskEvent> out;
  for (const auto& e : t.events) out.push_back(e.event);
  return out;
}

TaskView task_view(const store::TaskRecord& t, const OrgHistory& history, Date at) {
  const TaskState s = task_state_at(t.due_on, events_of(t), at);
  TaskView v;
  v.id = t.id;
  v.conference = t.conference;
  v.seq = t.seq;
  v.owner_org_code = history.code(t.owner);
  v.owner_org_name = org_name_at(history, t.owner, std::min(at, t.due_on));
  v.title = t.title;
  v.set_on = t.set_on.iso();
  v.due_on = t.due_on.iso();
  v.status = std::string(to_string(s.status));
  v.status_vi = std::string(label_vi(s.status));
  v.done_on = s.done_on ? s.done_on->iso() : std::string();
  v.done_late = s.done_late;
  v.days_overdue = s.days_overdue;
  for (const auto& e : t.events) {
    v.events.push_back({std::string(to_string(e.event.kind)), std::string(label_vi(e.event.kind)),
                        e.event.on.iso(), e.event.note, e.recorded_by});
  }
  return v;
}

DecisionView decision_view(const store::DecisionRecord& d, const OrgHistory& history) {
  DecisionView v;
  v.seq = d.seq;
  v.kind = std::string(to_string(d.kind));
  v.kind_vi = std::string(label_vi(d.kind));
  v.text = d.text;
  auto label = [&](const std::optional<OrgId>& org, std::string& code, std::string& name) {
    if (!org) return;
    code = history.code(*org);
    name = org_name_at(history, *org, d.held_on);
  };
  label(d.cluster, v.cluster_code, v.cluster_name);
  label(d.leading, v.leading_code, v.leading_name);
  label(d.deputy, v.deputy_code, v.deputy_name);
  v.for_period = d.for_period;
  if (!d.for_period.empty()) {
    auto p = Period::parse(d.for_period);
    v.for_period_label = p.ok() ? p->label_vi() : d.for_period;
  }
  return v;
}

}  // namespace

Result<store::ConferenceRecord> Registry::visible_conference(long long id,
                                                             const OrgHistory& history) {
  DANGVU_TRY(check_conference_number(id));
  auto c = store_.conference_by_id(id);
  if (!c.ok()) return c.error();
  // Outside the caller's subtree is answered as unknown: nothing about it leaks.
  if (!*c || !in_scope(history, (*c)->org)) return unknown_conference(id);
  return **c;
}

Status Registry::require_not_cancelled(const store::ConferenceRecord& c) {
  auto cancelled = store_.cancellation(CancelledKind::conference, c.id);
  if (!cancelled.ok()) return cancelled.error();
  if (!*cancelled) return {};
  const CancellationView was = cancellation_view(**cancelled);
  return Error::refused("conference", "conference.cancelled",
                        "Trường «conference»: hội nghị số " + std::to_string(c.id) +
                            " đã bị hủy (" + was.reason + "); không ghi thêm gì vào hội nghị này.",
                        "the conference is cancelled");
}

Result<store::MemberRecord> Registry::conference_member(const std::string& code, const char* field,
                                                        const OrgHistory& history, Date at) {
  DANGVU_TRY(check_code(code, field));
  auto member = store_.find_member(code);
  if (!member.ok()) return member.error();
  auto unknown = Error::not_found(
      field, "Trường «" + std::string(field) + "»: không có đảng viên mã «" + code + "».",
      "unknown member " + code);
  if (!*member) return unknown;
  auto events = store_.member_events((*member)->id);
  if (!events.ok()) return events.error();
  auto folded = fold((*member)->person, *events, history);
  if (!folded.ok()) return folded.error();
  if (!member_in_scope_at(*folded, history, at)) return unknown;
  const auto state = folded->state_at(at);
  if (state.status != MemberStatus::official && state.status != MemberStatus::probationary) {
    return Error::refused(field, "conference.active_member",
                          "Trường «" + std::string(field) + "»: ngày " + at.vi() + " «" + code +
                              "» không phải đảng viên đang sinh hoạt.",
                          "member is not an active member on the conference date");
  }
  return **member;
}

Result<ConferenceId> Registry::create_conference(const ConferenceInput& in) {
  auto kind = parse_conference_kind(in.kind);
  if (!kind) {
    return bad_choice("kind", in.kind,
                      "quarterly_review (sơ kết quý), half_year_review (sơ kết 6 tháng), "
                      "year_review (tổng kết năm), cluster_briefing (giao ban cụm), thematic "
                      "(chuyên đề)");
  }
  auto period = Period::parse(in.period, "period");
  if (!period.ok()) return period.error();
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  ConferenceHead head{*kind, *period, *date, in.start_time};
  DANGVU_TRY(check_conference_head(head, rules_));
  auto title = in.title.empty() ? Result<std::string>(default_conference_title(*kind, *period))
                                : text::clean_field(in.title, "title", 500);
  if (!title.ok()) return title.error();
  if (!in.chair_code.empty() && !in.chair_name.empty()) {
    return Error::invalid("chair", "Trường «chair»: nhập mã đảng viên hoặc họ tên, không cả hai.",
                          "chair given both as code and name");
  }
  if (!in.secretary_code.empty() && !in.secretary_name.empty()) {
    return Error::invalid("secretary",
                          "Trường «secretary»: nhập mã đảng viên hoặc họ tên, không cả hai.",
                          "secretary given both as code and name");
  }
  auto chair_name = optional_text(in.chair_name, "chair", 200);
  if (!chair_name.ok()) return chair_name.error();
  auto secretary_name = optional_text(in.secretary_name, "secretary", 200);
  if (!secretary_name.ok()) return secretary_name.error();
  std::vector<std::string> agenda;
  for (const auto& a : in.agenda) {
    auto item = text::clean_field(a, "agenda", 500);
    if (!item.ok()) return item.error();
    agenda.push_back(*item);
  }
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  ConferenceId created = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    DANGVU_TRY(require_in_scope(*history, *org, "org", in.org_code));
    const OrgVersion* v = history->version_at(*org, *date);
    if (v == nullptr) {
      return Error::refused("org", "conference.org_exists",
                            "Trường «org»: tổ chức không tồn tại vào ngày " + date->vi() + ".",
                            "organizing org does not exist on the date");
    }
    if (*kind == ConferenceKind::cluster_briefing && v->kind != OrgKind::cluster) {
      return Error::refused("org", "conference.briefing_by_cluster",
                            "Trường «org»: hội nghị giao ban cụm thi đua do một cụm tổ chức; «" +
                                in.org_code + "» không phải cụm thi đua.",
                            "a cluster briefing is held by a cluster");
    }
    store::ConferenceRecord c;
    c.org = *org;
    c.kind = *kind;
    c.period = period->code;
    c.held_on = *date;
    c.start_time = in.start_time;
    c.title = *title;
    c.chair_name = *chair_name;
    c.secretary_name = *secretary_name;
    c.recorded_by = actor_;
    if (!in.chair_code.empty()) {
      auto m = conference_member(in.chair_code, "chair", *history, *date);
      if (!m.ok()) return m.error();
      c.chair_member = m->id;
    }
    if (!in.secretary_code.empty()) {
      auto m = conference_member(in.secretary_code, "secretary", *history, *date);
      if (!m.ok()) return m.error();
      c.secretary_member = m->id;
    }
    auto id = store_.insert_conference(c, clock_.now_iso());
    if (!id.ok()) return id.error();
    created = *id;
    for (const auto& a : agenda) {
      store::ConferenceItemRecord item;
      item.conference = *id;
      item.kind = ItemKind::agenda;
      item.title = a;
      auto seq = store_.insert_conference_item(item);
      if (!seq.ok()) return seq.error();
    }
    json detail = {{"id", *id},
                   {"kind", in.kind},
                   {"period", period->code},
                   {"date", date->iso()},
                   {"start_time", in.start_time},
                   {"title", c.title},
                   {"chair", in.chair_code.empty() ? c.chair_name : in.chair_code},
                   {"secretary", in.secretary_code.empty() ? c.secretary_name : in.secretary_code},
                   {"agenda", agenda}};
    return audit("conference.add", in.org_code, detail.dump(), *org);
  }));
  return created;
}

Result<int> Registry::add_conference_site(const SiteInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  auto mode = parse_site_mode(in.mode.empty() ? "in_person" : in.mode);
  if (!mode) return bad_choice("mode", in.mode, "in_person (trực tiếp), online (trực tuyến)");
  auto name = text::clean_field(in.name, "name", 200);
  if (!name.ok()) return name.error();
  auto address = optional_text(in.address, "address", 500);
  if (!address.ok()) return address.error();
  auto link = optional_text(in.link, "link", 1000);
  if (!link.ok()) return link.error();
  DANGVU_TRY(check_site(*mode, *address, *link));
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  int number = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto c = visible_conference(in.conference, *history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    store::ConferenceSiteRecord s;
    s.conference = c->id;
    s.mode = *mode;
    s.name = *name;
    s.address = *address;
    s.link = *link;
    if (!in.host_org_code.empty()) {
      auto host = require_org(in.host_org_code, "host");
      if (!host.ok()) return host.error();
      DANGVU_TRY(require_in_scope(*history, *host, "host", in.host_org_code));
      if (history->version_at(*host, c->held_on) == nullptr) {
        return Error::refused(
            "host", "conference.org_exists",
            "Trường «host»: tổ chức không tồn tại vào ngày " + c->held_on.vi() + ".",
            "host org does not exist on the conference date");
      }
      s.host_org = *host;
    }
    auto seq = store_.insert_conference_site(s);
    if (!seq.ok()) return seq.error();
    number = *seq;
    json detail = {{"conference", c->id},     {"site", *seq},         {"mode", in.mode},
                   {"name", s.name},          {"address", s.address}, {"link", s.link},
                   {"host", in.host_org_code}};
    return audit("conference.site", std::to_string(c->id), detail.dump(), c->org);
  }));
  return number;
}

Result<InviteResultView> Registry::invite(const InviteInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  for (const auto& code : in.member_codes) DANGVU_TRY(check_code(code, "member"));
  for (const auto& code : in.org_codes) DANGVU_TRY(check_code(code, "org"));
  std::vector<GuestInput> guests;
  for (const auto& g : in.guests) {
    auto name = text::clean_field(g.name, "guest", 200);
    if (!name.ok()) return name.error();
    auto title = optional_text(g.title, "guest.title", 200);
    if (!title.ok()) return title.error();
    auto org = optional_text(g.organization, "guest.organization", 300);
    if (!org.ok()) return org.error();
    guests.push_back({*name, *title, *org});
  }
  if (in.member_codes.empty() && in.org_codes.empty() && guests.empty()) {
    return Error::invalid("member",
                          "Chưa có ai để mời: nhập mã đảng viên, mã tổ chức hoặc khách mời.",
                          "nobody to invite");
  }
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  InviteResultView result;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto c = visible_conference(in.conference, *history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    auto existing = store_.conference_participants(c->id);
    if (!existing.ok()) return existing.error();
    std::set<MemberId> invited;
    for (const auto& p : *existing) {
      if (p.member) invited.insert(*p.member);
    }
    auto add_member = [&](MemberId id, const std::string& via) -> Status {
      if (!invited.insert(id).second) {
        ++result.already;
        return {};
      }
      store::ParticipantRecord p;
      p.conference = c->id;
      p.kind = ParticipantKind::member;
      p.member = id;
      p.invited_via = via;
      DANGVU_TRY(store_.insert_participant(p));
      ++result.added;
      return {};
    };
    for (const auto& code : in.member_codes) {
      auto m = conference_member(code, "member", *history, c->held_on);
      if (!m.ok()) return m.error();
      DANGVU_TRY(add_member(m->id, "member"));
    }
    const OrgTree tree = history->tree_as_of(c->held_on);
    for (const auto& code : in.org_codes) {
      auto org = require_org(code, "org");
      if (!org.ok()) return org.error();
      DANGVU_TRY(require_in_scope(*history, *org, "org", code));
      if (tree.find(*org) == nullptr) {
        return Error::refused(
            "org", "conference.org_exists",
            "Trường «org»: tổ chức «" + code + "» không tồn tại vào ngày " + c->held_on.vi() + ".",
            "invited org does not exist on the conference date");
      }
      for (OrgId node : tree.subtree(*org)) {
        if (!rules_.holds_members(tree.find(node)->kind)) continue;
        auto members = store_.active_members_of(node, c->held_on);
        if (!members.ok()) return members.error();
        for (MemberId id : *members) DANGVU_TRY(add_member(id, "org:" + code));
      }
    }
    for (const auto& g : guests) {
      store::ParticipantRecord p;
      p.conference = c->id;
      p.kind = ParticipantKind::guest;
      p.name = g.name;
      p.title = g.title;
      p.organization = g.organization;
      p.invited_via = "guest";
      DANGVU_TRY(store_.insert_participant(p));
      ++result.added;
    }
    json guest_list = json::array();
    for (const auto& g : guests) {
      guest_list.push_back(
          {{"name", g.name}, {"title", g.title}, {"organization", g.organization}});
    }
    json detail = {{"conference", c->id},   {"members", in.member_codes},
                   {"orgs", in.org_codes},  {"guests", guest_list},
                   {"added", result.added}, {"already", result.already}};
    return audit("conference.invite", std::to_string(c->id), detail.dump(), c->org);
  }));
  return result;
}

namespace {

struct CheckedAttendance {
  Attendance status = Attendance::present;
  std::string reason;  // cleaned; only for an absence
};

// One person's attendance, checked before any transaction. `prefix` goes before the names of its
// fields: "" for one person, "entries[3]." for a line of many.
Result<CheckedAttendance> check_attendance(const AttendanceEntryInput& in,
                                           const std::string& prefix) {
  auto status = parse_attendance(in.status);
  if (!status || *status == Attendance::invited) {
    return bad_choice(prefix + "status", in.status,
                      "present (có mặt), late (đến muộn), absent (vắng mặt, kèm lý do)");
  }
  const std::string member = prefix + "member";
  if (in.member_code.empty() == (in.participant <= 0)) {
    return Error::invalid(
        member, "Trường «" + member + "»: nhập đúng một người: mã đảng viên hoặc số người dự.",
        "exactly one of member and participant is required");
  }
  if (!in.member_code.empty()) DANGVU_TRY(check_code(in.member_code, member));
  const std::string reason_field = prefix + "reason";
  auto reason = optional_text(in.reason, reason_field, 200);
  if (!reason.ok()) return reason.error();
  if (*status == Attendance::absent && reason->empty()) {
    return Error::invalid(reason_field, "Trường «" + reason_field + "»: vắng mặt cần ghi lý do.",
                          "an absence needs a reason");
  }
  if (*status != Attendance::absent && !reason->empty()) {
    return Error::invalid(reason_field,
                          "Trường «" + reason_field + "»: chỉ ghi lý do khi vắng mặt.",
                          "a reason is only for an absence");
  }
  return CheckedAttendance{*status, std::move(*reason)};
}

Status check_site_number(int site) {
  if (site > 0) return {};
  return Error::invalid("site", "Trường «site»: chưa nhập số điểm cầu.", "site is required");
}

// The invited person an entry names, else not found naming the entry's field.
Result<const store::ParticipantRecord*> invited(
    const std::vector<store::ParticipantRecord>& participants, const AttendanceEntryInput& in,
    const std::string& prefix) {
  for (const auto& p : participants) {
    if ((in.participant > 0 && p.id == in.participant) ||
        (!in.member_code.empty() && p.member_code == in.member_code)) {
      return &p;
    }
  }
  const std::string field = prefix + (in.member_code.empty() ? "participant" : "member");
  const std::string name =
      in.member_code.empty() ? "số " + std::to_string(in.participant) : "«" + in.member_code + "»";
  return Error::not_found(
      field,
      "Trường «" + field + "»: người " + name + " không có trong danh sách mời của hội nghị.",
      "not invited to the conference");
}

}  // namespace

// The conference a write of attendance may touch, held already, and its site numbered `seq`.
Result<std::pair<store::ConferenceRecord, store::ConferenceSiteRecord>> Registry::attendance_site(
    long long conference, int seq) {
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  auto c = visible_conference(conference, *history);
  if (!c.ok()) return c.error();
  DANGVU_TRY(require_not_cancelled(*c));
  if (c->held_on > clock_.today()) {
    return Error::refused(
        "conference", "conference.attendance_after_start",
        "Hội nghị họp ngày " + c->held_on.vi() + "; chỉ ghi điểm danh khi hội nghị đã diễn ra.",
        "attendance recorded before the conference date");
  }
  auto sites = store_.conference_sites(c->id);
  if (!sites.ok()) return sites.error();
  for (const auto& s : *sites) {
    if (s.seq == seq) return std::pair{std::move(*c), s};
  }
  return Error::not_found(
      "site", "Trường «site»: hội nghị không có điểm cầu số " + std::to_string(seq) + ".",
      "unknown site");
}

Status Registry::record_attendance(const AttendanceInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  DANGVU_TRY(check_site_number(in.site));
  const AttendanceEntryInput entry{in.member_code, in.participant, in.status, in.reason};
  auto checked = check_attendance(entry, "");
  if (!checked.ok()) return checked.error();
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  return store_.write_transaction([&]() -> Status {
    auto where = attendance_site(in.conference, in.site);
    if (!where.ok()) return where.error();
    const store::ConferenceRecord& c = where->first;
    const store::ConferenceSiteRecord& site = where->second;
    auto participants = store_.conference_participants(c.id);
    if (!participants.ok()) return participants.error();
    auto who = invited(*participants, entry, "");
    if (!who.ok()) return who.error();
    DANGVU_TRY(store_.set_attendance((*who)->id, site.id, checked->status, checked->reason));
    json detail = {{"conference", c.id},
                   {"participant", (*who)->id},
                   {"member", (*who)->member_code},
                   {"site", site.seq},
                   {"before", std::string(to_string((*who)->attendance))},
                   {"status", in.status},
                   {"reason", checked->reason}};
    return audit("conference.attendance", std::to_string(c.id), detail.dump(), c.org);
  });
}

Result<int> Registry::record_attendance_many(const BulkAttendanceInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  DANGVU_TRY(check_site_number(in.site));
  if (in.entries.empty() && !in.all_unrecorded) {
    return Error::invalid("entries",
                          "Trường «entries»: chưa có ai để điểm danh; nhập danh sách người dự "
                          "hoặc chọn ghi có mặt mọi đảng viên chưa điểm danh.",
                          "no entries and not all_unrecorded");
  }
  std::vector<CheckedAttendance> checked;
  checked.reserve(in.entries.size());
  for (std::size_t i = 0; i < in.entries.size(); ++i) {
    auto one = check_attendance(in.entries[i], "entries[" + std::to_string(i) + "].");
    if (!one.ok()) return one.error();
    checked.push_back(std::move(*one));
  }
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  int recorded = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    recorded = 0;
    auto where = attendance_site(in.conference, in.site);
    if (!where.ok()) return where.error();
    const store::ConferenceRecord& c = where->first;
    const store::ConferenceSiteRecord& site = where->second;
    auto participants = store_.conference_participants(c.id);
    if (!participants.ok()) return participants.error();
    // Every entry is resolved and checked before the first is written.
    std::vector<const store::ParticipantRecord*> people;
    std::map<std::int64_t, std::size_t> line_of;  // participant id → its entry
    for (std::size_t i = 0; i < in.entries.size(); ++i) {
      const std::string prefix = "entries[" + std::to_string(i) + "].";
      auto who = invited(*participants, in.entries[i], prefix);
      if (!who.ok()) return who.error();
      if (auto [it, fresh] = line_of.emplace((*who)->id, i); !fresh) {
        const std::string field =
            prefix + (in.entries[i].member_code.empty() ? "participant" : "member");
        return Error::invalid(field,
                              "Trường «" + field + "»: người này đã có ở dòng " +
                                  std::to_string(it->second + 1) + "; mỗi người ghi một lần.",
                              "the same participant twice");
      }
      people.push_back(*who);
    }
    json lines = json::array();
    auto write = [&](const store::ParticipantRecord& p, Attendance status,
                     const std::string& reason) -> Status {
      DANGVU_TRY(store_.set_attendance(p.id, site.id, status, reason));
      json line = {{"before_status", std::string(to_string(p.attendance))},
                   {"status", std::string(to_string(status))}};
      if (p.member_code.empty()) {
        line["participant"] = p.id;
      } else {
        line["member"] = p.member_code;
      }
      if (!reason.empty()) line["reason"] = reason;
      lines.push_back(std::move(line));
      ++recorded;
      return {};
    };
    for (std::size_t i = 0; i < people.size(); ++i) {
      DANGVU_TRY(write(*people[i], checked[i].status, checked[i].reason));
    }
    if (in.all_unrecorded) {
      for (const auto& p : *participants) {
        if (p.kind != ParticipantKind::member || p.attendance != Attendance::invited ||
            line_of.count(p.id)) {
          continue;
        }
        DANGVU_TRY(write(p, Attendance::present, ""));
      }
    }
    json detail = {{"conference", c.id},
                   {"site", site.seq},
                   {"all_unrecorded", in.all_unrecorded},
                   {"recorded", recorded},
                   {"entries", lines}};
    return audit("conference.attendance_bulk", std::to_string(c.id), detail.dump(), c.org);
  }));
  return recorded;
}

Status Registry::attach_report(const AttachReportInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  if (!in.org_code.empty()) DANGVU_TRY(check_code(in.org_code, "org"));
  if (!in.period.empty()) DANGVU_TRY(Period::parse(in.period, "period"));
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  return store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto c = visible_conference(in.conference, *history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    OrgId org = c->org;
    if (!in.org_code.empty()) {
      auto id = require_org(in.org_code, "org");
      if (!id.ok()) return id.error();
      DANGVU_TRY(require_in_scope(*history, *id, "org", in.org_code));
      org = *id;
    }
    auto period = Period::parse(in.period.empty() ? c->period : in.period, "period");
    if (!period.ok()) return period.error();
    // The report is of the organizing org's subtree: the org itself or one below it.
    const OrgTree tree = history->tree_as_of(std::min(period->last, c->held_on));
    if (!tree.contains_in_subtree(c->org, org)) {
      return Error::refused("org", "conference.report_in_subtree",
                            "Trường «org»: báo cáo gắn với hội nghị phải là của tổ chức chủ trì "
                            "hoặc một tổ chức trực thuộc.",
                            "attached report is not of the organizing org's subtree");
    }
    if (period->first > c->held_on) {
      return Error::refused("period", "conference.report_period",
                            "Trường «period»: kỳ báo cáo " + period->label_vi() +
                                " bắt đầu sau ngày họp " + c->held_on.vi() + ".",
                            "report period starts after the conference");
    }
    DANGVU_TRY(store_.set_conference_report(c->id, org, period->code));
    json detail = {{"conference", c->id},
                   {"org", history->code(org)},
                   {"period", period->code},
                   {"before_org", c->report_org ? json(history->code(*c->report_org)) : json()},
                   {"before_period", c->report_period}};
    return audit("conference.report", std::to_string(c->id), detail.dump(), c->org);
  });
}

Result<int> Registry::add_conference_item(const ConferenceItemInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  auto kind = parse_item_kind(in.kind.empty() ? "contribution" : in.kind);
  if (!kind) {
    return bad_choice("kind", in.kind,
                      "contribution (tham luận), directing_speech (phát biểu chỉ đạo), agenda "
                      "(chương trình)");
  }
  if (!in.speaker_code.empty() && !in.speaker_name.empty()) {
    return Error::invalid("speaker",
                          "Trường «speaker»: nhập mã đảng viên hoặc họ tên, không cả hai.",
                          "speaker given both as code and name");
  }
  if (*kind != ItemKind::agenda && in.speaker_code.empty() && in.speaker_name.empty()) {
    return Error::invalid("speaker", "Trường «speaker»: chưa nhập người trình bày.",
                          "a contribution or speech needs a speaker");
  }
  if (!in.speaker_code.empty()) DANGVU_TRY(check_code(in.speaker_code, "speaker"));
  auto speaker = optional_text(in.speaker_name, "speaker", 200);
  if (!speaker.ok()) return speaker.error();
  auto speaker_title = optional_text(in.speaker_title, "speaker_title", 200);
  if (!speaker_title.ok()) return speaker_title.error();
  auto speaker_org = optional_text(in.speaker_org, "speaker_org", 300);
  if (!speaker_org.ok()) return speaker_org.error();
  // A contribution has a title; the directing speech a summary of what was directed.
  auto title = *kind == ItemKind::directing_speech ? optional_text(in.title, "title", 500)
                                                   : text::clean_field(in.title, "title", 500);
  if (!title.ok()) return title.error();
  auto summary = *kind == ItemKind::directing_speech
                     ? text::clean_field(in.summary, "summary", 8000)
                     : optional_text(in.summary, "summary", 8000);
  if (!summary.ok()) return summary.error();
  auto file = optional_text(in.file_name, "file", 255);
  if (!file.ok()) return file.error();
  if (file->find_first_of("/\\") != std::string::npos) {
    return Error::invalid("file", "Trường «file»: chỉ ghi tên tệp, không ghi đường dẫn.",
                          "file name with a path");
  }
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  int number = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto c = visible_conference(in.conference, *history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    store::ConferenceItemRecord item;
    item.conference = c->id;
    item.kind = *kind;
    item.title = *title;
    item.speaker_name = *speaker;
    item.speaker_title = *speaker_title;
    item.speaker_org = *speaker_org;
    item.file_name = *file;
    item.summary = *summary;
    if (!in.speaker_code.empty()) {
      auto m = conference_member(in.speaker_code, "speaker", *history, c->held_on);
      if (!m.ok()) return m.error();
      item.speaker_member = m->id;
      item.speaker_name = m->person.full_name();
    }
    auto seq = store_.insert_conference_item(item);
    if (!seq.ok()) return seq.error();
    number = *seq;
    json detail = {{"conference", c->id},
                   {"seq", *seq},
                   {"kind", std::string(to_string(*kind))},
                   {"speaker", in.speaker_code.empty() ? item.speaker_name : in.speaker_code},
                   {"speaker_title", item.speaker_title},
                   {"speaker_org", item.speaker_org},
                   {"title", item.title},
                   {"file", item.file_name},
                   {"summary", item.summary}};
    return audit("conference.item", std::to_string(c->id), detail.dump(), c->org);
  }));
  return number;
}

Status Registry::conclude_conference(const ConclusionInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  auto text = text::clean_field(in.text, "text", 8000);
  if (!text.ok()) return text.error();
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  return store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto c = visible_conference(in.conference, *history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    DANGVU_TRY(store_.set_conference_conclusion(c->id, *text));
    json detail = {{"conference", c->id}, {"before", c->conclusion}, {"text", *text}};
    return audit("conference.conclusion", std::to_string(c->id), detail.dump(), c->org);
  });
}

Result<int> Registry::add_decision(const DecisionInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  const bool rotation = !in.leading_code.empty() || !in.deputy_code.empty();
  auto text =
      rotation ? optional_text(in.text, "text", 4000) : text::clean_field(in.text, "text", 4000);
  if (!text.ok()) return text.error();
  if (rotation) {
    DANGVU_TRY(check_code(in.leading_code, "leading"));
    DANGVU_TRY(check_code(in.deputy_code, "deputy"));
    if (!in.cluster_code.empty()) DANGVU_TRY(check_code(in.cluster_code, "cluster"));
    if (!in.for_period.empty()) DANGVU_TRY(Period::parse(in.for_period, "for_period"));
    if (in.leading_code == in.deputy_code) {
      return Error::refused("deputy", "conference.rotation_distinct",
                            "Trường «deputy»: cụm phó phải là tổ chức khác cụm trưởng.",
                            "leading and deputy are the same org");
    }
  } else if (!in.cluster_code.empty() || !in.for_period.empty()) {
    return Error::invalid("leading",
                          "Trường «leading»: bầu cụm trưởng, cụm phó cần mã tổ chức cụm trưởng "
                          "và cụm phó.",
                          "a rotation needs the leading and deputy orgs");
  }
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  int number = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto c = visible_conference(in.conference, *history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    store::DecisionRecord d;
    d.conference = c->id;
    d.kind = rotation ? DecisionKind::cluster_rotation : DecisionKind::general;
    d.text = *text;
    json detail = {{"conference", c->id}, {"kind", std::string(to_string(d.kind))}};
    if (rotation) {
      const Date on = c->held_on;
      const OrgTree tree = history->tree_as_of(on);
      auto cluster =
          in.cluster_code.empty() ? Result<OrgId>(c->org) : require_org(in.cluster_code, "cluster");
      if (!cluster.ok()) return cluster.error();
      const auto* node = tree.find(*cluster);
      if (node == nullptr || node->kind != OrgKind::cluster ||
          !tree.contains_in_subtree(c->org, *cluster)) {
        return Error::refused("cluster", "conference.rotation_cluster",
                              "Trường «cluster»: cụm trưởng, cụm phó được bầu cho một cụm thi đua "
                              "thuộc tổ chức chủ trì hội nghị vào ngày " +
                                  on.vi() + ".",
                              "rotation is recorded on a cluster within the organizing org");
      }
      auto member_of_cluster = [&](const std::string& code, const char* field) -> Result<OrgId> {
        auto id = require_org(code, field);
        if (!id.ok()) return id.error();
        const auto* n = tree.find(*id);
        if (n == nullptr || n->parent != *cluster) {
          return Error::refused(field, "conference.rotation_in_cluster",
                                "Trường «" + std::string(field) + "»: «" + code +
                                    "» không phải tổ chức thuộc cụm «" + history->code(*cluster) +
                                    "» vào ngày " + on.vi() + ".",
                                "rotation org is not a member of the cluster on the date");
        }
        return *id;
      };
      auto leading = member_of_cluster(in.leading_code, "leading");
      if (!leading.ok()) return leading.error();
      auto deputy = member_of_cluster(in.deputy_code, "deputy");
      if (!deputy.ok()) return deputy.error();
      auto conference_period = Period::parse(c->period);
      if (!conference_period.ok()) return conference_period.error();
      auto for_period = in.for_period.empty() ? Result<Period>(conference_period->next())
                                              : Period::parse(in.for_period, "for_period");
      if (!for_period.ok()) return for_period.error();
      d.cluster = *cluster;
      d.leading = *leading;
      d.deputy = *deputy;
      d.for_period = for_period->code;
      if (d.text.empty()) {
        d.text = "Bầu " + tree.find(*leading)->name + " làm Cụm trưởng, " +
                 tree.find(*deputy)->name + " làm Cụm phó " + node->name + " " +
                 for_period->label_vi() + ".";
      }
      detail["cluster"] = history->code(*cluster);
      detail["leading"] = in.leading_code;
      detail["deputy"] = in.deputy_code;
      detail["for_period"] = d.for_period;
    }
    detail["text"] = d.text;
    auto seq = store_.insert_decision(d, actor_, clock_.now_iso());
    if (!seq.ok()) return seq.error();
    number = *seq;
    detail["seq"] = *seq;
    return audit("conference.decision", std::to_string(c->id), detail.dump(), c->org);
  }));
  return number;
}

Result<TaskId> Registry::add_task(const TaskInput& in) {
  DANGVU_TRY(check_conference_number(in.conference));
  DANGVU_TRY(check_code(in.owner_org_code, "owner"));
  auto title = text::clean_field(in.title, "title", 1000);
  if (!title.ok()) return title.error();
  auto due = parse_date(in.due, "due");
  if (!due.ok()) return due.error();
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  TaskId created = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto c = visible_conference(in.conference, *history);
    if (!c.ok()) return c.error();
    DANGVU_TRY(require_not_cancelled(*c));
    if (*due < c->held_on) {
      return Error::refused(
          "due", "task.due_after_conference",
          "Trường «due»: hạn " + due->vi() + " trước ngày họp " + c->held_on.vi() + ".",
          "task due before the conference");
    }
    auto owner = require_org(in.owner_org_code, "owner");
    if (!owner.ok()) return owner.error();
    DANGVU_TRY(require_in_scope(*history, *owner, "owner", in.owner_org_code));
    const OrgTree tree = history->tree_as_of(c->held_on);
    if (tree.find(*owner) == nullptr || !tree.contains_in_subtree(c->org, *owner)) {
      return Error::refused("owner", "task.owner_in_subtree",
                            "Trường «owner»: tổ chức chủ trì nhiệm vụ phải là tổ chức tổ chức hội "
                            "nghị hoặc trực thuộc nó vào ngày " +
                                c->held_on.vi() + ".",
                            "task owner is not within the organizing org's subtree");
    }
    store::TaskRecord t;
    t.conference = c->id;
    t.owner = *owner;
    t.title = *title;
    t.set_on = c->held_on;
    t.due_on = *due;
    auto id = store_.insert_task(t, actor_, clock_.now_iso());
    if (!id.ok()) return id.error();
    created = *id;
    json detail = {{"conference", c->id},
                   {"task", *id},
                   {"owner", in.owner_org_code},
                   {"title", t.title},
                   {"due", due->iso()}};
    return audit("task.add", std::to_string(c->id), detail.dump(), *owner);
  }));
  return created;
}

Status Registry::set_task_status(const TaskStatusInput& in) {
  if (in.task <= 0) {
    return Error::invalid("task", "Trường «task»: chưa nhập số nhiệm vụ.", "task is required");
  }
  auto kind = parse_task_event_kind(in.status);
  if (!kind) {
    return bad_choice("status", in.status, "done (hoàn thành), cancelled (hủy), reopened (mở lại)");
  }
  auto date = date_or_today(in.date, "date");
  if (!date.ok()) return date.error();
  if (*date > clock_.today()) {
    return Error::refused(
        "date", "task.not_future",
        "Trường «date»: ngày " + date->vi() + " chưa đến; chỉ ghi trạng thái đã xảy ra.",
        "task status dated in the future");
  }
  auto note = optional_text(in.note, "note", 1000);
  if (!note.ok()) return note.error();
  if (*kind == TaskEventKind::cancelled && note->empty()) {
    return Error::invalid("note", "Trường «note»: hủy nhiệm vụ cần ghi lý do.",
                          "cancelling needs a reason");
  }
  DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "ghi hội nghị",
                                "record conferences"));
  return store_.write_transaction([&]() -> Status {
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    auto task = store_.task_by_id(in.task);
    if (!task.ok()) return task.error();
    auto unknown = Error::not_found(
        "task", "Trường «task»: không có nhiệm vụ số " + std::to_string(in.task) + ".",
        "unknown task");
    if (!*task) return unknown;
    auto c = visible_conference((*task)->conference, *history);
    if (!c.ok()) return unknown;
    DANGVU_TRY(require_not_cancelled(*c));
    const TaskEvent next{*kind, *date, *note};
    DANGVU_TRY(check_task_event((*task)->set_on, events_of(**task), next));
    DANGVU_TRY(store_.append_task_event((*task)->id, next, actor_, clock_.now_iso()));
    json detail = {{"task", (*task)->id},
                   {"conference", c->id},
                   {"status", in.status},
                   {"date", date->iso()},
                   {"note", *note}};
    return audit("task.status", std::to_string(c->id), detail.dump(), (*task)->owner);
  });
}

Result<ConferenceView> Registry::show_conference(long long id, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  auto c = visible_conference(id, *history);
  if (!c.ok()) return c.error();
  ConferenceView v;
  v.head = summary_of(*c, *history);
  auto cancelled = store_.cancellation(CancelledKind::conference, c->id);
  if (!cancelled.ok()) return cancelled.error();
  if (*cancelled) v.head.cancelled = cancellation_view(**cancelled);
  v.as_of = at->iso();
  v.chair = c->chair_name;
  v.secretary = c->secretary_name;
  if (c->report_org) {
    v.report_org_code = history->code(*c->report_org);
    v.report_org_name = org_name_at(*history, *c->report_org, c->held_on);
    v.report_period = c->report_period;
    auto p = Period::parse(c->report_period);
    v.report_period_label = p.ok() ? p->label_vi() : c->report_period;
  }
  v.conclusion = c->conclusion;
  auto sites = store_.conference_sites(c->id);
  if (!sites.ok()) return sites.error();
  for (const auto& s : *sites) {
    ConferenceSiteView sv;
    sv.number = s.seq;
    sv.mode = std::string(to_string(s.mode));
    sv.mode_vi = std::string(label_vi(s.mode));
    sv.name = s.name;
    sv.address = s.address;
    sv.link = s.link;
    if (s.host_org) {
      sv.host_org_code = history->code(*s.host_org);
      sv.host_org_name = org_name_at(*history, *s.host_org, c->held_on);
    }
    v.sites.push_back(std::move(sv));
  }
  auto participants = store_.conference_participants(c->id);
  if (!participants.ok()) return participants.error();
  // The quorum counts the members whose official activity is in the organizing org's subtree on
  // the day; a member attending on temporary activity from elsewhere is listed, not counted.
  std::set<std::string> counted;
  {
    const OrgTree tree = history->tree_as_of(c->held_on);
    if (tree.find(c->org) != nullptr) {
      store::MemberQuery q;
      q.at = c->held_on;
      q.orgs = tree.subtree(c->org);
      q.statuses = {MemberStatus::official, MemberStatus::probationary};
      q.limit = 1000000;
      auto page = store_.list_members(q, 0);
      if (!page.ok()) return page.error();
      for (const auto& r : page->rows) counted.insert(r.code);
    }
  }
  std::int64_t invited = 0, present = 0;
  for (const auto& p : *participants) {
    ParticipantView pv;
    pv.id = p.id;
    pv.kind = std::string(to_string(p.kind));
    pv.member_code = p.member_code;
    pv.name = p.name;
    pv.title = p.title;
    pv.organization = p.organization;
    pv.invited_via = p.invited_via;
    pv.site = p.site_seq.value_or(0);
    pv.attendance = std::string(to_string(p.attendance));
    pv.attendance_vi = std::string(label_vi(p.attendance));
    pv.reason = p.absence_reason;
    const bool came = p.attendance == Attendance::present || p.attendance == Attendance::late;
    if (p.kind == ParticipantKind::member) {
      if (counted.count(p.member_code)) {
        ++invited;
        if (came) ++present;
      }
    } else {
      ++v.guests;
    }
    if (p.attendance == Attendance::invited) ++v.unrecorded;
    for (auto& sv : v.sites) {
      if (sv.number != pv.site) continue;
      if (p.attendance == Attendance::present) ++sv.present;
      if (p.attendance == Attendance::late) ++sv.late;
      if (p.attendance == Attendance::absent) ++sv.absent;
    }
    v.participants.push_back(std::move(pv));
  }
  const Quorum q = compute_quorum(c->kind, invited, present, rules_);
  v.quorum = {q.invited,        q.present,          q.required,      q.reached,
              q.rule.numerator, q.rule.denominator, q.rule.more_than};
  auto items = store_.conference_items(c->id);
  if (!items.ok()) return items.error();
  auto files = store_.item_files(c->id);
  if (!files.ok()) return files.error();
  for (const auto& i : *items) {
    v.items.push_back({i.seq, std::string(to_string(i.kind)), std::string(label_vi(i.kind)),
                       i.title, i.speaker_name, i.speaker_title, i.speaker_org, i.file_name,
                       i.summary, std::nullopt});
    for (const auto& f : *files) {
      if (f.item == i.seq) v.items.back().attachment = item_file_view(f);
    }
  }
  auto decisions = store_.conference_decisions(c->id);
  if (!decisions.ok()) return decisions.error();
  for (const auto& d : *decisions) v.decisions.push_back(decision_view(d, *history));
  auto tasks = store_.conference_tasks(c->id);
  if (!tasks.ok()) return tasks.error();
  for (const auto& t : *tasks) v.tasks.push_back(task_view(t, *history, *at));
  return v;
}

Result<std::vector<ConferenceSummaryView>> Registry::list_conferences(
    const ConferenceListInput& in) {
  DANGVU_TRY(check_limit(in.limit, 500));
  const Date today = clock_.today();
  auto to = in.to.empty() ? Result<Date>(Date::from_ymd(today.year(), 12, 31).value())
                          : parse_date(in.to, "to");
  if (!to.ok()) return to.error();
  auto from = in.from.empty() ? Result<Date>(to->year_start()) : parse_date(in.from, "from");
  if (!from.ok()) return from.error();
  if (*from > *to) {
    return Error::invalid("from", "Trường «from»: ngày bắt đầu sau ngày kết thúc.",
                          "from after to");
  }
  std::optional<ConferenceKind> kind;
  if (!in.kind.empty()) {
    kind = parse_conference_kind(in.kind);
    if (!kind) {
      return bad_choice("kind", in.kind,
                        "quarterly_review, half_year_review, year_review, cluster_briefing, "
                        "thematic");
    }
  }
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  // The subtree as it was at the end of the range (or today, when that is later).
  const Date at = std::min(*to, std::max(today, *from));
  const OrgTree tree = history->tree_as_of(at);
  auto root = readable_root(in.org_code, tree, at);
  if (!root.ok()) return root.error();
  store::ConferenceQuery q{tree.subtree(*root), *from, *to, kind, in.limit, true};
  auto rows = store_.list_conferences(q);
  if (!rows.ok()) return rows.error();
  std::vector<std::int64_t> ids;
  for (const auto& c : *rows) ids.push_back(c.id);
  auto cancelled = cancellation_views(store_, CancelledKind::conference, ids);
  if (!cancelled.ok()) return cancelled.error();
  std::vector<ConferenceSummaryView> out;
  for (const auto& c : *rows) {
    out.push_back(summary_of(c, *history));
    out.back().cancelled = take(*cancelled, c.id);
  }
  return out;
}

Result<std::vector<TaskView>> Registry::overdue_tasks(const std::string& org_code,
                                                      const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  const OrgTree tree = history->tree_as_of(*at);
  auto root = readable_root(org_code, tree, *at);
  if (!root.ok()) return root.error();
  auto rows = store_.tasks_due_before(tree.subtree(*root), *at, *at);
  if (!rows.ok()) return rows.error();
  std::vector<TaskView> out;
  for (const auto& t : *rows) {
    TaskView v = task_view(t, *history, *at);
    if (v.status == to_string(TaskStatus::overdue)) out.push_back(std::move(v));
  }
  return out;
}

Result<PrepareNextView> Registry::prepare_next_conference(const std::string& org_code,
                                                          const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  const OrgTree tree = history->tree_as_of(*at);
  auto root = readable_root(org_code, tree, *at);
  if (!root.ok()) return root.error();
  PrepareNextView v;
  v.org_code = history->code(*root);
  v.org_name = tree.find(*root)->name;
  v.as_of = at->iso();
  if (tree.find(*root)->kind == OrgKind::cluster) {
    auto rotations = store_.cluster_rotations(*root);
    if (!rotations.ok()) return rotations.error();
    for (const auto& d : *rotations) {
      if (d.held_on <= *at) v.rotation = decision_view(d, *history);
    }
  }
  store::ConferenceQuery q{{*root}, Date::from_days(0), *at, std::nullopt, 1, false};
  auto rows = store_.list_conferences(q);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return v;
  const auto& previous = rows->front();
  v.previous = summary_of(previous, *history);
  auto tasks = store_.conference_tasks(previous.id);
  if (!tasks.ok()) return tasks.error();
  for (const auto& t : *tasks) {
    TaskView tv = task_view(t, *history, *at);
    if (tv.status == "open") ++v.open;
    if (tv.status == "done") ++v.done;
    if (tv.status == "overdue") ++v.overdue;
    if (tv.status == "cancelled") ++v.cancelled;
    v.tasks.push_back(std::move(tv));
  }
  return v;
}

}  // namespace dangvu::service
