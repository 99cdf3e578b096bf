#pragma once
// `dangvu serve`: the JSON API (and the web app's files) over HTTP on the multiplexing core of
// http_core.h (Boost.Beast, only in http_core.cpp); the rest of api/ sees only RequestContext.
#include <cstddef>
#include <memory>
#include <string>

#include "api/routes.h"
#include "core/result.h"

namespace dangvu::api {

struct ServerConfig {
  std::string db_path;
  std::string db_read_path;  // a PostgreSQL hot standby for the replica_reads routes; empty: none
  std::string host = "127.0.0.1";
  int port = 8080;                          // 0: any free port (tests)
  std::string web_root;                     // the web app's built files; empty: API only
  int threads = 16;                         // worker threads = database connections
  std::size_t max_body_bytes = 1 << 20;     // JSON bodies
  std::size_t max_upload_bytes = 32 << 20;  // files on upload routes (an import)
  int max_json_depth = 8;
  std::size_t max_string_bytes = 4096;
  auth::ThrottlePolicy throttle;
  Environment env;
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> create(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (the chosen one when config.port is 0).
  Result<int> bind();
  // Serves until stop() (from another thread or a signal handler's thread).
  void run();
  void stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dangvu::api
