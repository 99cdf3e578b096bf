// The invariant of the two histories together (core/member_orgs.h): the refusal every write
// gives when it would break it, and the walk over a whole registry that lists what breaks it.
#include "core/member_orgs.h"

#include <algorithm>
#include <map>
#include <set>

#include "service/registry.h"

namespace dangvu::service {

std::string Registry::describe_break(const std::string& member_code, const Person& person,
                                     const OrgBreak& b, const OrgHistory& history) const {
  std::string where = "«" + history.code(b.org) + "»";
  if (const OrgVersion* last = history.latest(b.org)) where += " (" + last->name + ")";
  std::string text = "đảng viên «" + member_code + "» (" + person.full_name() + ") sinh hoạt " +
                     (b.temporary ? "tạm thời " : "") + "tại tổ chức " + where + " từ ngày " +
                     b.date.vi() + ", ";
  if (b.ended) {
    text += "khi tổ chức này đã kết thúc (hợp nhất, chia tách hoặc giải thể)";
  } else {
    const OrgVersion* v = history.version_at(b.org, b.date);
    text += "khi tổ chức này là " +
            std::string(v ? label_vi(v->kind) : std::string_view("tổ chức")) +
            ", không trực tiếp quản lý đảng viên";
  }
  return text;
}

Status Registry::require_orgs_hold(const std::string& member_code, const Person& person,
                                   const MemberHistory& after, const OrgHistory& history,
                                   const std::vector<OrgBreak>& was, const char* field) const {
  for (const auto& b : org_breaks(after, history, rules_)) {
    // A break the record already had (written before this check existed) does not block an
    // unrelated write; `dangvu check` lists it for the office to correct.
    if (std::find(was.begin(), was.end(), b) != was.end()) continue;
    const std::string f(field);
    return Error{ErrorKind::rule_refused, f, "member.org_exists_throughout",
                 "Trường «" + f + "»: sau khi ghi, " +
                     describe_break(member_code, person, b, history) +
                     ". Hãy ghi việc chuyển sinh hoạt của đảng viên trước ngày đó.",
                 "member " + member_code + " would sit in org " + history.code(b.org) +
                     " after it ended or stopped holding members on " + b.date.iso()};
  }
  return {};
}

Result<std::vector<BreakView>> Registry::check_registry() {
  DANGVU_TRY(require_permission(caller_.role == auth::Role::admin, "kiểm tra toàn bộ hồ sơ",
                                "check the whole registry"));
  auto shared_history = figures().history(store_);
  if (!shared_history.ok()) return shared_history.error();
  const std::shared_ptr<const OrgHistory> history = *shared_history;
  // Only an org that ends or stops holding members can break a member's history: read the
  // members that ever touched one (a few hundred orgs of the nation's 330,000).
  std::vector<OrgId> suspects(history->ended_orgs().begin(), history->ended_orgs().end());
  std::map<OrgId, std::set<bool>> holds;
  for (const auto& v : history->all_versions()) holds[v.org].insert(rules_.holds_members(v.kind));
  for (const auto& [org, kinds] : holds) {
    if (kinds.size() > 1 && !history->ended_orgs().count(org)) suspects.push_back(org);
  }
  auto ids = store_.members_in_orgs_from(suspects, Date::from_days(0));
  if (!ids.ok()) return ids.error();
  std::vector<BreakView> out;
  for (MemberId id : *ids) {
    auto member = store_.member_by_id(id);
    if (!member.ok()) return member.error();
    auto events = store_.member_events(id);
    if (!events.ok()) return events.error();
    auto folded = fold(member->person, *events, *history);
    if (!folded.ok()) {
      out.push_back({member->code, member->person.full_name(), Date::from_days(0), "", false,
                     "Hồ sơ của đảng viên «" + member->code +
                         "» không còn hợp lệ: " + folded.error().message_vi});
      continue;
    }
    for (const auto& b : org_breaks(*folded, *history, rules_)) {
      std::string text = describe_break(member->code, member->person, b, *history);
      out.push_back({member->code, member->person.full_name(), b.date, history->code(b.org),
                     b.temporary, "Ngày " + b.date.vi() + ": " + text + "."});
    }
  }
  return out;
}

}  // namespace dangvu::service
