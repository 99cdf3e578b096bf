// Members' Party badge records (badge_record, schema v21): appended rows, a cancellation a row of
// its own naming the row it undoes.
#include "store/badge_store.h"

#include <algorithm>

#include "store/rows_insert.h"
#include "store/store_impl.h"

namespace dangvu::store {
namespace {

constexpr const char* kColumns =
    "SELECT member_id, id, kind, years, ground, occasion, decision_no, decided_by, dated, refers, "
    "note, recorded_at, recorded_by FROM badge_record ";
constexpr std::size_t kIdsPerList = 1000;

struct RecordRow {
  long long member = 0, id = 0, refers = 0;
  int years = 0;
  std::string kind, ground, occasion, decision_no, decided_by, dated, note, at, by;
  soci::indicator refers_ind = soci::i_null;

  void into(soci::statement& st) {
    st.exchange(soci::into(member));
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(years));
    st.exchange(soci::into(ground));
    st.exchange(soci::into(occasion));
    st.exchange(soci::into(decision_no));
    st.exchange(soci::into(decided_by));
    st.exchange(soci::into(dated));
    st.exchange(soci::into(refers, refers_ind));
    st.exchange(soci::into(note));
    st.exchange(soci::into(at));
    st.exchange(soci::into(by));
  }
  Result<BadgeRecord> record() const {
    BadgeRecord r;
    r.id = id;
    auto k = parse_badge_record_kind(kind);
    auto g = parse_badge_ground(ground);
    if (!k || !g) {
      return Error::io(
          "Dữ liệu Huy hiệu Đảng không đọc được.",
          "badge_record " + std::to_string(id) + " kind " + kind + " ground " + ground);
    }
    r.kind = *k;
    r.ground = *g;
    r.years = years;
    auto o = Date::parse(occasion, "occasion");
    if (!o.ok()) return o.error();
    r.occasion = *o;
    auto d = Date::parse(dated, "dated");
    if (!d.ok()) return d.error();
    r.dated = *d;
    r.decision_no = decision_no;
    r.decided_by = decided_by;
    if (refers_ind == soci::i_ok) r.refers = refers;
    r.note = note;
    r.recorded_at = at;
    r.recorded_by = by;
    return r;
  }
};

Status read_into(soci::session& sql, const std::string& query,
                 std::vector<std::pair<MemberId, BadgeRecord>>& out) {
  RecordRow row;
  soci::statement st(sql);
  row.into(st);
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    auto one = row.record();
    if (!one.ok()) return one.error();
    out.emplace_back(row.member, std::move(*one));
  }
  return {};
}

struct AwardInsertRow {
  long long member = 0;
  int years = 0;
  std::string ground, occasion, decision_no, decided_by, dated, at, by;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", 'award', :y" + n + ", :g" + n + ", :o" + n + ", :dn" + n + ", :db" + n +
           ", :d" + n + ", NULL, '', :a" + n + ", :by" + n + ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(years));
    st.exchange(soci::use(ground));
    st.exchange(soci::use(occasion));
    st.exchange(soci::use(decision_no));
    st.exchange(soci::use(decided_by));
    st.exchange(soci::use(dated));
    st.exchange(soci::use(at));
    st.exchange(soci::use(by));
  }
};

}  // namespace

Result<std::vector<BadgeRecord>> BadgeStore::records(MemberId member) {
  auto rows = records_of({member});
  if (!rows.ok()) return rows.error();
  std::vector<BadgeRecord> out;
  for (auto& [m, r] : *rows) out.push_back(std::move(r));
  return out;
}

Result<std::vector<std::pair<MemberId, BadgeRecord>>> BadgeStore::records_of(
    const std::vector<MemberId>& members) {
  return guarded([&]() -> Result<std::vector<std::pair<MemberId, BadgeRecord>>> {
    std::vector<std::pair<MemberId, BadgeRecord>> out;
    for (std::size_t at = 0; at < members.size(); at += kIdsPerList) {
      const std::vector<MemberId> batch(members.begin() + static_cast<std::ptrdiff_t>(at),
                                        members.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                              members.size(), at + kIdsPerList)));
      DANGVU_TRY(read_into(store_.impl_->sql,
                           std::string(kColumns) + "WHERE member_id IN " + id_list(batch) +
                               " ORDER BY member_id, id",
                           out));
    }
    return out;
  });
}

