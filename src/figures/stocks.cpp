#include "figures/stocks.h"

#include "core/member_fold.h"

namespace dangvu::figures {

MemberStocks::MemberStocks(Date at, StockRules rules, const store::OrgFilter& named)
    : at_(at), every_org_(!named) {
  rules_.probation_months = rules.probation_months;
  rules_.recognition_review_working_days = rules.review_working_days;
  if (named) named_.insert(named->begin(), named->end());
}

const OrgStock* MemberStocks::find(OrgId org) const {
  if (every_org_) {
    return org >= 0 && static_cast<std::size_t>(org) < dense_.size()
               ? &dense_[static_cast<std::size_t>(org)]
               : nullptr;
  }
  auto it = sparse_.find(org);
  return it == sparse_.end() ? nullptr : &it->second;
}

OrgStock* MemberStocks::slot(OrgId org) {
  if (org < 0) return nullptr;
  if (every_org_) {
    if (static_cast<std::size_t>(org) >= dense_.size()) {
      dense_.resize(static_cast<std::size_t>(org) + 1 + dense_.size() / 8);
    }
    return &dense_[static_cast<std::size_t>(org)];
  }
  if (!named_.count(org)) return nullptr;
  return &sparse_[org];
}

void MemberStocks::add_period(const store::PeriodChange& p) {
  if (!(p.from <= at_ && at_ < p.to)) return;
  OrgStock* s = slot(p.org);
  if (s == nullptr) return;
  if (p.status == MemberStatus::official) s->official += p.sign;
  if (p.status == MemberStatus::candidate) s->candidates += p.sign;
  if (p.status == MemberStatus::probationary) {
    s->probationary += p.sign;
    if (p.probation_start && probation_overdue_on(*p.probation_start, at_, rules_)) {
      s->probation_overdue += p.sign;
    }
  }
}

void MemberStocks::add_milestone(const store::MilestoneChange& m) {
  if (m.on < at_.year_start() || at_ < m.on) return;
  OrgStock* s = slot(m.org);
  if (s == nullptr) return;
  if (m.kind == MemberEventKind::admission || m.kind == MemberEventKind::readmission) {
    s->admitted += m.sign;
  } else if (m.kind == MemberEventKind::recognition) {
    s->recognized += m.sign;
  }
}

void MemberStocks::apply(const store::FigureChanges& changes) {
  for (const auto& p : changes.periods) add_period(p);
  for (const auto& m : changes.milestones) add_milestone(m);
}

Result<MemberStocks> MemberStocks::read(store::Store& store, Date at, const RuleSet& rules,
                                        const store::OrgFilter& orgs) {
  MemberStocks out(at, StockRules::of(rules), orgs);
  auto statuses = store.count_by_org_and_status(at, orgs);
  if (!statuses.ok()) return statuses.error();
  for (const auto& r : *statuses) {
    OrgStock* s = out.slot(r.org);
    if (s == nullptr) continue;
    if (r.status == MemberStatus::official) s->official += r.count;
    if (r.status == MemberStatus::probationary) s->probationary += r.count;
    if (r.status == MemberStatus::candidate) s->candidates += r.count;
    if (r.probation_start && probation_overdue_on(*r.probation_start, at, rules)) {
      s->probation_overdue += r.count;
    }
  }
  auto milestones = store.count_milestones(at.year_start(), at, orgs);
  if (!milestones.ok()) return milestones.error();
  for (const auto& m : *milestones) {
    OrgStock* s = out.slot(m.org);
    if (s == nullptr) continue;
    if (m.kind == MemberEventKind::admission || m.kind == MemberEventKind::readmission) {
      s->admitted += m.count;
    } else if (m.kind == MemberEventKind::recognition) {
      s->recognized += m.count;
    }
  }
  return out;
}

}  // namespace dangvu::figures
