#pragma once
// The one figures engine: every figure (the org page's statistics, the tree's counts, the
// indicators, the report and its checks, the conference documents) asks it for facts "over the
// subtree of X as it stood on D" and "flows in period P".
//
// What it reads it keeps, under the data revisions it was read at (store::Store::data_revisions),
// and keeps live: every committed write logs what it changed (store figure_change: the member
// periods and milestones it ended and started, the orgs whose versions it changed), and the next
// call applies those few rows to what is kept — the org history is advanced by the changed orgs,
// the member stocks by the changed rows — instead of reading the nation again. The log is in the
// database, so two servers on one PostgreSQL each follow the other's writes on their next call.
// Only when the log is incomplete (pruned, or a write too large to log such as an import) is a
// figure read again. Nothing read inside a write transaction is kept.
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "core/org_history.h"
#include "core/org_tree.h"
#include "figures/indicators.h"
#include "figures/stocks.h"
#include "store/store.h"

namespace dangvu::figures {

struct TreeAt {
  OrgTree tree;
  std::shared_ptr<const OrgHistory> history;  // for every org's code
  const std::string& code(OrgId id) const { return history->code(id); }
};

// A few values, most recently used first.
template <typename Key, typename Value>
class RecentList {
 public:
  explicit RecentList(std::size_t capacity) : capacity_(capacity) {}
  std::shared_ptr<Value>* find(const Key& key) {
    for (auto it = items_.begin(); it != items_.end(); ++it) {
      if (it->first == key) {
        items_.splice(items_.begin(), items_, it);
        return &items_.front().second;
      }
    }
    return nullptr;
  }
  void put(Key key, std::shared_ptr<Value> value) {
    items_.emplace_front(std::move(key), std::move(value));
    if (items_.size() > capacity_) items_.pop_back();
  }
  void clear() { items_.clear(); }
  template <typename F>
  void for_each(F f) {
    for (auto& item : items_) f(item.first, item.second);
  }

 private:
  std::size_t capacity_;
  std::list<std::pair<Key, std::shared_ptr<Value>>> items_;
};

class Engine {
 public:
  Engine();

  // The whole dated org tree.
  Result<std::shared_ptr<const OrgHistory>> history(store::Store& store);
  // The tree as of `at`.
  Result<std::shared_ptr<const TreeAt>> tree(store::Store& store, Date at);
  // Member stocks as of `at` covering at least the subtree of `root`: every org's when kept (or
  // when `orgs_of` says none), else those of the orgs `orgs_of` names (asked only when they
  // must be read).
  Result<std::shared_ptr<const MemberStocks>> stocks(
      store::Store& store, const RuleSet& rules, Date at, OrgId root,
      const std::function<store::OrgFilter()>& orgs_of);

  // What the engine holds: the revisions it is at, and how often it applied the log or read
  // again (for tests and the bench).
  struct Counters {
    std::int64_t org_revision = -1;
    std::int64_t member_revision = -1;
    std::int64_t histories_loaded = 0;
    std::int64_t stocks_read = 0;
    std::int64_t changes_applied = 0;
  };
  Counters counters();
  // Forgets everything (as after a start).
  void clear();

 private:
  // Brings what is kept up to the revisions of the store's snapshot. Mutex held.
  Status sync(store::Store& store);
  // Whether what is kept is at these revisions (nothing to apply). Mutex held.
  bool current(const std::pair<std::int64_t, std::int64_t>& revisions) const;

  std::mutex mutex_;
  Counters counters_;
  bool stale_read_ = false;  // the last sync's store was behind what is kept
  std::shared_ptr<OrgHistory> history_;
  RecentList<Date, TreeAt> trees_;
  struct StocksKey {
    Date at;
    StockRules rules;
    std::optional<OrgId> root;  // none: every org's
    bool operator==(const StocksKey&) const = default;
  };
  RecentList<StocksKey, MemberStocks> every_org_;  // a few dates, each ~all orgs
  RecentList<StocksKey, MemberStocks> subtrees_;   // subtrees read by naming their orgs
};

// An org's own stock facts on the stocks' date, the same for every figure: its members by status,
// probationers overdue, the year's admissions and recognitions recorded at it (and at the orgs
// that ended into it: `moved`), what kind of org it is, and — for an org of a kind that holds
// members by the rule set — that it is a branch and whether it has fewer full members than the
// rule asks.
Facts own_facts(const OrgTree::Node& node, const OrgStock* own, const OrgStock* moved,
                const RuleSet& rules);

// The year's flows recorded at orgs that had ended by the stocks' date, each moved to the org
// that stands for it then (its successor after a merge or split); dropped if it ended without one.
std::unordered_map<OrgId, OrgStock> moved_flows(const OrgHistory& history,
                                                const MemberStocks& stocks);

// own_facts() of every org in the subtree of `root`, added up (the subtree's total), or kept per
// org (`per_org`, when given).
Facts subtree_facts(const OrgTree& tree, OrgId root, const OrgHistory& history,
                    const MemberStocks& stocks, const RuleSet& rules,
                    std::unordered_map<OrgId, Facts>* per_org = nullptr);

}  // namespace dangvu::figures
