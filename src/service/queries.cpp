// Reads as of a date: the tree with member counts, statistics, a member, a member list.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/rollup.h"
#include "service/cancellation.h"
#include "service/registry.h"
#include "service/validate.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace dangvu::service {
namespace {

TreeNodeView build_node(const figures::TreeAt& at, OrgId id,
                        const std::unordered_map<OrgId, MemberCounts>& totals) {
  const auto* node = at.tree.find(id);
  TreeNodeView v;
  v.code = at.code(id);
  v.name = node->name;
  v.kind = node->kind;
  if (auto it = totals.find(id); it != totals.end()) v.counts = it->second;
  for (OrgId child : node->children) v.children.push_back(build_node(at, child, totals));
  std::sort(v.children.begin(), v.children.end(),
            [](const TreeNodeView& a, const TreeNodeView& b) { return a.code < b.code; });
  return v;
}

MemberCounts counts_of(const figures::Facts& f) {
  using figures::Fact;
  return {static_cast<std::int64_t>(f[Fact::members_official]),
          static_cast<std::int64_t>(f[Fact::members_probationary]),
          static_cast<std::int64_t>(f[Fact::candidates])};
}

}  // namespace

figures::Engine& Registry::figures() {
  if (engine_ != nullptr) return *engine_;
  if (!own_engine_) own_engine_ = std::make_shared<figures::Engine>();
  return *own_engine_;
}

Result<std::shared_ptr<const figures::TreeAt>> Registry::tree_at(Date at) {
  return figures().tree(store_, at);
}

Result<std::shared_ptr<const OrgHistory>> Registry::history_for_read() {
  return figures().history(store_);
}

Result<std::shared_ptr<const figures::MemberStocks>> Registry::member_stocks(
    Date at, OrgId root, const OrgHistory& history, const OrgTree& tree) {
  return figures().stocks(store_, rules_, at, root,
                          [&] { return orgs_counting_for(history, tree, root, at); });
}

Result<TreeView> Registry::tree(const std::string& org_code, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto shared = tree_at(*at);
  if (!shared.ok()) return shared.error();
  const OrgTree& tree = (*shared)->tree;
  const auto& history = *(*shared)->history;
  // The tree's counts: each org's own member facts (figures::own_facts), added up.
  auto counts_below = [&](OrgId top) -> Result<TreeNodeView> {
    auto stocks = member_stocks(*at, top, history, tree);
    if (!stocks.ok()) return stocks.error();
    std::unordered_map<OrgId, figures::Facts> own;
    figures::subtree_facts(tree, top, history, **stocks, rules_, &own);
    std::unordered_map<OrgId, MemberCounts> per_org;
    for (const auto& [id, f] : own) per_org[id] = counts_of(f);
    return build_node(**shared, top, subtree_totals(tree, top, per_org));
  };
  if (org_code.empty() && caller_.scope && !tree.find(*caller_.scope)) {
    // The caller's own org did not exist yet: the units it holds, as they stood then.
    // Named as it is now, with the day it came into existence, for the page to say so.
    TreeView view{*at, {}, {}, history.code(*caller_.scope), "", Date{}};
    if (const OrgVersion* now = history.latest(*caller_.scope)) view.scope_name = now->name;
    if (const OrgVersion* first = history.earliest(*caller_.scope)) {
      view.scope_formed_on = first->valid_from;
    }
    for (OrgId top : scope(history).tops_in(tree)) {
      auto node = counts_below(top);
      if (!node.ok()) return node.error();
      view.forest.push_back(std::move(*node));
    }
    if (view.forest.empty()) return readable_root(org_code, tree, *at).error();
    // By code, as every node's children are.
    std::sort(view.forest.begin(), view.forest.end(),
              [](const TreeNodeView& a, const TreeNodeView& b) { return a.code < b.code; });
    return view;
  }
  auto root = readable_root(org_code, tree, *at);
  if (!root.ok()) return root.error();
  auto node = counts_below(*root);
  if (!node.ok()) return node.error();
  return TreeView{*at, std::move(*node), {}, "", "", Date{}};
}

