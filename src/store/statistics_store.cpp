#include "store/statistics_store.h"

#include "store/store_impl.h"

namespace dangvu::store {
namespace {

// A date as an SQL literal: ISO digits and dashes only (Date::iso), so nothing to escape.
std::string lit(Date d) { return "'" + d.iso() + "'"; }

// The rows a count is over, with the expressions of their org, status and member.
struct Base {
  std::string from_where;
  std::string org, status, member, on;  // `on`: the admission day, or NULL
};

Base base_of(const StatisticsScope& s, bool with_person) {
  const std::string d = lit(s.at);
  const std::string person = with_person ? " JOIN member m ON m.id = " : "";
  if (s.admitted_from) {
    return {" FROM member_milestone mm" + (with_person ? person + "mm.member_id" : "") +
                " WHERE mm.kind IN ('admission', 'readmission') AND mm.on_date >= " +
                lit(*s.admitted_from) + " AND mm.on_date <= " + d + " AND mm.org_id IS NOT NULL" +
                and_org_in("mm.org_id", s.orgs),
            "mm.org_id", "'probationary'", "mm.member_id", "mm.on_date"};
  }
  return {" FROM member_period p" + (with_person ? person + "p.member_id" : "") +
              " WHERE p.valid_from <= " + d + " AND p.valid_to > " + d +
              " AND p.status IN ('probationary', 'official') AND p.org_id IS NOT NULL" +
              and_org_in("p.org_id", s.orgs),
          "p.org_id", "p.status", "p.member_id", "NULL"};
}

}  // namespace

Result<std::vector<PersonCount>> StatisticsStore::by_person(const StatisticsScope& s,
                                                            const StatisticsRules& rules) {
  return guarded([&]() -> Result<std::vector<PersonCount>> {
    const Base b = base_of(s, true);
    const std::string d = lit(s.at);
    const std::string month_day = "'" + s.at.iso().substr(5) + "'";
    const std::string age = "(" + std::to_string(s.at.year()) +
                            " - CAST(substr(m.birth_date, 1, 4) AS INTEGER) - CASE WHEN "
                            "substr(m.birth_date, 6, 5) > " +
                            month_day + " THEN 1 ELSE 0 END)";
    std::string band = "CASE";
    for (std::size_t i = 0; i < rules.age_band_upper.size(); ++i) {
      band +=
          " WHEN age <= " + std::to_string(rules.age_band_upper[i]) + " THEN " + std::to_string(i);
    }
    band += " ELSE " + std::to_string(rules.age_band_upper.size()) + " END";
    const std::size_t eras = rules.admission_eras.size();
    std::string era = "CASE WHEN fa IS NULL THEN " + std::to_string(eras - 1);
    for (std::size_t i = 1; i < eras; ++i) {
      era += " WHEN fa < " + lit(rules.admission_eras[i].from) + " THEN " + std::to_string(i - 1);
    }
    era += " ELSE " + std::to_string(eras - 1) + " END";
    const std::string inner =
        "SELECT " + b.org + " AS org_id, " + b.on + " AS on_date, " + b.status +
        " AS status, m.gender AS gender, " + age +
        " AS age, (SELECT MIN(a.on_date) FROM member_milestone a WHERE a.member_id = " + b.member +
        " AND a.kind = 'admission') AS fa, CASE WHEN EXISTS (SELECT 1 FROM dossier_span y WHERE "
        "y.member_id = " +
        b.member + " AND y.field = 'youth_union_joined' AND y.valid_from <= " + d +
        " AND y.valid_to > " + d + " AND y.value <= " + d + ") THEN 1 ELSE 0 END AS yu" +
        b.from_where;
    const std::string sql =
        "SELECT org_id, on_date, status, gender, " + band + ", " + era +
        ", CASE WHEN yu = 1 AND age <= " + std::to_string(rules.youth_union_max_age) +
        " THEN 1 ELSE 0 END, COUNT(*), SUM(age) FROM (" + inner +
        ") x GROUP BY org_id, on_date, status, gender, 5, 6, 7";
    long long org = 0, n = 0, age_sum = 0;
    int band_index = 0, era_index = 0, youth = 0;
    std::string on, status, gender;
    soci::indicator on_ind = soci::i_null;
    soci::statement st =
        (store_.impl_->sql.prepare << sql, soci::into(org), soci::into(on, on_ind),
         soci::into(status), soci::into(gender), soci::into(band_index), soci::into(era_index),
         soci::into(youth), soci::into(n), soci::into(age_sum));
    st.execute();
    std::vector<PersonCount> out;
    while (st.fetch()) {
      PersonCount c{org,
                    parse_member_status(status).value_or(MemberStatus::none),
                    parse_gender(gender).value_or(Gender::unknown),
                    band_index,
                    era_index,
                    youth == 1,
                    n,
                    age_sum,
                    std::nullopt};
      if (on_ind == soci::i_ok) {
        auto day = Date::parse(on);
        if (!day.ok()) return day.error();
        c.on = *day;
      }
      out.push_back(c);
    }
    return out;
  });
}

Result<std::vector<ValueCount>> StatisticsStore::by_value(const StatisticsScope& s,
                                                          const std::vector<std::string>& fields) {
  return guarded([&]() -> Result<std::vector<ValueCount>> {
    std::vector<ValueCount> out;
    if (fields.empty()) return out;
    const Base b = base_of(s, false);
    const std::string d = lit(s.at);
    std::string names;
    for (const auto& f : fields) names += (names.empty() ? "'" : ", '") + f + "'";
    // The rows' own WHERE follows the base's FROM; the span joins on the member and the date.
    const std::size_t where = b.from_where.find(" WHERE ");
    const std::string sql =
        "SELECT " + b.org + ", " + b.on + ", s.field, s.value, COUNT(*)" +
        b.from_where.substr(0, where) + " JOIN dossier_span s ON s.member_id = " + b.member +
        " AND s.valid_from <= " + d + " AND s.valid_to > " + d + " AND s.field IN (" + names + ")" +
        b.from_where.substr(where) + " GROUP BY " + b.org + (s.admitted_from ? ", " + b.on : "") +
        ", s.field, s.value";
    long long org = 0, n = 0;
    std::string on, field, value;
    soci::indicator on_ind = soci::i_null;
    soci::statement st = (store_.impl_->sql.prepare << sql, soci::into(org), soci::into(on, on_ind),
                          soci::into(field), soci::into(value), soci::into(n));
    st.execute();
    while (st.fetch()) {
      ValueCount c{org, field, value, n, std::nullopt};
      if (on_ind == soci::i_ok) {
        auto day = Date::parse(on);
        if (!day.ok()) return day.error();
        c.on = *day;
      }
      out.push_back(std::move(c));
    }
    return out;
  });
}

Result<std::vector<TransitionCount>> StatisticsStore::transitions(Date from, Date to) {
  return guarded([&]() -> Result<std::vector<TransitionCount>> {
    std::vector<TransitionCount> out;
    const std::string f = from.iso(), t = to.iso();
    long long from_org = 0, to_org = 0, n = 0;
    std::string from_status, to_status, on;
    soci::indicator from_org_ind = soci::i_null, from_status_ind = soci::i_null,
                    to_org_ind = soci::i_null;
    soci::statement st =
        (store_.impl_->sql.prepare
             << "SELECT p.org_id, p.status, n.org_id, n.status, n.valid_from, COUNT(*) FROM "
                "member_period n LEFT JOIN member_period p ON p.member_id = n.member_id AND "
                "p.valid_to = n.valid_from WHERE n.valid_from >= :f AND n.valid_from <= :t "
                "GROUP BY p.org_id, p.status, n.org_id, n.status, n.valid_from",
         soci::into(from_org, from_org_ind), soci::into(from_status, from_status_ind),
         soci::into(to_org, to_org_ind), soci::into(to_status), soci::into(on), soci::into(n),
         soci::use(f), soci::use(t));
    st.execute();
    while (st.fetch()) {
      TransitionCount c;
      if (from_org_ind == soci::i_ok) c.from_org = from_org;
      if (from_status_ind == soci::i_ok) {
        c.from_status = parse_member_status(from_status).value_or(MemberStatus::none);
      }
      if (to_org_ind == soci::i_ok) c.to_org = to_org;
      c.to_status = parse_member_status(to_status).value_or(MemberStatus::none);
      auto date = Date::parse(on);
      if (!date.ok()) return date.error();
      c.on = *date;
      c.count = n;
      out.push_back(c);
    }
    return out;
  });
}

}  // namespace dangvu::store
