#pragma once
// Shared by the reads that list work records and conferences: names of orgs on a record's date,
// and the cancellations of the records listed, as a list shows them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/org_history.h"
#include "core/result.h"
#include "service/views.h"
#include "store/store.h"

namespace dangvu::service {

// The org's name on `d` (else its latest name: an org read back always has one).
std::string org_name_on(const OrgHistory& history, OrgId org, Date d);
// The name of the org's parent on `d`; none for a root (or an org unknown on `d`).
std::optional<std::string> parent_name_on(const OrgHistory& history, OrgId org, Date d);

// A cancellation as a person reads it: when, by whom (the account's display name, else the
// actor's label), why.
CancellationView cancellation_view(const store::CancellationRecord& c);

// The cancellations of these records of `kind`, by record id.
using CancellationViews = std::map<std::int64_t, CancellationView>;
Result<CancellationViews> cancellation_views(store::Store& store, CancelledKind kind,
                                             const std::vector<std::int64_t>& ids);
// The record's cancellation, if any.
std::optional<CancellationView> take(const CancellationViews& views, std::int64_t id);

}  // namespace dangvu::service
