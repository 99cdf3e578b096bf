#pragma once
// Scope over time (docs/domain.md): what an account holds is its subtree as it stands today and the
// whole history of what that subtree holds — the orgs in it now and their predecessors (an org
// merged or split into one of them, an org dissolved while under one of them), the members it
// holds now with their whole histories. Nothing that has left the subtree is held, whatever date
// a read or a write names. Every access check of service/ asks this one rule.
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/member_fold.h"
#include "core/org_history.h"

namespace dangvu {

class Scope {
 public:
  // Everything: the administrator and the command line.
  Scope() = default;
  // The subtree of `root` as it stands on `today`, over `history` (which must outlive the Scope).
  Scope(const OrgHistory& history, OrgId root, Date today)
      : history_(&history), root_(root), today_(today) {}

  bool unlimited() const { return !root_; }
  std::optional<OrgId> root() const { return root_; }

  // Whether `org` is held: in the subtree today, or ended (or not yet begun) where it leads to an
  // org in it — its successor for a merge or split, its parent on its last day for a dissolution.
  bool holds(OrgId org) const;

  // The member's org on `d` for access: official or temporary org then; before the first period
  // with an org, that first one; after the last one (membership ended), the last one.
  bool holds_member_at(const MemberHistory& member, Date d) const;
  // The member as it stands today (the members an account holds now, with their whole histories).
  bool holds_member(const MemberHistory& member) const { return holds_member_at(member, today_); }

  // The held orgs of `tree` (the tree as of some date) with no held org above them, in tree
  // order: the scope as it stood then — one root when the scope's own org existed, else the
  // units it has since taken over (a committee formed on 1/7/2025 looking at 2023).
  std::vector<OrgId> tops_in(const OrgTree& tree) const;

 private:
  const OrgHistory* history_ = nullptr;
  std::optional<OrgId> root_;
  Date today_;
};

}  // namespace dangvu
