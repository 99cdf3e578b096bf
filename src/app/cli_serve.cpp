// dangvu serve — the JSON API and the web app.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "api/server.h"
#include "app/context.h"

namespace dangvu::app {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string db_read;
  std::string web_root;
  std::string report_template;
  int threads = 16;
  bool secure_cookie = false;
  bool insecure_http = false;
  long long idle = 30 * 60;
  long long absolute = 12 * 60 * 60;
  std::string log_level = "info";
};

// 127.0.0.0/8, ::1 and localhost reach only this machine.
bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

Result<std::pair<std::string, int>> parse_listen(const std::string& text) {
  auto colon = text.rfind(':');
  int port = -1;
  if (colon != std::string::npos && colon > 0) {
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    auto [end, ec] = std::from_chars(first, last, port);
    if (ec != std::errc() || end != last || first == last) port = -1;
  }
  if (port < 0 || port > 65535) {
    return Error::invalid("listen",
                          "Trường «listen»: phải có dạng địa-chỉ:cổng, ví dụ 127.0.0.1:8080.",
                          "bad --listen " + text);
  }
  return std::pair{text.substr(0, colon), port};
}

}  // namespace

void add_serve_command(CLI::App& app, Options& opt) {
  auto a = std::make_shared<ServeArgs>();
  auto* serve = app.add_subcommand("serve", "Chạy máy chủ: API JSON và ứng dụng web");
  serve->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  serve->add_option("--db-read", a->db_read,
                    "A streaming replica (postgresql://…) for stats, search and reports; writes "
                    "go to --db, and reads fall back to it while the replica is down");
  serve->add_option("--listen", a->listen, "Address and port (default 127.0.0.1:8080)");
  serve->add_option("--web-root", a->web_root, "Folder of the built web app (web/dist)");
  serve->add_option("--report-template", a->report_template,
                    "The office's own report template (.docx, from `dangvu report-template`)");
  serve->add_option("--threads", a->threads, "Worker threads and database connections")
      ->check(CLI::Range(1, 256));
  serve->add_flag("--secure-cookie", a->secure_cookie,
                  "Mark the session cookie Secure (when served over TLS, e.g. behind nginx)");
  serve->add_flag(
      "--insecure-http", a->insecure_http,
      "Allow a non-loopback --listen without --secure-cookie (plain HTTP on a network)");
  serve->add_option("--session-idle", a->idle, "Seconds without a request before logout")
      ->check(CLI::Range(1LL, 7LL * 24 * 3600));
  serve->add_option("--session-max", a->absolute, "Seconds a session lasts at most")
      ->check(CLI::Range(1LL, 30LL * 24 * 3600));
  serve->add_option("--log-level", a->log_level, "debug | info | warn");
  serve->callback([&opt, a] {
    auto listen = parse_listen(a->listen);
    if (!listen.ok()) {
      opt.exit_code = report_error(listen.error(), false);
      return;
    }
    if (!is_loopback(listen->first) && !a->secure_cookie && !a->insecure_http) {
      // Passwords and members' data would cross the network in clear text.
      opt.exit_code = report_error(
          Error::invalid("listen",
                         "Trường «listen»: địa chỉ «" + listen->first +
                             "» nhận kết nối từ mạng qua HTTP không mã hóa. Hãy đặt dangvu sau "
                             "nginx có TLS và dùng --secure-cookie (xem docs/deploy.md), hoặc "
                             "ghi rõ --insecure-http nếu chấp nhận rủi ro.",
                         "non-loopback --listen needs --secure-cookie or --insecure-http"),
          false);
      return;
    }
    if (!is_loopback(listen->first) && a->insecure_http) {
      std::cerr << "Cảnh báo: máy chủ nhận kết nối từ mạng qua HTTP không mã hóa (" << a->listen
                << "); mật khẩu và hồ sơ đảng viên đi qua mạng không được bảo vệ.\n";
    }
    auto rules = load_rules(opt.rules_file);
    if (!rules.ok()) {
      opt.exit_code = report_error(rules.error(), false);
      return;
    }
    // Logs go to stderr; stdout carries only the address line.
    spdlog::set_default_logger(spdlog::stderr_logger_mt("dangvu"));
    spdlog::set_level(a->log_level == "debug"  ? spdlog::level::debug
                      : a->log_level == "warn" ? spdlog::level::warn
                                               : spdlog::level::info);
    static const SystemClock clock;
    api::ServerConfig config;
    config.db_path = opt.db;
    config.db_read_path = a->db_read;
    config.host = listen->first;
    config.port = listen->second;
    config.web_root = a->web_root;
    config.threads = a->threads;
    config.env.rules = *rules;
    config.env.clock = &clock;
    config.env.secure_cookie = a->secure_cookie;
    config.env.sessions.idle_seconds = a->idle;
    config.env.sessions.absolute_seconds = a->absolute;
    config.env.sessions.touch_every_seconds = std::min<long long>(60, a->idle / 4 + 1);
    if (!a->report_template.empty()) {
      std::ifstream in(a->report_template, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      if (!in || bytes.str().empty()) {
        opt.exit_code =
            report_error(Error::invalid("report-template",
                                        "Trường «report-template»: không đọc được tệp «" +
                                            a->report_template + "».",
                                        "cannot read the report template"),
                         false);
        return;
      }
      config.env.report_template_docx = bytes.str();
    }

    // SIGINT/SIGTERM are taken by one thread that stops the server; the workers never see them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto server = api::Server::create(config);
    if (!server.ok()) {
      opt.exit_code = report_error(server.error(), false);
      return;
    }
    auto port = (*server)->bind();
    if (!port.ok()) {
      opt.exit_code = report_error(port.error(), false);
      return;
    }
    std::cout << "dangvu đang phục vụ tại http://" << config.host << ":" << *port << "/"
              << std::endl;
    api::Server* running = server->get();
    std::thread stopper([&signals, running] {
      int sig = 0;
      sigwait(&signals, &sig);
      spdlog::info("signal {}: stopping", sig);
      running->stop();
    });
    running->run();
    // Stopped by a signal: the stopper has returned. Stopped otherwise: wake it.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
  });
}

}  // namespace dangvu::app
