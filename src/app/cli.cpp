#include "app/cli.h"

#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "app/context.h"

namespace dangvu::app {

int run_cli(int argc, char** argv) {
  // Every file the program creates may hold members' personal data (the database and its -wal
  // and -shm, backups, exports, reports): readable by the account that runs it alone.
  ::umask(077);
  CLI::App app{
      "dangvu — sổ đăng ký tổ chức đảng và đảng viên (dated org tree and member registry)"};
  app.require_subcommand(1);
  Options opt;
  app.add_option("--rules", opt.rules_file,
                 "JSON file that corrects the default rule set (also $DANGVU_RULES)");
  add_admin_commands(app, opt);
  add_org_commands(app, opt);
  add_member_commands(app, opt);
  add_read_commands(app, opt);
  add_user_commands(app, opt);
  add_serve_command(app, opt);
  add_backup_commands(app, opt);
  add_migrate_command(app, opt);
  add_work_commands(app, opt);
  add_report_commands(app, opt);
  add_statistics_commands(app, opt);
  add_io_commands(app, opt);
  add_conference_commands(app, opt);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    return report_error(Error::io("Lỗi ngoài dự kiến; thao tác chưa được ghi.", e.what()), false);
  }
  return opt.exit_code;
}

}  // namespace dangvu::app
