// The plain-SQL way of counting a subtree as of a date (store.h: plain_sql_stats): the tree is
// walked by a recursive CTE over the org versions valid on the date, in the same statement as the
// count, each time it is asked.
#include "store/store_impl.h"

namespace dangvu::store {

namespace {

// The subtree of :root as of :at, as a CTE the queries below start with (four uses of the date).
constexpr const char* kSubtree =
    "WITH RECURSIVE sub(org_id, kind) AS ("
    " SELECT org_id, kind FROM org_version"
    "  WHERE org_id = :root AND valid_from <= :a1 AND valid_to > :a2"
    " UNION ALL"
    " SELECT v.org_id, v.kind FROM org_version v JOIN sub ON v.parent_id = sub.org_id"
    "  WHERE v.valid_from <= :a3 AND v.valid_to > :a4) ";

}  // namespace

Result<Store::PlainSqlStats> Store::plain_sql_stats(OrgId root, Date at) {
  return guarded([&]() -> Result<PlainSqlStats> {
    PlainSqlStats out;
    long long root_id = root, n = 0;
    std::string d = at.iso(), text;
    {
      soci::statement st =
          (impl_->sql.prepare << std::string(kSubtree) +
                                     "SELECT kind, COUNT(*) FROM sub GROUP BY kind",
           soci::into(text), soci::into(n), soci::use(root_id), soci::use(d), soci::use(d),
           soci::use(d), soci::use(d));
      st.execute();
      while (st.fetch()) {
        if (auto kind = parse_org_kind(text)) out.orgs_by_kind.emplace_back(*kind, n);
      }
    }
    soci::statement st =
        (impl_->sql.prepare << std::string(kSubtree) +
                                   "SELECT p.status, COUNT(*) FROM member_period p"
                                   " JOIN sub ON p.org_id = sub.org_id"
                                   " WHERE p.valid_from <= :a5 AND p.valid_to > :a6"
                                   " GROUP BY p.status",
         soci::into(text), soci::into(n), soci::use(root_id), soci::use(d), soci::use(d),
         soci::use(d), soci::use(d), soci::use(d), soci::use(d));
    st.execute();
    while (st.fetch()) {
      if (auto status = parse_member_status(text)) out.members_by_status.emplace_back(*status, n);
    }
    return out;
  });
}

}  // namespace dangvu::store
