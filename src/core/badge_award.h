#pragma once
// A member's Party badges as recorded (issue 22: tặng Huy hiệu Đảng): the decision awarding a
// badge, the day it was presented, a lost badge reissued, each a record appended to the member's
// log and never edited; a mistake is cancelled by a record of its own. Which badges a member
// holds is folded from the log; a new award is checked against it and the rule set
// (core/badges.h): never the same badge twice, never a lower one after a higher.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/badge_rules.h"
#include "core/badges.h"
#include "core/date.h"
#include "core/result.h"

namespace dangvu {

using BadgeRecordId = std::int64_t;

enum class BadgeRecordKind {
  award,         // the decision awarding the badge (quyết định tặng)
  presentation,  // the day it was presented (trao tặng)
  reissue,       // a lost or damaged badge given again (cấp lại)
  cancellation,  // a mistaken record undone (hủy)
};
std::string_view to_string(BadgeRecordKind k);
std::string_view label_vi(BadgeRecordKind k);  // "Quyết định tặng", …
std::optional<BadgeRecordKind> parse_badge_record_kind(std::string_view text);

struct BadgeRecord {
  BadgeRecordId id = 0;  // 0 until stored; the order of recording
  BadgeRecordKind kind = BadgeRecordKind::award;
  int years = 0;                           // the badge: 30, 40, 45 … (an award's; others copy it)
  BadgeGround ground = BadgeGround::none;  // an award's
  Date occasion;                           // an award's: the day of presentation it is for
  std::string decision_no, decided_by;     // an award's or a reissue's decision
  Date dated;                              // decision day; presented day; cancelled day
  std::optional<BadgeRecordId> refers;     // a presentation's or reissue's award; the cancelled
  std::string note;                        // a reissue's cause; a cancellation's reason
  std::string recorded_at, recorded_by;
};

// A badge the member holds: its award in force, when it was presented, and its reissues.
struct BadgeHeld {
  BadgeRecord award;
  std::optional<Date> presented_on;
  std::vector<BadgeRecord> reissues;
};

// The badges a log gives (records in recording order), lowest first: a cancelled award is not
// held, and a cancelled presentation or reissue does not count.
std::vector<BadgeHeld> badges_held(const std::vector<BadgeRecord>& records);
// Whether a later record cancels `id`.
bool badge_record_cancelled(const std::vector<BadgeRecord>& records, BadgeRecordId id);
// The highest badge held whose occasion is before `before` (every one held when none).
std::optional<int> highest_badge(const std::vector<BadgeHeld>& held,
                                 std::optional<Date> before = std::nullopt);

// Refuses, naming the field and the rule, the award of `p.years` to a member holding `held`: a
// number of years that is not a badge of the rule set (badge.unknown), a badge held already
// (badge.held) or lower than one held (badge.lower), then check_badge_proposal's rules. The
// fields named are "years" and "ground" after `prefix` ("members[2].").
Status check_badge_award(const std::vector<BadgeHeld>& held, const BadgeProposal& p,
                         const BadgeRules& rules, const std::vector<int>& badge_years,
                         const std::string& prefix = "");

}  // namespace dangvu
