#pragma once
// The org tree as it was on one date: built from the versions valid on that date.
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/org.h"

namespace dangvu {

class OrgTree {
 public:
  struct Node {
    OrgId id = 0;
    std::optional<OrgId> parent;
    std::string name;
    OrgKind kind = OrgKind::grassroots_branch;
    std::vector<OrgId> children;  // in ascending id order (creation order)
  };

  // Builds the tree from the versions valid on `at` (others are ignored).
  static OrgTree build(const std::vector<OrgVersion>& versions, Date at);

  Date at() const { return at_; }
  const Node* find(OrgId id) const;
  const std::vector<OrgId>& roots() const { return roots_; }
  std::size_t size() const { return nodes_.size(); }
  // `root` and every org below it, parents before children; empty if `root` is not in the tree.
  std::vector<OrgId> subtree(OrgId root) const;
  bool contains_in_subtree(OrgId root, OrgId node) const;
  // Depth below the root of the whole tree (root = 0).
  int depth(OrgId id) const;

 private:
  Date at_;
  std::unordered_map<OrgId, Node> nodes_;
  std::vector<OrgId> roots_;
};

}  // namespace dangvu
