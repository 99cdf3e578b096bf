// A candidate's admission file (hồ sơ kết nạp): what it lacks on the branch's vote date
// (core/admission.h), judged on the candidate's dossier and the sponsors' own logs.
#include "service/registry.h"
#include "store/dossier_store.h"

namespace dangvu::service {

Result<std::vector<AdmissionGap>> Registry::admission_gaps_of(MemberId member,
                                                              std::optional<Date> vote,
                                                              Date fallback,
                                                              const OrgHistory& history) {
  auto records = store::DossierStore(store_).records(member);
  if (!records.ok()) return records.error();
  const Dossier file(*records);
  const Date on = vote.value_or(fallback);
  std::vector<SponsorStanding> sponsors;
  for (const auto& r : file.history_until("sponsor", on)) {
    SponsorStanding s{r.value, r.from, MemberStatus::none};
    auto found = store_.find_member(r.value);
    if (!found.ok()) return found.error();
    if (*found && (*found)->id != member) {
      auto events = store_.member_events((*found)->id);
      if (!events.ok()) return events.error();
      auto folded = fold((*found)->person, *events, history);
      if (!folded.ok()) return folded.error();
      s.status = folded->state_at(on).status;
    }
    sponsors.push_back(std::move(s));
  }
  return admission_gaps(rules_.admission, file, vote, fallback, sponsors);
}

Result<std::string> Registry::sponsor_label(const std::string& code, const OrgHistory& history) {
  auto found = store_.find_member(code);
  if (!found.ok()) return found.error();
  if (!*found) return code;
  auto events = store_.member_events((*found)->id);
  if (!events.ok()) return events.error();
  auto folded = fold((*found)->person, *events, history);
  if (!folded.ok()) return folded.error();
  if (!member_in_scope(*folded, history)) return code;
  return (*found)->person.full_name() + " (" + code + ")";
}

}  // namespace dangvu::service
