// Online copies and integrity checks of database files (SQLite's C API directly: the backup API
// has no SOCI counterpart).
#include <sqlite3.h>

#include <memory>

#include "store/migrations.h"
#include "store/store.h"

namespace dangvu::store {
namespace {

using Db = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

Db open_db(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw, sqlite3_close);
  if (rc != SQLITE_OK) return Db(nullptr, sqlite3_close);
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

Error sqlite_error(const std::string& vi, sqlite3* db, const std::string& what) {
  return Error::io(vi, what + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
}

}  // namespace

Status Store::backup_file(const std::string& db_path, const std::string& out_path) {
  Db src = open_db(db_path, SQLITE_OPEN_READONLY);
  if (!src) {
    return Error::not_found("db", "Không mở được cơ sở dữ liệu «" + db_path + "».",
                            "cannot open " + db_path);
  }
  Db dst = open_db(out_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!dst) return sqlite_error("Không tạo được tệp tạm để sao lưu.", nullptr, out_path);
  sqlite3_backup* b = sqlite3_backup_init(dst.get(), "main", src.get(), "main");
  if (!b) return sqlite_error("Sao lưu không thành công.", dst.get(), "backup init");
  int rc = SQLITE_OK;
  // Copies in steps so a busy writer is not starved; a change meanwhile restarts the copy, so
  // the result is always one consistent state.
  do {
    rc = sqlite3_backup_step(b, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return sqlite_error("Sao lưu không thành công.", dst.get(), "backup step");
  return {};
}

Status Store::verify_file(const std::string& path) {
  Db db = open_db(path, SQLITE_OPEN_READONLY);
  auto bad = [&](const std::string& why) -> Status {
    return Error::invalid("backup", "Dữ liệu trong tệp sao lưu không toàn vẹn (" + why + ").",
                          "backup content check failed: " + why);
  };
  if (!db) return bad("không mở được");
  auto scalar = [&](const char* sql) -> std::string {
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db.get(), sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(st, 0);
      if (text) out = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(st);
    return out;
  };
  if (scalar("PRAGMA integrity_check") != "ok") return bad("integrity_check");
  std::string version = scalar("SELECT MAX(version) FROM schema_version");
  if (version.empty()) return bad("không phải cơ sở dữ liệu dangvu");
  if (std::stoi(version) > latest_schema_version()) {
    return Error::refused("backup", "schema.version",
                          "Bản sao lưu có phiên bản lược đồ mới hơn chương trình này; hãy cập "
                          "nhật dangvu.",
                          "backup schema version " + version + " is newer");
  }
  return {};
}

}  // namespace dangvu::store
