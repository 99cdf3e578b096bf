// Who reaches a Party badge's years for an occasion of presentation (issue 22): in an org's
// subtree, the members whose party age — from the first admission decision, less the time
// outside the Party (core/badges.h) — reaches one of the rule set's badge years after the
// occasion before and by this one, and those due earlier who have not had it since (overdue);
// with the award recorded for this occasion, if any. One scan of the member profiles of the
// subtree, then the badge records of those it finds.
#include <algorithm>
#include <map>
#include <optional>

#include "core/badges.h"
#include "report/badge_document.h"
#include "service/registry.h"
#include "service/subtree_members.h"
#include "service/validate.h"
#include "store/badge_store.h"
#include "text/collate.h"

namespace dangvu::service {
Result<BadgesDueView> Registry::badges_due(const std::string& org_code,
                                           const std::string& occasion_text) {
  if (!org_code.empty()) DANGVU_TRY(check_code(org_code, "org"));
  auto occasion = Date::parse(occasion_text, "occasion");
  if (!occasion.ok()) return occasion.error();
  const BadgeRules& rules = rules_.badges;
  DANGVU_TRY(check_badge_occasion(*occasion, rules));
  BadgesDueView v;
  v.occasion = *occasion;
  v.previous = badge_occasion_before(*occasion, rules);
  v.as_of = std::min(*occasion, clock_.today());
  auto shared = tree_at(v.as_of);
  if (!shared.ok()) return shared.error();
  const OrgTree& tree = (*shared)->tree;
  auto root = readable_root(org_code, tree, v.as_of);
  if (!root.ok()) return root.error();
  v.org_code = (*shared)->code(*root);
  v.org_name = tree.find(*root)->name;

  // Each member of the subtree on the day whose party age reaches a badge by the occasion: the
  // days each badge reached falls due.
  struct Found {
    MemberId member = 0;
    OrgId org = 0;
    Date first_admission;
    std::vector<std::pair<int, Date>> reached;  // badge, due; lowest first
    std::optional<Date> early_due;  // the day the badge awarded for this occasion falls due
  };
  std::vector<Found> found;
  // The members awarded a badge for this occasion: listed whether due or early (illness).
  std::map<MemberId, int> awarded_here;  // the badge awarded
  auto here_records = store::BadgeStore(store_).records_of_period(v.occasion, v.occasion);
  if (!here_records.ok()) return here_records.error();
  for (const auto& [m, r] : *here_records) {
    if (r.kind == BadgeRecordKind::award && r.occasion == v.occasion) awarded_here[m] = r.years;
  }
  DANGVU_TRY(each_member_on(store_, tree, *root, v.as_of, [&](const ProfileView& p, OrgId org) {
    const auto first = p.first_admission();
    if (!first) return;
    Found f{p.member, org, *first, {}, std::nullopt};
    for (int years : rules_.badge_years) {
      const auto due = party_age_reached_on(first, p.periods, years);
      if (due && *due <= v.occasion) f.reached.emplace_back(years, *due);
    }
    if (const auto here = awarded_here.find(p.member); here != awarded_here.end()) {
      f.early_due = party_age_reached_on(first, p.periods, here->second);
    }
    if (!f.reached.empty() || f.early_due) found.push_back(std::move(f));
  }));

  // Their badges recorded: a badge awarded before this occasion is not due again; one awarded
  // for it shows on its row.
  std::vector<MemberId> ids;
  ids.reserve(found.size());
  for (const Found& f : found) ids.push_back(f.member);
  auto recorded = store::BadgeStore(store_).records_of(ids);
  if (!recorded.ok()) return recorded.error();
  std::map<MemberId, std::vector<BadgeRecord>> logs;
  for (auto& [m, r] : *recorded) logs[m].push_back(std::move(r));

  for (const Found& f : found) {
    const auto log = logs.find(f.member);
    const std::vector<BadgeHeld> held =
        log == logs.end() ? std::vector<BadgeHeld>{} : badges_held(log->second);
    const std::optional<int> before = highest_badge(held, v.occasion);
    std::optional<BadgeHeld> here;
    for (const auto& h : held) {
      if (h.award.occasion == v.occasion) here = h;
    }
    // The badge to propose: the highest reached above the highest held (never a lower one
    // after a higher), or the one awarded for this occasion.
    std::optional<std::pair<int, Date>> badge;
    for (const auto& r : f.reached) {
      if (!before || r.first > *before) badge = r;
    }
    if (here) {
      badge.reset();
      for (const auto& r : f.reached) {
        if (r.first == here->award.years) badge = r;
      }
      if (!badge && f.early_due) badge = {here->award.years, *f.early_due};  // early (illness)
    }
    if (!badge) continue;
    auto member = store_.member_by_id(f.member);
    if (!member.ok()) return member.error();
    BadgeDueRow row;
    row.member_code = member->code;
    row.name = member->person.full_name();
    row.birth = member->person.birth_date;
    row.org_code = (*shared)->code(f.org);
    if (const OrgTree::Node* node = tree.find(f.org)) row.org_name = node->name;
    row.first_admission = f.first_admission;
    row.years = badge->first;
    row.due = badge->second;
    row.gap = row.due != f.first_admission.add_years(row.years);
    row.overdue = !here && row.due <= v.previous;
    row.held = before;
    row.award = here;
    if (here) ++v.awarded;
    ++v.by_years[row.years];
    v.rows.push_back(std::move(row));
  }
  std::stable_sort(v.rows.begin(), v.rows.end(), [](const BadgeDueRow& a, const BadgeDueRow& b) {
    if (a.years != b.years) return a.years > b.years;
    if (a.org_code != b.org_code) return a.org_code < b.org_code;
    return text::compare_vi(a.name, b.name) < 0;
  });
  return v;
}

Result<report::Document> Registry::badge_proposal_document(const std::string& org_code,
                                                           const std::string& occasion) {
  auto v = badges_due(org_code, occasion);
  if (!v.ok()) return v.error();
  auto shared = tree_at(v->as_of);
  if (!shared.ok()) return shared.error();
  auto root = require_org(v->org_code, "org");
  if (!root.ok()) return root.error();
  // Dated the day it is written; for an occasion gone by (a copy of the list as it stands),
  // a month before it, when such a proposal goes up.
  const Date today = clock_.today();
  const Date dated = today < v->occasion ? today : v->occasion.add_months(-1);
  auto issuer = issuer_on((*shared)->tree, *root, dated);
  if (!issuer.ok()) return issuer.error();
  report::BadgeDocInput in{*issuer, v->occasion, dated, {}, v->by_years};
  for (const auto& r : v->rows) {
    report::BadgeDocRow row{r.name, r.birth,   r.org_name, r.first_admission, r.years, r.due,
                            r.gap,  r.overdue, ""};
    if (r.award && r.award->award.ground != BadgeGround::none) {
      row.ground = std::string(label_vi(r.award->award.ground));
    }
    in.rows.push_back(std::move(row));
  }
  return report::build_badge_proposal(in);
}

}  // namespace dangvu::service
