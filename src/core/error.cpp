#include "core/error.h"

#include <utility>

namespace dangvu {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input: return "invalid_input";
    case ErrorKind::rule_refused: return "rule_refused";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::forbidden: return "forbidden";
    case ErrorKind::io: return "io";
    case ErrorKind::unauthenticated: return "unauthenticated";
    case ErrorKind::throttled: return "throttled";
    case ErrorKind::storage_full: return "storage_full";
    case ErrorKind::too_large: return "too_large";
  }
  return "unknown";
}

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input: return 2;
    case ErrorKind::rule_refused: return 3;
    case ErrorKind::not_found: return 4;
    case ErrorKind::conflict: return 5;
    case ErrorKind::forbidden: return 6;
    case ErrorKind::io: return 7;
    case ErrorKind::unauthenticated: return 8;
    case ErrorKind::throttled: return 9;
    case ErrorKind::storage_full: return 7;
    case ErrorKind::too_large: return 10;
  }
  return 1;
}

Error Error::invalid(std::string field, std::string message_vi, std::string detail_en) {
  return {ErrorKind::invalid_input, std::move(field), "", std::move(message_vi),
          std::move(detail_en)};
}
Error Error::refused(std::string field, std::string rule, std::string message_vi,
                     std::string detail_en) {
  return {ErrorKind::rule_refused, std::move(field), std::move(rule), std::move(message_vi),
          std::move(detail_en)};
}
Error Error::not_found(std::string field, std::string message_vi, std::string detail_en) {
  return {ErrorKind::not_found, std::move(field), "", std::move(message_vi), std::move(detail_en)};
}
Error Error::conflict(std::string field, std::string message_vi, std::string detail_en) {
  return {ErrorKind::conflict, std::move(field), "", std::move(message_vi), std::move(detail_en)};
}
Error Error::io(std::string message_vi, std::string detail_en) {
  return {ErrorKind::io, "", "", std::move(message_vi), std::move(detail_en)};
}

}  // namespace dangvu
