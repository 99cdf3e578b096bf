#include "service/backup.h"

#include <unistd.h>

#include <filesystem>

#include "auth/sealed_file.h"
#include "store/store.h"

namespace dangvu::service {
namespace fs = std::filesystem;

namespace {

// A private temporary name next to `near` (same file system, so a rename is atomic).
std::string temp_beside(const std::string& near, const char* what) {
  fs::path p(near);
  return (p.parent_path() /
          ("." + p.filename().string() + "." + what + "." + std::to_string(::getpid())))
      .string();
}

void remove_quietly(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

}  // namespace

Status check_backup_passphrase(const std::string& passphrase) {
  std::size_t chars = 0;
  for (char ch : passphrase) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  if (chars >= 12) return {};
  return Error::invalid("passphrase", "Mật khẩu sao lưu phải có ít nhất 12 ký tự.",
                        "backup passphrase shorter than 12 characters");
}

// Backups here are of the SQLite file; a server is backed up by its own tools.
static Status file_only(const std::string& db) {
  if (store::engine_of(db) == store::Engine::sqlite) return {};
  return Error::invalid("db",
                        "Sao lưu và khôi phục của dangvu dành cho tệp cơ sở dữ liệu; máy chủ "
                        "PostgreSQL được sao lưu bằng pg_dump hoặc pg_basebackup.",
                        "backup/restore of a PostgreSQL database");
}

Status make_backup(const std::string& db_path, const std::string& out_path,
                   const std::string& passphrase) {
  DANGVU_TRY(file_only(db_path));
  DANGVU_TRY(check_backup_passphrase(passphrase));
  std::error_code ec;
  if (fs::exists(out_path, ec)) {
    return Error::conflict("output", "Tệp «" + out_path + "» đã tồn tại; không ghi đè.",
                           "backup output exists");
  }
  // The plain copy lives beside the database (which is plain already), never beside the output.
  const std::string copy = temp_beside(db_path, "backup");
  remove_quietly(copy);
  Status st = store::Store::backup_file(db_path, copy);
  if (st.ok()) st = auth::seal_file(copy, out_path, passphrase);
  remove_quietly(copy);
  return st;
}

Status restore_backup(const std::string& backup_path, const std::string& db_path,
                      const std::string& passphrase, bool replace, const Clock& clock,
                      const std::string& actor) {
  DANGVU_TRY(file_only(db_path));
  std::error_code ec;
  const bool exists = fs::exists(db_path, ec);
  if (exists && !replace) {
    return Error::conflict(
        "db", "Tệp «" + db_path + "» đã tồn tại; dừng máy chủ rồi chạy lại với --replace để thay.",
        "restore target exists");
  }
  const std::string plain = temp_beside(db_path, "restore");
  remove_quietly(plain);
  Status st = auth::unseal_file(backup_path, plain, passphrase);
  if (st.ok()) st = store::Store::verify_file(plain);
  if (!st.ok()) {
    remove_quietly(plain);
    return st;
  }
  // The old file's journal must not be replayed onto the restored one.
  remove_quietly(db_path + "-wal");
  remove_quietly(db_path + "-shm");
  fs::rename(plain, db_path, ec);
  if (ec) {
    remove_quietly(plain);
    return Error::io("Không thay được tệp cơ sở dữ liệu.", "rename failed: " + ec.message());
  }
  auto store = store::Store::open(db_path, store::OpenMode::open_existing, clock.now_iso());
  if (!store.ok()) return store.error();
  return (*store)->write_transaction([&]() -> Status {
    store::AuditEntry e;
    e.at = clock.now_iso();
    e.actor = actor;
    e.action = "backup.restore";
    e.target = fs::path(backup_path).filename().string();
    e.detail_json = "{}";
    e.address = "cli";
    return (*store)->append_audit(e);
  });
}

}  // namespace dangvu::service
