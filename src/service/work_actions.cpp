// Work records: the document register, the year's targets, branch meetings, inspections and
// supervisions, study sessions. Each write: input checked before the transaction, scope checked
// inside it, one audit entry.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/party_document.h"
#include "figures/indicators.h"
#include "service/cancellation.h"
#include "service/registry.h"
#include "service/validate.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

Error bad_choice(const char* field, const std::string& value, const char* choices) {
  return Error::invalid(field,
                        "Trường «" + std::string(field) + "»: giá trị «" + value +
                            "» không hợp lệ; chọn một trong " + choices + ".",
                        "field '" + std::string(field) + "': unknown value");
}

Status not_in_future(Date d, Date today, const char* field) {
  if (d <= today) return {};
  return Error::refused(field, "activity.not_future",
                        "Trường «" + std::string(field) + "»: ngày " + d.vi() +
                            " chưa đến; chỉ ghi nhận hoạt động đã diễn ra.",
                        "activity dated in the future");
}

Result<std::string> optional_text(const std::string& text, const char* field, std::size_t max) {
  if (text.empty()) return std::string();
  return text::clean_field(text, field, max);
}

}  // namespace

Status Registry::add_document(const DocumentInput& in) {
  auto number_text = text::clean_field(in.number, "number", 40);
  if (!number_text.ok()) return number_text.error();
  auto number = parse_document_number(*number_text, "number");
  if (!number.ok()) return number.error();
  auto issued = parse_date(in.issued_on, "issued_on");
  if (!issued.ok()) return issued.error();
  DANGVU_TRY(not_in_future(*issued, clock_.today(), "issued_on"));
  auto title = text::clean_field(in.title, "title", 500);
  if (!title.ok()) return title.error();
  auto body = text::clean_field(in.issuing_body, "issuing_body", 200);
  if (!body.ok()) return body.error();
  DANGVU_TRY(
      require_permission(auth::can_plan(caller_.role), "ghi sổ văn bản", "register documents"));
  return store_.write_transaction([&]() -> Status {
    auto existing = store_.find_party_document(number->text);
    if (!existing.ok()) return existing.error();
    if (*existing && (*existing)->issued_on == *issued) {
      return Error::conflict("number",
                             "Trường «number»: văn bản số «" + number->text + "» ngày " +
                                 issued->vi() + " đã có trong sổ.",
                             "duplicate document");
    }
    store::PartyDocumentRecord d{
        0, number->text, number->type, number->issuer, number->number, *issued, *title, *body};
    auto id = store_.insert_party_document(d, actor_, clock_.now_iso());
    if (!id.ok()) return id.error();
    json detail = {{"number", d.number},
                   {"issued_on", issued->iso()},
                   {"title", d.title},
                   {"issuing_body", d.issuing_body}};
    return audit("document.add", d.number, detail.dump(), std::nullopt);
  });
}

Result<std::vector<DocumentView>> Registry::list_documents(const std::string& query, int limit) {
  DANGVU_TRY(check_limit(limit, 500));
  auto q = optional_text(query, "q", 100);
  if (!q.ok()) return q.error();
  auto rows = store_.list_party_documents(*q, limit);
  if (!rows.ok()) return rows.error();
  std::vector<DocumentView> out;
  for (const auto& d : *rows) {
    out.push_back({d.number, d.type, std::string(document_type_label_vi(d.type)), d.issuer,
                   d.issued_on.iso(), d.title, d.issuing_body});
  }
  return out;
}

Status Registry::set_plan_target(const PlanTargetInput& in) {
  const figures::Indicator* ind = figures::find_indicator(in.indicator);
  if (ind == nullptr || !ind->plannable) {
    std::string allowed;
    for (const auto& i : figures::indicators()) {
      if (i.plannable) allowed += (allowed.empty() ? "" : ", ") + std::string(i.id);
    }
    return Error::invalid("indicator",
                          "Trường «indicator»: chỉ tiêu «" + in.indicator +
                              "» không nhận kế hoạch; chọn một trong " + allowed + ".",
                          "indicator is not plannable");
  }
  if (in.year < 1930 || in.year > 9998) {
    return Error::invalid("year", "Trường «year»: năm kế hoạch không hợp lệ.", "invalid year");
  }
  if (in.target < 0 || in.target > 10'000'000) {
    return Error::invalid("target",
                          "Trường «target»: chỉ tiêu phải là số nguyên từ 0 đến 10.000.000.",
                          "target out of range");
  }
  DANGVU_TRY(require_permission(auth::can_plan(caller_.role), "lập kế hoạch", "set plans"));
  return store_.write_transaction([&]() -> Status {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    DANGVU_TRY(require_in_scope(*history, *org, "org", in.org_code));
    auto before = store_.plan_target(*org, in.year, in.indicator);
    if (!before.ok()) return before.error();
    DANGVU_TRY(
        store_.set_plan_target({*org, in.year, in.indicator, in.target}, actor_, clock_.now_iso()));
    json detail = {{"year", in.year},
                   {"indicator", in.indicator},
                   {"before", *before ? json(**before) : json(nullptr)},
                   {"target", in.target}};
    return audit("plan.target", in.org_code, detail.dump(), *org);
  });
}

