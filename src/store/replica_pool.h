#pragma once
// Connections to a read replica (a PostgreSQL hot standby), opened when first needed. While the
// replica cannot be reached, acquire() gives none and the caller reads from the primary; the
// replica is tried again after a pause, so a replica that is down costs no request a timeout.
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace dangvu::store {

class ReplicaPool {
 public:
  using Clock = std::chrono::steady_clock;
  ReplicaPool(std::string url, std::size_t size,
              std::chrono::milliseconds retry_pause = std::chrono::seconds(5));

  class Lease {
   public:
    Lease(ReplicaPool& pool, std::unique_ptr<Store> store)
        : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }
    // The read failed on the replica: this connection is dropped, the others with it, and the
    // replica rests for the retry pause. Returns true when this marked it down (log it once).
    bool failed();

   private:
    ReplicaPool* pool_;
    std::unique_ptr<Store> store_;
  };

  // What acquire() found, for one log line per change: the replica went down (and why) or came
  // back.
  struct Change {
    enum class Kind { none, down, up } kind = Kind::none;
    std::string reason;
  };
  // A connection to the replica, or none while it is down or all its connections are busy.
  std::optional<Lease> acquire(Change& change);

  const std::string& url() const { return url_; }

 private:
  void give_back(std::unique_ptr<Store> store);
  bool mark_down();

  std::string url_;
  std::size_t size_;
  std::chrono::milliseconds retry_pause_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> free_;
  std::size_t open_ = 0;  // connections in free_ or leased
  Clock::time_point down_until_{};
  bool down_ = false;
};

}  // namespace dangvu::store
