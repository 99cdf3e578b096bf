#pragma once
// Roll-ups over the tree as of a date: leaf facts per org (grouped in SQL) are added up over a
// subtree in memory (44–85× faster than rolling up in SQL at national scale: bench/RESULTS.md).
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/org_history.h"
#include "core/org_tree.h"

namespace dangvu {

// The org that stands for `org` on `at`: itself if it exists then, else the successor it was
// merged or split into (followed as far as needed); none if it ended without one.
std::optional<OrgId> resolve_org_at(const OrgHistory& history, OrgId org, Date at);

// A leaf-fact query names the subtree's orgs when they are few (an index lookup per org), and
// reads every org's rows in one scan when the subtree is a large part of the tree (measured,
// bench/nation.sh: naming 5,549 of 5,560 orgs was twice as slow as the scan).
constexpr std::size_t kAlwaysNamedOrgs = 1000;  // up to this many, always named
constexpr std::size_t kMaxNamedOrgs = 50000;    // above, never (the SQL text grows with it)
constexpr std::size_t kNamedShareDivisor = 4;   // between, named if at most a quarter of all orgs

// The orgs whose recorded facts count for the subtree of `root` in `tree` (the tree as of `at`):
// the subtree's own and every ended org that `at` resolves into it (merged or split into it).
// None when the caller should rather read every org's facts (see above).
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

// Subtree totals for `root` and every org below it (children before parents, one pass).
template <typename Value>
std::unordered_map<OrgId, Value> subtree_totals(const OrgTree& tree, OrgId root,
                                                const std::unordered_map<OrgId, Value>& own) {
  std::unordered_map<OrgId, Value> totals;
  const auto order = tree.subtree(root);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Value v{};
    if (auto o = own.find(*it); o != own.end()) v += o->second;
    for (OrgId child : tree.find(*it)->children) v += totals[child];
    totals[*it] = v;
  }
  return totals;
}

}  // namespace dangvu
