#pragma once
// The demo data generator: a province's tree as it really changed (a bloc committee with clusters
// until 30/6/2025, the 2025 reorganization on 1/7/2025) and members with decades of events.
// Deterministic for a seed; members are generated and written one at a time (streamed), so the
// national scale never holds all members in memory. Everything goes through the same planners
// and the same fold as typed entries, in one write transaction.
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "service/registry.h"

namespace dangvu::service {

enum class DemoScale { small, province, nation };
Result<DemoScale> parse_demo_scale(const std::string& text);

struct DemoSummary {
  std::int64_t orgs = 0;
  std::int64_t members = 0;
  std::int64_t events = 0;
  std::int64_t meetings = 0, oversights = 0, study_sessions = 0;  // the 2026 work records
  std::int64_t conferences = 0;  // review conferences recorded (with their tasks)
  std::string root_code;         // the top of the generated tree
  Date reorganized_on;           // the date of the 2025 reorganization
  Date last_event_on;            // no generated event is later
};

// Generates into an empty database, in one write transaction; then (but for the national scale)
// records one past review conference through the registry's use cases. `progress` receives a line
// now and then (may be empty).
Result<DemoSummary> generate_demo(Registry& registry, DemoScale scale, std::uint64_t seed,
                                  const std::function<void(const std::string&)>& progress);

}  // namespace dangvu::service
