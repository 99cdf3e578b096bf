#include "store/replica_pool.h"

#include <utility>

namespace dangvu::store {

ReplicaPool::ReplicaPool(std::string url, std::size_t size, std::chrono::milliseconds retry_pause)
    : url_(std::move(url)), size_(size), retry_pause_(retry_pause) {}

std::optional<ReplicaPool::Lease> ReplicaPool::acquire(Change& change) {
  {
    std::lock_guard lock(mutex_);
    if (down_ && Clock::now() < down_until_) return std::nullopt;
    if (!free_.empty()) {
      auto s = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(s));
    }
    // Every connection is busy and no more may be opened: the primary takes this read.
    if (open_ >= size_) return std::nullopt;
    ++open_;
  }
  // Opened outside the lock: a slow connect must not hold up the requests that have one.
  auto s = Store::open(url_, OpenMode::read_replica, "");
  std::lock_guard lock(mutex_);
  if (s.ok()) {
    if (down_) change = {Change::Kind::up, ""};
    down_ = false;
    return Lease(*this, std::move(*s));
  }
  --open_;
  if (mark_down()) change = {Change::Kind::down, s.error().detail_en};
  return std::nullopt;
}

bool ReplicaPool::Lease::failed() {
  store_.reset();
  std::lock_guard lock(pool_->mutex_);
  --pool_->open_;
  return pool_->mark_down();
}

// Called with the mutex held. The idle connections went to the same server: dropped too, so
// that after a rest every connection is a new one.
bool ReplicaPool::mark_down() {
  open_ -= free_.size();
  free_.clear();
  down_until_ = Clock::now() + retry_pause_;
  const bool news = !down_;
  down_ = true;
  return news;
}

void ReplicaPool::give_back(std::unique_ptr<Store> store) {
  std::lock_guard lock(mutex_);
  if (down_) {
    --open_;  // opened before the replica went down: not trusted again
    return;
  }
  free_.push_back(std::move(store));
}

}  // namespace dangvu::store
