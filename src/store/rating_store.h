#pragma once
// Members' quality rating records (rating_record, schema v22; core/rating.h): appended, never
// changed or removed. A part of the store of its own: it runs on the store's connection and
// inside its transactions.
#include <utility>
#include <vector>

#include "core/member.h"
#include "core/rating.h"
#include "core/result.h"
#include "store/store.h"

namespace dangvu::store {

class RatingStore {
 public:
  explicit RatingStore(Store& store) : store_(store) {}

  // Every record of the member, in the order recorded.
  Result<std::vector<RatingRecord>> records(MemberId member);
  // The records of the year of several members (read in lists of 1,000), by member, each in
  // recording order.
  Result<std::vector<std::pair<MemberId, RatingRecord>>> records_of(
      const std::vector<MemberId>& members, int year);
  // The standing decisions of the year (not cancelled), counted by category and by the org each
  // member belonged to on `on` (the year's last day, or today while it runs); members of the
  // orgs named only, when named.
  struct DecidedCount {
    OrgId org = 0;
    RatingCategory category = RatingCategory::completed;
    long long count = 0;
  };
  Result<std::vector<DecidedCount>> decided_by_org(int year, Date on, const OrgFilter& orgs = {});
  // Appends one record (inside a write transaction); its id.
  Result<RatingRecordId> append(MemberId member, const RatingRecord& record);

 private:
  Result<std::vector<std::pair<MemberId, RatingRecord>>> read(const std::string& where);
  Store& store_;
};

}  // namespace dangvu::store