Result<PlanView> Registry::plan(const std::string& org_code, int year) {
  if (year < 1930 || year > 9998) {
    return Error::invalid("year", "Trường «year»: năm kế hoạch không hợp lệ.", "invalid year");
  }
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  const Date at = std::min(*Date::from_ymd(year, 12, 31),
                           std::max(clock_.today(), *Date::from_ymd(year, 1, 1)));
  OrgTree tree = history->tree_as_of(at);
  auto root = readable_root(org_code, tree, at);
  if (!root.ok()) return root.error();
  PlanView v;
  v.org_code = history->code(*root);
  v.org_name = tree.find(*root)->name;
  v.year = year;
  for (const auto& i : figures::indicators()) {
    if (!i.plannable) continue;
    auto t = store_.plan_target(*root, year, std::string(i.id));
    if (!t.ok()) return t.error();
    v.rows.push_back({std::string(i.id), std::string(i.label_vi), std::string(i.unit_vi),
                      *t ? std::optional<long long>(**t) : std::nullopt});
  }
  return v;
}

Result<ActivityId> Registry::record_meeting(const MeetingInput& in) {
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(not_in_future(*date, clock_.today(), "date"));
  auto kind = parse_meeting_kind(in.kind.empty() ? "regular" : in.kind);
  if (!kind) return bad_choice("kind", in.kind, "regular (định kỳ), thematic (chuyên đề)");
  auto quality = parse_meeting_quality(in.quality);
  if (!quality) {
    return bad_choice("quality", in.quality,
                      "good (tốt), fair (khá), average (trung bình), poor (kém)");
  }
  std::string topic_text = in.topic;
  if (topic_text.empty() && *kind == MeetingKind::regular) {
    topic_text = "Sinh hoạt chi bộ định kỳ tháng " + std::to_string(date->month()) + "/" +
                 std::to_string(date->year());
  }
  auto topic = text::clean_field(topic_text, "topic", 500);
  if (!topic.ok()) return topic.error();
  std::vector<std::pair<std::string, std::string>> absent;
  for (const auto& a : in.absent) {
    DANGVU_TRY(check_code(a.member_code, "absent"));
    auto reason = text::clean_field(a.reason, "absent.reason", 200);
    if (!reason.ok()) return reason.error();
    absent.emplace_back(a.member_code, *reason);
  }
  DANGVU_TRY(require_permission(auth::can_record_activities(caller_.role), "ghi sinh hoạt chi bộ",
                                "record meetings"));
  ActivityId recorded = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    DANGVU_TRY(require_in_scope(*history, *org, "org", in.org_code));
    const OrgVersion* v = history->version_at(*org, *date);
    if (v == nullptr || !rules_.holds_members(v->kind)) {
      return Error::refused("org", "meeting.branch_only",
                            "Trường «org»: sinh hoạt chi bộ chỉ ghi cho chi bộ đang hoạt động vào "
                            "ngày " +
                                date->vi() + ".",
                            "meetings are recorded for branches that exist on the date");
    }
    auto members = store_.active_members_of(*org, *date);
    if (!members.ok()) return members.error();
    const std::set<MemberId> expected(members->begin(), members->end());
    store::MeetingRecord m;
    m.org = *org;
    m.held_on = *date;
    m.kind = *kind;
    m.topic = *topic;
    m.quality = *quality;
    m.recorded_by = actor_;
    json absences = json::array();
    std::set<MemberId> seen;
    for (const auto& [code, reason] : absent) {
      auto member = store_.find_member(code);
      if (!member.ok()) return member.error();
      if (!*member || !expected.count((*member)->id) || !seen.insert((*member)->id).second) {
        return Error::invalid("absent",
                              "Trường «absent»: «" + code +
                                  "» không phải đảng viên sinh hoạt tại "
                                  "chi bộ này vào ngày " +
                                  date->vi() + " (hoặc bị nhập hai lần).",
                              "absent member is not in the branch on the date, or repeated");
      }
      m.absences.emplace_back((*member)->id, reason);
      absences.push_back({{"member", code}, {"reason", reason}});
    }
    m.expected = static_cast<std::int64_t>(expected.size());
    m.present = m.expected - static_cast<std::int64_t>(m.absences.size());
    auto id = store_.insert_meeting(m, clock_.now_iso());
    if (!id.ok()) return id.error();
    recorded = *id;
    json detail = {{"id", *id},
                   {"date", date->iso()},
                   {"kind", in.kind},
                   {"topic", m.topic},
                   {"quality", in.quality},
                   {"expected", m.expected},
                   {"present", m.present},
                   {"absent", absences}};
    return audit("meeting.add", in.org_code, detail.dump(), *org);
  }));
  return recorded;
}

