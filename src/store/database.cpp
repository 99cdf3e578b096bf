// Opening the database, migrations, transactions and error mapping.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "store/migrations.h"
#include "store/store_impl.h"

namespace dangvu::store {

// Each SQLite connection's page cache (negative: KiB), filled only as pages are read. SQLite's
// own 2 MB keeps nothing of a national database between requests: a member search spent half its
// time copying pages back from the OS (bench/nation.sh, perf). 64 MiB per connection, so a
// server's 16 connections hold at most 1 GiB.
constexpr int kPageCacheKib = -65536;
constexpr long long kMmapBytes = 1LL << 30;
namespace fs = std::filesystem;

Engine engine_of(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0 ? Engine::postgresql
                                                                              : Engine::sqlite;
}

std::string redacted(const std::string& db) {
  if (engine_of(db) == Engine::sqlite) return db;
  // scheme://user:password@host… → scheme://user:***@host…
  const auto scheme_end = db.find("://") + 3;
  const auto at = db.find('@', scheme_end);
  if (at == std::string::npos) return db;
  const auto colon = db.find(':', scheme_end);
  if (colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon + 1) + "***" + db.substr(at);
}

namespace {

std::string percent_decoded(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// libpq's keyword/value form of a postgresql:// URL (SOCI's backend splits its connect string on
// '=' and spaces, which mangles a URL): postgresql://user:password@host:port/dbname?k=v&k2=v2.
std::string connect_string(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.resize(q);
  }
  std::vector<std::pair<std::string, std::string>> kv;
  std::string dbname;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = rest.substr(slash + 1);
    rest.resize(slash);
  }
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string user = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (auto colon = user.find(':'); colon != std::string::npos) {
      kv.emplace_back("password", user.substr(colon + 1));
      user.resize(colon);
    }
    kv.emplace_back("user", user);
  }
  if (auto colon = rest.rfind(':');
      colon != std::string::npos && rest.find(']') == std::string::npos) {
    kv.emplace_back("port", rest.substr(colon + 1));
    rest.resize(colon);
  }
  if (!rest.empty()) kv.emplace_back("host", rest);
  if (!dbname.empty()) kv.emplace_back("dbname", dbname);
  std::size_t pos = 0;
  while (pos < query.size()) {
    auto amp = query.find('&', pos);
    std::string pair = query.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    if (auto eq = pair.find('='); eq != std::string::npos) {
      kv.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    }
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
  std::string out;
  for (const auto& [k, v] : kv) {
    std::string value;
    for (char c : percent_decoded(v)) {
      if (c == '\\' || c == '\'') value += '\\';
      value += c;
    }
    out += (out.empty() ? "" : " ") + k + "='" + value + "'";
  }
  return out;
}

}  // namespace

Error storage_full(const std::string& what) {
  return Error{ErrorKind::storage_full, "", "storage.full",
               "Máy chủ hết chỗ lưu trữ; thao tác chưa được ghi. Xem và tìm kiếm vẫn dùng được; "
               "hãy báo người quản trị giải phóng dung lượng.",
               "storage full: " + what};
}

Error storage_error(const std::exception& e) {
  std::string what = e.what();
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pg->sqlstate();
    if (state == "40001" || state == "40P01") {
      // write_transaction runs the whole transaction again on this prefix.
      return Error::conflict("", "Cơ sở dữ liệu đang bận; hãy thử lại.", "retryable: " + what);
    }
    if (state == "23505") {
      return Error::conflict("code", "Mã đã tồn tại trong cơ sở dữ liệu.",
                             "unique constraint: " + what);
    }
    if (state == "53100") return storage_full(what);
    if (state == "25006") {
      return Error::io("Không ghi được vào cơ sở dữ liệu (máy chủ chỉ đọc).", "read-only: " + what);
    }
    if (state.rfind("08", 0) == 0 || state == "57P01") {
      return Error::io("Mất kết nối tới máy chủ cơ sở dữ liệu; thao tác chưa được ghi.",
                       "connection: " + what);
    }
  }
  if (what.find("database or disk is full") != std::string::npos) return storage_full(what);
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
Engine Store::engine() const { return impl_->engine; }

