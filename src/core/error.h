#pragma once
// One error type for every layer. A refusal names the field and the rule, carries a message in
// Vietnamese for the user and a detail in English for the logs. api/ and app/ map ErrorKind to an
// HTTP status or an exit code in one place each.
#include <string>
#include <string_view>

namespace dangvu {

enum class ErrorKind {
  invalid_input,    // malformed value: a wrong date, an empty name, an unknown kind
  rule_refused,     // well-formed but a rule of the rule set forbids it
  not_found,        // an unknown code
  conflict,         // a duplicate code, a write that races another
  forbidden,        // the caller's role may not do this
  io,               // storage or file failure
  unauthenticated,  // no valid session, or wrong credentials
  throttled,        // too many attempts: wait `retry_after_seconds`
  too_large,        // a request or file over a limit
  storage_full,     // the disk (or the database server's) is full: nothing written, reads go on
};

// A stable English name for logs and JSON ("invalid_input", ...).
std::string_view to_string(ErrorKind kind);

// The process exit code the CLI uses for an error of this kind (never 0).
int exit_code(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::invalid_input;
  std::string field;       // the input field it concerns, e.g. "date", "parent"; may be empty
  std::string rule;        // the rule id from the rule set, e.g. "admission.min_age"; may be empty
  std::string message_vi;  // what the user reads, in Vietnamese (NFC)
  std::string detail_en;   // what the log reads, in English
  long long retry_after_seconds = 0;  // throttled only

  static Error invalid(std::string field, std::string message_vi, std::string detail_en);
  static Error refused(std::string field, std::string rule, std::string message_vi,
                       std::string detail_en);
  static Error not_found(std::string field, std::string message_vi, std::string detail_en);
  static Error conflict(std::string field, std::string message_vi, std::string detail_en);
  static Error io(std::string message_vi, std::string detail_en);
};

}  // namespace dangvu
