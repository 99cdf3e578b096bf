#include "service/accounts.h"

#include <nlohmann/json.hpp>

#include "auth/secrets.h"
#include "text/normalize.h"

namespace dangvu::service {
namespace {

using nlohmann::json;

Error wrong_credentials() {
  // One message for an unknown name, a wrong password and a disabled account.
  return Error{ErrorKind::unauthenticated, "password", "",
               "Tên đăng nhập hoặc mật khẩu không đúng.", "login failed"};
}

Error session_invalid(const std::string& why) {
  return Error{ErrorKind::unauthenticated, "", "",
               "Phiên làm việc đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại.",
               "session rejected: " + why};
}

Status check_username(const std::string& u, const char* field) {
  bool ok = u.size() >= 3 && u.size() <= 32;
  for (std::size_t i = 0; ok && i < u.size(); ++i) {
    char c = u[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    ok = alnum || (i > 0 && (c == '.' || c == '_' || c == '-'));
  }
  if (ok) return {};
  const std::string f(field);
  return Error::invalid(f,
                        "Trường «" + f +
                            "»: tên đăng nhập gồm 3–32 ký tự thường không dấu (a–z, 0–9, . _ -), "
                            "bắt đầu bằng chữ hoặc số.",
                        "field '" + f + "': bad username");
}

}  // namespace

Accounts::Accounts(store::Store& store, const Clock& clock, SessionPolicy policy,
                   auth::LoginThrottle& throttle)
    : store_(store), clock_(clock), policy_(policy), throttle_(throttle) {}

Status Accounts::audit(const Caller& by, const std::string& action, const std::string& target,
                       const std::string& detail, std::optional<OrgId> org) {
  store::AuditEntry e;
  e.at = clock_.now_iso();
  e.actor = by.actor;
  e.action = action;
  e.target = target;
  e.detail_json = detail;
  e.address = by.address;
  e.org = org;
  return store_.append_audit(e);
}

Result<AccountView> Accounts::view(const store::AccountRecord& a) {
  AccountView v;
  v.username = a.username;
  v.display_name = a.display_name;
  v.role = a.role;
  v.must_change_password = a.must_change_password;
  v.disabled = a.disabled;
  v.created_at = a.created_at;
  if (a.org) {
    auto label = store_.org_label(*a.org);
    if (!label.ok()) return label.error();
    v.org_code = label->first;
    v.org_name = label->second;
  }
  return v;
}

Result<store::AccountRecord> Accounts::require_account(const std::string& username,
                                                       const char* field) {
  DANGVU_TRY(check_username(username, field));
  auto found = store_.find_account(username);
  if (!found.ok()) return found.error();
  if (!*found) {
    const std::string f(field);
    return Error::not_found(f, "Trường «" + f + "»: không có tài khoản «" + username + "».",
                            "unknown account");
  }
  return **found;
}

Result<std::int64_t> Accounts::insert_account(const Caller& by, const NewAccountInput& in,
                                              const std::string& password, bool must_change) {
  if (!auth::can_administer(by.role)) {
    return Error{ErrorKind::forbidden, "", "role.permission",
                 "Chỉ quản trị hệ thống được quản lý tài khoản.", "accounts: admin only"};
  }
  DANGVU_TRY(check_username(in.username, "username"));
  auto name = text::clean_field(in.display_name.empty() ? in.username : in.display_name,
                                "display_name", 100);
  if (!name.ok()) return name.error();
  auto role = auth::parse_role(in.role);
  if (!role) {
    return Error::invalid("role",
                          "Trường «role»: vai trò phải là admin, committee_office, "
                          "branch_secretary, inspection hoặc viewer.",
                          "unknown role");
  }
  if (auth::needs_scope(*role) && in.org_code.empty()) {
    return Error::invalid("org", "Trường «org»: vai trò này cần tổ chức mà tài khoản phụ trách.",
                          "role needs a scope org");
  }
  if (!auth::needs_scope(*role) && !in.org_code.empty()) {
    return Error::invalid("org", "Trường «org»: quản trị hệ thống không gắn với một tổ chức.",
                          "admin has no scope org");
  }
  DANGVU_TRY(auth::check_password_policy(password, in.username, "password"));
  auto hash = auth::hash_password(password);
  if (!hash.ok()) return hash.error();
  std::int64_t id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    store::AccountRecord a;
    a.username = in.username;
    a.display_name = *name;
    a.role = std::string(auth::to_string(*role));
    if (!in.org_code.empty()) {
      auto org = store_.find_org(in.org_code);
      if (!org.ok()) return org.error();
      if (!*org) {
        return Error::not_found("org", "Trường «org»: không có tổ chức mã «" + in.org_code + "».",
                                "unknown org");
      }
      a.org = **org;
    }
    auto existing = store_.find_account(in.username);
    if (!existing.ok()) return existing.error();
    if (*existing) {
      return Error::conflict("username",
                             "Trường «username»: tên đăng nhập «" + in.username + "» đã có.",
                             "duplicate username");
    }
    a.password_hash = *hash;
    a.must_change_password = must_change;
    a.created_at = clock_.now_iso();
    auto inserted = store_.insert_account(a);
    if (!inserted.ok()) return inserted.error();
    id = *inserted;
    json detail = {
        {"username", in.username}, {"display_name", *name}, {"role", a.role}, {"org", in.org_code}};
    return audit(by, "account.create", in.username, detail.dump(), a.org);
  }));
  return id;
}

