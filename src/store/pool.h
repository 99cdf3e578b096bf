#pragma once
// A fixed set of open Stores (one SQLite connection each) shared by the server's worker threads:
// a request borrows one for its duration. SQLite in WAL mode lets the readers run side by side;
// writers queue on BEGIN IMMEDIATE with the busy timeout.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace dangvu::store {

class StorePool {
 public:
  static Result<std::unique_ptr<StorePool>> open(const std::string& path, std::size_t size,
                                                 const std::string& now_iso);

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // Waits until a Store is free.
  Lease acquire();

 private:
  void give_back(std::unique_ptr<Store> store);

  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Store>> free_;
};

}  // namespace dangvu::store
