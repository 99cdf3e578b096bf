// dangvu tree | stats | check
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/context.h"
#include "app/render.h"

namespace dangvu::app {

void add_read_commands(CLI::App& app, Options& opt) {
  auto* tree = app.add_subcommand("tree", "Cây tổ chức tính đến một ngày");
  auto tr = std::make_shared<std::pair<std::string, std::string>>();
  tree->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  tree->add_option("--org", tr->first, "Root org code")->required();
  tree->add_option("--at", tr->second, "As of date YYYY-MM-DD (default: today)");
  tree->add_flag("--json", opt.json, "JSON output");
  tree->callback([&opt, tr] {
    opt.exit_code = with_registry(opt, false, [&opt, tr](service::Registry& r) -> Status {
      auto v = r.tree(tr->first, tr->second);
      if (!v.ok()) return v.error();
      std::cout << (opt.json ? to_json(*v).dump(2) + "\n" : to_text(*v));
      return {};
    });
  });

  auto* stats = app.add_subcommand("stats", "Thống kê tổ chức và đảng viên tính đến một ngày");
  auto st = std::make_shared<std::pair<std::string, std::string>>();
  stats->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  stats->add_option("--org", st->first, "Org code")->required();
  stats->add_option("--at", st->second, "As of date YYYY-MM-DD (default: today)");
  stats->add_flag("--json", opt.json, "JSON output");
  stats->callback([&opt, st] {
    opt.exit_code = with_registry(opt, false, [&opt, st](service::Registry& r) -> Status {
      auto v = r.stats(st->first, st->second);
      if (!v.ok()) return v.error();
      std::cout << (opt.json ? to_json(*v).dump(2) + "\n" : to_text(*v));
      return {};
    });
  });

  auto* check = app.add_subcommand(
      "check", "Kiểm tra mọi đảng viên sinh hoạt ở tổ chức còn tồn tại (exit 1 nếu có sai lệch)");
  check->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  check->add_flag("--json", opt.json, "JSON output");
  check->callback([&opt] {
    bool found = false;
    opt.exit_code = with_registry(opt, false, [&opt, &found](service::Registry& r) -> Status {
      auto v = r.check_registry();
      if (!v.ok()) return v.error();
      found = !v->empty();
      if (opt.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& b : *v) {
          out.push_back({{"member", b.member_code},
                         {"name", b.name},
                         {"date", b.date.iso()},
                         {"org", b.org_code},
                         {"temporary", b.temporary},
                         {"message", b.message_vi}});
        }
        std::cout << out.dump(2) << "\n";
      } else if (v->empty()) {
        std::cout << "Không có sai lệch: mọi đảng viên sinh hoạt ở tổ chức còn tồn tại.\n";
      } else {
        std::cout << "Có " << v->size() << " sai lệch cần đính chính:\n";
        for (const auto& b : *v) std::cout << "- " << b.message_vi << "\n";
      }
      return {};
    });
    if (opt.exit_code == 0 && found) opt.exit_code = 1;
  });
}

}  // namespace dangvu::app
