#pragma once
// The org tree as of a date, shared between requests. The tree changes only when an org
// operation is recorded, so a cached tree stays right until the org_event log grows: each use
// asks the store for the log's last id (one index lookup) and rebuilds only when it moved.
// Without a cache (the CLI), every read builds its tree, as before.
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/org_tree.h"

namespace dangvu::service {

struct TreeAt {
  OrgTree tree;
  std::unordered_map<OrgId, std::string> codes;  // every org, for showing codes
};

class TreeCache {
 public:
  explicit TreeCache(std::size_t capacity = 32) : capacity_(capacity) {}
  std::shared_ptr<const TreeAt> find(std::int64_t revision, Date at);
  void put(std::int64_t revision, Date at, std::shared_ptr<const TreeAt> tree);

 private:
  struct Entry {
    std::int64_t revision;
    Date at;
    std::shared_ptr<const TreeAt> tree;
  };
  std::mutex mutex_;
  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
};

}  // namespace dangvu::service
