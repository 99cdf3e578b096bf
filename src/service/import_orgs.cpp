// Import of organization lists: new orgs created in the dated tree (parents before children,
// whatever the file's order), orgs already recorded matched by code and left as they are.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "io/org_sheet.h"
#include "service/registry.h"
#include "service/validate.h"
#include "text/fold.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

constexpr std::size_t kPreviewRows = 20;

// The kind as offices write it: the program's name, the Vietnamese label, or a common wording.
std::optional<OrgKind> kind_of_text(const std::string& text) {
  if (auto k = parse_org_kind(text)) return k;
  const std::string folded = text::fold(text);
  for (OrgKind k : kAllOrgKinds) {
    if (folded == text::fold(label_vi(k))) return k;
  }
  if (folded == "cum thi dua") return OrgKind::cluster;
  if (folded == "dang uy co so" || folded == "dang bo") return OrgKind::grassroots_committee;
  if (folded == "chi bo truc thuoc dang uy co so") return OrgKind::sub_branch;
  if (folded == "dang uy" || folded == "dang bo cap tren") return OrgKind::upper_committee;
  return std::nullopt;
}

std::string kinds_vi() {
  std::string out;
  for (OrgKind k : kAllOrgKinds)
    out += (out.empty() ? "«" : ", «") + std::string(label_vi(k)) + "»";
  return out;
}

}  // namespace

