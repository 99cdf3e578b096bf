#pragma once
// The demo's dossiers: each person's dated facts as an office of a Vietnamese province records
// them (a mostly Kinh membership with the minorities and religions of a province, education and
// qualification by age, political theory by years in the Party, some raised in the demo's last
// year), from a random stream of its own so that the registry's demo stays as it was.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dossier.h"
#include "core/member.h"

namespace dangvu::service::demo {

// An official member of a branch, and when: who may introduce a candidate of that branch.
struct Colleague {
  std::string code;
  Date from;  // recognized as official in the branch
  Date to;    // left it (Date::max() while there)
};

// The span a person was an official member of `branch`, if any (their life's events).
std::optional<Colleague> official_in(const std::string& code,
                                     const std::vector<MemberEvent>& events, OrgId branch);

// `serial` numbers the person within its province (`province`, 1…), for a citizen ID no one
// else has; `last` is the demo's last day. A person registered as a candidate gets an admission
// file (core/admission.h) — most of them complete, with sponsors from `colleagues`, the branch's
// official members made before them.
std::vector<DossierRecord> dossier_of(const Person& person, const std::vector<MemberEvent>& events,
                                      int province, std::int64_t serial, Date last,
                                      const std::vector<Colleague>& colleagues);

}  // namespace dangvu::service::demo
