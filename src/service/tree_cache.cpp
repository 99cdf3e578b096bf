#include "service/tree_cache.h"

namespace dangvu::service {

std::shared_ptr<const TreeAt> TreeCache::find(std::int64_t revision, Date at) {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->revision == revision && it->at == at) {
      entries_.splice(entries_.begin(), entries_, it);
      return entries_.front().tree;
    }
  }
  return nullptr;
}

void TreeCache::put(std::int64_t revision, Date at, std::shared_ptr<const TreeAt> tree) {
  std::lock_guard lock(mutex_);
  // Trees of older revisions are stale for good.
  entries_.remove_if([revision](const Entry& e) { return e.revision != revision; });
  entries_.push_front({revision, at, std::move(tree)});
  if (entries_.size() > capacity_) entries_.pop_back();
}

}  // namespace dangvu::service
