#pragma once
// The dangvu command line: parses arguments (CLI11), wires store + service, prints results.
// Returns the process exit code: 0 on success, ErrorKind's exit code on a refusal.
namespace dangvu::app {

int run_cli(int argc, char** argv);

}  // namespace dangvu::app
