// Accounts, login sessions and the audit log.
#include "store/store_impl.h"

namespace dangvu::store {
namespace {

// The columns of an account, bound to a prepared statement.
struct AccountRow {
  long long id = 0, org = 0;
  soci::indicator org_ind = soci::i_null;
  std::string username, display_name, role, password_hash, created_at;
  int must_change = 0, disabled = 0;

  AccountRecord record() const {
    AccountRecord a;
    a.id = id;
    a.username = username;
    a.display_name = display_name;
    a.role = role;
    if (org_ind != soci::i_null) a.org = org;
    a.password_hash = password_hash;
    a.must_change_password = must_change != 0;
    a.disabled = disabled != 0;
    a.created_at = created_at;
    return a;
  }
};

const char* const kAccountColumns =
    "SELECT id, username, display_name, role, org_id, password_hash, must_change_password, "
    "disabled, created_at FROM account ";

// Accounts matching `where`, bound to at most one key (a name or an id).
std::vector<AccountRecord> query_accounts(soci::session& sql, const std::string& where,
                                          const std::string* name_key, const long long* id_key) {
  AccountRow a;
  soci::details::prepare_temp_type prep = (sql.prepare << std::string(kAccountColumns) + where);
  prep, soci::into(a.id), soci::into(a.username), soci::into(a.display_name), soci::into(a.role),
      soci::into(a.org, a.org_ind), soci::into(a.password_hash), soci::into(a.must_change),
      soci::into(a.disabled), soci::into(a.created_at);
  if (name_key) prep, soci::use(*name_key);
  if (id_key) prep, soci::use(*id_key);
  soci::statement st(prep);
  st.execute();
  std::vector<AccountRecord> out;
  while (st.fetch()) out.push_back(a.record());
  return out;
}

}  // namespace

Status Store::append_audit(const AuditEntry& e) {
  return guarded([&]() -> Status {
    long long org = e.org.value_or(0);
    soci::indicator org_ind = e.org ? soci::i_ok : soci::i_null;
    impl_->sql << "INSERT INTO audit_log (at, actor, action, target, detail, address, org_id) "
                  "VALUES (:at, :actor, :action, :target, :detail, :address, :org)",
        soci::use(e.at), soci::use(e.actor), soci::use(e.action), soci::use(e.target),
        soci::use(e.detail_json), soci::use(e.address), soci::use(org, org_ind);
    return {};
  });
}

Result<std::vector<AuditEntry>> Store::list_audit(const AuditQuery& q) {
  return guarded([&]() -> Result<std::vector<AuditEntry>> {
    std::string sql =
        "SELECT id, at, actor, action, target, detail, address, org_id FROM audit_log "
        "WHERE (:actor = '' OR actor = :actor2) AND (:from = '' OR at >= :from2) "
        "AND (:to = '' OR at <= :to2) AND (:before = 0 OR id < :before2)";
    if (q.orgs) {
      sql += " AND org_id IN (";
      for (std::size_t i = 0; i < q.orgs->size(); ++i) {
        sql += (i ? "," : "") + std::to_string((*q.orgs)[i]);  // our own integer ids
      }
      sql += q.orgs->empty() ? "NULL)" : ")";
    }
    sql += " ORDER BY id DESC LIMIT :n";
    // A date "to" covers the whole day.
    std::string to = q.to.size() == 10 ? q.to + "T99" : q.to;
    long long before = q.before_id, id = 0, org = 0;
    soci::indicator org_ind = soci::i_null;
    AuditEntry e;
    soci::statement st =
        (impl_->sql.prepare << sql, soci::use(q.actor), soci::use(q.actor), soci::use(q.from),
         soci::use(q.from), soci::use(to), soci::use(to), soci::use(before), soci::use(before),
         soci::use(q.limit), soci::into(id), soci::into(e.at), soci::into(e.actor),
         soci::into(e.action), soci::into(e.target), soci::into(e.detail_json),
         soci::into(e.address), soci::into(org, org_ind));
    st.execute();
    std::vector<AuditEntry> out;
    while (st.fetch()) {
      e.id = id;
      e.org = org_ind == soci::i_null ? std::nullopt : std::optional<OrgId>(org);
      out.push_back(e);
    }
    return out;
  });
}

Result<std::int64_t> Store::insert_account(const AccountRecord& a) {
  return guarded([&]() -> Result<std::int64_t> {
    long long org = a.org.value_or(0);
    soci::indicator org_ind = a.org ? soci::i_ok : soci::i_null;
    int must = a.must_change_password ? 1 : 0;
    int disabled = a.disabled ? 1 : 0;
    impl_->sql << "INSERT INTO account (username, display_name, role, org_id, password_hash, "
                  "must_change_password, disabled, created_at, password_changed_at) VALUES "
                  "(:u, :d, :r, :o, :h, :m, :x, :at, :at2)",
        soci::use(a.username), soci::use(a.display_name), soci::use(a.role),
        soci::use(org, org_ind), soci::use(a.password_hash), soci::use(must), soci::use(disabled),
        soci::use(a.created_at), soci::use(a.created_at);
    const long long id = last_insert_id(impl_->sql);
    return std::int64_t{id};
  });
}

Result<std::optional<AccountRecord>> Store::find_account(const std::string& username) {
  return guarded([&]() -> Result<std::optional<AccountRecord>> {
    auto rows = query_accounts(impl_->sql, "WHERE username = :u", &username, nullptr);
    if (rows.empty()) return std::optional<AccountRecord>{};
    return std::optional<AccountRecord>(rows.front());
  });
}

Result<AccountRecord> Store::account_by_id(std::int64_t id) {
  return guarded([&]() -> Result<AccountRecord> {
    long long key = id;
    auto rows = query_accounts(impl_->sql, "WHERE id = :id", nullptr, &key);
    if (rows.empty())
      return Error::not_found("account", "Không có tài khoản này.", "no account id");
    return rows.front();
  });
}

Result<std::vector<AccountRecord>> Store::list_accounts() {
  return guarded([&]() -> Result<std::vector<AccountRecord>> {
    return query_accounts(impl_->sql, "ORDER BY username", nullptr, nullptr);
  });
}

Result<std::int64_t> Store::count_accounts() {
  return guarded([&]() -> Result<std::int64_t> {
    long long n = 0;
    impl_->sql << "SELECT COUNT(*) FROM account", soci::into(n);
    return std::int64_t{n};
  });
}

Status Store::set_account_password(std::int64_t id, const std::string& hash, bool must_change,
                                   const std::string& at) {
  return guarded([&]() -> Status {
    long long key = id;
    int must = must_change ? 1 : 0;
    impl_->sql << "UPDATE account SET password_hash = :h, must_change_password = :m, "
                  "password_changed_at = :at WHERE id = :id",
        soci::use(hash), soci::use(must), soci::use(at), soci::use(key);
    return {};
  });
}

Status Store::set_account_disabled(std::int64_t id, bool disabled) {
  return guarded([&]() -> Status {
    long long key = id;
    int flag = disabled ? 1 : 0;
    impl_->sql << "UPDATE account SET disabled = :d WHERE id = :id", soci::use(flag),
        soci::use(key);
    return {};
  });
}

Result<std::int64_t> Store::insert_session(const std::string& token_digest, std::int64_t account_id,
                                           std::int64_t now, std::int64_t expires_at,
                                           const std::string& address) {
  return guarded([&]() -> Result<std::int64_t> {
    long long acc = account_id, t = now, exp = expires_at;
    impl_->sql << "INSERT INTO login_session (token_digest, account_id, created_at, "
                  "last_seen_at, expires_at, address) VALUES (:d, :a, :t, :t2, :e, :addr)",
        soci::use(token_digest), soci::use(acc), soci::use(t), soci::use(t), soci::use(exp),
        soci::use(address);
    const long long id = last_insert_id(impl_->sql);
    return std::int64_t{id};
  });
}

Result<std::optional<SessionRecord>> Store::find_session(const std::string& token_digest) {
  return guarded([&]() -> Result<std::optional<SessionRecord>> {
    long long id = 0, account = 0, created = 0, seen = 0, expires = 0, ended = 0;
    soci::indicator ended_ind = soci::i_null;
    std::string address;
    impl_->sql << "SELECT id, account_id, created_at, last_seen_at, expires_at, address, "
                  "ended_at FROM login_session WHERE token_digest = :d",
        soci::use(token_digest), soci::into(id), soci::into(account), soci::into(created),
        soci::into(seen), soci::into(expires), soci::into(address), soci::into(ended, ended_ind);
    if (!impl_->sql.got_data()) return std::optional<SessionRecord>{};
    SessionRecord s;
    s.id = id;
    s.account_id = account;
    s.created_at = created;
    s.last_seen_at = seen;
    s.expires_at = expires;
    s.address = address;
    s.ended = ended_ind != soci::i_null;
    return std::optional<SessionRecord>(s);
  });
}

Status Store::touch_session(std::int64_t id, std::int64_t now) {
  return guarded([&]() -> Status {
    long long key = id, t = now;
    impl_->sql << "UPDATE login_session SET last_seen_at = :t WHERE id = :id", soci::use(t),
        soci::use(key);
    return {};
  });
}

Status Store::end_session(std::int64_t id, std::int64_t now) {
  return guarded([&]() -> Status {
    long long key = id, t = now;
    impl_->sql << "UPDATE login_session SET ended_at = :t WHERE id = :id AND ended_at IS NULL",
        soci::use(t), soci::use(key);
    return {};
  });
}

Status Store::end_account_sessions(std::int64_t account_id, std::int64_t now, std::int64_t keep) {
  return guarded([&]() -> Status {
    long long acc = account_id, t = now, k = keep;
    impl_->sql << "UPDATE login_session SET ended_at = :t WHERE account_id = :a AND id <> :k "
                  "AND ended_at IS NULL",
        soci::use(t), soci::use(acc), soci::use(k);
    return {};
  });
}

}  // namespace dangvu::store
