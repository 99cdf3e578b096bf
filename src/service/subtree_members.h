#pragma once
// Private to service/: the members of an org's subtree on a day, from one scan of the member
// profiles (store/statistics_store.h) — each profile with the org the member was in then. What
// the list of an occasion's badges and the rating round start from.
#include <functional>

#include "core/member_profile.h"
#include "core/org_tree.h"
#include "store/store.h"

namespace dangvu::service {

// Calls `each` for every member (probationary or official) of an org of `tree`'s subtree of
// `root` on `day`, with that org. A large subtree is read whole rather than named in a list (as
// the dues report does).
Status each_member_on(store::Store& store, const OrgTree& tree, OrgId root, Date day,
                      const std::function<void(const ProfileView&, OrgId)>& each);

}  // namespace dangvu::service
