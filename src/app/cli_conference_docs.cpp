// dangvu conference invitation | minutes | news: a conference's documents, the format chosen by
// the output file's extension.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "report/news.h"
#include "report/render.h"

namespace dangvu::app {
namespace {

struct DocumentOptions {
  long long id = 0;
  std::string out, author;
  bool force = false;
};

std::string extension_of(const std::string& path) {
  const auto dot = path.find_last_of('.');
  const auto slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

Error bad_extension(const char* allowed) {
  return Error::invalid("o", std::string("Trường «o»: tên tệp phải có đuôi ") + allowed + ".",
                        std::string("output extension must be ") + allowed);
}

// Invitation and minutes: a Party document as .docx (or .html to print).
void add_party_document(CLI::App& conf, Options& opt, const char* name, const char* help,
                        const char* what_vi,
                        Result<report::Document> (service::Registry::*build)(long long)) {
  auto* cmd = conf.add_subcommand(name, help);
  auto o = std::make_shared<DocumentOptions>();
  cmd->add_option("--db", opt.db, "Database file")->required();
  cmd->add_option("--id", o->id, "Conference number")->required();
  cmd->add_option("-o,--output", o->out, "Output file: .docx or .html")->required();
  cmd->add_flag("--force", o->force, "Overwrite the output file");
  cmd->callback([&opt, o, build, what_vi] {
    opt.exit_code = with_registry(opt, false, [o, build, what_vi](service::Registry& r) -> Status {
      const std::string ext = extension_of(o->out);
      if (ext != "docx" && ext != "html") return bad_extension(".docx hoặc .html");
      auto doc = (r.*build)(o->id);
      if (!doc.ok()) return doc.error();
      auto bytes = ext == "html" ? Result<std::string>(report::render_html_page(*doc))
                                 : report::render_docx(*doc);
      if (!bytes.ok()) return bytes.error();
      DANGVU_TRY(write_output_file(o->out, *bytes, o->force));
      std::cout << "Đã ghi " << what_vi << " «" << doc->title << "» vào " << o->out << ".\n";
      return {};
    });
  });
}

}  // namespace

void add_conference_document_commands(CLI::App& conf, Options& opt) {
  add_party_document(conf, opt, "invitation", "Giấy mời dự hội nghị (.docx)", "giấy mời",
                     &service::Registry::conference_invitation);
  add_party_document(conf, opt, "minutes", "Biên bản hội nghị (.docx)", "biên bản",
                     &service::Registry::conference_minutes);

  auto* news = conf.add_subcommand("news", "Tin bài về hội nghị cho cổng thông tin (.html, .txt)");
  auto o = std::make_shared<DocumentOptions>();
  news->add_option("--db", opt.db, "Database file")->required();
  news->add_option("--id", o->id, "Conference number")->required();
  news->add_option("-o,--output", o->out, "Output file: .html or .txt")->required();
  news->add_option("--author", o->author, "The author line (default: a placeholder to fill)");
  news->add_flag("--force", o->force, "Overwrite the output file");
  news->callback([&opt, o] {
    opt.exit_code = with_registry(opt, false, [o](service::Registry& r) -> Status {
      const std::string ext = extension_of(o->out);
      if (ext != "html" && ext != "txt") return bad_extension(".html hoặc .txt");
      auto item = r.conference_news(o->id, o->author);
      if (!item.ok()) return item.error();
      const std::string bytes =
          ext == "html" ? report::render_news_html(*item) : report::render_news_text(*item);
      DANGVU_TRY(write_output_file(o->out, bytes, o->force));
      std::cout << "Đã ghi tin bài «" << item->title << "» vào " << o->out << ".\n";
      return {};
    });
  });
}

}  // namespace dangvu::app
