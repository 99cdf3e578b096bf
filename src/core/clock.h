#pragma once
// The injected clock: every "today" and every recorded-at timestamp comes from here, so that demo
// data, tests and documents are the same run to run.
#include <string>

#include "core/date.h"

namespace dangvu {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date today() const = 0;
  // UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" for audit and recorded_at.
  virtual std::string now_iso() const = 0;
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

 private:
  Date day_;
};

}  // namespace dangvu
