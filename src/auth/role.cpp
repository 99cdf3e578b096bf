#include "auth/role.h"

namespace dangvu::auth {

std::string_view to_string(Role r) {
  switch (r) {
    case Role::admin: return "admin";
    case Role::committee_office: return "committee_office";
    case Role::branch_secretary: return "branch_secretary";
    case Role::inspection: return "inspection";
    case Role::viewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view text) {
  for (Role r : kAllRoles) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

std::string_view label_vi(Role r) {
  switch (r) {
    case Role::admin: return "Quản trị hệ thống";
    case Role::committee_office: return "Văn phòng cấp ủy";
    case Role::branch_secretary: return "Bí thư chi bộ";
    case Role::inspection: return "Ủy ban kiểm tra";
    case Role::viewer: return "Chỉ xem";
  }
  return "Chỉ xem";
}

bool can_write_members(Role r) {
  return r == Role::admin || r == Role::committee_office || r == Role::branch_secretary;
}
bool can_change_orgs(Role r) { return r == Role::admin || r == Role::committee_office; }
bool can_administer(Role r) { return r == Role::admin; }
bool can_record_activities(Role r) { return can_write_members(r); }
bool can_record_oversight(Role r) {
  return r == Role::admin || r == Role::committee_office || r == Role::inspection;
}
bool can_plan(Role r) { return r == Role::admin || r == Role::committee_office; }
bool can_record_conferences(Role r) { return r == Role::admin || r == Role::committee_office; }
bool can_read_sensitive(Role r) { return can_write_members(r) || r == Role::inspection; }
bool can_export_sensitive(Role r) { return r == Role::admin || r == Role::committee_office; }
bool can_record_dues(Role r) { return can_write_members(r); }
bool can_record_badges(Role r) { return r == Role::admin || r == Role::committee_office; }
bool can_decide_ratings(Role r) { return r == Role::admin || r == Role::committee_office; }
bool needs_scope(Role r) { return r != Role::admin; }

namespace {
constexpr Permission kPermissions[] = {
    {"write_members", can_write_members},
    {"change_orgs", can_change_orgs},
    {"administer", can_administer},
    {"record_activities", can_record_activities},
    {"record_oversight", can_record_oversight},
    {"plan", can_plan},
    {"record_conferences", can_record_conferences},
    {"read_sensitive", can_read_sensitive},
    {"export_sensitive", can_export_sensitive},
    {"record_dues", can_record_dues},
    {"record_badges", can_record_badges},
    {"decide_ratings", can_decide_ratings},
};
}  // namespace

std::span<const Permission> permissions() { return kPermissions; }

std::vector<std::string_view> permissions_of(Role r) {
  std::vector<std::string_view> out;
  for (const auto& p : kPermissions) {
    if (p.allowed(r)) out.push_back(p.name);
  }
  return out;
}

}  // namespace dangvu::auth
