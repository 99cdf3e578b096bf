// Reads as of a date: the tree with member counts, statistics, a member, a member list.
#include <nlohmann/json.hpp>

#include "core/rollup.h"
#include "service/registry.h"
#include "service/validate.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace dangvu::service {
namespace {

TreeNodeView build_node(const OrgTree& tree, OrgId id,
                        const std::unordered_map<OrgId, std::string>& codes,
                        const std::unordered_map<OrgId, MemberCounts>& totals) {
  const auto* node = tree.find(id);
  TreeNodeView v;
  v.code = codes.at(id);
  v.name = node->name;
  v.kind = node->kind;
  if (auto it = totals.find(id); it != totals.end()) v.counts = it->second;
  for (OrgId child : node->children) v.children.push_back(build_node(tree, child, codes, totals));
  std::sort(v.children.begin(), v.children.end(),
            [](const TreeNodeView& a, const TreeNodeView& b) { return a.code < b.code; });
  return v;
}

}  // namespace

std::optional<Revisions> Registry::cache_revisions() {
  if (!read_cache_ || store_.in_write_transaction()) return std::nullopt;
  // Read before the data: a write committing in between leaves newer data under the older
  // revision, which the next read (seeing the newer revision) does not use.
  auto both = store_.data_revisions();
  if (!both.ok()) return std::nullopt;
  return Revisions{both->first, both->second};
}

Result<std::shared_ptr<const TreeAt>> Registry::tree_at(Date at) {
  auto revisions = cache_revisions();
  if (revisions) {
    if (auto hit = read_cache_->find(revisions->org, at)) return hit;
  }
  auto versions = store_.org_versions_valid_at(at);
  if (!versions.ok()) return versions.error();
  auto codes = store_.org_codes();
  if (!codes.ok()) return codes.error();
  auto built = std::make_shared<TreeAt>(TreeAt{OrgTree::build(*versions, at), std::move(*codes)});
  if (revisions) read_cache_->put(revisions->org, at, built);
  return std::shared_ptr<const TreeAt>(built);
}

Result<std::shared_ptr<const OrgHistory>> Registry::history_for_read() {
  auto revisions = cache_revisions();
  if (revisions) {
    if (auto hit = read_cache_->find_history(revisions->org)) return hit;
  }
  auto loaded = store_.load_org_history();
  if (!loaded.ok()) return loaded.error();
  auto shared = std::make_shared<const OrgHistory>(std::move(*loaded));
  if (revisions) read_cache_->put_history(revisions->org, shared);
  return shared;
}

Result<std::shared_ptr<const MemberStocks>> Registry::member_stocks(
    Date at, OrgId root, const OrgHistory& history,
    const std::function<store::OrgFilter()>& orgs_of) {
  auto revisions = cache_revisions();
  if (revisions) {
    if (auto hit = read_cache_->find_stocks(*revisions, at, root)) return hit;
  }
  const store::OrgFilter orgs = orgs_of();
  auto out = std::make_shared<MemberStocks>();
  auto statuses = store_.count_by_org_and_status(at, orgs);
  if (!statuses.ok()) return statuses.error();
  for (const auto& r : *statuses) {
    auto& c = out->counts[r.org];
    if (r.status == MemberStatus::official) c.official += r.count;
    if (r.status == MemberStatus::probationary) c.probationary += r.count;
    if (r.status == MemberStatus::candidate) c.candidates += r.count;
  }
  auto starts = store_.probation_starts_at(at, orgs);
  if (!starts.ok()) return starts.error();
  for (const auto& p : *starts) {
    if (probation_overdue_on(p.probation_start, at, rules_))
      out->probation_overdue[p.org] += p.count;
  }
  // Flows within the year so far, attributed to the org that stands for the event's org on `at`.
  auto milestones = store_.count_milestones(at.year_start(), at, orgs);
  if (!milestones.ok()) return milestones.error();
  for (const auto& m : *milestones) {
    auto org = resolve_org_at(history, m.org, at);
    if (!org) continue;
    if (m.kind == MemberEventKind::admission || m.kind == MemberEventKind::readmission) {
      out->admitted_this_year[*org] += m.count;
    } else if (m.kind == MemberEventKind::recognition) {
      out->recognized_this_year[*org] += m.count;
    }
  }
  if (revisions) {
    read_cache_->put_stocks(*revisions, at, orgs ? std::optional<OrgId>(root) : std::nullopt, out);
  }
  return std::shared_ptr<const MemberStocks>(out);
}

