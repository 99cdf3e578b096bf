#pragma once
// The demo's party dues: each member's basis for the demo's last two years (a category by
// occupation — the insured with a salary, pensioners, students —, a raise for some, a reduction
// for a few) and the payments of those years up to the demo's last day, in the book of the branch
// of each month (across the 2025 reorganization);
// most members pay every month, some miss one or two, a few miss three or more (the branch's
// list). From a random stream of its own, so that the registry's demo stays as it was.
#include <cstdint>
#include <vector>

#include "core/dossier.h"
#include "core/dues_ledger.h"
#include "core/member_fold.h"

namespace dangvu::service::demo {

struct DemoDues {
  std::vector<DuesRecord> records;
  std::vector<DuesPayment> payments;
};

// `serial` numbers the person within its province (`province`, 1…); `last` is the demo's last day.
DemoDues dues_of(const MemberHistory& history, const std::vector<DossierRecord>& dossier,
                 int province, std::int64_t serial, Date last, const DuesRules& rules,
                 const std::string& recorded_at);

}  // namespace dangvu::service::demo
