// The tables exports write: a member list as filtered, the tree with counts.
#include <nlohmann/json.hpp>

#include <functional>
#include <unordered_map>

#include "io/dossier_columns.h"
#include "service/registry.h"
#include "store/dossier_store.h"

namespace dangvu::service {

namespace {

using Kind = ExportTable::Kind;

ExportTable::Value text_value(std::string s) { return {std::move(s), 0}; }
ExportTable::Value number_value(double n) { return {"", n}; }
ExportTable::Value date_value(const std::optional<Date>& d) {
  return d ? ExportTable::Value{d->iso(), 0} : ExportTable::Value{};
}

// An unknown gender is an empty cell, not «Chưa ghi».
std::string gender_vi(Gender g) { return g == Gender::unknown ? "" : std::string(label_vi(g)); }

// The export lists at most this many members' codes in the audit entry of a sensitive export;
// a longer list is named by its org and count.
constexpr std::size_t kAuditedCodes = 500;

// The dossier fields an export writes, in the dossier's order.
std::vector<const DossierField*> exported_fields(bool sensitive) {
  std::vector<const DossierField*> out;
  for (const auto& f : dossier_fields()) {
    if (io::in_member_sheets(f) && (!f.sensitive || sensitive)) out.push_back(&f);
  }
  return out;
}

// A field's cell as of `at`, as the import reads it back: a catalog item's label, a date as a
// date, a flag «Có», a listed field's entries with their dates.
ExportTable::Value dossier_value(const DossierField& f, const Dossier& log, Date at,
                                 const Catalogs& catalogs) {
  if (f.listed) {
    std::vector<std::pair<std::string, Date>> entries;
    for (const auto& r : log.history_until(f.code, at)) {
      entries.emplace_back(dossier_value_label(f, r.value, catalogs), r.from);
    }
    return text_value(io::listed_cell(entries));
  }
  const auto current = log.value_at(f.code, at);
  if (!current) return {};
  if (f.kind == DossierValueKind::date) {
    auto d = Date::parse(current->value);
    return d.ok() ? date_value(*d) : text_value(current->value);
  }
  return text_value(dossier_value_label(f, current->value, catalogs));
}

}  // namespace

Result<ExportTable> Registry::export_members(const ListMembersInput& in,
                                             SensitiveColumns sensitive) {
  const bool with_sensitive = sensitive == SensitiveColumns::included;
  if (with_sensitive) {
    DANGVU_TRY(require_permission(auth::can_export_sensitive(caller_.role),
                                  "xuất thông tin nhạy cảm của đảng viên (quyền «Xuất dữ liệu "
                                  "nhạy cảm»: dân tộc, tôn giáo, số định danh cá nhân, sức khỏe, "
                                  "kỷ luật)",
                                  "export sensitive data (export_sensitive)"));
  }
  ExportTable table;
  table.title = "Danh sách đảng viên";
  // The headers are spellings the importer recognizes, so an export imports back unchanged.
  table.headers = {"STT",
                   "Mã đảng viên",
                   "Họ",
                   "Tên đệm",
                   "Tên",
                   "Ngày sinh",
                   "Giới tính",
                   "Chi bộ",
                   "Tên chi bộ",
                   "Trạng thái",
                   "Ngày đăng ký quần chúng",
                   "Ngày vào Đảng",
                   "Ngày chính thức",
                   "Số thẻ đảng viên"};
  table.kinds = {Kind::number, Kind::text, Kind::text, Kind::text, Kind::text,
                 Kind::date,   Kind::text, Kind::text, Kind::text, Kind::text,
                 Kind::date,   Kind::date, Kind::date, Kind::text};
  const std::vector<const DossierField*> fields = exported_fields(with_sensitive);
  for (const DossierField* f : fields) {
    table.headers.emplace_back(io::dossier_header(*f));
    table.kinds.push_back(f->kind == DossierValueKind::date ? Kind::date : Kind::text);
  }
  std::vector<std::string> codes;  // whose data a sensitive export carries
  Date at;
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  ListMembersInput page = in;
  page.limit = 10000;
  page.offset = 0;
  std::int64_t number = 0;
  std::unordered_map<std::string, std::string> names;  // org code → name on the list's date
  for (;;) {
    auto list = list_members(page);
    if (!list.ok()) return list.error();
    for (const auto& r : list->rows) {
      auto record = store_.find_member(r.code);
      if (!record.ok()) return record.error();
      std::optional<Date> registered, admitted, recognized;
      std::vector<DossierRecord> dossier;
      if (*record) {
        auto records = store::DossierStore(store_).records((*record)->id);
        if (!records.ok()) return records.error();
        dossier = std::move(*records);
        auto events = store_.member_events((*record)->id);
        if (!events.ok()) return events.error();
        auto folded = fold(r.person, *events, *history);
        if (folded.ok()) {
          for (const auto& e : folded->effective_events) {
            if (e.kind == MemberEventKind::candidate_registration && !registered) {
              registered = e.date;
            }
            if (e.kind == MemberEventKind::admission && !admitted) admitted = e.date;
            if (e.kind == MemberEventKind::recognition && !recognized) recognized = e.date;
          }
        }
      }
      if (names.empty()) {
        for (const auto& v : history->all_versions()) {
          if (v.valid_at(list->at)) names[history->code(v.org)] = v.name;
        }
      }
      auto name = names.find(r.org_code);
      std::string org_name = name == names.end() ? "" : name->second;
      table.rows.push_back({number_value(static_cast<double>(++number)), text_value(r.code),
                            text_value(r.person.family), text_value(r.person.middle),
                            text_value(r.person.given), date_value(r.person.birth_date),
                            text_value(gender_vi(r.person.gender)), text_value(r.org_code),
                            text_value(org_name), text_value(std::string(label_vi(r.status))),
                            date_value(registered), date_value(admitted), date_value(recognized),
                            text_value(r.card_number)});
      const Dossier log(std::move(dossier));
      for (const DossierField* f : fields) {
        table.rows.back().push_back(dossier_value(*f, log, list->at, rules_.catalogs));
      }
      if (with_sensitive) codes.push_back(r.code);
    }
    at = list->at;
    if (list->rows.size() < static_cast<std::size_t>(page.limit)) break;
    page.offset += page.limit;
  }
  if (with_sensitive) {
    // Who took whose sensitive data, and when (Luật 91/2025/QH15): one entry per export.
    std::optional<OrgId> org = caller_.scope;
    if (!in.org_code.empty()) {
      auto found = store_.find_org(in.org_code);
      if (!found.ok()) return found.error();
      if (*found) org = **found;
    }
    nlohmann::json detail = {{"org", in.org_code},
                             {"at", at.iso()},
                             {"count", codes.size()},
                             {"status", in.status},
                             {"q", in.q}};
    std::vector<std::string> sensitive_fields;
    for (const DossierField* f : fields) {
      if (f->sensitive) sensitive_fields.emplace_back(f->code);
    }
    detail["fields"] = sensitive_fields;
    if (codes.size() <= kAuditedCodes) detail["members"] = codes;
    const std::string target = in.org_code.empty() ? std::string("members") : in.org_code;
    DANGVU_TRY(store_.write_transaction(
        [&]() -> Status { return audit("member.export_sensitive", target, detail.dump(), org); }));
  }
  return table;
}

Result<ExportTable> Registry::export_tree(const std::string& org_code, const std::string& at) {
  auto view = tree(org_code, at);
  if (!view.ok()) return view.error();
  ExportTable table;
  table.title = "Cây tổ chức";
  // The headers are spellings the org importer recognizes ("Trực thuộc" is the parent's code),
  // so the tree imports into another database (with a "Ngày thành lập" column added).
  table.headers = {"Cấp",
                   "Mã",
                   "Tên tổ chức",
                   "Loại",
                   "Trực thuộc",
                   "Đảng viên chính thức",
                   "Đảng viên dự bị",
                   "Tổng số đảng viên",
                   "Quần chúng ưu tú"};
  table.kinds = {Kind::number, Kind::text,   Kind::text,   Kind::text,  Kind::text,
                 Kind::number, Kind::number, Kind::number, Kind::number};
  std::function<void(const TreeNodeView&, int, const std::string&)> walk =
      [&](const TreeNodeView& n, int depth, const std::string& parent) {
        table.rows.push_back(
            {number_value(depth), text_value(n.code),
             text_value(std::string(static_cast<std::size_t>(2 * depth), ' ') + n.name),
             text_value(std::string(label_vi(n.kind))), text_value(parent),
             number_value(static_cast<double>(n.counts.official)),
             number_value(static_cast<double>(n.counts.probationary)),
             number_value(static_cast<double>(n.counts.members())),
             number_value(static_cast<double>(n.counts.candidates))});
        for (const auto& c : n.children) walk(c, depth + 1, n.code);
      };
  for (const TreeNodeView* top : view->tops()) walk(*top, 0, "");
  return table;
}

}  // namespace dangvu::service
