// Org operations: create, rename, move, merge, split, dissolve.
#include <map>

#include <nlohmann/json.hpp>

#include "service/registry.h"
#include "service/validate.h"

namespace dangvu::service {

using nlohmann::json;

Status Registry::apply_org_change(const std::string& kind, const OrgChange& change,
                                  const std::string& payload_json, const std::string& target,
                                  OrgId org) {
  auto event = store_.append_org_event(kind, change.date, payload_json, actor_, clock_.now_iso());
  if (!event.ok()) return event.error();
  DANGVU_TRY(store_.apply_org_change(change, *event));
  return audit("org." + kind, target, payload_json, org);
}

namespace {
constexpr const char* kChangeOrgsVi = "thay đổi tổ chức đảng";
constexpr const char* kChangeOrgsEn = "change orgs";
}  // namespace

// Members of orgs that end (merge, split) follow to the org that replaces them, by events, so the
// member log stays the whole truth: an official member by a transfer, a temporary attachment by
// its end and a temporary transfer to the new org (only the end when that is the member's own).
// A member whose record places it in an ending org after the date cannot follow; the refusal
// names that member, that event and its date.
Status Registry::move_members(const OrgChange& change, const OrgHistory& before) {
  if (change.member_moves.empty()) return {};
  OrgHistory after = before;
  after.apply(change);
  std::map<OrgId, OrgId> to_of;
  std::vector<OrgId> sources;
  for (const auto& move : change.member_moves) {
    to_of[move.from] = move.to;
    sources.push_back(move.from);
  }
  auto ids = store_.members_in_orgs_from(sources, change.date);
  if (!ids.ok()) return ids.error();
  for (MemberId id : *ids) {
    auto events = store_.member_events(id);
    if (!events.ok()) return events.error();
    auto member = store_.member_by_id(id);
    if (!member.ok()) return member.error();
    auto was = fold(member->person, *events, before);
    if (!was.ok()) return was.error();
    for (const auto& e : was->effective_events) {
      if (e.date > change.date && e.org && to_of.count(*e.org) &&
          e.mode != TransferMode::temporary_end) {
        return Error{ErrorKind::rule_refused, "date", "org.members_recorded_after",
                     "Trường «date»: đảng viên «" + member->code + "» (" +
                         member->person.full_name() + ") có sự kiện «" +
                         std::string(label_vi(e.kind)) + "» vào tổ chức «" + before.code(*e.org) +
                         "» ngày " + e.date.vi() + ", sau ngày " + change.date.vi() +
                         " tổ chức này kết thúc; hãy đính chính sự kiện đó trước.",
                     "member " + member->code + " has an event into an ending org after the date"};
      }
    }
    const MemberPeriod on = was->state_at(change.date);
    // The ending org the member follows: its official one, else its temporary one.
    const OrgId from = on.org && to_of.count(*on.org) ? *on.org : on.temp_org.value_or(0);
    const std::string reason =
        to_of.count(from)
            ? "Tổ chức " + before.code(from) + " hợp nhất/chia tách vào " + after.code(to_of[from])
            : std::string();
    std::vector<MemberEvent> follow;
    std::optional<OrgId> official = on.org;
    if (on.org && to_of.count(*on.org)) {
      MemberEvent transfer;
      transfer.kind = MemberEventKind::transfer;
      transfer.date = change.date;
      transfer.org = to_of[*on.org];
      transfer.mode = TransferMode::permanent;
      transfer.reason = reason;
      follow.push_back(transfer);
      official = transfer.org;
    }
    if (on.temp_org && to_of.count(*on.temp_org) && on.temp_org != official) {
      const OrgId to = to_of[*on.temp_org];
      MemberEvent end;
      end.kind = MemberEventKind::transfer;
      end.date = change.date;
      end.mode = TransferMode::temporary_end;
      end.reason = reason;
      follow.push_back(end);
      if (to != official) {
        MemberEvent temporary = end;
        temporary.mode = TransferMode::temporary;
        temporary.org = to;
        follow.push_back(temporary);
      }
    }
    if (follow.empty()) continue;
    events->insert(events->end(), follow.begin(), follow.end());
    auto folded = fold(member->person, *events, after);
    if (!folded.ok()) {
      Error e = folded.error();
      e.message_vi =
          "Không thể chuyển đảng viên «" + member->code + "» theo tổ chức: " + e.message_vi;
      return e;
    }
    DANGVU_TRY(require_orgs_hold(member->code, member->person, *folded, after,
                                 org_breaks(*was, before, rules_), "date"));
    for (const auto& e : follow) {
      auto eid = store_.append_member_event(id, e, actor_, clock_.now_iso());
      if (!eid.ok()) return eid.error();
    }
    DANGVU_TRY(store_.replace_member_derived(id, *folded));
  }
  return {};
}

Result<OrgId> Registry::add_org(const AddOrgInput& in) {
  DANGVU_TRY(check_code(in.code, "code"));
  auto name = clean_name(in.name, "name");
  if (!name.ok()) return name.error();
  auto kind = parse_kind(in.kind, "kind");
  if (!kind.ok()) return kind.error();
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  if (!in.parent_code.empty()) DANGVU_TRY(check_code(in.parent_code, "parent"));
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), kChangeOrgsVi, kChangeOrgsEn));
  if (in.parent_code.empty() && caller_.scope) {
    return Error{ErrorKind::forbidden, "parent", "role.root_org",
                 "Chỉ quản trị hệ thống được tạo tổ chức gốc (không có tổ chức cấp trên).",
                 "only the administrator creates a root org"};
  }

  OrgId created = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    std::optional<OrgId> parent;
    if (!in.parent_code.empty()) {
      auto p = require_org(in.parent_code, "parent");
      if (!p.ok()) return p.error();
      parent = *p;
    }
    auto id = reserve_org(in.code, "code");
    if (!id.ok()) return id.error();
    auto history = store_.load_org_history();
    if (!history.ok()) return history.error();
    if (parent) DANGVU_TRY(require_in_scope(*history, *parent, "parent", in.parent_code));
    NewOrg org{*id, in.code, *name, *kind, parent, true};
    auto change = history->plan_create(org, *date, rules_);
    if (!change.ok()) return change.error();
    json payload = {{"code", in.code},
                    {"name", *name},
                    {"kind", in.kind},
                    {"parent", in.parent_code},
                    {"date", date->iso()}};
    created = *id;
    return apply_org_change("create", *change, payload.dump(), in.code, *id);
  }));
  return created;
}

