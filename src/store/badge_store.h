#pragma once
// Members' Party badge records (badge_record, schema v21; core/badge_award.h): appended, never
// changed or removed. A part of the store of its own: it runs on the store's connection and
// inside its transactions.
#include <utility>
#include <vector>

#include "core/badge_award.h"
#include "core/member.h"
#include "core/result.h"

namespace dangvu::store {

class Store;

class BadgeStore {
 public:
  explicit BadgeStore(Store& store) : store_(store) {}

  // Every record of the member, in the order recorded.
  Result<std::vector<BadgeRecord>> records(MemberId member);
  // The records of several members (read in lists of 1,000), by member, each in recording order.
  Result<std::vector<std::pair<MemberId, BadgeRecord>>> records_of(
      const std::vector<MemberId>& members);
  // Every record of the members with an award for an occasion, or a reissue decided, from
  // `first` to `last`: a period's badges.
  Result<std::vector<std::pair<MemberId, BadgeRecord>>> records_of_period(Date first, Date last);
  // Appends one record (inside a write transaction); its id.
  Result<BadgeRecordId> append(MemberId member, const BadgeRecord& record);
  // A bulk load (the demo, inside a write transaction): the awards, several to a statement; then
  // each of them whose occasion is on or before `presented_by` presented on its occasion, in one
  // statement.
  Status insert_loaded(const std::vector<std::pair<MemberId, BadgeRecord>>& awards,
                       Date presented_by);

 private:
  Store& store_;
};

}  // namespace dangvu::store
