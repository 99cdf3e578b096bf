// Orgs: identities, the append-only org_event log and the dated org_version rows.
#include "store/store_impl.h"

namespace dangvu::store {
namespace {

const std::string kOpenEnd = "9999-12-31";

OrgVersion read_version(long long org, const std::string& from, const std::string& to,
                        long long parent, soci::indicator parent_ind, const std::string& name,
                        const std::string& kind, long long successor, soci::indicator succ_ind) {
  OrgVersion v;
  v.org = org;
  v.valid_from = Date::parse(from).value();
  v.valid_to = Date::parse(to).value();
  v.parent = opt(parent, parent_ind);
  v.name = name;
  v.kind = parse_org_kind(kind).value_or(OrgKind::grassroots_branch);
  v.successor = opt(successor, succ_ind);
  return v;
}

}  // namespace

Result<OrgId> Store::insert_org(const std::string& code) {
  return guarded([&]() -> Result<OrgId> {
    impl_->org_changed = true;
    impl_->sql << "INSERT INTO org (code) VALUES (:code)", soci::use(code);
    long long id = 0;
    impl_->sql << "SELECT id FROM org WHERE code = :code", soci::use(code), soci::into(id);
    impl_->figure_log.note_org(id);
    return OrgId{id};
  });
}

Result<std::optional<OrgId>> Store::find_org(const std::string& code) {
  return guarded([&]() -> Result<std::optional<OrgId>> {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    impl_->sql << "SELECT id FROM org WHERE code = :code", soci::use(code), soci::into(id, ind);
    if (!impl_->sql.got_data() || ind == soci::i_null) return std::optional<OrgId>{};
    return std::optional<OrgId>{id};
  });
}

Result<std::unordered_map<OrgId, std::string>> Store::org_codes() {
  return guarded([&]() -> Result<std::unordered_map<OrgId, std::string>> {
    std::unordered_map<OrgId, std::string> out;
    long long id = 0;
    std::string code;
    soci::statement st =
        (impl_->sql.prepare << "SELECT id, code FROM org", soci::into(id), soci::into(code));
    st.execute();
    while (st.fetch()) out[id] = code;
    return out;
  });
}

namespace {

template <typename Sink>
void each_version(soci::session& sql, const std::string& where,
                  const std::vector<std::string>& params, Sink sink) {
  long long org = 0, parent = 0, successor = 0;
  soci::indicator parent_ind = soci::i_null, succ_ind = soci::i_null;
  std::string from, to, name, kind;
  std::string query =
      "SELECT org_id, valid_from, valid_to, parent_id, name, kind, successor_id FROM org_version " +
      where + " ORDER BY org_id, valid_from";
  soci::statement st = (sql.prepare << query, soci::into(org), soci::into(from), soci::into(to),
                        soci::into(parent, parent_ind), soci::into(name), soci::into(kind),
                        soci::into(successor, succ_ind));
  for (const auto& p : params) st.exchange(soci::use(p));
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    sink(read_version(org, from, to, parent, parent_ind, name, kind, successor, succ_ind));
  }
}

}  // namespace

Result<OrgHistory> Store::load_org_history() {
  return guarded([&]() -> Result<OrgHistory> {
    OrgHistory h;
    auto codes = org_codes();
    if (!codes.ok()) return codes.error();
    for (auto& [id, code] : *codes) h.add_org(id, code);
    each_version(impl_->sql, "", {}, [&](OrgVersion v) { h.add_version(std::move(v)); });
    return h;
  });
}

Result<OrgHistory> Store::load_orgs(const std::vector<OrgId>& ids) {
  return guarded([&]() -> Result<OrgHistory> {
    OrgHistory h;
    long long id = 0;
    std::string code;
    soci::statement st =
        (impl_->sql.prepare << "SELECT id, code FROM org WHERE id IN " + id_list(ids),
         soci::into(id), soci::into(code));
    st.execute();
    while (st.fetch()) h.add_org(id, code);
    each_version(impl_->sql, "WHERE org_id IN " + id_list(ids), {},
                 [&](OrgVersion v) { h.add_version(std::move(v)); });
    return h;
  });
}

