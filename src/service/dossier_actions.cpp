// A member's dossier: read as of a date (sensitive fields only for the roles that may, each such
// read audited) and changed by appended records, all of one action in one transaction.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "service/dossier_rows.h"
#include "service/registry.h"
#include "service/validate.h"
#include "store/dossier_store.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxChanges = 40;

std::string at_index(std::size_t i, const char* key) {
  return "changes[" + std::to_string(i) + "]." + key;
}

Error unknown_member(const std::string& code, const char* why_en) {
  return Error::not_found("member", "Trường «member»: không có đảng viên mã «" + code + "».",
                          why_en);
}

DossierRecordView view_of(const DossierRecord& r, const Dossier& log, const Catalogs& catalogs) {
  DossierRecordView v;
  v.record = r;
  if (const DossierField* f = find_dossier_field(r.field)) {
    v.value_label = dossier_value_label(*f, r.value, catalogs);
  } else {
    v.value_label = r.value;
  }
  v.replaced = log.replaced(r.id);
  return v;
}

// Text fields are cleaned as every typed text is (NFC, spaces); codes, dates and numbers are
// trimmed only, and checked by the field's kind.
Result<std::string> cleaned_value(const DossierField& f, const std::string& raw,
                                  const std::string& name) {
  if (raw.empty()) return std::string();
  if (f.kind == DossierValueKind::text) return text::clean_field(raw, name, 500);
  std::string v = raw;
  while (!v.empty() && v.back() == ' ') v.pop_back();
  std::size_t start = v.find_first_not_of(' ');
  return start == std::string::npos ? std::string() : v.substr(start);
}

}  // namespace

Result<Registry::HeldMember> Registry::held_member(const std::string& code,
                                                   const OrgHistory& history) {
  auto member = store_.find_member(code);
  if (!member.ok()) return member.error();
  if (!*member) return unknown_member(code, "unknown member code");
  auto events = store_.member_events((*member)->id);
  if (!events.ok()) return events.error();
  auto folded = fold((*member)->person, *events, history);
  if (!folded.ok()) return folded.error();
  if (!member_in_scope(*folded, history)) {
    return unknown_member(code, "member outside the caller's scope");
  }
  return HeldMember{**member, std::move(*folded)};
}

Result<DossierView> Registry::dossier(const std::string& code, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  DANGVU_TRY(check_code(code, "member"));
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  auto member = held_member(code, **history);
  if (!member.ok()) return member.error();
  auto records = store::DossierStore(store_).records(member->record.id);
  if (!records.ok()) return records.error();

  DossierView v;
  v.member_code = member->record.code;
  v.at = *at;
  v.sensitive_shown = auth::can_read_sensitive(caller_.role);
  std::vector<DossierRecord> shown;
  std::set<std::string> sensitive_read;
  for (const auto& r : *records) {
    const DossierField* f = find_dossier_field(r.field);
    if (f != nullptr && f->sensitive) {
      if (!v.sensitive_shown) continue;
      sensitive_read.insert(r.field);
    }
    shown.push_back(r);
  }
  const Dossier log(shown);
  for (const auto& r : log.records()) v.records.push_back(view_of(r, log, rules_.catalogs));
  for (const auto& f : dossier_fields()) {
    DossierFactView fact;
    fact.field = std::string(f.code);
    for (const auto& r : log.history_until(f.code, *at)) {
      fact.history.push_back(view_of(r, log, rules_.catalogs));
    }
    if (auto current = log.value_at(f.code, *at)) {
      fact.current = view_of(*current, log, rules_.catalogs);
    }
    if (!fact.history.empty()) v.facts.push_back(std::move(fact));
  }
  // A sponsor reads as a name where the caller holds the sponsor, as a code elsewhere.
  std::map<std::string, std::string> sponsors;
  auto name_sponsor = [&](DossierRecordView& r) -> Status {
    const DossierField* f = find_dossier_field(r.record.field);
    if (f == nullptr || f->kind != DossierValueKind::member || r.record.value.empty()) return {};
    auto [it, fresh] = sponsors.try_emplace(r.record.value);
    if (fresh) {
      auto label = sponsor_label(r.record.value, **history);
      if (!label.ok()) return label.error();
      it->second = *label;
    }
    r.value_label = it->second;
    return {};
  };
  for (auto& r : v.records) DANGVU_TRY(name_sponsor(r));
  for (auto& fact : v.facts) {
    for (auto& r : fact.history) DANGVU_TRY(name_sponsor(r));
  }
  if (member->history.state_at(*at).status == MemberStatus::candidate) {
    auto gaps = admission_gaps_of(member->record.id, std::nullopt, *at, **history);
    if (!gaps.ok()) return gaps.error();
    v.admission_gaps.emplace();
    for (auto& g : *gaps) {
      if (g.field != "vote_date") v.admission_gaps->push_back(std::move(g));
    }
  }
  // Who read whose sensitive data, and when (Luật 91/2025/QH15): one entry per read that showed
  // any.
  if (!sensitive_read.empty()) {
    json detail = {
        {"at", at->iso()},
        {"fields", std::vector<std::string>(sensitive_read.begin(), sensitive_read.end())}};
    const auto org = member->history.current().org;
    DANGVU_TRY(store_.write_transaction([&]() -> Status {
      return audit("member.dossier_read", v.member_code, detail.dump(), org);
    }));
  }
  return v;
}

