#pragma once
// What the Party badge use cases give (service/badges_due.cpp): who reaches a badge's years for an
// occasion of presentation in an org's subtree (core/badges.h).
#include <map>
#include <string>
#include <vector>

#include "core/date.h"

namespace dangvu::service {

// A member whose party age reaches a badge's years after the occasion before and by this one.
struct BadgeDueRow {
  std::string member_code, name;
  std::string org_code, org_name;  // the member's org on the occasion's day
  Date first_admission;            // the admission decision the age counts from
  int years = 0;                   // the badge
  Date due;                        // the day the party age reaches it
  bool gap = false;                // the age was put back by time outside the Party
};

struct BadgesDueView {
  std::string org_code, org_name;
  Date occasion;  // the day of presentation asked for
  Date previous;  // the occasion before it: rows fall due after it
  Date as_of;     // the day the subtree and its members are taken on (today for a later occasion)
  std::vector<BadgeDueRow> rows;  // by badge (highest first), then org code, then name
  std::map<int, int> by_years;    // how many for each badge
};

}  // namespace dangvu::service