Status Registry::rename_org(const std::string& code, const std::string& name_text,
                            const std::string& date_text) {
  DANGVU_TRY(check_code(code, "org"));
  auto name = clean_name(name_text, "name");
  if (!name.ok()) return name.error();
  auto date = parse_date(date_text, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), kChangeOrgsVi, kChangeOrgsEn));
  return store_.write_transaction([&]() -> Status {
    auto id = require_org(code, "org");
    if (!id.ok()) return id.error();
    auto history = store_.load_org_history();
    if (!history.ok()) return history.error();
    DANGVU_TRY(require_in_scope(*history, *id, "org", code));
    auto change = history->plan_rename(*id, *name, *date);
    if (!change.ok()) return change.error();
    // The name it had on the day: the audit log shows the change, not only its result.
    const OrgVersion* was = history->version_at(*id, *date);
    json payload = {{"code", code},
                    {"name", *name},
                    {"before_name", was ? was->name : std::string()},
                    {"date", date->iso()}};
    return apply_org_change("rename", *change, payload.dump(), code, *id);
  });
}

Status Registry::move_org(const std::string& code, const std::string& parent_code,
                          const std::string& date_text) {
  DANGVU_TRY(check_code(code, "org"));
  if (!parent_code.empty()) DANGVU_TRY(check_code(parent_code, "parent"));
  auto date = parse_date(date_text, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), kChangeOrgsVi, kChangeOrgsEn));
  return store_.write_transaction([&]() -> Status {
    auto id = require_org(code, "org");
    if (!id.ok()) return id.error();
    std::optional<OrgId> parent;
    if (!parent_code.empty()) {
      auto p = require_org(parent_code, "parent");
      if (!p.ok()) return p.error();
      parent = *p;
    }
    auto history = store_.load_org_history();
    if (!history.ok()) return history.error();
    DANGVU_TRY(require_in_scope(*history, *id, "org", code));
    DANGVU_TRY(require_below_scope(*id, "org"));
    if (parent) {
      DANGVU_TRY(require_in_scope(*history, *parent, "parent", parent_code));
    } else if (caller_.scope) {
      return Error{ErrorKind::forbidden, "parent", "role.root_org",
                   "Chỉ quản trị hệ thống được đưa tổ chức lên làm tổ chức gốc.",
                   "only the administrator makes a root org"};
    }
    auto change = history->plan_move(*id, parent, *date, rules_);
    if (!change.ok()) return change.error();
    const OrgVersion* was = history->version_at(*id, *date);
    json payload = {
        {"code", code},
        {"parent", parent_code},
        {"before_parent", was && was->parent ? history->code(*was->parent) : std::string()},
        {"date", date->iso()}};
    return apply_org_change("move", *change, payload.dump(), code, *id);
  });
}

