#include "service/read_cache.h"

namespace dangvu::service {
namespace {

// Member stocks hold a row per org and status: a few dates are enough (today, the ends of the
// periods being reported on).
constexpr std::size_t kStocksCapacity = 8;

}  // namespace

std::shared_ptr<const TreeAt> ReadCache::find(std::int64_t org_revision, Date at) {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->revision == org_revision && it->at == at) {
      entries_.splice(entries_.begin(), entries_, it);
      return entries_.front().tree;
    }
  }
  return nullptr;
}

void ReadCache::put(std::int64_t org_revision, Date at, std::shared_ptr<const TreeAt> tree) {
  std::lock_guard lock(mutex_);
  // Trees of older revisions are stale for good.
  entries_.remove_if([org_revision](const Entry& e) { return e.revision != org_revision; });
  entries_.push_front({org_revision, at, std::move(tree)});
  if (entries_.size() > capacity_) entries_.pop_back();
}

std::shared_ptr<const OrgHistory> ReadCache::find_history(std::int64_t org_revision) {
  std::lock_guard lock(mutex_);
  return history_revision_ == org_revision ? history_ : nullptr;
}

void ReadCache::put_history(std::int64_t org_revision, std::shared_ptr<const OrgHistory> history) {
  std::lock_guard lock(mutex_);
  history_revision_ = org_revision;
  history_ = std::move(history);
}

std::shared_ptr<const MemberStocks> ReadCache::find_stocks(Revisions revisions, Date at) {
  std::lock_guard lock(mutex_);
  for (auto it = stocks_.begin(); it != stocks_.end(); ++it) {
    if (it->revisions == revisions && it->at == at) {
      stocks_.splice(stocks_.begin(), stocks_, it);
      return stocks_.front().stocks;
    }
  }
  return nullptr;
}

void ReadCache::put_stocks(Revisions revisions, Date at,
                           std::shared_ptr<const MemberStocks> stocks) {
  std::lock_guard lock(mutex_);
  stocks_.remove_if([revisions](const StocksEntry& e) { return !(e.revisions == revisions); });
  stocks_.push_front({revisions, at, std::move(stocks)});
  if (stocks_.size() > kStocksCapacity) stocks_.pop_back();
}

}  // namespace dangvu::service
