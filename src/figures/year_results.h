#pragma once
// The results of a year over an org's subtree, as the year's report, the rating pages and the
// statistics count them: the members' quality rating decided (by category, counted for the org
// each member belonged to on the year's last day), the orgs' rating decided by the committee
// above, and the emulation titles registered, recognized and not recognized. From the rating
// records (core/rating.h) and the orgs' results (core/org_result.h); the one place these are
// counted.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/org_history.h"
#include "core/org_result.h"
#include "core/org_tree.h"
#include "core/rating.h"
#include "core/rules.h"
#include "store/store.h"

namespace dangvu::figures {

using CategoryCounts = std::map<RatingCategory, long long>;

struct TitleCounts {
  std::string code, label;
  long long registered = 0, recognized = 0, not_recognized = 0;
};

struct YearResults {
  int year = 0;
  Date as_of;  // the year's last day, or today while it runs
  // Members' decisions: the subtree's total, and each org's subtree total (the root's included).
  CategoryCounts members;
  std::unordered_map<OrgId, CategoryCounts> members_of;
  // Each org of the subtree (the root's included): its rating and its titles as they stand.
  std::unordered_map<OrgId, OrgResult> org_rating;
  std::unordered_map<OrgId, std::map<std::string, OrgResult>> titles_of;
  // The orgs below the root rated by decision, by category; the titles below and at the root.
  CategoryCounts orgs;
  std::vector<TitleCounts> titles;  // in the rule set's order

  long long members_decided() const;
  long long orgs_decided() const;
};

long long total_of(const CategoryCounts& c);

// `tree` is the tree on `as_of` (the year's last day, or today while the year runs).
Result<YearResults> year_results(store::Store& store, const OrgTree& tree, OrgId root, int year,
                                 Date as_of, const RuleSet& rules);

}  // namespace dangvu::figures
