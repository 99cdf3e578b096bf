#pragma once
// The registry's use cases: one function per user action. Each validates its input before any
// transaction starts, runs as one transaction, records an audit entry, and on any refusal leaves
// the database exactly as it was.
#include <functional>
#include <string>

#include "core/clock.h"
#include "core/member_fold.h"
#include "core/result.h"
#include "core/rules.h"
#include "service/inputs.h"
#include "service/views.h"
#include "store/store.h"

namespace dangvu::service {

class Registry {
 public:
  // `actor` is who acts (an account name, "cli:<user>"), written in every event and audit entry.
  Registry(store::Store& store, RuleSet rules, const Clock& clock, std::string actor);

  const RuleSet& rules() const { return rules_; }
  store::Store& store() { return store_; }
  const Clock& clock() const { return clock_; }

  // Org operations, each with an effective date.
  Result<OrgId> add_org(const AddOrgInput& in);
  Status rename_org(const std::string& code, const std::string& name, const std::string& date);
  Status move_org(const std::string& code, const std::string& parent_code, const std::string& date);
  Status merge_orgs(const MergeInput& in);
  Status split_org(const SplitInput& in);
  Status dissolve_org(const std::string& code, const std::string& date);

  // Members.
  Result<MemberId> add_member(const AddMemberInput& in);
  Result<EventId> record_event(const EventInput& in);

  // Reads "as of" a date (empty: today).
  Result<TreeView> tree(const std::string& org_code, const std::string& at);
  Result<StatsView> stats(const std::string& org_code, const std::string& at);
  Result<MemberView> show_member(const std::string& code, const std::string& at);
  Result<MemberListView> list_members(const ListMembersInput& in);

  // Bulk loading for generators and imports, inside a transaction the caller holds: a member
  // with a whole log, checked by the same fold as typed entries. `history` is the org history
  // the caller keeps current (so that a million members need not reload it).
  Result<MemberId> load_member_with_events(const std::string& code, const Person& person,
                                           const std::vector<MemberEvent>& events,
                                           const OrgHistory& history);

 private:
  Result<Date> date_or_today(const std::string& text, const char* field) const;
  Result<OrgId> require_org(const std::string& code, const char* field);
  Result<OrgId> reserve_org(const std::string& code, const char* field);
  Status apply_org_change(const std::string& kind, const OrgChange& change,
                          const std::string& payload_json, const std::string& target);
  Status move_members(const OrgChange& change, const OrgHistory& history);
  Result<MemberEvent> to_event(const EventInput& in, const Date& default_date);
  Result<MemberHistory> fold(const Person& person, const std::vector<MemberEvent>& events,
                             const OrgHistory& history) const;
  Status audit(const std::string& action, const std::string& target, const std::string& detail);

  store::Store& store_;
  RuleSet rules_;
  const Clock& clock_;
  std::string actor_;
};

}  // namespace dangvu::service
