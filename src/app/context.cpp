#include "app/context.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/render.h"
#include "store/store.h"

namespace dangvu::app {

int report_error(const Error& e, bool json) {
  if (json) {
    std::cerr << to_json(e).dump() << "\n";
  } else {
    std::cerr << "Lỗi: " << e.message_vi << "\n";
  }
  std::cerr << "error: kind=" << to_string(e.kind);
  if (!e.field.empty()) std::cerr << " field=" << e.field;
  if (!e.rule.empty()) std::cerr << " rule=" << e.rule;
  std::cerr << ": " << e.detail_en << "\n";
  return exit_code(e.kind);
}

Result<RuleSet> load_rules(const std::string& rules_file) {
  std::string path = rules_file;
  if (path.empty()) {
    if (const char* env = std::getenv("DANGVU_RULES")) path = env;
  }
  if (path.empty()) return RuleSet::defaults();
  std::ifstream in(path);
  if (!in) {
    return Error::io("Không đọc được tệp quy tắc «" + path + "».",
                     "cannot read rules file " + path);
  }
  std::stringstream buf;
  buf << in.rdbuf();
  return RuleSet::from_json(buf.str());
}

namespace {

std::string actor_name() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user && *user ? user : "unknown");
}

}  // namespace

int with_registry(const Options& opt, bool create_new,
                  const std::function<Status(service::Registry&)>& fn) {
  auto rules = load_rules(opt.rules_file);
  if (!rules.ok()) return report_error(rules.error(), opt.json);
  static const SystemClock clock;
  auto store = store::Store::open(
      opt.db, create_new ? store::OpenMode::create_new : store::OpenMode::open_existing,
      clock.now_iso());
  if (!store.ok()) return report_error(store.error(), opt.json);
  service::Registry registry(**store, *rules, clock, actor_name());
  Status s = fn(registry);
  if (!s.ok()) return report_error(s.error(), opt.json);
  return 0;
}

// Writes the file whole or not at all: a temporary file beside it, renamed when complete.
Status write_output_file(const std::string& path, const std::string& bytes, bool force) {
  namespace fs = std::filesystem;
  if (!force && fs::exists(path)) {
    return Error::conflict("o", "Tệp «" + path + "» đã tồn tại; dùng --force để ghi đè.",
                           "output exists");
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Error::io("Không ghi được tệp «" + path + "».", "cannot write " + tmp);
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Error::io("Không ghi được tệp «" + path + "».", ec.message());
  return {};
}

}  // namespace dangvu::app
