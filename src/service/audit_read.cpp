// Reading the audit log: by org (subtree), by user, by time; the administrator only. Each entry
// comes with what a person reads: the action's and the actor's labels and the changes.
#include "core/audit_labels.h"
#include "service/audit_changes.h"
#include "service/registry.h"
#include "service/validate.h"

namespace dangvu::service {

Result<std::vector<AuditView>> Registry::read_audit(const AuditInput& in) {
  DANGVU_TRY(require_permission(auth::can_administer(caller_.role), "xem nhật ký thao tác",
                                "read the audit log"));
  DANGVU_TRY(check_limit(in.limit, 1000));
  if (in.before < 0) {
    return Error::invalid("before", "Trường «before»: phải là số nguyên không âm.", "bad before");
  }
  store::AuditQuery q;
  q.limit = in.limit;
  q.before_id = in.before;
  if (!in.from.empty()) {
    auto d = parse_date(in.from, "from");
    if (!d.ok()) return d.error();
    q.from = d->iso();
  }
  Date until = clock_.today();
  if (!in.to.empty()) {
    auto d = parse_date(in.to, "to");
    if (!d.ok()) return d.error();
    q.to = d->iso();
    until = *d;
  }
  if (!in.user.empty()) {
    if (in.user.size() > 100) {
      return Error::invalid("user", "Trường «user»: quá dài.", "user filter too long");
    }
    q.actor = in.user;
  }
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  if (!in.org_code.empty()) {
    auto root = require_org(in.org_code, "org");
    if (!root.ok()) return root.error();
    OrgTree tree = history->tree_as_of(until);
    std::vector<OrgId> orgs = tree.subtree(*root);
    if (orgs.empty()) orgs.push_back(*root);  // an org that had ended by then: its own entries
    q.orgs = orgs;
  }
  // A migration recorded org ids: they are read as codes.
  const std::function<std::string(long long)> org_code = [&history](long long id) {
    return history->has_org(id) ? history->code(id) : std::string();
  };
  auto rows = store_.list_audit(q);
  if (!rows.ok()) return rows.error();
  std::vector<AuditView> out;
  out.reserve(rows->size());
  for (const auto& e : *rows) {
    AuditView v;
    v.id = e.id;
    v.at = e.at;
    v.actor = e.actor;
    v.address = e.address;
    v.action = e.action;
    v.target = e.target;
    v.detail_json = e.detail_json;
    if (e.org && history->has_org(*e.org)) v.org_code = history->code(*e.org);
    v.action_label = action_label(e.action);
    v.actor_label = actor_label(e.actor, e.address);
    v.changes = audit_changes(e.action, e.detail_json, org_code);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace dangvu::service
