#include "core/org_tree.h"

#include <algorithm>

namespace dangvu {

OrgTree OrgTree::build(const std::vector<OrgVersion>& versions, Date at) {
  OrgTree tree;
  tree.at_ = at;
  for (const auto& v : versions) {
    if (!v.valid_at(at)) continue;
    tree.nodes_[v.org] = Node{v.org, v.parent, v.name, v.kind, {}};
  }
  for (auto& [id, node] : tree.nodes_) {
    if (node.parent) {
      auto it = tree.nodes_.find(*node.parent);
      if (it != tree.nodes_.end()) {
        it->second.children.push_back(id);
        continue;
      }
    }
    tree.roots_.push_back(id);  // a parent missing on this date makes the node a root
  }
  for (auto& [id, node] : tree.nodes_) std::sort(node.children.begin(), node.children.end());
  std::sort(tree.roots_.begin(), tree.roots_.end());
  return tree;
}

const OrgTree::Node* OrgTree::find(OrgId id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : &it->second;
}

std::vector<OrgId> OrgTree::subtree(OrgId root) const {
  std::vector<OrgId> out;
  if (!find(root)) return out;
  std::vector<OrgId> stack{root};
  while (!stack.empty()) {
    OrgId id = stack.back();
    stack.pop_back();
    out.push_back(id);
    const auto& children = nodes_.at(id).children;
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

bool OrgTree::contains_in_subtree(OrgId root, OrgId node) const {
  for (const Node* n = find(node); n != nullptr; n = n->parent ? find(*n->parent) : nullptr) {
    if (n->id == root) return true;
  }
  return false;
}

int OrgTree::depth(OrgId id) const {
  int d = -1;
  for (const Node* n = find(id); n != nullptr; n = n->parent ? find(*n->parent) : nullptr) ++d;
  return d;
}

}  // namespace dangvu
