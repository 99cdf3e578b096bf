#include "core/member_orgs.h"

namespace dangvu {

namespace {

// The first date in [from, to) on which `org` is missing or may not hold members, if any.
std::optional<OrgBreak> first_gap(const OrgHistory& history, const RuleSet& rules, OrgId org,
                                  Date from, Date to, bool temporary) {
  Date d = from;
  while (d < to) {
    const OrgVersion* v = history.version_at(org, d);
    if (v == nullptr) return OrgBreak{d, org, temporary, true};
    if (!rules.holds_members(v->kind)) return OrgBreak{d, org, temporary, false};
    if (v->valid_to <= d) break;  // a malformed version; never loop
    d = v->valid_to;
  }
  return std::nullopt;
}

}  // namespace

std::vector<OrgBreak> org_breaks(const MemberHistory& member, const OrgHistory& history,
                                 const RuleSet& rules) {
  std::vector<OrgBreak> out;
  // A stretch in one org that spans several periods (a recognition in between) breaks once.
  std::optional<OrgId> broken_org, broken_temp;
  for (const auto& p : member.periods) {
    if (!is_member(p.status) && p.status != MemberStatus::candidate) {
      broken_org.reset();
      broken_temp.reset();
      continue;
    }
    if (p.org && p.org != broken_org) {
      broken_org.reset();
      if (auto b = first_gap(history, rules, *p.org, p.from, p.to, false)) {
        out.push_back(*b);
        broken_org = p.org;
      }
    }
    if (p.temp_org != broken_temp) broken_temp.reset();
    if (p.temp_org && !broken_temp) {
      if (auto b = first_gap(history, rules, *p.temp_org, p.from, p.to, true)) {
        out.push_back(*b);
        broken_temp = p.temp_org;
      }
    }
  }
  return out;
}

}  // namespace dangvu
