#include "core/clock.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace dangvu {

std::int64_t Clock::now_unix() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reading DANGVU_TODAY is configuration, not I/O in the sense of the layer rule: it fixes "today".
Date SystemClock::today() const {
  if (const char* fixed = std::getenv("DANGVU_TODAY")) {
    if (auto d = Date::parse(fixed); d.ok()) return *d;
  }
  // The day it is in Việt Nam (Asia/Ho_Chi_Minh: UTC+7 all year, no summer time since 1975),
  // which the offices and their browsers date everything by: between 17:00 and 24:00 UTC it is
  // already the next day there. Times stay UTC (now_iso).
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() +
                                                   std::chrono::hours(7));
  return Date::from_days(static_cast<std::int32_t>(now.time_since_epoch().count()));
}

std::string SystemClock::now_iso() const {
  if (const char* fixed = std::getenv("DANGVU_TODAY")) {
    if (auto d = Date::parse(fixed); d.ok()) return d->iso() + "T12:00:00Z";
  }
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto day = std::chrono::floor<std::chrono::days>(now);
  std::chrono::hh_mm_ss hms{now - day};
  Date d = Date::from_days(static_cast<std::int32_t>(day.time_since_epoch().count()));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.iso().c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

}  // namespace dangvu
