#include "core/rollup.h"

#include <algorithm>

namespace dangvu {

std::optional<OrgId> resolve_org_at(const OrgHistory& history, OrgId org, Date at) {
  std::optional<OrgId> cur = org;
  for (int guard = 0; cur && guard < 64; ++guard) {
    if (history.version_at(*cur, at)) return cur;
    const OrgVersion* last = history.latest(*cur);
    if (last == nullptr || last->valid_to > at) return std::nullopt;  // not yet created on `at`
    cur = last->successor;
  }
  return std::nullopt;
}

std::optional<std::vector<OrgId>> orgs_counting_for(const OrgHistory& history, const OrgTree& tree,
                                                    OrgId root, Date at) {
  auto subtree = tree.subtree(root);
  const std::size_t limit =
      std::min(kMaxNamedOrgs, std::max(kAlwaysNamedOrgs, history.org_count() / kNamedShareDivisor));
  if (subtree.size() > limit) return std::nullopt;
  std::unordered_set<OrgId> inside(subtree.begin(), subtree.end());
  // Only an org ended by `at` resolves to another; one that exists on `at` is in the tree.
  for (OrgId id : history.ended_orgs()) {
    if (inside.count(id) || history.version_at(id, at) != nullptr) continue;
    if (auto now = resolve_org_at(history, id, at); now && inside.count(*now)) {
      subtree.push_back(id);
    }
  }
  if (subtree.size() > limit) return std::nullopt;
  std::sort(subtree.begin(), subtree.end());
  return subtree;
}

}  // namespace dangvu
