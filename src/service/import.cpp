// Import of member lists, and the tables that exports write.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>

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

}  // namespace

Result<ImportReport> Registry::import_members(const ImportInput& in) {
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role), "ghi hồ sơ đảng viên",
                                "write member records"));
  io::SheetOptions options = in.options;
  options.this_year = clock_.today().year();
  auto sheet = io::read_member_sheet(in.data, options);
  if (!sheet.ok()) return sheet.error();
  ImportReport report;
  report.kind = "members";
  report.file_name = in.file_name;
  report.format = sheet->format;
  report.sheet = sheet->sheet;
  report.header_row = sheet->header_row;
  for (const auto& c : sheet->columns) {
    report.columns.push_back({c.column, c.header, std::string(io::to_string(c.field)),
                              std::string(io::label_vi(c.field)), c.by_user, c.encoding,
                              c.sample_before, c.sample_after});
  }
  for (auto f : io::member_fields()) {
    report.fields.push_back({std::string(io::to_string(f)), std::string(io::label_vi(f))});
  }
  report.problems = std::move(sheet->problems);
  report.omitted = sheet->omitted;
  report.rows = static_cast<std::int64_t>(sheet->records.size());
  report.dry_run = in.dry_run;

  std::map<io::MemberField, std::string> column_of;  // the column letter of each field
  for (const auto& m : sheet->columns) {
    if (m.field != io::MemberField::ignore && !column_of.count(m.field)) {
      column_of[m.field] = io::column_name(m.column);
    }
  }
  auto name_column = [&]() {
    for (auto f : {io::MemberField::full_name, io::MemberField::given, io::MemberField::family}) {
      if (column_of.count(f)) return column_of[f];
    }
    return std::string();
  };
  if (!column_of.count(io::MemberField::birth_date) || !column_of.count(io::MemberField::org) ||
      (!column_of.count(io::MemberField::admission_date) &&
       !column_of.count(io::MemberField::registration_date))) {
    std::string missing;
    for (auto f :
         {io::MemberField::birth_date, io::MemberField::org, io::MemberField::admission_date}) {
      if (!column_of.count(f)) {
        missing += (missing.empty() ? "«" : ", «") + std::string(io::label_vi(f)) + "»";
      }
    }
    return Error::invalid("header",
                          "Trường «header»: tệp thiếu cột " + missing +
                              "; thêm cột hoặc chỉ định bằng --map \"Tên cột=trường\".",
                          "required columns missing");
  }

  std::vector<io::Problem> row_problems;
  std::vector<std::string> outcomes(sheet->records.size());
  std::vector<std::string> org_codes(sheet->records.size()), member_codes(sheet->records.size());
  const std::string sentinel = "import.rollback";

  std::vector<NamedRow> named = name_rows(sheet->records);

  const store::Store::BulkWrite bulk(store_);
  Status st = store_.write_transaction([&]() -> Status {
    auto loaded = store_.load_org_history();
    if (!loaded.ok()) return loaded.error();
    OrgHistory& history = *loaded;
    std::unordered_map<std::string, OrgId> by_code;
    std::unordered_map<std::string, std::vector<OrgId>> by_name;  // folded name → orgs
    for (const auto& v : history.all_versions()) {
      by_code.emplace(history.code(v.org), v.org);
      auto& ids = by_name[text::fold(v.name)];
      if (std::find(ids.begin(), ids.end(), v.org) == ids.end()) ids.push_back(v.org);
    }
    std::unordered_map<std::string, std::int64_t> seen;  // person key → first row

    // Which codes, card numbers and names of the file the registry may know, in a few queries:
    // only those rows are looked up one by one.
    std::vector<std::string> codes_and_cards, folded_names(sheet->records.size());
    for (std::size_t i = 0; i < sheet->records.size(); ++i) {
      const auto& r = sheet->records[i];
      if (r.has_errors) continue;
      if (!r.code.empty()) codes_and_cards.push_back(r.code);
      if (!r.card_number.empty()) codes_and_cards.push_back(r.card_number);
      if (!named[i].keys.empty()) folded_names[i] = named[i].keys.front();
    }
    auto known = store_.known_codes_or_cards(codes_and_cards);
    if (!known.ok()) return known.error();
    auto known_names = store_.known_folded_names(folded_names);
    if (!known_names.ok()) return known_names.error();
    // Rows the registry cannot know (no known code, card or name): many of them into a registry
    // holding few, and the indexes by date, org and name order are built once at the end.
    std::int64_t surely_new = 0;
    for (std::size_t i = 0; i < sheet->records.size(); ++i) {
      const auto& r = sheet->records[i];
      if (r.has_errors || folded_names[i].empty() || known_names->count(folded_names[i]) ||
          known->count(r.code) || known->count(r.card_number)) {
        continue;
      }
      ++surely_new;
    }
    if (auto deferred = store_.defer_member_order_indexes(surely_new); !deferred.ok()) {
      return deferred.error();
    }

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
        p.message_vi = message;
        io::add_problem(row_problems, report.omitted, std::move(p), report.problems.size());
        failed = true;
      };
      auto fail_error = [&](io::MemberField field, const Error& e) { fail(field, e.message_vi); };

      NamedRow& name = named[i];
      const auto& family = *name.family;
      if (!family.ok()) fail_error(io::MemberField::family, family.error());
      const auto& middle = *name.middle;
      if (!middle.ok()) fail_error(io::MemberField::middle, middle.error());
      const auto& given = *name.given;
      if (!given.ok()) fail_error(io::MemberField::given, given.error());
      if (!r.birth_date) fail(io::MemberField::birth_date, "Thiếu ngày sinh.");
      if (!r.admission_date && !r.registration_date) {
        fail(io::MemberField::admission_date,
             "Thiếu ngày vào Đảng (hoặc, với quần chúng ưu tú, ngày đăng ký quần chúng).");
      }
      if (r.recognition_date && !r.admission_date) {
        fail(io::MemberField::recognition_date, "Có ngày chính thức nhưng thiếu ngày vào Đảng.");
      }
      const std::optional<Date> first_date =
          r.admission_date ? r.admission_date : r.registration_date;
      std::optional<OrgId> org;
      if (r.org.empty()) {
        fail(io::MemberField::org, "Thiếu chi bộ (mã hoặc tên tổ chức đảng).");
      } else if (auto c = by_code.find(r.org); c != by_code.end()) {
        org = c->second;
      } else {
        auto n = by_name.find(text::fold(r.org));
        std::vector<OrgId> candidates;
        if (n != by_name.end()) {
          for (OrgId id : n->second) {
            const OrgVersion* v =
                first_date ? history.version_at(id, *first_date) : history.latest(id);
            if (v && text::fold(v->name) == text::fold(r.org)) candidates.push_back(id);
          }
          if (candidates.empty()) candidates = n->second;
        }
        if (candidates.size() == 1) {
          org = candidates.front();
        } else if (candidates.empty()) {
          fail(io::MemberField::org, "Không có tổ chức đảng mã hoặc tên «" + r.org + "».");
        } else {
          fail(io::MemberField::org, "Có " + std::to_string(candidates.size()) +
                                         " tổ chức đảng tên «" + r.org + "»; ghi mã của chi bộ.");
        }
      }
      if (!r.card_number.empty() && !is_card_number(r.card_number)) {
        fail(io::MemberField::card_number,
             "Số thẻ đảng viên «" + r.card_number + "» phải gồm đúng 12 chữ số.");
      }
      if (org && first_date) {
        auto scoped = require_in_scope(history, *org, "org", r.org);
        if (!scoped.ok()) fail_error(io::MemberField::org, scoped.error());
      }
      if (failed) {
        outcomes[i] = "error";
        continue;
      }
      org_codes[i] = history.code(*org);
      Person person{
          *family, *middle, *given, *r.birth_date,
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
        const MemberEvent* had = first_of(*existing_fold, MemberEventKind::admission);
        const MemberEvent* had_recognition = first_of(*existing_fold, MemberEventKind::recognition);
        std::vector<std::string> differs;
        if (existing->person.birth_date != *r.birth_date) {
          differs.push_back("ngày sinh " + r.birth_date->vi() +
                            " (hồ sơ: " + existing->person.birth_date.vi() + ")");
        }
        if (had && (!r.admission_date || had->date != *r.admission_date)) {
          differs.push_back("ngày vào Đảng " +
                            (r.admission_date ? r.admission_date->vi() : std::string("(trống)")) +
                            " (hồ sơ: " + had->date.vi() + ")");
        }
        const MemberEvent* had_registration =
            first_of(*existing_fold, MemberEventKind::candidate_registration);
        if (!had && !had_registration) {
          differs.push_back("hồ sơ chưa có sự kiện kết nạp hay đăng ký");
        }
        if (had_recognition && r.recognition_date && had_recognition->date != *r.recognition_date) {
          differs.push_back("ngày chính thức " + r.recognition_date->vi() +
                            " (hồ sơ: " + had_recognition->date.vi() + ")");
        }
        if (!r.card_number.empty() && !existing->card_number.empty() &&
            existing->card_number != r.card_number) {
          differs.push_back("số thẻ " + r.card_number + " (hồ sơ: " + existing->card_number + ")");
        }
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
        std::vector<MemberEvent> added;
        if (!r.card_number.empty() && existing->card_number.empty() && had) {
          MemberEvent c;
          c.kind = MemberEventKind::correction;
          c.date = clock_.today();
          c.corrects = had->id;
          c.new_card_number = r.card_number;
          c.reason = "Nhập từ tệp " + in.file_name;
          added.push_back(c);
        }
        if (r.admission_date && !had) {
          added.push_back(admission);
        }
        if (r.recognition_date && !had_recognition) {
          MemberEvent rec;
          rec.kind = MemberEventKind::recognition;
          rec.date = *r.recognition_date;
          added.push_back(rec);
        }
        if (added.empty()) {
          outcomes[i] = "unchanged";
          ++report.unchanged;
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
        outcomes[i] = "updated";
        ++report.updated;
        continue;
      }

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
      // A card the registry did not hold before the file; a repeat within the file is refused
      // above (`seen`).
      const bool card_free = r.card_number.empty() || !known->count(r.card_number);
      auto id = load_member_with_events(
          store::NewMember{code, person, folded, std::move(name.sort_key), std::move(name.keys)},
          events, history, card_free);
      if (!id.ok()) {
        if (id.error().kind == ErrorKind::io) return id.error();
        io::MemberField field = io::MemberField::admission_date;
        const std::string& f = id.error().field;
        if (f == "card_number") field = io::MemberField::card_number;
        if (f == "birth_date") field = io::MemberField::birth_date;
        if (f == "org") field = io::MemberField::org;
        if (r.recognition_date && id.error().rule.rfind("probation", 0) == 0) {
          field = io::MemberField::recognition_date;
        }
        fail(field, id.error().message_vi);
        outcomes[i] = "error";
        continue;
      }
      member_codes[i] = code;
      outcomes[i] = "new";
      ++report.created;
    }

    for (const auto& o : outcomes) report.rejected += o == "error" ? 1 : 0;
    bool blocked = report.rejected > 0 && !in.valid_only;
    // Nothing to write (a re-import): roll back, so that not even an audit entry changes.
    if (blocked || in.dry_run || report.created + report.updated == 0) {
      return Error::invalid("", "", sentinel);
    }
    json detail = {{"file", in.file_name},          {"format", report.format},
                   {"sheet", report.sheet},         {"rows", report.rows},
                   {"created", report.created},     {"updated", report.updated},
                   {"unchanged", report.unchanged}, {"rejected", report.rejected}};
    report.written = report.created + report.updated > 0;
    return audit("member.import", in.file_name, detail.dump(), caller_.scope);
  });
  if (!st.ok() && st.error().detail_en != sentinel) return st.error();
  if (!st.ok()) report.written = false;

  // Row problems in file order, the reader's first.
  report.problems.insert(report.problems.end(), row_problems.begin(), row_problems.end());
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const io::Problem& a, const io::Problem& b) { return a.row < b.row; });
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
  const std::size_t preview = std::min<std::size_t>(sheet->records.size(), kPreviewRows);
  auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
  for (std::size_t i = 0; i < preview; ++i) {
    const auto& r = sheet->records[i];
    report.preview.push_back({r.row,
                              outcomes[i],
                              {member_codes[i], r.family, r.middle, r.given, iso(r.birth_date),
                               gender_shown(r.gender), org_codes[i].empty() ? r.org : org_codes[i],
                               iso(r.admission_date), iso(r.recognition_date), r.card_number}});
  }
  return report;
}

}  // namespace dangvu::service
