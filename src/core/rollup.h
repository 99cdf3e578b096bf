#pragma once
// Roll-ups over the tree as of a date: leaf facts per org (grouped in SQL) are added up over a
// subtree in memory (DESIGN.md: ~100× faster than rolling up in SQL at national scale).
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/org_history.h"
#include "core/org_tree.h"

namespace dangvu {

// The org that stands for `org` on `at`: itself if it exists then, else the successor it was
// merged or split into (followed as far as needed); none if it ended without one.
std::optional<OrgId> resolve_org_at(const OrgHistory& history, OrgId org, Date at);

// Above this many orgs, a leaf-fact query reads every org's rows rather than naming the orgs.
constexpr std::size_t kMaxNamedOrgs = 20000;

// The orgs whose recorded facts count for the subtree of `root` in `tree` (the tree as of `at`):
// the subtree's own and every ended org that `at` resolves into it (merged or split into it).
// None when there are more than kMaxNamedOrgs: then the caller reads every org's facts.
std::optional<std::vector<OrgId>> orgs_counting_for(const OrgHistory& history, const OrgTree& tree,
                                                    OrgId root, Date at);

// Sums per-org values over the subtree of `root` in `tree`.
template <typename Value>
Value sum_over_subtree(const OrgTree& tree, OrgId root,
                       const std::unordered_map<OrgId, Value>& per_org) {
  Value total{};
  for (OrgId id : tree.subtree(root)) {
    if (auto it = per_org.find(id); it != per_org.end()) total += it->second;
  }
  return total;
}

// Subtree totals for every node of the tree (children before parents, one pass).
template <typename Value>
std::unordered_map<OrgId, Value> totals_for_every_node(
    const OrgTree& tree, const std::unordered_map<OrgId, Value>& per_org) {
  std::unordered_map<OrgId, Value> totals;
  std::vector<OrgId> order;
  for (OrgId root : tree.roots()) {
    auto sub = tree.subtree(root);
    order.insert(order.end(), sub.begin(), sub.end());
  }
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Value v{};
    if (auto own = per_org.find(*it); own != per_org.end()) v += own->second;
    for (OrgId child : tree.find(*it)->children) v += totals[child];
    totals[*it] = v;
  }
  return totals;
}

}  // namespace dangvu