Result<ActivityId> Registry::record_oversight(const OversightInput& in) {
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(not_in_future(*date, clock_.today(), "date"));
  auto kind = parse_oversight_kind(in.kind);
  if (!kind) return bad_choice("kind", in.kind, "inspection (kiểm tra), supervision (giám sát)");
  auto basis = parse_oversight_basis(in.basis.empty() ? "planned" : in.basis);
  if (!basis) {
    return bad_choice("basis", in.basis,
                      "planned (theo kế hoạch), signs_of_violation (khi có dấu hiệu vi phạm)");
  }
  if (in.subject_org_code.empty() == in.subject_member_code.empty()) {
    return Error::invalid("subject",
                          "Trường «subject»: nhập đúng một đối tượng: một tổ chức đảng hoặc một "
                          "đảng viên.",
                          "exactly one of subject_org and subject_member is required");
  }
  auto conclusion = text::clean_field(in.conclusion, "conclusion", 4000);
  if (!conclusion.ok()) return conclusion.error();
  DANGVU_TRY(require_permission(auth::can_record_oversight(caller_.role), "ghi kiểm tra, giám sát",
                                "record inspections"));
  ActivityId recorded = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    DANGVU_TRY(require_in_scope(*history, *org, "org", in.org_code));
    const OrgTree tree = history->tree_as_of(*date);
    if (tree.find(*org) == nullptr) {
      return Error::refused("org", "oversight.org_exists",
                            "Trường «org»: tổ chức không tồn tại vào ngày " + date->vi() + ".",
                            "holding org does not exist on the date");
    }
    if (tree.find(*org)->kind == OrgKind::cluster) {
      return Error::refused("org", "cluster.not_party_body",
                            "Trường «org»: cụm thi đua không phải tổ chức đảng, không kiểm tra, "
                            "giám sát; hãy ghi cho cấp ủy tiến hành (cấp ủy cấp trên của cụm "
                            "hoặc của tổ chức được kiểm tra).",
                            "a cluster inspects and supervises no one");
    }
    store::OversightRecord o;
    o.org = *org;
    o.kind = *kind;
    o.basis = *basis;
    o.held_on = *date;
    o.conclusion = *conclusion;
    o.recorded_by = actor_;
    // The subject sits below the org that holds the inspection, on the day it is held.
    OrgId subject_org = 0;
    const char* field = "subject_org";
    if (!in.subject_org_code.empty()) {
      auto s = require_org(in.subject_org_code, field);
      if (!s.ok()) return s.error();
      subject_org = *s;
      o.subject_org = *s;
    } else {
      field = "subject_member";
      DANGVU_TRY(check_code(in.subject_member_code, field));
      auto member = store_.find_member(in.subject_member_code);
      if (!member.ok()) return member.error();
      auto unknown = Error::not_found(
          field, "Trường «subject_member»: không có đảng viên mã «" + in.subject_member_code + "».",
          "unknown member");
      if (!*member) return unknown;
      auto events = store_.member_events((*member)->id);
      if (!events.ok()) return events.error();
      auto folded = fold((*member)->person, *events, *history);
      if (!folded.ok()) return folded.error();
      if (!member_in_scope_at(*folded, *history, *date)) return unknown;
      const auto state = folded->state_at(*date);
      if (!state.org ||
          (state.status != MemberStatus::official && state.status != MemberStatus::probationary)) {
        return Error::refused(field, "oversight.subject_below",
                              "Trường «subject_member»: ngày " + date->vi() +
                                  " người này không phải đảng viên đang sinh hoạt.",
                              "subject member is not an active member on the date");
      }
      subject_org = *state.org;
      o.subject_member = (*member)->id;
    }
    const bool below = tree.find(subject_org) != nullptr &&
                       tree.contains_in_subtree(*org, subject_org) &&
                       (o.subject_member || subject_org != *org);
    if (!below) {
      return Error::refused(field, "oversight.subject_below",
                            "Trường «" + std::string(field) +
                                "»: đối tượng kiểm tra, giám sát "
                                "phải thuộc tổ chức «" +
                                in.org_code + "» vào ngày " + date->vi() + ".",
                            "subject is not below the holding org on the date");
    }
    auto id = store_.insert_oversight(o, clock_.now_iso());
    if (!id.ok()) return id.error();
    recorded = *id;
    json detail = {{"id", *id},
                   {"date", date->iso()},
                   {"kind", in.kind},
                   {"basis", std::string(to_string(*basis))},
                   {"subject_org", in.subject_org_code},
                   {"subject_member", in.subject_member_code},
                   {"conclusion", o.conclusion}};
    return audit(std::string(to_string(*kind)) + ".add", in.org_code, detail.dump(), *org);
  }));
  return recorded;
}

