// Import and export: a member or org list file, or a file of dues payments, in (its bytes as the
// body); lists and the tree out as XLSX or CSV.
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

// One import at a time (Environment::max_concurrent_imports); what it held goes back to the
// system when it ends, so a burst of imports does not leave the server large.
class ImportTurn {
 public:
  explicit ImportTurn(const RequestContext& ctx)
      : running_(ctx.env->imports_running),
        busy_(running_ != nullptr && running_->fetch_add(1) >= ctx.env->max_concurrent_imports) {}
  ImportTurn(const ImportTurn&) = delete;
  ImportTurn& operator=(const ImportTurn&) = delete;
  ~ImportTurn() {
    if (running_ == nullptr) return;
    running_->fetch_sub(1);
    ::malloc_trim(0);
  }
  Status taken() const {
    if (!busy_) return {};
    Error busy{ErrorKind::throttled, "file", "import.busy",
               "Máy chủ đang nhập một tệp khác; hãy thử lại sau ít phút.",
               "another import is running"};
    busy.retry_after_seconds = 30;
    return busy;
  }

 private:
  std::atomic<int>* running_;
  bool busy_;
};

// The file name, the flags and the body every import reads.
Status read_upload(RequestContext& ctx, std::string& file_name, bool& dry_run, bool& valid_only) {
  file_name = ctx.query("file_name");
  if (!ends_with_folded(file_name, ".xlsx") && !ends_with_folded(file_name, ".csv")) {
    return Error::invalid("file_name",
                          "Trường «file_name»: tên tệp phải kết thúc bằng .xlsx hoặc .csv.",
                          "file name without .xlsx or .csv");
  }
  if (ctx.raw_in.empty()) {
    return Error::invalid("file", "Trường «file»: tệp rỗng.", "empty upload");
  }
  auto dry = flag_query(ctx, "dry_run");
  if (!dry.ok()) return dry.error();
  auto valid = flag_query(ctx, "valid_only");
  if (!valid.ok()) return valid.error();
  dry_run = *dry;
  valid_only = *valid;
  return {};
}

// POST /dues/import: a file of dues payments (the portal's), recorded at once. Answered as the
// member import is: the report, or 400 with the error and the report when rows are refused.
Status import_dues(RequestContext& ctx) {
  service::DuesImportInput in;
  DANGVU_TRY(read_upload(ctx, in.file_name, in.dry_run, in.valid_only));
  in.options.sheet = ctx.query("sheet");
  ImportTurn turn(ctx);
  DANGVU_TRY(turn.taken());
  in.data = std::move(ctx.raw_in);
  const bool valid_only = in.valid_only;
  auto report = registry(ctx).import_dues(std::move(in));
  if (!report.ok()) return report.error();
  json problems = json::array();
  for (const auto& p : report->problems) {
    problems.push_back(
        {{"row", p.row}, {"column", p.column}, {"field", p.field}, {"message", p.message_vi}});
  }
  ctx.out = {{"file_name", report->file_name},
             {"format", report->format},
             {"sheet", report->sheet},
             {"header_row", report->header_row},
             {"rows", report->rows},
             {"recorded", report->recorded},
             {"unchanged", report->unchanged},
             {"rejected", report->rejected},
             {"amount", report->amount},
             {"dry_run", report->dry_run},
             {"written", report->written},
             {"problems", problems},
             {"omitted_errors", report->omitted.errors}};
  if (!report->written && !report->dry_run && !valid_only && report->rejected > 0) {
    Error e = Error::invalid("file", "", "import refused: rows with errors");
    e.rule = "import.rows_invalid";
    e.message_vi = "Không ghi: " + std::to_string(report->rejected) +
                   " dòng có lỗi. Sửa tệp rồi nhập lại, hoặc chỉ ghi các dòng hợp lệ.";
    ctx.status = 400;
    ctx.out = {{"error", to_json(e)["error"]}, {"report", ctx.out}};
  }
  return {};
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
  DANGVU_TRY(read_upload(ctx, in.file_name, in.dry_run, in.valid_only));
  in.options.sheet = ctx.query("sheet");
  in.under = ctx.query("under");
  const auto sheet_kind = kind == "orgs" ? io::SheetKind::orgs : io::SheetKind::members;
  if (const std::string mapping = ctx.query("mapping"); !mapping.empty()) {
    DANGVU_TRY(io::parse_mapping_json(mapping, in.options.mapping, sheet_kind));
  }
  ImportTurn turn(ctx);
  DANGVU_TRY(turn.taken());
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
  Route dues{"POST", "/api/v1/dues/import", Access::ready, import_dues};
  dues.body = BodyKind::file;
  routes.push_back(dues);
  routes.push_back({"GET", "/api/v1/export/members", Access::ready, export_members});
  routes.push_back({"GET", "/api/v1/orgs/{code}/export", Access::ready, export_tree});
}

}  // namespace dangvu::api
