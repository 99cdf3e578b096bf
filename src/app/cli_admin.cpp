// dangvu init | demo | rules | audit
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "app/render.h"
#include "service/demo.h"
#include "store/store.h"

namespace dangvu::app {

void add_admin_commands(CLI::App& app, Options& opt) {
  auto* init = app.add_subcommand("init", "Tạo cơ sở dữ liệu mới");
  init->add_option("--db", opt.db, "Database file to create")->required();
  init->callback([&opt] {
    opt.exit_code = with_registry(opt, true, [&opt](service::Registry& r) -> Status {
      std::cout << "Đã tạo cơ sở dữ liệu «" << opt.db << "» (lược đồ phiên bản "
                << r.store().schema_version() << ").\n";
      return {};
    });
  });

  auto* demo =
      app.add_subcommand("demo", "Tạo cơ sở dữ liệu mẫu (tỉnh trước và sau sắp xếp năm 2025)");
  struct DemoArgs {
    std::uint64_t seed = 1;
    std::string scale = "small";
  };
  auto da = std::make_shared<DemoArgs>();
  demo->add_option("--db", opt.db, "Database file to create")->required();
  demo->add_option("--seed", da->seed, "Random seed (same seed, same data)");
  demo->add_option("--scale", da->scale,
                   "small (~2.000 members), province (~150.000), nation (~5,6 million)");
  demo->callback([&opt, da] {
    auto scale = service::parse_demo_scale(da->scale);
    if (!scale.ok()) {
      opt.exit_code = report_error(scale.error(), false);
      return;
    }
    opt.exit_code = with_registry(opt, true, [&](service::Registry& r) -> Status {
      auto summary = service::generate_demo(
          r, *scale, da->seed, [](const std::string& line) { std::cerr << line << "\n"; });
      if (!summary.ok()) return summary.error();
      std::cout << "Đã tạo dữ liệu mẫu: " << format_count(summary->orgs) << " tổ chức, "
                << format_count(summary->members) << " người, " << format_count(summary->events)
                << " sự kiện. Tổ chức gốc: " << summary->root_code << "; sắp xếp tổ chức ngày "
                << summary->reorganized_on.vi() << ".\n";
      return {};
    });
    if (opt.exit_code != 0) std::remove(opt.db.c_str());  // a half-made demo is worse than none
  });

  auto* rules =
      app.add_subcommand("rules", "In bộ quy tắc đang áp dụng (JSON, để sao chép và sửa)");
  rules->callback([&opt] {
    auto r = load_rules(opt.rules_file);
    if (!r.ok()) {
      opt.exit_code = report_error(r.error(), false);
      return;
    }
    std::cout << r->to_json() << "\n";
  });

  auto* audit = app.add_subcommand("audit", "Nhật ký thao tác (mới nhất trước)");
  auto limit = std::make_shared<int>(50);
  audit->add_option("--db", opt.db, "Database file")->required();
  audit->add_option("--limit", *limit, "Entries");
  audit->add_flag("--json", opt.json, "JSON output");
  audit->callback([&opt, limit] {
    opt.exit_code = with_registry(opt, false, [&opt, limit](service::Registry& r) -> Status {
      auto entries = r.store().list_audit(*limit);
      if (!entries.ok()) return entries.error();
      nlohmann::json out = nlohmann::json::array();
      for (const auto& e : *entries) {
        if (opt.json) {
          out.push_back({{"id", e.id},
                         {"at", e.at},
                         {"actor", e.actor},
                         {"action", e.action},
                         {"target", e.target},
                         {"detail", nlohmann::json::parse(e.detail_json)}});
        } else {
          std::cout << e.at << "\t" << e.actor << "\t" << e.action << "\t" << e.target << "\t"
                    << e.detail_json << "\n";
        }
      }
      if (opt.json) std::cout << out.dump(2) << "\n";
      return {};
    });
  });
}

}  // namespace dangvu::app
