// A member's Party badges recorded (issue 22): the committee's decision awarding badges for an
// occasion, to one member or a list at once (all or nothing), the day they were presented, a lost
// badge reissued, a mistaken record cancelled; each appended to the member's log and audited.
// Which badges a member holds, and the next one, read from the log (core/badge_award.h).
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/badge_award.h"
#include "service/registry.h"
#include "service/validate.h"
#include "store/badge_store.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxBadgeDecision = 2000;  // members of one decision

std::string badge_vi(int years) { return "Huy hiệu " + std::to_string(years) + " năm tuổi Đảng"; }

// A day that has come: required, an ISO date, not after today.
Result<Date> day_passed(const std::string& text, const std::string& field, const char* label,
                        Date today) {
  if (text.empty()) {
    return Error::invalid(field, std::string(label) + ": chưa ghi.", "missing day");
  }
  auto d = Date::parse(text, field);
  if (!d.ok()) return d.error();
  if (*d > today) {
    return Error::invalid(field, std::string(label) + " (" + d->vi() + ") chưa tới.",
                          "day in the future");
  }
  return d;
}

std::optional<Date> died_on(const MemberHistory& h) {
  for (const auto& p : h.periods) {
    if (p.status == MemberStatus::deceased) return p.from;
  }
  return std::nullopt;
}

// The last day on or before `d` the member was in the Party (the day before a death on or
// before it): the day whose org a write reaches.
Date last_day_in_party(const MemberHistory& h, Date d) {
  if (auto died = died_on(h); died && *died <= d) return died->add_days(-1);
  return d;
}

Error with_prefix(Error e, const std::string& prefix) {
  e.field = prefix + (e.field.empty() ? "member" : e.field);
  return e;
}

}  // namespace

