#pragma once
// JSON of the read views and of errors: one shape for the API and the CLI's --json.
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "service/accounts.h"
#include "service/import.h"
#include "service/views.h"

namespace dangvu::api {

nlohmann::json to_json(const service::TreeView& v);
nlohmann::json to_json(const service::StatsView& v);
nlohmann::json to_json(const service::MemberView& v);
nlohmann::json to_json(const service::MemberListView& v);
nlohmann::json to_json(const service::AccountView& v);
nlohmann::json to_json(const service::AuditView& v);
nlohmann::json to_json(const service::DocumentView& v);
nlohmann::json to_json(const service::PlanView& v);
nlohmann::json to_json(const service::IssuerView& v);
nlohmann::json to_json(const service::ActivitiesView& v);
nlohmann::json to_json(const service::IndicatorsView& v);
nlohmann::json to_json(const service::ImportReport& v);
nlohmann::json to_json(const service::ConferenceSummaryView& v);
nlohmann::json to_json(const service::ConferenceView& v);
nlohmann::json to_json(const service::TaskView& v);
nlohmann::json to_json(const service::PrepareNextView& v);
nlohmann::json to_json(const service::InviteResultView& v);
nlohmann::json to_json(const service::ItemFileView& v);
// {"error":{"code","message","field","rule"}}
nlohmann::json to_json(const Error& e);

}  // namespace dangvu::api
