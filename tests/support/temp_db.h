#pragma once
// Test support: a temporary folder per test, and a fingerprint of a database's whole content
// (the sqlite3 shell's .dump) to prove that a refused action changed nothing.
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace dangvu::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("dangvu-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The full SQL dump of the database file, as text.
inline std::string dump_database(const std::string& path) {
  std::string cmd = "sqlite3 '" + path + "' .dump";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buf{};
  while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
    out += buf.data();
  return out;
}

}  // namespace dangvu::testing
