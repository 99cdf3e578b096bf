#include "service/demo_rating.h"

#include <algorithm>

#include "service/demo_rng.h"

namespace dangvu::service::demo {

std::vector<RatingRecord> rating_round_of(const MemberHistory& history,
                                          const std::vector<DossierRecord>& dossier,
                                          OrgId decided_by, int province, std::int64_t serial,
                                          const RuleSet& rules, const std::string& recorded_at) {
  std::vector<RatingRecord> out;
  const Date end = *Date::from_ymd(kRatedYear, 12, 31);
  if (!is_member(history.state_at(end).status)) return out;
  std::optional<Date> last_admission;
  for (const auto& m : history.milestones) {
    if (m.kind == MemberEventKind::admission || m.kind == MemberEventKind::readmission) {
      if (!last_admission || m.date > *last_admission) last_admission = m.date;
    }
  }
  const RatingStanding standing =
      rating_standing(last_admission, Dossier(dossier), kRatedYear, end, rules.rating);
  if (standing.not_rated) return out;
  Rng rng(0x4A71'2025'0000'0000ULL ^ (static_cast<std::uint64_t>(province) << 40) ^
          static_cast<std::uint64_t>(serial));
  // Most between 72 and 92; a few lower.
  int score = 720 + rng.below(200);
  if (rng.chance(0.06)) score = 520 + rng.below(180);
  if (rng.chance(0.01)) score = 400 + rng.below(100);
  const bool on_time = !rng.chance(0.08);
  RatingRecord self;
  self.year = kRatedYear;
  self.step = RatingStep::self;
  self.score = std::min(1000, score + rng.below(3) * 5);
  self.tasks_on_time = on_time;
  self.category = category_for({*self.score, on_time, standing.disciplined}, rules.rating);
  self.recorded_at = recorded_at;
  self.recorded_by = "demo";
  RatingRecord proposal = self;
  proposal.step = RatingStep::proposal;
  proposal.score = score;
  proposal.category = category_for({score, on_time, standing.disciplined}, rules.rating);
  RatingRecord decision = proposal;
  decision.step = RatingStep::decision;
  decision.decision_no = "45-QĐ/ĐU";
  decision.decided_on = *Date::from_ymd(kRatedYear, 12, 26);
  decision.decided_by = decided_by;
  out = {self, proposal, decision};
  return out;
}

std::vector<OrgResultRecord> org_results_of(OrgId committee, const std::vector<OrgId>& sub_branches,
                                            int province, const RuleSet& rules,
                                            const std::string& recorded_at) {
  std::vector<OrgResultRecord> out;
  Rng rng(0x0E6A'2025'0000'0000ULL ^ (static_cast<std::uint64_t>(province) << 40));
  const Date decided = *Date::from_ymd(kRatedYear, 12, 26);
  auto record = [&](OrgId org, int year, std::string subject, OrgResultStep step) {
    OrgResultRecord r;
    r.org = org;
    r.year = year;
    r.subject = std::move(subject);
    r.step = step;
    r.recorded_at = recorded_at;
    r.recorded_by = "demo";
    if (step == OrgResultStep::decision) {
      r.decided_on = decided;
      r.decided_by = committee;
    }
    return r;
  };
  for (OrgId org : sub_branches) {
    OrgResultRecord self =
        record(org, kRatedYear, std::string(kRatingSubject), OrgResultStep::proposal);
    self.score = 760 + rng.below(200);
    self.tasks_late_percent = rng.chance(0.15) ? 5 + rng.below(10) : 0;
    self.tasks_exceeding_percent = rng.below(50);
    self.category = org_category_for(
        {*self.score, self.tasks_late_percent, self.tasks_exceeding_percent, false}, rules.rating);
    OrgResultRecord decision = self;
    decision.step = OrgResultStep::decision;
    decision.decision_no = "46-QĐ/ĐU";
    decision.decided_on = decided;
    decision.decided_by = committee;
    out.push_back(self);
    out.push_back(decision);
    if (rng.chance(0.7)) {
      out.push_back(record(org, kRatedYear, "chi_bo_bon_tot", OrgResultStep::proposal));
      OrgResultRecord recognized =
          record(org, kRatedYear, "chi_bo_bon_tot", OrgResultStep::decision);
      recognized.decision_no = "47-QĐ/ĐU";
      recognized.recognized = !rng.chance(0.2);
      out.push_back(recognized);
    }
    if (rng.chance(0.8)) {
      out.push_back(record(org, kRatedYear + 1, "chi_bo_bon_tot", OrgResultStep::proposal));
    }
  }
  return out;
}

}  // namespace dangvu::service::demo