Result<StatsView> Registry::stats(const std::string& org_code, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto shared = tree_at(*at);
  if (!shared.ok()) return shared.error();
  const OrgTree& tree = (*shared)->tree;
  const auto& history = *(*shared)->history;
  auto root = readable_root(org_code, tree, *at);
  if (!root.ok()) return root.error();
  const auto* node = tree.find(*root);

  StatsView s;
  s.code = history.code(*root);
  s.name = node->name;
  s.kind = node->kind;
  s.at = *at;
  auto stocks = member_stocks(*at, *root, history, tree);
  if (!stocks.ok()) return stocks.error();
  // The same facts the indicators and the report add up (figures::own_facts).
  using figures::Fact;
  const figures::Facts f = figures::subtree_facts(tree, *root, history, **stocks, rules_);
  auto n = [&](Fact fact) { return static_cast<std::int64_t>(f[fact]); };
  s.grassroots_committees = n(Fact::grassroots_committees);
  s.grassroots_branches = n(Fact::grassroots_branches);
  s.sub_branches = n(Fact::sub_branches);
  s.branches_below_minimum = n(Fact::branches_below_minimum);
  s.members = counts_of(f);
  s.probation_overdue = n(Fact::probation_overdue);
  s.admitted_this_year = n(Fact::admitted);
  s.recognized_this_year = n(Fact::recognized);
  return s;
}

Result<MemberView> Registry::show_member(const std::string& code, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  DANGVU_TRY(check_code(code, "member"));
  auto member = store_.find_member(code);
  if (!member.ok()) return member.error();
  if (!*member) {
    return Error::not_found("member", "Trường «member»: không có đảng viên mã «" + code + "».",
                            "unknown member code");
  }
  auto events = store_.member_events((*member)->id);
  if (!events.ok()) return events.error();
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  auto folded = fold((*member)->person, *events, *history);
  if (!folded.ok()) return folded.error();
  if (!member_in_scope(*folded, *history)) {
    return Error::not_found("member", "Trường «member»: không có đảng viên mã «" + code + "».",
                            "member outside the caller's scope");
  }

  MemberView v;
  v.code = (*member)->code;
  v.card_number = folded->card_number;
  v.person = (*member)->person;
  v.at = *at;
  auto st = folded->state_at(*at);
  v.status = st.status;
  if (st.org) {
    v.org_code = history->code(*st.org);
    if (const auto* ver = history->version_at(*st.org, *at)) v.org_name = ver->name;
  }
  if (st.temp_org) v.temp_org_code = history->code(*st.temp_org);
  v.admitted_on = folded->first_admission;
  v.party_age_years = folded->party_age_years(*at);
  v.badge_years = folded->badge_reached(*at, rules_);
  v.recognition_due = folded->recognition_due(*at, rules_);
  v.probation_overdue = folded->probation_overdue(*at, rules_);
  for (const auto& e : *events) {
    EventView ev;
    ev.id = e.id;
    ev.kind = e.kind;
    ev.date = e.date;
    if (e.org && history->has_org(*e.org)) {
      ev.org_code = history->code(*e.org);
      ev.org_name = org_name_on(*history, *e.org, e.date);
    }
    nlohmann::json detail = nlohmann::json::object();
    if (!e.decision_no.empty()) detail["decision_no"] = e.decision_no;
    if (e.ceremony_date) detail["ceremony_date"] = e.ceremony_date->iso();
    if (e.vote_date) detail["vote_date"] = e.vote_date->iso();
    if (e.kind == MemberEventKind::transfer) detail["mode"] = std::string(to_string(e.mode));
    if (!e.reason.empty()) detail["reason"] = e.reason;
    if (!e.ground.empty()) detail["ground"] = e.ground;
    if (e.corrects) detail["corrects"] = *e.corrects;
    if (e.voids) detail["voids"] = true;
    if (e.new_date) detail["new_date"] = e.new_date->iso();
    // A correction that moves the event to another org names it on the corrected date.
    if (e.new_org && history->has_org(*e.new_org)) {
      detail["new_org"] = history->code(*e.new_org);
      Date on = e.date;  // the corrected event's date, or the new date the correction gives
      for (const auto& other : *events) {
        if (e.corrects && other.id == *e.corrects) on = other.date;
      }
      detail["new_org_name"] = org_name_on(*history, *e.new_org, e.new_date.value_or(on));
    }
    ev.detail = detail.empty() ? "" : detail.dump();
    v.events.push_back(ev);
  }
  for (const auto& f : folded->flags) v.flags.push_back(f.date.vi() + ": " + f.message_vi);
  if (v.probation_overdue) {
    v.flags.push_back("Quá hạn xét công nhận đảng viên chính thức (đến hạn ngày " +
                      v.recognition_due->vi() + ").");
  }
  return v;
}

