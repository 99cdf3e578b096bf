#pragma once
// A member's dossier records (dossier_record, schema v15): appended, never changed or removed.
// A part of the store of its own: it runs on the store's connection and inside its transactions.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/dossier.h"
#include "core/member.h"
#include "core/result.h"

namespace dangvu::store {

class Store;

class DossierStore {
 public:
  explicit DossierStore(Store& store);
  ~DossierStore();
  DossierStore(const DossierStore&) = delete;
  DossierStore& operator=(const DossierStore&) = delete;

  // Every record of the member, in the order recorded.
  Result<std::vector<DossierRecord>> records(MemberId member);
  // The records of `fields` (none: every field) of several members (read in lists of 1,000), by
  // member, each in the order recorded: what a rating round reads of each member (exemption,
  // discipline).
  Result<std::vector<std::pair<MemberId, DossierRecord>>> records_of(
      const std::vector<MemberId>& members, const std::vector<std::string>& fields);
  // Appends one record (inside a write transaction); its id.
  Result<DossierRecordId> append(MemberId member, const DossierRecord& record);
  // Replaces the member's derived spans (dossier_span) with `spans` (inside a write transaction).
  Status replace_spans(MemberId member, const std::vector<Dossier::Span>& spans);
  // A member's whole dossier and its spans at once, for a bulk load (the demo) inside a write
  // transaction: several rows per statement, the statements kept for the next member.
  Status insert_loaded(MemberId member, const std::vector<DossierRecord>& records,
                       const std::vector<Dossier::Span>& spans);
  // The members other than `except` with a record of `field` holding `value` (ever), with the
  // record: a citizen ID is one person's.
  Result<std::vector<std::pair<MemberId, DossierRecordId>>> holders(const std::string& field,
                                                                    const std::string& value,
                                                                    MemberId except);

 private:
  struct Bulk;  // dossier_store.cpp
  Store& store_;
  std::unique_ptr<Bulk> bulk_;
};

}  // namespace dangvu::store
