#pragma once
// The HTTP/1.1 server core under the API: one network thread multiplexes every connection
// (Boost.Beast over Asio, only in http_core.cpp) and hands a request to a pool of workers only
// once it has arrived whole, so idle, slow and trickling clients cost a socket and a few
// kilobytes, never a worker. Each connection has a deadline for its request head (the first one
// and each keep-alive one), for its body and for writing the answer; connections are capped per
// address and in all. Pipelined requests are answered in order.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace dangvu::api {

struct HttpRequest {
  std::string method;                                        // "GET", "POST", …
  std::string path;                                          // percent-decoded, without the query
  std::string query_string;                                  // raw, after '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;

  // The first header of that name (any case), or "".
  std::string header(const std::string& name) const;
  // The first query parameter of that name, percent- and '+'-decoded, or "".
  std::string param(const std::string& name) const;
  std::vector<std::pair<std::string, std::string>> params() const;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;  // empty: no Content-Type (an empty body)
};

struct HttpLimits {
  int workers = 16;                        // threads running requests (database calls block)
  std::size_t max_body_bytes = 32u << 20;  // a larger body is answered 413 and the connection
                                           // closed
  std::size_t max_head_bytes = 16u << 10;  // request line and headers
  std::chrono::seconds head_timeout{10};   // a new connection's first request head
  std::chrono::seconds idle_timeout{30};   // between keep-alive requests, up to the next head
  std::chrono::seconds body_timeout{120};  // a body once its head has arrived (a large import)
  std::chrono::seconds write_timeout{60};  // the answer, to a slow reader
  std::size_t max_connections = 1000;      // in all; more are closed at once
  std::size_t max_per_address = 256;       // from one address (nginx in front is one address)
};

class HttpCore {
 public:
  // Runs on a worker: fills the answer to a whole request.
  using Handler = std::function<void(const HttpRequest&, HttpResponse&)>;
  // Runs on the network thread: the answer to what never became a request (400, 413, 431).
  using Refusal = std::function<void(int status, HttpResponse&)>;

  HttpCore(HttpLimits limits, Handler handler, Refusal refusal);
  ~HttpCore();
  HttpCore(const HttpCore&) = delete;
  HttpCore& operator=(const HttpCore&) = delete;

  // Binds and listens; returns the port (the chosen one when `port` is 0).
  Result<int> bind(const std::string& host, int port);
  // Serves until stop(); returns once every worker has finished.
  void run();
  // Safe from any thread.
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dangvu::api
