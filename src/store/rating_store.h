#pragma once
// Members' quality rating records (rating_record, schema v22; core/rating.h): appended, never
// changed or removed. A part of the store of its own: it runs on the store's connection and
// inside its transactions.
#include <utility>
#include <vector>

#include "core/member.h"
#include "core/rating.h"
#include "core/result.h"

namespace dangvu::store {

class Store;

class RatingStore {
 public:
  explicit RatingStore(Store& store) : store_(store) {}

  // Every record of the member, in the order recorded.
  Result<std::vector<RatingRecord>> records(MemberId member);
  // The records of the year of several members (read in lists of 1,000), by member, each in
  // recording order.
  Result<std::vector<std::pair<MemberId, RatingRecord>>> records_of(
      const std::vector<MemberId>& members, int year);
  // Appends one record (inside a write transaction); its id.
  Result<RatingRecordId> append(MemberId member, const RatingRecord& record);

 private:
  Result<std::vector<std::pair<MemberId, RatingRecord>>> read(const std::string& where);
  Store& store_;
};

}  // namespace dangvu::store
