// Import and export: a member or org list file in (its bytes as the body), lists and the tree out
// as XLSX or CSV.
#include <malloc.h>

#include "api/json_views.h"
#include "api/routes.h"
#include "io/writer.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

Result<bool> flag_query(const RequestContext& ctx, const char* name) {
  const std::string v = ctx.query(name);
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  return Error::invalid(name, "Trường «" + std::string(name) + "»: ghi true hoặc false.",
                        std::string("query '") + name + "': not a boolean");
}

bool ends_with_folded(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (std::tolower(static_cast<unsigned char>(c)) != suffix[i]) return false;
  }
  return true;
}

// POST /import/{kind}: the body is the file. A dry run, or an import that wrote, answers the
// report; an import refused for its rows answers 400 with the error and the same report, so the
// page can show every problem.
Status import_list(RequestContext& ctx) {
  const std::string& kind = ctx.path_params.at(0);
  if (kind != "members" && kind != "orgs") {
    return Error::not_found("kind", "Trường «kind»: chỉ nhập được «members» hoặc «orgs».",
                            "unknown import kind");
  }
  service::ImportInput in;
  in.file_name = ctx.query("file_name");
  if (!ends_with_folded(in.file_name, ".xlsx") && !ends_with_folded(in.file_name, ".csv")) {
    return Error::invalid("file_name",
                          "Trường «file_name»: tên tệp phải kết thúc bằng .xlsx hoặc .csv.",
                          "file name without .xlsx or .csv");
  }
  if (ctx.raw_in.empty()) {
    return Error::invalid("file", "Trường «file»: tệp rỗng.", "empty upload");
  }
  auto dry_run = flag_query(ctx, "dry_run");
  if (!dry_run.ok()) return dry_run.error();
  auto valid_only = flag_query(ctx, "valid_only");
  if (!valid_only.ok()) return valid_only.error();
  in.dry_run = *dry_run;
  in.valid_only = *valid_only;
  in.options.sheet = ctx.query("sheet");
  in.under = ctx.query("under");
  const auto sheet_kind = kind == "orgs" ? io::SheetKind::orgs : io::SheetKind::members;
  if (const std::string mapping = ctx.query("mapping"); !mapping.empty()) {
    DANGVU_TRY(io::parse_mapping_json(mapping, in.options.mapping, sheet_kind));
  }
  // One import at a time (Environment::max_concurrent_imports); what it held goes back to the
  // system when it ends, so a burst of imports does not leave the server large.
  struct Turn {
    std::atomic<int>* running;
    bool taken;
    ~Turn() {
      if (!taken) return;
      running->fetch_sub(1);
      ::malloc_trim(0);
    }
  };
  std::atomic<int>* running = ctx.env->imports_running;
  Turn turn{running, running != nullptr};
  if (running && running->fetch_add(1) >= ctx.env->max_concurrent_imports) {
    Error busy{ErrorKind::throttled, "file", "import.busy",
               "Máy chủ đang nhập một tệp khác; hãy thử lại sau ít phút.",
               "another import is running"};
    busy.retry_after_seconds = 30;
    return busy;
  }
  in.data = std::move(ctx.raw_in);
  auto r = registry(ctx);
  auto report = sheet_kind == io::SheetKind::orgs ? r.import_orgs(in) : r.import_members(in);
  if (!report.ok()) return report.error();
  ctx.out = to_json(*report);
  if (!report->written && !report->dry_run && !in.valid_only && report->rejected > 0) {
    Error e = Error::invalid("file", "", "import refused: rows with errors");
    e.rule = "import.rows_invalid";
    e.message_vi = "Không nhập: " + std::to_string(report->rejected) +
                   " dòng có lỗi. Sửa tệp rồi nhập lại, hoặc chỉ nhập các dòng hợp lệ.";
    ctx.status = 400;
    ctx.out = {{"error", to_json(e)["error"]}, {"report", ctx.out}};
  }
  return {};
}

Status send_table(RequestContext& ctx, const io::Table& table, const std::string& base_name) {
  std::string format = ctx.query("format");
  if (format.empty()) format = "xlsx";
  if (format == "csv") {
    ctx.raw_body = io::csv_text(table);
    ctx.raw_type = "text/csv; charset=utf-8";
  } else {
    auto bytes = io::xlsx_bytes(table);
    if (!bytes.ok()) return bytes.error();
    ctx.raw_body = std::move(*bytes);
    ctx.raw_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  // Codes are ASCII ([A-Za-z0-9._-], checked by the service): safe in the header.
  ctx.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + base_name + "." + format + "\"");
  return {};
}

Result<std::string> export_format(const RequestContext& ctx) {
  const std::string format = ctx.query("format");
  if (format.empty() || format == "xlsx" || format == "csv") return format;
  return Error::invalid("format", "Trường «format»: chọn xlsx hoặc csv.", "unknown export format");
}

Status export_members(RequestContext& ctx) {
  if (auto f = export_format(ctx); !f.ok()) return f.error();
  service::ListMembersInput in;
  in.org_code = ctx.query("org");
  in.at = ctx.query("at");
  in.q = ctx.query("q");
  in.status = ctx.query("status");
  auto sensitive = flag_query(ctx, "sensitive");
  if (!sensitive.ok()) return sensitive.error();
  auto table =
      registry(ctx).export_members(in, *sensitive ? service::Registry::SensitiveColumns::included
                                                  : service::Registry::SensitiveColumns::left_out);
  if (!table.ok()) return table.error();
  return send_table(ctx, *table, "dang-vien" + (in.org_code.empty() ? "" : "-" + in.org_code));
}

Status export_tree(RequestContext& ctx) {
  if (auto f = export_format(ctx); !f.ok()) return f.error();
  const std::string& code = ctx.path_params.at(0);
  auto table = registry(ctx).export_tree(code, ctx.query("at"));
  if (!table.ok()) return table.error();
  return send_table(ctx, *table, "cay-to-chuc-" + code);
}

}  // namespace

void add_io_routes(std::vector<Route>& routes) {
  Route upload{"POST", "/api/v1/import/{kind}", Access::ready, import_list};
  upload.body = BodyKind::file;
  routes.push_back(upload);
  routes.push_back({"GET", "/api/v1/export/members", Access::ready, export_members});
  routes.push_back({"GET", "/api/v1/orgs/{code}/export", Access::ready, export_tree});
}

}  // namespace dangvu::api
