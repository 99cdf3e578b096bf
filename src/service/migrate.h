#pragma once
// Moving a registry between engines: a SQLite file to a PostgreSQL database or back.
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace dangvu::service {

struct MigrateResult {
  std::vector<store::TableCheck> tables;
  bool verified() const {
    for (const auto& t : tables) {
      if (!t.same()) return false;
    }
    return true;
  }
};

// Copies everything in `from` (events and audit included, ids kept) into `to`, which must be new:
// a file that does not exist yet or an empty server database. Each table's rows and checksum are
// then compared; when they all agree the copy is recorded in the target's audit log. A copy that
// does not verify is left for inspection and reported, never silently used.
Result<MigrateResult> migrate_database(const std::string& from, const std::string& to,
                                       const Clock& clock, const std::string& actor);

}  // namespace dangvu::service
