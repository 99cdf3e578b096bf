#pragma once
// An audit entry as a person reads it: the changes its recorded detail holds, each named in
// Vietnamese (core/field_labels.h) with its old and new value as text.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "service/views.h"

namespace dangvu::service {

// The changes an entry of `action` records in `detail_json`, in the detail's order. A key
// "before_<key>" (or the plain "before" of core/audit_labels.h's before_of) is the old value of
// <key>, not a change of its own; a key with neither an old nor a new value is left out. Values
// are written for reading: an ISO date dd/mm/yyyy, true/false Có/Không, a code of a known kind by
// its Vietnamese label, a period by its name, a list joined with ", ", an object "Nhãn: giá trị;
// …". An org id the entry recorded (a migration's) is written as `org_code` gives it. Not JSON,
// or not an object: no changes.
std::vector<AuditChangeView> audit_changes(
    std::string_view action, const std::string& detail_json,
    const std::function<std::string(long long)>& org_code = {});

}  // namespace dangvu::service
