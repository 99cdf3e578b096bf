#pragma once
// The demo's 2025 quality rating round of one grassroots committee: each member rated (not
// those admitted less than six months before the year's end, nor the exempt) assesses itself,
// the branch proposes, and the committee decides by one decision on 26/12/2025 — most members
// "hoàn thành tốt", some "xuất sắc", a few "hoàn thành" and fewer "không hoàn thành", each the
// category its score and conditions give. From a random stream of its own.
#include <cstdint>
#include <string>
#include <vector>

#include "core/dossier.h"
#include "core/member_fold.h"
#include "core/org_result.h"
#include "core/rating.h"
#include "core/rules.h"

namespace dangvu::service::demo {

inline constexpr int kRatedYear = 2025;

// The member's records of the round (none when not rated); `decided_by` is the committee's org.
std::vector<RatingRecord> rating_round_of(const MemberHistory& history,
                                          const std::vector<DossierRecord>& dossier,
                                          OrgId decided_by, int province, std::int64_t serial,
                                          const RuleSet& rules, const std::string& recorded_at);

// The results of 2025 of the committee's sub-branches: each assesses itself and the committee
// rates them by one decision of 26/12/2025 (the category each score and its conditions give);
// most registered for «Chi bộ bốn tốt» in January 2025, and the committee recognized most of
// them on the same day; and most registered again for 2026 (not decided yet).
std::vector<OrgResultRecord> org_results_of(OrgId committee, const std::vector<OrgId>& sub_branches,
                                            int province, const RuleSet& rules,
                                            const std::string& recorded_at);

}  // namespace dangvu::service::demo
