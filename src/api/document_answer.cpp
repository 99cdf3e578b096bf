#include "api/document_answer.h"

#include "report/render.h"

namespace dangvu::api {

Status answer_document(RequestContext& ctx, const std::string& format_asked,
                       const std::function<Result<report::Document>()>& make,
                       const std::string& file_stem) {
  const std::string format = format_asked.empty() ? "html" : format_asked;
  if (format != "html" && format != "docx" && format != "xlsx") {
    return Error::invalid("format", "Trường «format»: chọn html, docx hoặc xlsx.",
                          "unknown document format");
  }
  auto doc = make();
  if (!doc.ok()) return doc.error();
  if (format == "html") {
    ctx.raw_body = report::render_html(*doc);
    ctx.raw_type = "text/html; charset=utf-8";
    return {};
  }
  const std::string& tpl = ctx.env->report_template_docx;
  auto bytes = format == "docx" ? report::render_docx(*doc, tpl.empty() ? nullptr : &tpl)
                                : report::render_xlsx(*doc);
  if (!bytes.ok()) return bytes.error();
  ctx.raw_body = std::move(*bytes);
  ctx.raw_type = format == "docx"
                     ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  // Codes and periods are ASCII ([A-Za-z0-9._-], checked by the service): safe in the header.
  ctx.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + file_stem + "." + format + "\"");
  return {};
}

}  // namespace dangvu::api
