// Member actions: add a person with a first event, record an event, bulk-load a whole log.
#include <nlohmann/json.hpp>

#include "service/registry.h"
#include "service/validate.h"
#include "text/collate.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

Result<std::optional<Date>> optional_date(const std::string& text, const char* field) {
  if (text.empty()) return std::optional<Date>{};
  auto d = Date::parse(text, field);
  if (!d.ok()) return d.error();
  return std::optional<Date>{*d};
}

Result<std::string> optional_text(const std::string& text, const char* field, std::size_t max) {
  if (text.empty()) return std::string();
  return text::clean_field(text, field, max);
}

json event_json(const EventInput& in) {
  json j = json::object();
  auto put = [&](const char* k, const std::string& v) {
    if (!v.empty()) j[k] = v;
  };
  put("kind", in.kind);
  put("date", in.date);
  put("org", in.org_code);
  put("mode", in.mode);
  put("decision_no", in.decision_no);
  put("ceremony_date", in.ceremony_date);
  put("vote_date", in.vote_date);
  put("age_exception_ref", in.age_exception_ref);
  put("card_number", in.card_number);
  put("reason", in.reason);
  put("ground", in.ground);
  put("corrects", in.corrects);
  if (in.voids) j["voids"] = true;
  put("new_date", in.new_date);
  put("new_org", in.new_org_code);
  put("new_ceremony_date", in.new_ceremony_date);
  put("new_decision_no", in.new_decision_no);
  put("new_card_number", in.new_card_number);
  return j;
}

}  // namespace

