// Roll-ups over the tree as of a date, our way beside the plain-SQL way, on one database (either
// engine). Run by bench/nation.sh; prints a Markdown table and whether both ways agree.
//
//   dangvu_bench_rollup --db FILE|postgresql://… [--runs N] [--at YYYY-MM-DD] [--period 2026-H1]
//
// Our way, as the server runs it: one figures::Engine (figures/engine.h) holds the org history,
// the trees and the member stocks, and brings them forward by the change log of every write.
// "cold" starts each run with a new engine (the first request after a start); "after a member
// write" admits a new member into a branch of the subtree through the registry (one committed
// transaction, not timed) and then times the request on the engine that was warm before the write;
// "warm" repeats the request with nothing written. The plain-SQL way is
// store::Store::plain_sql_stats: a recursive CTE over the org versions valid on the date, joined
// to the member periods, in every query. Figures are compared after every write.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/rollup.h"
#include "core/rules.h"
#include "figures/engine.h"
#include "service/registry.h"
#include "store/store.h"

using namespace dangvu;

namespace {

double median_ms(
    int runs, const std::function<void()>& once, const std::function<void()>& before = [] {}) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    before();  // not timed
    auto t0 = std::chrono::steady_clock::now();
    once();
    auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

[[noreturn]] void fail(const std::string& what, const Error& e) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), e.detail_en.c_str());
  std::exit(1);
}

std::string shown(double ms) {
  char buf[32];
  if (ms < 10) {
    std::snprintf(buf, sizeof buf, "%.2f", ms);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f", ms);
  }
  return buf;
}

struct Sample {
  std::string label;
  OrgId id = 0;
  std::string code;
};

}  // namespace

