#include "core/badge_award.h"

#include <algorithm>

#include "core/enum_names.h"

namespace dangvu {

namespace {

constexpr EnumNames<BadgeRecordKind, 4> kKindNames = {{
    {BadgeRecordKind::award, "award", "Quyết định tặng"},
    {BadgeRecordKind::presentation, "presentation", "Trao tặng"},
    {BadgeRecordKind::reissue, "reissue", "Cấp lại"},
    {BadgeRecordKind::cancellation, "cancellation", "Hủy bản ghi"},
}};

std::string badge_vi(int years) { return "Huy hiệu " + std::to_string(years) + " năm tuổi Đảng"; }

}  // namespace

std::string_view to_string(BadgeRecordKind k) { return name_of(kKindNames, k); }
std::string_view label_vi(BadgeRecordKind k) { return label_of(kKindNames, k); }
std::optional<BadgeRecordKind> parse_badge_record_kind(std::string_view text) {
  return parse_of(kKindNames, text);
}

bool badge_record_cancelled(const std::vector<BadgeRecord>& records, BadgeRecordId id) {
  return std::any_of(records.begin(), records.end(), [&](const BadgeRecord& r) {
    return r.kind == BadgeRecordKind::cancellation && r.refers == id;
  });
}

std::vector<BadgeHeld> badges_held(const std::vector<BadgeRecord>& records) {
  std::vector<BadgeHeld> held;
  for (const auto& r : records) {
    if (r.kind != BadgeRecordKind::award || badge_record_cancelled(records, r.id)) continue;
    held.push_back({r, std::nullopt, {}});
  }
  for (const auto& r : records) {
    if (r.kind != BadgeRecordKind::presentation && r.kind != BadgeRecordKind::reissue) continue;
    if (badge_record_cancelled(records, r.id)) continue;
    for (auto& h : held) {
      if (r.refers != h.award.id) continue;
      if (r.kind == BadgeRecordKind::reissue) {
        h.reissues.push_back(r);
      } else if (!h.presented_on) {
        h.presented_on = r.dated;
      }
    }
  }
  std::stable_sort(held.begin(), held.end(), [](const BadgeHeld& a, const BadgeHeld& b) {
    return a.award.years < b.award.years;
  });
  return held;
}

std::optional<int> highest_badge(const std::vector<BadgeHeld>& held, std::optional<Date> before) {
  std::optional<int> highest;
  for (const auto& h : held) {
    if (before && h.award.occasion >= *before) continue;
    if (!highest || h.award.years > *highest) highest = h.award.years;
  }
  return highest;
}

Status check_badge_award(const std::vector<BadgeHeld>& held, const BadgeProposal& p,
                         const BadgeRules& rules, const std::vector<int>& badge_years,
                         const std::string& prefix) {
  if (std::find(badge_years.begin(), badge_years.end(), p.years) == badge_years.end()) {
    std::string list;
    for (int y : badge_years) list += (list.empty() ? "" : ", ") + std::to_string(y);
    return Error::refused(prefix + "years", "badge.unknown",
                          std::to_string(p.years) +
                              " năm không phải một loại Huy hiệu Đảng (các loại: " + list +
                              " năm tuổi Đảng).",
                          "not a badge of the rule set");
  }
  for (const auto& h : held) {
    if (h.award.years == p.years) {
      return Error::refused(prefix + "years", "badge.held",
                            "Đảng viên đã được tặng " + badge_vi(p.years) + " (quyết định " +
                                h.award.decision_no + " ngày " + h.award.dated.vi() + ").",
                            "badge already awarded");
    }
  }
  for (const auto& h : held) {
    if (h.award.years > p.years) {
      return Error::refused(prefix + "years", "badge.lower",
                            "Đảng viên đã được tặng " + badge_vi(h.award.years) +
                                ": không tặng huy hiệu thấp hơn (" + std::to_string(p.years) +
                                " năm).",
                            "a lower badge after a higher one");
    }
  }
  auto checked = check_badge_proposal(p, rules);
  if (!checked.ok()) {
    Error e = checked.error();
    e.field = prefix + e.field;
    return e;
  }
  return {};
}

}  // namespace dangvu
