#pragma once
// The whole dated org tree and the planners of its operations. A planner checks an operation
// against the rule set and the history and returns the OrgChange that carries it out; nothing is
// changed until the caller applies it (the store in a transaction, or apply() in memory).
//
// Operations on an org are recorded in date order: an org that has a change after the date, or
// has ended, is refused ("the record would rewrite history"); a correction is a later operation.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/org.h"
#include "core/org_tree.h"
#include "core/result.h"
#include "core/rules.h"

namespace dangvu {

// A new org to be created by a planner: its identity (id and code) must already be reserved.
struct NewOrg {
  OrgId id = 0;
  std::string code;
  std::string name;
  std::optional<OrgKind> kind;  // split parts default to the source's kind
  std::optional<OrgId> parent;  // merge target / split parts default to the source's parent
  bool parent_given = false;
};

class OrgHistory {
 public:
  // Loading: every org's code and every version, in any order.
  void add_org(OrgId id, std::string code);
  void add_version(OrgVersion v);

  const std::string& code(OrgId id) const;
  bool has_org(OrgId id) const { return codes_.count(id) > 0; }
  std::vector<OrgId> org_ids() const;  // every org ever recorded, in no order
  std::size_t org_count() const { return codes_.size(); }
  // Orgs whose last version has ended (merged, split or dissolved): the only ones a date can
  // resolve to another org (a few hundred among the nation's 330,000).
  const std::set<OrgId>& ended_orgs() const { return ended_; }
  const OrgVersion* version_at(OrgId id, Date d) const;
  const OrgVersion* latest(OrgId id) const;
  const OrgVersion* earliest(OrgId id) const;
  std::vector<OrgVersion> all_versions() const;
  OrgTree tree_as_of(Date d) const;

  Result<OrgChange> plan_create(const NewOrg& org, Date date, const RuleSet& rules) const;
  Result<OrgChange> plan_rename(OrgId id, const std::string& name, Date date) const;
  Result<OrgChange> plan_move(OrgId id, std::optional<OrgId> new_parent, Date date,
                              const RuleSet& rules) const;
  // Merges `sources` into an existing org (`target`) or a new one (`new_target`): their children
  // move under the target, their members follow (member_moves), and each source ends with the
  // target as successor. `with_members` are the orgs that hold members on or after `date`.
  Result<OrgChange> plan_merge(const std::vector<OrgId>& sources, std::optional<OrgId> target,
                               const std::optional<NewOrg>& new_target, Date date,
                               const RuleSet& rules, const std::set<OrgId>& with_members) const;
  // Splits `source` into new orgs `parts`: each child goes to the part `assign` names (the first
  // part by default), its members to `members_to` (the first part by default), and the source
  // ends with the first part as successor.
  Result<OrgChange> plan_split(OrgId source, const std::vector<NewOrg>& parts,
                               const std::map<OrgId, OrgId>& assign,
                               std::optional<OrgId> members_to, Date date, const RuleSet& rules,
                               const std::set<OrgId>& with_members) const;
  // Ends an org that has no children and no members on or after `date`.
  Result<OrgChange> plan_dissolve(OrgId id, Date date, const std::set<OrgId>& with_members) const;

  void apply(const OrgChange& change);
  // Takes every org of `part` (codes and all versions, as the store has them now) in place of
  // what this history held for them: how a kept history follows the orgs a write changed.
  void replace_orgs(const OrgHistory& part);

 private:
  Status require_changeable(OrgId id, Date date, const char* field) const;
  Status require_parent(std::optional<OrgId> parent, OrgKind kind, Date date, const RuleSet& rules,
                        const std::string& child_code, const char* field) const;
  bool is_ancestor_from(OrgId ancestor, OrgId node, Date date) const;
  bool is_ancestor_at(OrgId ancestor, OrgId node, Date date) const;
  Status require_child_unchanged_after(const OrgVersion& child, Date date) const;
  // Versions whose parent is `id` and that are valid on `date` or later.
  std::vector<const OrgVersion*> children_from(OrgId id, Date date) const;

  std::unordered_map<OrgId, std::string> codes_;
  std::unordered_map<OrgId, std::vector<OrgVersion>> versions_;  // per org, by valid_from
  std::set<Date> change_dates_;
  std::unordered_map<OrgId, std::set<OrgId>>
      children_index_;     // parent → orgs that ever sat under it
  std::set<OrgId> ended_;  // see ended_orgs()
  void note_if_ended(OrgId id);
};

}  // namespace dangvu
