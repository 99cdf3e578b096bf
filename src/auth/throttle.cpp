#include "auth/throttle.h"

#include <algorithm>
#include <vector>

namespace dangvu::auth {

std::int64_t LoginThrottle::retry_after(const std::string& key, std::int64_t now) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  return std::max<std::int64_t>(0, it->second.blocked_until - now);
}

void LoginThrottle::record_failure(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= policy_.max_keys) forget_stale(now);
  Entry& e = entries_[key];
  // A long quiet spell starts the count again.
  if (e.failures > 0 && now - e.last_failure > policy_.lockout) e = Entry{};
  ++e.failures;
  e.last_failure = now;
  if (e.failures >= policy_.lockout_failures) {
    e.blocked_until = now + policy_.lockout;
  } else if (e.failures > policy_.free_failures) {
    int doublings = std::min(e.failures - policy_.free_failures - 1, 30);
    e.blocked_until = now + std::min(policy_.max_delay, policy_.base_delay << doublings);
  }
}

void LoginThrottle::record_success(const std::string& key) {
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

void LoginThrottle::forget_stale(std::int64_t now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    bool stale = now - it->second.last_failure > policy_.lockout && it->second.blocked_until <= now;
    it = stale ? entries_.erase(it) : std::next(it);
  }
  // Under a flood of distinct keys, drop the oldest half rather than grow without bound.
  if (entries_.size() >= policy_.max_keys) {
    std::vector<std::int64_t> times;
    times.reserve(entries_.size());
    for (const auto& [k, e] : entries_) times.push_back(e.last_failure);
    auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
    std::nth_element(times.begin(), mid, times.end());
    std::int64_t cutoff = *mid;
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = it->second.last_failure <= cutoff ? entries_.erase(it) : std::next(it);
    }
  }
}

}  // namespace dangvu::auth
