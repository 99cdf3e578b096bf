#pragma once
// Private to store/: the SOCI session and helpers shared by the store's .cpp files.
#include <soci/soci.h>

#include <exception>
#include <memory>
#include <string>

#include "store/store.h"

namespace dangvu::store {

struct MemberStatements;  // member_statements.h

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
  std::unique_ptr<MemberStatements> member_statements;
};

// Turns a storage exception into an Error the user can read (no SQL in the message).
Error storage_error(const std::exception& e);

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

inline std::optional<long long> opt(long long v, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  return v;
}

}  // namespace dangvu::store
