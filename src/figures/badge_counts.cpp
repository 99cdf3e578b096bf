#include "figures/badge_counts.h"

#include <map>

#include "core/badge_award.h"
#include "core/member_profile.h"
#include "store/badge_store.h"
#include "store/dues_store.h"

namespace dangvu::figures {
namespace {

// The org the member belonged to on `day`, or last before it (a member who died before the
// occasion of a posthumous badge).
std::optional<OrgId> org_for(const ProfileView& p, Date day) {
  std::optional<OrgId> org;
  for (const auto& period : p.periods) {
    if (period.from > day) break;
    if (is_member(period.status) && period.org) org = period.org;
  }
  return org;
}

}  // namespace

Result<StatTable> badges_table(store::Store& store, const StatisticsInput& in) {
  StatTable t{"badges", "Biểu 7. Tặng, cấp lại Huy hiệu Đảng", {}};
  // An award counts in the period of its occasion; a reissue in that of its decision.
  auto recorded = store::BadgeStore(store).records_of_period(in.from, in.to);
  if (!recorded.ok()) return recorded.error();
  std::map<MemberId, std::vector<BadgeRecord>> logs;
  for (auto& [m, r] : *recorded) logs[m].push_back(std::move(r));
  std::vector<MemberId> ids;
  for (const auto& [m, log] : logs) {
    for (const auto& h : badges_held(log)) {
      const bool awarded = h.award.occasion >= in.from && h.award.occasion <= in.to;
      bool reissued = false;
      for (const auto& r : h.reissues)
        reissued = reissued || (r.dated >= in.from && r.dated <= in.to);
      if (awarded || reissued) {
        ids.push_back(m);
        break;
      }
    }
  }
  auto profiles = store::DuesStore(store).profiles_of(ids);
  if (!profiles.ok()) return profiles.error();
  std::map<int, std::int64_t> by_years;
  std::int64_t total = 0, posthumous = 0, illness = 0, reissued = 0;
  for (MemberId m : ids) {
    const auto text = profiles->find(m);
    ProfileView p;
    if (text == profiles->end() || !parse_profile(text->second, p)) continue;
    for (const auto& h : badges_held(logs[m])) {
      if (h.award.occasion >= in.from && h.award.occasion <= in.to) {
        const auto org = org_for(p, h.award.occasion);
        if (org && within_on(in.history, *org, in.root, h.award.occasion)) {
          ++total;
          ++by_years[h.award.years];
          if (h.award.ground == BadgeGround::posthumous) ++posthumous;
          if (h.award.ground == BadgeGround::illness) ++illness;
        }
      }
      for (const auto& r : h.reissues) {
        if (r.dated < in.from || r.dated > in.to) continue;
        const auto org = org_for(p, r.dated);
        if (org && within_on(in.history, *org, in.root, r.dated)) ++reissued;
      }
    }
  }
  t.lines.push_back({"badges.awarded", "Số đảng viên được tặng Huy hiệu Đảng", 0, total, {}});
  t.lines.push_back({"badges.posthumous", "Trong đó: truy tặng", 2, posthumous, {}});
  t.lines.push_back({"badges.illness", "Trong đó: tặng sớm do bệnh hiểm nghèo", 2, illness, {}});
  for (int years : in.rules.badge_years) {
    const auto n = by_years.find(years);
    t.lines.push_back({"badges." + std::to_string(years),
                       "Huy hiệu " + std::to_string(years) + " năm tuổi Đảng",
                       1,
                       n == by_years.end() ? 0 : n->second,
                       {}});
  }
  t.lines.push_back({"badges.reissued", "Cấp lại Huy hiệu Đảng", 0, reissued, {}});
  return t;
}

}  // namespace dangvu::figures
