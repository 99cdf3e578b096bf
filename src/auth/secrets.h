#pragma once
// Passwords and tokens (libsodium). Passwords are hashed with argon2id; session tokens are 256
// random bits shown once to the browser and kept only as a BLAKE2b digest, so a copy of the
// database lets nobody log in.
#include <string>
#include <string_view>

#include "core/result.h"

namespace dangvu::auth {

// The argon2id hash string (parameters and salt included) of `password`.
Result<std::string> hash_password(std::string_view password);
// Constant-time check of `password` against a hash from hash_password().
bool verify_password(std::string_view password, const std::string& hash);
// Runs the same work as a real check, for unknown accounts (no timing difference).
void burn_password_check(std::string_view password);

// The password rules: 10 to 128 characters, not the account name, not all one character class.
Status check_password_policy(std::string_view password, std::string_view username,
                             std::string_view field);

// A random one-time password that passes the policy (printed once, changed at first login).
std::string one_time_password();

// 256 random bits, base64url without padding (43 characters).
std::string new_token();
// The at-rest form of a token: hex BLAKE2b-256.
std::string token_digest(std::string_view token);
// The CSRF token bound to a session token: keyed BLAKE2b of a fixed label, base64url. The browser
// reads it from the login answer and sends it back in X-CSRF-Token on every state change.
std::string csrf_token_for(std::string_view session_token);
// Constant-time equality of two strings.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace dangvu::auth
