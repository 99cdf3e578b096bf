#include "service/audit_changes.h"

#include <nlohmann/json.hpp>

#include "auth/role.h"
#include "core/activity.h"
#include "core/audit_labels.h"
#include "core/conference.h"
#include "core/date.h"
#include "core/field_labels.h"
#include "core/issuer.h"
#include "core/member.h"
#include "core/org.h"
#include "core/period.h"

namespace dangvu::service {
namespace {

using nlohmann::json;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

template <typename E>
std::string label_or_empty(const std::optional<E>& v) {
  return v ? std::string(label_vi(*v)) : std::string();
}

// The Vietnamese label of a code the action records under `key` ("admission", "regular",
// "present", "2026-H1" …); empty when the value is no code of a kind the key holds there.
std::string code_label(std::string_view action, std::string_view key, std::string_view v) {
  if (key == "kind") {
    if (starts_with(action, "member.")) return label_or_empty(parse_member_event_kind(v));
    if (starts_with(action, "org.")) return label_or_empty(parse_org_kind(v));
    if (action == "meeting.add") return label_or_empty(parse_meeting_kind(v));
    if (action == "inspection.add" || action == "supervision.add") {
      return label_or_empty(parse_oversight_kind(v));
    }
    if (action == "conference.add") return label_or_empty(parse_conference_kind(v));
    if (action == "conference.item") return label_or_empty(parse_item_kind(v));
    if (action == "conference.decision") return label_or_empty(parse_decision_kind(v));
  }
  if (key == "mode") {
    if (starts_with(action, "member.")) return label_or_empty(parse_transfer_mode(v));
    if (action == "conference.site") return label_or_empty(parse_site_mode(v));
  }
  if (key == "status") {
    if (starts_with(action, "conference.attendance")) return label_or_empty(parse_attendance(v));
    if (action == "task.status") return label_or_empty(parse_task_event_kind(v));
  }
  if (key == "quality") return label_or_empty(parse_meeting_quality(v));
  if (key == "basis") return label_or_empty(parse_oversight_basis(v));
  if (key == "position") return label_or_empty(parse_office_position(v));
  if (key == "role") {
    auto role = auth::parse_role(v);
    return role ? std::string(auth::label_vi(*role)) : std::string();
  }
  if (key == "period" || key == "for_period") {
    auto period = Period::parse(v, key);
    return period.ok() ? period->label_vi() : std::string();
  }
  if (key == "reason" && action == "oversight.reassign" && v == "cluster_is_not_a_party_body") {
    return "cụm thi đua không phải tổ chức đảng";
  }
  return "";
}

// "2026-06-01" → "01/06/2026"; anything else stays as it is.
std::string date_or_text(const std::string& v) {
  if (v.size() == 10 && v[4] == '-' && v[7] == '-') {
    auto d = Date::parse(v);
    if (d.ok()) return d->vi();
  }
  return v;
}

std::string label_of_key(std::string_view key, std::string_view action) {
  std::string label = field_label(key, action);
  return label.empty() ? std::string(key) : label;
}

struct Writer {
  std::string_view action;
  const std::function<std::string(long long)>& org_code;

  std::string value(std::string_view key, const json& v, bool in_list = false) const {
    if (v.is_null()) return "";
    if (v.is_boolean()) return v.get<bool>() ? "Có" : "Không";
    if (v.is_number_integer()) {
      const long long n = v.get<long long>();
      if ((key == "from_org" || key == "to_org") && org_code) {
        std::string code = org_code(n);
        if (!code.empty()) return code;
      }
      return std::to_string(n);
    }
    if (v.is_number()) return v.dump();
    if (v.is_string()) {
      const auto& text = v.get_ref<const std::string&>();
      std::string label = code_label(action, key, text);
      return label.empty() ? date_or_text(text) : label;
    }
    if (v.is_array()) {
      std::string out;
      for (const auto& item : v) {
        std::string one = value(key, item, true);
        if (one.empty()) continue;
        if (!out.empty()) out += ", ";
        out += one;
      }
      return out;
    }
    // An object: "Nhãn: giá trị; …" (in a list, each in parentheses); "before_<key>" beside
    // its key, "Nhãn: cũ → mới".
    std::string out;
    for (const auto& [k, item] : v.items()) {
      if (starts_with(k, "before_") && v.contains(k.substr(7))) continue;
      std::string one = value(k, item);
      if (auto old = v.find("before_" + k); old != v.end()) {
        std::string was = value(k, *old);
        if (!was.empty() && was != one) one = was + " → " + one;
      }
      if (one.empty()) continue;
      if (!out.empty()) out += "; ";
      out += label_of_key(k, action) + ": " + one;
    }
    return in_list && !out.empty() ? "(" + out + ")" : out;
  }
};

}  // namespace

std::vector<AuditChangeView> audit_changes(std::string_view action, const std::string& detail_json,
                                           const std::function<std::string(long long)>& org_code) {
  std::vector<AuditChangeView> out;
  const json detail = json::parse(detail_json, nullptr, false);
  if (detail.is_discarded() || !detail.is_object()) return out;
  const Writer w{action, org_code};
  const std::string plain_before(before_of(action));
  static constexpr std::string_view kBefore = "before_";
  const auto old_value = [&](const std::string& key) -> const json* {
    if (auto it = detail.find(std::string(kBefore) + key); it != detail.end()) return &*it;
    if (!plain_before.empty() && key == plain_before) {
      if (auto it = detail.find("before"); it != detail.end()) return &*it;
    }
    return nullptr;
  };
  const auto add = [&](const std::string& key, const json* before, const json* after) {
    AuditChangeView c{key, label_of_key(key, action), before ? w.value(key, *before) : "",
                      after ? w.value(key, *after) : ""};
    if (c.before.empty() && c.after.empty()) return;
    out.push_back(std::move(c));
  };
  for (const auto& [key, value] : detail.items()) {
    if (starts_with(key, kBefore)) {
      // An old value whose key the entry did not record: a change to nothing.
      const std::string of = key.substr(kBefore.size());
      if (!detail.contains(of)) add(of, &value, nullptr);
      continue;
    }
    if (key == "before" && !plain_before.empty()) {
      if (!detail.contains(plain_before)) add(plain_before, &value, nullptr);
      continue;
    }
    add(key, old_value(key), &value);
  }
  return out;
}

}  // namespace dangvu::service