// Parses the typed fields of an event. Org codes are resolved here, so it runs inside the
// transaction; everything else is checked before any write.
Result<MemberEvent> Registry::to_event(const EventInput& in, const Date& default_date) {
  MemberEvent e;
  auto kind = parse_member_event_kind(in.kind);
  if (!kind) {
    return Error::invalid("kind",
                          "Trường «kind»: loại sự kiện «" + in.kind +
                              "» không hợp lệ; chọn candidate_registration, admission, "
                              "recognition, transfer, removal, expulsion, resignation, "
                              "death, readmission hoặc correction.",
                          "unknown member event kind");
  }
  e.kind = *kind;
  if (in.date.empty() && e.kind == MemberEventKind::correction) {
    e.date = default_date;
  } else {
    auto d = parse_date(in.date, "date");
    if (!d.ok()) return d.error();
    e.date = *d;
  }
  if (!in.org_code.empty()) {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    e.org = *org;
  }
  if (!in.mode.empty()) {
    auto mode = parse_transfer_mode(in.mode);
    if (!mode) {
      return Error::invalid("mode",
                            "Trường «mode»: hình thức chuyển «" + in.mode +
                                "» không hợp lệ; chọn permanent, temporary hoặc temporary_end.",
                            "unknown transfer mode");
    }
    e.mode = *mode;
  }
  auto decision = optional_text(in.decision_no, "decision_no", 50);
  if (!decision.ok()) return decision.error();
  e.decision_no = *decision;
  auto ceremony = optional_date(in.ceremony_date, "ceremony_date");
  if (!ceremony.ok()) return ceremony.error();
  e.ceremony_date = *ceremony;
  auto vote = optional_date(in.vote_date, "vote_date");
  if (!vote.ok()) return vote.error();
  e.vote_date = *vote;
  // The branch votes, then the committee decides: a vote after the decision is a typing mistake.
  if (e.vote_date && *e.vote_date > e.date) {
    return Error::refused("vote_date", "admission.vote_before_decision",
                          "Trường «vote_date»: ngày chi bộ xét, biểu quyết (" + e.vote_date->vi() +
                              ") sau ngày quyết định kết nạp (" + e.date.vi() + ").",
                          "vote after the decision");
  }
  auto exception = optional_text(in.age_exception_ref, "age_exception_ref", 50);
  if (!exception.ok()) return exception.error();
  e.age_exception_ref = *exception;
  e.card_number = in.card_number;
  auto reason = optional_text(in.reason, "reason", 500);
  if (!reason.ok()) return reason.error();
  e.reason = *reason;
  if (!in.ground.empty()) {
    const bool ends = e.kind == MemberEventKind::removal || e.kind == MemberEventKind::expulsion ||
                      e.kind == MemberEventKind::resignation;
    if (!ends) {
      return Error::invalid("ground",
                            "Trường «ground» (lý do ra khỏi Đảng): chỉ ghi cho sự kiện xóa tên, "
                            "khai trừ hoặc ra khỏi Đảng.",
                            "a ground is for removal, expulsion or resignation only");
    }
    const Catalog* grounds = rules().catalogs.find("leaving_ground");
    if (grounds == nullptr || grounds->find(in.ground) == nullptr) {
      return Error::invalid("ground",
                            "Trường «ground» (lý do ra khỏi Đảng): «" + in.ground +
                                "» không có trong danh mục lý do ra khỏi Đảng.",
                            "unknown leaving ground");
    }
    e.ground = in.ground;
  }
  if (e.kind == MemberEventKind::correction) {
    std::size_t used = 0;
    long long target = 0;
    try {
      target = std::stoll(in.corrects, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (in.corrects.empty() || used != in.corrects.size() || target <= 0) {
      return Error::invalid("corrects", "Trường «corrects»: cần số của sự kiện cần đính chính.",
                            "correction needs the number of the event it corrects");
    }
    e.corrects = target;
    e.voids = in.voids;
    auto nd = optional_date(in.new_date, "new_date");
    if (!nd.ok()) return nd.error();
    e.new_date = *nd;
    auto nc = optional_date(in.new_ceremony_date, "new_ceremony_date");
    if (!nc.ok()) return nc.error();
    e.new_ceremony_date = *nc;
    if (!in.new_org_code.empty()) {
      auto org = require_org(in.new_org_code, "new_org");
      if (!org.ok()) return org.error();
      e.new_org = *org;
    }
    e.new_decision_no = in.new_decision_no;
    e.new_card_number = in.new_card_number;
    if (!e.voids && !e.new_date && !e.new_ceremony_date && !e.new_org &&
        e.new_decision_no.empty() && e.new_card_number.empty()) {
      return Error::invalid("corrects",
                            "Trường «corrects»: đính chính phải hủy sự kiện hoặc nêu "
                            "ít nhất một giá trị mới.",
                            "correction changes nothing");
    }
  }
  return e;
}

Result<MemberId> Registry::add_member(const AddMemberInput& in) {
  DANGVU_TRY(check_code(in.code, "code"));
  auto family = text::clean_name_part(in.family, "family", true);
  if (!family.ok()) return family.error();
  auto middle = text::clean_name_part(in.middle, "middle", false);
  if (!middle.ok()) return middle.error();
  auto given = text::clean_name_part(in.given, "given", true);
  if (!given.ok()) return given.error();
  auto birth = parse_date(in.birth_date, "birth_date");
  if (!birth.ok()) return birth.error();
  auto gender = parse_gender(in.gender.empty() ? "unknown" : in.gender);
  if (!gender) {
    return Error::invalid("gender", "Trường «gender»: giới tính phải là male, female hoặc unknown.",
                          "unknown gender");
  }
  if (in.first.kind != "candidate_registration" && in.first.kind != "admission") {
    return Error::invalid("kind",
                          "Trường «kind»: sự kiện đầu tiên phải là candidate_registration "
                          "hoặc admission.",
                          "first event must be registration or admission");
  }
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role), "ghi hồ sơ đảng viên",
                                "write member records"));
  Person person{*family, *middle, *given, *birth, *gender};
  MemberId created = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto existing = store_.find_member(in.code);
    if (!existing.ok()) return existing.error();
    if (*existing) {
      return Error::conflict("code", "Trường «code»: mã đảng viên «" + in.code + "» đã được dùng.",
                             "duplicate member code");
    }
    auto event = to_event(in.first, clock_.today());
    if (!event.ok()) return event.error();
    // The figures engine's history when it is the one this transaction sees (a member write
    // changes no org): at the nation's scale, reading it again was most of a write's time.
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const OrgHistory* history = shared_history->get();
    if (event->org) {
      DANGVU_TRY(require_in_scope(*history, *event->org, "org", in.first.org_code));
    }
    auto id = load_member_with_events(in.code, person, {*event}, *history);
    if (!id.ok()) return id.error();
    created = *id;
    json detail = {{"code", in.code},
                   {"name", person.full_name()},
                   {"birth_date", birth->iso()},
                   {"first", event_json(in.first)}};
    return audit("member.add", in.code, detail.dump(), event->org);
  }));
  return created;
}

