// dangvu migrate — a whole registry from one engine to the other, verified table by table.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "service/migrate.h"

namespace dangvu::app {

void add_migrate_command(CLI::App& app, Options& opt) {
  auto* migrate = app.add_subcommand(
      "migrate", "Chép toàn bộ cơ sở dữ liệu sang máy chủ PostgreSQL hoặc sang tệp (và kiểm tra)");
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  migrate->add_option("--from", *from, "Source: database file or postgresql:// URL")->required();
  migrate->add_option("--to", *to, "Target: a new file or an empty postgresql:// database")
      ->required();
  migrate->callback([&opt, from, to] {
    static const SystemClock clock;
    const char* user = std::getenv("USER");
    auto result = service::migrate_database(
        *from, *to, clock, std::string("cli:") + (user && *user ? user : "unknown"));
    if (!result.ok()) {
      opt.exit_code = report_error(result.error(), false);
      return;
    }
    std::cout << std::left << std::setw(26) << "Bảng" << std::right << std::setw(12) << "nguồn"
              << std::setw(12) << "đích"
              << "  kiểm tra\n";
    for (const auto& t : result->tables) {
      std::cout << std::left << std::setw(24) << t.table << std::right << std::setw(12)
                << t.source.rows << std::setw(12) << t.target.rows << "  "
                << (t.same() ? "khớp " + t.source.checksum : "KHÁC") << "\n";
    }
    if (!result->verified()) {
      std::cout << "Bản chép KHÔNG khớp với nguồn; đừng dùng «" << store::redacted(*to) << "».\n";
      opt.exit_code = 7;
      return;
    }
    std::cout << "Đã chép «" << store::redacted(*from) << "» sang «" << store::redacted(*to)
              << "»; mọi bảng khớp số dòng và tổng kiểm tra.\n";
  });
}

}  // namespace dangvu::app
