// Who holds the committees' posts in the demo, and its cluster's leading organization, recorded
// through the registry's own use cases as an office would: the secretary and a deputy of every
// upper committee and of every grassroots organization of the party agencies' committee, from
// 1/10/2025 (after the 2025–2030 congresses); the first cluster of the party agencies chooses its
// leading and deputy organizations for 2026 at its January briefing.
#include <set>

#include "service/demo_conference.h"

namespace dangvu::service::demo {

namespace {

const char* const kFrom = "2025-10-01";

}  // namespace

Result<std::map<std::string, std::string>> add_office_holders(Registry& r) {
  std::map<std::string, std::string> secretaries;
  auto history = r.store().load_org_history();
  if (!history.ok()) return history.error();
  const OrgTree tree = history->tree_as_of(*Date::parse(kFrom));
  std::vector<OrgId> orgs;
  for (OrgId root : tree.roots()) {
    for (OrgId id : tree.subtree(root)) {
      const auto* node = tree.find(id);
      const bool party_agencies_grassroots =
          (node->kind == OrgKind::grassroots_committee ||
           node->kind == OrgKind::grassroots_branch) &&
          history->code(id).rfind("DB0", 0) != std::string::npos &&
          party_superior(tree, id).has_value() &&
          history->code(*party_superior(tree, id)) == "DBCQD";
      if (node->kind == OrgKind::upper_committee || party_agencies_grassroots) orgs.push_back(id);
    }
  }
  // Nobody holds two posts: each org takes the first full members of its subtree not taken yet
  // (the orgs above first).
  std::set<std::string> taken;
  for (OrgId id : orgs) {
    const std::string code = history->code(id);
    ListMembersInput list;
    list.org_code = code;
    list.at = kFrom;
    list.status = "official";
    list.limit = 40;
    auto officials = r.list_members(list);
    if (!officials.ok()) return officials.error();
    std::vector<std::string> free;
    for (const auto& row : officials->rows) {
      if (!taken.count(row.code)) free.push_back(row.code);
    }
    if (free.empty()) continue;
    DANGVU_TRY(r.record_office_holder({code, kFrom, "secretary", free[0], ""}));
    secretaries[code] = free[0];
    taken.insert(free[0]);
    if (code == "DBCQD") {
      // The deputy who speaks at DB001's conference (demo_conference.cpp), recorded by name.
      DANGVU_TRY(r.record_office_holder({code, kFrom, "deputy_secretary", "", "Lê Văn Thành"}));
    } else if (free.size() > 1) {
      DANGVU_TRY(r.record_office_holder({code, kFrom, "deputy_secretary", free[1], ""}));
      taken.insert(free[1]);
    }
  }
  return secretaries;
}

Status add_cluster_briefing(Registry& r, const std::string& cluster, const std::string& wanted) {
  // The leading organization: `wanted` when it is in the cluster, else its first; the deputy the
  // next one.
  auto history = r.store().load_org_history();
  if (!history.ok()) return history.error();
  const OrgTree tree = history->tree_as_of(*Date::parse("2026-01-15"));
  auto id_of = r.store().find_org(cluster);
  if (!id_of.ok()) return id_of.error();
  const auto* node = *id_of ? tree.find(**id_of) : nullptr;
  if (node == nullptr || node->children.size() < 2) return {};
  std::vector<std::string> members;
  for (OrgId child : node->children) members.push_back(history->code(child));
  std::string leading = members[0], deputy = members[1];
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i] == wanted) {
      leading = wanted;
      deputy = members[(i + 1) % members.size()];
    }
  }
  ConferenceInput in;
  in.org_code = cluster;
  in.kind = "cluster_briefing";
  in.period = "2025-Q4";
  in.date = "2026-01-15";
  in.start_time = "14:00";
  auto id = r.create_conference(in);
  if (!id.ok()) return id.error();
  DecisionInput d;
  d.conference = *id;
  d.leading_code = leading;
  d.deputy_code = deputy;
  d.for_period = "2026";
  auto added = r.add_decision(d);
  return added.ok() ? Status{} : Status{added.error()};
}

}  // namespace dangvu::service::demo
