// Shared plumbing of the use cases: resolving codes, folding, audit.
#include "service/registry.h"

#include <nlohmann/json.hpp>

#include "service/validate.h"

namespace dangvu::service {

Registry::Registry(store::Store& store, RuleSet rules, const Clock& clock, Caller caller)
    : store_(store),
      rules_(std::move(rules)),
      clock_(clock),
      caller_(std::move(caller)),
      actor_(caller_.actor) {}

Registry::Registry(store::Store& store, RuleSet rules, const Clock& clock, std::string actor)
    : Registry(store, std::move(rules), clock, Caller::command_line(std::move(actor))) {}

Result<Date> Registry::date_or_today(const std::string& text, const char* field) const {
  if (text.empty()) return clock_.today();
  return parse_date(text, field);
}

Result<OrgId> Registry::require_org(const std::string& code, const char* field) {
  DANGVU_TRY(check_code(code, field));
  auto found = store_.find_org(code);
  if (!found.ok()) return found.error();
  if (!*found) {
    return Error::not_found(
        field, "Trường «" + std::string(field) + "»: không có tổ chức mã «" + code + "».",
        "field '" + std::string(field) + "': unknown org code " + code);
  }
  return **found;
}

Result<OrgId> Registry::reserve_org(const std::string& code, const char* field) {
  DANGVU_TRY(check_code(code, field));
  auto found = store_.find_org(code);
  if (!found.ok()) return found.error();
  if (*found) {
    return Error::conflict(
        field, "Trường «" + std::string(field) + "»: mã tổ chức «" + code + "» đã được dùng.",
        "field '" + std::string(field) + "': duplicate org code " + code);
  }
  return store_.insert_org(code);
}

Result<MemberHistory> Registry::fold(const Person& person, const std::vector<MemberEvent>& events,
                                     const OrgHistory& history) const {
  OrgKindAt kind_at = [&history](OrgId org, Date d) -> std::optional<OrgKind> {
    const OrgVersion* v = history.version_at(org, d);
    return v ? std::optional<OrgKind>(v->kind) : std::nullopt;
  };
  return fold_member(person, events, rules_, kind_at, clock_.today());
}

Status Registry::audit(const std::string& action, const std::string& target,
                       const std::string& detail, std::optional<OrgId> org) {
  store::AuditEntry e;
  e.at = clock_.now_iso();
  e.actor = actor_;
  e.action = action;
  e.target = target;
  e.detail_json = detail;
  e.address = caller_.address;
  e.org = org;
  return store_.append_audit(e);
}

}  // namespace dangvu::service
