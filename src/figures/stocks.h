#pragma once
// Member figures of each org as of a date, its own (not its subtree's), ready to be added up over
// any subtree: members by status, probationers past their term, and the year's admissions and
// recognitions so far (1 January to the date), each counted at the org where it was recorded
// (own_facts() moves those of orgs that have since ended to the org standing for them). Read once
// from the member periods and milestones, then brought forward by the change log of every write
// (apply()), never read again while the log is complete.
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/org.h"
#include "core/result.h"
#include "core/rules.h"
#include "store/store.h"

namespace dangvu::figures {

struct OrgStock {
  std::int64_t official = 0;
  std::int64_t probationary = 0;
  std::int64_t candidates = 0;
  std::int64_t probation_overdue = 0;
  std::int64_t admitted = 0;  // admissions and readmissions, 1 January to the date
  std::int64_t recognized = 0;
  bool operator==(const OrgStock&) const = default;
};

// The rule numbers the stocks depend on: whether a probationer is overdue on the date.
struct StockRules {
  int probation_months = 0;
  int review_working_days = 0;
  static StockRules of(const RuleSet& rules) {
    return {rules.probation_months, rules.recognition_review_working_days};
  }
  bool operator==(const StockRules&) const = default;
};

class MemberStocks {
 public:
  // Every org's figures (kept by id in one array: copied and added up fast at the nation's
  // 330,000 orgs), or only those of `named` orgs (a subtree read by naming its orgs).
  MemberStocks(Date at, StockRules rules, const store::OrgFilter& named);

  Date at() const { return at_; }
  bool every_org() const { return every_org_; }
  // The org's figures, if it has any.
  const OrgStock* find(OrgId org) const;
  // Applies what committed writes changed (store::FigureChanges) to the figures on `at()`.
  void apply(const store::FigureChanges& changes);
  // Calls f(org, stock) for every org with figures.
  template <typename F>
  void for_each(F f) const {
    if (every_org_) {
      for (std::size_t i = 0; i < dense_.size(); ++i) {
        if (!(dense_[i] == OrgStock{})) f(static_cast<OrgId>(i), dense_[i]);
      }
    } else {
      for (const auto& [org, stock] : sparse_) f(org, stock);
    }
  }

  // Reads the figures from the store (the periods valid on `at`, the milestones of its year).
  static Result<MemberStocks> read(store::Store& store, Date at, const RuleSet& rules,
                                   const store::OrgFilter& orgs);

 private:
  OrgStock* slot(OrgId org);  // null for an org not covered
  void add_period(const store::PeriodChange& p);
  void add_milestone(const store::MilestoneChange& m);

  Date at_;
  RuleSet rules_;  // only probation_months and recognition_review_working_days are read
  bool every_org_ = true;
  std::vector<OrgStock> dense_;                 // every org: by id
  std::unordered_set<OrgId> named_;             // a subtree's orgs
  std::unordered_map<OrgId, OrgStock> sparse_;  // …and their figures
};

}  // namespace dangvu::figures