Status Registry::check_dossier_change(const DossierChangeInput& c, std::size_t i,
                                      const HeldMember& member, const Dossier& log,
                                      const Scope& held, const OrgHistory& /*history*/) {
  const DossierField& f = *find_dossier_field(c.field);  // checked before the transaction
  auto from = Date::parse(c.from, at_index(i, "from"));
  if (!from.ok()) return from.error();
  const Person& person = member.record.person;
  const std::string label(f.label);
  if (*from < person.birth_date) {
    return Error::refused(
        at_index(i, "from"), "dossier.date_before_birth",
        label + ": ngày áp dụng " + from->vi() + " trước ngày sinh " + person.birth_date.vi() + ".",
        "dossier record dated before birth");
  }
  if (*from > clock_.today()) {
    return Error::refused(at_index(i, "from"), "dossier.date_future",
                          label + ": ngày áp dụng " + from->vi() + " chưa tới.",
                          "dossier record dated in the future");
  }
  DANGVU_TRY(check_dossier_value(f, c.value, rules_.catalogs, person.birth_date, clock_.today(),
                                 at_index(i, "value")));
  // A back-dated write never reaches outside today's scope (core/scope.h).
  std::vector<Date> reaches{*from};
  if (c.replaces) {
    const DossierRecord* target = nullptr;
    for (const auto& r : log.records()) {
      if (r.id == *c.replaces) target = &r;
    }
    if (target == nullptr || target->field != c.field) {
      return Error::not_found(at_index(i, "replaces"),
                              label + ": hồ sơ của đảng viên này không có bản ghi số " +
                                  std::to_string(*c.replaces) + " về mục này.",
                              "replaced record is not this member's, or of another field");
    }
    reaches.push_back(target->from);
  } else if (c.value.empty() && f.listed) {
    return Error::invalid(at_index(i, "value"),
                          label +
                              ": cần nội dung (muốn bỏ một mục đã ghi nhầm thì sửa bản ghi "
                              "đó).",
                          "an entry of a listed field needs a value");
  }
  for (Date d : reaches) {
    if (!held.holds_member_at(member.history, d)) {
      Error e = history_outside_scope(member.record.code, d, ScopeBreach::reaches);
      const std::string prefix = "Trường «date»: ";
      if (e.message_vi.rfind(prefix, 0) == 0) e.message_vi = e.message_vi.substr(prefix.size());
      e.message_vi = label + ": " + e.message_vi;
      e.field = at_index(i, "from");
      return e;
    }
  }
  if (f.kind == DossierValueKind::member && !c.value.empty()) {
    auto sponsor = store_.find_member(c.value);
    if (!sponsor.ok()) return sponsor.error();
    if (!*sponsor) {
      return Error::not_found(at_index(i, "value"),
                              label + ": không có đảng viên mã «" + c.value + "».",
                              "no member of this code");
    }
    if ((*sponsor)->id == member.record.id) {
      return Error::refused(at_index(i, "value"), "dossier.member_self",
                            label + ": không thể là chính người được ghi hồ sơ.",
                            "a person cannot be their own sponsor");
    }
  }
  if (f.kind == DossierValueKind::citizen_id && !c.value.empty()) {
    store::DossierStore dossiers(store_);
    auto other = held_by_another(dossiers, c.field, c.value, member.record.id);
    if (!other.ok()) return other.error();
    if (*other) {
      return Error::conflict(at_index(i, "value"),
                             label + ": «" + c.value + "» đã được ghi cho một người khác.",
                             "citizen ID held by another member");
    }
  }
  return {};
}

