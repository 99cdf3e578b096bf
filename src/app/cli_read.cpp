// dangvu tree | stats
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

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
}

}  // namespace dangvu::app
