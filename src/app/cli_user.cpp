// dangvu user add | passwd | disable | enable | list — accounts of the server, from the command
// line (whoever holds the database file administers it).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "service/accounts.h"

namespace dangvu::app {

int with_accounts(const Options& opt,
                  const std::function<Status(service::Accounts&, const service::Caller&)>& fn) {
  return with_registry(opt, false, [&fn](service::Registry& r) -> Status {
    auth::LoginThrottle throttle;
    service::Accounts accounts(r.store(), r.clock(), {}, throttle);
    return fn(accounts, r.caller());
  });
}

void add_user_commands(CLI::App& app, Options& opt) {
  auto* user =
      app.add_subcommand("user", "Tài khoản đăng nhập (add, passwd, disable, enable, list)");
  user->require_subcommand(1);

  auto in = std::make_shared<service::NewAccountInput>();
  auto* add = user->add_subcommand("add", "Tạo tài khoản; in mật khẩu dùng một lần");
  add->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  add->add_option("--username", in->username, "Login name (a–z, 0–9, . _ -)")->required();
  add->add_option("--role", in->role,
                  "admin | committee_office | branch_secretary | inspection | viewer")
      ->required();
  add->add_option("--org", in->org_code, "Org whose subtree the account works on");
  add->add_option("--name", in->display_name, "Display name");
  add->callback([&opt, in] {
    opt.exit_code =
        with_accounts(opt, [&](service::Accounts& a, const service::Caller& by) -> Status {
          auto password = a.create(by, *in);
          if (!password.ok()) return Status(password.error());
          std::cout << "Đã tạo tài khoản «" << in->username
                    << "». Mật khẩu dùng một lần: " << *password
                    << "\n(phải đổi khi đăng nhập lần đầu)\n";
          return Status();
        });
  });

  auto name = std::make_shared<std::string>();
  auto* passwd = user->add_subcommand("passwd", "Đặt lại mật khẩu; in mật khẩu dùng một lần");
  passwd->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  passwd->add_option("--username", *name, "Login name")->required();
  passwd->callback([&opt, name] {
    opt.exit_code =
        with_accounts(opt, [&](service::Accounts& a, const service::Caller& by) -> Status {
          auto password = a.reset_password(by, *name);
          if (!password.ok()) return Status(password.error());
          std::cout << "Đã đặt lại mật khẩu của «" << *name
                    << "». Mật khẩu dùng một lần: " << *password
                    << "\n(các phiên đăng nhập cũ đã kết thúc)\n";
          return Status();
        });
  });

  for (bool disable : {true, false}) {
    auto* cmd =
        user->add_subcommand(disable ? "disable" : "enable",
                             disable ? "Khóa tài khoản (kết thúc mọi phiên)" : "Mở khóa tài khoản");
    cmd->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
    cmd->add_option("--username", *name, "Login name")->required();
    cmd->callback([&opt, name, disable] {
      opt.exit_code =
          with_accounts(opt, [&](service::Accounts& a, const service::Caller& by) -> Status {
            DANGVU_TRY(a.set_disabled(by, *name, disable));
            std::cout << (disable ? "Đã khóa" : "Đã mở khóa") << " tài khoản «" << *name << "».\n";
            return Status();
          });
    });
  }

  auto* list = user->add_subcommand("list", "Danh sách tài khoản");
  list->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  list->callback([&opt] {
    opt.exit_code =
        with_accounts(opt, [&](service::Accounts& a, const service::Caller& by) -> Status {
          auto rows = a.list(by);
          if (!rows.ok()) return Status(rows.error());
          for (const auto& r : *rows) {
            std::cout << r.username << "\t" << r.role << "\t"
                      << (r.org_code.empty() ? "-" : r.org_code) << "\t" << r.display_name << "\t"
                      << (r.disabled ? "đã khóa"
                                     : (r.must_change_password ? "chờ đổi mật khẩu" : "hoạt động"))
                      << "\n";
          }
          return Status();
        });
  });
}

}  // namespace dangvu::app
