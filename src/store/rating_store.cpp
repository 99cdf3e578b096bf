// Members' quality rating records (rating_record, schema v22): appended rows, a cancellation a
// row of its own naming the row it undoes.
#include "store/rating_store.h"

#include <algorithm>

#include "store/store_impl.h"

namespace dangvu::store {
namespace {

constexpr std::size_t kIdsPerList = 1000;

struct RecordRow {
  long long member = 0, id = 0, decided_by = 0, refers = 0;
  int year = 0, score = 0, tasks = 0;
  std::string step, category, decision_no, decided_on, note, at, by;
  soci::indicator score_ind = soci::i_null, decided_on_ind = soci::i_null,
                  decided_by_ind = soci::i_null, refers_ind = soci::i_null;

  void into(soci::statement& st) {
    st.exchange(soci::into(member));
    st.exchange(soci::into(id));
    st.exchange(soci::into(year));
    st.exchange(soci::into(step));
    st.exchange(soci::into(score, score_ind));
    st.exchange(soci::into(category));
    st.exchange(soci::into(tasks));
    st.exchange(soci::into(decision_no));
    st.exchange(soci::into(decided_on, decided_on_ind));
    st.exchange(soci::into(decided_by, decided_by_ind));
    st.exchange(soci::into(refers, refers_ind));
    st.exchange(soci::into(note));
    st.exchange(soci::into(at));
    st.exchange(soci::into(by));
  }
  Result<RatingRecord> record() const {
    RatingRecord r;
    r.id = id;
    r.year = year;
    auto s = parse_rating_step(step);
    auto c = parse_rating_category(category);
    if (!s || !c) {
      return Error::io(
          "Dữ liệu xếp loại chất lượng không đọc được.",
          "rating_record " + std::to_string(id) + " step " + step + " category " + category);
    }
    r.step = *s;
    r.category = *c;
    if (score_ind == soci::i_ok) r.score = score;
    r.tasks_on_time = tasks != 0;
    r.decision_no = decision_no;
    if (decided_on_ind == soci::i_ok) {
      auto d = Date::parse(decided_on, "decided_on");
      if (!d.ok()) return d.error();
      r.decided_on = *d;
    }
    if (decided_by_ind == soci::i_ok) r.decided_by = decided_by;
    if (refers_ind == soci::i_ok) r.refers = refers;
    r.note = note;
    r.recorded_at = at;
    r.recorded_by = by;
    return r;
  }
};

}  // namespace

Result<std::vector<std::pair<MemberId, RatingRecord>>> RatingStore::read(const std::string& where) {
  std::vector<std::pair<MemberId, RatingRecord>> out;
  RecordRow row;
  soci::statement st(store_.impl_->sql);
  row.into(st);
  st.alloc();
  st.prepare(
      "SELECT member_id, id, year, step, score, category, tasks_on_time, decision_no, "
      "decided_on, decided_by, refers, note, recorded_at, recorded_by FROM rating_record " +
      where + " ORDER BY member_id, id");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    auto one = row.record();
    if (!one.ok()) return one.error();
    out.emplace_back(row.member, std::move(*one));
  }
  return out;
}

Result<std::vector<RatingRecord>> RatingStore::records(MemberId member) {
  return guarded([&]() -> Result<std::vector<RatingRecord>> {
    auto rows = read("WHERE member_id = " + std::to_string(member));
    if (!rows.ok()) return rows.error();
    std::vector<RatingRecord> out;
    for (auto& [m, r] : *rows) out.push_back(std::move(r));
    return out;
  });
}

Result<std::vector<std::pair<MemberId, RatingRecord>>> RatingStore::records_of(
    const std::vector<MemberId>& members, int year) {
  return guarded([&]() -> Result<std::vector<std::pair<MemberId, RatingRecord>>> {
    std::vector<std::pair<MemberId, RatingRecord>> out;
    for (std::size_t at = 0; at < members.size(); at += kIdsPerList) {
      const std::vector<MemberId> batch(members.begin() + static_cast<std::ptrdiff_t>(at),
                                        members.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                              members.size(), at + kIdsPerList)));
      auto rows =
          read("WHERE year = " + std::to_string(year) + " AND member_id IN " + id_list(batch));
      if (!rows.ok()) return rows.error();
      for (auto& r : *rows) out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::vector<RatingStore::DecidedCount>> RatingStore::decided_by_org(int year, Date on,
                                                                           const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<DecidedCount>> {
    std::vector<DecidedCount> out;
    long long org = 0, n = 0;
    std::string category, day = on.iso();
    soci::statement st =
        (store_.impl_->sql.prepare
             << "SELECT p.org_id, r.category, COUNT(*) FROM rating_record r JOIN member_period p "
                "ON p.member_id = r.member_id AND p.valid_from <= :a AND p.valid_to > :b WHERE "
                "r.year = " +
                    std::to_string(year) + " AND r.step = 'decision' AND p.org_id IS NOT NULL" +
                    and_org_in("p.org_id", orgs) +
                    " AND NOT EXISTS (SELECT 1 FROM rating_record c WHERE c.member_id = "
                    "r.member_id AND c.step = 'cancellation' AND c.refers = r.id) GROUP BY "
                    "p.org_id, r.category",
         soci::into(org), soci::into(category), soci::into(n), soci::use(day), soci::use(day));
    st.execute();
    while (st.fetch()) {
      auto c = parse_rating_category(category);
      if (!c) {
        return Error::io("Dữ liệu xếp loại chất lượng không đọc được.",
                         "rating_record category " + category);
      }
      out.push_back({org, *c, n});
    }
    return out;
  });
}

Result<RatingRecordId> RatingStore::append(MemberId member, const RatingRecord& r) {
  return guarded([&]() -> Result<RatingRecordId> {
    long long m = member, decided_by = r.decided_by.value_or(0), refers = r.refers.value_or(0);
    int year = r.year, score = r.score.value_or(0), tasks = r.tasks_on_time ? 1 : 0;
    soci::indicator score_ind = r.score ? soci::i_ok : soci::i_null;
    soci::indicator decided_on_ind = r.decided_on ? soci::i_ok : soci::i_null;
    soci::indicator decided_by_ind = r.decided_by ? soci::i_ok : soci::i_null;
    soci::indicator refers_ind = r.refers ? soci::i_ok : soci::i_null;
    const std::string step(to_string(r.step)), category(to_string(r.category)),
        decided_on = r.decided_on ? r.decided_on->iso() : "";
    auto& sql = store_.impl_->sql;
    sql << "INSERT INTO rating_record (member_id, year, step, score, category, tasks_on_time, "
           "decision_no, decided_on, decided_by, refers, note, recorded_at, recorded_by) VALUES "
           "(:m, :y, :s, :sc, :c, :t, :dn, :do, :db, :r, :n, :a, :by)",
        soci::use(m), soci::use(year), soci::use(step), soci::use(score, score_ind),
        soci::use(category), soci::use(tasks), soci::use(r.decision_no),
        soci::use(decided_on, decided_on_ind), soci::use(decided_by, decided_by_ind),
        soci::use(refers, refers_ind), soci::use(r.note), soci::use(r.recorded_at),
        soci::use(r.recorded_by);
    return static_cast<RatingRecordId>(last_insert_id(sql));
  });
}

}  // namespace dangvu::store
