#pragma once
// The demo's party dues: each member's basis for the demo's last two years (a category by
// occupation — the insured with a salary, pensioners, students —, a raise for some, a reduction
// for a few) and the payments of those years up to the demo's last day, in the book of the branch
// of each month (across the 2025 reorganization);
// most members pay every month, some miss one or two, a few miss three or more (the branch's
// list). From a random stream of its own, so that the registry's demo stays as it was.
#include <cstdint>
#include <map>
#include <vector>

#include "core/dossier.h"
#include "core/dues_ledger.h"
#include "core/dues_remittance.h"
#include "core/member_fold.h"
#include "core/org_history.h"

namespace dangvu::service::demo {

struct DemoDues {
  std::vector<DuesRecord> records;
  std::vector<DuesPayment> payments;
};

// `serial` numbers the person within its province (`province`, 1…); `last` is the demo's last day.
DemoDues dues_of(const MemberHistory& history, const std::vector<DossierRecord>& dossier,
                 int province, std::int64_t serial, Date last, const DuesRules& rules,
                 const std::string& recorded_at);

// What each book's org gives to send up, by org and the first month of the quarter: the
// payments, less the share the org's kind keeps (DuesRules::kept_bp), added as members load.
using DemoToSend = std::map<std::pair<OrgId, Date>, Money>;
void add_to_send(DemoToSend& to_send, const std::vector<DuesPayment>& payments,
                 const OrgHistory& history, const DuesRules& rules);

// What the orgs sent up for each quarter ended before `last`'s month: most the whole of it by the
// tenth of the month after, some part of it, a few nothing for the last quarter (the report's
// «Còn phải nộp»). From a random stream of its own.
std::vector<DuesRemittance> remittances_of(const DemoToSend& to_send, const OrgHistory& history,
                                           int province, Date last, const std::string& recorded_at);

}  // namespace dangvu::service::demo
