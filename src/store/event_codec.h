#pragma once
// The JSON payload of a member_event row: every field of MemberEvent except id, kind, date and
// org, which have columns of their own. Only fields that are set are written.
#include <string>

#include "core/member.h"
#include "core/result.h"

namespace dangvu::store {

std::string encode_event_payload(const MemberEvent& e);
// Fills the payload fields of `e`; an unreadable payload is a storage error.
Status decode_event_payload(const std::string& json_text, MemberEvent& e);

}  // namespace dangvu::store