Result<std::vector<RecentEventView>> Registry::recent_events(const std::string& org_code,
                                                             const std::string& at_text,
                                                             int limit) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  DANGVU_TRY(check_limit(limit, 200));
  auto shared = tree_at(*at);
  if (!shared.ok()) return shared.error();
  auto root = readable_root(org_code, (*shared)->tree, *at);
  if (!root.ok()) return root.error();
  auto rows = store_.recent_events((*shared)->tree.subtree(*root), *at, limit);
  if (!rows.ok()) return rows.error();
  std::vector<RecentEventView> out;
  for (const auto& r : *rows) {
    RecentEventView v{
        r.id, r.member_code, r.person.full_name(), std::string(to_string(r.kind)), r.date.iso(),
        ""};
    if (r.org) {
      if ((*shared)->history->has_org(*r.org)) v.org_code = (*shared)->code(*r.org);
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<MemberListView> Registry::list_members(const ListMembersInput& in) {
  auto at = date_or_today(in.at, "at");
  if (!at.ok()) return at.error();
  DANGVU_TRY(check_limit(in.limit, 10000));
  if (in.offset < 0) {
    return Error::invalid("offset", "Trường «offset»: phải là số nguyên không âm.", "bad offset");
  }
  store::MemberQuery q;
  q.at = *at;
  q.limit = in.limit;
  q.offset = in.offset;
  if (in.status.empty() || in.status == "active") {
    q.statuses = {MemberStatus::candidate, MemberStatus::probationary, MemberStatus::official};
  } else if (in.status != "all") {
    auto s = parse_member_status(in.status);
    if (!s || *s == MemberStatus::none) {
      return Error::invalid("status",
                            "Trường «status»: trạng thái «" + in.status +
                                "» không hợp lệ (active, all, candidate, probationary, "
                                "official, removed, expelled, resigned, deceased).",
                            "unknown status");
    }
    q.statuses = {*s};
  }
  if (!in.q.empty()) {
    auto cleaned = text::clean_field(in.q, "q", 100);
    if (!cleaned.ok()) return cleaned.error();
    q.folded_prefix = text::fold(*cleaned);
  }
  auto shared = tree_at(*at);
  if (!shared.ok()) return shared.error();
  if (!in.org_code.empty() || caller_.scope) {
    const OrgTree& tree = (*shared)->tree;
    if (in.org_code.empty() && tree.find(*caller_.scope) == nullptr) {
      // The caller's own org did not exist yet: the units it holds as they stood then.
      auto history = history_for_read();
      if (!history.ok()) return history.error();
      q.orgs.emplace();
      for (OrgId top : scope(**history).tops_in(tree)) {
        auto part = tree.subtree(top);
        q.orgs->insert(q.orgs->end(), part.begin(), part.end());
      }
    } else {
      auto root = readable_root(in.org_code, tree, *at);
      if (!root.ok()) return root.error();
      q.orgs = tree.subtree(*root);
    }
    // The whole tree needs no filter (a provincial office over its province): no id list.
    if (q.orgs->size() == tree.size()) q.orgs.reset();
  }
  MemberListView out;
  out.at = *at;
  // The count goes no further than it must: a common name over the nation matches tens of
  // thousands, and the list says "more than 200" (1,000 for a list without a name).
  auto page = store_.list_members(q, q.folded_prefix.empty() ? kListCountCap : kSearchCountCap);
  if (!page.ok()) return page.error();
  out.total = page->total;
  out.more = page->more;
  for (const auto& r : page->rows) {
    MemberListView::Row row;
    row.code = r.code;
    row.card_number = r.card_number;
    row.person = r.person;
    row.status = r.status;
    if (r.org && (*shared)->history->has_org(*r.org)) {
      row.org_code = (*shared)->code(*r.org);
      row.org_name = org_name_on(*(*shared)->history, *r.org, *at);
    }
    out.rows.push_back(row);
  }
  return out;
}

}  // namespace dangvu::service