Result<ActivityId> Registry::record_study_session(const StudySessionInput& in) {
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(not_in_future(*date, clock_.today(), "date"));
  auto number = parse_document_number(in.document_number, "document");
  if (!number.ok()) return number.error();
  for (const auto& code : in.attendees) DANGVU_TRY(check_code(code, "attendees"));
  DANGVU_TRY(require_permission(auth::can_record_activities(caller_.role), "ghi học tập nghị quyết",
                                "record study sessions"));
  ActivityId recorded = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    DANGVU_TRY(require_in_scope(*history, *org, "org", in.org_code));
    const OrgVersion* v = history->version_at(*org, *date);
    if (v == nullptr || !rules_.holds_members(v->kind)) {
      return Error::refused("org", "study.branch_only",
                            "Trường «org»: học tập nghị quyết được ghi theo chi bộ đang hoạt động "
                            "vào ngày " +
                                date->vi() + ".",
                            "study sessions are recorded for branches that exist on the date");
    }
    auto doc = store_.find_party_document(number->text);
    if (!doc.ok()) return doc.error();
    if (!*doc) {
      return Error::not_found("document",
                              "Trường «document»: văn bản số «" + number->text +
                                  "» chưa có trong sổ văn bản; hãy ghi văn bản trước.",
                              "unknown document");
    }
    if ((*doc)->issued_on > *date) {
      return Error::refused("date", "study.after_issue",
                            "Trường «date»: ngày học tập trước ngày ban hành văn bản (" +
                                (*doc)->issued_on.vi() + ").",
                            "study session before the document was issued");
    }
    auto members = store_.active_members_of(*org, *date);
    if (!members.ok()) return members.error();
    const std::set<MemberId> expected(members->begin(), members->end());
    store::StudySessionRecord s;
    s.org = *org;
    s.held_on = *date;
    s.document_id = (*doc)->id;
    s.recorded_by = actor_;
    std::set<MemberId> seen;
    for (const auto& code : in.attendees) {
      auto member = store_.find_member(code);
      if (!member.ok()) return member.error();
      if (!*member || !expected.count((*member)->id) || !seen.insert((*member)->id).second) {
        return Error::invalid("attendees",
                              "Trường «attendees»: «" + code +
                                  "» không phải đảng viên sinh hoạt "
                                  "tại chi bộ này vào ngày " +
                                  date->vi() + " (hoặc bị nhập hai lần).",
                              "attendee is not in the branch on the date, or repeated");
      }
      s.attendees.push_back((*member)->id);
    }
    s.expected = static_cast<std::int64_t>(expected.size());
    s.present = static_cast<std::int64_t>(s.attendees.size());
    auto id = store_.insert_study_session(s, clock_.now_iso());
    if (!id.ok()) return id.error();
    recorded = *id;
    json detail = {{"id", *id},
                   {"date", date->iso()},
                   {"document", number->text},
                   {"attendees", in.attendees},
                   {"expected", s.expected}};
    return audit("study.add", in.org_code, detail.dump(), *org);
  }));
  return recorded;
}

