#pragma once
// Party dues (dues_record, dues_payment; schema v18): each member's records and payments,
// appended, never changed or removed. A part of the store of its own: it runs on the store's
// connection and inside its transactions.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dues_digest.h"
#include "core/dues_ledger.h"
#include "core/dues_remittance.h"
#include "core/member.h"
#include "core/result.h"
#include "store/store.h"

namespace dangvu::store {

class Store;

class DuesStore {
 public:
  explicit DuesStore(Store& store);
  ~DuesStore();
  DuesStore(const DuesStore&) = delete;
  DuesStore& operator=(const DuesStore&) = delete;

  // The members who were members (probationary or official) of `org` on some day from `from` to
  // before `to`: those whose dues may be in its book then.
  Result<std::vector<MemberId>> members_in(OrgId org, Date from, Date to);
  // Of `keys` (member codes or card numbers), the member each names (a code before a card); keys
  // that cannot be either (not [A-Za-z0-9._-]) name no one.
  Result<std::unordered_map<std::string, MemberId>> members_by_code_or_card(
      const std::vector<std::string>& keys);
  // The member profiles (core/member_profile.h) of `members`, as stored, by member.
  Result<std::unordered_map<MemberId, std::string>> profiles_of(
      const std::vector<MemberId>& members);
  // Every record of the member, in the order recorded.
  Result<std::vector<DuesRecord>> records(MemberId member);
  // Every payment record of the member (cancellations too), in the order recorded.
  Result<std::vector<DuesPayment>> payments(MemberId member);
  // The records and payments of several members at once (a book's), by member.
  Result<std::vector<std::pair<MemberId, DuesRecord>>> records_of(
      const std::vector<MemberId>& members);
  // With `months`, only the payments for those months (an import's: what it needs to know of
  // them is whether the file's months are paid).
  Result<std::vector<std::pair<MemberId, DuesPayment>>> payments_of(
      const std::vector<MemberId>& members, const std::vector<Date>& months = {});
  // A payment by its portal reference, if one was recorded and not cancelled.
  Result<std::optional<std::pair<MemberId, DuesPaymentId>>> payment_by_reference(
      const std::string& reference);
  // Appends (inside a write transaction) and derives the member's digest again; the new row's id.
  Result<DuesRecordId> append(MemberId member, const DuesRecord& record);
  Result<DuesPaymentId> append(MemberId member, const DuesPayment& payment);
  // Several members' payments appended at once (an import, inside a write transaction): the rows
  // in a few statements, the digest rows of the years they fall in derived again once.
  Status append_payments(const std::vector<std::pair<MemberId, DuesPayment>>& payments);
  // What orgs sent up the tree (store/dues_remittances.cpp): the records, cancellations too, of
  // the orgs of `orgs` (every org's when none) whose last month is from `first` to `last`, in
  // the order recorded; and one appended (inside a write transaction).
  Result<std::vector<DuesRemittance>> remittances(const OrgFilter& orgs, Date first, Date last);
  Result<DuesRemittanceId> append_remittance(const DuesRemittance& remittance);
  // A member's first records and payments at once, with their digest, for a bulk load (the demo)
  // inside a write transaction: several rows per statement, the statements kept for the next
  // member.
  Status insert_loaded(MemberId member, const std::vector<DuesRecord>& records,
                       const std::vector<DuesPayment>& payments);

 private:
  struct Bulk;  // dues_store.cpp
  Store& store_;
  std::unique_ptr<Bulk> bulk_;
};

}  // namespace dangvu::store