Result<std::vector<OrgVersion>> Store::org_versions_valid_at(Date at) {
  return guarded([&]() -> Result<std::vector<OrgVersion>> {
    std::vector<OrgVersion> out;
    const std::string d = at.iso();
    each_version(impl_->sql, "WHERE valid_from <= :a AND valid_to > :b", {d, d},
                 [&](OrgVersion v) { out.push_back(std::move(v)); });
    return out;
  });
}

Result<std::int64_t> Store::append_org_event(const std::string& kind, Date date,
                                             const std::string& payload_json,
                                             const std::string& actor, const std::string& at) {
  return guarded([&]() -> Result<std::int64_t> {
    impl_->org_changed = true;
    const std::string d = date.iso();
    impl_->sql << "INSERT INTO org_event (kind, effective_on, payload, recorded_at, recorded_by) "
                  "VALUES (:kind, :d, :payload, :at, :actor)",
        soci::use(kind), soci::use(d), soci::use(payload_json), soci::use(at), soci::use(actor);
    const long long id = last_insert_id(impl_->sql);
    return std::int64_t{id};
  });
}

Status Store::apply_org_change(const OrgChange& change, std::int64_t org_event_id) {
  return guarded([&]() -> Status {
    impl_->org_changed = true;
    const std::string d = change.date.iso();
    for (const auto& c : change.closes) impl_->figure_log.note_org(c.org);
    for (const auto& v : change.opens) impl_->figure_log.note_org(v.org);
    for (const auto& c : change.closes) {
      long long org = c.org;
      long long successor = c.successor.value_or(0);
      soci::indicator succ_ind = c.successor ? soci::i_ok : soci::i_null;
      // By the org's own index: SQLite, without statistics, took the index on valid_to and
      // walked every open version of the nation for each closed one (a quarter of the national
      // demo's time went to its 2025 reorganization).
      const char* table = impl_->engine == Engine::sqlite
                              ? "UPDATE org_version INDEXED BY org_version_by_org"
                              : "UPDATE org_version";
      impl_->sql << std::string(table) +
                        " SET valid_to = :d, successor_id = :s "
                        "WHERE org_id = :org AND valid_to = :open",
          soci::use(d), soci::use(successor, succ_ind), soci::use(org), soci::use(kOpenEnd);
    }
    for (const auto& v : change.opens) {
      long long org = v.org;
      long long parent = v.parent.value_or(0);
      soci::indicator parent_ind = v.parent ? soci::i_ok : soci::i_null;
      std::string from = v.valid_from.iso(), to = v.valid_to.iso();
      std::string kind(to_string(v.kind));
      long long event = org_event_id;
      impl_->sql << "INSERT INTO org_version (org_id, valid_from, valid_to, parent_id, name, kind, "
                    "event_id) VALUES (:org, :vf, :vt, :parent, :name, :kind, :event)",
          soci::use(org), soci::use(from), soci::use(to), soci::use(parent, parent_ind),
          soci::use(v.name), soci::use(kind), soci::use(event);
    }
    return {};
  });
}

Result<std::int64_t> Store::org_revision() {
  return guarded([&]() -> Result<std::int64_t> {
    long long id = 0;
    impl_->sql << "SELECT value FROM data_revision WHERE topic = 'org'", soci::into(id);
    return std::int64_t{id};
  });
}

Result<std::pair<std::string, std::string>> Store::org_label(OrgId id) {
  return guarded([&]() -> Result<std::pair<std::string, std::string>> {
    long long key = id;
    std::string code, name;
    impl_->sql << "SELECT o.code, v.name FROM org o JOIN org_version v ON v.org_id = o.id "
                  "WHERE o.id = :id ORDER BY v.valid_from DESC LIMIT 1",
        soci::use(key), soci::into(code), soci::into(name);
    if (!impl_->sql.got_data()) return Error::not_found("org", "Không có tổ chức này.", "no org");
    return std::pair{code, name};
  });
}

}  // namespace dangvu::store
