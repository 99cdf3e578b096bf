#pragma once
// How the audit log reads to a person: the Vietnamese name of every action the program records
// ("org.merge" → "Hợp nhất tổ chức"), of who acted ("cli:lan" → "Dòng lệnh (lan)"), and which
// recorded key holds the old value of which. The keys themselves are named by
// core/field_labels.h; service/audit_read.cpp puts an entry's changes together.
#include <string>
#include <string_view>

namespace dangvu {

// The label of an action ("session.login" → "Đăng nhập", "member.event.admission" → "Kết nạp
// đảng viên"); an action the table lacks is its code.
std::string action_label(std::string_view action);

// Whether the table names `action` (every action the program writes; a test holds it to that).
bool has_action_label(std::string_view action);

// Who acted: an account's name as it is; "cli:<user>" (the command line, `address` "cli") is
// "Dòng lệnh (<user>)", "cli:unknown" "Dòng lệnh"; the demo generator and the schema migrations,
// which write with no network address, by what they are.
std::string actor_label(std::string_view actor, std::string_view address);

// The key whose old value an action records under a plain "before" ("plan.target": "target");
// empty when it records none so. A key "before_<key>" always holds the old value of <key>.
std::string_view before_of(std::string_view action);

}  // namespace dangvu
