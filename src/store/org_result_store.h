#pragma once
// Organizations' results of a year (org_result_record, schema v23; core/org_result.h): their
// rating and emulation titles, appended, never changed or removed. A part of the store of its
// own: it runs on the store's connection and inside its transactions.
#include <vector>

#include "core/org_result.h"
#include "core/result.h"
#include "store/store.h"

namespace dangvu::store {

class OrgResultStore {
 public:
  explicit OrgResultStore(Store& store) : store_(store) {}

  // Every record of the year of the orgs named (every org's when none), in recording order.
  Result<std::vector<OrgResultRecord>> records_of_year(int year, const OrgFilter& orgs = {});
  // Every record of one org, in recording order.
  Result<std::vector<OrgResultRecord>> records(OrgId org);
  // Appends one record (inside a write transaction); its id.
  Result<OrgResultId> append(const OrgResultRecord& record);

 private:
  Result<std::vector<OrgResultRecord>> read(const std::string& where);
  Store& store_;
};

}  // namespace dangvu::store
