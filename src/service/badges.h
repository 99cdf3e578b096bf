#pragma once
// What the Party badge use cases give (service/badges_due.cpp): who reaches a badge's years for an
// occasion of presentation in an org's subtree (core/badges.h).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/badge_award.h"
#include "core/date.h"

namespace dangvu::service {

// A member whose party age reaches a badge's years after the occasion before and by this one.
struct BadgeDueRow {
  std::string member_code, name;
  Date birth;
  std::string org_code, org_name;  // the member's org on the occasion's day
  Date first_admission;            // the admission decision the age counts from
  int years = 0;                   // the badge
  Date due;                        // the day the party age reaches it
  bool gap = false;                // the age was put back by time outside the Party
  bool overdue = false;            // due by the occasion before, and not awarded since
  std::optional<int> held;         // the highest badge awarded before this occasion
  std::optional<BadgeHeld> award;  // the award recorded for this occasion, if any
};

struct BadgesDueView {
  std::string org_code, org_name;
  Date occasion;  // the day of presentation asked for
  Date previous;  // the occasion before it: rows fall due after it, or are overdue
  Date as_of;     // the day the subtree and its members are taken on (today for a later occasion)
  std::vector<BadgeDueRow> rows;  // by badge (highest first), then org code, then name
  std::map<int, int> by_years;    // how many for each badge
  int awarded = 0;                // rows with an award recorded for this occasion
};

// One member of a decision awarding badges (service/badge_actions.cpp).
struct BadgeAwardInput {
  std::string member_code = {};
  std::optional<int> years = {};
  std::string ground = {};  // "none" when empty; "illness", "posthumous"
};

// A decision awarding badges for an occasion, to one member or a list: appended for each member
// in one transaction, or nothing when any is refused.
struct BadgeDecisionInput {
  std::string occasion = {};  // ISO, one of the rule set's days
  std::string decision_no = {}, decided_by = {}, decided_on = {};
  std::string presented_on = {};  // ISO; when the badges were presented already
  std::vector<BadgeAwardInput> members = {};
  bool single = false;  // one member's (the member's page): fields named without "members[i]."
};

// A record about an award of the member: its presentation, a reissue, or a cancellation of any
// record of the member's badges.
struct BadgeFollowInput {
  std::string member_code = {};
  BadgeRecordKind kind = BadgeRecordKind::presentation;
  long long record = 0;    // the award (presentation, reissue) or the record cancelled
  std::string dated = {};  // presentation: the day; reissue: the decision's day
  std::string decision_no = {}, decided_by = {};  // reissue
  std::string reason = {};                        // reissue: why; cancellation: why
};

// A member's badges: what is held, the log, and the next badge.
struct MemberBadgesView {
  std::string member_code, name;
  std::optional<Date> first_admission;
  std::vector<BadgeHeld> held;       // lowest first
  std::vector<BadgeRecord> records;  // every record, in the order recorded
  std::vector<BadgeRecordId> cancelled;
  std::optional<int> next_years;  // the next badge of the rule set, if any is left
  std::optional<Date> next_due;   // the day it falls due (none while outside the Party)
};

}  // namespace dangvu::service
