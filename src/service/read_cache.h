#pragma once
// What reads share between requests (the server): the org tree as of a date, the whole org
// history, and the member counts of every org as of a date. Each is kept under the revision of
// the data it was read from (store::Store::org_revision / member_revision, raised by every
// committed transaction that changed that data), so an entry stays right until a write commits;
// each use asks the store for the revisions (one indexed read) and rebuilds only when they moved.
// Nothing read inside a write transaction is put here (it may not commit).
// Without a cache (the CLI), every read builds its own, as before.
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/org_history.h"
#include "core/org_tree.h"
#include "store/store.h"

namespace dangvu::service {

struct TreeAt {
  OrgTree tree;
  std::unordered_map<OrgId, std::string> codes;  // every org, for showing codes
};

// Member stocks per org as of a date, as the store groups them, and the year's milestones so far.
struct MemberStocks {
  std::vector<store::OrgStatusCount> statuses;
  std::vector<store::ProbationCount> probation_starts;
  std::vector<store::MilestoneCount> milestones_this_year;  // 1 January to the date
};

struct Revisions {
  std::int64_t org = -1;
  std::int64_t member = -1;
  bool operator==(const Revisions&) const = default;
};

class ReadCache {
 public:
  explicit ReadCache(std::size_t capacity = 32) : capacity_(capacity) {}
  std::shared_ptr<const TreeAt> find(std::int64_t org_revision, Date at);
  void put(std::int64_t org_revision, Date at, std::shared_ptr<const TreeAt> tree);

  std::shared_ptr<const OrgHistory> find_history(std::int64_t org_revision);
  void put_history(std::int64_t org_revision, std::shared_ptr<const OrgHistory> history);

  std::shared_ptr<const MemberStocks> find_stocks(Revisions revisions, Date at);
  void put_stocks(Revisions revisions, Date at, std::shared_ptr<const MemberStocks> stocks);

 private:
  struct Entry {
    std::int64_t revision;
    Date at;
    std::shared_ptr<const TreeAt> tree;
  };
  struct StocksEntry {
    Revisions revisions;
    Date at;
    std::shared_ptr<const MemberStocks> stocks;
  };
  std::mutex mutex_;
  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  std::int64_t history_revision_ = -1;
  std::shared_ptr<const OrgHistory> history_;
  std::list<StocksEntry> stocks_;  // most recently used first; a few dates (each ~all orgs)
};

}  // namespace dangvu::service
