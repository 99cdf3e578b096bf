// The dossier columns of a member list import: checked, dated, compared and written.
#include "service/dossier_rows.h"

#include <algorithm>
#include <set>

#include "store/store.h"

namespace dangvu::service {
namespace {

// What a person has from birth: dated from the birth date.
bool held_from_birth(const DossierField& f) {
  return f.code == "place_of_birth" || f.code == "hometown" || f.code == "ethnicity";
}

// check_dossier_value's message without the field's label in front ("Dân tộc: …"): the import
// names the column itself.
std::string without_label(const std::string& message, const DossierField& f) {
  const std::string prefix = std::string(f.label) + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

// The first date on or after `from` on which `held` holds the member (a member transferred in
// from outside the caller's scope: what the office knows is dated from the member's coming).
std::optional<Date> first_held(const MemberHistory& member, const Scope& held, Date from) {
  if (held.holds_member_at(member, from)) return from;
  for (const auto& p : member.periods) {
    if (p.from > from && held.holds_member_at(member, p.from)) return p.from;
  }
  return std::nullopt;
}

}  // namespace

Result<bool> held_by_another(store::DossierStore& dossiers, const std::string& field,
                             const std::string& value, MemberId except) {
  auto holders = dossiers.holders(field, value, except);
  if (!holders.ok()) return holders.error();
  std::set<MemberId> others;
  for (const auto& [other, record] : *holders) others.insert(other);
  for (MemberId other : others) {
    auto their = dossiers.records(other);
    if (!their.ok()) return their.error();
    const Dossier their_log(*their);
    for (const auto& r : their_log.history_until(field, Date::max())) {
      if (r.value == value) return true;
    }
  }
  return false;
}

DossierRows::DossierRows(store::Store& store, const Catalogs& catalogs, Date today,
                         std::string recorded_at, std::string recorded_by, std::string note)
    : dossiers_(store),
      catalogs_(catalogs),
      today_(today),
      recorded_at_(std::move(recorded_at)),
      recorded_by_(std::move(recorded_by)),
      note_(std::move(note)) {}

Result<std::vector<DossierRecord>> DossierRows::plan(const io::MemberRecord& r, Date birth,
                                                     std::optional<MatchedMember> matched,
                                                     const Scope& held, const Fail& fail) {
  std::vector<DossierRecord> out;
  if (r.dossier.empty()) return out;
  // The row's first event: registered as a candidate, else admitted.
  std::optional<Date> first = r.registration_date;
  if (r.admission_date && (!first || *r.admission_date < *first)) first = r.admission_date;
  std::optional<Dossier> log;
  if (matched) {
    auto records = dossiers_.records(matched->id);
    if (!records.ok()) return records.error();
    log.emplace(std::move(*records));
  }
  for (const io::DossierCell& cell : r.dossier) {
    const DossierField& f = *cell.field;
    if (auto valid = check_dossier_value(f, cell.value, catalogs_, birth, today_, cell.column);
        !valid.ok()) {
      fail(cell, without_label(valid.error().message_vi, f));
      continue;
    }
    Date from = first.value_or(today_);
    if (cell.from) {
      from = *cell.from;
    } else if (held_from_birth(f)) {
      from = birth;
    } else if (f.kind == DossierValueKind::date) {
      from = *Date::parse(cell.value);  // checked by check_dossier_value
    }
    if (from < birth) {
      fail(cell, "ngày " + from.vi() + " trước ngày sinh " + birth.vi() + ".");
      continue;
    }
    if (from > today_) {
      fail(cell, "ngày " + from.vi() + " chưa tới.");
      continue;
    }
    if (matched) {
      auto within = first_held(*matched->history, held, from);
      if (!within) {
        fail(cell, "đảng viên không thuộc tổ chức nào trong phạm vi của đồng chí từ ngày " +
                       from.vi() + ".");
        continue;
      }
      from = *within;
    }
    if (log) {
      const std::vector<DossierRecord> had = log->history_until(f.code, Date::max());
      if (f.listed) {
        const bool known = std::any_of(had.begin(), had.end(), [&](const DossierRecord& h) {
          return h.value == cell.value && (!cell.from || h.from == *cell.from);
        });
        if (known) continue;
      } else if (!had.empty()) {
        if (had.back().value == cell.value) continue;
        const std::string was = had.back().value.empty()
                                    ? std::string("(không còn)")
                                    : dossier_value_label(f, had.back().value, catalogs_);
        fail(cell, "tệp ghi «" + dossier_value_label(f, cell.value, catalogs_) +
                       "» nhưng hồ sơ ghi «" + was + "» (từ " + had.back().from.vi() +
                       "). Hồ sơ không sửa bằng nhập tệp; hãy ghi một thay đổi hồ sơ (Cập nhật "
                       "hồ sơ).");
        continue;
      }
    }
    if (f.kind == DossierValueKind::citizen_id) {
      const auto [first_row, fresh] = citizen_ids_.emplace(cell.value, r.row);
      if (!fresh && first_row->second != r.row) {
        fail(cell, "«" + cell.value + "» trùng với số ở dòng " + std::to_string(first_row->second) +
                       " của tệp; số định danh cá nhân là của một người.");
        continue;
      }
      auto other =
          held_by_another(dossiers_, std::string(f.code), cell.value, matched ? matched->id : 0);
      if (!other.ok()) return other.error();
      if (*other) {
        fail(cell, "«" + cell.value + "» đã được ghi cho một người khác.");
        continue;
      }
    }
    DossierRecord record;
    record.field = std::string(f.code);
    record.value = cell.value;
    record.from = from;
    record.note = note_;
    record.recorded_at = recorded_at_;
    record.recorded_by = recorded_by_;
    out.push_back(std::move(record));
  }
  return out;
}

Status DossierRows::write_new(MemberId member, const std::vector<DossierRecord>& records) {
  if (records.empty()) return {};
  DANGVU_TRY(dossiers_.insert_loaded(member, records, Dossier(records).spans()));
  written_ += static_cast<std::int64_t>(records.size());
  return {};
}

Status DossierRows::append(MemberId member, const std::vector<DossierRecord>& records) {
  if (records.empty()) return {};
  for (const auto& r : records) {
    auto id = dossiers_.append(member, r);
    if (!id.ok()) return id.error();
  }
  auto all = dossiers_.records(member);
  if (!all.ok()) return all.error();
  DANGVU_TRY(dossiers_.replace_spans(member, Dossier(*all).spans()));
  written_ += static_cast<std::int64_t>(records.size());
  return {};
}

}  // namespace dangvu::service
