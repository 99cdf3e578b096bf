#include "store/statistics_store.h"

#include <algorithm>

#include "store/store_impl.h"

namespace dangvu::store {
Status StatisticsStore::each_profile(const OrgFilter& orgs, Date admitted_from, Date admitted_to,
                                     const std::function<void(const ProfileView&)>& each,
                                     long long per_read) {
  auto& sql = store_.impl_->sql;
  long long member = 0, after = 0, rows = 0;
  std::string text;
  ProfileView view;
  // Reads one statement's rows; false when a profile does not parse.
  auto read = [&](soci::statement& st) {
    st.execute();
    while (st.fetch()) {
      ++rows;
      after = member;
      if (!parse_profile(text, view)) return false;
      each(view);
    }
    return true;
  };
  auto unreadable = [&] {
    return Error::io("Dữ liệu thống kê của một đảng viên (số nội bộ " + std::to_string(member) +
                         ") không đọc được; hãy báo người quản trị.",
                     "member_profile " + std::to_string(member) + " does not parse");
  };
  return store_.read_snapshot([&]() -> Status {
    return guarded([&]() -> Status {
      if (orgs) {
        // Dates as literals: ISO digits and dashes only (Date::iso), nothing to escape.
        soci::statement st =
            (sql.prepare << "SELECT member_id, profile FROM member_profile WHERE member_id IN "
                            "(SELECT member_id FROM member_period WHERE 1 = 1" +
                                and_org_in("org_id", orgs) +
                                ") OR member_id IN (SELECT member_id FROM member_milestone WHERE "
                                "kind IN ('admission', 'readmission') AND on_date >= '" +
                                admitted_from.iso() + "' AND on_date <= '" + admitted_to.iso() +
                                "')",
             soci::into(member), soci::into(text));
        if (!read(st)) return unreadable();
        return {};
      }
      if (store_.impl_->engine == Engine::postgresql) {
        // In the table's physical order, a range of pages at a time (a TID range scan): one
        // sequential read, where slices in id order jump about the table once upserts have moved
        // its rows (5.6 million profiles: 11 s instead of 33–41 s, bench/RESULTS.md). The
        // snapshot is taken by the first statement, so every row it sees lies below that size.
        long long pages = 0, first_page = 0, end_page = 0;
        sql << "SELECT pg_relation_size('member_profile') / current_setting('block_size')::bigint",
            soci::into(pages);
        const long long per_slice = std::max(1LL, per_read / 8);  // about 8 profiles to a page
        soci::statement slice =
            (sql.prepare << "SELECT member_id, profile FROM member_profile WHERE ctid >= ('(' || "
                            ":a || ',0)')::tid AND ctid < ('(' || :b || ',0)')::tid",
             soci::into(member), soci::into(text), soci::use(first_page), soci::use(end_page));
        for (; first_page <= pages; first_page += per_slice) {
          end_page = first_page + per_slice;
          if (!read(slice)) return unreadable();
        }
        return {};
      }
      // Every member's, in id order (SQLite's rowid: the file's order), a slice at a time.
      soci::statement st =
          (sql.prepare << "SELECT member_id, profile FROM member_profile WHERE member_id > :a "
                          "ORDER BY member_id LIMIT :n",
           soci::into(member), soci::into(text), soci::use(after), soci::use(per_read));
      do {
        rows = 0;
        if (!read(st)) return unreadable();
      } while (rows == per_read);
      return {};
    });
  });
}

Result<std::vector<MemberId>> StatisticsStore::profiles_out_of_date() {
  return guarded([&]() -> Result<std::vector<MemberId>> {
    return member_profiles_out_of_date(*store_.impl_);
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