Result<ActivitiesView> Registry::activities(const ActivitiesInput& in) {
  DANGVU_TRY(check_limit(in.limit, 500));
  const Date today = clock_.today();
  auto to = in.to.empty() ? Result<Date>(today) : parse_date(in.to, "to");
  if (!to.ok()) return to.error();
  auto from = in.from.empty() ? Result<Date>(to->year_start()) : parse_date(in.from, "from");
  if (!from.ok()) return from.error();
  if (*from > *to) {
    return Error::invalid("from", "Trường «from»: ngày bắt đầu sau ngày kết thúc.",
                          "from after to");
  }
  auto shared = tree_at(*to);
  if (!shared.ok()) return shared.error();
  const auto& tree = (*shared)->tree;
  auto root = readable_root(in.org_code, tree, *to);
  if (!root.ok()) return root.error();
  store::ActivityQuery q{tree.subtree(*root), *from, *to, in.limit, true};
  const auto& history = *(*shared)->history;
  auto code_of = [&](OrgId id) { return history.has_org(id) ? history.code(id) : std::string(); };
  auto name_of = [&](OrgId id) {
    const auto* n = tree.find(id);
    return n ? n->name : std::string();
  };
  ActivitiesView v;
  v.org_code = code_of(*root);
  v.from = from->iso();
  v.to = to->iso();
  auto meetings = store_.list_meetings(q);
  if (!meetings.ok()) return meetings.error();
  std::vector<ActivityId> meeting_ids;
  for (const auto& m : *meetings) meeting_ids.push_back(m.id);
  auto absences = store_.meeting_absences(meeting_ids);
  if (!absences.ok()) return absences.error();
  std::map<ActivityId, std::vector<AbsenceView>> absent_from;
  for (const auto& a : *absences) {
    absent_from[a.meeting].push_back({a.member_code, a.person.full_name(), a.reason});
  }
  auto meetings_cancelled = cancellation_views(store_, CancelledKind::meeting, meeting_ids);
  if (!meetings_cancelled.ok()) return meetings_cancelled.error();
  for (const auto& m : *meetings) {
    MeetingView mv{m.id,
                   m.held_on.iso(),
                   code_of(m.org),
                   org_name_on(history, m.org, m.held_on),
                   std::string(to_string(m.kind)),
                   std::string(label_vi(m.kind)),
                   m.topic,
                   std::string(to_string(m.quality)),
                   std::string(label_vi(m.quality)),
                   m.expected,
                   m.present,
                   parent_name_on(history, m.org, m.held_on),
                   {},
                   std::nullopt};
    mv.absences = std::move(absent_from[m.id]);
    mv.cancelled = take(*meetings_cancelled, m.id);
    v.meetings.push_back(std::move(mv));
  }
  auto oversights = store_.list_oversights(q);
  if (!oversights.ok()) return oversights.error();
  std::vector<ActivityId> oversight_ids;
  for (const auto& o : *oversights) oversight_ids.push_back(o.id);
  auto oversights_cancelled = cancellation_views(store_, CancelledKind::oversight, oversight_ids);
  if (!oversights_cancelled.ok()) return oversights_cancelled.error();
  for (const auto& o : *oversights) {
    std::string subject =
        o.subject_org ? code_of(*o.subject_org) + " " + name_of(*o.subject_org) : o.subject_label;
    OversightView ov{o.id,
                     o.held_on.iso(),
                     code_of(o.org),
                     org_name_on(history, o.org, o.held_on),
                     std::string(to_string(o.kind)),
                     std::string(label_vi(o.kind)),
                     std::string(to_string(o.basis)),
                     std::string(label_vi(o.basis)),
                     subject,
                     o.conclusion,
                     parent_name_on(history, o.org, o.held_on),
                     std::nullopt};
    ov.cancelled = take(*oversights_cancelled, o.id);
    v.oversights.push_back(std::move(ov));
  }
  auto study = store_.list_study_sessions(q);
  if (!study.ok()) return study.error();
  std::vector<ActivityId> study_ids;
  for (const auto& s : *study) study_ids.push_back(s.id);
  auto study_cancelled = cancellation_views(store_, CancelledKind::study_session, study_ids);
  if (!study_cancelled.ok()) return study_cancelled.error();
  for (const auto& s : *study) {
    StudySessionView sv{s.id,
                        s.held_on.iso(),
                        code_of(s.org),
                        org_name_on(history, s.org, s.held_on),
                        s.document_number,
                        s.document_title,
                        s.expected,
                        s.present,
                        parent_name_on(history, s.org, s.held_on),
                        std::nullopt};
    sv.cancelled = take(*study_cancelled, s.id);
    v.study_sessions.push_back(std::move(sv));
  }
  return v;
}

}  // namespace dangvu::service
