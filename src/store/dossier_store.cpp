#include "store/dossier_store.h"

#include <algorithm>

#include "store/rows_insert.h"
#include "store/store_impl.h"

namespace dangvu::store {
namespace {

struct RecordRow {
  long long member = 0;
  std::string field, value, from, note, at, by;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", :f" + n + ", :v" + n + ", :d" + n + ", :n" + n + ", :a" + n + ", :b" + n +
           ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(field));
    st.exchange(soci::use(value));
    st.exchange(soci::use(from));
    st.exchange(soci::use(note));
    st.exchange(soci::use(at));
    st.exchange(soci::use(by));
  }
};

struct SpanRow {
  long long member = 0;
  std::string field, value, from, to;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", :f" + n + ", :v" + n + ", :a" + n + ", :b" + n + ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(field));
    st.exchange(soci::use(value));
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
  }
};

}  // namespace

struct DossierStore::Bulk {
  explicit Bulk(soci::session& sql)
      : records(sql,
                "INSERT INTO dossier_record (member_id, field, value, valid_from, note, "
                "recorded_at, recorded_by) VALUES "),
        spans(sql,
              "INSERT INTO dossier_span (member_id, field, value, valid_from, valid_to) "
              "VALUES ") {}
  RowsInsert<RecordRow> records;
  RowsInsert<SpanRow> spans;
};

DossierStore::DossierStore(Store& store) : store_(store) {}
DossierStore::~DossierStore() = default;

Status DossierStore::insert_loaded(MemberId member, const std::vector<DossierRecord>& records,
                                   const std::vector<Dossier::Span>& spans) {
  return guarded([&]() -> Status {
    if (!bulk_) bulk_ = std::make_unique<Bulk>(store_.impl_->sql);
    const long long m = member;
    bulk_->records.insert_all(records, [&](RecordRow& row, const DossierRecord& r) {
      row = {m, r.field, r.value, r.from.iso(), r.note, r.recorded_at, r.recorded_by};
    });
    bulk_->spans.insert_all(spans, [&](SpanRow& row, const Dossier::Span& s) {
      row = {m, s.field, s.value, s.from.iso(), s.to.iso()};
    });
    profile_stale(*store_.impl_, m);
    return {};
  });
}

Result<std::vector<DossierRecord>> DossierStore::records(MemberId member) {
  auto rows = records_of({member}, {});
  if (!rows.ok()) return rows.error();
  std::vector<DossierRecord> out;
  for (auto& [m, r] : *rows) out.push_back(std::move(r));
  return out;
}

Result<std::vector<std::pair<MemberId, DossierRecord>>> DossierStore::records_of(
    const std::vector<MemberId>& members, const std::vector<std::string>& fields) {
  return guarded([&]() -> Result<std::vector<std::pair<MemberId, DossierRecord>>> {
    std::vector<std::pair<MemberId, DossierRecord>> out;
    // The fields are our own codes (core/dossier.h), never user text; none: every field.
    std::string field_list;
    for (const auto& f : fields) field_list += (field_list.empty() ? "'" : ", '") + f + "'";
    const std::string of_fields = fields.empty() ? "" : "field IN (" + field_list + ") AND ";
    constexpr std::size_t kIdsPerList = 1000;
    for (std::size_t at = 0; at < members.size(); at += kIdsPerList) {
      const std::vector<MemberId> batch(members.begin() + static_cast<std::ptrdiff_t>(at),
                                        members.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                              members.size(), at + kIdsPerList)));
      long long m = 0, id = 0, replaces = 0;
      std::string field, value, from, note, rec_at, rec_by;
      soci::indicator replaces_ind = soci::i_null;
      soci::statement st =
          (store_.impl_->sql.prepare
               << "SELECT member_id, id, field, value, valid_from, note, replaces, recorded_at, "
                  "recorded_by FROM dossier_record WHERE " +
                      of_fields + "member_id IN " + id_list(batch) + " ORDER BY member_id, id",
           soci::into(m), soci::into(id), soci::into(field), soci::into(value), soci::into(from),
           soci::into(note), soci::into(replaces, replaces_ind), soci::into(rec_at),
           soci::into(rec_by));
      st.execute();
      while (st.fetch()) {
        auto date = Date::parse(from, "valid_from");
        if (!date.ok()) return date.error();
        DossierRecord r;
        r.id = id;
        r.field = field;
        r.value = value;
        r.from = *date;
        r.note = note;
        if (replaces_ind == soci::i_ok) r.replaces = replaces;
        r.recorded_at = rec_at;
        r.recorded_by = rec_by;
        out.emplace_back(m, std::move(r));
      }
    }
    return out;
  });
}

Result<DossierRecordId> DossierStore::append(MemberId member, const DossierRecord& r) {
  return guarded([&]() -> Result<DossierRecordId> {
    long long m = member;
    const std::string from = r.from.iso();
    long long replaces = r.replaces.value_or(0);
    soci::indicator replaces_ind = r.replaces ? soci::i_ok : soci::i_null;
    auto& sql = store_.impl_->sql;
    sql << "INSERT INTO dossier_record (member_id, field, value, valid_from, note, replaces, "
           "recorded_at, recorded_by) VALUES (:m, :f, :v, :d, :n, :r, :a, :b)",
        soci::use(m), soci::use(r.field), soci::use(r.value), soci::use(from), soci::use(r.note),
        soci::use(replaces, replaces_ind), soci::use(r.recorded_at), soci::use(r.recorded_by);
    return static_cast<DossierRecordId>(last_insert_id(sql));
  });
}

Status DossierStore::replace_spans(MemberId member, const std::vector<Dossier::Span>& spans) {
  return guarded([&]() -> Status {
    long long m = member;
    auto& sql = store_.impl_->sql;
    sql << "DELETE FROM dossier_span WHERE member_id = :m", soci::use(m);
    for (const auto& s : spans) {
      const std::string from = s.from.iso(), to = s.to.iso();
      sql << "INSERT INTO dossier_span (member_id, field, value, valid_from, valid_to) VALUES "
             "(:m, :f, :v, :a, :b)",
          soci::use(m), soci::use(s.field), soci::use(s.value), soci::use(from), soci::use(to);
    }
    profile_stale(*store_.impl_, m);
    return {};
  });
}

Result<std::vector<std::pair<MemberId, DossierRecordId>>> DossierStore::holders(
    const std::string& field, const std::string& value, MemberId except) {
  return guarded([&]() -> Result<std::vector<std::pair<MemberId, DossierRecordId>>> {
    long long m = 0, id = 0, not_m = except;
    soci::statement st =
        (store_.impl_->sql.prepare
             << "SELECT member_id, id FROM dossier_record WHERE field = :f AND "
                "value = :v AND member_id <> :m ORDER BY id",
         soci::use(field), soci::use(value), soci::use(not_m), soci::into(m), soci::into(id));
    st.execute();
    std::vector<std::pair<MemberId, DossierRecordId>> out;
    while (st.fetch()) out.emplace_back(m, id);
    return out;
  });
}

}  // namespace dangvu::store
