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

}  // namespace dangvu::service::demo
