#pragma once
// The leaf counts of the member statistics (biểu thống kê): members on a date, or admitted in a
// period, grouped by org and by what the forms count them by (status, gender, age band, era of
// admission, Youth Union; each dossier field's value), and the changes of status or org that
// start in a period. Grouped in SQL by org; figures/statistics.cpp adds them up over the tree.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/member.h"
#include "core/result.h"
#include "core/statistics_rules.h"
#include "store/store.h"

namespace dangvu::store {

struct PersonCount {
  OrgId org = 0;
  MemberStatus status = MemberStatus::none;
  Gender gender = Gender::unknown;
  int age_band = 0;  // index into age_band_upper; its size: above the last
  int era = 0;       // index into admission_eras
  bool youth_union = false;
  std::int64_t count = 0;
  std::int64_t age_sum = 0;  // their ages added up (for the average)
  std::optional<Date> on;    // for the admitted: the day (their org's subtree then counts)
};

struct ValueCount {
  OrgId org = 0;
  std::string field;
  std::string value;
  std::int64_t count = 0;
  std::optional<Date> on;  // for the admitted: the day
};

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

// Whom a count is over: the members (probationary or official) on `at`, or those admitted or
// readmitted from `admitted_from` to `at` (counted at the org that admitted them, on the day:
// grouped by it too), analysed as of `at` either way.
struct StatisticsScope {
  Date at;
  std::optional<Date> admitted_from;
  OrgFilter orgs;
};

class StatisticsStore {
 public:
  explicit StatisticsStore(Store& store) : store_(store) {}

  Result<std::vector<PersonCount>> by_person(const StatisticsScope& scope,
                                             const StatisticsRules& rules);
  Result<std::vector<ValueCount>> by_value(const StatisticsScope& scope,
                                           const std::vector<std::string>& fields);
  // Every change of status or org that starts from `from` to `to` (all orgs: the caller keeps
  // those that cross its subtree's edge).
  Result<std::vector<TransitionCount>> transitions(Date from, Date to);

 private:
  Store& store_;
};

}  // namespace dangvu::store
