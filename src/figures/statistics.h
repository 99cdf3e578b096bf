#pragma once
// The member statistics of an org's subtree for a period (biểu thống kê of the Organization
// Commission): members carried over, increases and decreases by kind, members at the end (the
// engine's stocks), all members analysed as of the period's end (women, probationary, ethnic
// minorities, religious, Youth Union, occupation, age, era of admission, education,
// qualification, degree, academic title, political theory), the new members of the period
// analysed the same way and by ethnicity and religion, and the orgs by kind — with the identities
// the forms rest on (D = A + B − C; each analysis adds up to its total) checked, never forced.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_history.h"
#include "core/org_tree.h"
#include "core/rules.h"
#include "store/store.h"

namespace dangvu::figures {

struct StatLine {
  std::string id;     // stable within its table: "increase.admitted", "age.0"
  std::string label;  // "Kết nạp mới"
  int level = 0;      // 0: a heading line, 1: a line, 2: "trong đó" under the line above
  std::int64_t value = 0;
  std::optional<double> decimal;  // a line whose value is not a count (the average age)
};

struct StatTable {
  std::string id;     // "increase_decrease", "all_members", "new_members", "new_by_ethnicity", …
  std::string title;  // "Biểu 1. Tăng, giảm đảng viên"
  std::vector<StatLine> lines;
  const StatLine* find(const std::string& line_id) const;
};

// An identity of the forms on these figures.
struct StatCheck {
  std::string id;  // "identity.d_equals_a_plus_b_minus_c"
  bool holds = true;
  std::string message;  // Vietnamese: what should hold and, when it does not, by how much
};

struct MemberStatistics {
  Date from, to;
  std::vector<StatTable> tables;
  std::vector<StatCheck> checks;
  const StatTable* find(const std::string& table_id) const;
};

struct StatisticsInput {
  const OrgHistory& history;
  const OrgTree& tree_at_end;  // the tree as of `to`
  OrgId root = 0;
  Date from, to;
  std::int64_t members_at_start = 0;  // the engine's stock on the day before `from`
  std::int64_t members_at_end = 0;    // on `to`
  const RuleSet& rules;
};

// A line of this period beside the same period a year before.
struct ComparedLine {
  std::string id, label;
  int level = 0;
  bool decimal = false;             // the average age: one decimal, no ratio
  std::optional<double> value;      // none: nothing to average
  std::optional<double> last_year;  // none: not computed then (the org did not stand)
  std::optional<double> percent;    // value / last_year × 100; none when last year was 0
};
struct ComparedTable {
  std::string id, title;
  std::vector<ComparedLine> lines;
};
std::vector<ComparedTable> compare(const MemberStatistics& now, const MemberStatistics* last_year);

// The statistics of each input (this period and the same period a year before), from one scan
// of the member profiles.
Result<std::vector<MemberStatistics>> member_statistics(store::Store& store,
                                                        const std::vector<StatisticsInput>& inputs);

// Whether `org` sat in the subtree of `root` on `on` (walking its parents as they were then).
bool within_on(const OrgHistory& history, OrgId org, OrgId root, Date on);

}  // namespace dangvu::figures
