#pragma once
// A member's dues records and payments (issue 21), and what they give for a month: the basis in
// force (core/dues.h's DuesBasis), the amount owed, the branch whose book the month belongs to,
// and whether it was paid. Records are appended, never edited: a correction is a record that
// replaces an earlier one, a cancellation one that voids it; a payment is cancelled by a record
// of its own. Pure: the service reads the rows (store/dues_store.h) and the member's history.
//
// A month is the Date of its first day; stored and typed as "2026-02", shown as "02/2026".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/dues.h"
#include "core/member_fold.h"

namespace dangvu {

using DuesRecordId = std::int64_t;
using DuesPaymentId = std::int64_t;

// "2026-02" → 01/02/2026; the error names `field`.
Result<Date> parse_month(std::string_view text, std::string_view field);
std::string month_iso(Date month);  // "2026-02"
std::string month_vi(Date month);   // "02/2026"
Date month_of(Date day);            // the first day of its month
Date next_month(Date month);

// How many months from `from` to `to`, both counted (01/2026 to 12/2026: 12).
int months_between(Date from, Date to);

enum class DuesRecordKind { basis, exemption, reduction };
std::string_view to_string(DuesRecordKind k);
std::optional<DuesRecordKind> parse_dues_record_kind(std::string_view text);

struct DuesRecord {
  DuesRecordId id = 0;  // 0 until stored; the order of recording
  DuesRecordKind kind = DuesRecordKind::basis;
  Date from;                             // the first month it applies to
  std::optional<Date> to;                // exemption, reduction: the last month (none: open)
  std::string category;                  // basis: a category of DuesRules
  std::optional<Money> base;             // basis: the category's base (see DuesRules)
  std::string ground;                    // exemption: a ground of DuesRules::exemption_grounds
  int percent = 0;                       // reduction: one of DuesRules::reduction_percents
  std::string decision_no;               // exemption, reduction: the decision ("12-QĐ/ĐU")
  std::string decided_by;                // the level that decided (an org's name as written)
  std::optional<DuesRecordId> replaces;  // a correction of, or (void) a cancellation of
  bool voids = false;                    // cancels `replaces` and stands for nothing itself
  std::string note;
  std::string recorded_at, recorded_by;
};

enum class DuesChannel { cash, portal };
std::string_view to_string(DuesChannel c);
std::string_view label_vi(DuesChannel c);  // "Tiền mặt tại chi bộ", "Cổng Dịch vụ công quốc gia"
std::optional<DuesChannel> parse_dues_channel(std::string_view text);

struct DuesPayment {
  DuesPaymentId id = 0;
  Date month;
  Money amount = 0;
  Date paid_on;
  DuesChannel channel = DuesChannel::cash;
  OrgId org = 0;                         // the branch it was paid to
  std::string reference;                 // the portal's transaction number, if any
  std::optional<DuesPaymentId> cancels;  // this record cancels that payment
  std::string note;
  std::string recorded_at, recorded_by;
};

// The records in force (corrections applied) and the payments standing (cancellations
// applied) of one member.
class DuesLedger {
 public:
  DuesLedger(std::vector<DuesRecord> records, std::vector<DuesPayment> payments);

  // Records in force, in recording order; `replaced` tells which ones a later one replaced.
  const std::vector<DuesRecord>& records() const { return records_; }
  bool replaced(DuesRecordId id) const;
  const DuesRecord* record(DuesRecordId id) const;
  // The payment standing for `month`, if any.
  const DuesPayment* paid(Date month) const;
  const std::vector<DuesPayment>& payments() const { return payments_; }
  bool cancelled(DuesPaymentId id) const;

  // The record of `kind` in force in `month` (the latest recorded of those that cover it).
  const DuesRecord* in_force(DuesRecordKind kind, Date month) const;
  // What the dues of `month` rest on, the party age taken from `history`.
  DuesBasis basis_for(Date month, const DuesRules& rules, const MemberHistory& history) const;
  // The same, with the member's party age on the month's first day given (the report reads it
  // from the member's profile).
  DuesBasis basis_for(Date month, const DuesRules& rules, int party_age_years) const;

 private:
  std::vector<DuesRecord> records_;  // every record, in recording order
  std::vector<DuesRecordId> replaced_;
  std::vector<DuesPayment> payments_;  // every record, cancellations included
  std::vector<DuesPaymentId> cancelled_;
};

// The org whose book holds the member's dues for `month`: the org they belonged to on the
// month's first day as a member (probationary or official), or on the first day they were one
// in it (an admission or a return mid-month). None when not a member in any day of it.
std::optional<OrgId> dues_org_for(const MemberHistory& history, Date month);

// The same over date-ordered periods with `from`, `to`, `status` and `org` (a member profile's).
template <typename Periods>
std::optional<OrgId> dues_org_in(const Periods& periods, Date month) {
  const Date next = next_month(month);
  for (const auto& p : periods) {
    if (p.from >= next) break;
    if (p.to <= month || !is_member(p.status)) continue;
    if (p.org) return p.org;
  }
  return std::nullopt;
}

}  // namespace dangvu
