// The decisions of a year's results as documents (report/result_decision.h): the rating of the
// members of a grassroots org, and the rating or an emulation title of the orgs directly under a
// committee. Built from the round as recorded: the decision's rows, number and day when it is
// recorded; before that, the proposals it will decide on, dated today with the number blank.
#include <algorithm>

#include "core/org_result.h"
#include "report/result_decision.h"
#include "service/registry.h"

namespace dangvu::service {
namespace {

Error not_competent(const std::string& code, const std::string& what) {
  return Error::refused("org", "rating.not_competent",
                        "«" + code + "» không quyết định " + what + ".",
                        "this org does not decide on these results");
}

// The number and day of the decisions in a list: the number when all share it, the latest day.
template <typename Record>
void head_from(const std::vector<const Record*>& decisions, report::DecisionHead& head) {
  std::string number;
  bool same = true;
  for (const Record* r : decisions) {
    if (number.empty()) number = r->decision_no;
    same = same && r->decision_no == number;
    if (r->decided_on && *r->decided_on > head.dated) head.dated = *r->decided_on;
  }
  head.decision_no = same ? number : std::string();
}

}  // namespace

Result<report::Document> Registry::rating_decision_document(const std::string& org_code, int year) {
  auto v = rating_round(org_code, year);
  if (!v.ok()) return v.error();
  auto shared = tree_at(v->as_of);
  if (!shared.ok()) return shared.error();
  auto root = require_org(v->org_code, "org");
  if (!root.ok()) return root.error();
  const OrgTree::Node* node = (*shared)->tree.find(*root);
  if (node == nullptr ||
      (node->kind != OrgKind::grassroots_committee && node->kind != OrgKind::grassroots_branch)) {
    return not_competent(v->org_code, "xếp loại đảng viên: chỉ tổ chức cơ sở đảng quyết định");
  }
  report::MemberRatingDecisionInput in;
  in.head.year = year;
  std::vector<const RatingRecord*> decisions;
  for (const auto& r : v->rows) {
    if (r.rating.decision && r.decided_by_code == v->org_code)
      decisions.push_back(&*r.rating.decision);
  }
  const bool decided = !decisions.empty();
  in.head.dated = decided ? Date() : std::min(clock_.today(), v->round_end.add_days(30));
  if (decided) head_from(decisions, in.head);
  for (const auto& r : v->rows) {
    if (r.competent_code != v->org_code) continue;
    if (r.not_rated) {
      ++in.not_rated[*r.not_rated];
      continue;
    }
    const auto& record = decided ? r.rating.decision : r.rating.proposal;
    if (!record || (decided && r.decided_by_code != v->org_code)) continue;
    in.rows.push_back({r.name, r.org_name, record->score, record->category});
  }
  auto signing = tree_at(in.head.dated);
  if (!signing.ok()) return signing.error();
  const OrgTree& at = (*signing)->tree.find(*root) != nullptr ? (*signing)->tree : (*shared)->tree;
  auto issuer = issuer_on(at, *root, in.head.dated);
  if (!issuer.ok()) return issuer.error();
  in.head.issuer = *issuer;
  return report::build_member_rating_decision(in);
}

Result<report::Document> Registry::org_decision_document(const std::string& org_code, int year,
                                                         const std::string& title) {
  const EmulationTitle* t = title.empty() ? nullptr : rules_.emulation.find(title);
  if (!title.empty() && t == nullptr) {
    return Error::invalid("title", "Danh hiệu «" + title + "» không có trong quy tắc.",
                          "unknown emulation title");
  }
  auto v = org_results(org_code, year);
  if (!v.ok()) return v.error();
  auto root = require_org(v->org_code, "org");
  if (!root.ok()) return root.error();
  const OrgKind kind = v->rows.front().kind;  // the root's row comes first
  if (kind != OrgKind::upper_committee && kind != OrgKind::grassroots_committee) {
    return not_competent(v->org_code, "về tổ chức đảng: chỉ cấp ủy cấp trên trực tiếp quyết định");
  }
  report::OrgDecisionDocInput in;
  in.head.year = year;
  in.title_label = t == nullptr ? std::string() : t->label;
  const std::string subject = t == nullptr ? std::string(kRatingSubject) : t->code;
  auto standing = [&](const OrgResultRowView& r) -> const OrgResult* {
    if (t == nullptr) return &r.rating;
    const auto it = r.titles.find(subject);
    return it == r.titles.end() ? nullptr : &it->second;
  };
  std::vector<const OrgResultRecord*> decisions;
  for (const auto& r : v->rows) {
    const OrgResult* s = standing(r);
    if (r.competent_code == v->org_code && s != nullptr && s->decision &&
        s->decision->decided_by == *root) {
      decisions.push_back(&*s->decision);
    }
  }
  const bool decided = !decisions.empty();
  in.head.dated = decided ? Date() : std::min(clock_.today(), v->round_end.add_days(30));
  if (decided) head_from(decisions, in.head);
  for (const auto& r : v->rows) {
    const OrgResult* s = standing(r);
    if (r.competent_code != v->org_code || s == nullptr) continue;
    const auto& record = decided ? s->decision : s->proposal;
    if (!record || (decided && record->decided_by != *root)) continue;
    in.rows.push_back(
        {r.org_name, record->score, record->category, decided ? record->recognized : true});
  }
  auto signing = tree_at(in.head.dated);
  if (!signing.ok()) return signing.error();
  auto shared = tree_at(v->as_of);
  if (!shared.ok()) return shared.error();
  const OrgTree& at = (*signing)->tree.find(*root) != nullptr ? (*signing)->tree : (*shared)->tree;
  auto issuer = issuer_on(at, *root, in.head.dated);
  if (!issuer.ok()) return issuer.error();
  in.head.issuer = *issuer;
  return report::build_org_decision(in);
}

}  // namespace dangvu::service
