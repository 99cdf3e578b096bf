#pragma once
// Who is acting: an account of the server (with its role and scope) or the command line (the
// person holding the database file, who can do everything). service/ checks every read and write
// against it; api/ only says who the caller is.
#include <cstdint>
#include <optional>
#include <string>

#include "auth/role.h"
#include "core/org.h"

namespace dangvu::service {

struct Caller {
  std::string actor;    // the account name, or "cli:<user>"; written in events and the audit log
  std::string address;  // where the request came from (IP address), or "cli"
  auth::Role role = auth::Role::admin;
  std::optional<OrgId> scope;  // the subtree the caller may see and change (none: everything)
  std::int64_t account_id = 0;

  static Caller command_line(std::string actor) {
    return Caller{std::move(actor), "cli", auth::Role::admin, std::nullopt, 0};
  }
};

}  // namespace dangvu::service
