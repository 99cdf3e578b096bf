// The figure change log (figure_change, schema v11): what each committed revision changed in the
// rows the figures are computed from, so that a process keeping figures in memory brings them
// forward by the few rows a write changed instead of reading the nation again
// (figures/engine.h). Written in the transaction that makes the change, under the revision it
// commits as; read back by revision range.
#include <algorithm>

#include "store/store_impl.h"

namespace dangvu::store {
namespace {

// A transaction that changed more rows than this (an import, the demo) is logged as 'reload':
// reading the figures again costs less than applying its rows one by one.
constexpr std::size_t kMaxLoggedRows = 20000;
// Revisions kept: a process whose figures are older reads them again. Pruned every
// kPruneEvery revisions.
constexpr long long kKeptRevisions = 100000;
constexpr long long kPruneEvery = 1024;
// Rows per INSERT statement (their values are our own dates, enum names and ids: inlined).
constexpr std::size_t kRowsPerStatement = 256;

std::string quoted(const std::string& text) { return "'" + text + "'"; }

std::string date_or_null(const std::optional<Date>& d) {
  return d ? quoted(d->iso()) : std::string("NULL");
}

void insert_rows(soci::session& sql, const std::vector<std::string>& rows) {
  static const std::string head =
      "INSERT INTO figure_change (topic, revision, kind, sign, org_id, status, valid_from, "
      "valid_to, probation_start) VALUES ";
  for (std::size_t at = 0; at < rows.size(); at += kRowsPerStatement) {
    std::string query = head;
    const std::size_t end = std::min(rows.size(), at + kRowsPerStatement);
    for (std::size_t i = at; i < end; ++i) query += (i == at ? "" : ", ") + rows[i];
    sql << query;
  }
}

// Removes from `ended` and `started` the rows both have (a re-fold rewrites every row of the
// member; most come back unchanged).
template <typename Row>
void cancel_common(std::vector<Row>& ended, std::vector<Row>& started) {
  for (auto it = ended.begin(); it != ended.end();) {
    auto same = std::find(started.begin(), started.end(), *it);
    if (same != started.end()) {
      started.erase(same);
      it = ended.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace

void FigureLog::clear() {
  periods.clear();
  milestones.clear();
  orgs.clear();
  overflow = org_overflow = false;
}

void FigureLog::note_org(OrgId org) {
  if (org_overflow) return;
  orgs.insert(org);
  if (orgs.size() > kMaxLoggedRows) {
    org_overflow = true;
    orgs.clear();
  }
}

void FigureLog::note_member(std::vector<PeriodChange> ended,
                            std::vector<MilestoneChange> ended_milestones,
                            const MemberHistory& now) {
  if (overflow) return;
  std::vector<PeriodChange> started;
  for (const auto& p : now.periods) {
    if (p.org) started.push_back({+1, *p.org, p.status, p.from, p.to, p.probation_start});
  }
  std::vector<MilestoneChange> started_milestones;
  for (const auto& m : now.milestones) {
    if (m.org) started_milestones.push_back({+1, *m.org, m.kind, m.date});
  }
  for (auto& e : ended) e.sign = +1;  // compared as rows; signed below
  for (auto& e : ended_milestones) e.sign = +1;
  cancel_common(ended, started);
  cancel_common(ended_milestones, started_milestones);
  for (auto& e : ended) {
    e.sign = -1;
    periods.push_back(e);
  }
  for (auto& e : ended_milestones) {
    e.sign = -1;
    milestones.push_back(e);
  }
  periods.insert(periods.end(), started.begin(), started.end());
  milestones.insert(milestones.end(), started_milestones.begin(), started_milestones.end());
  if (periods.size() + milestones.size() > kMaxLoggedRows) {
    overflow = true;
    periods.clear();
    milestones.clear();
  }
}

void write_figure_log(Store::Impl& impl, const std::string& topic, long long revision) {
  const std::string head = "(" + quoted(topic) + ", " + std::to_string(revision) + ", ";
  std::vector<std::string> rows;
  const FigureLog& log = impl.figure_log;
  const bool reload = topic == "member" ? log.overflow : log.org_overflow;
  rows.push_back(head + (reload ? "'reload'" : "'revision'") +
                 ", 0, NULL, NULL, NULL, NULL, NULL)");
  if (reload) {
    // Nothing more: a process reads again what this revision changed.
  } else if (topic == "org") {
    for (OrgId org : log.orgs) {
      rows.push_back(head + "'org', 0, " + std::to_string(org) + ", NULL, NULL, NULL, NULL)");
    }
  } else {
    for (const auto& p : log.periods) {
      rows.push_back(head + "'period', " + std::to_string(p.sign) + ", " + std::to_string(p.org) +
                     ", " + quoted(std::string(to_string(p.status))) + ", " + quoted(p.from.iso()) +
                     ", " + quoted(p.to.iso()) + ", " + date_or_null(p.probation_start) + ")");
    }
    for (const auto& m : log.milestones) {
      rows.push_back(head + "'milestone', " + std::to_string(m.sign) + ", " +
                     std::to_string(m.org) + ", " + quoted(std::string(to_string(m.kind))) + ", " +
                     quoted(m.on.iso()) + ", NULL, NULL)");
    }
  }
  insert_rows(impl.sql, rows);
  if (revision % kPruneEvery == 0) {
    const long long below = revision - kKeptRevisions;
    impl.sql << "DELETE FROM figure_change WHERE topic = :t AND revision <= :r", soci::use(topic),
        soci::use(below);
  }
}

Result<FigureChanges> Store::figure_changes(const std::string& topic, std::int64_t after,
                                            std::int64_t upto) {
  return guarded([&]() -> Result<FigureChanges> {
    FigureChanges out;
    if (upto <= after) return out;
    long long a = after, b = upto, revision = 0, sign = 0, org = 0;
    std::string kind, status, from, to, probation;
    soci::indicator org_ind = soci::i_null, status_ind = soci::i_null, from_ind = soci::i_null,
                    to_ind = soci::i_null, probation_ind = soci::i_null;
    soci::statement st =
        (impl_->sql.prepare << "SELECT revision, kind, sign, org_id, status, valid_from, valid_to, "
                               "probation_start FROM figure_change WHERE topic = :t AND "
                               "revision > :a AND revision <= :b ORDER BY revision",
         soci::into(revision), soci::into(kind), soci::into(sign), soci::into(org, org_ind),
         soci::into(status, status_ind), soci::into(from, from_ind), soci::into(to, to_ind),
         soci::into(probation, probation_ind), soci::use(topic), soci::use(a), soci::use(b));
    st.execute();
    long long revisions = 0;
    while (st.fetch()) {
      if (kind == "revision") {
        ++revisions;
      } else if (kind == "reload") {
        out.complete = false;
      } else if (kind == "org") {
        out.orgs.push_back(org);
      } else if (kind == "period") {
        PeriodChange c;
        c.sign = static_cast<int>(sign);
        c.org = org;
        c.status = parse_member_status(status).value_or(MemberStatus::none);
        c.from = Date::parse(from).value();
        c.to = Date::parse(to).value();
        if (probation_ind == soci::i_ok) c.probation_start = Date::parse(probation).value();
        out.periods.push_back(c);
      } else if (kind == "milestone") {
        MilestoneChange c;
        c.sign = static_cast<int>(sign);
        c.org = org;
        c.kind = parse_member_event_kind(status).value_or(MemberEventKind::admission);
        c.on = Date::parse(from).value();
        out.milestones.push_back(c);
      }
    }
    if (revisions != b - a) out.complete = false;
    if (!out.complete) {
      out.periods.clear();
      out.milestones.clear();
      out.orgs.clear();
    }
    return out;
  });
}

}  // namespace dangvu::store
