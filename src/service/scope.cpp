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

Scope Registry::scope(const OrgHistory& history) const {
  if (!caller_.scope) return Scope{};
  return Scope{history, *caller_.scope, clock_.today()};
}

bool Registry::in_scope(const OrgHistory& history, OrgId org) const {
  return scope(history).holds(org);
}

Status Registry::require_in_scope(const OrgHistory& history, OrgId org, const char* field,
                                  const std::string& code) const {
  if (in_scope(history, org)) return {};
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

bool Registry::member_in_scope(const MemberHistory& member, const OrgHistory& history) const {
  return scope(history).holds_member(member);
}

bool Registry::member_in_scope_at(const MemberHistory& member, const OrgHistory& history,
                                  Date at) const {
  return scope(history).holds_member_at(member, at);
}

Result<OrgId> Registry::readable_root(const std::string& org_code, const OrgTree& tree, Date at) {
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  const Scope held = scope(**history);
  OrgId root = 0;
  if (!org_code.empty()) {
    auto id = require_org(org_code, "org");
    if (!id.ok()) return id.error();
    root = *id;
    if (!held.holds(root)) {
      return Error::not_found("org", "Trường «org»: không có tổ chức mã «" + org_code + "».",
                              "org " + org_code + " outside the caller's scope");
    }
  } else if (caller_.scope) {
    root = *caller_.scope;
    if (!tree.find(root)) return own_org_not_yet(**history, held, tree, at);
  } else if (!tree.roots().empty()) {
    root = tree.roots().front();
  } else {
    return Error::not_found("org", "Chưa có tổ chức nào vào ngày " + at.vi() + ".",
                            "empty tree on " + at.iso());
  }
  if (!tree.find(root)) {
    return Error::not_found(
        "org", "Trường «org»: tổ chức «" + org_code + "» không tồn tại vào ngày " + at.vi() + ".",
        "org " + org_code + " does not exist on " + at.iso());
  }
  return root;
}

Error Registry::own_org_not_yet(const OrgHistory& history, const Scope& held, const OrgTree& tree,
                                Date at) const {
  std::vector<std::string> tops;
  for (OrgId id : held.tops_in(tree)) tops.push_back(history.code(id));
  const std::string own = history.code(*caller_.scope);
  std::string message = "Trường «org»: tổ chức «" + own + "» chưa có vào ngày " + at.vi() + ".";
  if (!tops.empty()) {
    std::string list;
    for (std::size_t i = 0; i < tops.size() && i < 20; ++i) list += (i ? ", " : "") + tops[i];
    if (tops.size() > 20) list += "…";
    message += " Các tổ chức thuộc phạm vi quản lý có vào ngày đó: " + list + ".";
  }
  return Error::not_found("org", message, "scope org " + own + " does not exist on " + at.iso());
}

}  // namespace dangvu::service
