#pragma once
// Login throttling, per account name and per address: after a few free failures every further
// failure doubles the wait before the next attempt, and a run of failures locks the key for a
// while. In memory (a restart forgets it; a restart is rare and audited), bounded in size.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dangvu::auth {

struct ThrottlePolicy {
  int free_failures = 3;        // failures allowed with no wait
  std::int64_t base_delay = 1;  // seconds after the first counted failure, doubling
  std::int64_t max_delay = 60;
  int lockout_failures = 10;   // at this many failures in a row: locked out
  std::int64_t lockout = 900;  // seconds
  std::size_t max_keys = 100000;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

  // Seconds to wait before an attempt for `key` is heard (0: now).
  std::int64_t retry_after(const std::string& key, std::int64_t now) const;
  void record_failure(const std::string& key, std::int64_t now);
  void record_success(const std::string& key);
  const ThrottlePolicy& policy() const { return policy_; }

 private:
  struct Entry {
    int failures = 0;
    std::int64_t last_failure = 0;
    std::int64_t blocked_until = 0;
  };
  void forget_stale(std::int64_t now);

  ThrottlePolicy policy_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace dangvu::auth
