#pragma once
// Accounts and sessions: who may log in, with which role over which subtree, and for how long.
// Every change is one transaction with an audit entry; passwords and tokens never leave this
// class except the one-time password shown once to the administrator and the session token
// handed once to the browser.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/throttle.h"
#include "core/clock.h"
#include "core/result.h"
#include "service/caller.h"
#include "store/store.h"

namespace dangvu::service {

struct SessionPolicy {
  std::int64_t idle_seconds = 30 * 60;           // no request for this long: logged out
  std::int64_t absolute_seconds = 12 * 60 * 60;  // a working day, then log in again
  std::int64_t touch_every_seconds = 60;         // how often last-seen is written
};

struct AccountView {
  std::string username, display_name, role, org_code, org_name;
  bool must_change_password = false;
  bool disabled = false;
  std::string created_at;
};

struct NewAccountInput {
  std::string username, display_name, role, org_code;
};

struct SessionStart {
  std::string token;       // for the HttpOnly cookie; only its digest is stored
  std::string csrf_token;  // for the X-CSRF-Token header
  AccountView account;
};

struct Authenticated {
  Caller caller;
  std::int64_t session_id = 0;
  std::string csrf_token;
  AccountView account;
};

class Accounts {
 public:
  Accounts(store::Store& store, const Clock& clock, SessionPolicy policy,
           auth::LoginThrottle& throttle);

  // The first administrator of a new database (refused once any account exists). Returns the
  // one-time password, which must be changed at first login.
  Result<std::string> create_first_admin(const std::string& username);

  // Administration (the administrator only). create/reset return a one-time password.
  Result<std::string> create(const Caller& by, const NewAccountInput& in);
  Result<std::string> reset_password(const Caller& by, const std::string& username);
  Status set_disabled(const Caller& by, const std::string& username, bool disabled);
  Result<std::vector<AccountView>> list(const Caller& by);
  // For demo databases only: an account with a known password and no forced change.
  Status create_with_password(const Caller& by, const NewAccountInput& in,
                              const std::string& password);

  // Sessions.
  Result<SessionStart> login(const std::string& username, const std::string& password,
                             const std::string& address);
  Result<Authenticated> authenticate(const std::string& token, const std::string& address);
  Status logout(const Authenticated& who);
  // Ends the account's other sessions; the current one stays.
  Status change_password(const Authenticated& who, const std::string& current,
                         const std::string& next);
  // Refuses everything but the password change while a one-time password is in use.
  static Status require_ready(const Authenticated& who);

 private:
  Result<AccountView> view(const store::AccountRecord& a);
  Result<store::AccountRecord> require_account(const std::string& username, const char* field);
  Status audit(const Caller& by, const std::string& action, const std::string& target,
               const std::string& detail, std::optional<OrgId> org);
  Result<std::int64_t> insert_account(const Caller& by, const NewAccountInput& in,
                                      const std::string& password, bool must_change);

  store::Store& store_;
  const Clock& clock_;
  SessionPolicy policy_;
  auth::LoginThrottle& throttle_;
};

}  // namespace dangvu::service
