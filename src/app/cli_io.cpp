// dangvu import | export
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "api/json_views.h"
#include "app/context.h"
#include "report/format.h"

namespace dangvu::app {
namespace {

struct ImportArgs {
  std::string kind = "members", file, sheet, map_file, under;
  std::vector<std::string> map;
  bool dry_run = false, valid_only = false;
};

struct ExportArgs {
  std::string kind = "members", org, at, status, q, output;
  bool sensitive = false;  // members: with the dossier's sensitive columns
};

Result<std::string> read_file(const std::string& path, std::uint64_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io("Không đọc được tệp «" + path + "».", "cannot open " + path);
  in.seekg(0, std::ios::end);
  auto size = static_cast<std::uint64_t>(in.tellg());
  if (size > limit) {
    Error e = Error::invalid("file",
                             "Trường «file»: tệp «" + path + "» lớn hơn giới hạn " +
                                 std::to_string(limit >> 20) + " MiB.",
                             "file over the size limit");
    e.kind = ErrorKind::too_large;
    return e;
  }
  in.seekg(0);
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (!in) return Error::io("Không đọc được tệp «" + path + "».", "cannot read " + path);
  return data;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

void print_report(const service::ImportReport& r) {
  std::cout << "Tệp «" << r.file_name << "» (" << (r.format == "xlsx" ? "XLSX" : "CSV");
  if (!r.sheet.empty()) std::cout << ", trang «" << r.sheet << "»";
  std::cout << "), dòng tiêu đề " << r.header_row << ":\n";
  for (const auto& c : r.columns) {
    std::cout << "  cột " << io::column_name(c.column) << " «" << c.header << "» → "
              << c.field_label << (c.by_user ? " (theo ánh xạ)" : "");
    if (c.encoding != io::TextEncoding::unicode) {
      std::cout << "; mã " << io::label_vi(c.encoding) << " đã chuyển sang Unicode";
      if (!c.sample_before.empty()) {
        std::cout << " («" << c.sample_before << "» → «" << c.sample_after << "»)";
      }
    }
    std::cout << "\n";
  }
  std::cout << "Số dòng: " << r.rows << "; mới " << r.created << ", cập nhật " << r.updated
            << ", không đổi " << r.unchanged << ", có lỗi " << r.rejected;
  if (r.skipped > 0) std::cout << "; bỏ qua " << r.skipped << " dòng không phải đảng viên";
  if (r.dossier_records > 0) std::cout << "; " << r.dossier_records << " mục hồ sơ";
  std::cout << ".\n";
  for (const auto& a : r.ambiguous_orgs) {
    std::cout << "  Tên chi bộ chưa rõ: «" << a.name << "» (" << a.candidates
              << " tổ chức trùng tên, " << a.rows
              << " dòng); ghi mã của chi bộ hoặc chọn tổ chức cấp trên bằng --under MÃ.\n";
  }
  for (const auto& p : r.problems) {
    std::cout << (p.warning ? "  Cảnh báo " : "  Lỗi ");
    if (p.row > 0) {
      std::cout << (r.sheet.empty() ? "" : r.sheet + "!") << p.column << p.row << " (dòng " << p.row
                << (p.column.empty() ? "" : ", cột " + p.column) << ")";
    }
    std::cout << ": " << p.message_vi << "\n";
  }
  if (r.omitted.errors + r.omitted.warnings > 0) {
    std::cout << "  … và " << report::format_integer(r.omitted.errors) << " lỗi, "
              << report::format_integer(r.omitted.warnings) << " cảnh báo khác (chỉ liệt kê "
              << report::format_integer(static_cast<std::int64_t>(io::kMaxListedProblems))
              << " vấn đề đầu tiên).\n";
  }
  if (r.written) {
    std::cout << "Đã ghi vào cơ sở dữ liệu.\n";
  } else if (r.dry_run) {
    std::cout << "Chạy thử (--dry-run): chưa ghi gì.\n";
  } else if (r.errors() > 0 && r.rejected > 0) {
    std::cout << "Không ghi gì: có " << r.rejected
              << " dòng lỗi. Sửa tệp rồi nhập lại, hoặc dùng --valid-only để chỉ nhập các dòng "
                 "hợp lệ.\n";
  } else {
    std::cout << "Không có gì thay đổi.\n";
  }
}

}  // namespace

void add_io_commands(CLI::App& app, Options& opt) {
  auto* imp = app.add_subcommand("import", "Nhập danh sách từ tệp Excel (.xlsx) hoặc CSV");
  auto ia = std::make_shared<ImportArgs>();
  imp->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  imp->add_option("--kind", ia->kind, "What the file lists: members (default) or orgs")
      ->check(CLI::IsMember({"members", "orgs"}));
  imp->add_option("file", ia->file, "The .xlsx or .csv file")->required();
  imp->add_option("--sheet", ia->sheet, "XLSX sheet name (default: the first)");
  imp->add_option("--map", ia->map,
                  "Column mapping \"Header or column letter=field\" (repeatable; member fields: "
                  "full_name family_middle family middle given birth_date gender org "
                  "admission_date recognition_date card_number code decision_no ignore; org "
                  "fields: code name kind parent founded ignore)");
  imp->add_option("--map-file", ia->map_file, "JSON mapping {\"Header\": \"field\"}");
  imp->add_option("--under", ia->under,
                  "Members: the org code whose subtree branches written by name are looked for "
                  "in (default: the whole registry)");
  imp->add_flag("--dry-run", ia->dry_run, "Check every row, write nothing");
  imp->add_flag("--valid-only", ia->valid_only, "Write the rows that pass (one transaction)");
  imp->add_flag("--json", opt.json, "JSON output");
  imp->callback([&opt, ia] {
    opt.exit_code = with_registry(opt, false, [&opt, ia](service::Registry& r) -> Status {
      service::ImportInput in;
      auto data = read_file(ia->file, in.options.limits.max_file_bytes);
      if (!data.ok()) return data.error();
      in.data = std::move(*data);
      in.file_name = std::filesystem::path(ia->file).filename().string();
      in.options.sheet = ia->sheet;
      in.under = ia->under;
      const auto kind = ia->kind == "orgs" ? io::SheetKind::orgs : io::SheetKind::members;
      for (const auto& m : ia->map) {
        DANGVU_TRY(io::parse_mapping_entry(m, in.options.mapping, kind));
      }
      if (!ia->map_file.empty()) {
        auto json = read_file(ia->map_file, 1 << 20);
        if (!json.ok()) return json.error();
        DANGVU_TRY(io::parse_mapping_json(*json, in.options.mapping, kind));
      }
      in.dry_run = ia->dry_run;
      in.valid_only = ia->valid_only;
      auto report = kind == io::SheetKind::orgs ? r.import_orgs(in) : r.import_members(in);
      if (!report.ok()) return report.error();
      if (opt.json) {
        std::cout << api::to_json(*report).dump(2) << "\n";
      } else {
        print_report(*report);
      }
      if (!report->written && report->rejected > 0 && !ia->valid_only) {
        Error e = Error::invalid("file", "", "import refused: rows with errors");
        e.message_vi = "Không nhập: " + std::to_string(report->rejected) + " dòng có lỗi.";
        return e;
      }
      return {};
    });
  });

  auto* exp =
      app.add_subcommand("export", "Xuất danh sách đảng viên hoặc cây tổ chức ra .xlsx/.csv");
  auto ea = std::make_shared<ExportArgs>();
  exp->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  exp->add_option("--kind", ea->kind, "members|tree")->check(CLI::IsMember({"members", "tree"}));
  exp->add_option("--org", ea->org, "Org code (its subtree)");
  exp->add_option("--at", ea->at, "As of YYYY-MM-DD (default: today)");
  exp->add_option("--status", ea->status, "Members: active (default), all or a status");
  exp->add_option("--q", ea->q, "Members: name search");
  exp->add_flag("--sensitive", ea->sensitive,
                "Members: with the dossier's sensitive columns (ethnicity, religion, citizen ID, "
                "health, discipline; audited)");
  exp->add_option("-o,--output", ea->output, "Output file .xlsx or .csv")->required();
  exp->callback([&opt, ea] {
    opt.exit_code = with_registry(opt, false, [ea](service::Registry& r) -> Status {
      bool csv = ends_with(ea->output, ".csv");
      if (!csv && !ends_with(ea->output, ".xlsx")) {
        return Error::invalid("output",
                              "Trường «output»: tên tệp phải kết thúc bằng .xlsx hoặc .csv.",
                              "unknown output extension");
      }
      Result<service::ExportTable> table = Error::invalid("", "", "");
      if (ea->kind == "tree") {
        table = r.export_tree(ea->org, ea->at);
      } else {
        service::ListMembersInput in;
        in.org_code = ea->org;
        in.at = ea->at;
        in.status = ea->status;
        in.q = ea->q;
        table = r.export_members(in, ea->sensitive ? service::Registry::SensitiveColumns::included
                                                   : service::Registry::SensitiveColumns::left_out);
      }
      if (!table.ok()) return table.error();
      DANGVU_TRY(csv ? io::write_csv(*table, ea->output) : io::write_xlsx(*table, ea->output));
      std::cout << "Đã xuất " << table->rows.size() << " dòng vào «" << ea->output << "».\n";
      return {};
    });
  });
}

}  // namespace dangvu::app
