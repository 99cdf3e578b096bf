// dangvu init | demo | rules | audit
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "app/render.h"
#include "auth/secrets.h"
#include "service/accounts.h"
#include "service/demo.h"
#include "store/store.h"

namespace dangvu::app {

namespace {

// One account per role over parts of the demo tree, with random passwords printed once. At the
// national scale the orgs are those of the first province (codes prefixed "P00-").
Status create_demo_accounts(service::Registry& r, const std::string& prefix) {
  auth::LoginThrottle throttle;
  service::Accounts accounts(r.store(), r.clock(), {}, throttle);
  const std::vector<service::NewAccountInput> demo = {
      {"quantri", "Quản trị hệ thống", "admin", ""},
      {"vanphong", "Văn phòng Đảng ủy các cơ quan Đảng tỉnh", "committee_office", "DBCQD"},
      {"bithu", "Bí thư Chi bộ Văn phòng (Đảng bộ Văn phòng Tỉnh ủy)", "branch_secretary",
       "DB001.01"},
      {"kiemtra", "Ủy ban Kiểm tra Tỉnh ủy", "inspection", "TU"},
      {"xem", "Cán bộ theo dõi Đảng bộ Ủy ban nhân dân tỉnh", "viewer", "DBUB"},
  };
  std::cout << "\nTài khoản mẫu (mật khẩu ngẫu nhiên, chỉ in một lần):\n";
  for (auto a : demo) {
    if (!a.org_code.empty()) a.org_code = prefix + a.org_code;
    std::string password = auth::one_time_password();
    DANGVU_TRY(accounts.create_with_password(r.caller(), a, password));
    std::cout << "  " << a.username << "\t" << password << "\t" << a.role
              << (a.org_code.empty() ? "" : " @ " + a.org_code) << "\t" << a.display_name << "\n";
  }
  return {};
}

}  // namespace

void add_admin_commands(CLI::App& app, Options& opt) {
  auto* init = app.add_subcommand(
      "init", "Tạo cơ sở dữ liệu mới và tài khoản quản trị đầu tiên (in mật khẩu dùng một lần)");
  auto admin = std::make_shared<std::string>("admin");
  init->add_option("--db", opt.db, "Database file to create")->required();
  init->add_option("--admin", *admin, "Login name of the first administrator (default: admin)");
  init->callback([&opt, admin] {
    bool created = false;
    opt.exit_code = with_registry(opt, true, [&](service::Registry& r) -> Status {
      created = true;
      auth::LoginThrottle throttle;
      service::Accounts accounts(r.store(), r.clock(), {}, throttle);
      auto password = accounts.create_first_admin(*admin);
      if (!password.ok()) return password.error();
      std::cout << "Đã tạo cơ sở dữ liệu «" << store::redacted(opt.db) << "» (lược đồ phiên bản "
                << r.store().schema_version() << ").\n"
                << "Tài khoản quản trị: " << *admin << "\nMật khẩu dùng một lần: " << *password
                << "\n(phải đổi khi đăng nhập lần đầu; không được in lại)\n";
      return {};
    });
    // A database without its administrator is no use; one that was there before is not ours.
    // A file made by this run is removed; a server database is left to its administrator.
    if (opt.exit_code != 0 && created && store::engine_of(opt.db) == store::Engine::sqlite) {
      std::remove(opt.db.c_str());
    }
  });

  auto* demo =
      app.add_subcommand("demo", "Tạo cơ sở dữ liệu mẫu (tỉnh trước và sau sắp xếp năm 2025)");
  struct DemoArgs {
    std::uint64_t seed = 1;
    std::string scale = "small";
    bool accounts = false;
  };
  auto da = std::make_shared<DemoArgs>();
  demo->add_option("--db", opt.db, "Database file to create")->required();
  demo->add_option("--seed", da->seed, "Random seed (same seed, same data)");
  demo->add_option("--scale", da->scale,
                   "small (~2.000 members), province (~150.000), nation (~5,6 million)");
  demo->add_flag("--accounts", da->accounts,
                 "Also create one demo account per role with a random password, and print them");
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
                << summary->reorganized_on.vi() << ".\n"
                << "Công việc năm 2026: " << format_count(summary->meetings)
                << " buổi sinh hoạt chi bộ, " << format_count(summary->oversights)
                << " cuộc kiểm tra, giám sát, " << format_count(summary->study_sessions)
                << " buổi học tập nghị quyết";
      if (summary->conferences > 0) {
        std::cout << ", " << format_count(summary->conferences)
                  << " hội nghị (giao ban Cụm thi đua số 1 chọn cụm trưởng năm 2026; sơ kết quý I "
                     "của Đảng bộ DB001, có nhiệm vụ quá hạn)";
      }
      std::cout << ".\n";
      if (da->accounts) {
        return create_demo_accounts(r, *scale == service::DemoScale::nation ? "P00-" : "");
      }
      return {};
    });
    // A half-made demo is worse than none (a failed run on a server rolled back already).
    if (opt.exit_code != 0 && store::engine_of(opt.db) == store::Engine::sqlite) {
      std::remove(opt.db.c_str());
    }
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
  auto filter = std::make_shared<service::AuditInput>();
  filter->limit = 50;
  audit->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  audit->add_option("--limit", filter->limit, "Entries (1–1000)");
  audit->add_option("--org", filter->org_code, "Only entries about this org and its subtree");
  audit->add_option("--user", filter->user, "Only entries by this account");
  audit->add_option("--from", filter->from, "From date YYYY-MM-DD");
  audit->add_option("--to", filter->to, "To date YYYY-MM-DD (inclusive)");
  audit->add_flag("--json", opt.json, "JSON output");
  audit->callback([&opt, filter] {
    opt.exit_code = with_registry(opt, false, [&opt, filter](service::Registry& r) -> Status {
      auto entries = r.read_audit(*filter);
      if (!entries.ok()) return entries.error();
      nlohmann::json out = nlohmann::json::array();
      for (const auto& e : *entries) {
        if (opt.json) {
          out.push_back({{"id", e.id},
                         {"at", e.at},
                         {"actor", e.actor},
                         {"address", e.address},
                         {"action", e.action},
                         {"target", e.target},
                         {"org", e.org_code},
                         {"detail", nlohmann::json::parse(e.detail_json, nullptr, false)}});
        } else {
          std::cout << e.at << "\t" << e.actor << "\t" << e.address << "\t" << e.action << "\t"
                    << e.target << "\t" << e.org_code << "\t" << e.detail_json << "\n";
        }
      }
      if (opt.json) std::cout << out.dump(2) << "\n";
      return {};
    });
  });
}

}  // namespace dangvu::app