Result<std::vector<std::pair<MemberId, BadgeRecord>>> BadgeStore::records_of_period(Date first,
                                                                                    Date last) {
  return guarded([&]() -> Result<std::vector<std::pair<MemberId, BadgeRecord>>> {
    std::vector<std::pair<MemberId, BadgeRecord>> out;
    // The dates are ours (ISO), never user text.
    const std::string a = "'" + first.iso() + "'", b = "'" + last.iso() + "'";
    DANGVU_TRY(read_into(store_.impl_->sql,
                         std::string(kColumns) +
                             "WHERE member_id IN (SELECT member_id FROM badge_record WHERE (kind "
                             "= 'award' AND occasion >= " +
                             a + " AND occasion <= " + b + ") OR (kind = 'reissue' AND dated >= " +
                             a + " AND dated <= " + b + ")) ORDER BY member_id, id",
                         out));
    return out;
  });
}

Result<BadgeRecordId> BadgeStore::append(MemberId member, const BadgeRecord& r) {
  return guarded([&]() -> Result<BadgeRecordId> {
    long long m = member, refers = r.refers.value_or(0);
    int years = r.years;
    soci::indicator refers_ind = r.refers ? soci::i_ok : soci::i_null;
    const std::string kind(to_string(r.kind)), ground(to_string(r.ground)),
        occasion = r.occasion.iso(), dated = r.dated.iso();
    auto& sql = store_.impl_->sql;
    sql << "INSERT INTO badge_record (member_id, kind, years, ground, occasion, decision_no, "
           "decided_by, dated, refers, note, recorded_at, recorded_by) VALUES (:m, :k, :y, :g, "
           ":o, :dn, :db, :d, :r, :n, :a, :by)",
        soci::use(m), soci::use(kind), soci::use(years), soci::use(ground), soci::use(occasion),
        soci::use(r.decision_no), soci::use(r.decided_by), soci::use(dated),
        soci::use(refers, refers_ind), soci::use(r.note), soci::use(r.recorded_at),
        soci::use(r.recorded_by);
    return static_cast<BadgeRecordId>(last_insert_id(sql));
  });
}

Status BadgeStore::insert_loaded(const std::vector<std::pair<MemberId, BadgeRecord>>& awards,
                                 Date presented_by) {
  return guarded([&]() -> Status {
    auto& sql = store_.impl_->sql;
    RowsInsert<AwardInsertRow> insert(
        sql,
        "INSERT INTO badge_record (member_id, kind, years, ground, occasion, decision_no, "
        "decided_by, dated, refers, note, recorded_at, recorded_by) VALUES ");
    insert.insert_all(awards, [](AwardInsertRow& row, const std::pair<MemberId, BadgeRecord>& a) {
      row.member = a.first;
      row.years = a.second.years;
      row.ground = std::string(to_string(a.second.ground));
      row.occasion = a.second.occasion.iso();
      row.decision_no = a.second.decision_no;
      row.decided_by = a.second.decided_by;
      row.dated = a.second.dated.iso();
      row.at = a.second.recorded_at;
      row.by = a.second.recorded_by;
    });
    const std::string by = presented_by.iso();
    sql << "INSERT INTO badge_record (member_id, kind, years, ground, occasion, decision_no, "
           "decided_by, dated, refers, note, recorded_at, recorded_by) SELECT a.member_id, "
           "'presentation', a.years, a.ground, a.occasion, '', '', a.occasion, a.id, '', "
           "a.recorded_at, a.recorded_by FROM badge_record a WHERE a.kind = 'award' AND "
           "a.occasion <= :p AND NOT EXISTS (SELECT 1 FROM badge_record p WHERE p.refers = a.id)",
        soci::use(by);
    return {};
  });
}

}  // namespace dangvu::store
