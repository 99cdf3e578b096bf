#include "core/rules.h"

#include <nlohmann/json.hpp>

#include "core/conference.h"

namespace dangvu {
namespace {

using nlohmann::json;

Error bad_rule(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules." + key, "Tệp quy tắc, khóa «" + key + "»: " + why_vi,
                        "rules file, key '" + key + "': " + why_en);
}

Result<int> read_int(const json& j, const std::string& key, int min, int max) {
  if (!j.is_number_integer()) return bad_rule(key, "phải là số nguyên.", "must be an integer");
  auto v = j.get<long long>();
  if (v < min || v > max) {
    return bad_rule(key,
                    "phải trong khoảng " + std::to_string(min) + "–" + std::to_string(max) + ".",
                    "out of range");
  }
  return static_cast<int>(v);
}

}  // namespace

bool RuleSet::parent_allowed(OrgKind child, const OrgKind* parent) const {
  auto it = allowed_parents.find(child);
  if (it == allowed_parents.end()) return false;
  return it->second.count(parent ? std::string(to_string(*parent)) : std::string("root")) > 0;
}

Result<RuleSet> RuleSet::from_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return Error::invalid("rules", "Tệp quy tắc không phải là một đối tượng JSON hợp lệ.",
                          "rules file is not a valid JSON object");
  }
  RuleSet r = defaults();
  const std::map<std::string, int*> ints = {
      {"admission_min_age_years", &r.admission_min_age_years},
      {"admission_max_age_years", &r.admission_max_age_years},
      {"probation_months", &r.probation_months},
      {"ceremony_due_working_days", &r.ceremony_due_working_days},
      {"recognition_review_working_days", &r.recognition_review_working_days},
      {"transfer_letter_days", &r.transfer_letter_days},
      {"branch_min_official_members", &r.branch_min_official_members},
      {"card_number_digits", &r.card_number_digits},
      {"conference_days_after_period", &r.conference_days_after_period},
      {"readmission_min_months", &r.readmission_min_months},
  };
  for (const auto& [key, value] : root.items()) {
    if (auto it = ints.find(key); it != ints.end()) {
      auto v = read_int(value, key, 0, 1200);
      if (!v.ok()) return v.error();
      *it->second = *v;
    } else if (key == "badge_years") {
      if (!value.is_array()) return bad_rule(key, "phải là danh sách số năm.", "must be an array");
      r.badge_years.clear();
      for (const auto& y : value) {
        auto v = read_int(y, key, 1, 120);
        if (!v.ok()) return v.error();
        r.badge_years.push_back(*v);
      }
    } else if (key == "allowed_parents") {
      if (!value.is_object()) return bad_rule(key, "phải là một đối tượng.", "must be an object");
      r.allowed_parents.clear();
      for (const auto& [child, parents] : value.items()) {
        auto kind = parse_org_kind(child);
        if (!kind)
          return bad_rule(key, "loại tổ chức «" + child + "» không tồn tại.", "unknown kind");
        if (!parents.is_array()) return bad_rule(key, "phải là danh sách.", "must be an array");
        for (const auto& p : parents) {
          if (!p.is_string() || (p != "root" && !parse_org_kind(p.get<std::string>()))) {
            return bad_rule(key, "loại tổ chức cấp trên không hợp lệ.", "unknown parent kind");
          }
          r.allowed_parents[*kind].insert(p.get<std::string>());
        }
      }
    } else if (key == "member_org_kinds") {
      if (!value.is_array()) return bad_rule(key, "phải là danh sách.", "must be an array");
      r.member_org_kinds.clear();
      for (const auto& k : value) {
        auto kind = k.is_string() ? parse_org_kind(k.get<std::string>()) : std::nullopt;
        if (!kind) return bad_rule(key, "loại tổ chức không hợp lệ.", "unknown kind");
        if (*kind == OrgKind::cluster) {
          return bad_rule(key, "cụm thi đua không phải tổ chức đảng, không có đảng viên sinh hoạt.",
                          "a cluster holds no members");
        }
        r.member_org_kinds.insert(*kind);
      }
    } else if (key == "readmission_after") {
      if (!value.is_array()) return bad_rule(key, "phải là danh sách.", "must be an array");
      r.readmission_after.clear();
      for (const auto& s : value) {
        auto st = s.is_string() ? parse_member_status(s.get<std::string>()) : std::nullopt;
        if (!st || !is_ended(*st)) return bad_rule(key, "trạng thái không hợp lệ.", "bad status");
        r.readmission_after.insert(*st);
      }
    } else if (key == "conference_quorum") {
      if (!value.is_object()) return bad_rule(key, "phải là một đối tượng.", "must be an object");
      for (const auto& [kind, q] : value.items()) {
        if (!parse_conference_kind(kind)) {
          return bad_rule(key, "loại hội nghị «" + kind + "» không tồn tại.", "unknown kind");
        }
        if (!q.is_object() || !q.contains("numerator") || !q.contains("denominator")) {
          return bad_rule(key, "mỗi loại cần numerator và denominator.", "needs a fraction");
        }
        QuorumRule rule;
        auto num = read_int(q["numerator"], key, 0, 100);
        if (!num.ok()) return num.error();
        auto den = read_int(q["denominator"], key, 1, 100);
        if (!den.ok()) return den.error();
        if (*num > *den) return bad_rule(key, "tử số lớn hơn mẫu số.", "fraction above one");
        rule.numerator = *num;
        rule.denominator = *den;
        if (q.contains("more_than")) {
          if (!q["more_than"].is_boolean()) {
            return bad_rule(key, "more_than phải là true hoặc false.", "more_than must be boolean");
          }
          rule.more_than = q["more_than"].get<bool>();
        }
        for (auto field = q.begin(); field != q.end(); ++field) {
          const std::string& k = field.key();
          if (k != "numerator" && k != "denominator" && k != "more_than") {
            return bad_rule(key, "khóa «" + k + "» không được hỗ trợ.", "unknown key");
          }
        }
        r.conference_quorum[kind] = rule;
      }
    } else if (key == "readmission_once") {
      if (!value.is_boolean()) return bad_rule(key, "phải là true hoặc false.", "must be boolean");
      r.readmission_once = value.get<bool>();
    } else if (key == "catalogs") {
      DANGVU_TRY(r.catalogs.merge_json(value.dump()));
    } else if (key == "statistics") {
      DANGVU_TRY(r.statistics.merge_json(value.dump()));
    } else if (key == "admission") {
      DANGVU_TRY(r.admission.merge_json(value.dump()));
    } else if (key == "dues") {
      DANGVU_TRY(r.dues.merge_json(value.dump()));
    } else if (key == "badges") {
      DANGVU_TRY(r.badges.merge_json(value.dump()));
    } else if (key == "rating") {
      DANGVU_TRY(r.rating.merge_json(value.dump()));
    } else if (key == "emulation") {
      DANGVU_TRY(r.emulation.merge_json(value.dump()));
    } else if (key == "report_outline") {
      if (!value.is_array() || value.empty()) {
        return bad_rule(key, "phải là danh sách các phần của báo cáo.",
                        "must be a non-empty array");
      }
      r.report_outline.clear();
      for (const auto& item : value) {
        if (!item.is_object() || !item.contains("key") || !item["key"].is_string() ||
            !item.contains("heading") || !item["heading"].is_string()) {
          return bad_rule(key, "mỗi phần cần key và heading.",
                          "each section needs key and heading");
        }
        ReportSection section{item["key"].get<std::string>(), 1,
                              item["heading"].get<std::string>()};
        bool known = false;
        for (auto k : kReportSectionKeys) known = known || k == section.key;
        if (!known) {
          return bad_rule(key, "phần «" + section.key + "» không có trong báo cáo.",
                          "unknown section key");
        }
        if (item.contains("level")) {
          auto level = read_int(item["level"], key, 1, 2);
          if (!level.ok()) return level.error();
          section.level = *level;
        }
        r.report_outline.push_back(std::move(section));
      }
    } else {
      return bad_rule(key, "khóa không được hỗ trợ.", "unknown key");
    }
  }
  if (r.admission_min_age_years > r.admission_max_age_years) {
    return bad_rule("admission_min_age_years", "lớn hơn tuổi tối đa.", "min age above max age");
  }
  return r;
}

