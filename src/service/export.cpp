// The tables exports write: a member list as filtered, the tree with counts.
#include <functional>
#include <unordered_map>

#include "service/registry.h"

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

}  // namespace

Result<ExportTable> Registry::export_members(const ListMembersInput& in) {
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
      if (*record) {
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
    }
    if (list->rows.size() < static_cast<std::size_t>(page.limit)) break;
    page.offset += page.limit;
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
