#pragma once
// The Party badges of a subtree in a period, as the Organization Commission's statistics count
// them (Biểu 7: badges awarded in the year by badge, posthumous ones among them, and badges
// reissued): from the badge records (core/badge_award.h), each counted for the org its member
// belonged to on the occasion (the last org of a member who died before it).
#include "figures/statistics.h"

namespace dangvu::figures {

Result<StatTable> badges_table(store::Store& store, const StatisticsInput& in);

}  // namespace dangvu::figures
