// The HTTP server core on Boost.Beast (see http_core.h). Everything that touches a socket runs on
// the one network thread; a worker only ever sees a whole request and returns a whole answer.
#include "api/http_core.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace dangvu::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded; '+' is a space in a query, a plus in a path.
std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && c == '+') ? ' ' : c;
  }
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string HttpRequest::header(const std::string& name) const {
  const std::string key = lower(name);
  for (const auto& [k, v] : headers) {
    if (k == key) return v;
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> HttpRequest::params() const {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t pos = 0;
  while (pos <= query_string.size() && !query_string.empty()) {
    std::size_t end = query_string.find('&', pos);
    if (end == std::string::npos) end = query_string.size();
    const std::string_view part(query_string.data() + pos, end - pos);
    if (!part.empty()) {
      const std::size_t eq = part.find('=');
      out.emplace_back(
          percent_decode(part.substr(0, eq), true),
          eq == std::string_view::npos ? "" : percent_decode(part.substr(eq + 1), true));
    }
    pos = end + 1;
  }
  return out;
}

std::string HttpRequest::param(const std::string& name) const {
  for (const auto& [k, v] : params()) {
    if (k == name) return v;
  }
  return "";
}

struct HttpCore::Impl {
  HttpLimits limits;
  Handler handler;
  Refusal refusal;
  // Declared before the io_context: a connection still queued there when it is destroyed
  // releases its count on the way out.
  std::mutex count_mutex;
  std::map<std::string, std::size_t> per_address;
  std::size_t connections = 0;
  std::atomic<bool> stopping{false};
  std::once_flag joined;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor{ioc};

  explicit Impl(HttpLimits l, Handler h, Refusal r)
      : limits(l),
        handler(std::move(h)),
        refusal(std::move(r)),
        workers(static_cast<std::size_t>(std::max(1, l.workers))) {}

  void accept();
  bool admit(const std::string& address);
  void release(const std::string& address);
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(HttpCore::Impl& core, tcp::socket socket, std::string address)
      : core_(core), stream_(std::move(socket)), address_(std::move(address)) {}
  ~Connection() { core_.release(address_); }

  void start() { read_head(); }

 private:
  void read_head() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(core_.limits.max_head_bytes));
    parser_->body_limit(core_.limits.max_body_bytes);
    stream_.expires_after(served_ == 0 ? core_.limits.head_timeout : core_.limits.idle_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_head(ec); });
  }

  void on_head(beast::error_code ec) {
    if (ec) return fail(ec);
    const auto& head = parser_->get();
    if (parser_->is_done()) return dispatch();
    auto expect = head[http::field::expect];
    if (beast::iequals(expect, "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      stream_.expires_after(core_.limits.write_timeout);
      http::async_write(stream_, *cont,
                        [self = shared_from_this(), cont](beast::error_code e, std::size_t) {
                          if (e) return self->close();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    stream_.expires_after(core_.limits.body_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->fail(ec);
                       self->dispatch();
                     });
  }

  // What never became a request: a refusal for what the client can be told, silence otherwise.
  void fail(beast::error_code ec) {
    if (ec == http::error::body_limit) return refuse(413);
    if (ec == http::error::header_limit) return refuse(431);
    if (ec == beast::error::timeout || ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
        ec == http::error::partial_message) {
      return close();
    }
    refuse(400);
  }

  void refuse(int status) {
    HttpResponse out;
    out.status = status;
    core_.refusal(status, out);
    write(std::make_shared<HttpResponse>(std::move(out)), false);
  }

  void dispatch() {
    auto msg = parser_->release();
    auto req = std::make_shared<HttpRequest>();
    req->method.assign(msg.method_string().data(), msg.method_string().size());
    const std::string_view target(msg.target().data(), msg.target().size());
    const std::size_t q = target.find('?');
    req->path = percent_decode(target.substr(0, q), false);
    if (q != std::string_view::npos) req->query_string = std::string(target.substr(q + 1));
    for (const auto& field : msg) {
      req->headers.emplace_back(
          lower(std::string_view(field.name_string().data(), field.name_string().size())),
          std::string(field.value().data(), field.value().size()));
    }
    req->body = std::move(msg.body());
    req->remote_address = address_;
    const bool keep_alive = msg.keep_alive();
    stream_.expires_never();  // the worker's time is not the client's
    auto self = shared_from_this();
    asio::post(core_.workers, [self, req, keep_alive] {
      auto out = std::make_shared<HttpResponse>();
      try {
        self->core_.handler(*req, *out);
      } catch (...) {
        *out = HttpResponse{};
        self->core_.refusal(500, *out);
      }
      asio::post(self->stream_.get_executor(),
                 [self, out, keep_alive] { self->write(out, keep_alive); });
    });
  }

  void write(const std::shared_ptr<HttpResponse>& out, bool keep_alive) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(out->status));
    for (const auto& [k, v] : out->headers) res->insert(k, v);
    if (!out->content_type.empty()) res->set(http::field::content_type, out->content_type);
    res->body() = std::move(out->body);
    keep_alive = keep_alive && !core_.stopping;
    res->keep_alive(keep_alive);
    res->prepare_payload();
    ++served_;
    stream_.expires_after(core_.limits.write_timeout);
    http::async_write(
        stream_, *res,
        [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
          if (ec || !keep_alive) return self->close();
          self->read_head();  // the next request, pipelined or not
        });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  HttpCore::Impl& core_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string address_;
  std::size_t served_ = 0;
};

}  // namespace

