#pragma once
// Roles of accounts and what each may do. Where a role may act is its scope: the subtree of the
// account's organization (none for the system administrator); service/ enforces both.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace dangvu::auth {

enum class Role {
  admin,  // quản trị hệ thống: everything, everywhere, accounts and the audit log
  committee_office,  // văn phòng/ban tổ chức cấp ủy: read and write over its subtree
  branch_secretary,  // bí thư chi bộ: read and write members of its own branch
  inspection,        // ủy ban kiểm tra: read over its subtree, record inspections/supervisions
  viewer,            // read only over its subtree
};

inline constexpr Role kAllRoles[] = {Role::admin, Role::committee_office, Role::branch_secretary,
                                     Role::inspection, Role::viewer};

std::string_view to_string(Role r);
std::optional<Role> parse_role(std::string_view text);
std::string_view label_vi(Role r);

bool can_write_members(Role r);      // record members and their events
bool can_change_orgs(Role r);        // create, rename, move, merge, split, dissolve
bool can_administer(Role r);         // accounts and the audit log
bool can_record_activities(Role r);  // branch meetings and study sessions
bool can_record_oversight(Role r);   // inspections and supervisions
bool can_plan(Role r);               // the year's targets and the document register
// Review conferences: invitations, attendance, programme, conclusion, decisions, follow-up
// tasks. The committee's office prepares and records them; a branch secretary does not.
bool can_record_conferences(Role r);
// Sensitive personal data of the dossier (Luật 91/2025/QH15: ethnicity, religion, health,
// discipline, the citizen ID): read and written by the roles that keep members (a branch
// secretary, its own branch's) and by the inspection commission, which handles discipline; a
// viewer does not see them. An export that contains them needs a permission of its own.
bool can_read_sensitive(Role r);
bool can_export_sensitive(Role r);
// Party dues: the payments of a month and each member's basis, exemptions and reductions, by
// the roles that keep members (a branch secretary, its own branch's).
bool can_record_dues(Role r);
// Party badges: the committee's decisions awarding them, their presentation, reissues. The
// committee's office records them; a branch secretary reads who is due and proposes on paper.
bool can_record_badges(Role r);
// The yearly quality rating: the competent committee's decision, recorded by its office. A
// member's self-assessment and the branch's proposal are recorded by the roles that keep members.
bool can_decide_ratings(Role r);
// Every permission above by the name the API gives it ("record_activities"), with its test: the
// session's `permissions` are the names of those the role holds.
struct Permission {
  std::string_view name;
  bool (*allowed)(Role);
};
std::span<const Permission> permissions();
std::vector<std::string_view> permissions_of(Role r);

// Whether the role needs a scope organization (every role but the administrator).
bool needs_scope(Role r);

}  // namespace dangvu::auth
