#pragma once
// Private to store/: the SOCI session and helpers shared by the store's .cpp files.
#include <soci/soci.h>

#include <exception>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "store/store.h"

namespace dangvu::store {

struct MemberStatements;  // member_statements.h

// What the current write transaction changed in the figures' inputs, written to figure_change
// with the revision it commits as (store/figure_log.cpp).
struct FigureLog {
  std::vector<PeriodChange> periods;
  std::vector<MilestoneChange> milestones;
  std::set<OrgId> orgs;
  bool overflow = false;      // too many member rows: the revision is logged as 'reload'
  bool org_overflow = false;  // too many orgs (the demo, an org import): likewise
  void clear();
  // A member's derived rows replaced: what ended and what started, the rows both have left out.
  void note_member(std::vector<PeriodChange> ended, std::vector<MilestoneChange> ended_milestones,
                   const MemberHistory& now);
  void note_org(OrgId org);
};

struct Store::Impl {
  Impl();
  ~Impl();
  // The member statements, prepared on first use (destroyed before the session closes).
  MemberStatements& members();

  soci::session sql;
  std::string path;
  Engine engine = Engine::sqlite;
  int schema_version = 0;
  bool in_transaction = false;
  // What the current write transaction changed: its data_revision rows are raised before COMMIT.
  bool org_changed = false;
  bool members_changed = false;
  FigureLog figure_log;
  // Indexes dropped for this transaction (their CREATE statements), built again before COMMIT.
  std::vector<std::string> deferred_indexes;
  // Members whose periods, milestones or dossier this transaction changed: their member_profile
  // rows are derived again before COMMIT (store/member_profiles.cpp).
  std::set<long long> profiles_stale;
  std::unique_ptr<MemberStatements> member_statements;
};

// Writes the figure change log of the committing transaction under `revision` of `topic`
// ("member" or "org"), and prunes old revisions now and then.
void write_figure_log(Store::Impl& impl, const std::string& topic, long long revision);

// Derives again the member_profile rows of Impl::profiles_stale; of every member (the migration
// that brought the table).
void write_member_profiles(Store::Impl& impl);
// Notes that `member`'s profile must be derived again (at once outside a write transaction).
void profile_stale(Store::Impl& impl, long long member);
void write_all_member_profiles(Store::Impl& impl);
// Derives the dues_digest rows of every member with dues rows (store/dues_store.cpp).
void write_all_dues_digests(Store::Impl& impl);
// The members whose member_profile row is missing or differs from their rows now (a check).
std::vector<MemberId> member_profiles_out_of_date(Store::Impl& impl);

// Turns a storage exception into an Error the user can read (no SQL in the message).
Error storage_error(const std::exception& e);
// A full disk (SQLite) or a full server (PostgreSQL 53100): 503, reads go on.
Error storage_full(const std::string& what);

// Runs `f`, converting storage exceptions into errors.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return storage_error(e);
  }
}

// The id the last INSERT on this connection generated (SQLite's rowid; PostgreSQL's identity
// column, whose sequence is the only one an INSERT of ours advances).
inline long long last_insert_id(soci::session& sql) {
  long long id = 0;
  if (sql.get_backend_name() == "postgresql") {
    sql << "SELECT lastval()", soci::into(id);
  } else {
    sql << "SELECT last_insert_rowid()", soci::into(id);
  }
  return id;
}

// "(1, 2, 3)" from our own integer ids: safe to inline, and one statement for any list length
// ("(NULL)" for none, which matches nothing).
template <typename Ids>  // a vector or span of integer ids
std::string id_list(const Ids& ids) {
  std::string out = "(";
  for (auto id : ids) {
    if (out.size() > 1) out += ", ";
    out += std::to_string(id);
  }
  return ids.empty() ? "(NULL)" : out + ")";
}

// " AND column IN (1, 2, …)" for a filter (nothing for none). Ids are integers, so they are
// written into the SQL: one statement whatever the list's length, no bind per id.
inline std::string and_org_in(const char* column, const OrgFilter& orgs) {
  if (!orgs) return "";
  if (orgs->empty()) return " AND 1 = 0";
  std::string out = std::string(" AND ") + column + " IN (";
  for (std::size_t i = 0; i < orgs->size(); ++i) {
    if (i) out += ',';
    out += std::to_string((*orgs)[i]);
  }
  return out + ")";
}

// " AND NOT EXISTS (…)": the record in `column` (an id of a `kind` record) has no cancellation.
// `kind` is one of our own names, never user text.
inline std::string and_not_cancelled(std::string_view kind, const char* column) {
  return std::string(" AND NOT EXISTS (SELECT 1 FROM activity_cancellation x WHERE x.kind = '") +
         std::string(kind) + "' AND x.activity_id = " + column + ")";
}

inline std::optional<long long> opt(long long v, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  return v;
}

}  // namespace dangvu::store
