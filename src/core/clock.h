#pragma once
// The injected clock: every "today" and every recorded-at timestamp comes from here, so that demo
// data, tests and documents are the same run to run.
#include <atomic>
#include <cstdint>
#include <string>

#include "core/date.h"

namespace dangvu {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date today() const = 0;
  // UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" for audit and recorded_at.
  virtual std::string now_iso() const = 0;
  // Seconds since the Unix epoch, for session expiry and login throttling. Never fixed by
  // DANGVU_TODAY: sessions must expire in real time.
  virtual std::int64_t now_unix() const;
};

// The system clock, or a fixed date when DANGVU_TODAY=YYYY-MM-DD is set (demo and tests).
class SystemClock final : public Clock {
 public:
  Date today() const override;
  std::string now_iso() const override;
};

// A clock that always says the same day (noon UTC).
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date d) : day_(d) {}
  Date today() const override { return day_; }
  std::string now_iso() const override { return day_.iso() + "T12:00:00Z"; }
  std::int64_t now_unix() const override {
    return static_cast<std::int64_t>(day_.days()) * 86400 + 43200 + offset_seconds_;
  }
  // Moves the clock's time of day forward (tests of expiry and throttling).
  void advance_seconds(std::int64_t s) { offset_seconds_ += s; }

 private:
  Date day_;
  std::atomic<std::int64_t> offset_seconds_{0};
};

}  // namespace dangvu
