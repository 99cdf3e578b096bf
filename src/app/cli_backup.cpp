// dangvu backup | restore — encrypted backups.
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "service/backup.h"

namespace dangvu::app {
namespace {

struct BackupArgs {
  std::string file;             // the backup file
  std::string passphrase_file;  // first line is the passphrase
  bool replace = false;
};

// The passphrase: from --passphrase-file, $DANGVU_BACKUP_PASSPHRASE, or typed at the terminal
// without echo. Never a command-line argument (other users see those in `ps`).
Result<std::string> read_passphrase(const BackupArgs& a, bool twice) {
  if (!a.passphrase_file.empty()) {
    std::ifstream in(a.passphrase_file);
    std::string line;
    if (!in || !std::getline(in, line)) {
      return Error::io("Không đọc được tệp mật khẩu «" + a.passphrase_file + "».",
                       "cannot read passphrase file");
    }
    return line;
  }
  if (const char* env = std::getenv("DANGVU_BACKUP_PASSPHRASE")) return std::string(env);
  if (!::isatty(STDIN_FILENO)) {
    return Error::invalid("passphrase",
                          "Cần mật khẩu sao lưu: --passphrase-file TỆP hoặc biến môi trường "
                          "DANGVU_BACKUP_PASSPHRASE.",
                          "no passphrase source");
  }
  auto prompt = [](const char* text) {
    std::cerr << text << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
  };
  std::string first = prompt("Mật khẩu sao lưu: ");
  if (twice && prompt("Nhập lại mật khẩu sao lưu: ") != first) {
    return Error::invalid("passphrase", "Hai lần nhập mật khẩu không khớp.", "mismatch");
  }
  return first;
}

}  // namespace

void add_backup_commands(CLI::App& app, Options& opt) {
  auto a = std::make_shared<BackupArgs>();
  auto* backup = app.add_subcommand(
      "backup", "Sao lưu trực tuyến, mã hóa bằng mật khẩu (máy chủ vẫn chạy được)");
  backup->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  backup->add_option("-o,--output", a->file, "Backup file to create")->required();
  backup->add_option("--passphrase-file", a->passphrase_file,
                     "File whose first line is the passphrase");
  backup->callback([&opt, a] {
    auto pass = read_passphrase(*a, true);
    if (!pass.ok()) {
      opt.exit_code = report_error(pass.error(), false);
      return;
    }
    Status st = service::make_backup(opt.db, a->file, *pass);
    if (!st.ok()) {
      opt.exit_code = report_error(st.error(), false);
      return;
    }
    std::cout << "Đã sao lưu «" << opt.db << "» vào «" << a->file
              << "» (mã hóa; cần mật khẩu để khôi phục).\n";
  });

  auto* restore = app.add_subcommand(
      "restore", "Khôi phục từ bản sao lưu (kiểm tra mật khẩu và dữ liệu trước khi thay)");
  restore->add_option("--backup", a->file, "Backup file")->required();
  restore->add_option("--db", opt.db, "Database file to restore into")->required();
  restore->add_option("--passphrase-file", a->passphrase_file,
                      "File whose first line is the passphrase");
  restore->add_flag("--replace", a->replace,
                    "Replace an existing database (stop the server first)");
  restore->callback([&opt, a] {
    auto pass = read_passphrase(*a, false);
    if (!pass.ok()) {
      opt.exit_code = report_error(pass.error(), false);
      return;
    }
    static const SystemClock clock;
    const char* user = std::getenv("USER");
    Status st = service::restore_backup(a->file, opt.db, *pass, a->replace, clock,
                                        std::string("cli:") + (user && *user ? user : "unknown"));
    if (!st.ok()) {
      opt.exit_code = report_error(st.error(), false);
      return;
    }
    std::cout << "Đã khôi phục «" << opt.db << "» từ «" << a->file << "».\n";
  });
}

}  // namespace dangvu::app
