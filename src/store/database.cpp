// Opening the database, migrations, transactions and error mapping.
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/migrations.h"
#include "store/store_impl.h"

namespace dangvu::store {
namespace fs = std::filesystem;

Error storage_error(const std::exception& e) {
  std::string what = e.what();
  if (what.find("UNIQUE constraint") != std::string::npos) {
    return Error::conflict("code", "Mã đã tồn tại trong cơ sở dữ liệu.",
                           "unique constraint: " + what);
  }
  if (what.find("readonly") != std::string::npos || what.find("read-only") != std::string::npos) {
    return Error::io("Không ghi được vào tệp cơ sở dữ liệu (tệp chỉ đọc).", "read-only: " + what);
  }
  if (what.find("locked") != std::string::npos || what.find("busy") != std::string::npos) {
    return Error::conflict("", "Cơ sở dữ liệu đang bận; hãy thử lại.", "busy: " + what);
  }
  return Error::io("Lỗi lưu trữ dữ liệu; thao tác chưa được ghi.", "storage: " + what);
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::latest_schema_version() { return migrations().back().version; }
int Store::schema_version() const { return impl_->schema_version; }

namespace {

bool looks_like_sqlite(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 0 || std::string(header, 15) == "SQLite format 3";
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path, OpenMode mode,
                                           const std::string& now_iso) {
  // SQLite's memory statistics take a process-wide mutex on every allocation; with a pool of
  // connections on several threads that lock dominated the profile. Must precede the first open.
  static const bool configured = [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  const fs::path p(path);
  std::error_code ec;
  const bool exists = fs::exists(p, ec);
  if (mode == OpenMode::create_new && exists) {
    return Error::conflict("db", "Tệp cơ sở dữ liệu «" + path + "» đã tồn tại; không ghi đè.",
                           "database file already exists: " + path);
  }
  if (mode == OpenMode::open_existing) {
    if (!exists) {
      return Error::not_found(
          "db", "Không tìm thấy tệp cơ sở dữ liệu «" + path + "»; hãy tạo bằng lệnh «dangvu init».",
          "database file not found: " + path);
    }
    if (!fs::is_regular_file(p, ec) || !looks_like_sqlite(p)) {
      return Error::invalid("db", "Tệp «" + path + "» không phải là cơ sở dữ liệu dangvu.",
                            "not a SQLite database: " + path);
    }
    if (::access(path.c_str(), R_OK | W_OK) != 0) {
      return Error::io("Không có quyền đọc và ghi tệp cơ sở dữ liệu «" + path + "».",
                       "database file not readable and writable: " + path);
    }
  }
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (::access(dir.c_str(), W_OK) != 0) {
    return Error::io("Không có quyền ghi vào thư mục «" + dir.string() +
                         "» chứa cơ sở dữ liệu (cần cho nhật ký ghi).",
                     "database directory not writable: " + dir.string());
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  try {
    impl->sql.open(soci::sqlite3, "db=" + path + " timeout=10");
    impl->sql << "PRAGMA foreign_keys = ON";
    impl->sql << "PRAGMA busy_timeout = 10000";
    int has_meta = 0;
    impl->sql
        << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
        soci::into(has_meta);
    int tables = 0;
    impl->sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", soci::into(tables);
    if (has_meta == 0 && tables > 0) {
      return Error::invalid("db", "Tệp «" + path + "» không phải là cơ sở dữ liệu dangvu.",
                            "SQLite file without a schema_version table");
    }
    int version = 0;
    if (has_meta) impl->sql << "SELECT MAX(version) FROM schema_version", soci::into(version);
    if (version > latest_schema_version()) {
      return Error::refused("db", "schema.version",
                            "Cơ sở dữ liệu có phiên bản lược đồ " + std::to_string(version) +
                                ", mới hơn chương trình này (" +
                                std::to_string(latest_schema_version()) +
                                "); hãy cập nhật dangvu. Tệp không bị thay đổi.",
                            "schema version " + std::to_string(version) + " is newer than " +
                                std::to_string(latest_schema_version()));
    }
    impl->sql << "PRAGMA journal_mode = WAL";
    if (version < latest_schema_version()) {
      impl->sql << "BEGIN IMMEDIATE";
      if (!has_meta) {
        impl->sql
            << "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)";
      }
      for (const auto& m : migrations()) {
        if (m.version <= version) continue;
        for (const auto& stmt : m.statements) impl->sql << stmt;
        impl->sql << "INSERT INTO schema_version (version, applied_at) VALUES (:v, :at)",
            soci::use(m.version), soci::use(now_iso);
      }
      impl->sql << "COMMIT";
      version = latest_schema_version();
    }
    impl->schema_version = version;
  } catch (const std::exception& e) {
    return storage_error(e);
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::write_transaction(const std::function<Status()>& fn) {
  try {
    impl_->sql << "BEGIN IMMEDIATE";
  } catch (const std::exception& e) {
    return storage_error(e);
  }
  impl_->in_transaction = true;
  Status result;
  try {
    result = fn();
  } catch (const std::exception& e) {
    result = storage_error(e);
  }
  impl_->in_transaction = false;
  try {
    if (result.ok()) {
      impl_->sql << "COMMIT";
    } else {
      impl_->sql << "ROLLBACK";
    }
  } catch (const std::exception& e) {
    try {
      impl_->sql << "ROLLBACK";
    } catch (...) {  // NOLINT(bugprone-empty-catch): already failing; the first error is reported
    }
    return storage_error(e);
  }
  return result;
}

}  // namespace dangvu::store
