// A member's dossier: read as of a date, changed by appended records.
#include "api/routes.h"
#include "service/registry.h"

namespace dangvu::api {
namespace {

using nlohmann::json;

Error wrong(const std::string& field, const char* what_vi, const char* what_en) {
  return Error::invalid(field, "Trường «" + field + "»: phải là " + what_vi + ".",
                        "field '" + field + "': expected " + what_en);
}

Result<service::DossierChangeInput> read_change(const json& item, std::size_t i) {
  const std::string at = "changes[" + std::to_string(i) + "]";
  if (!item.is_object()) return wrong(at, "một đối tượng", "an object");
  service::DossierChangeInput c;
  for (const auto& [key, value] : item.items()) {
    const std::string name = at + "." + key;
    if (key == "replaces") {
      if (!value.is_number_integer() || value.get<long long>() <= 0) {
        return wrong(name, "số của một bản ghi", "a record number");
      }
      c.replaces = value.get<long long>();
      continue;
    }
    std::string* target = key == "field"   ? &c.field
                          : key == "value" ? &c.value
                          : key == "from"  ? &c.from
                          : key == "note"  ? &c.note
                                           : nullptr;
    if (target == nullptr) {
      return Error::invalid(name, "Trường «" + name + "» không được hỗ trợ.", "unknown field");
    }
    if (!value.is_string()) return wrong(name, "chuỗi ký tự", "a string");
    *target = value.get<std::string>();
  }
  for (const char* required : {"field", "from"}) {
    if (!item.contains(required)) {
      const std::string name = at + "." + required;
      return Error::invalid(name, "Trường «" + name + "»: cần nhập.", "required field missing");
    }
  }
  if (!item.contains("value")) {
    const std::string name = at + ".value";
    return Error::invalid(name, "Trường «" + name + "»: cần nhập (để trống là không còn).",
                          "required field missing");
  }
  return c;
}

Status get_dossier(RequestContext& ctx) {
  auto v = registry(ctx).dossier(ctx.path_params.at(0), ctx.query("at"));
  if (!v.ok()) return v.error();
  auto record = [](const service::DossierRecordView& r) {
    return json{{"id", r.record.id},
                {"value", r.record.value},
                {"value_label", r.value_label},
                {"from", r.record.from.iso()},
                {"note", r.record.note},
                {"recorded_at", r.record.recorded_at},
                {"recorded_by", r.record.recorded_by}};
  };
  json facts = json::array();
  for (const auto& f : v->facts) {
    json history = json::array();
    for (const auto& r : f.history) history.push_back(record(r));
    facts.push_back({{"field", f.field},
                     {"current", f.current ? record(*f.current) : json(nullptr)},
                     {"history", history}});
  }
  json records = json::array();
  for (const auto& r : v->records) {
    json j = record(r);
    j["field"] = r.record.field;
    j["replaces"] = r.record.replaces ? json(*r.record.replaces) : json(nullptr);
    j["replaced"] = r.replaced;
    records.push_back(std::move(j));
  }
  ctx.out = {{"member", v->member_code},
             {"at", v->at.iso()},
             {"sensitive_shown", v->sensitive_shown},
             {"facts", facts},
             {"records", records}};
  if (v->admission_gaps) {
    json gaps = json::array();
    for (const auto& g : *v->admission_gaps) {
      gaps.push_back({{"field", g.field}, {"rule", g.rule}, {"message", g.message_vi}});
    }
    ctx.out["admission_gaps"] = gaps;
  }
  return {};
}

Status record_dossier(RequestContext& ctx) {
  service::DossierInput in;
  in.member_code = ctx.path_params.at(0);
  auto changes = ctx.body.find("changes");
  if (changes == ctx.body.end() || !changes->is_array()) {
    return wrong("changes", "danh sách các thay đổi", "an array of changes");
  }
  for (const auto& [key, value] : ctx.body.items()) {
    if (key != "changes") {
      return Error::invalid(key, "Trường «" + key + "» không được hỗ trợ.", "unknown field");
    }
  }
  for (std::size_t i = 0; i < changes->size(); ++i) {
    auto c = read_change((*changes)[i], i);
    if (!c.ok()) return c.error();
    in.changes.push_back(std::move(*c));
  }
  auto ids = registry(ctx).record_dossier(in);
  if (!ids.ok()) return ids.error();
  ctx.status = 201;
  ctx.out = {{"member", in.member_code}, {"ids", *ids}};
  return {};
}

}  // namespace

void add_dossier_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/members/{code}/dossier", Access::ready, get_dossier});
  routes.push_back({"POST", "/api/v1/members/{code}/dossier", Access::ready, record_dossier});
}

}  // namespace dangvu::api