Status Registry::merge_orgs(const MergeInput& in) {
  for (const auto& c : in.from) DANGVU_TRY(check_code(c, "from"));
  DANGVU_TRY(check_code(in.into, "into"));
  const bool is_new = !in.new_name.empty();
  std::string name;
  std::optional<OrgKind> kind;
  if (is_new) {
    auto n = clean_name(in.new_name, "name");
    if (!n.ok()) return n.error();
    name = *n;
    if (!in.new_kind.empty()) {
      auto k = parse_kind(in.new_kind, "kind");
      if (!k.ok()) return k.error();
      kind = *k;
    }
    if (!in.new_parent_code.empty()) DANGVU_TRY(check_code(in.new_parent_code, "parent"));
  }
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), kChangeOrgsVi, kChangeOrgsEn));
  return store_.write_transaction([&]() -> Status {
    std::vector<OrgId> sources;
    for (const auto& c : in.from) {
      auto id = require_org(c, "from");
      if (!id.ok()) return id.error();
      sources.push_back(*id);
    }
    std::optional<OrgId> target;
    std::optional<NewOrg> new_target;
    std::optional<OrgId> new_parent;
    if (!in.new_parent_code.empty()) {
      auto p = require_org(in.new_parent_code, "parent");
      if (!p.ok()) return p.error();
      new_parent = *p;
    }
    if (is_new) {
      auto id = reserve_org(in.into, "into");
      if (!id.ok()) return id.error();
      new_target = NewOrg{*id, in.into, name, kind, new_parent, !in.new_parent_code.empty()};
    } else {
      auto id = require_org(in.into, "into");
      if (!id.ok()) return id.error();
      target = *id;
    }
    auto history = store_.load_org_history();
    if (!history.ok()) return history.error();
    auto with_members = store_.orgs_with_members_from(*date);
    if (!with_members.ok()) return with_members.error();
    for (std::size_t i = 0; i < sources.size(); ++i) {
      DANGVU_TRY(require_in_scope(*history, sources[i], "from", in.from[i]));
      DANGVU_TRY(require_below_scope(sources[i], "from"));
    }
    if (target) DANGVU_TRY(require_in_scope(*history, *target, "into", in.into));
    if (new_parent) {
      DANGVU_TRY(require_in_scope(*history, *new_parent, "parent", in.new_parent_code));
    }
    auto change = history->plan_merge(sources, target, new_target, *date, rules_, *with_members);
    if (!change.ok()) return change.error();
    json payload = {{"from", in.from},    {"into", in.into},     {"new", is_new},
                    {"name", name},       {"kind", in.new_kind}, {"parent", in.new_parent_code},
                    {"date", date->iso()}};
    DANGVU_TRY(apply_org_change("merge", *change, payload.dump(), in.into,
                                target ? *target : new_target->id));
    return move_members(*change, *history);
  });
}

