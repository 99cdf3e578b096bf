#pragma once
// What the member statistics (biểu thống kê) read: the member profiles of a subtree (one scan
// serves every table of both years; figures/statistics.cpp counts them), and the changes of
// status or org that start in a period, grouped in SQL.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/member.h"
#include "core/member_profile.h"
#include "core/result.h"
#include "store/store.h"

namespace dangvu::store {

// Members whose period changed on `on` from (from_org, from_status) to (to_org, to_status); a
// first period has no "from".
struct TransitionCount {
  std::optional<OrgId> from_org;
  MemberStatus from_status = MemberStatus::none;
  std::optional<OrgId> to_org;
  MemberStatus to_status = MemberStatus::none;
  Date on;
  std::int64_t count = 0;
};

class StatisticsStore {
 public:
  explicit StatisticsStore(Store& store) : store_(store) {}

  // Calls `each` with every member profile (core/member_profile.h) of a member ever in one of
  // `orgs` (all members when none are named) or admitted or readmitted from `admitted_from` to
  // `admitted_to` anywhere. A profile that cannot be read is an error. Every member's are read
  // `per_read` at a time (the nation's 5.6 million would otherwise come back from PostgreSQL as
  // one result held in memory).
  static constexpr long long kProfilesPerRead = 50000;
  Status each_profile(const OrgFilter& orgs, Date admitted_from, Date admitted_to,
                      const std::function<void(const ProfileView&)>& each,
                      long long per_read = kProfilesPerRead);
  // The members whose profile is missing or differs from what their periods, milestones and
  // dossier give now (none, unless a write went around the store).
  Result<std::vector<MemberId>> profiles_out_of_date();
  // Every change of status or org that starts from `from` to `to` (all orgs: the caller keeps
  // those that cross its subtree's edge).
  Result<std::vector<TransitionCount>> transitions(Date from, Date to);

 private:
  Store& store_;
};

}  // namespace dangvu::store