Result<TreeView> Registry::tree(const std::string& org_code, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto shared = tree_at(*at);
  if (!shared.ok()) return shared.error();
  const OrgTree& tree = (*shared)->tree;
  const auto* codes = &(*shared)->codes;
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  if (org_code.empty() && caller_.scope && !tree.find(*caller_.scope)) {
    // The caller's own org did not exist yet: the units it holds, as they stood then.
    TreeView view{*at, {}, {}};
    for (OrgId top : scope(**history).tops_in(tree)) {
      auto stocks = member_stocks(*at, top, **history,
                                  [&] { return orgs_counting_for(**history, tree, top, *at); });
      if (!stocks.ok()) return stocks.error();
      view.forest.push_back(
          build_node(tree, top, *codes, subtree_totals(tree, top, (*stocks)->counts)));
    }
    if (view.forest.empty()) return readable_root(org_code, tree, *at).error();
    return view;
  }
  auto root = readable_root(org_code, tree, *at);
  if (!root.ok()) return root.error();
  auto stocks = member_stocks(*at, *root, **history,
                              [&] { return orgs_counting_for(**history, tree, *root, *at); });
  if (!stocks.ok()) return stocks.error();
  auto totals = subtree_totals(tree, *root, (*stocks)->counts);
  return TreeView{*at, build_node(tree, *root, *codes, totals), {}};
}

Result<StatsView> Registry::stats(const std::string& org_code, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  auto shared = tree_at(*at);
  if (!shared.ok()) return shared.error();
  const OrgTree& tree = (*shared)->tree;
  auto root = readable_root(org_code, tree, *at);
  if (!root.ok()) return root.error();
  const auto* node = tree.find(*root);

  StatsView s;
  s.code = (*history)->code(*root);
  s.name = node->name;
  s.kind = node->kind;
  s.at = *at;
  auto stocks = member_stocks(*at, *root, **history,
                              [&] { return orgs_counting_for(**history, tree, *root, *at); });
  if (!stocks.ok()) return stocks.error();
  const auto& per_org = (*stocks)->counts;
  for (OrgId id : tree.subtree(*root)) {
    const auto* n = tree.find(id);
    if (n->kind == OrgKind::grassroots_committee) ++s.grassroots_committees;
    if (n->kind == OrgKind::grassroots_branch) ++s.grassroots_branches;
    if (n->kind == OrgKind::sub_branch) ++s.sub_branches;
    if (n->kind == OrgKind::grassroots_branch || n->kind == OrgKind::sub_branch) {
      auto it = per_org.find(id);
      std::int64_t official = it == per_org.end() ? 0 : it->second.official;
      if (official < rules_.branch_min_official_members) ++s.branches_below_minimum;
    }
  }
  s.members = sum_over_subtree(tree, *root, per_org);
  s.probation_overdue = sum_over_subtree(tree, *root, (*stocks)->probation_overdue);
  s.admitted_this_year = sum_over_subtree(tree, *root, (*stocks)->admitted_this_year);
  s.recognized_this_year = sum_over_subtree(tree, *root, (*stocks)->recognized_this_year);
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
  auto history = store_.load_org_history();
  if (!history.ok()) return history.error();
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
    if (e.org) ev.org_code = history->code(*e.org);
    nlohmann::json detail = nlohmann::json::object();
    if (!e.decision_no.empty()) detail["decision_no"] = e.decision_no;
    if (e.ceremony_date) detail["ceremony_date"] = e.ceremony_date->iso();
    if (e.kind == MemberEventKind::transfer) detail["mode"] = std::string(to_string(e.mode));
    if (!e.reason.empty()) detail["reason"] = e.reason;
    if (e.corrects) detail["corrects"] = *e.corrects;
    if (e.voids) detail["voids"] = true;
    if (e.new_date) detail["new_date"] = e.new_date->iso();
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
  if (limit < 1 || limit > 200) {
    return Error::invalid("limit", "Trường «limit»: số dòng phải từ 1 đến 200.", "bad limit");
  }
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
      auto it = (*shared)->codes.find(*r.org);
      if (it != (*shared)->codes.end()) v.org_code = it->second;
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<MemberListView> Registry::list_members(const ListMembersInput& in) {
  auto at = date_or_today(in.at, "at");
  if (!at.ok()) return at.error();
  if (in.limit < 1 || in.limit > 10000 || in.offset < 0) {
    return Error::invalid("limit", "Trường «limit»: số dòng phải từ 1 đến 10000.", "bad limit");
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
  const auto* codes = &(*shared)->codes;
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
    if (r.org) row.org_code = codes->count(*r.org) ? codes->at(*r.org) : "";
    out.rows.push_back(row);
  }
  return out;
}

}  // namespace dangvu::service
