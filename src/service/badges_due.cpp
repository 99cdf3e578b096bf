// Who reaches a Party badge's years for an occasion of presentation (issue 22): in an org's
// subtree, the members whose party age — from the first admission decision, less the time
// outside the Party (core/badges.h) — reaches one of the rule set's badge years after the
// occasion before and by this one. One scan of the member profiles of the subtree.
#include <algorithm>
#include <set>

#include "core/badges.h"
#include "service/registry.h"
#include "service/validate.h"
#include "store/statistics_store.h"
#include "text/collate.h"

namespace dangvu::service {
namespace {

constexpr std::size_t kMaxNamedOrgs = 2000;

}  // namespace

Result<BadgesDueView> Registry::badges_due(const std::string& org_code,
                                           const std::string& occasion_text) {
  if (!org_code.empty()) DANGVU_TRY(check_code(org_code, "org"));
  auto occasion = Date::parse(occasion_text, "occasion");
  if (!occasion.ok()) return occasion.error();
  const BadgeRules& rules = rules_.badges;
  if (badge_occasion_from(*occasion, rules) != *occasion) {
    std::string days;
    for (const auto& o : rules.occasions) {
      auto d = Date::from_ymd(2024, o.month, o.day);
      if (d.ok()) days += (days.empty() ? "" : ", ") + d->vi().substr(0, 5);
    }
    return Error::invalid("occasion",
                          "Ngày " + occasion->vi() +
                              " không phải một đợt trao tặng Huy hiệu Đảng (các đợt: " + days +
                              ").",
                          "not an occasion of the rule set");
  }
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
  const std::vector<OrgId> subtree = tree.subtree(*root);
  const std::set<OrgId> inside(subtree.begin(), subtree.end());

  struct Found {
    MemberId member = 0;
    OrgId org = 0;
    Date first_admission;
    int years = 0;
    Date due;
  };
  std::vector<Found> found;
  store::StatisticsStore stats(store_);
  const Date none = v.as_of;  // nobody is admitted in an empty range: the orgs' members only
  // A large subtree is read whole rather than named in a list (as the dues report does).
  store::OrgFilter orgs;
  if (subtree.size() <= kMaxNamedOrgs) orgs = subtree;
  DANGVU_TRY(stats.each_profile(orgs, none, none.add_days(-1), [&](const ProfileView& p) {
    const ProfileView::Period* period = p.period_on(v.as_of);
    if (period == nullptr || !is_member(period->status) || !period->org ||
        inside.count(*period->org) == 0) {
      return;
    }
    const auto first = p.first_admission();
    if (!first) return;
    for (int years : rules_.badge_years) {
      const auto due = party_age_reached_on(first, p.periods, years);
      if (due && v.previous < *due && *due <= v.occasion) {
        found.push_back({p.member, *period->org, *first, years, *due});
      }
    }
  }));

  for (const Found& f : found) {
    auto member = store_.member_by_id(f.member);
    if (!member.ok()) return member.error();
    BadgeDueRow row;
    row.member_code = member->code;
    row.name = member->person.full_name();
    row.org_code = (*shared)->code(f.org);
    if (const OrgTree::Node* node = tree.find(f.org)) row.org_name = node->name;
    row.first_admission = f.first_admission;
    row.years = f.years;
    row.due = f.due;
    row.gap = f.due != f.first_admission.add_years(f.years);
    ++v.by_years[f.years];
    v.rows.push_back(std::move(row));
  }
  std::stable_sort(v.rows.begin(), v.rows.end(), [](const BadgeDueRow& a, const BadgeDueRow& b) {
    if (a.years != b.years) return a.years > b.years;
    if (a.org_code != b.org_code) return a.org_code < b.org_code;
    return text::compare_vi(a.name, b.name) < 0;
  });
  return v;
}

}  // namespace dangvu::service
