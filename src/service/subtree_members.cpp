#include "service/subtree_members.h"

#include <set>

#include "store/statistics_store.h"

namespace dangvu::service {
namespace {

constexpr std::size_t kMaxNamedOrgs = 2000;

}  // namespace

Status each_member_on(store::Store& store, const OrgTree& tree, OrgId root, Date day,
                      const std::function<void(const ProfileView&, OrgId)>& each) {
  const std::vector<OrgId> subtree = tree.subtree(root);
  const std::set<OrgId> inside(subtree.begin(), subtree.end());
  store::OrgFilter orgs;
  if (subtree.size() <= kMaxNamedOrgs) orgs = subtree;
  store::StatisticsStore stats(store);
  // Nobody is admitted in an empty range: the orgs' members only.
  return stats.each_profile(orgs, day, day.add_days(-1), [&](const ProfileView& p) {
    const ProfileView::Period* period = p.period_on(day);
    if (period == nullptr || !is_member(period->status) || !period->org ||
        inside.count(*period->org) == 0) {
      return;
    }
    each(p, *period->org);
  });
}

}  // namespace dangvu::service
