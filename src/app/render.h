#pragma once
// Output of the read commands: Vietnamese text for people, JSON (--json) for programs.
#include <nlohmann/json.hpp>
#include <string>

#include "api/json_views.h"
#include "core/error.h"
#include "service/views.h"

namespace dangvu::app {

using api::to_json;

std::string to_text(const service::TreeView& v);
std::string to_text(const service::StatsView& v);
std::string to_text(const service::MemberView& v);
std::string to_text(const service::MemberListView& v);

// 12345 → "12.345" (Vietnamese thousands separator).
std::string format_count(std::int64_t n);

}  // namespace dangvu::app