namespace {

const char* begin_write(Engine engine) {
  // SQLite: take the write lock now (a deferred transaction that reads then writes can fail with
  // SQLITE_BUSY despite the timeout). PostgreSQL: serializable, so a read-check-write use case
  // sees the same data it writes over; a conflict is retried by write_transaction.
  return engine == Engine::sqlite ? "BEGIN IMMEDIATE" : "BEGIN ISOLATION LEVEL SERIALIZABLE";
}

// Brings the schema to the latest version in one transaction; refuses a newer schema untouched.
Status migrate(Store::Impl& impl, bool has_meta, const std::string& now_iso) {
  const bool pg = impl.engine == Engine::postgresql;
  int version = 0;
  if (has_meta) impl.sql << "SELECT MAX(version) FROM schema_version", soci::into(version);
  if (version > Store::latest_schema_version()) {
    return Error::refused("db", "schema.version",
                          "Cơ sở dữ liệu có phiên bản lược đồ " + std::to_string(version) +
                              ", mới hơn chương trình này (" +
                              std::to_string(Store::latest_schema_version()) +
                              "); hãy cập nhật dangvu. Dữ liệu không bị thay đổi.",
                          "schema version " + std::to_string(version) + " is newer than " +
                              std::to_string(Store::latest_schema_version()));
  }
  if (version < Store::latest_schema_version()) {
    impl.sql << begin_write(impl.engine);
    if (!has_meta) {
      impl.sql << for_engine(
          "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)", pg);
    }
    // Two programs opening a fresh server database at once: the second waits, then finds the
    // versions the first applied and stops at the first duplicate (its transaction rolls back).
    if (pg) impl.sql << "LOCK TABLE schema_version IN EXCLUSIVE MODE";
    for (const auto& m : migrations()) {
      if (m.version <= version) continue;
      for (const auto& stmt : m.statements) {
        // A data fix that writes the audit log dates its entries with the migration's time.
        std::string sql = for_engine(stmt, pg);
        for (auto at = sql.find("{{now}}"); at != std::string::npos; at = sql.find("{{now}}")) {
          sql.replace(at, 7, now_iso);
        }
        impl.sql << sql;
      }
      if (!pg) {
        for (const auto& stmt : m.sqlite_only) impl.sql << stmt;
      }
      if (m.fill != nullptr) m.fill(impl);
      impl.sql << "INSERT INTO schema_version (version, applied_at) VALUES (:v, :at)",
          soci::use(m.version), soci::use(now_iso);
    }
    impl.sql << "COMMIT";
    version = Store::latest_schema_version();
  }
  impl.schema_version = version;
  return {};
}

}  // namespace