Result<std::string> Accounts::create_first_admin(const std::string& username) {
  auto count = store_.count_accounts();
  if (!count.ok()) return count.error();
  if (*count > 0) {
    return Error::conflict("username", "Cơ sở dữ liệu đã có tài khoản; hãy dùng «dangvu user add».",
                           "accounts exist");
  }
  std::string password = auth::one_time_password();
  auto id = insert_account(Caller::command_line("cli:init"),
                           {username, "Quản trị hệ thống", "admin", ""}, password, true);
  if (!id.ok()) return id.error();
  return password;
}

Result<std::string> Accounts::create(const Caller& by, const NewAccountInput& in) {
  std::string password = auth::one_time_password();
  auto id = insert_account(by, in, password, true);
  if (!id.ok()) return id.error();
  return password;
}

Status Accounts::create_with_password(const Caller& by, const NewAccountInput& in,
                                      const std::string& password) {
  auto id = insert_account(by, in, password, false);
  if (!id.ok()) return id.error();
  return {};
}

Result<std::string> Accounts::reset_password(const Caller& by, const std::string& username) {
  if (!auth::can_administer(by.role)) {
    return Error{ErrorKind::forbidden, "", "role.permission",
                 "Chỉ quản trị hệ thống được quản lý tài khoản.", "accounts: admin only"};
  }
  auto account = require_account(username, "username");
  if (!account.ok()) return account.error();
  std::string password = auth::one_time_password();
  auto hash = auth::hash_password(password);
  if (!hash.ok()) return hash.error();
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    DANGVU_TRY(store_.set_account_password(account->id, *hash, true, clock_.now_iso()));
    DANGVU_TRY(store_.end_account_sessions(account->id, clock_.now_unix(), 0));
    return audit(by, "account.reset_password", username, "{}", account->org);
  }));
  return password;
}

Status Accounts::set_disabled(const Caller& by, const std::string& username, bool disabled) {
  if (!auth::can_administer(by.role)) {
    return Error{ErrorKind::forbidden, "", "role.permission",
                 "Chỉ quản trị hệ thống được quản lý tài khoản.", "accounts: admin only"};
  }
  auto account = require_account(username, "username");
  if (!account.ok()) return account.error();
  if (disabled && account->id == by.account_id) {
    return Error::refused("username", "account.self_disable",
                          "Không thể tự khóa tài khoản đang dùng.", "self disable");
  }
  return store_.write_transaction([&]() -> Status {
    DANGVU_TRY(store_.set_account_disabled(account->id, disabled));
    if (disabled) DANGVU_TRY(store_.end_account_sessions(account->id, clock_.now_unix(), 0));
    return audit(by, disabled ? "account.disable" : "account.enable", username, "{}", account->org);
  });
}

Result<std::vector<AccountView>> Accounts::list(const Caller& by) {
  if (!auth::can_administer(by.role)) {
    return Error{ErrorKind::forbidden, "", "role.permission",
                 "Chỉ quản trị hệ thống được quản lý tài khoản.", "accounts: admin only"};
  }
  auto rows = store_.list_accounts();
  if (!rows.ok()) return rows.error();
  std::vector<AccountView> out;
  for (const auto& a : *rows) {
    auto v = view(a);
    if (!v.ok()) return v.error();
    out.push_back(*v);
  }
  return out;
}

Result<SessionStart> Accounts::login(const std::string& username, const std::string& password,
                                     const std::string& address) {
  // A field left empty is a form not filled in, not a guess: named, not counted as a failure.
  if (username.empty()) {
    return Error::invalid("username", "Trường «username»: hãy nhập tên đăng nhập.",
                          "username missing");
  }
  if (password.empty()) {
    return Error::invalid("password", "Trường «password»: hãy nhập mật khẩu.", "password missing");
  }
  const std::int64_t now = clock_.now_unix();
  // An account is locked per address it is tried from, so a stranger's guesses never lock its
  // owner out from everywhere; each address is slowed down on its own, whatever names it tries.
  const std::string account_key = "account:" + username.substr(0, 64) + "@" + address;
  const std::string address_key = "address:" + address;
  std::int64_t wait =
      std::max(throttle_.retry_after(account_key, now), throttle_.retry_after(address_key, now));
  if (wait > 0) {
    Error e{ErrorKind::throttled, "", "login.throttle",
            "Đăng nhập sai quá nhiều lần; hãy thử lại sau " + std::to_string(wait) + " giây.",
            "login throttled for " + std::to_string(wait) + " s"};
    e.retry_after_seconds = wait;
    return e;
  }
  auto fail = [&](const std::optional<store::AccountRecord>& account) -> Error {
    throttle_.record_failure(account_key, now);
    throttle_.record_failure(address_key, now);
    // A name that is no account may be a password typed in the wrong field: the log keeps only
    // a short digest of it, enough to see the same name tried again.
    const std::string who =
        account ? account->username : "?" + auth::token_digest(username).substr(0, 10);
    Caller anon{who, address, auth::Role::viewer, std::nullopt, 0};
    (void)store_.write_transaction([&]() -> Status {
      return audit(anon, "session.login_failed", who, "{}", account ? account->org : std::nullopt);
    });
    return wrong_credentials();
  };
  if (!check_username(username, "username").ok() || password.size() > 1024) {
    auth::burn_password_check(password.substr(0, 1024));
    return fail(std::nullopt);
  }
  auto found = store_.find_account(username);
  if (!found.ok()) return found.error();
  if (!*found || (*found)->disabled) {
    auth::burn_password_check(password);
    return fail(*found);
  }
  const auto& account = **found;
  if (!auth::verify_password(password, account.password_hash)) return fail(account);
  throttle_.record_success(account_key);
  throttle_.record_success(address_key);

  SessionStart start;
  start.token = auth::new_token();
  start.csrf_token = auth::csrf_token_for(start.token);
  auto v = view(account);
  if (!v.ok()) return v.error();
  start.account = *v;
  Caller who{account.username, address, *auth::parse_role(account.role), account.org, account.id};
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto id = store_.insert_session(auth::token_digest(start.token), account.id, now,
                                    now + policy_.absolute_seconds, address);
    if (!id.ok()) return id.error();
    return audit(who, "session.login", account.username, "{}", account.org);
  }));
  return start;
}

