#pragma once
// Output of the read commands: Vietnamese text for people, JSON (--json) for programs.
#include <nlohmann/json.hpp>
#include <string>

#include "core/error.h"
#include "service/views.h"

namespace dangvu::app {

nlohmann::json to_json(const service::TreeView& v);
nlohmann::json to_json(const service::StatsView& v);
nlohmann::json to_json(const service::MemberView& v);
nlohmann::json to_json(const service::MemberListView& v);
nlohmann::json to_json(const Error& e);

std::string to_text(const service::TreeView& v);
std::string to_text(const service::StatsView& v);
std::string to_text(const service::MemberView& v);
std::string to_text(const service::MemberListView& v);

// 12345 → "12.345" (Vietnamese thousands separator).
std::string format_count(std::int64_t n);

}  // namespace dangvu::app
