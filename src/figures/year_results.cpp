#include "figures/year_results.h"

#include <unordered_set>

#include "store/org_result_store.h"
#include "store/rating_store.h"

namespace dangvu::figures {

long long total_of(const CategoryCounts& c) {
  long long n = 0;
  for (const auto& [category, count] : c) n += count;
  return n;
}

long long YearResults::members_decided() const { return total_of(members); }
long long YearResults::orgs_decided() const { return total_of(orgs); }

Result<YearResults> year_results(store::Store& store, const OrgTree& tree, OrgId root, int year,
                                 Date as_of, const RuleSet& rules) {
  YearResults out;
  out.year = year;
  out.as_of = as_of;
  const auto subtree = tree.subtree(root);
  const std::unordered_set<OrgId> inside(subtree.begin(), subtree.end());
  const store::OrgFilter orgs = std::vector<OrgId>(subtree.begin(), subtree.end());

  // Members: each decision at the member's org on the day, added to it and every org above it
  // up to the root.
  auto decided = store::RatingStore(store).decided_by_org(year, as_of, orgs);
  if (!decided.ok()) return decided.error();
  for (const auto& d : *decided) {
    if (!inside.count(d.org)) continue;
    out.members[d.category] += d.count;
    for (std::optional<OrgId> at = d.org; at && inside.count(*at);) {
      out.members_of[*at][d.category] += d.count;
      if (*at == root) break;
      const OrgTree::Node* node = tree.find(*at);
      at = node == nullptr ? std::nullopt : node->parent;
    }
  }

  // Orgs: their records of the year, folded per org and subject.
  auto records = store::OrgResultStore(store).records_of_year(year, orgs);
  if (!records.ok()) return records.error();
  std::unordered_map<OrgId, std::vector<OrgResultRecord>> by_org;
  for (auto& r : *records) by_org[r.org].push_back(std::move(r));
  for (const auto& t : rules.emulation.titles) out.titles.push_back({t.code, t.label});
  for (const auto& [org, log] : by_org) {
    if (!inside.count(org)) continue;
    const OrgResult rating = org_result_of(log, year, kRatingSubject);
    if (rating.proposal || rating.decision) out.org_rating[org] = rating;
    if (org != root && rating.decision && rating.decision->category) {
      ++out.orgs[*rating.decision->category];
    }
    for (auto& t : out.titles) {
      const OrgResult title = org_result_of(log, year, t.code);
      if (!title.proposal && !title.decision) continue;
      out.titles_of[org][t.code] = title;
      if (title.proposal) ++t.registered;
      if (title.decision) ++(title.decision->recognized ? t.recognized : t.not_recognized);
    }
  }
  return out;
}

}  // namespace dangvu::figures
