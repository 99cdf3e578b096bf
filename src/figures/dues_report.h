#pragma once
// The dues report of an org's subtree for a period (báo cáo thu, nộp đảng phí): for the subtree
// and for each org directly under its root, the members whose dues are in the books, who owe,
// who paid and who did not, who is exempt or reduced, and the money owed, collected, kept and
// remitted, and still outstanding. Each month counts the books of the orgs inside the subtree on
// its first day (the tree as it was then), and each book exactly as the branch's own dues book
// shows it (service/dues_actions.cpp): the report's totals are the sum of the books.
//
// One scan of the member profiles (the months' orgs and the party age) beside the members' dues
// digests (core/dues_digest.h); then the orgs' records of what they sent up.
#include <cstdint>
#include <vector>

#include "core/dues.h"
#include "core/org_history.h"
#include "store/store.h"

namespace dangvu::figures {

struct DuesFigures {
  std::int64_t members = 0;           // with a month in a book of the subtree
  std::int64_t members_owing = 0;     // owed more than 0 in some month
  std::int64_t members_paid = 0;      // owing, and no month owed before this month unpaid
  std::int64_t members_unpaid = 0;    // owing, with a month owed before this month unpaid
  std::int64_t members_exempt = 0;    // exempt in some month (party age or a ground)
  std::int64_t members_reduced = 0;   // reduced in some month
  std::int64_t members_no_basis = 0;  // some month without a recorded basis (the office's gap)
  std::int64_t months_unpaid = 0;     // member-months owed before this month and not paid
  Money owed = 0;                     // what the months counted owe
  Money collected = 0;                // what was paid for them
  Money outstanding = 0;              // owed by the months unpaid before this month
  Money kept = 0;      // the books' orgs' share of what they collected (DuesRules::kept_bp)
  Money remitted = 0;  // the rest, to send up the tree
  // What the orgs recorded as sent up (core/dues_remittance.h) for the months counted: each
  // record in the month it ends with, on the line of its org then.
  Money sent_up = 0;
};

struct DuesReportLine {
  // An org directly under the root, or the root itself (its own members); only those with a
  // member in the period's books.
  OrgId org = 0;
  DuesFigures figures;
};

struct DuesReport {
  DuesFigures total;
  std::vector<DuesReportLine> lines;  // the root first, then by code
  std::vector<DuesFigures> months;    // one per input month, over the whole subtree
};

struct DuesReportInput {
  const OrgHistory& history;
  OrgId root = 0;
  std::vector<Date> months;  // the first days of the months counted, in order
  Date this_month;           // a month owed before it and not paid is outstanding
  const DuesRules& rules;
};

Result<DuesReport> dues_report(store::Store& store, const DuesReportInput& in);

}  // namespace dangvu::figures