Result<std::vector<DossierRecordId>> Registry::record_dossier(const DossierInput& in) {
  DANGVU_TRY(check_code(in.member_code, "member"));
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role), "ghi hồ sơ đảng viên",
                                "write member records"));
  if (in.changes.empty() || in.changes.size() > kMaxChanges) {
    return Error::invalid(
        "changes", "Trường «changes»: cần từ 1 đến " + std::to_string(kMaxChanges) + " thay đổi.",
        "1 to 40 changes");
  }
  // Everything that needs no registry, before the transaction.
  std::vector<DossierChangeInput> changes;
  std::set<std::pair<std::string, std::string>> seen;  // field, from
  for (std::size_t i = 0; i < in.changes.size(); ++i) {
    DossierChangeInput c = in.changes[i];
    const DossierField* f = find_dossier_field(c.field);
    if (f == nullptr) {
      return Error::invalid(at_index(i, "field"),
                            "Mục hồ sơ «" + c.field + "» không có trong hồ sơ đảng viên.",
                            "unknown dossier field");
    }
    if (f->sensitive && !auth::can_read_sensitive(caller_.role)) {
      return Error{ErrorKind::forbidden, at_index(i, "field"), "dossier.sensitive",
                   std::string(f->label) +
                       ": tài khoản của đồng chí không được xem, ghi thông tin nhạy cảm.",
                   "role may not read or write sensitive fields"};
    }
    auto value = cleaned_value(*f, c.value, at_index(i, "value"));
    if (!value.ok()) return value.error();
    c.value = *value;
    if (!c.note.empty()) {
      auto note = text::clean_field(c.note, at_index(i, "note"), 500);
      if (!note.ok()) return note.error();
      c.note = *note;
    }
    if (!f->listed && !c.replaces && !seen.insert({c.field, c.from}).second) {
      return Error::invalid(at_index(i, "field"),
                            std::string(f->label) + ": ghi hai lần cho cùng một ngày.",
                            "one field twice on one date");
    }
    changes.push_back(std::move(c));
  }
  std::vector<DossierRecordId> ids;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    ids.clear();
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto member = held_member(in.member_code, **history);
    if (!member.ok()) return member.error();
    store::DossierStore dossiers(store_);
    auto records = dossiers.records(member->record.id);
    if (!records.ok()) return records.error();
    const Dossier log(*records);
    const Scope held = scope(**history);
    json detail = json::array();
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const auto& c = changes[i];
      DANGVU_TRY(check_dossier_change(c, i, *member, log, held, **history));
      DossierRecord r;
      r.field = c.field;
      r.value = c.value;
      r.from = *Date::parse(c.from);
      r.note = c.note;
      if (c.replaces) r.replaces = *c.replaces;
      r.recorded_at = clock_.now_iso();
      r.recorded_by = actor_;
      auto id = dossiers.append(member->record.id, r);
      if (!id.ok()) return id.error();
      ids.push_back(*id);
      json one = {{"field", c.field}, {"value", c.value}, {"from", c.from}, {"id", *id}};
      if (!c.note.empty()) one["note"] = c.note;
      if (c.replaces) one["replaces"] = *c.replaces;
      detail.push_back(std::move(one));
    }
    auto all = dossiers.records(member->record.id);
    if (!all.ok()) return all.error();
    DANGVU_TRY(dossiers.replace_spans(member->record.id, Dossier(*all).spans()));
    return audit("member.dossier", member->record.code, json{{"changes", detail}}.dump(),
                 member->history.current().org);
  }));
  return ids;
}

}  // namespace dangvu::service