Status Registry::split_org(const SplitInput& in) {
  DANGVU_TRY(check_code(in.code, "org"));
  std::vector<std::pair<std::string, std::optional<OrgKind>>> parts;
  for (const auto& p : in.parts) {
    DANGVU_TRY(check_code(p.code, "into"));
    auto n = clean_name(p.name, "into");
    if (!n.ok()) return n.error();
    std::optional<OrgKind> kind;
    if (!p.kind.empty()) {
      auto k = parse_kind(p.kind, "kind");
      if (!k.ok()) return k.error();
      kind = *k;
    }
    parts.emplace_back(*n, kind);
  }
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), kChangeOrgsVi, kChangeOrgsEn));
  return store_.write_transaction([&]() -> Status {
    auto source = require_org(in.code, "org");
    if (!source.ok()) return source.error();
    std::vector<NewOrg> new_orgs;
    std::map<std::string, OrgId> part_ids;
    for (std::size_t i = 0; i < in.parts.size(); ++i) {
      auto id = reserve_org(in.parts[i].code, "into");
      if (!id.ok()) return id.error();
      part_ids[in.parts[i].code] = *id;
      new_orgs.push_back(NewOrg{*id, in.parts[i].code, parts[i].first, parts[i].second, {}, false});
    }
    std::map<OrgId, OrgId> assign;
    for (const auto& [child, part] : in.assign) {
      auto c = require_org(child, "assign");
      if (!c.ok()) return c.error();
      auto it = part_ids.find(part);
      if (it == part_ids.end()) {
        return Error::invalid(
            "assign", "Trường «assign»: «" + part + "» không phải là tổ chức mới được tách ra.",
            "assignment to an unknown part");
      }
      assign[*c] = it->second;
    }
    std::optional<OrgId> members_to;
    if (!in.members_to.empty()) {
      auto it = part_ids.find(in.members_to);
      if (it == part_ids.end()) {
        return Error::invalid(
            "members_to",
            "Trường «members_to»: «" + in.members_to + "» không phải là tổ chức mới được tách ra.",
            "members_to names an unknown part");
      }
      members_to = it->second;
    }
    auto history = store_.load_org_history();
    if (!history.ok()) return history.error();
    auto with_members = store_.orgs_with_members_from(*date);
    if (!with_members.ok()) return with_members.error();
    DANGVU_TRY(require_in_scope(*history, *source, "org", in.code));
    DANGVU_TRY(require_below_scope(*source, "org"));
    auto change =
        history->plan_split(*source, new_orgs, assign, members_to, *date, rules_, *with_members);
    if (!change.ok()) return change.error();
    json jparts = json::array();
    for (const auto& p : in.parts)
      jparts.push_back({{"code", p.code}, {"name", p.name}, {"kind", p.kind}});
    json payload = {{"code", in.code},
                    {"parts", jparts},
                    {"assign", in.assign},
                    {"members_to", in.members_to},
                    {"date", date->iso()}};
    DANGVU_TRY(apply_org_change("split", *change, payload.dump(), in.code, *source));
    return move_members(*change, *history);
  });
}

Status Registry::dissolve_org(const std::string& code, const std::string& date_text) {
  DANGVU_TRY(check_code(code, "org"));
  auto date = parse_date(date_text, "date");
  if (!date.ok()) return date.error();
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), kChangeOrgsVi, kChangeOrgsEn));
  return store_.write_transaction([&]() -> Status {
    auto id = require_org(code, "org");
    if (!id.ok()) return id.error();
    auto history = store_.load_org_history();
    if (!history.ok()) return history.error();
    DANGVU_TRY(require_in_scope(*history, *id, "org", code));
    DANGVU_TRY(require_below_scope(*id, "org"));
    auto with_members = store_.orgs_with_members_from(*date);
    if (!with_members.ok()) return with_members.error();
    auto change = history->plan_dissolve(*id, *date, *with_members);
    if (!change.ok()) return change.error();
    json payload = {{"code", code}, {"date", date->iso()}};
    return apply_org_change("dissolve", *change, payload.dump(), code, *id);
  });
}

}  // namespace dangvu::service
