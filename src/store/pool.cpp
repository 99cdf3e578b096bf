#include "store/pool.h"

namespace dangvu::store {

Result<std::unique_ptr<StorePool>> StorePool::open(const std::string& path, std::size_t size,
                                                   const std::string& now_iso) {
  auto pool = std::unique_ptr<StorePool>(new StorePool());
  for (std::size_t i = 0; i < size; ++i) {
    auto s = Store::open(path, OpenMode::open_existing, now_iso);
    if (!s.ok()) return s.error();
    pool->free_.push_back(std::move(*s));
  }
  return pool;
}

StorePool::Lease StorePool::acquire() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  auto s = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(s));
}

void StorePool::give_back(std::unique_ptr<Store> store) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(store));
  }
  freed_.notify_one();
}

}  // namespace dangvu::store
