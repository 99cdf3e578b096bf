#pragma once
// What reads share between requests (the server): the org tree as of a date, the whole org
// history, and the member figures of every org (or of one subtree's orgs) as of a date. Each is
// kept under the revision of the data it was read from (store::Store::org_revision /
// member_revision, raised by every committed transaction that changed that data), so an entry
// stays right until a write commits; each use asks the store for the revisions (one indexed read)
// and rebuilds only when they moved. Nothing read inside a write transaction is put here (it may
// not commit). Without a cache (the CLI), every read builds its own, as before.
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/org_history.h"
#include "core/org_tree.h"
#include "service/views.h"
#include "store/store.h"

namespace dangvu::service {

struct TreeAt {
  OrgTree tree;
  std::unordered_map<OrgId, std::string> codes;  // every org, for showing codes
};

// Member figures of each org as of a date, its own (not its subtree's), ready to be added up over
// any subtree: the members by status, the probationers past their term, and the year's admissions
// and recognitions so far (1 January to the date), each counted for the org that stands on the
// date for the org where it happened.
struct MemberStocks {
  std::unordered_map<OrgId, MemberCounts> counts;
  std::unordered_map<OrgId, std::int64_t> probation_overdue;
  std::unordered_map<OrgId, std::int64_t> admitted_this_year;
  std::unordered_map<OrgId, std::int64_t> recognized_this_year;
};

struct Revisions {
  std::int64_t org = -1;
  std::int64_t member = -1;
  bool operator==(const Revisions&) const = default;
};

// A few values, most recently used first; a put drops the entries it makes stale for good.
template <typename Key, typename Value>
class RecentList {
 public:
  explicit RecentList(std::size_t capacity) : capacity_(capacity) {}
  std::shared_ptr<const Value> find(const Key& key) {
    for (auto it = items_.begin(); it != items_.end(); ++it) {
      if (it->first == key) {
        items_.splice(items_.begin(), items_, it);
        return items_.front().second;
      }
    }
    return nullptr;
  }
  template <typename Stale>
  void put(Key key, std::shared_ptr<const Value> value, Stale stale) {
    items_.remove_if([&](const auto& item) { return stale(item.first); });
    items_.emplace_front(std::move(key), std::move(value));
    if (items_.size() > capacity_) items_.pop_back();
  }

 private:
  std::size_t capacity_;
  std::list<std::pair<Key, std::shared_ptr<const Value>>> items_;
};

class ReadCache {
 public:
  explicit ReadCache(std::size_t capacity = 32);
  std::shared_ptr<const TreeAt> find(std::int64_t org_revision, Date at);
  void put(std::int64_t org_revision, Date at, std::shared_ptr<const TreeAt> tree);

  std::shared_ptr<const OrgHistory> find_history(std::int64_t org_revision);
  void put_history(std::int64_t org_revision, std::shared_ptr<const OrgHistory> history);

  // Every org's stocks as of `at` if kept, else those kept for the subtree of `root`.
  std::shared_ptr<const MemberStocks> find_stocks(Revisions revisions, Date at, OrgId root);
  // `root`: none when `stocks` hold every org's, else the subtree they were read for.
  void put_stocks(Revisions revisions, Date at, std::optional<OrgId> root,
                  std::shared_ptr<const MemberStocks> stocks);

 private:
  struct TreeKey {
    std::int64_t revision;
    Date at;
    bool operator==(const TreeKey&) const = default;
  };
  struct StocksKey {
    Revisions revisions;
    Date at;
    std::optional<OrgId> root;
    bool operator==(const StocksKey&) const = default;
  };
  std::mutex mutex_;
  RecentList<TreeKey, TreeAt> trees_;
  std::int64_t history_revision_ = -1;
  std::shared_ptr<const OrgHistory> history_;
  RecentList<StocksKey, MemberStocks> every_org_;  // a few dates, each ~all orgs
  RecentList<StocksKey, MemberStocks> subtrees_;   // the subtrees read lately, each small
};

}  // namespace dangvu::service
