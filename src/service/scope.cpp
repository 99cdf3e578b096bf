// Access checks: what the caller's role allows, and where (its subtree of the dated tree).
#include "service/registry.h"

namespace dangvu::service {

Status Registry::require_permission(bool allowed, const char* action_vi,
                                    const char* action_en) const {
  if (allowed) return {};
  return Error{
      ErrorKind::forbidden, "", "role.permission",
      "Vai trò «" + std::string(auth::label_vi(caller_.role)) + "» không được " + action_vi + ".",
      "role " + std::string(auth::to_string(caller_.role)) + " may not " + action_en};
}

bool Registry::in_scope(const OrgHistory& history, OrgId org, Date at) const {
  if (!caller_.scope) return true;
  // For a date outside the org's life, where it stood at the nearest end of that life.
  if (!history.version_at(org, at) && history.has_org(org)) {
    const OrgVersion* first = history.earliest(org);
    if (first && at < first->valid_from) {
      at = first->valid_from;
    } else if (const OrgVersion* last = history.latest(org)) {
      at = last->valid_to.add_days(-1);
    }
  }
  // Walk up the tree as it was on `at`; depth is small (≤ 6), so no tree is built.
  std::optional<OrgId> node = org;
  for (int guard = 0; node && guard < 64; ++guard) {
    if (*node == *caller_.scope) return true;
    const OrgVersion* v = history.version_at(*node, at);
    if (!v) return false;
    node = v->parent;
  }
  return false;
}

Status Registry::require_in_scope(const OrgHistory& history, OrgId org, Date at, const char* field,
                                  const std::string& code) const {
  if (in_scope(history, org, at)) return {};
  const std::string f(field);
  // The same answer as an unknown code: an out-of-scope org does not exist for this caller.
  return Error::not_found(f, "Trường «" + f + "»: không có tổ chức mã «" + code + "».",
                          "field '" + f + "': org " + code + " outside the caller's scope");
}

Status Registry::require_below_scope(OrgId org, const char* field) const {
  if (!caller_.scope || *caller_.scope != org) return {};
  return Error{ErrorKind::forbidden, field, "role.own_org",
               "Thay đổi cơ cấu của chính tổ chức mình (di chuyển, hợp nhất, chia tách, giải "
               "thể) thuộc thẩm quyền cấp ủy cấp trên.",
               "structure change of the caller's own scope organization"};
}

bool Registry::member_in_scope(const MemberHistory& member, const OrgHistory& history,
                               Date at) const {
  if (!caller_.scope) return true;
  // The periods that reach back to `at`, latest first; then the first one as a last resort.
  const MemberPeriod* last = nullptr;
  for (const auto& p : member.periods) {
    if (p.from > at) break;
    if (p.org || p.temp_org) last = &p;
  }
  if (last) {
    Date when = std::min(at, last->to.add_days(-1));
    return (last->org && in_scope(history, *last->org, when)) ||
           (last->temp_org && in_scope(history, *last->temp_org, when));
  }
  for (const auto& p : member.periods) {
    if (p.org) return in_scope(history, *p.org, p.from);
  }
  return false;
}

Result<OrgId> Registry::readable_root(const std::string& org_code, const OrgTree& tree, Date at) {
  OrgId root = 0;
  if (!org_code.empty()) {
    auto id = require_org(org_code, "org");
    if (!id.ok()) return id.error();
    root = *id;
  } else if (caller_.scope) {
    root = *caller_.scope;
  } else if (!tree.roots().empty()) {
    root = tree.roots().front();
  } else {
    return Error::not_found("org", "Chưa có tổ chức nào vào ngày " + at.vi() + ".",
                            "empty tree on " + at.iso());
  }
  const bool visible = !caller_.scope || tree.contains_in_subtree(*caller_.scope, root);
  if (caller_.scope && !visible) {
    return Error::not_found("org", "Trường «org»: không có tổ chức mã «" + org_code + "».",
                            "org " + org_code + " outside the caller's scope on " + at.iso());
  }
  if (!tree.find(root)) {
    return Error::not_found(
        "org", "Trường «org»: tổ chức «" + org_code + "» không tồn tại vào ngày " + at.vi() + ".",
        "org " + org_code + " does not exist on " + at.iso());
  }
  return root;
}

}  // namespace dangvu::service
