#pragma once
// What every subcommand shares: the database, the rule set, the clock, error output.
#include <functional>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "service/registry.h"

namespace CLI {
class App;
}

namespace dangvu::app {

struct Options {
  std::string db;
  std::string rules_file;
  bool json = false;
  int exit_code = 0;  // set by the subcommand that ran
};

// Prints a refusal: Vietnamese for the user, then the English detail for logs. Returns the exit
// code.
int report_error(const Error& e, bool json);

// Loads the rule set: defaults, overridden by --rules FILE or $DANGVU_RULES when given.
Result<RuleSet> load_rules(const std::string& rules_file);

// Opens the database, builds a Registry and runs `fn` with it; returns the exit code.
int with_registry(const Options& opt, bool create_new,
                  const std::function<Status(service::Registry&)>& fn);

// Writes an output file whole or not at all (a temporary file beside it, renamed when complete);
// refuses to overwrite an existing file unless `force` (error naming the field "o").
Status write_output_file(const std::string& path, const std::string& bytes, bool force);

void add_org_commands(CLI::App& app, Options& opt);
// issuer | set-issuer | holder, under `dangvu org` (cli_issuer.cpp).
void add_org_issuer_commands(CLI::App& org, Options& opt);
void add_member_commands(CLI::App& app, Options& opt);
// `member dossier`, under the `member` command (cli_dossier.cpp).
void add_member_dossier_command(CLI::App* member, Options& opt);
void add_read_commands(CLI::App& app, Options& opt);
void add_admin_commands(CLI::App& app, Options& opt);
void add_user_commands(CLI::App& app, Options& opt);
void add_serve_command(CLI::App& app, Options& opt);
void add_backup_commands(CLI::App& app, Options& opt);
void add_migrate_command(CLI::App& app, Options& opt);
void add_work_commands(CLI::App& app, Options& opt);
void add_report_commands(CLI::App& app, Options& opt);
void add_statistics_commands(CLI::App& app, Options& opt);
void add_io_commands(CLI::App& app, Options& opt);
void add_conference_commands(CLI::App& app, Options& opt);
// invitation | minutes | news, under `dangvu conference` (cli_conference_docs.cpp).
void add_conference_document_commands(CLI::App& conference, Options& opt);

}  // namespace dangvu::app