namespace {

// A standby replays the primary's schema: it is usable when it has reached this program's.
Status check_replica_schema(Store::Impl& impl, const std::string& shown) {
  int version = 0;
  impl.sql << "SELECT MAX(version) FROM schema_version", soci::into(version);
  if (version != Store::latest_schema_version()) {
    return Error::conflict("db-read",
                           "Bản sao «" + shown + "» có phiên bản lược đồ " +
                               std::to_string(version) + ", khác chương trình này (" +
                               std::to_string(Store::latest_schema_version()) + ").",
                           "replica schema version " + std::to_string(version) + ", expected " +
                               std::to_string(Store::latest_schema_version()));
  }
  impl.sql << "SET default_transaction_read_only = on";
  return {};
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open_server(const std::string& url, OpenMode mode,
                                                  const std::string& now_iso) {
  auto impl = std::make_unique<Store::Impl>();
  impl->path = url;
  impl->engine = Engine::postgresql;
  const std::string shown = redacted(url);
  try {
    impl->sql.open(soci::postgresql, connect_string(url));
  } catch (const std::exception& e) {
    return Error::io("Không kết nối được máy chủ cơ sở dữ liệu «" + shown +
                         "»; kiểm tra địa chỉ, tên người dùng và mật khẩu.",
                     "cannot connect to " + shown + ": " + e.what());
  }
  try {
    impl->sql << "SET client_min_messages = warning";
    int has_meta = 0;
    impl->sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                 "current_schema() AND table_name = 'schema_version'",
        soci::into(has_meta);
    int tables = 0;
    impl->sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                 "current_schema()",
        soci::into(tables);
    if (mode == OpenMode::create_new && has_meta) {
      return Error::conflict("db",
                             "Cơ sở dữ liệu «" + shown + "» đã có dữ liệu dangvu; không ghi đè.",
                             "database already initialized: " + shown);
    }
    if (has_meta == 0 && tables > 0) {
      return Error::invalid("db", "Cơ sở dữ liệu «" + shown + "» không phải là của dangvu.",
                            "PostgreSQL schema without a schema_version table");
    }
    if (mode != OpenMode::create_new && !has_meta) {
      return Error::not_found(
          "db",
          "Cơ sở dữ liệu «" + shown + "» chưa được khởi tạo; hãy tạo bằng lệnh «dangvu init».",
          "database not initialized: " + shown);
    }
    if (mode == OpenMode::read_replica) {
      DANGVU_TRY(check_replica_schema(*impl, shown));
    } else {
      DANGVU_TRY(migrate(*impl, has_meta != 0, now_iso));
    }
  } catch (const std::exception& e) {
    return storage_error(e);
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<std::unique_ptr<Store>> Store::open(const std::string& path, OpenMode mode,
                                           const std::string& now_iso) {
  // SQLite's memory statistics take a process-wide mutex on every allocation; with a pool of
  // connections on several threads that lock dominated the profile. Must precede the first open.
  // Each connection is used by one thread at a time (a Store, or a StorePool lease): SQLite's
  // multi-thread mode drops the lock it otherwise takes on every call into a connection (every
  // step and every column read), a fifth of a scoped name search's time at the national scale.
  static const bool configured = [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  if (engine_of(path) == Engine::postgresql) return open_server(path, mode, now_iso);
  if (mode == OpenMode::read_replica) {
    return Error::invalid("db-read",
                          "Trường «db-read»: bản sao chỉ đọc phải là máy chủ PostgreSQL "
                          "(postgresql://…), không phải tệp.",
                          "a read replica must be a PostgreSQL URL: " + path);
  }
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
    // Whether it is a SQLite file is asked of SQLite itself below (SQLITE_NOTADB): opening and
    // closing the file here would drop the POSIX locks of this process's other connections to it
    // (a pool opens several), and another process would then take the WAL for unused and delete it.
    if (!fs::is_regular_file(p, ec)) {
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
    impl->sql << "PRAGMA journal_mode = WAL";
    impl->sql << "PRAGMA cache_size = " + std::to_string(kPageCacheKib);
    // Reads map the file instead of copying each page through a read call: the member
    // statistics' lookups at random places of a province's file spent half their time copying
    // (bench/RESULTS.md, "The member statistics"). Writes still go through the WAL.
    impl->sql << "PRAGMA mmap_size = " + std::to_string(kMmapBytes);
    DANGVU_TRY(migrate(*impl, has_meta != 0, now_iso));
  } catch (const soci::sqlite3_soci_error& e) {
    if (e.result() == SQLITE_NOTADB) {
      return Error::invalid("db", "Tệp «" + path + "» không phải là cơ sở dữ liệu dangvu.",
                            "not a SQLite database: " + path);
    }
    return storage_error(e);
  } catch (const std::exception& e) {
    return storage_error(e);
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::BulkWrite::BulkWrite(Store& store, int cache_mib) : store_(store) {
  if (store_.impl_->engine != Engine::sqlite) return;
  try {
    store_.impl_->sql << "PRAGMA cache_size = -" + std::to_string(cache_mib * 1024);
    // The indexes a bulk write builds at its end (defer_member_order_indexes) are sorted with a
    // helper thread.
    store_.impl_->sql << "PRAGMA threads = 2";
    // Each multi-row INSERT keeps the pages it first touches in a statement journal, so that it
    // can be undone alone; past 64 KiB that journal went to a temporary file, which was most of
    // the national demo's writes (a page and its number, two write calls each, 500 MB/s). In
    // memory it costs only the statement's pages.
    store_.impl_->sql << "PRAGMA temp_store = MEMORY";
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): only slower without it
  }
}

Store::BulkWrite::~BulkWrite() {
  if (store_.impl_->engine != Engine::sqlite) return;
  try {
    store_.impl_->sql << "PRAGMA cache_size = " + std::to_string(kPageCacheKib);
    store_.impl_->sql << "PRAGMA threads = 0";
    store_.impl_->sql << "PRAGMA temp_store = DEFAULT";
  } catch (
      const std::exception&) {  // NOLINT(bugprone-empty-catch): the default comes back on close
  }
}

bool Store::in_write_transaction() const { return impl_->in_transaction; }

bool Store::org_changed_in_transaction() const {
  return impl_->in_transaction && impl_->org_changed;
}

Result<bool> Store::defer_member_order_indexes(std::int64_t new_members) {
  // Building an index sorts its entries once (n log n, cheap steps); inserting n rows into one that
  // holds N costs n × log N expensive steps. Worth it when the rows added are many and not a small
  // share of those there (measured with 100,000 rows into an empty registry: ~2.5× less time for
  // the period rows).
  constexpr std::int64_t kFewest = 5000;
  constexpr std::int64_t kShareOfExisting = 4;  // at least a quarter of the members there
  if (impl_->engine != Engine::sqlite || !impl_->in_transaction || new_members < kFewest) {
    return false;
  }
  return guarded([&]() -> Result<bool> {
    long long members = 0;
    impl_->sql << "SELECT COALESCE(MAX(id), 0) FROM member", soci::into(members);
    if (new_members * kShareOfExisting < members) return false;
    // By name in the schema (the CREATE statements as the migrations left them).
    std::vector<std::string> names, creates;
    std::string name, create;
    soci::statement st =
        (impl_->sql.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name "
                               "IN ('member_by_sort', 'member_period_by_time', "
                               "'member_period_by_org', 'member_milestone_by_date', "
                               "'member_milestone_by_org') AND sql IS NOT NULL ORDER BY name",
         soci::into(name), soci::into(create));
    st.execute();
    while (st.fetch()) {
      names.push_back(name);
      creates.push_back(create);
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      impl_->sql << "DROP INDEX " + names[i];
      impl_->deferred_indexes.push_back(creates[i]);
    }
    return !names.empty();
  });
}

Status Store::write_transaction(const std::function<Status()>& fn) {
  // PostgreSQL may refuse a serializable transaction that raced another one; the use case is run
  // again from the start (it reads everything it checks inside the transaction).
  // Between attempts, a random pause that grows, so racing writers fall out of step.
  constexpr int kAttempts = 20;
  thread_local std::minstd_rand jitter(std::random_device{}());
  Status result;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    result = run_transaction(fn);
    if (result.ok() || result.error().detail_en.rfind("retryable: ", 0) != 0) return result;
    const int cap_ms = std::min(2 << std::min(attempt, 5), 50);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(1 + jitter() % static_cast<unsigned>(cap_ms)));
  }
  return result;
}

Status Store::read_snapshot(const std::function<Status()>& fn) {
  if (impl_->in_transaction) return fn();
  try {
    impl_->sql << (impl_->engine == Engine::sqlite
                       ? "BEGIN"
                       : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (const std::exception& e) {
    return storage_error(e);
  }
  Status result;
  try {
    result = fn();
  } catch (const std::exception& e) {
    result = storage_error(e);
  }
  try {
    impl_->sql << "COMMIT";
  } catch (const std::exception& e) {
    try {
      impl_->sql << "ROLLBACK";
    } catch (...) {  // NOLINT(bugprone-empty-catch): already failing; the first error is reported
    }
    if (result.ok()) return storage_error(e);
  }
  return result;
}

Status Store::run_transaction(const std::function<Status()>& fn) {
  try {
    impl_->sql << begin_write(impl_->engine);
  } catch (const std::exception& e) {
    return storage_error(e);
  }
  impl_->in_transaction = true;
  impl_->org_changed = impl_->members_changed = false;
  impl_->figure_log.clear();
  impl_->profiles_stale.clear();
  Status result;
  try {
    result = fn();
    if (result.ok()) {
      for (const auto& create : impl_->deferred_indexes) impl_->sql << create;
      write_member_profiles(*impl_);
    }
    // Each topic's revision is raised once, and what this transaction changed is logged under
    // the revision it commits as: the row lock on data_revision orders the revisions as the
    // transactions commit, on both engines.
    for (const char* topic : {"org", "member"}) {
      const bool changed =
          std::string(topic) == "org" ? impl_->org_changed : impl_->members_changed;
      if (!result.ok() || !changed) continue;
      long long revision = 0;
      const std::string name = topic;
      impl_->sql << "UPDATE data_revision SET value = value + 1 WHERE topic = :t RETURNING value",
          soci::use(name), soci::into(revision);
      write_figure_log(*impl_, topic, revision);
    }
  } catch (const std::exception& e) {
    result = storage_error(e);
  }
  impl_->in_transaction = false;
  impl_->deferred_indexes.clear();  // built again above, or brought back by the rollback
  impl_->figure_log.clear();
  impl_->profiles_stale.clear();
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
