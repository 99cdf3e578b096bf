#include "figures/dues_report.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/dues_digest.h"
#include "core/dues_remittance.h"
#include "core/member_fold.h"
#include "core/member_profile.h"
#include "store/dues_store.h"
#include "store/statistics_store.h"

namespace dangvu::figures {
namespace {

// Above this many orgs the scans read every member rather than name the orgs in an IN list.
constexpr std::size_t kMaxNamedOrgs = 2000;

// Where an org's book counts in each month: the index of its line (-1: outside the subtree then)
// and the share its kind keeps.
struct Placement {
  std::vector<int> line;
  std::vector<int> kept_bp;
};

// The org directly under `root` that holds `org` on `on` (the root itself for the root), or none
// when `org` is not in the subtree then.
std::optional<OrgId> line_org(const OrgHistory& history, OrgId org, OrgId root, Date on) {
  OrgId cur = org, below = org;
  for (int depth = 0; depth < 64; ++depth) {
    if (cur == root) return below;
    const OrgVersion* v = history.version_at(cur, on);
    if (v == nullptr || !v->parent) return std::nullopt;
    below = cur;
    cur = *v->parent;
  }
  return std::nullopt;
}

enum Flag : unsigned {
  kPresent = 1,
  kOwing = 2,
  kUnpaid = 4,
  kExempt = 8,
  kReduced = 16,
  kNoBasis = 32,
};

void count_member(DuesFigures& f, unsigned flags) {
  if ((flags & kPresent) == 0) return;
  ++f.members;
  if ((flags & kOwing) != 0) {
    ++f.members_owing;
    ++((flags & kUnpaid) != 0 ? f.members_unpaid : f.members_paid);
  }
  if ((flags & kExempt) != 0) ++f.members_exempt;
  if ((flags & kReduced) != 0) ++f.members_reduced;
  if ((flags & kNoBasis) != 0) ++f.members_no_basis;
}

// One member-month's money into a line, the month and the total.
struct MonthMoney {
  Money owed = 0, collected = 0, outstanding = 0, kept = 0;
  bool unpaid = false;
};

void add_money(DuesFigures& f, const MonthMoney& m) {
  f.owed += m.owed;
  f.collected += m.collected;
  f.outstanding += m.outstanding;
  f.kept += m.kept;
  f.remitted += m.collected - m.kept;
  if (m.unpaid) ++f.months_unpaid;
}

}  // namespace

Result<DuesReport> dues_report(store::Store& store, const DuesReportInput& in) {
  const std::size_t n = in.months.size();
  // Each org's line and share in each month, walking its parents as they were then.
  std::unordered_map<OrgId, Placement> placed;
  std::map<OrgId, int> line_of;  // the line's org → its index
  std::vector<OrgId> line_orgs;
  for (OrgId org : in.history.org_ids()) {
    Placement p{std::vector<int>(n, -1), std::vector<int>(n, 0)};
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      const OrgVersion* v = in.history.version_at(org, in.months[i]);
      if (v == nullptr) continue;
      const auto under = line_org(in.history, org, in.root, in.months[i]);
      if (!under) continue;
      auto [it, added] = line_of.emplace(*under, static_cast<int>(line_orgs.size()));
      if (added) line_orgs.push_back(*under);
      p.line[i] = it->second;
      auto kept = in.rules.kept_bp.find(v->kind);
      p.kept_bp[i] = kept == in.rules.kept_bp.end() ? 0 : kept->second;
      any = true;
    }
    if (any) placed.emplace(org, std::move(p));
  }
  store::OrgFilter orgs;
  if (placed.size() <= kMaxNamedOrgs && placed.size() * 2 <= in.history.org_count()) {
    orgs.emplace();
    for (const auto& [org, p] : placed) orgs->push_back(org);
    std::sort(orgs->begin(), orgs->end());
  }

  std::vector<int> years;
  for (Date m : in.months) {
    if (years.empty() || years.back() != m.year()) years.push_back(m.year());
  }
  store::DuesStore dues_store(store);

