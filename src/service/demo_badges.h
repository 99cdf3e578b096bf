#pragma once
// The demo's Party badges: each member awarded every badge whose day fell by the demo's last day,
// for the first occasion from that day (so the 2/9/2026 list is decided and presented), by the
// provincial standing committee's decision twelve days before it, and presented on the occasion;
// about one in twenty-five not yet awarded the last badge it reached (the next list's overdue).
// From a random stream of its own, so that the registry's demo stays as it was.
#include <cstdint>
#include <string>
#include <vector>

#include "core/badge_award.h"
#include "core/member_fold.h"
#include "core/rules.h"

namespace dangvu::service::demo {

// `serial` numbers the person within its province (`province`, 1…); `last` is the demo's last
// day; `decided_by` the committee that decides.
std::vector<BadgeRecord> badges_of(const MemberHistory& history, int province, std::int64_t serial,
                                   Date last, const RuleSet& rules, const std::string& decided_by,
                                   const std::string& recorded_at);

}  // namespace dangvu::service::demo
