#pragma once
// The rule set's Party badge numbers (`badges` in the JSON file; core/badges.h uses them): the
// occasions a badge is presented on, and how early a proposal may come. docs/rules.md names
// each source.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dangvu {

struct BadgeOccasion {
  int month = 0, day = 0;  // 19/5: {5, 19}
};

struct BadgeRules {
  // Presented on these days each year (Hướng dẫn 01-HD/TW 2021, mục 18).
  std::vector<BadgeOccasion> occasions = {{2, 3}, {5, 19}, {9, 2}, {11, 7}};
  // How many months before the day it falls due a proposal may come: a seriously ill member's
  // badge of up to `ill_short_max_years` years by `ill_short_months`, a higher one by
  // `ill_long_months`; a posthumous one by `posthumous_months`.
  int ill_short_max_years = 65;
  int ill_short_months = 12;
  int ill_long_months = 24;
  int posthumous_months = 12;

  // Reads `{"occasions": ["03/02", …], "ill_short_months": 12, …}` over these values, refusing
  // a malformed one by its key.
  Status merge_json(std::string_view json_text);
  std::string to_json() const;
};

}  // namespace dangvu
