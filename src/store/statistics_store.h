#pragma once
// What the member statistics (biểu thống kê) read: the member profiles of a subtree (one scan
// serves every table of both years, the changes of period among them; figures/statistics.cpp
// counts them).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/dues_digest.h"
#include "core/member.h"
#include "core/member_profile.h"
#include "core/result.h"
#include "store/store.h"

namespace dangvu::store {

struct ProfileBatch;  // statistics_store.cpp

class StatisticsStore {
 public:
  explicit StatisticsStore(Store& store) : store_(store) {}

  // Calls `each` with every member profile (core/member_profile.h) of a member ever in one of
  // `orgs` (all members when none are named) or admitted or readmitted from `admitted_from` to
  // `admitted_to` anywhere. A profile that cannot be read is an error. Every member's are read
  // `per_read` at a time (the nation's 5.6 million would otherwise come back from PostgreSQL as
  // one result held in memory), on a thread of their own while this one counts: `each` runs on
  // the calling thread and must not use the store.
  static constexpr long long kProfilesPerRead = 50000;
  Status each_profile(const OrgFilter& orgs, Date admitted_from, Date admitted_to,
                      const std::function<void(const ProfileView&)>& each,
                      long long per_read = kProfilesPerRead);
  // The same (nobody admitted in a range: the orgs' members only), each profile with the
  // member's dues digest rows of `years` (core/dues_digest.h; year 0, the records, always): read
  // on the reading thread a batch of members at a time, so the dues report's reading overlaps
  // its counting (figures/dues_report.cpp).
  Status each_profile_with_dues(
      const OrgFilter& orgs, const std::vector<int>& years,
      const std::function<void(const ProfileView&, const DuesDigest&)>& each,
      long long per_read = kProfilesPerRead);
  // The members whose profile is missing or differs from what their periods, milestones and
  // dossier give now (none, unless a write went around the store).
  Result<std::vector<MemberId>> profiles_out_of_date();

 private:
  // The scan behind both: `attach` runs on the reading thread with each batch before it is
  // handed on; `each` gets the profile and its place in the batch.
  Status scan(
      const OrgFilter& orgs, Date admitted_from, Date admitted_to, long long per_read,
      const std::function<void(ProfileBatch&)>& attach,
      const std::function<void(const ProfileView&, const ProfileBatch&, std::size_t)>& each);
  Store& store_;
};

}  // namespace dangvu::store
