#include "service/read_cache.h"

namespace dangvu::service {
namespace {

// Every org's stocks: a few dates are enough (today, the ends of the periods being reported on).
constexpr std::size_t kEveryOrgDates = 8;
// Subtrees read by naming their orgs (the offices of provinces, districts, grassroots committees
// each looking at their own): small entries, many of them.
constexpr std::size_t kSubtrees = 256;

}  // namespace

ReadCache::ReadCache(std::size_t capacity)
    : trees_(capacity), every_org_(kEveryOrgDates), subtrees_(kSubtrees) {}

std::shared_ptr<const TreeAt> ReadCache::find(std::int64_t org_revision, Date at) {
  std::lock_guard lock(mutex_);
  return trees_.find({org_revision, at});
}

void ReadCache::put(std::int64_t org_revision, Date at, std::shared_ptr<const TreeAt> tree) {
  std::lock_guard lock(mutex_);
  // Trees of older revisions are stale for good.
  trees_.put({org_revision, at}, std::move(tree),
             [org_revision](const TreeKey& k) { return k.revision != org_revision; });
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

std::shared_ptr<const MemberStocks> ReadCache::find_stocks(Revisions revisions, Date at,
                                                           OrgId root) {
  std::lock_guard lock(mutex_);
  if (auto every = every_org_.find({revisions, at, std::nullopt})) return every;
  return subtrees_.find({revisions, at, root});
}

void ReadCache::put_stocks(Revisions revisions, Date at, std::optional<OrgId> root,
                           std::shared_ptr<const MemberStocks> stocks) {
  std::lock_guard lock(mutex_);
  auto stale = [revisions](const StocksKey& k) { return !(k.revisions == revisions); };
  if (root) {
    subtrees_.put({revisions, at, root}, std::move(stocks), stale);
  } else {
    every_org_.put({revisions, at, std::nullopt}, std::move(stocks), stale);
  }
}

}  // namespace dangvu::service
