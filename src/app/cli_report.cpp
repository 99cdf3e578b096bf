// dangvu report | report-template
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/context.h"
#include "report/render.h"

namespace dangvu::app {
namespace {

struct ReportOptions {
  std::string org, period, format = "docx", out, template_file, date;
  bool force = false, checks = false;
};

Result<std::string> read_file(const std::string& path, const char* field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::invalid(field,
                          "Trường «" + std::string(field) + "»: không đọc được tệp «" + path + "».",
                          "cannot read " + path);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

void add_report_commands(CLI::App& app, Options& opt) {
  auto* report =
      app.add_subcommand("report", "Báo cáo sơ kết, tổng kết của một tổ chức cho một kỳ");
  auto ro = std::make_shared<ReportOptions>();
  report->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  report->add_option("--org", ro->org, "Org code")->required();
  report->add_option("--period", ro->period, "2026-03 | 2026-Q1 | 2026-H1 | 2026 | 2020-2025")
      ->required();
  report->add_option("--format", ro->format, "docx (default) | xlsx | html");
  report->add_option("-o,--output", ro->out, "Output file")->required();
  report->add_option("--template", ro->template_file,
                     "The office's own .docx template (from `dangvu report-template`)");
  report->add_option("--date", ro->date,
                     "The date it is signed, YYYY-MM-DD (default: the period's last day)");
  report->add_flag("--checks", ro->checks,
                   "The office's working sheet of the checks on the figures, not the report");
  report->add_flag("--force", ro->force, "Overwrite the output file");
  report->callback([&opt, ro] {
    opt.exit_code = with_registry(opt, false, [ro](service::Registry& r) -> Status {
      if (ro->format != "docx" && ro->format != "xlsx" && ro->format != "html") {
        return Error::invalid("format", "Trường «format»: chọn docx, xlsx hoặc html.",
                              "unknown format");
      }
      std::string tpl;
      if (!ro->template_file.empty()) {
        auto t = read_file(ro->template_file, "template");
        if (!t.ok()) return t.error();
        tpl = *t;
      }
      auto doc = r.report(ro->org, ro->period, ro->date,
                          ro->checks ? service::Registry::ReportPart::check_sheet
                                     : service::Registry::ReportPart::signed_report);
      if (!doc.ok()) return doc.error();
      Result<std::string> bytes = ro->format == "xlsx" ? report::render_xlsx(*doc)
                                  : ro->format == "html"
                                      ? Result<std::string>(report::render_html_page(*doc))
                                      : report::render_docx(*doc, tpl.empty() ? nullptr : &tpl);
      if (!bytes.ok()) return bytes.error();
      DANGVU_TRY(write_output_file(ro->out, *bytes, ro->force));
      std::cout << "Đã ghi báo cáo «" << doc->title << "» vào " << ro->out << ".\n";
      return {};
    });
  });

  auto* tpl = app.add_subcommand("report-template",
                                 "Xuất mẫu báo cáo (.docx) để văn phòng chỉnh theo mẫu của mình");
  auto out = std::make_shared<std::pair<std::string, bool>>();
  tpl->add_option("-o,--output", out->first, "Output .docx file")->required();
  tpl->add_flag("--force", out->second, "Overwrite the output file");
  tpl->callback([&opt, out] {
    auto st = write_output_file(out->first, report::default_report_template_docx(), out->second);
    opt.exit_code = st.ok() ? 0 : report_error(st.error(), false);
    if (st.ok()) {
      std::cout << "Đã ghi mẫu báo cáo vào " << out->first
                << ". Giữ nguyên các ô {{…}}; {{body}} và {{annex}} phải nằm riêng một đoạn.\n";
    }
  });
}

}  // namespace dangvu::app
