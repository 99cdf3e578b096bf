#pragma once
// The demo's dossiers: each person's dated facts as an office of a Vietnamese province records
// them (a mostly Kinh membership with the minorities and religions of a province, education and
// qualification by age, political theory by years in the Party, some raised in the demo's last
// year), from a random stream of its own so that the registry's demo stays as it was.
#include <cstdint>
#include <vector>

#include "core/dossier.h"
#include "core/member.h"

namespace dangvu::service::demo {

// `serial` numbers the person within its province (`province`, 1…), for a citizen ID no one
// else has; `last` is the demo's last day.
std::vector<DossierRecord> dossier_of(const Person& person, const std::vector<MemberEvent>& events,
                                      int province, std::int64_t serial, Date last);

}  // namespace dangvu::service::demo
