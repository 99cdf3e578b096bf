// dangvu statistics: the member statistics of an org's subtree for a period, printed or written
// as the document the office signs.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "report/render.h"

namespace dangvu::app {
namespace {

struct StatisticsOptions {
  std::string org, period, format = "xlsx", out;
  bool force = false;
};

// The tables as text: each line indented by level, this period, last year, the ratio.
void print(const service::StatisticsView& v) {
  auto as_of = Date::parse(v.as_of);
  std::cout << v.org_name << " — " << v.period_label << " (đến ngày "
            << (as_of.ok() ? as_of->vi() : v.as_of) << ")\n";
  for (const auto& t : v.tables) {
    std::cout << "\n" << t.title << "\n";
    for (const auto& l : t.lines) {
      std::cout << std::string(static_cast<std::size_t>(2 * l.level), ' ') << l.label << ": "
                << l.shown << " | " << l.last_year_shown << " | " << l.percent_shown << "\n";
    }
  }
  std::cout << "\n";
  for (const auto& c : v.checks)
    std::cout << (c.holds ? "[khớp] " : "[CHƯA KHỚP] ") << c.message << "\n";
}

}  // namespace

void add_statistics_commands(CLI::App& app, Options& opt) {
  auto* cmd = app.add_subcommand(
      "statistics",
      "Biểu thống kê đảng viên của một tổ chức cho một kỳ (kỳ này, cùng kỳ năm trước)");
  auto so = std::make_shared<StatisticsOptions>();
  cmd->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  cmd->add_option("--org", so->org, "Org code")->required();
  cmd->add_option("--period", so->period, "2026-03 | 2026-Q1 | 2026-H1 | 2026 | 2020-2025")
      ->required();
  cmd->add_option("--format", so->format, "xlsx (default) | docx | html, with --output");
  cmd->add_option("-o,--output", so->out, "Write the document here instead of printing the tables");
  cmd->add_flag("--force", so->force, "Overwrite the output file");
  cmd->callback([&opt, so] {
    opt.exit_code = with_registry(opt, false, [so](service::Registry& r) -> Status {
      if (so->out.empty()) {
        auto v = r.member_statistics(so->org, so->period);
        if (!v.ok()) return v.error();
        print(*v);
        return {};
      }
      if (so->format != "docx" && so->format != "xlsx" && so->format != "html") {
        return Error::invalid("format", "Trường «format»: chọn xlsx, docx hoặc html.",
                              "unknown format");
      }
      auto doc = r.statistics_document(so->org, so->period);
      if (!doc.ok()) return doc.error();
      Result<std::string> bytes = so->format == "xlsx" ? report::render_xlsx(*doc)
                                  : so->format == "html"
                                      ? Result<std::string>(report::render_html_page(*doc))
                                      : report::render_docx(*doc, nullptr);
      if (!bytes.ok()) return bytes.error();
      DANGVU_TRY(write_output_file(so->out, *bytes, so->force));
      std::cout << "Đã ghi biểu thống kê vào " << so->out << ".\n";
      return {};
    });
  });
}

}  // namespace dangvu::app
