#pragma once
// The dossier columns of a member list import (io/dossier_columns.h): each row's values checked by
// the dossier's own rules (core/dossier.h: the field's kind, dates not before birth nor in the
// future, a citizen ID one person's — in the registry and in the file), dated, compared with the
// dossier of a member the row matched, and written in the import's transaction through the
// dossier's store (its records and the spans the statistics read).
//
// The dates of the records: what a person has from birth (place of birth, hometown, ethnicity)
// from the birth date; a date field (joined the Youth Union, enlisted, discharged) from its own
// date; a listed entry written with a date ("Cảnh cáo (01/02/2023)") from that date; every other
// value from the row's first event (registration as a candidate, else admission), so that the
// statistics of the years since count the member with it. A later change (a degree earned after
// admission) is the office's to date by a dossier record.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/catalogs.h"
#include "core/dossier.h"
#include "core/member_fold.h"
#include "core/scope.h"
#include "io/member_sheet.h"
#include "store/dossier_store.h"

namespace dangvu::store {
class Store;
}

namespace dangvu::service {

// The member a row matched, if any: its dossier is compared with the row's.
struct MatchedMember {
  MemberId id = 0;
  const MemberHistory* history = nullptr;
};

// One transaction's run over the rows (PostgreSQL may run a transaction again: make a new one
// for each run).
class DossierRows {
 public:
  DossierRows(store::Store& store, const Catalogs& catalogs, Date today, std::string recorded_at,
              std::string recorded_by, std::string note);

  using Fail = std::function<void(const io::DossierCell&, const std::string& message_vi)>;

  // The records row `r` adds to the dossier of its member (born `birth`; `matched`: a member
  // already recorded, else a new one), each problem passed to `fail`. A value a matched member's
  // dossier holds already adds nothing; one that differs is refused (a dossier is corrected by a
  // dossier record, not by a file). `held`: the caller's scope, which every record's date of a
  // matched member must stay within. An error is a storage failure.
  Result<std::vector<DossierRecord>> plan(const io::MemberRecord& r, Date birth,
                                          std::optional<MatchedMember> matched, const Scope& held,
                                          const Fail& fail);
  // Writes a new member's whole dossier (several rows per statement).
  Status write_new(MemberId member, const std::vector<DossierRecord>& records);
  // Appends records to a recorded member's dossier and derives its spans again.
  Status append(MemberId member, const std::vector<DossierRecord>& records);

  std::int64_t written() const { return written_; }

 private:
  store::DossierStore dossiers_;
  const Catalogs& catalogs_;
  Date today_;
  std::string recorded_at_, recorded_by_, note_;
  std::unordered_map<std::string, std::int64_t> citizen_ids_;  // in the file → its first row
  std::int64_t written_ = 0;
};

// Whether a member other than `except` holds `value` in a record of `field` in force (a citizen
// ID is one person's). Shared by the dossier's own change (dossier_actions.cpp).
Result<bool> held_by_another(store::DossierStore& dossiers, const std::string& field,
                             const std::string& value, MemberId except);

}  // namespace dangvu::service
