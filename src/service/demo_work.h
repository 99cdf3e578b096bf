#pragma once
// The demo's year of work: the document register, each grassroots organization's targets, the
// branches' monthly and thematic meetings (with absences), inspections and supervisions, study
// sessions. Some branches miss a month and some probationers wait too long, so that the report's
// checks have something to show. Written straight to the store inside the demo's transaction.
#include <string>

#include "core/org_history.h"
#include "core/rules.h"
#include "service/demo.h"
#include "service/demo_rng.h"
#include "store/store.h"

namespace dangvu::service::demo {

// The documents the demo's branches study (real numbers and titles of 2016–2025).
Status register_documents(store::Store& store, const std::string& now_iso);

class WorkGenerator {
 public:
  WorkGenerator(store::Store& store, const OrgHistory& history, const RuleSet& rules, Rng& rng,
                std::string now_iso)
      : store_(store), history_(history), rules_(rules), rng_(rng), now_(std::move(now_iso)) {}

  // The work of `root`'s subtree (as it stands on `to`) from `from` to `to`.
  Status run(OrgId root, Date from, Date to, DemoSummary& summary);

 private:
  Status plan(OrgId org, int year, const OrgTree& tree, std::int64_t members);
  Status meetings(OrgId branch, Date from, Date to, DemoSummary& summary);
  Status studies(OrgId branch, Date from, Date to, DemoSummary& summary);
  Status oversights(OrgId holder, const OrgTree& tree, Date from, Date to, DemoSummary& summary);
  Date random_date(Date from, Date to) {
    if (to <= from) return from;
    return from.add_days(rng_.below(to.days() - from.days() + 1));
  }

  store::Store& store_;
  const OrgHistory& history_;
  const RuleSet& rules_;
  Rng& rng_;
  std::string now_;
};

}  // namespace dangvu::service::demo
