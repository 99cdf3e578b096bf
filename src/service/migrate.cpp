#include "service/migrate.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace dangvu::service {

Result<MigrateResult> migrate_database(const std::string& from, const std::string& to,
                                       const Clock& clock, const std::string& actor) {
  if (store::redacted(from) == store::redacted(to)) {
    return Error::invalid("to", "Trường «to»: đích phải khác nguồn.",
                          "source and target are the same");
  }
  auto source = store::Store::open(from, store::OpenMode::open_existing, clock.now_iso());
  if (!source.ok()) return source.error();
  auto target = store::Store::open(to, store::OpenMode::create_new, clock.now_iso());
  if (!target.ok()) return target.error();
  auto tables = (*source)->copy_to(**target);
  if (!tables.ok()) {
    // Nothing was copied (one transaction): a file this run created goes away again.
    target->reset();
    if (store::engine_of(to) == store::Engine::sqlite) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((to + suffix).c_str());
    }
    return tables.error();
  }
  MigrateResult result{std::move(*tables)};
  if (!result.verified()) return result;
  std::int64_t rows = 0;
  for (const auto& t : result.tables) rows += t.source.rows;
  DANGVU_TRY((*target)->write_transaction([&]() -> Status {
    store::AuditEntry e;
    e.at = clock.now_iso();
    e.actor = actor;
    e.action = "db.migrate";
    e.target = store::redacted(to);
    e.detail_json = nlohmann::json{
        {"from", store::redacted(from)},
        {"tables", result.tables.size()},
        {"rows", rows}}.dump();
    e.address = "cli";
    return (*target)->append_audit(e);
  }));
  return result;
}

}  // namespace dangvu::service