store::NewMember Registry::new_member(const std::string& code, const Person& person) {
  store::NewMember member{code, person, "",
                          text::person_sort_key(person.family, person.middle, person.given),
                          text::name_search_keys(person.family, person.middle, person.given)};
  if (!member.search_keys.empty()) member.search_name = member.search_keys.front();
  return member;
}

Result<MemberId> Registry::load_member_with_events(const std::string& code, const Person& person,
                                                   const std::vector<MemberEvent>& events,
                                                   const OrgHistory& history,
                                                   bool card_known_free) {
  return load_member_with_events(new_member(code, person), events, history, card_known_free);
}

Result<MemberId> Registry::load_member_with_events(const store::NewMember& member,
                                                   const std::vector<MemberEvent>& events,
                                                   const OrgHistory& history,
                                                   bool card_known_free) {
  auto folded = fold(member.person, events, history);
  if (!folded.ok()) return folded.error();
  DANGVU_TRY(require_orgs_hold(member.code, member.person, *folded, history, {}, "org"));
  if (!folded->card_number.empty() && !card_known_free) {
    auto holder = store_.find_member(folded->card_number);
    if (!holder.ok()) return holder.error();
    if (*holder) {
      return Error::conflict("card_number",
                             "Trường «card_number»: số thẻ đảng viên «" + folded->card_number +
                                 "» đã được cấp cho người khác.",
                             "duplicate card number");
    }
  }
  return store_.insert_new_member(member, events, *folded, actor_, clock_.now_iso());
}

Error Registry::history_outside_scope(const std::string& member_code, Date d,
                                      ScopeBreach breach) const {
  if (breach == ScopeBreach::reaches) {
    return Error{ErrorKind::forbidden, "date", "scope.history_outside",
                 "Trường «date»: ngày " + d.vi() + " đảng viên «" + member_code +
                     "» sinh hoạt ở tổ chức ngoài phạm vi quản lý của bạn; phần hồ sơ đó do cấp "
                     "ủy quản lý đảng viên khi ấy ghi và đính chính.",
                 "the write reaches a time the member was held outside the caller's scope"};
  }
  return Error{ErrorKind::forbidden, "date", "scope.member_leaves",
               "Sau khi ghi, ngày " + d.vi() + " đảng viên «" + member_code +
                   "» sẽ sinh hoạt ở tổ chức ngoài phạm vi quản lý của bạn; việc này do cấp ủy có "
                   "thẩm quyền ghi.",
               "the write would leave the member outside the caller's scope"};
}

