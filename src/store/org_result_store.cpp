// Organizations' results of a year (org_result_record, schema v23): appended rows, a
// cancellation a row of its own naming the row it undoes.
#include "store/org_result_store.h"

#include "store/store_impl.h"

namespace dangvu::store {
namespace {

struct RecordRow {
  long long id = 0, org = 0, decided_by = 0, refers = 0;
  int year = 0, score = 0, late = 0, exceeding = 0, disciplined = 0, recognized = 0;
  std::string subject, step, category, decision_no, decided_on, note, at, by;
  soci::indicator category_ind = soci::i_null, score_ind = soci::i_null,
                  decided_on_ind = soci::i_null, decided_by_ind = soci::i_null,
                  refers_ind = soci::i_null;

  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(org));
    st.exchange(soci::into(year));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(step));
    st.exchange(soci::into(category, category_ind));
    st.exchange(soci::into(score, score_ind));
    st.exchange(soci::into(late));
    st.exchange(soci::into(exceeding));
    st.exchange(soci::into(disciplined));
    st.exchange(soci::into(recognized));
    st.exchange(soci::into(decision_no));
    st.exchange(soci::into(decided_on, decided_on_ind));
    st.exchange(soci::into(decided_by, decided_by_ind));
    st.exchange(soci::into(refers, refers_ind));
    st.exchange(soci::into(note));
    st.exchange(soci::into(at));
    st.exchange(soci::into(by));
  }
  Result<OrgResultRecord> record() const {
    OrgResultRecord r;
    r.id = id;
    r.org = org;
    r.year = year;
    r.subject = subject;
    auto s = parse_org_result_step(step);
    if (!s) {
      return Error::io("Dữ liệu xếp loại tổ chức đảng không đọc được.",
                       "org_result_record " + std::to_string(id) + " step " + step);
    }
    r.step = *s;
    if (category_ind == soci::i_ok) {
      auto c = parse_rating_category(category);
      if (!c) {
        return Error::io("Dữ liệu xếp loại tổ chức đảng không đọc được.",
                         "org_result_record " + std::to_string(id) + " category " + category);
      }
      r.category = *c;
    }
    if (score_ind == soci::i_ok) r.score = score;
    r.tasks_late_percent = late;
    r.tasks_exceeding_percent = exceeding;
    r.disciplined = disciplined != 0;
    r.recognized = recognized != 0;
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

Result<std::vector<OrgResultRecord>> OrgResultStore::read(const std::string& where) {
  std::vector<OrgResultRecord> out;
  RecordRow row;
  soci::statement st(store_.impl_->sql);
  row.into(st);
  st.alloc();
  st.prepare(
      "SELECT id, org_id, year, subject, step, category, score, tasks_late_percent, "
      "tasks_exceeding_percent, disciplined, recognized, decision_no, decided_on, decided_by, "
      "refers, note, recorded_at, recorded_by FROM org_result_record " +
      where + " ORDER BY id");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    auto one = row.record();
    if (!one.ok()) return one.error();
    out.push_back(std::move(*one));
  }
  return out;
}

Result<std::vector<OrgResultRecord>> OrgResultStore::records_of_year(int year,
                                                                     const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<OrgResultRecord>> {
    return read("WHERE year = " + std::to_string(year) + and_org_in("org_id", orgs));
  });
}

Result<std::vector<OrgResultRecord>> OrgResultStore::records(OrgId org) {
  return guarded([&]() -> Result<std::vector<OrgResultRecord>> {
    return read("WHERE org_id = " + std::to_string(org));
  });
}

Result<OrgResultId> OrgResultStore::append(const OrgResultRecord& r) {
  return guarded([&]() -> Result<OrgResultId> {
    long long org = r.org, decided_by = r.decided_by.value_or(0), refers = r.refers.value_or(0);
    int year = r.year, score = r.score.value_or(0), late = r.tasks_late_percent,
        exceeding = r.tasks_exceeding_percent, disciplined = r.disciplined ? 1 : 0,
        recognized = r.recognized ? 1 : 0;
    soci::indicator category_ind = r.category ? soci::i_ok : soci::i_null;
    soci::indicator score_ind = r.score ? soci::i_ok : soci::i_null;
    soci::indicator decided_on_ind = r.decided_on ? soci::i_ok : soci::i_null;
    soci::indicator decided_by_ind = r.decided_by ? soci::i_ok : soci::i_null;
    soci::indicator refers_ind = r.refers ? soci::i_ok : soci::i_null;
    const std::string step(to_string(r.step)),
        category = r.category ? std::string(to_string(*r.category)) : "",
        decided_on = r.decided_on ? r.decided_on->iso() : "";
    auto& sql = store_.impl_->sql;
    sql << "INSERT INTO org_result_record (org_id, year, subject, step, category, score, "
           "tasks_late_percent, tasks_exceeding_percent, disciplined, recognized, decision_no, "
           "decided_on, decided_by, refers, note, recorded_at, recorded_by) VALUES (:o, :y, :su, "
           ":st, :c, :sc, :l, :e, :d, :rc, :dn, :do, :db, :r, :n, :a, :by)",
        soci::use(org), soci::use(year), soci::use(r.subject), soci::use(step),
        soci::use(category, category_ind), soci::use(score, score_ind), soci::use(late),
        soci::use(exceeding), soci::use(disciplined), soci::use(recognized),
        soci::use(r.decision_no), soci::use(decided_on, decided_on_ind),
        soci::use(decided_by, decided_by_ind), soci::use(refers, refers_ind), soci::use(r.note),
        soci::use(r.recorded_at), soci::use(r.recorded_by);
    return static_cast<OrgResultId>(last_insert_id(sql));
  });
}

}  // namespace dangvu::store
