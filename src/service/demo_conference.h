#pragma once
// The demo's past review conference (demo_conference.cpp).
#include <string>

#include "core/result.h"
#include "service/registry.h"

namespace dangvu::service::demo {

// Records the review of the first quarter of 2026 of `org_code` (a grassroots committee with at
// least two branches), held on 08/04/2026, with attendance, the report, speeches, the conclusion
// and three tasks (done, overdue after 30/06/2026, open until 31/12/2026), through the registry's
// use cases.
Status add_past_conference(Registry& r, const std::string& org_code);

}  // namespace dangvu::service::demo
