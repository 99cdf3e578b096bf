#pragma once
// A member's dues as the dues report reads them (dues_digest, derived in the transaction that
// appends a dues record or payment, never written by hand): one row of the records in force
// (corrections and cancellations applied) and one row a year of the payments standing in it. A
// report of a province's year is then one scan of short rows beside the member profiles, instead
// of every record and payment row (figures/dues_report.cpp).
//
// The text is one line per fact, fields split by tabs; a month is its number (year × 12 + month
// − 1), an open end is empty:
//   records:  B <from> <category> <base or empty>
//             E <from> <to or empty> <ground>
//             R <from> <to> <percent>
//   a year:   <month> <amount> <org> <c|p>   (the channel: cash or the portal)
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/dues_ledger.h"

namespace dangvu {

struct DuesDigest {
  std::string records;               // empty: no record in force
  std::map<int, std::string> years;  // by calendar year, only years with a payment standing
};

DuesDigest encode_dues_digest(const DuesLedger& ledger);

// Read back into `out` (cleared first): records numbered 1, 2 … in their order, payments with
// their month, amount, org and channel. False when the text is not a digest.
bool parse_dues_records(std::string_view text, std::vector<DuesRecord>& out);
bool parse_dues_payments(std::string_view text, std::vector<DuesPayment>& out);

}  // namespace dangvu
