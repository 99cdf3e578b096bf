#pragma once
// The schema as numbered migrations. Each is applied once, in order, inside one transaction, and
// recorded in schema_version. Never edit a released migration; add the next one.
#include <string>
#include <vector>

#include "store/store.h"

namespace dangvu::store {

// Written once in SQLite's words; for PostgreSQL each statement goes through for_engine().
struct Migration {
  int version;
  std::vector<std::string> statements;
  std::vector<std::string> sqlite_only = {};  // after `statements`, on SQLite only (data fixes)
  // After them, on both engines: rows derived by the program (a new derived table's first rows).
  void (*fill)(Store::Impl&) = nullptr;
};

const std::vector<Migration>& migrations();

// A migration statement in the engine's dialect. For PostgreSQL: `id INTEGER PRIMARY KEY` becomes
// an identity column, INTEGER becomes BIGINT, BLOB and TEXT become TEXT COLLATE "C" (so text
// orders byte-wise, as SQLite's BINARY collation does, whatever the server's locale), and a
// table's WITHOUT ROWID is dropped.
std::string for_engine(const std::string& statement, bool postgresql);

}  // namespace dangvu::store
