#include "core/rollup.h"

namespace dangvu {

std::optional<OrgId> resolve_org_at(const OrgHistory& history, OrgId org, Date at) {
  std::optional<OrgId> cur = org;
  for (int guard = 0; cur && guard < 64; ++guard) {
    if (history.version_at(*cur, at)) return cur;
    const OrgVersion* last = history.latest(*cur);
    if (last == nullptr || last->valid_to > at) return std::nullopt;  // not yet created on `at`
    cur = last->successor;
  }
  return std::nullopt;
}

}  // namespace dangvu
