#include "core/badges.h"

#include <algorithm>

#include "core/enum_names.h"

namespace dangvu {

namespace {

constexpr EnumNames<BadgeGround, 3> kGroundNames = {{
    {BadgeGround::none, "none", "Đủ tuổi Đảng"},
    {BadgeGround::illness, "illness", "Tặng sớm do bệnh hiểm nghèo"},
    {BadgeGround::posthumous, "posthumous", "Truy tặng"},
}};

}  // namespace

std::string_view to_string(BadgeGround g) { return name_of(kGroundNames, g); }
std::string_view label_vi(BadgeGround g) { return label_of(kGroundNames, g); }
std::optional<BadgeGround> parse_badge_ground(std::string_view text) {
  return parse_of(kGroundNames, text);
}

Date badge_occasion_from(Date day, const BadgeRules& rules) {
  std::optional<Date> best;
  for (int year = day.year(); year <= day.year() + 1; ++year) {
    for (const auto& o : rules.occasions) {
      auto d = Date::from_ymd(year, o.month, o.day);
      if (d.ok() && *d >= day && (!best || *d < *best)) best = *d;
    }
  }
  return best.value_or(day);
}

Date badge_occasion_before(Date day, const BadgeRules& rules) {
  std::optional<Date> best;
  for (int year = day.year() - 1; year <= day.year(); ++year) {
    for (const auto& o : rules.occasions) {
      auto d = Date::from_ymd(year, o.month, o.day);
      if (d.ok() && *d < day && (!best || *d > *best)) best = *d;
    }
  }
  return best.value_or(day.add_days(-1));
}

Status check_badge_occasion(Date day, const BadgeRules& rules) {
  if (badge_occasion_from(day, rules) == day) return {};
  std::string days;
  for (const auto& o : rules.occasions) {
    auto d = Date::from_ymd(2024, o.month, o.day);
    if (d.ok()) days += (days.empty() ? "" : ", ") + d->vi().substr(0, 5);
  }
  return Error::invalid(
      "occasion",
      "Ngày " + day.vi() + " không phải một đợt trao tặng Huy hiệu Đảng (các đợt: " + days + ").",
      "not an occasion of the rule set");
}

std::optional<int> next_badge(std::optional<int> held, const std::vector<int>& badge_years) {
  std::optional<int> next;
  for (int y : badge_years) {
    if ((!held || y > *held) && (!next || y < *next)) next = y;
  }
  return next;
}

Status check_badge_proposal(const BadgeProposal& p, const BadgeRules& rules) {
  const std::string badge = "Huy hiệu " + std::to_string(p.years) + " năm tuổi Đảng";
  switch (p.ground) {
    case BadgeGround::none:
      if (p.died_on) {
        return Error::refused(
            "ground", "badge.posthumous",
            "Đảng viên đã từ trần: " + badge + " là truy tặng; hãy chọn căn cứ «truy tặng».",
            "a deceased member's badge is posthumous");
      }
      if (p.occasion < p.due) {
        return Error::refused("years", "badge.not_due",
                              "Đến ngày " + p.due.vi() + " đảng viên mới đủ " +
                                  std::to_string(p.years) + " năm tuổi Đảng; đợt " +
                                  p.occasion.vi() + " chưa được đề nghị tặng " + badge + ".",
                              "not yet due");
      }
      return {};
    case BadgeGround::illness: {
      if (p.died_on) {
        return Error::refused("ground", "badge.posthumous",
                              "Đảng viên đã từ trần: hãy chọn căn cứ «truy tặng».",
                              "a deceased member's badge is posthumous");
      }
      const int months =
          p.years <= rules.ill_short_max_years ? rules.ill_short_months : rules.ill_long_months;
      if (p.occasion < p.due.add_months(-months)) {
        return Error::refused("years", "badge.too_early",
                              "Đảng viên bị bệnh hiểm nghèo được đề nghị tặng sớm " + badge +
                                  " tối đa " + std::to_string(months) + " tháng; ngày " +
                                  p.due.vi() + " mới đủ tuổi Đảng, đợt " + p.occasion.vi() +
                                  " sớm hơn mức đó.",
                              "earlier than the illness allowance");
      }
      return {};
    }
    case BadgeGround::posthumous:
      if (!p.died_on) {
        return Error::refused("ground", "badge.not_deceased",
                              "Chỉ truy tặng Huy hiệu Đảng cho đảng viên đã từ trần.",
                              "posthumous for a living member");
      }
      if (*p.died_on < p.due.add_months(-rules.posthumous_months)) {
        return Error::refused("years", "badge.posthumous_early",
                              "Truy tặng " + badge + " khi đảng viên từ trần không quá " +
                                  std::to_string(rules.posthumous_months) +
                                  " tháng trước ngày đủ tuổi Đảng (" + p.due.vi() + ").",
                              "died too long before the badge would fall due");
      }
      return {};
  }
  return {};
}

}  // namespace dangvu
