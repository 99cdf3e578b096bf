#pragma once
// The rule set's numbers of the yearly quality rating of members (`rating` in the JSON file;
// core/rating.h and core/org_result.h use them): the scores each category starts at, the share of
// "xuất sắc" beyond which a decision is warned about, who is not rated. Quy định 366-QĐ/TW
// (30/8/2025), Điều 11, and Hướng dẫn 43-HD/BTCTW (31/10/2025); docs/rules.md names each source and
// what is UNCONFIRMED.
#include <string>
#include <string_view>

#include "core/result.h"

namespace dangvu {

struct RatingRules {
  // Scores out of 100 in tenths (89,9 is 899): a category from its minimum up to the next's.
  int excellent_min = 900;
  int good_min = 700;
  int completed_min = 500;
  // "Xuất sắc" beyond this share of those rated "hoàn thành tốt" in one decision is warned
  // about, never refused (a marked default: Nghị định 335/2025's rule for civil servants).
  int excellent_quota_percent = 20;
  // A member admitted less than this many months before the round's last day is reviewed but
  // not rated (Hướng dẫn 21-HD/BTCTW 2019; kept in 43-HD UNCONFIRMED).
  int min_months_admitted = 6;

  // Organizations (Điều 11 for collectives, as the press reported it; UNCONFIRMED): "xuất sắc"
  // needs at least this share of the tasks done beyond what was asked; "hoàn thành" allows at
  // most this share done late; an org founded less than this many months before the round's last
  // day is not rated (Hướng dẫn 21-HD/BTCTW 2019).
  int org_excellent_exceeding_percent = 30;
  int org_completed_late_max_percent = 20;
  int org_min_months = 6;

  // Reads `{"excellent_min": 900, …}` over these values, refusing a malformed one by its key.
  Status merge_json(std::string_view json_text);
  std::string to_json() const;
};

}  // namespace dangvu