Result<std::vector<BadgeRecordId>> Registry::record_badge_awards(const BadgeDecisionInput& in) {
  DANGVU_TRY(require_permission(auth::can_record_badges(caller_.role),
                                "ghi quyết định tặng Huy hiệu Đảng", "record Party badges"));
  const Date today = clock_.today();
  auto occasion = Date::parse(in.occasion, "occasion");
  if (!occasion.ok()) return occasion.error();
  DANGVU_TRY(check_badge_occasion(*occasion, rules_.badges));
  auto decision_no = text::clean_field(in.decision_no, "decision_no", 100);
  if (!decision_no.ok()) return decision_no.error();
  auto decided_by = text::clean_field(in.decided_by, "decided_by", 200);
  if (!decided_by.ok()) return decided_by.error();
  auto decided_on = day_passed(in.decided_on, "decided_on", "Ngày quyết định", today);
  if (!decided_on.ok()) return decided_on.error();
  std::optional<Date> presented_on;
  if (!in.presented_on.empty()) {
    auto d = day_passed(in.presented_on, "presented_on", "Ngày trao tặng", today);
    if (!d.ok()) return d.error();
    if (*d < *decided_on) {
      return Error::invalid(
          "presented_on",
          "Ngày trao tặng (" + d->vi() + ") trước ngày quyết định (" + decided_on->vi() + ").",
          "presented before the decision");
    }
    presented_on = *d;
  }
  if (in.members.empty()) {
    return Error::invalid("members", "Quyết định tặng Huy hiệu Đảng: chưa có đảng viên nào.",
                          "no member");
  }
  if (in.members.size() > kMaxBadgeDecision) {
    return Error::invalid("members",
                          "Một quyết định ghi tối đa " + std::to_string(kMaxBadgeDecision) +
                              " đảng viên; danh sách có " + std::to_string(in.members.size()) + ".",
                          "too many members in one decision");
  }
  struct Checked {
    std::string code;
    int years = 0;
    BadgeGround ground = BadgeGround::none;
  };
  std::vector<Checked> checked;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.members.size(); ++i) {
    const auto& m = in.members[i];
    const std::string prefix = in.single ? "" : "members[" + std::to_string(i) + "].";
    auto code = check_code(m.member_code, prefix + "member");
    if (!code.ok()) return code.error();
    if (!seen.insert(m.member_code).second) {
      return Error::invalid(prefix + "member",
                            "Đảng viên «" + m.member_code + "» đã có trong danh sách.",
                            "member twice in one decision");
    }
    if (!m.years) {
      return Error::invalid(prefix + "years", "Loại Huy hiệu: chưa ghi số năm tuổi Đảng.",
                            "missing years");
    }
    auto ground = m.ground.empty() ? std::optional<BadgeGround>(BadgeGround::none)
                                   : parse_badge_ground(m.ground);
    if (!ground) {
      return Error::invalid(prefix + "ground",
                            "Căn cứ «" + m.ground +
                                "» không hợp lệ (none: đủ tuổi Đảng, illness: bệnh hiểm nghèo, "
                                "posthumous: truy tặng).",
                            "unknown ground");
    }
    checked.push_back({m.member_code, *m.years, *ground});
  }
  std::vector<BadgeRecordId> ids;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    ids.clear();
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    const Scope held_scope = scope(**history);
    store::BadgeStore badges(store_);
    for (std::size_t i = 0; i < checked.size(); ++i) {
      const Checked& c = checked[i];
      const std::string prefix = in.single ? "" : "members[" + std::to_string(i) + "].";
      auto member = held_member(c.code, **history);
      if (!member.ok()) return with_prefix(member.error(), prefix);
      const MemberHistory& h = member->history;
      const auto died = died_on(h);
      const MemberStatus status = h.state_at(*decided_on).status;
      if (!is_member(status) && status != MemberStatus::deceased) {
        return Error::refused(prefix + "member", "badge.not_member",
                              "«" + c.code + "» không là đảng viên ngày " + decided_on->vi() +
                                  " (ngày quyết định): không tặng Huy hiệu Đảng.",
                              "not a member on the decision day");
      }
      const auto due = party_age_reached_on(h.first_admission, h.periods, c.years);
      if (!due) {
        return Error::refused(prefix + "member", "badge.not_member",
                              "«" + c.code + "» đang ở ngoài Đảng: tuổi Đảng không được tính.",
                              "outside the Party");
      }
      auto records = badges.records(member->record.id);
      if (!records.ok()) return records.error();
      DANGVU_TRY(check_badge_award(badges_held(*records),
                                   {c.years, *due, *occasion, c.ground, died}, rules_.badges,
                                   rules_.badge_years, prefix));
      const Date reach = last_day_in_party(h, std::min(*occasion, today));
      if (!held_scope.holds_member_at(h, reach)) {
        return history_outside_scope(c.code, reach, ScopeBreach::reaches);
      }
      BadgeRecord r;
      r.kind = BadgeRecordKind::award;
      r.years = c.years;
      r.ground = c.ground;
      r.occasion = *occasion;
      r.decision_no = *decision_no;
      r.decided_by = *decided_by;
      r.dated = *decided_on;
      r.recorded_at = clock_.now_iso();
      r.recorded_by = actor_;
      auto id = badges.append(member->record.id, r);
      if (!id.ok()) return id.error();
      ids.push_back(*id);
      const auto org = h.state_at(reach).org;
      json detail = {{"id", *id},
                     {"years", c.years},
                     {"occasion", occasion->iso()},
                     {"decision_no", *decision_no},
                     {"decided_by", *decided_by},
                     {"decided_on", decided_on->iso()}};
      if (c.ground != BadgeGround::none) detail["ground"] = std::string(to_string(c.ground));
      DANGVU_TRY(audit("badge.award", c.code, detail.dump(), org));
      if (!presented_on) continue;
      BadgeRecord p = r;
      p.kind = BadgeRecordKind::presentation;
      p.decision_no.clear();
      p.decided_by.clear();
      p.dated = *presented_on;
      p.refers = *id;
      auto pid = badges.append(member->record.id, p);
      if (!pid.ok()) return pid.error();
      DANGVU_TRY(audit("badge.present", c.code,
                       json{{"id", *pid},
                            {"award", *id},
                            {"years", c.years},
                            {"presented_on", presented_on->iso()}}
                           .dump(),
                       org));
    }
    return {};
  }));
  return ids;
}