Result<ImportReport> Registry::import_orgs(const ImportInput& in) {
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), "thay đổi tổ chức đảng",
                                "change orgs"));
  io::SheetOptions options = in.options;
  options.this_year = clock_.today().year();
  auto sheet = io::read_org_sheet(in.data, options);
  if (!sheet.ok()) return sheet.error();

  ImportReport report;
  report.kind = "orgs";
  report.file_name = in.file_name;
  report.format = sheet->format;
  report.sheet = sheet->sheet;
  report.header_row = sheet->header_row;
  report.problems = std::move(sheet->problems);
  report.omitted = sheet->omitted;
  report.rows = static_cast<std::int64_t>(sheet->records.size());
  report.dry_run = in.dry_run;
  std::unordered_map<io::OrgField, std::string> column_of;
  for (const auto& c : sheet->columns) {
    report.columns.push_back({c.column, c.header, std::string(io::to_string(c.field)),
                              std::string(io::label_vi(c.field)), c.by_user, c.encoding,
                              c.sample_before, c.sample_after});
    if (c.field != io::OrgField::ignore && !column_of.count(c.field)) {
      column_of[c.field] = io::column_name(c.column);
    }
  }
  for (auto f : io::org_fields()) {
    report.fields.push_back({std::string(io::to_string(f)), std::string(io::label_vi(f))});
  }
  if (!column_of.count(io::OrgField::kind)) {
    return Error::invalid("header",
                          "Trường «header»: tệp thiếu cột «Loại tổ chức»; thêm cột hoặc chỉ định "
                          "bằng --map \"Tên cột=kind\".",
                          "required column kind missing");
  }

  const std::size_t n = sheet->records.size();
  std::vector<std::string> outcomes(n);
  std::vector<io::Problem> row_problems;
  const std::string sentinel = "import.rollback";
  std::vector<OrgKind> kinds(n, OrgKind::grassroots_branch);
  std::vector<std::string> names(n);  // as cleaned

  Status st = store_.write_transaction([&]() -> Status {
    auto loaded = store_.load_org_history();
    if (!loaded.ok()) return loaded.error();
    OrgHistory& history = *loaded;
    const Date today = clock_.today();

    auto fail = [&](std::size_t i, io::OrgField field, const std::string& message) {
      io::Problem p;
      p.sheet = report.sheet;
      p.row = sheet->records[i].row;
      p.field = std::string(io::to_string(field));
      p.column = column_of.count(field) ? column_of[field] : "";
      p.message_vi = message;
      io::add_problem(row_problems, report.omitted, std::move(p), report.problems.size());
      outcomes[i] = "error";
    };

    // First pass: each row on its own (fields, duplicates, an org already recorded).
    std::unordered_map<std::string, std::size_t> row_of_code;  // new orgs of the file
    for (std::size_t i = 0; i < n; ++i) {
      const io::OrgRecord& r = sheet->records[i];
      if (r.has_errors) {
        outcomes[i] = "error";
        continue;
      }
      if (auto c = check_code(r.code, "code"); !c.ok()) {
        fail(i, io::OrgField::code, c.error().message_vi);
        continue;
      }
      auto name = clean_name(r.name, "name");
      if (!name.ok()) {
        fail(i, io::OrgField::name, name.error().message_vi);
        continue;
      }
      names[i] = *name;
      auto kind = kind_of_text(r.kind);
      if (!kind) {
        fail(i, io::OrgField::kind,
             "Loại tổ chức «" + r.kind + "» không rõ; ghi một trong " + kinds_vi() + ".");
        continue;
      }
      kinds[i] = *kind;
      if (auto dup = row_of_code.find(r.code); dup != row_of_code.end()) {
        fail(i, io::OrgField::code,
             "Mã «" + r.code + "» trùng với dòng " +
                 std::to_string(sheet->records[dup->second].row) + " của tệp.");
        continue;
      }
      row_of_code.emplace(r.code, i);
      auto found = store_.find_org(r.code);
      if (!found.ok()) return found.error();
      if (*found) {
        // Recorded already: the file must say what the record says (on the founding date when
        // the file gives one, else now); a change is an org operation with its own date.
        const OrgId id = **found;
        const Date on = r.founded.value_or(today);
        const OrgVersion* v = history.version_at(id, on);
        if (!v) v = history.latest(id);
        if (!v || !in_scope(history, id)) {
          fail(i, io::OrgField::code,
               "Mã «" + r.code + "» đã được dùng cho một tổ chức ngoài phạm vi của bạn.");
          continue;
        }
        std::vector<std::string> differs;
        if (text::fold(v->name) != text::fold(*name)) {
          differs.push_back("tên «" + *name + "» (hồ sơ: «" + v->name + "»)");
        }
        if (v->kind != *kind) {
          differs.push_back("loại «" + std::string(label_vi(*kind)) + "» (hồ sơ: «" +
                            std::string(label_vi(v->kind)) + "»)");
        }
        const std::string parent_code = v->parent ? history.code(*v->parent) : "";
        if (!r.parent.empty() && parent_code != r.parent) {
          differs.push_back("trực thuộc «" + r.parent + "» (hồ sơ: «" + parent_code + "»)");
        }
        if (!differs.empty()) {
          std::string list;
          for (const auto& d : differs) list += (list.empty() ? "" : "; ") + d;
          fail(i, io::OrgField::code,
               "Tổ chức «" + r.code + "» đã có trong hồ sơ nhưng tệp ghi khác: " + list +
                   ". Đổi tên, chuyển hay sáp nhập là thao tác có ngày hiệu lực, không sửa bằng "
                   "nhập tệp.");
          continue;
        }
        outcomes[i] = "unchanged";
        ++report.unchanged;
        row_of_code.erase(r.code);
        continue;
      }
      if (!r.founded) {
        fail(i, io::OrgField::founded, "Thiếu ngày thành lập (cần cho tổ chức mới).");
        continue;
      }
    }

    // Second pass: create new orgs once their parent exists (recorded, or created from an earlier
    // row), so that the file's order does not matter.
    bool progress = true;
    while (progress) {
      progress = false;
      for (std::size_t i = 0; i < n; ++i) {
        if (!outcomes[i].empty()) continue;
        const io::OrgRecord& r = sheet->records[i];
        std::optional<OrgId> parent;
        if (!r.parent.empty()) {
          if (auto waiting = row_of_code.find(r.parent);
              waiting != row_of_code.end() && outcomes[waiting->second].empty()) {
            continue;  // its parent is a later row not created yet
          }
          auto p = store_.find_org(r.parent);
          if (!p.ok()) return p.error();
          if (!*p) {
            fail(i, io::OrgField::parent,
                 "Không có tổ chức cấp trên mã «" + r.parent + "» (trong hồ sơ hay trong tệp).");
            progress = true;
            continue;
          }
          parent = **p;
          if (!in_scope(history, *parent)) {
            fail(i, io::OrgField::parent,
                 "Không có tổ chức cấp trên mã «" + r.parent + "» (trong hồ sơ hay trong tệp).");
            progress = true;
            continue;
          }
        } else if (caller_.scope) {
          fail(i, io::OrgField::parent,
               "Thiếu tổ chức cấp trên; chỉ quản trị hệ thống được tạo tổ chức gốc.");
          progress = true;
          continue;
        }
        progress = true;
        NewOrg org{0, r.code, names[i], kinds[i], parent, true};
        if (auto planned = history.plan_create(org, *r.founded, rules_); !planned.ok()) {
          const auto& e = planned.error();
          fail(i, e.field == "parent" ? io::OrgField::parent : io::OrgField::founded, e.message_vi);
          continue;
        }
        auto id = store_.insert_org(r.code);
        if (!id.ok()) return id.error();
        org.id = *id;
        history.add_org(*id, r.code);
        auto change = history.plan_create(org, *r.founded, rules_);
        if (!change.ok()) return change.error();
        json payload = {{"code", r.code},
                        {"name", names[i]},
                        {"kind", std::string(to_string(kinds[i]))},
                        {"parent", r.parent},
                        {"date", r.founded->iso()},
                        {"file", in.file_name}};
        DANGVU_TRY(apply_org_change("create", *change, payload.dump(), r.code, *id));
        history.apply(*change);
        outcomes[i] = "new";
        ++report.created;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (outcomes[i].empty()) {  // its parent never came: a cycle, or a parent that failed
        fail(i, io::OrgField::parent,
             "Tổ chức cấp trên «" + sheet->records[i].parent +
                 "» không tạo được (dòng của nó có lỗi, hoặc các dòng trực thuộc lẫn nhau).");
      }
    }

    for (const auto& o : outcomes) report.rejected += o == "error" ? 1 : 0;
    bool blocked = report.rejected > 0 && !in.valid_only;
    if (blocked || in.dry_run || report.created == 0) return Error::invalid("", "", sentinel);
    json detail = {{"file", in.file_name},       {"format", report.format},
                   {"sheet", report.sheet},      {"rows", report.rows},
                   {"created", report.created},  {"unchanged", report.unchanged},
                   {"rejected", report.rejected}};
    report.written = true;
    return audit("org.import", in.file_name, detail.dump(), caller_.scope);
  });
  if (!st.ok() && st.error().detail_en != sentinel) return st.error();
  if (!st.ok()) {
    report.written = false;
    // A dry run that planned new orgs counts them as it would have; a refusal counts them too.
  }

  report.problems.insert(report.problems.end(), row_problems.begin(), row_problems.end());
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const io::Problem& a, const io::Problem& b) { return a.row < b.row; });
  report.preview_columns = {{"code", "Mã tổ chức"},
                            {"name", "Tên tổ chức"},
                            {"kind", "Loại tổ chức"},
                            {"parent", "Trực thuộc"},
                            {"founded", "Ngày thành lập"}};
  for (std::size_t i = 0; i < std::min(n, kPreviewRows); ++i) {
    const auto& r = sheet->records[i];
    auto kind = kind_of_text(r.kind);
    report.preview.push_back({r.row,
                              outcomes[i],
                              {r.code, names[i].empty() ? r.name : names[i],
                               kind ? std::string(label_vi(*kind)) : r.kind, r.parent,
                               r.founded ? r.founded->iso() : ""}});
  }
  return report;
}

}  // namespace dangvu::service