int main(int argc, char** argv) {
  std::string db, at_text = "2026-06-30", period = "2026-H1";
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db") db = argv[i + 1];
    if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    if (a == "--at") at_text = argv[i + 1];
    if (a == "--period") period = argv[i + 1];
  }
  if (db.empty()) {
    std::fprintf(stderr, "usage: %s --db FILE|URL [--runs N] [--at DATE] [--period P]\n", argv[0]);
    return 2;
  }
  const Date at = Date::parse(at_text).value();
  static const SystemClock clock;
  auto store = store::Store::open(db, store::OpenMode::open_existing, clock.now_iso());
  if (!store.ok()) fail("open", store.error());
  auto history = (*store)->load_org_history();
  if (!history.ok()) fail("history", history.error());
  const OrgTree tree = history->tree_as_of(at);

  // The whole tree's root, a province (the root itself when there is only one), a grassroots
  // committee (the one with the most orgs below it, so the subtree is not trivial).
  std::vector<Sample> samples;
  const OrgId root = tree.roots().front();
  samples.push_back({"the whole tree", root, history->code(root)});
  OrgId province = root;
  for (OrgId child : tree.find(root)->children) {
    if (tree.find(child)->kind == OrgKind::upper_committee && tree.subtree(child).size() > 100) {
      province = child;
      break;
    }
  }
  if (province != root) samples.push_back({"one province", province, history->code(province)});
  OrgId grassroots = 0;
  std::size_t best = 0;
  for (OrgId id : tree.subtree(province)) {
    if (tree.find(id)->kind != OrgKind::grassroots_committee) continue;
    if (auto n = tree.subtree(id).size(); n > best) {
      best = n;
      grassroots = id;
    }
  }
  if (grassroots != 0) {
    samples.push_back({"one grassroots committee", grassroots, history->code(grassroots)});
  }

  std::printf("database: %s, as of %s, median of %d runs (ms)\n\n", store::redacted(db).c_str(),
              at.iso().c_str(), runs);
  std::printf(
      "| stats of | orgs | members | ours, cold | ours, after a member write | ours, warm | plain "
      "SQL | cold × | after write × | warm × | agree |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
  // One member admitted into a branch of the subtree: what a server takes every few seconds.
  int written = 0;
  const auto run_id = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  auto write_member = [&](OrgId subtree_root) {
    OrgId branch = subtree_root;
    for (OrgId id : tree.subtree(subtree_root)) {
      if (RuleSet::defaults().holds_members(tree.find(id)->kind)) {
        branch = id;
        break;
      }
    }
    service::Registry writer(**store, RuleSet::defaults(), clock, "bench");
    service::AddMemberInput in;
    // A new code each run: the bench's database is kept from run to run.
    in.code = "BW" + std::to_string(run_id) + "-" + std::to_string(written);
    in.family = "Thử";
    in.middle = "Văn";
    in.given = "Ghi";
    in.birth_date = "1990-01-01";
    in.gender = "male";
    in.first.kind = "admission";
    in.first.date = at.add_days(-(written++ % 150)).iso();
    in.first.org_code = history->code(branch);
    in.first.decision_no = "Bench-" + std::to_string(written);
    auto added = writer.add_member(in);
    if (!added.ok()) fail("write", added.error());
  };
  bool all_agree = true;
  for (const auto& s : samples) {
    service::StatsView ours;
    const double cold = median_ms(runs, [&] {
      figures::Engine fresh;
      service::Registry r(**store, RuleSet::defaults(), clock, "bench");
      r.use_figures(&fresh);
      auto v = r.stats(s.code, at.iso());
      if (!v.ok()) fail("stats " + s.code, v.error());
      ours = *v;
    });
    figures::Engine engine;
    service::Registry live(**store, RuleSet::defaults(), clock, "bench");
    live.use_figures(&engine);
    (void)live.stats(s.code, at.iso());
    const double member_write = median_ms(
        runs,
        [&] {
          auto v = live.stats(s.code, at.iso());
          if (!v.ok()) fail("stats " + s.code, v.error());
          ours = *v;
        },
        [&] { write_member(s.id); });
    const double warm = median_ms(runs, [&] {
      auto v = live.stats(s.code, at.iso());
      if (!v.ok()) fail("stats " + s.code, v.error());
    });
    store::Store::PlainSqlStats plain;
    const double sql = median_ms(runs, [&] {
      auto p = (*store)->plain_sql_stats(s.id, at);
      if (!p.ok()) fail("plain " + s.code, p.error());
      plain = *p;
    });
    // Every figure both ways compute: orgs by kind, members by status.
    std::map<OrgKind, std::int64_t> kinds;
    for (auto [k, n] : plain.orgs_by_kind) kinds[k] = n;
    std::map<MemberStatus, std::int64_t> statuses;
    for (auto [st, n] : plain.members_by_status) statuses[st] = n;
    const bool agree = kinds[OrgKind::grassroots_committee] == ours.grassroots_committees &&
                       kinds[OrgKind::grassroots_branch] == ours.grassroots_branches &&
                       kinds[OrgKind::sub_branch] == ours.sub_branches &&
                       statuses[MemberStatus::official] == ours.members.official &&
                       statuses[MemberStatus::probationary] == ours.members.probationary &&
                       statuses[MemberStatus::candidate] == ours.members.candidates;
    all_agree = all_agree && agree;
    std::int64_t orgs = 0;
    for (auto [k, n] : plain.orgs_by_kind) orgs += n;
    std::printf("| %s (%s) | %lld | %lld | %s | %s | %s | %s | %.1f | %.1f | %.0f | %s |\n",
                s.label.c_str(), s.code.c_str(), static_cast<long long>(orgs),
                static_cast<long long>(ours.members.official + ours.members.probationary),
                shown(cold).c_str(), shown(member_write).c_str(), shown(warm).c_str(),
                shown(sql).c_str(), sql / cold, sql / member_write, sql / warm,
                agree ? "yes" : "NO");
  }

  // The half-year report of the province: every indicator for the province and each org below
  // it, the checks, the document. Beside it, the plain-SQL way for the rows of its first table
  // (the province and each org directly below): one CTE query per row, members and orgs only.
  const auto& sample = samples.size() > 1 ? samples[1] : samples[0];
  const double report_ms = median_ms(runs, [&] {
    figures::Engine fresh;
    service::Registry r(**store, RuleSet::defaults(), clock, "bench");
    r.use_figures(&fresh);
    auto doc = r.report(sample.code, period);
    if (!doc.ok()) fail("report " + sample.code, doc.error());
  });
  figures::Engine engine;
  service::Registry live(**store, RuleSet::defaults(), clock, "bench");
  live.use_figures(&engine);
  (void)live.report(sample.code, period);
  const double report_after_write_ms = median_ms(
      runs,
      [&] {
        auto doc = live.report(sample.code, period);
        if (!doc.ok()) fail("report " + sample.code, doc.error());
      },
      [&] { write_member(sample.id); });
  std::vector<OrgId> rows{sample.id};
  for (OrgId child : tree.find(sample.id)->children) rows.push_back(child);
  const double plain_rows_ms = median_ms(runs, [&] {
    for (OrgId id : rows) {
      auto p = (*store)->plain_sql_stats(id, at);
      if (!p.ok()) fail("plain row", p.error());
    }
  });
  std::printf(
      "\n| report %s of %s | ours, cold (24 indicators, checks, document) | ours, after a member "
      "write | plain SQL (2 figures × %zu rows) |\n",
      period.c_str(), sample.code.c_str(), rows.size());
  std::printf("|---|---:|---:|---:|\n| ms | %s | %s | %s |\n", shown(report_ms).c_str(),
              shown(report_after_write_ms).c_str(), shown(plain_rows_ms).c_str());
  std::printf("\nroll-up and plain SQL agree on every figure: %s\n", all_agree ? "yes" : "NO");
  return all_agree ? 0 : 1;
}
