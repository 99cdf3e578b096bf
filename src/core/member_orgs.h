#pragma once
// The invariant the member log and the org history keep together (ARCHITECTURE.md): on every
// date, a candidate or member belongs to an org — and any temporary org — that exists on that
// date and may hold members. Each history is valid on its own by its own checks; this one is
// checked by every write of either (service/), and over a whole registry by `dangvu check`.
#include <vector>

#include "core/member_fold.h"
#include "core/org_history.h"
#include "core/rules.h"

namespace dangvu {

// A stretch of a member's history spent in an org that no longer exists (ended by a merge, a
// split or a dissolution) or no longer holds members (its kind changed): from `date` on.
struct OrgBreak {
  Date date;
  OrgId org = 0;
  bool temporary = false;  // the temporary org, not the official one
  bool ended = true;       // false: the org exists but its kind may not hold members
  bool operator==(const OrgBreak&) const = default;
};

// Every break in `member`'s history against `history`, in date order (one per stretch and org).
std::vector<OrgBreak> org_breaks(const MemberHistory& member, const OrgHistory& history,
                                 const RuleSet& rules);

}  // namespace dangvu
