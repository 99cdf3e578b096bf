#pragma once
// What the dues use cases take and give (service/dues_actions.cpp): a member's basis, exemptions
// and reductions; the branch's dues book for a year; a month's payments recorded at once; a
// payment cancelled.
#include <optional>
#include <string>
#include <vector>

#include "core/dues_ledger.h"
#include "core/dues_remittance.h"
#include "figures/dues_report.h"
#include "io/dues_sheet.h"

namespace dangvu::service {

// One record of a member's dues: `kind` basis (category, base from a month), exemption (ground,
// decision, from and to) or reduction (percent, decision, from and to); with `replaces`, a
// correction of the record numbered so, or with `voids` its cancellation.
struct DuesRecordInput {
  std::string member_code = {};
  std::string kind = {};  // basis | exemption | reduction
  std::string from = {};  // "2026-02"
  std::string to = {};    // "2026-12" or empty (open)
  std::string category = {};
  std::optional<long long> base = {};
  std::string ground = {};
  int percent = 0;
  std::string decision_no = {};
  std::string decided_by = {};
  std::optional<long long> replaces = {};
  bool voids = false;
  std::string note = {};
};

// A month's payments of a branch, recorded as one action: each ticked member with what they paid
// (the amount owed when none is given).
struct DuesPaymentInput {
  std::string member_code = {};
  std::optional<long long> amount = {};
  std::string paid_on = {};  // ISO; the day of recording when empty
  std::string channel = "cash";
  std::string reference = {};
  std::string note = {};
};
struct DuesMonthInput {
  std::string org_code = {};
  std::string month = {};  // "2026-02"
  std::vector<DuesPaymentInput> payments = {};
};

struct DuesCancelInput {
  std::string member_code = {};
  long long payment = 0;
  std::string reason = {};
};

// One member's month as the book shows it.
struct DuesMonthView {
  Date month;
  bool in_book = false;          // the member's dues for this month belong to this org's book
  std::optional<DuesOwed> owed;  // none: the basis lacks `missing`, or not in the book
  // "category" / "base" when the basis lacks it; "rules" when it names a category, ground or
  // rate the rule set no longer has.
  std::string missing;
  std::optional<DuesPayment> payment;
};

struct DuesBookRow {
  std::string member_code;
  std::string name;
  std::string category;               // in force at the book's last month shown, if any
  std::vector<DuesMonthView> months;  // the book's months, in order
  Money owed = 0, paid = 0;
  // In the book, owed more than 0 and not paid, before this month (a month without a recorded
  // basis is not counted: it shows as missing).
  int unpaid_months = 0;
  bool flagged = false;  // unpaid_months reached the rule set's unpaid_months_flag
  // What the branch should know this month or next: the member reaching the party age that
  // exempts them ("dues.party_age_exempt"), a reduction ending ("dues.reduction_ending").
  struct Notice {
    std::string rule;
    std::string message;
  };
  std::vector<Notice> notices;
};

struct DuesBookView {
  std::string org_code, org_name;
  int year = 0;
  Date last_month;  // the last month counted (this month while the year runs)
  std::vector<Date> months;
  std::vector<DuesBookRow> rows;
  Money owed = 0, paid = 0;
};

struct DuesMemberView {
  std::string member_code;
  int year = 0;
  std::vector<DuesRecord> records;  // every record, as recorded
  std::vector<DuesRecordId> replaced;
  std::vector<DuesPayment> payments;  // every payment record
  std::vector<DuesPaymentId> cancelled;
  std::vector<DuesMonthView> months;  // the year's, wherever the member was
};

// The dues report of a subtree for a period (service/dues_report.cpp; figures/dues_report.h).
struct DuesReportLineView {
  std::string org_code, org_name;  // the org directly under the root (the root: its own members)
  figures::DuesFigures figures;
  std::optional<double> percent;  // collected ÷ owed × 100; none when nothing was owed
};

struct DuesReportView {
  std::string org_code, org_name;
  std::string period, period_label;
  Date from, to;  // the period's first and last day
  Date as_of;     // the last day counted (today while the period runs)
  std::vector<Date> months;
  DuesReportLineView total;
  std::vector<DuesReportLineView> lines;
  std::vector<DuesReportLineView> by_month;  // org_code: the month "2026-02", org_name "02/2026"
};

// What an org sent up the tree of the dues it collected, for a month ("2026-03") or a quarter
// ("2026-Q1") (service/dues_remittances.cpp).
struct DuesRemittanceInput {
  std::string org_code = {};
  std::string period = {};
  std::optional<long long> amount = {};
  std::string sent_on = {};  // ISO; the day of recording when empty
  std::string reference = {};
  std::string note = {};
};

struct DuesRemittanceCancelInput {
  std::string org_code = {};
  long long remittance = 0;
  std::string reason = {};
};

struct DuesRemittanceView {
  DuesRemittance record;
  std::string period, period_label;  // "2026-Q1", "quý I năm 2026"
  std::string recipient_code, recipient_name;
  bool cancelled = false;
};

// An org's year of sending up: what its own book gives to send (the dues report's line of its
// own members) beside what it recorded, and every record.
struct DuesRemittancesView {
  std::string org_code, org_name;
  int year = 0;
  Date as_of;                               // the last day counted (today while the year runs)
  Money collected = 0;                      // its own book's, for the year's months so far
  Money kept = 0;                           // its share of that (DuesRules::kept_bp)
  Money to_send = 0;                        // the rest
  Money sent = 0;                           // recorded, not cancelled
  std::vector<DuesRemittanceView> records;  // every record of the year, cancellations too
};

// A file of payments made on the National Public Service Portal (or typed by an office), recorded
// at once (service/dues_import.cpp): each row matched to a member by card number or citizen ID,
// checked as a payment recorded by hand is, and recorded in one transaction — all rows or none,
// or the valid rows only; a row already recorded (the same transaction number, or the same month,
// amount and day) is left as it is, so importing a file again changes nothing.
struct DuesImportInput {
  std::string data;       // the file's bytes
  std::string file_name;  // for the audit log
  io::SheetOptions options;
  bool dry_run = false;     // check everything, write nothing
  bool valid_only = false;  // record the rows that pass, report the others
};

struct DuesImportReport {
  std::string file_name, format, sheet;
  std::int64_t header_row = 0;
  std::int64_t rows = 0;       // data rows read
  std::int64_t recorded = 0;   // payments recorded (or that would be, in a dry run)
  std::int64_t unchanged = 0;  // already recorded
  std::int64_t rejected = 0;   // rows with an error
  Money amount = 0;            // what the recorded rows paid
  bool dry_run = false;
  bool written = false;
  std::vector<io::Problem> problems;  // the first io::kMaxListedProblems, rows in file order
  io::OmittedProblems omitted;
};

}  // namespace dangvu::service