bool HttpCore::Impl::admit(const std::string& address) {
  std::lock_guard lock(count_mutex);
  auto& mine = per_address[address];
  if (connections >= limits.max_connections || mine >= limits.max_per_address) {
    if (mine == 0) per_address.erase(address);
    return false;
  }
  ++mine;
  ++connections;
  return true;
}

void HttpCore::Impl::release(const std::string& address) {
  std::lock_guard lock(count_mutex);
  auto it = per_address.find(address);
  if (it != per_address.end() && --it->second == 0) per_address.erase(it);
  --connections;
}

void HttpCore::Impl::accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (!ec) {
      beast::error_code peer_ec;
      auto peer = socket.remote_endpoint(peer_ec);
      std::string address = peer_ec ? "?" : peer.address().to_string();
      if (admit(address)) {
        socket.set_option(tcp::no_delay(true), peer_ec);
        std::make_shared<Connection>(*this, std::move(socket), std::move(address))->start();
      } else {
        socket.close(peer_ec);  // over the cap: closed before it costs anything
      }
    }
    accept();
  });
}

HttpCore::HttpCore(HttpLimits limits, Handler handler, Refusal refusal)
    : impl_(std::make_unique<Impl>(limits, std::move(handler), std::move(refusal))) {}

HttpCore::~HttpCore() {
  stop();
  std::call_once(impl_->joined, [this] { impl_->workers.join(); });
}

Result<int> HttpCore::bind(const std::string& host, int port) {
  beast::error_code ec;
  auto address = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, ec);
  if (ec) return Error::io("Địa chỉ «" + host + "» không hợp lệ.", "bad address " + host);
  tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::io("Không mở được cổng " + host + ":" + std::to_string(port) +
                         " (đang có chương trình khác dùng?).",
                     "cannot bind " + host + ":" + std::to_string(port) + ": " + ec.message());
  }
  return static_cast<int>(a.local_endpoint().port());
}

void HttpCore::run() {
  impl_->accept();
  impl_->ioc.run();
  std::call_once(impl_->joined, [this] { impl_->workers.join(); });
}

void HttpCore::stop() {
  impl_->stopping = true;
  asio::post(impl_->ioc, [impl = impl_.get()] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
  });
  impl_->ioc.stop();
}

}  // namespace dangvu::api
