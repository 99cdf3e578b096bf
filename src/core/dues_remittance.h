#pragma once
// What an org sends up the tree of the dues it collected (issue 21: nộp đảng phí lên cấp trên):
// one record per sending, for a month or a quarter, appended and never edited; a mistake is
// cancelled by a record of its own. The dues report (figures/dues_report.h) sets what was
// recorded beside what the books give to send (DuesRules::kept_bp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/dues.h"
#include "core/org.h"

namespace dangvu {

using DuesRemittanceId = std::int64_t;

struct DuesRemittance {
  DuesRemittanceId id = 0;         // 0 until stored; the order of recording
  OrgId org = 0;                   // the org that sent it (whose book collected the money)
  std::optional<OrgId> recipient;  // its superior on the day it was sent
  Date first_month, last_month;    // the months it is for: one month, or a quarter's three
  Money amount = 0;
  Date sent_on;
  std::string reference;                    // the receipt or transfer's number, if any
  std::optional<DuesRemittanceId> cancels;  // this record cancels that one
  std::string note;                         // a cancellation: its reason
  std::string recorded_at, recorded_by;
};

// Of an org's records (in recording order, cancellations included), those standing: neither a
// cancellation nor cancelled.
std::vector<DuesRemittance> standing_remittances(const std::vector<DuesRemittance>& all);

}  // namespace dangvu
