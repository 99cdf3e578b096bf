#include "core/emulation_rules.h"

#include <set>

#include <nlohmann/json.hpp>

namespace dangvu {
namespace {

using nlohmann::json;

Error bad(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules.emulation", "Tệp quy tắc, khóa «emulation." + key + "»: " + why_vi,
                        "rules file, key 'emulation." + key + "': " + why_en);
}

bool is_code(const std::string& s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

std::vector<EmulationTitle> EmulationRules::defaults() {
  const std::vector<OrgKind> branches = {OrgKind::grassroots_branch, OrgKind::sub_branch};
  return {
      {"chi_bo_bon_tot", "Chi bộ bốn tốt", branches,
       "Chính trị tư tưởng tốt; tổ chức, sinh hoạt tốt; đội ngũ cán bộ, đảng viên tốt; lãnh đạo "
       "thực hiện nhiệm vụ chính trị tốt.",
       "Phong trào thi đua xây dựng «chi bộ bốn tốt», «đảng bộ cơ sở bốn tốt» (seed 001); tiêu "
       "chí theo kế hoạch của cấp ủy (UNCONFIRMED)"},
      {"dang_bo_co_so_bon_tot",
       "Đảng bộ cơ sở bốn tốt",
       {OrgKind::grassroots_committee},
       "Chính trị tư tưởng tốt; tổ chức, sinh hoạt tốt; đội ngũ cán bộ, đảng viên tốt; lãnh đạo "
       "thực hiện nhiệm vụ chính trị tốt; các chi bộ trực thuộc đạt «Chi bộ bốn tốt».",
       "Phong trào thi đua xây dựng «chi bộ bốn tốt», «đảng bộ cơ sở bốn tốt» (seed 001); tiêu "
       "chí theo kế hoạch của cấp ủy (UNCONFIRMED)"},
      {"dan_van_kheo",
       "Mô hình «Dân vận khéo»",
       {OrgKind::grassroots_committee, OrgKind::grassroots_branch, OrgKind::sub_branch},
       "Mô hình, điển hình «Dân vận khéo» được xây dựng, duy trì và nhân rộng trong kỳ.",
       "Phong trào thi đua «Dân vận khéo» (seed 004); tiêu chí theo hướng dẫn của Ban Dân vận "
       "(UNCONFIRMED)"},
  };
}

const EmulationTitle* EmulationRules::find(std::string_view code) const {
  for (const auto& t : titles) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

Status EmulationRules::merge_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return bad("", "phải là một đối tượng.", "must be an object");
  }
  EmulationRules next = *this;
  for (const auto& [key, value] : root.items()) {
    if (key != "titles") return bad(key, "khóa không có.", "unknown key");
    if (!value.is_array()) return bad(key, "phải là một danh sách.", "must be an array");
    next.titles.clear();
    std::set<std::string> codes;
    for (const auto& item : value) {
      EmulationTitle t;
      if (!item.is_object() || !item.contains("code") || !item["code"].is_string() ||
          !item.contains("label") || !item["label"].is_string() || !item.contains("org_kinds") ||
          !item["org_kinds"].is_array()) {
        return bad(key, "mỗi danh hiệu cần code, label và org_kinds.",
                   "each title needs code, label and org_kinds");
      }
      t.code = item["code"].get<std::string>();
      t.label = item["label"].get<std::string>();
      if (!is_code(t.code) || !codes.insert(t.code).second) {
        return bad(key, "mã «" + t.code + "» không hợp lệ hoặc trùng (chữ thường, số, dấu _).",
                   "bad or repeated code");
      }
      if (t.label.empty() || t.label.size() > 200) {
        return bad(key, "tên danh hiệu «" + t.code + "» trống hoặc quá dài.", "bad label");
      }
      for (const auto& k : item["org_kinds"]) {
        auto kind = k.is_string() ? parse_org_kind(k.get<std::string>()) : std::nullopt;
        if (!kind) {
          return bad(key, "loại tổ chức của «" + t.code + "» không hợp lệ.", "unknown org kind");
        }
        t.org_kinds.push_back(*kind);
      }
      if (t.org_kinds.empty()) {
        return bad(key, "danh hiệu «" + t.code + "» chưa ghi loại tổ chức.", "no org kind");
      }
      if (item.contains("criteria") && item["criteria"].is_string()) {
        t.criteria = item["criteria"].get<std::string>();
      }
      if (item.contains("source") && item["source"].is_string()) {
        t.source = item["source"].get<std::string>();
      }
      next.titles.push_back(std::move(t));
    }
  }
  *this = next;
  return {};
}

std::string EmulationRules::to_json() const {
  json titles_json = json::array();
  for (const auto& t : titles) {
    json kinds = json::array();
    for (OrgKind k : t.org_kinds) kinds.push_back(std::string(to_string(k)));
    titles_json.push_back({{"code", t.code},
                           {"label", t.label},
                           {"org_kinds", kinds},
                           {"criteria", t.criteria},
                           {"source", t.source}});
  }
  return json{{"titles", titles_json}}.dump();
}

}  // namespace dangvu