Result<BadgeRecordId> Registry::record_badge_follow(const BadgeFollowInput& in) {
  DANGVU_TRY(require_permission(auth::can_record_badges(caller_.role), "ghi Huy hiệu Đảng",
                                "record Party badges"));
  DANGVU_TRY(check_code(in.member_code, "member"));
  const Date today = clock_.today();
  BadgeRecord r;
  r.kind = in.kind;
  switch (in.kind) {
    case BadgeRecordKind::award:
      return Error::invalid("kind", "Quyết định tặng ghi theo danh sách của đợt.",
                            "an award is recorded by record_badge_awards");
    case BadgeRecordKind::presentation: {
      auto d = day_passed(in.dated, "presented_on", "Ngày trao tặng", today);
      if (!d.ok()) return d.error();
      r.dated = *d;
      break;
    }
    case BadgeRecordKind::reissue: {
      auto d = day_passed(in.dated, "decided_on", "Ngày quyết định cấp lại", today);
      if (!d.ok()) return d.error();
      r.dated = *d;
      auto no = text::clean_field(in.decision_no, "decision_no", 100);
      if (!no.ok()) return no.error();
      r.decision_no = *no;
      auto by = text::clean_field(in.decided_by, "decided_by", 200);
      if (!by.ok()) return by.error();
      r.decided_by = *by;
      auto why = text::clean_field(in.reason, "reason", 200);
      if (!why.ok()) return why.error();
      r.note = *why;
      break;
    }
    case BadgeRecordKind::cancellation: {
      r.dated = today;
      auto why = text::clean_field(in.reason, "reason", 200);
      if (!why.ok()) return why.error();
      r.note = *why;
      break;
    }
  }
  BadgeRecordId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto member = held_member(in.member_code, **history);
    if (!member.ok()) return member.error();
    store::BadgeStore badges(store_);
    auto records = badges.records(member->record.id);
    if (!records.ok()) return records.error();
    const BadgeRecord* target = nullptr;
    for (const auto& x : *records) {
      if (x.id == in.record) target = &x;
    }
    const bool wants_award = in.kind != BadgeRecordKind::cancellation;
    if (target == nullptr || target->kind == BadgeRecordKind::cancellation ||
        (wants_award && target->kind != BadgeRecordKind::award)) {
      return Error::not_found("record",
                              std::string(wants_award ? "Đảng viên này không có quyết định tặng "
                                                        "Huy hiệu Đảng số "
                                                      : "Đảng viên này không có bản ghi Huy hiệu "
                                                        "Đảng số ") +
                                  std::to_string(in.record) + ".",
                              "badge record is not this member's");
    }
    if (badge_record_cancelled(*records, target->id)) {
      return Error::conflict("record", "Bản ghi số " + std::to_string(target->id) + " đã được hủy.",
                             "badge record cancelled");
    }
    if (in.kind == BadgeRecordKind::presentation) {
      for (const auto& h : badges_held(*records)) {
        if (h.award.id == target->id && h.presented_on) {
          return Error::conflict(
              "record",
              badge_vi(target->years) + " đã trao tặng ngày " + h.presented_on->vi() + ".",
              "badge already presented");
        }
      }
    }
    if (wants_award && r.dated < target->dated) {
      return Error::invalid(
          in.kind == BadgeRecordKind::presentation ? "presented_on" : "decided_on",
          "Ngày " + r.dated.vi() + " trước ngày quyết định tặng (" + target->dated.vi() + ").",
          "before the award's decision");
    }
    r.years = target->years;
    r.ground = target->ground;
    r.occasion = target->occasion;
    r.refers = target->id;
    r.recorded_at = clock_.now_iso();
    r.recorded_by = actor_;
    auto appended = badges.append(member->record.id, r);
    if (!appended.ok()) return appended.error();
    id = *appended;
    json detail = {{"id", id}, {"years", r.years}};
    const char* action = "badge.present";
    switch (in.kind) {
      case BadgeRecordKind::presentation:
        detail["award"] = target->id;
        detail["presented_on"] = r.dated.iso();
        break;
      case BadgeRecordKind::reissue:
        action = "badge.reissue";
        detail["award"] = target->id;
        detail["decision_no"] = r.decision_no;
        detail["decided_by"] = r.decided_by;
        detail["decided_on"] = r.dated.iso();
        detail["reason"] = r.note;
        break;
      default:
        action = "badge.cancel";
        detail["cancels"] = target->id;
        detail["reason"] = r.note;
        break;
    }
    return audit(action, in.member_code, detail.dump(), member->history.current().org);
  }));
  return id;
}

Result<MemberBadgesView> Registry::member_badges(const std::string& member_code) {
  DANGVU_TRY(check_code(member_code, "member"));
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  auto member = held_member(member_code, **history);
  if (!member.ok()) return member.error();
  auto records = store::BadgeStore(store_).records(member->record.id);
  if (!records.ok()) return records.error();
  MemberBadgesView v;
  v.member_code = member->record.code;
  v.name = member->record.person.full_name();
  v.first_admission = member->history.first_admission;
  v.held = badges_held(*records);
  v.records = *records;
  for (const auto& r : *records) {
    if (badge_record_cancelled(*records, r.id)) v.cancelled.push_back(r.id);
  }
  v.next_years = next_badge(highest_badge(v.held), rules_.badge_years);
  if (v.next_years) {
    v.next_due = party_age_reached_on(v.first_admission, member->history.periods, *v.next_years);
  }
  return v;
}

}  // namespace dangvu::service
