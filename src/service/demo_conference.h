#pragma once
// The demo's past review conference (demo_conference.cpp), its committees' office holders and
// its cluster's leading organization (demo_offices.cpp).
#include <map>
#include <string>

#include "core/result.h"
#include "service/registry.h"

namespace dangvu::service::demo {

// Records the review of the first quarter of 2026 of `org_code` (a grassroots committee with at
// least two branches), held on 08/04/2026, with attendance, the report, speeches, the conclusion
// and three tasks (done, overdue after 30/06/2026, open until 31/12/2026), through the registry's
// use cases.
// `chair_code`: the member who chairs it (empty: the first full member of the org on the day).
Status add_past_conference(Registry& r, const std::string& org_code,
                           const std::string& chair_code = "");

// The secretaries and deputies of every upper committee and of the party agencies' grassroots
// organizations, from 1/10/2025 (demo_offices.cpp); answers each org's secretary's member code.
Result<std::map<std::string, std::string>> add_office_holders(Registry& r);

// A briefing of `cluster` on 15/01/2026 choosing its leading organization for 2026 (`leading`
// when it is in the cluster, else its first) and the next one as deputy.
Status add_cluster_briefing(Registry& r, const std::string& cluster, const std::string& leading);

}  // namespace dangvu::service::demo