Result<Authenticated> Accounts::authenticate(const std::string& token, const std::string& address) {
  if (token.size() != 43) return session_invalid("malformed token");
  auto session = store_.find_session(auth::token_digest(token));
  if (!session.ok()) return session.error();
  if (!*session) return session_invalid("unknown token");
  const auto& s = **session;
  const std::int64_t now = clock_.now_unix();
  if (s.ended) return session_invalid("ended");
  if (now >= s.expires_at || now - s.last_seen_at > policy_.idle_seconds) {
    DANGVU_TRY(store_.write_transaction([&]() { return store_.end_session(s.id, now); }));
    return session_invalid("expired");
  }
  auto account = store_.account_by_id(s.account_id);
  if (!account.ok()) return account.error();
  if (account->disabled) return session_invalid("account disabled");
  if (now - s.last_seen_at >= policy_.touch_every_seconds) {
    DANGVU_TRY(store_.write_transaction([&]() { return store_.touch_session(s.id, now); }));
  }
  auto role = auth::parse_role(account->role);
  if (!role) return session_invalid("unknown role");
  Authenticated who;
  who.caller = Caller{account->username, address, *role, account->org, account->id};
  who.session_id = s.id;
  who.csrf_token = auth::csrf_token_for(token);
  auto v = view(*account);
  if (!v.ok()) return v.error();
  who.account = *v;
  return who;
}

Status Accounts::logout(const Authenticated& who) {
  return store_.write_transaction([&]() -> Status {
    DANGVU_TRY(store_.end_session(who.session_id, clock_.now_unix()));
    return audit(who.caller, "session.logout", who.caller.actor, "{}", who.caller.scope);
  });
}

Status Accounts::change_password(const Authenticated& who, const std::string& current,
                                 const std::string& next) {
  const std::int64_t now = clock_.now_unix();
  const std::string key = "account:" + who.caller.actor + "@" + who.caller.address;
  if (std::int64_t wait = throttle_.retry_after(key, now); wait > 0) {
    Error e{ErrorKind::throttled, "", "login.throttle",
            "Nhập sai mật khẩu quá nhiều lần; hãy thử lại sau " + std::to_string(wait) + " giây.",
            "password change throttled"};
    e.retry_after_seconds = wait;
    return e;
  }
  auto account = store_.account_by_id(who.caller.account_id);
  if (!account.ok()) return account.error();
  if (current.size() > 1024 || !auth::verify_password(current, account->password_hash)) {
    throttle_.record_failure(key, now);
    return Error::refused("current_password", "password.current",
                          "Trường «current_password»: mật khẩu hiện tại không đúng.",
                          "wrong current password");
  }
  DANGVU_TRY(auth::check_password_policy(next, account->username, "new_password"));
  if (next == current) {
    return Error::invalid("new_password",
                          "Trường «new_password»: mật khẩu mới phải khác mật khẩu hiện tại.",
                          "same password");
  }
  auto hash = auth::hash_password(next);
  if (!hash.ok()) return hash.error();
  return store_.write_transaction([&]() -> Status {
    DANGVU_TRY(store_.set_account_password(account->id, *hash, false, clock_.now_iso()));
    DANGVU_TRY(store_.end_account_sessions(account->id, now, who.session_id));
    return audit(who.caller, "account.change_password", account->username, "{}", account->org);
  });
}

Status Accounts::require_ready(const Authenticated& who) {
  if (!who.account.must_change_password) return {};
  return Error{ErrorKind::forbidden, "", "password.must_change",
               "Hãy đổi mật khẩu dùng một lần trước khi làm việc.", "one-time password in use"};
}

}  // namespace dangvu::service
