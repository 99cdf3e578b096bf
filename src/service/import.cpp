// Import of member lists, and the tables that exports write.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/field_labels.h"
#include "io/dossier_columns.h"
#include "service/dossier_rows.h"
#include "service/registry.h"
#include "service/validate.h"
#include "text/collate.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

// The preview's gender cell: «Nam», «Nữ», or empty when the file gave none.
std::string gender_shown(const std::string& code) {
  auto g = parse_gender(code);
  return g && *g != Gender::unknown ? std::string(label_vi(*g)) : std::string();
}

// A stable code for a member that the file gives none for: from the person and the org, so that a
// re-import finds the same code.
std::string generated_code(const std::string& folded_name, Date birth, const std::string& org) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : folded_name + "|" + birth.iso() + "|" + org) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  static const char* hex = "0123456789ABCDEF";
  std::string code = "NK-";
  for (int i = 0; i < 10; ++i) code += hex[(h >> (4 * i)) & 0xF];
  return code;
}

bool is_card_number(const std::string& s) {
  if (s.size() != 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

constexpr std::size_t kPreviewRows = 20;

const MemberEvent* first_of(const MemberHistory& h, MemberEventKind kind) {
  for (const auto& e : h.effective_events) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

// A row's name cleaned by the rules of a typed entry, and the keys it is found and listed by.
struct NamedRow {
  std::optional<Result<std::string>> family, middle, given;
  std::vector<std::string> keys;  // folded full name first
  std::string sort_key;
  bool ok() const { return family->ok() && middle->ok() && given->ok(); }
};

// Each row's name, on this thread and one more: pure text work (ICU normalization and collation
// keys), independent from row to row and from the registry, about a tenth of a large import.
std::vector<NamedRow> name_rows(const std::vector<io::MemberRecord>& records) {
  std::vector<NamedRow> named(records.size());
  auto name = [&](std::size_t i) {
    const auto& r = records[i];
    NamedRow& n = named[i];
    n.family = text::clean_name_part(r.family, "family", true);
    n.middle = text::clean_name_part(r.middle, "middle", false);
    n.given = text::clean_name_part(r.given, "given", true);
    if (r.has_errors || !n.ok()) return;
    n.keys = text::name_search_keys(**n.family, **n.middle, **n.given);
    n.sort_key = text::person_sort_key(**n.family, **n.middle, **n.given);
  };
  std::size_t half = std::thread::hardware_concurrency() > 1 ? records.size() / 2 : 0;
  std::thread other;
  try {
    other = std::thread([&records, &name, half] {
      for (std::size_t i = half; i < records.size(); ++i) name(i);
    });
  } catch (const std::system_error&) {  // no thread to be had: this one names every row
    half = records.size();
  }
  for (std::size_t i = 0; i < half; ++i) name(i);
  if (other.joinable()) other.join();
  return named;
}

// The orgs the rows of a member file name: a code, else a name looked up, folded, within a
// subtree (the chosen org's, else the caller's), as the tree stood on the row's date. An org the
// caller does not hold is not there, whether named by code or by name: its answer is that of an
// unknown code.
class RowOrgs {
 public:
  // `held`: the caller's scope, where names are looked for too until look_within.
  RowOrgs(const OrgHistory& history, Scope held) : history_(history), held_(held), within_(held) {
    for (const auto& v : history.all_versions()) {
      by_code_.emplace(history.code(v.org), v.org);
      auto& ids = by_name_[text::fold(v.name)];
      if (std::find(ids.begin(), ids.end(), v.org) == ids.end()) ids.push_back(v.org);
    }
  }

  struct Found {
    std::optional<OrgId> org;
    std::string error_vi;        // when none
    std::int64_t ambiguous = 0;  // how many orgs bear the name, when more than one
  };

  // The org `written` (a code or a name) on `on` (the row's first date; none: the latest names).
  Found find(const std::string& written, std::optional<Date> on) const {
    if (auto c = by_code_.find(written); c != by_code_.end() && held_.holds(c->second)) {
      return {c->second, "", 0};
    }
    const std::vector<OrgId> candidates = named(written, on);
    if (candidates.size() == 1) return {candidates.front(), "", 0};
    if (candidates.empty()) {
      return {std::nullopt,
              "Không có tổ chức đảng mã hoặc tên «" + written + "»" +
                  (within_name_.empty() ? std::string() : " trong «" + within_name_ + "»") + ".",
              0};
    }
    return {std::nullopt, ambiguous_message(written, candidates, on),
            static_cast<std::int64_t>(candidates.size())};
  }

  // Names are looked for in `within`, named `name` in messages (empty: the whole registry).
  void look_within(Scope within, std::string name) {
    within_ = within;
    within_name_ = std::move(name);
  }

  // The org of code `code`, held or not, if any.
  std::optional<OrgId> by_code(const std::string& code) const {
    auto c = by_code_.find(code);
    if (c == by_code_.end()) return std::nullopt;
    return c->second;
  }

 private:
  // The held orgs within the subtree named `written` on `on` (none so named then: those that ever
  // bore the name), in code order.
  std::vector<OrgId> named(const std::string& written, std::optional<Date> on) const {
    const std::string folded = text::fold(written);
    auto n = by_name_.find(folded);
    if (n == by_name_.end()) return {};
    std::vector<OrgId> then, ever;
    for (OrgId id : n->second) {
      if (!held_.holds(id) || !within_.holds(id)) continue;
      ever.push_back(id);
      const OrgVersion* v = on ? history_.version_at(id, *on) : history_.latest(id);
      if (v && text::fold(v->name) == folded) then.push_back(id);
    }
    std::vector<OrgId>& found = then.empty() ? ever : then;
    // In code order, so that a message reads the same every time.
    std::sort(found.begin(), found.end(),
              [&](OrgId a, OrgId b) { return history_.code(a) < history_.code(b); });
    return found;
  }

  std::string ambiguous_message(const std::string& written, const std::vector<OrgId>& candidates,
                                std::optional<Date> on) const {
    constexpr std::size_t kListed = 5;
    std::string list;
    for (std::size_t i = 0; i < candidates.size() && i < kListed; ++i) {
      const OrgId id = candidates[i];
      const OrgVersion* v = on ? history_.version_at(id, *on) : nullptr;
      if (!v) v = history_.latest(id);
      const OrgVersion* parent = nullptr;
      if (v && v->parent) {
        parent = on ? history_.version_at(*v->parent, *on) : nullptr;
        if (!parent) parent = history_.latest(*v->parent);
      }
      list += (i ? ", " : "") + history_.code(id) +
              (parent ? " (thuộc " + parent->name + ")" : std::string());
    }
    if (candidates.size() > kListed) {
      list += " và " + std::to_string(candidates.size() - kListed) + " tổ chức khác";
    }
    return "«" + written + "» có " + std::to_string(candidates.size()) + " tổ chức trùng tên" +
           (within_name_.empty() ? std::string() : " trong «" + within_name_ + "»") + ": " + list +
           "; hãy ghi mã của chi bộ, hoặc chọn tổ chức cấp trên để tìm chi bộ trong đó.";
  }

  const OrgHistory& history_;
  Scope held_, within_;
  std::string within_name_;
  std::unordered_map<std::string, OrgId> by_code_;
  std::unordered_map<std::string, std::vector<OrgId>> by_name_;  // folded name → orgs
};

// The labels of the dossier fields the file gives values of that are dated from the row's first
// event (dossier_rows.h), «joined», or empty.
std::string dated_by_first_event(const io::MemberSheet& sheet) {
  std::vector<const DossierField*> fields;
  for (const auto& r : sheet.records) {
    for (const auto& cell : r.dossier) {
      const std::string_view code = cell.field->code;
      if (code == "place_of_birth" || code == "hometown" || code == "ethnicity" ||
          cell.field->kind == DossierValueKind::date || cell.from) {
        continue;
      }
      if (std::find(fields.begin(), fields.end(), cell.field) == fields.end()) {
        fields.push_back(cell.field);
      }
    }
  }
  std::string out;
  for (const auto& f : dossier_fields()) {
    if (std::find(fields.begin(), fields.end(), &f) == fields.end()) continue;
    out += (out.empty() ? "«" : ", «") + std::string(f.label) + "»";
  }
  return out;
}

// The report's account of the file as read: columns, the fields a column may take, the reader's
// problems, the rows read and skipped.
ImportReport report_of_sheet(io::MemberSheet& sheet, const ImportInput& in) {
  ImportReport report;
  report.kind = "members";
  report.file_name = in.file_name;
  report.format = sheet.format;
  report.sheet = sheet.sheet;
  report.header_row = sheet.header_row;
  for (const auto& c : sheet.columns) {
    report.columns.push_back({c.column, c.header, std::string(io::field_name(c)),
                              std::string(io::field_label(c)), c.by_user, c.encoding,
                              c.sample_before, c.sample_after});
  }
  for (auto f : io::member_fields()) {
    report.fields.push_back({std::string(io::to_string(f)), std::string(io::label_vi(f))});
  }
  for (const auto& f : dossier_fields()) {
    if (!io::in_member_sheets(f)) continue;
    report.fields.push_back({std::string(f.code), std::string(f.label)});
  }
  report.problems = std::move(sheet.problems);
  report.omitted = sheet.omitted;
  if (std::string dated = dated_by_first_event(sheet); !dated.empty()) {
    io::Problem p;
    p.sheet = sheet.sheet;
    p.field = "dossier";
    p.message_vi = "Các mục hồ sơ " + dated +
                   " được ghi từ ngày đăng ký quần chúng hoặc ngày vào Đảng của mỗi dòng (nơi "
                   "sinh, quê quán, dân tộc từ ngày sinh; cột ngày từ chính ngày ấy). Mục nào có "
                   "sau ngày đó (học vị, chức vụ mới…) xin ghi lại ngày bằng «Cập nhật hồ sơ» "
                   "của đảng viên.";
    p.warning = true;
    io::add_problem(report.problems, report.omitted, std::move(p));
  }
  report.rows = static_cast<std::int64_t>(sheet.records.size());
  report.skipped = static_cast<std::int64_t>(sheet.skipped_rows.size());
  report.dry_run = in.dry_run;
  return report;
}

// The column letter of each field the file maps, or the refusal naming the required ones missing.
Result<std::map<io::MemberField, std::string>> mapped_columns(const io::MemberSheet& sheet) {
  std::map<io::MemberField, std::string> column_of;
  for (const auto& m : sheet.columns) {
    if (m.field != io::MemberField::ignore && !column_of.count(m.field)) {
      column_of[m.field] = io::column_name(m.column);
    }
  }
  if (column_of.count(io::MemberField::birth_date) && column_of.count(io::MemberField::org) &&
      (column_of.count(io::MemberField::admission_date) ||
       column_of.count(io::MemberField::registration_date))) {
    return column_of;
  }
  std::string missing;
  for (auto f :
       {io::MemberField::birth_date, io::MemberField::org, io::MemberField::admission_date}) {
    if (!column_of.count(f)) {
      missing += (missing.empty() ? "«" : ", «") + std::string(io::label_vi(f)) + "»";
    }
  }
  return Error::invalid(
      "header",
      with_field_labels("Trường «header»: tệp thiếu cột " + missing +
                        "; thêm cột hoặc chỉ định bằng --map \"Tên cột=trường\"."),
      "required columns missing");
}

// Notes a row refused for an ambiguous branch name in the report (one entry per name, folded).
void note_ambiguous(ImportReport& report, const std::string& name, std::int64_t candidates) {
  const std::string folded = text::fold(name);
  for (auto& a : report.ambiguous_orgs) {
    if (text::fold(a.name) == folded) {
      ++a.rows;
      return;
    }
  }
  report.ambiguous_orgs.push_back({name, candidates, 1});
}

// What a row's own fields break (name parts, dates, the org, the card number), each passed to
// `fail`; the row's org when it is found.
using RowFail = std::function<void(io::MemberField, const std::string&)>;
std::optional<OrgId> check_row_fields(const io::MemberRecord& r, const NamedRow& name,
                                      const RowOrgs& orgs, ImportReport& report,
                                      const RowFail& fail) {
  if (!name.family->ok()) fail(io::MemberField::family, name.family->error().message_vi);
  if (!name.middle->ok()) fail(io::MemberField::middle, name.middle->error().message_vi);
  if (!name.given->ok()) fail(io::MemberField::given, name.given->error().message_vi);
  if (!r.birth_date) fail(io::MemberField::birth_date, "Thiếu ngày sinh.");
  if (!r.admission_date && !r.registration_date) {
    fail(io::MemberField::admission_date,
         "Thiếu ngày vào Đảng (hoặc, với quần chúng ưu tú, ngày đăng ký quần chúng).");
  }
  if (r.recognition_date && !r.admission_date) {
    fail(io::MemberField::recognition_date, "Có ngày chính thức nhưng thiếu ngày vào Đảng.");
  }
  if (!r.card_number.empty() && !is_card_number(r.card_number)) {
    fail(io::MemberField::card_number,
         "Số thẻ đảng viên «" + r.card_number + "» phải gồm đúng 12 chữ số.");
  }
  if (r.org.empty()) {
    fail(io::MemberField::org, "Thiếu chi bộ (mã hoặc tên tổ chức đảng).");
    return std::nullopt;
  }
  // The tree as it stood on the row's first date: admitted, else registered as a candidate.
  auto found = orgs.find(r.org, r.admission_date ? r.admission_date : r.registration_date);
  if (!found.org) {
    fail(io::MemberField::org, found.error_vi);
    if (found.ambiguous > 0) note_ambiguous(report, r.org, found.ambiguous);
  }
  return found.org;
}

// What the file says otherwise than the record of a member it matched: the birth date, the
// admission, recognition and card number the record already holds.
std::vector<std::string> differences(const io::MemberRecord& r, const store::MemberRecord& existing,
                                     const MemberHistory& existing_fold) {
  const MemberEvent* had = first_of(existing_fold, MemberEventKind::admission);
  const MemberEvent* had_recognition = first_of(existing_fold, MemberEventKind::recognition);
  std::vector<std::string> differs;
  if (existing.person.birth_date != *r.birth_date) {
    differs.push_back("ngày sinh " + r.birth_date->vi() +
                      " (hồ sơ: " + existing.person.birth_date.vi() + ")");
  }
  if (had && (!r.admission_date || had->date != *r.admission_date)) {
    differs.push_back("ngày vào Đảng " +
                      (r.admission_date ? r.admission_date->vi() : std::string("(trống)")) +
                      " (hồ sơ: " + had->date.vi() + ")");
  }
  const MemberEvent* had_registration =
      first_of(existing_fold, MemberEventKind::candidate_registration);
  if (!had && !had_registration) {
    differs.push_back("hồ sơ chưa có sự kiện kết nạp hay đăng ký");
  }
  if (had_recognition && r.recognition_date && had_recognition->date != *r.recognition_date) {
    differs.push_back("ngày chính thức " + r.recognition_date->vi() +
                      " (hồ sơ: " + had_recognition->date.vi() + ")");
  }
  if (!r.card_number.empty() && !existing.card_number.empty() &&
      existing.card_number != r.card_number) {
    differs.push_back("số thẻ " + r.card_number + " (hồ sơ: " + existing.card_number + ")");
  }
  return differs;
}

// What the file adds to the record of a member it matched: a card number the record lacks (a
// correction of the admission, dated `today`), the admission, the recognition.
std::vector<MemberEvent> events_to_add(const io::MemberRecord& r,
                                       const store::MemberRecord& existing,
                                       const MemberHistory& existing_fold,
                                       const MemberEvent& admission, Date today,
                                       const std::string& file_name) {
  const MemberEvent* had = first_of(existing_fold, MemberEventKind::admission);
  const MemberEvent* had_recognition = first_of(existing_fold, MemberEventKind::recognition);
  std::vector<MemberEvent> added;
  if (!r.card_number.empty() && existing.card_number.empty() && had) {
    MemberEvent c;
    c.kind = MemberEventKind::correction;
    c.date = today;
    c.corrects = had->id;
    c.new_card_number = r.card_number;
    c.reason = "Nhập từ tệp " + file_name;
    added.push_back(c);
  }
  if (r.admission_date && !had) added.push_back(admission);
  if (r.recognition_date && !had_recognition) {
    MemberEvent rec;
    rec.kind = MemberEventKind::recognition;
    rec.date = *r.recognition_date;
    added.push_back(rec);
  }
  return added;
}

// A new member's events: the admission (or, without one, the registration as a candidate) and
// the recognition.
std::vector<MemberEvent> new_member_events(const io::MemberRecord& r,
                                           const MemberEvent& admission) {
  std::vector<MemberEvent> events{admission};
  if (!r.admission_date) {
    events.front().kind = MemberEventKind::candidate_registration;
    events.front().date = *r.registration_date;
    events.front().card_number.clear();
    events.front().decision_no.clear();
  }
  if (r.recognition_date) {
    MemberEvent rec;
    rec.kind = MemberEventKind::recognition;
    rec.date = *r.recognition_date;
    events.push_back(rec);
  }
  return events;
}

// The column a refusal of a new member's record is shown at.
io::MemberField field_of_refusal(const Error& e, const io::MemberRecord& r) {
  if (r.recognition_date && e.rule.rfind("probation", 0) == 0) {
    return io::MemberField::recognition_date;
  }
  if (e.field == "card_number") return io::MemberField::card_number;
  if (e.field == "birth_date") return io::MemberField::birth_date;
  if (e.field == "org") return io::MemberField::org;
  return io::MemberField::admission_date;
}

// Which codes, card numbers and folded names of the file the registry may know, found in a few
// queries (only those rows are looked up one by one). Rows it cannot know (no known code, card or
// name), many of them into a registry holding few: the indexes by date, org and name order are
// built once at the end (store::Store::defer_member_order_indexes).
struct KnownKeys {
  std::unordered_set<std::string> codes_or_cards, names;
};
Result<KnownKeys> known_keys(store::Store& store, const std::vector<io::MemberRecord>& records,
                             const std::vector<NamedRow>& named) {
  std::vector<std::string> codes_and_cards, folded_names(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (r.has_errors) continue;
    if (!r.code.empty()) codes_and_cards.push_back(r.code);
    if (!r.card_number.empty()) codes_and_cards.push_back(r.card_number);
    if (!named[i].keys.empty()) folded_names[i] = named[i].keys.front();
  }
  auto known = store.known_codes_or_cards(codes_and_cards);
  if (!known.ok()) return known.error();
  auto known_names = store.known_folded_names(folded_names);
  if (!known_names.ok()) return known_names.error();
  std::int64_t surely_new = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (r.has_errors || folded_names[i].empty() || known_names->count(folded_names[i]) ||
        known->count(r.code) || known->count(r.card_number)) {
      continue;
    }
    ++surely_new;
  }
  if (auto deferred = store.defer_member_order_indexes(surely_new); !deferred.ok()) {
    return deferred.error();
  }
  return KnownKeys{std::move(*known), std::move(*known_names)};
}

// The first rows as they would be recorded.
void add_preview(ImportReport& report, const std::vector<io::MemberRecord>& records,
                 const std::vector<std::string>& outcomes,
                 const std::vector<std::string>& member_codes,
                 const std::vector<std::string>& org_codes) {
  report.preview_columns = {{"code", "Mã đảng viên"},
                            {"family", "Họ"},
                            {"middle", "Tên đệm"},
                            {"given", "Tên"},
                            {"birth_date", "Ngày sinh"},
                            {"gender", "Giới tính"},
                            {"org", "Chi bộ"},
                            {"admission_date", "Ngày vào Đảng"},
                            {"recognition_date", "Ngày chính thức"},
                            {"card_number", "Số thẻ đảng viên"}};
  const std::size_t preview = std::min<std::size_t>(records.size(), kPreviewRows);
  auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
  for (std::size_t i = 0; i < preview; ++i) {
    const auto& r = records[i];
    report.preview.push_back({r.row,
                              outcomes[i],
                              {member_codes[i], r.family, r.middle, r.given, iso(r.birth_date),
                               gender_shown(r.gender), org_codes[i].empty() ? r.org : org_codes[i],
                               iso(r.admission_date), iso(r.recognition_date), r.card_number}});
  }
}

}  // namespace

Result<ImportReport> Registry::import_members(const ImportInput& in) {
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role), "ghi hồ sơ đảng viên",
                                "write member records"));
  io::SheetOptions options = in.options;
  options.this_year = clock_.today().year();
  options.catalogs = &rules_.catalogs;
  auto sheet = io::read_member_sheet(in.data, options);
  if (!sheet.ok()) {
    Error e = sheet.error();
    e.message_vi = with_field_labels(e.message_vi);
    return e;
  }
  ImportReport report = report_of_sheet(*sheet, in);
  // Where a branch written by name is looked for: the subtree of `under` (an org the caller
  // holds), else the caller's own.
  auto row_orgs = [this](const OrgHistory& history, const std::string& under) -> Result<RowOrgs> {
    RowOrgs orgs(history, scope(history));
    std::optional<OrgId> root = caller_.scope;
    if (!under.empty()) {
      root = orgs.by_code(under);
      if (!root) {
        return Error::not_found("under", "Trường «under»: không có tổ chức mã «" + under + "».",
                                "field 'under': no org " + under);
      }
      DANGVU_TRY(require_in_scope(history, *root, "under", under));
    }
    if (root) {
      const OrgVersion* v = history.latest(*root);
      orgs.look_within(Scope{history, *root, clock_.today()}, v ? v->name : history.code(*root));
    }
    return orgs;
  };
  auto columns = mapped_columns(*sheet);
  if (!columns.ok()) return columns.error();
  std::map<io::MemberField, std::string>& column_of = *columns;
  auto name_column = [&]() {
    for (auto f : {io::MemberField::full_name, io::MemberField::given, io::MemberField::family}) {
      if (column_of.count(f)) return column_of[f];
    }
    return std::string();
  };

  std::vector<io::Problem> row_problems;
  std::vector<std::string> outcomes(sheet->records.size());
  std::vector<std::string> org_codes(sheet->records.size()), member_codes(sheet->records.size());
  const std::string sentinel = "import.rollback";

  std::vector<NamedRow> named = name_rows(sheet->records);

  const store::Store::BulkWrite bulk(store_);
  const io::OmittedProblems read_omitted = report.omitted;
  Status st = store_.write_transaction([&]() -> Status {
    // PostgreSQL may run this again after a serialization failure: nothing of a first run stays.
    row_problems.clear();
    report.omitted = read_omitted;
    report.created = report.updated = report.unchanged = report.rejected = 0;
    report.dossier_records = 0;
    report.ambiguous_orgs.clear();
    auto loaded = store_.load_org_history();
    if (!loaded.ok()) return loaded.error();
    OrgHistory& history = *loaded;
    auto orgs = row_orgs(history, in.under);
    if (!orgs.ok()) return orgs.error();
    const Scope held_scope = scope(history);
    DossierRows dossier_rows(store_, rules_.catalogs, clock_.today(), clock_.now_iso(), actor_,
                             "Nhập từ tệp " + in.file_name);
    std::unordered_map<std::string, std::int64_t> seen;  // person key → first row

    auto keys = known_keys(store_, sheet->records, named);
    if (!keys.ok()) return keys.error();
    const std::unordered_set<std::string>* known = &keys->codes_or_cards;
    const std::unordered_set<std::string>* known_names = &keys->names;

    for (std::size_t i = 0; i < sheet->records.size(); ++i) {
      const io::MemberRecord& r = sheet->records[i];
      if (r.has_errors) {
        outcomes[i] = "error";
        continue;
      }
      bool failed = false;
      auto fail = [&](io::MemberField field, const std::string& message) {
        io::Problem p;
        p.sheet = report.sheet;
        p.row = r.row;
        p.field = std::string(io::to_string(field));
        p.column = column_of.count(field) ? column_of[field] : name_column();
        p.message_vi = with_field_labels(message, "member.import");
        io::add_problem(row_problems, report.omitted, std::move(p), report.problems.size());
        failed = true;
      };
      auto fail_error = [&](io::MemberField field, const Error& e) { fail(field, e.message_vi); };
      auto fail_dossier = [&](const io::DossierCell& cell, const std::string& message) {
        io::Problem p;
        p.sheet = report.sheet;
        p.row = r.row;
        p.field = std::string(cell.field->code);
        p.column = cell.column;
        p.message_vi = "Cột «" + cell.header + "»: " + message;
        io::add_problem(row_problems, report.omitted, std::move(p), report.problems.size());
        failed = true;
      };

      NamedRow& name = named[i];
      const std::optional<OrgId> org = check_row_fields(r, name, *orgs, report, fail);
      if (failed) {
        outcomes[i] = "error";
        continue;
      }
      org_codes[i] = history.code(*org);
      Person person{
          **name.family, **name.middle, **name.given, *r.birth_date,
          parse_gender(r.gender.empty() ? "unknown" : r.gender).value_or(Gender::unknown)};
      const std::string folded = name.keys.empty() ? "" : name.keys.front();
      std::string person_key = !r.card_number.empty()
                                   ? "card:" + r.card_number
                                   : folded + "|" + r.birth_date->iso() + "|" + org_codes[i];
      if (auto dup = seen.find(person_key); dup != seen.end()) {
        fail(r.card_number.empty() ? io::MemberField::full_name : io::MemberField::card_number,
             "Trùng với dòng " + std::to_string(dup->second) + " của tệp (cùng " +
                 (r.card_number.empty() ? std::string("họ tên, ngày sinh và chi bộ")
                                        : std::string("số thẻ đảng viên")) +
                 ").");
        outcomes[i] = "error";
        continue;
      }
      seen.emplace(person_key, r.row);

      // Who this row is in the registry already, if anyone.
      std::optional<store::MemberRecord> existing;
      if (!r.code.empty() && known->count(r.code)) {
        auto found = store_.find_member(r.code);
        if (!found.ok()) return found.error();
        if (*found && (*found)->code == r.code) existing = **found;
      }
      if (!existing && !r.card_number.empty() && known->count(r.card_number)) {
        auto found = store_.find_member(r.card_number);
        if (!found.ok()) return found.error();
        if (*found) existing = **found;
      }
      std::vector<MemberEvent> existing_events;
      std::optional<MemberHistory> existing_fold;
      if (!existing) {
        // Not known by code or card: the same name, birth date and org, if the name is known.
        auto found =
            known_names->count(folded)
                ? store_.find_members_by_name(folded, *r.birth_date)
                : Result<std::vector<store::MemberRecord>>(std::vector<store::MemberRecord>{});
        if (!found.ok()) return found.error();
        for (const auto& m : *found) {
          auto events = store_.member_events(m.id);
          if (!events.ok()) return events.error();
          auto f = fold(m.person, *events, history);
          if (!f.ok()) continue;
          const MemberEvent* first =
              f->effective_events.empty() ? nullptr : &f->effective_events.front();
          if ((first && first->org == org) || f->current().org == org) {
            existing = m;
            existing_events = std::move(*events);
            existing_fold = std::move(*f);
            break;
          }
        }
      } else {
        auto events = store_.member_events(existing->id);
        if (!events.ok()) return events.error();
        existing_events = std::move(*events);
        auto f = fold(existing->person, existing_events, history);
        if (!f.ok()) return f.error();
        existing_fold = std::move(*f);
      }
      if (existing && !member_in_scope(*existing_fold, history)) {
        // Someone held by another committee today: not this office's to change (scope over time).
        fail(r.code.empty() ? io::MemberField::card_number : io::MemberField::code,
             "Đảng viên «" + (r.code.empty() ? r.card_number : r.code) +
                 "» đã có trong hồ sơ của một tổ chức ngoài phạm vi của bạn.");
        outcomes[i] = "error";
        continue;
      }

      MemberEvent admission;
      admission.kind = MemberEventKind::admission;
      admission.date = r.admission_date.value_or(Date());
      admission.org = org;
      admission.card_number = r.card_number;
      admission.decision_no = r.decision_no;

      if (existing) {
        member_codes[i] = existing->code;
        const std::vector<std::string> differs = differences(r, *existing, *existing_fold);
        if (!differs.empty()) {
          std::string list;
          for (const auto& d : differs) list += (list.empty() ? "" : "; ") + d;
          fail(io::MemberField::full_name,
               "Đảng viên «" + existing->code + "» đã có trong hồ sơ nhưng tệp ghi khác: " + list +
                   ". Lịch sử không sửa bằng nhập tệp; hãy ghi một đính chính (dangvu member "
                   "event --kind correction).");
          outcomes[i] = "error";
          continue;
        }
        auto dossier =
            dossier_rows.plan(r, *r.birth_date, MatchedMember{existing->id, &*existing_fold},
                              held_scope, fail_dossier);
        if (!dossier.ok()) return dossier.error();
        if (failed) {
          outcomes[i] = "error";
          continue;
        }
        const std::vector<MemberEvent> added =
            events_to_add(r, *existing, *existing_fold, admission, clock_.today(), in.file_name);
        if (added.empty() && dossier->empty()) {
          outcomes[i] = "unchanged";
          ++report.unchanged;
          continue;
        }
        if (added.empty()) {
          DANGVU_TRY(dossier_rows.append(existing->id, *dossier));
          outcomes[i] = "updated";
          ++report.updated;
          continue;
        }
        std::vector<MemberEvent> all = existing_events;
        all.insert(all.end(), added.begin(), added.end());
        auto folded_all = fold(existing->person, all, history);
        if (!folded_all.ok()) {
          fail(
              r.recognition_date ? io::MemberField::recognition_date : io::MemberField::card_number,
              folded_all.error().message_vi);
          outcomes[i] = "error";
          continue;
        }
        if (auto held = require_orgs_hold(existing->code, existing->person, *folded_all, history,
                                          org_breaks(*existing_fold, history, rules_), "org");
            !held.ok()) {
          fail(io::MemberField::org, held.error().message_vi);
          outcomes[i] = "error";
          continue;
        }
        if (!r.card_number.empty() && existing->card_number.empty()) {
          auto holder = store_.find_member(r.card_number);
          if (!holder.ok()) return holder.error();
          if (*holder && (*holder)->id != existing->id) {
            fail(io::MemberField::card_number,
                 "Số thẻ đảng viên «" + r.card_number + "» đã được cấp cho người khác.");
            outcomes[i] = "error";
            continue;
          }
        }
        for (const auto& e : added) {
          auto eid = store_.append_member_event(existing->id, e, actor_, clock_.now_iso());
          if (!eid.ok()) return eid.error();
        }
        DANGVU_TRY(store_.replace_member_derived(existing->id, *folded_all));
        DANGVU_TRY(dossier_rows.append(existing->id, *dossier));
        outcomes[i] = "updated";
        ++report.updated;
        continue;
      }

      const std::vector<MemberEvent> events = new_member_events(r, admission);
      std::string code = !r.code.empty() ? r.code
                         : !r.card_number.empty()
                             ? r.card_number
                             : generated_code(folded, *r.birth_date, org_codes[i]);
      if (!r.code.empty()) {
        auto valid = check_code(r.code, "code");
        if (!valid.ok()) {
          fail_error(io::MemberField::code, valid.error());
          outcomes[i] = "error";
          continue;
        }
      }
      auto dossier = dossier_rows.plan(r, *r.birth_date, std::nullopt, held_scope, fail_dossier);
      if (!dossier.ok()) return dossier.error();
      if (failed) {
        outcomes[i] = "error";
        continue;
      }
      // A card the registry did not hold before the file; a repeat within the file is refused
      // above (`seen`).
      const bool card_free = r.card_number.empty() || !known->count(r.card_number);
      auto id = load_member_with_events(
          store::NewMember{code, person, folded, std::move(name.sort_key), std::move(name.keys)},
          events, history, card_free);
      if (!id.ok()) {
        if (id.error().kind == ErrorKind::io) return id.error();
        const io::MemberField field = field_of_refusal(id.error(), r);
        fail(field, id.error().message_vi);
        outcomes[i] = "error";
        continue;
      }
      DANGVU_TRY(dossier_rows.write_new(*id, *dossier));
      member_codes[i] = code;
      outcomes[i] = "new";
      ++report.created;
    }

    for (const auto& o : outcomes) report.rejected += o == "error" ? 1 : 0;
    report.dossier_records = dossier_rows.written();  // or would be, for a dry run
    bool blocked = report.rejected > 0 && !in.valid_only;
    // Nothing to write (a re-import): roll back, so that not even an audit entry changes.
    if (blocked || in.dry_run || report.created + report.updated == 0) {
      return Error::invalid("", "", sentinel);
    }
    json detail = {{"file", in.file_name},
                   {"format", report.format},
                   {"sheet", report.sheet},
                   {"rows", report.rows},
                   {"created", report.created},
                   {"updated", report.updated},
                   {"unchanged", report.unchanged},
                   {"rejected", report.rejected},
                   {"dossier_records", report.dossier_records}};
    report.written = report.created + report.updated > 0;
    return audit("member.import", in.file_name, detail.dump(), caller_.scope);
  });
  if (!st.ok() && st.error().detail_en != sentinel) return st.error();
  if (!st.ok()) report.written = false;

  // Row problems in file order, the reader's first.
  report.problems.insert(report.problems.end(), row_problems.begin(), row_problems.end());
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const io::Problem& a, const io::Problem& b) { return a.row < b.row; });
  add_preview(report, sheet->records, outcomes, member_codes, org_codes);
  return report;
}

}  // namespace dangvu::service
