#pragma once
// Test support: a temporary folder per test, a temporary database (a SQLite file in it, or a fresh
// database on the test PostgreSQL server when DANGVU_TEST_PG_URL_FILE names the file holding its
// URL: scripts/test runs the store, service and API suites both ways), and a fingerprint of a
// database's whole content to prove that a refused action changed nothing.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace dangvu::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("dangvu-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    for (const auto& db : server_databases_)
      server_sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

  // Where a test's database lives: the file `name` in this folder, or, on the PostgreSQL run, a
  // new empty database on the test server (dropped with this folder).
  std::string database(const std::string& name) {
    const std::string server = server_url();
    if (server.empty()) return file(name);
    std::string db = "t_" + path_.filename().string().substr(std::string("dangvu-test-").size()) +
                     "_" + std::to_string(server_databases_.size());
    if (!server_sql("CREATE DATABASE " + db)) throw std::runtime_error("cannot create " + db);
    server_databases_.push_back(db);
    return server + "/" + db;
  }

  // The test server's URL without a database (empty on the SQLite run).
  static std::string server_url() {
    const char* file = std::getenv("DANGVU_TEST_PG_URL_FILE");
    if (!file || !*file) return "";
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    if (url.empty()) throw std::runtime_error(std::string("no server URL in ") + file);
    return url;
  }

 private:
  static bool server_sql(const std::string& statement) {
    const std::string cmd = "psql -q -X -v ON_ERROR_STOP=1 '" + server_url() + "/postgres' -c '" +
                            statement + "' >/dev/null";
    return std::system(cmd.c_str()) == 0;
  }

  std::filesystem::path path_;
  std::vector<std::string> server_databases_;
};

// Runs one SQL statement on a test database behind the program's back (to plant what a test needs).
inline bool exec_sql(const std::string& db, const std::string& statement) {
  const bool server = db.rfind("postgresql://", 0) == 0;
  const std::string cmd =
      server ? "psql -q -X -v ON_ERROR_STOP=1 '" + db + "' -c \"" + statement + "\" >/dev/null"
             : "sqlite3 '" + db + "' \"" + statement + "\"";
  return std::system(cmd.c_str()) == 0;
}

// What a shell command prints on its standard output.
inline std::string command_output(const std::string& cmd) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buf{};
  while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
    out += buf.data();
  return out;
}

// What a query answers on a test database, as the sqlite3 shell or psql prints it unaligned
// (one row a line, columns separated by '|').
inline std::string query_text(const std::string& db, const std::string& query) {
  const bool server = db.rfind("postgresql://", 0) == 0;
  const std::string cmd = server ? "psql -X -A -t -q '" + db + "' -c \"" + query + "\""
                                 : "sqlite3 '" + db + "' \"" + query + "\"";
  return command_output(cmd);
}

// The whole content of a database as text: the sqlite3 shell's .dump of a file, or pg_dump's data
// of a server database (without the sequences' positions, which a rolled-back insert advances, nor
// the random key pg_dump puts in its \\restrict lines).
inline std::string dump_database(const std::string& path) {
  const bool server = path.rfind("postgresql://", 0) == 0;
  std::string cmd = server ? "pg_dump --data-only --no-owner '" + path +
                                 "' | grep -v -E 'setval|^.(un)?restrict '"
                           : "sqlite3 '" + path + "' .dump";
  std::string out = command_output(cmd);
  if (out.empty()) throw std::runtime_error("empty dump of " + path);
  return out;
}

}  // namespace dangvu::testing