  DuesReport out;
  std::vector<DuesFigures> lines(line_orgs.size());
  out.months.resize(n);
  std::vector<DuesRecord> records;
  std::vector<DuesPayment> payments, some;
  std::vector<unsigned> line_flags(line_orgs.size(), 0);
  std::vector<int> touched;
  std::optional<Error> unreadable;
  store::StatisticsStore stats(store);
  auto read = stats.each_profile_with_dues(
      orgs, years, [&](const ProfileView& p, const DuesDigest& digest) {
        if (unreadable) return;
        const std::optional<Date> admitted = p.first_admission();
        bool ledger_read = false;
        std::optional<DuesLedger> ledger;
        unsigned total_flags = 0;
        touched.clear();
        for (std::size_t i = 0; i < n; ++i) {
          const Date month = in.months[i];
          const auto org = dues_org_in(p.periods, month);
          if (!org) continue;
          const auto at = placed.find(*org);
          if (at == placed.end() || at->second.line[i] < 0) continue;
          if (!ledger_read) {
            ledger_read = true;
            records.clear();
            payments.clear();
            if (!digest.records.empty() || !digest.years.empty()) {
              bool ok = parse_dues_records(digest.records, records);
              for (const auto& [year, text] : digest.years) {
                ok = ok && parse_dues_payments(text, some);
                payments.insert(payments.end(), some.begin(), some.end());
              }
              if (!ok) {
                const std::string id = std::to_string(p.member);
                unreadable = Error::io("Dữ liệu đảng phí của một đảng viên (số nội bộ " + id +
                                           ") không đọc được; hãy báo người quản trị.",
                                       "dues_digest " + id + " does not parse");
                return;
              }
              // Numbered across the years, as recorded: one id each.
              for (std::size_t k = 0; k < payments.size(); ++k) {
                payments[k].id = static_cast<DuesPaymentId>(k + 1);
              }
            }
            ledger.emplace(std::move(records), std::move(payments));
          }
          const int line = at->second.line[i];
          unsigned flags = kPresent;
          MonthMoney money;
          const DuesBasis basis =
              ledger->basis_for(month, in.rules, party_age_years_of(admitted, p.periods, month));
          if (basis.category.empty()) {
            flags |= kNoBasis;
          } else if (auto owed = dues_owed(in.rules, basis); !owed.ok()) {
            flags |= kNoBasis;
          } else {
            money.owed = owed->amount;
            if (owed->amount > 0) flags |= kOwing;
            if (owed->why == DuesOwed::Why::party_age || owed->why == DuesOwed::Why::exemption) {
              flags |= kExempt;
            }
            if (owed->why == DuesOwed::Why::reduction) flags |= kReduced;
          }
          const DuesPayment* paid = ledger->paid(month);
          if (paid != nullptr) {
            money.collected = paid->amount;
            money.kept = dues_share(in.rules, paid->amount, at->second.kept_bp[i]);
          } else if (money.owed > 0 && month < in.this_month) {
            money.unpaid = true;
            money.outstanding = money.owed;
            flags |= kUnpaid;
          }
          add_money(lines[static_cast<std::size_t>(line)], money);
          add_money(out.months[i], money);
          add_money(out.total, money);
          if (line_flags[static_cast<std::size_t>(line)] == 0) touched.push_back(line);
          line_flags[static_cast<std::size_t>(line)] |= flags;
          total_flags |= flags;
          unsigned month_flags = flags;
          count_member(out.months[i], month_flags);
        }
        for (int line : touched) {
          count_member(lines[static_cast<std::size_t>(line)],
                       line_flags[static_cast<std::size_t>(line)]);
          line_flags[static_cast<std::size_t>(line)] = 0;
        }
        count_member(out.total, total_flags);
      });
  if (!read.ok()) return read.error();
  if (unreadable) return *unreadable;
  if (n > 0) {
    auto sent = dues_store.remittances(orgs, in.months.front(), in.months.back());
    if (!sent.ok()) return sent.error();
    for (const DuesRemittance& r : standing_remittances(*sent)) {
      const auto month = std::find(in.months.begin(), in.months.end(), r.last_month);
      const auto at = placed.find(r.org);
      if (month == in.months.end() || at == placed.end()) continue;
      const auto i = static_cast<std::size_t>(month - in.months.begin());
      const int line = at->second.line[i];
      if (line < 0) continue;
      lines[static_cast<std::size_t>(line)].sent_up += r.amount;
      out.months[i].sent_up += r.amount;
      out.total.sent_up += r.amount;
    }
  }

  for (std::size_t i = 0; i < line_orgs.size(); ++i) {
    // An org without a member in the period's books (a committee's own level, a cluster) has
    // no line.
    if (lines[i].members > 0 || lines[i].sent_up > 0) out.lines.push_back({line_orgs[i], lines[i]});
  }
  std::sort(out.lines.begin(), out.lines.end(),
            [&](const DuesReportLine& a, const DuesReportLine& b) {
              if ((a.org == in.root) != (b.org == in.root)) return a.org == in.root;
              return in.history.code(a.org) < in.history.code(b.org);
            });
  return out;
}

}  // namespace dangvu::figures
