// The server stays up for everyone while idle, slow and malformed clients hold connections
// (api/http_core.h), on loopback with bounded counts and times: 64 idle and 64 trickling
// connections while 8 clients get every answer in under a second; a malformed request is
// answered and closed at once; pipelined requests are all answered, in order.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

// A raw TCP connection to the server, closed on destruction.
class RawSocket {
 public:
  explicit RawSocket(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawSocket() { ::close(fd_); }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Everything received until the peer closes or `within` passes; `closed` tells which.
  std::string receive(std::chrono::milliseconds within, bool& closed) {
    std::string out;
    closed = false;
    const auto until = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      if (::poll(&p, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) continue;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed = true;
        break;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(Availability, IdleAndTricklingConnectionsStarveNoOne) {
  ApiServer server;  // 4 workers
  // Logged in first: a login is a deliberately slow password hash (argon2id), not a measure of
  // the server's availability.
  std::vector<std::unique_ptr<Browser>> browsers;
  for (int c = 0; c < 8; ++c) {
    browsers.push_back(std::make_unique<Browser>(server.port()));
    ASSERT_EQ(browsers.back()->login("viewer").status, 200);
  }
  const auto opened = std::chrono::steady_clock::now();
  std::vector<std::unique_ptr<RawSocket>> idle, trickling;
  for (int i = 0; i < 64; ++i) {
    idle.push_back(std::make_unique<RawSocket>(server.port()));
    ASSERT_TRUE(idle.back()->connected());
    trickling.push_back(std::make_unique<RawSocket>(server.port()));
    ASSERT_TRUE(trickling.back()->connected());
    ASSERT_TRUE(trickling.back()->send("GET /api/v1/session HTTP/1.1\r\n"));
  }
  // The tricklers send one header byte each every 100 ms for as long as the clients work (at most
  // a minute): a server whose workers they held would answer no client before the 10 s deadline
  // for a request head.
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    const std::string header = "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    for (std::size_t i = 0; i < 600 && !done; ++i) {
      for (auto& s : trickling) s->send(i < header.size() ? header.substr(i, 1) : "a");
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::atomic<int> answered{0}, slow{0}, wrong{0};
  std::atomic<long long> slowest_ms{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      Browser& b = *browsers[static_cast<std::size_t>(c)];
      for (int i = 0; i < 10; ++i) {
        const auto started = std::chrono::steady_clock::now();
        Reply r = i % 2 == 0 ? b.get("/api/v1/tree") : b.get("/api/v1/members?q=an");
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
        if (r.status != 200) ++wrong;
        // Generous for a loaded two-core machine under the sanitizers (an answer took over a
        // second there once); a starved server takes the head deadline, 10 s, or never answers.
        if (ms >= 5000) ++slow;
        long long seen = slowest_ms;
        while (ms > seen && !slowest_ms.compare_exchange_weak(seen, ms)) {
        }
        ++answered;
      }
    });
  }
  for (auto& t : clients) t.join();
  done = true;
  trickle.join();
  EXPECT_EQ(answered, 80);
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(slow, 0) << "slowest answer " << slowest_ms << " ms";
  // The held connections were held, not dropped: an idle one still takes a request (unless the
  // machine was so slow that its 10 s deadline for a request head has passed).
  if (std::chrono::steady_clock::now() - opened > std::chrono::seconds(9)) return;
  bool closed = false;
  ASSERT_TRUE(idle.front()->send("GET /api/v1/session HTTP/1.1\r\nHost: t\r\n\r\n"));
  const std::string answer = idle.front()->receive(std::chrono::milliseconds(5000), closed);
  EXPECT_NE(answer.find("HTTP/1.1 401"), std::string::npos) << answer;
}

TEST(Availability, AMalformedRequestIsAnsweredAndClosedAtOnce) {
  ApiServer server;
  RawSocket s(server.port());
  ASSERT_TRUE(s.connected());
  ASSERT_TRUE(s.send("NOT HTTP AT ALL\r\n\r\n"));
  bool closed = false;
  const std::string answer = s.receive(std::chrono::milliseconds(5000), closed);
  EXPECT_NE(answer.find("HTTP/1.1 400"), std::string::npos) << answer;
  EXPECT_TRUE(closed) << "the connection is closed, not kept until a timeout";
}

TEST(Availability, PipelinedRequestsAreAllAnsweredInOrder) {
  ApiServer server;
  RawSocket s(server.port());
  ASSERT_TRUE(s.connected());
  const std::string one = "GET /api/v1/session HTTP/1.1\r\nHost: t\r\n\r\n";
  const std::string last =
      "GET /api/v1/nothing-here HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
  ASSERT_TRUE(s.send(one + one + one + last));
  bool closed = false;
  const std::string answers = s.receive(std::chrono::milliseconds(5000), closed);
  EXPECT_EQ(count_of(answers, "HTTP/1.1 401"), 3u) << answers;
  EXPECT_EQ(count_of(answers, "HTTP/1.1 404"), 1u) << answers;
  EXPECT_LT(answers.rfind("HTTP/1.1 401"), answers.find("HTTP/1.1 404"));
  EXPECT_TRUE(closed);
}

TEST(Availability, AnIdleConnectionWithNoRequestIsClosedByItsDeadline) {
  ApiServer server;
  RawSocket s(server.port());
  ASSERT_TRUE(s.connected());
  ASSERT_TRUE(s.send("GET /api/v1/session HTTP/1.1\r\n"));  // and never the rest
  bool closed = false;
  (void)s.receive(std::chrono::milliseconds(15000), closed);
  EXPECT_TRUE(closed) << "a request head that never ends is cut off after its 10 s deadline";
}

TEST(Availability, ImportsTakeTurns) {
  // An import holds its file and rows in memory: a second one while the first runs is told to
  // come back (429 with Retry-After) instead of doubling the server's memory.
  std::atomic<int> running{1};
  api::Environment env;
  env.imports_running = &running;
  api::RequestContext ctx;
  ctx.env = &env;
  ctx.path_params = {"members"};
  ctx.query = [](const std::string& name) { return name == "file_name" ? "ds.csv" : ""; };
  ctx.raw_in = "Họ và tên,Ngày sinh\n";
  const api::Route* import = nullptr;
  for (const auto& r : api::route_table()) {
    if (r.method == "POST" && r.path == "/api/v1/import/{kind}") import = &r;
  }
  ASSERT_NE(import, nullptr);
  Status st = import->handler(ctx);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::throttled);
  EXPECT_EQ(st.error().retry_after_seconds, 30);
  EXPECT_EQ(running, 1) << "the turn is given back";
}

}  // namespace
}  // namespace dangvu::testing