Result<EventId> Registry::record_event(const EventInput& in) {
  DANGVU_TRY(check_code(in.member_code, "member"));
  if (in.kind == "candidate_registration") {
    return Error::invalid("kind",
                          "Trường «kind»: đăng ký quần chúng ưu tú chỉ ghi khi thêm người "
                          "mới (dangvu member add).",
                          "registration is only the first event");
  }
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role), "ghi hồ sơ đảng viên",
                                "write member records"));
  EventId recorded = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto member = store_.find_member(in.member_code);
    if (!member.ok()) return member.error();
    if (!*member) {
      return Error::not_found("member",
                              "Trường «member»: không có đảng viên mã «" + in.member_code + "».",
                              "unknown member code");
    }
    auto events = store_.member_events((*member)->id);
    if (!events.ok()) return events.error();
    // The figures engine's history when it is the one this transaction sees (a member write
    // changes no org): at the nation's scale, reading it again was most of a write's time.
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const OrgHistory* history = shared_history->get();
    // Scope first (core/scope.h): the member must be held today, so that one held elsewhere
    // answers exactly as an unknown one whatever else is wrong.
    auto before = fold((*member)->person, *events, *history);
    if (!before.ok()) return before.error();
    const Scope held = scope(*history);
    if (!held.holds_member(*before)) {
      return Error::not_found("member",
                              "Trường «member»: không có đảng viên mã «" + in.member_code + "».",
                              "member outside the caller's scope");
    }
    auto event = to_event(in, clock_.today());
    if (!event.ok()) return event.error();
    // The dates the write reaches into: its own, and for a correction the corrected event's.
    std::vector<Date> reaches{event->date};
    if (event->corrects) {
      const MemberEvent* target = nullptr;
      for (const auto& e : *events) {
        if (e.id == *event->corrects) target = &e;
      }
      if (target == nullptr) {
        return Error::not_found("corrects",
                                "Trường «corrects»: đảng viên này không có sự kiện số " +
                                    std::to_string(*event->corrects) + ".",
                                "correction targets an event of another member");
      }
      Date target_date = target->date;
      for (const auto& e : before->effective_events) {
        if (e.id == target->id) target_date = e.date;
      }
      if (event->date < target_date) {
        return Error{ErrorKind::invalid_input, "date", "correction.not_before_event",
                     "Trường «date»: ngày đính chính (" + event->date.vi() +
                         ") không được trước ngày của sự kiện được đính chính (" +
                         target_date.vi() + ").",
                     "correction dated before the event it corrects"};
      }
      reaches.push_back(target_date);
      if (event->new_date) reaches.push_back(*event->new_date);
    }
    for (Date d : reaches) {
      if (!held.holds_member_at(*before, d)) {
        return history_outside_scope(in.member_code, d, ScopeBreach::reaches);
      }
    }
    if (event->org) DANGVU_TRY(require_in_scope(*history, *event->org, "org", in.org_code));
    if (event->new_org) {
      DANGVU_TRY(require_in_scope(*history, *event->new_org, "new_org", in.new_org_code));
    }
    events->push_back(*event);
    auto folded = fold((*member)->person, *events, *history);
    if (!folded.ok()) return folded.error();
    // What the write leaves must still be held: today and where it reaches (voiding the transfer
    // that brought a member in must not hand the member back to another committee).
    if (!held.holds_member(*folded)) {
      return history_outside_scope(in.member_code, clock_.today(), ScopeBreach::leaves);
    }
    for (Date d : reaches) {
      if (!held.holds_member_at(*folded, d)) {
        return history_outside_scope(in.member_code, d, ScopeBreach::leaves);
      }
    }
    DANGVU_TRY(require_orgs_hold(in.member_code, (*member)->person, *folded, *history,
                                 org_breaks(*before, *history, rules_),
                                 event->org || event->new_org ? "org" : "date"));
    // A candidate held here comes in only with a complete admission file (core/admission.h). An
    // admission recorded as a person's first event is one made on paper before dangvu knew the
    // person; its file, if the office has it, is recorded in the dossier.
    if (event->kind == MemberEventKind::admission &&
        before->current().status == MemberStatus::candidate) {
      auto gaps = admission_gaps_of((*member)->id, event->vote_date, event->date, *history);
      if (!gaps.ok()) return gaps.error();
      if (!gaps->empty()) return admission_refusal(*gaps);
    }
    if (!folded->card_number.empty() && folded->card_number != (*member)->card_number) {
      auto holder = store_.find_member(folded->card_number);
      if (!holder.ok()) return holder.error();
      if (*holder && (*holder)->id != (*member)->id) {
        return Error::conflict("card_number",
                               "Trường «card_number»: số thẻ đảng viên «" + folded->card_number +
                                   "» đã được cấp cho người khác.",
                               "duplicate card number");
      }
    }
    auto eid = store_.append_member_event((*member)->id, *event, actor_, clock_.now_iso());
    if (!eid.ok()) return eid.error();
    recorded = *eid;
    DANGVU_TRY(store_.replace_member_derived((*member)->id, *folded));
    json detail = event_json(in);
    detail["event_id"] = recorded;
    auto now = folded->state_at(event->date);
    return audit("member.event." + in.kind, in.member_code, detail.dump(),
                 now.org ? now.org : folded->current().org);
  }));
  return recorded;
}

}  // namespace dangvu::service
