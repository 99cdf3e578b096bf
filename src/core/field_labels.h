#pragma once
// The Vietnamese label of every field name the API takes and every key the audit log records
// ("member" → "Đảng viên"), so that a user never reads the API's English name. One table for the
// whole program; a name that means something else in one action ("from" of a merge: the orgs
// merged, elsewhere the first day of a range) has an entry for that action. The API writes its
// refusals with these labels (api/server.cpp, write_error) and names the audit log's changes by
// them (service/audit_read.cpp); the CLI keeps its option names.
#include <string>
#include <string_view>

namespace dangvu {

// The label of `field` as `action` (an audit action such as "org.merge", or empty) uses it; an
// element of a list, "entries[3].member", is the element's field on its line: "Đảng viên (dòng
// 4)". Empty when the name has no label.
std::string field_label(std::string_view field, std::string_view action = {});

// `message` with every "Trường «name»" whose name has a label written "Trường «label»"; other
// text, and names without a label, stay as they are.
std::string with_field_labels(std::string_view message, std::string_view action = {});

}  // namespace dangvu
