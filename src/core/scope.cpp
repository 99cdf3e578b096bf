#include "core/scope.h"

namespace dangvu {

bool Scope::holds(OrgId org) const {
  if (!root_) return true;
  // Walk up the tree as it stands today; an org with no version today stands where it leads to.
  // Depth is small (≤ 6) and chains of merges short, so nothing is built.
  std::optional<OrgId> node = org;
  for (int guard = 0; node && guard < 64; ++guard) {
    if (*node == *root_) return true;
    if (const OrgVersion* v = history_->version_at(*node, today_)) {
      node = v->parent;
      continue;
    }
    const OrgVersion* last = history_->latest(*node);
    if (last == nullptr) return false;
    if (last->valid_to <= today_) {
      node = last->successor ? last->successor : last->parent;
    } else {
      node = history_->earliest(*node)->parent;  // recorded ahead of today
    }
  }
  return false;
}

bool Scope::holds_member_at(const MemberHistory& member, Date d) const {
  if (!root_) return true;
  const MemberPeriod* chosen = nullptr;
  for (const auto& p : member.periods) {
    if (p.from > d) break;
    if (p.org || p.temp_org) chosen = &p;
  }
  if (chosen == nullptr) {
    for (const auto& p : member.periods) {
      if (p.org || p.temp_org) {
        chosen = &p;
        break;
      }
    }
  }
  if (chosen == nullptr) return false;
  return (chosen->org && holds(*chosen->org)) || (chosen->temp_org && holds(*chosen->temp_org));
}

std::vector<OrgId> Scope::tops_in(const OrgTree& tree) const {
  std::vector<OrgId> tops;
  std::vector<OrgId> stack(tree.roots().rbegin(), tree.roots().rend());
  while (!stack.empty()) {
    OrgId id = stack.back();
    stack.pop_back();
    if (holds(id)) {
      tops.push_back(id);
      continue;
    }
    const auto& children = tree.find(id)->children;
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  return tops;
}

}  // namespace dangvu
