#include "store/event_codec.h"

#include <nlohmann/json.hpp>

namespace dangvu::store {

using nlohmann::json;

std::string encode_event_payload(const MemberEvent& e) {
  json j = json::object();
  if (e.kind == MemberEventKind::transfer) j["mode"] = std::string(to_string(e.mode));
  if (!e.decision_no.empty()) j["decision_no"] = e.decision_no;
  if (e.ceremony_date) j["ceremony_date"] = e.ceremony_date->iso();
  if (e.vote_date) j["vote_date"] = e.vote_date->iso();
  if (!e.age_exception_ref.empty()) j["age_exception_ref"] = e.age_exception_ref;
  if (!e.card_number.empty()) j["card_number"] = e.card_number;
  if (!e.reason.empty()) j["reason"] = e.reason;
  if (!e.ground.empty()) j["ground"] = e.ground;
  if (e.corrects) j["corrects"] = *e.corrects;
  if (e.voids) j["voids"] = true;
  if (e.new_date) j["new_date"] = e.new_date->iso();
  if (e.new_org) j["new_org"] = *e.new_org;
  if (e.new_ceremony_date) j["new_ceremony_date"] = e.new_ceremony_date->iso();
  if (!e.new_decision_no.empty()) j["new_decision_no"] = e.new_decision_no;
  if (!e.new_card_number.empty()) j["new_card_number"] = e.new_card_number;
  return j.dump();
}

Status decode_event_payload(const std::string& json_text, MemberEvent& e) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Error::io("Dữ liệu sự kiện bị hỏng.", "unreadable member_event payload");
  }
  auto date = [&](const char* key) -> std::optional<Date> {
    if (!j.contains(key)) return std::nullopt;
    auto d = Date::parse(j[key].get<std::string>());
    return d.ok() ? std::optional<Date>(*d) : std::nullopt;
  };
  auto text = [&](const char* key) { return j.contains(key) ? j[key].get<std::string>() : ""; };
  if (j.contains("mode"))
    e.mode = parse_transfer_mode(text("mode")).value_or(TransferMode::permanent);
  e.decision_no = text("decision_no");
  e.ceremony_date = date("ceremony_date");
  e.vote_date = date("vote_date");
  e.age_exception_ref = text("age_exception_ref");
  e.card_number = text("card_number");
  e.reason = text("reason");
  e.ground = text("ground");
  if (j.contains("corrects")) e.corrects = j["corrects"].get<EventId>();
  e.voids = j.value("voids", false);
  e.new_date = date("new_date");
  if (j.contains("new_org")) e.new_org = j["new_org"].get<OrgId>();
  e.new_ceremony_date = date("new_ceremony_date");
  e.new_decision_no = text("new_decision_no");
  e.new_card_number = text("new_card_number");
  return {};
}

}  // namespace dangvu::store