std::string RuleSet::to_json() const {
  json j;
  j["admission_min_age_years"] = admission_min_age_years;
  j["admission_max_age_years"] = admission_max_age_years;
  j["probation_months"] = probation_months;
  j["ceremony_due_working_days"] = ceremony_due_working_days;
  j["recognition_review_working_days"] = recognition_review_working_days;
  j["transfer_letter_days"] = transfer_letter_days;
  j["branch_min_official_members"] = branch_min_official_members;
  j["card_number_digits"] = card_number_digits;
  j["conference_days_after_period"] = conference_days_after_period;
  j["catalogs"] = json::parse(catalogs.to_json());
  j["statistics"] = json::parse(statistics.to_json());
  j["admission"] = json::parse(admission.to_json());
  j["dues"] = json::parse(dues.to_json());
  j["badge_years"] = badge_years;
  j["badges"] = json::parse(badges.to_json());
  j["rating"] = json::parse(rating.to_json());
  j["emulation"] = json::parse(emulation.to_json());
  json parents = json::object();
  for (const auto& [child, ps] : allowed_parents) parents[std::string(to_string(child))] = ps;
  j["allowed_parents"] = parents;
  json kinds = json::array();
  for (auto k : member_org_kinds) kinds.push_back(std::string(to_string(k)));
  j["member_org_kinds"] = kinds;
  json after = json::array();
  for (auto s : readmission_after) after.push_back(std::string(to_string(s)));
  j["readmission_after"] = after;
  j["readmission_min_months"] = readmission_min_months;
  j["readmission_once"] = readmission_once;
  json quorum = json::object();
  for (const auto& [kind, q] : conference_quorum) {
    quorum[kind] = {
        {"numerator", q.numerator}, {"denominator", q.denominator}, {"more_than", q.more_than}};
  }
  j["conference_quorum"] = quorum;
  json outline = json::array();
  for (const auto& section : report_outline) {
    outline.push_back(
        {{"key", section.key}, {"level", section.level}, {"heading", section.heading}});
  }
  j["report_outline"] = outline;
  return j.dump(2);
}

}  // namespace dangvu
