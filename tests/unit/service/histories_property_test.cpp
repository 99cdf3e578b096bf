// The property of the two histories (core/member_orgs.h) under random writes: seeded registries
// take member events, corrections and org merges, splits and dissolutions at random dates (most
// of them back-dated), in random order; after every accepted write no member's history breaks
// the invariant, and the province's counts on sample dates equal the counts of a fresh fold of
// every member. A refused write leaves the database unchanged (checked on a sample). The longer
// run: DANGVU_PROPERTY_SEEDS and DANGVU_PROPERTY_WRITES (bench/RESULTS.md).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "figures/engine.h"
#include "service/demo_rng.h"
#include "service/registry.h"
#include "store/statistics_store.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

int env_or(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v ? std::atoi(v) : fallback;
}

class RandomRegistry {
 public:
  RandomRegistry(std::uint64_t seed, const std::string& path, const Clock& clock)
      : rng_(seed), path_(path) {
    auto s = store::Store::open(path, store::OpenMode::create_new, clock.now_iso());
    EXPECT_TRUE(s.ok());
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock, "property");
    EXPECT_TRUE(registry_->add_org({"R", "Đảng bộ", "upper_committee", "", "2010-01-01"}).ok());
    EXPECT_TRUE(
        registry_->add_org({"G1", "Đảng bộ cơ sở", "grassroots_committee", "R", "2010-01-01"})
            .ok());
    for (int i = 0; i < 4; ++i) new_branch("2010-01-01");
  }

  Registry& registry() { return *registry_; }
  store::Store& store() { return *store_; }
  const std::vector<std::string>& branches() const { return branches_; }
  const std::vector<std::string>& members() const { return members_; }

  // One random write; returns whether it was accepted.
  bool write(bool check_unchanged) {
    const std::string before = check_unchanged ? testing::dump_database(path_) : "";
    Status st = random_action();
    if (!st.ok() && check_unchanged) {
      EXPECT_EQ(testing::dump_database(path_), before) << st.error().detail_en;
    }
    return st.ok();
  }

 private:
  std::string date() {
    auto d = Date::from_ymd(2012 + rng_.below(14), 1 + rng_.below(12), 1 + rng_.below(28));
    return d->iso();
  }
  std::string branch() { return rng_.pick(branches_); }
  std::string member() { return rng_.pick(members_); }

  void new_branch(const std::string& on) {
    const std::string code = "S" + std::to_string(++orgs_made_);
    if (registry_->add_org({code, "Chi bộ " + code, "sub_branch", "G1", on}).ok()) {
      branches_.push_back(code);
    }
  }

  Status random_action() {
    const int pick = members_.empty() ? 0 : rng_.below(100);
    if (pick < 20) {
      AddMemberInput in;
      in.code = "M" + std::to_string(members_.size() + 1);
      in.family = "Nguyễn";
      in.middle = "Văn";
      in.given = "An";
      in.birth_date = "1980-01-01";
      in.first.kind = rng_.below(4) == 0 ? "candidate_registration" : "admission";
      in.first.org_code = branch();
      in.first.date = date();
      auto id = registry_->add_member(in);
      if (id.ok()) members_.push_back(in.code);
      return id.ok() ? Status{} : Status{id.error()};
    }
    if (pick < 62) {
      EventInput e;
      e.member_code = member();
      e.date = date();
      const int k = rng_.below(10);
      if (k < 5) {
        e.kind = "transfer";
        const int m = rng_.below(3);
        e.mode = m == 0 ? "permanent" : m == 1 ? "temporary" : "temporary_end";
        if (m != 2) e.org_code = branch();
      } else if (k < 7) {
        e.kind = "recognition";
      } else if (k < 8) {
        e.kind = "admission";
      } else if (k < 9) {
        e.kind = "death";
      } else {
        e.kind = "removal";
      }
      auto id = registry_->record_event(e);
      return id.ok() ? Status{} : Status{id.error()};
    }
    if (pick < 80) {
      // A correction of one of the member's events: void it, move its date or its org.
      const std::string code = member();
      auto v = registry_->show_member(code, "");
      if (!v.ok() || v->events.empty()) return v.ok() ? Status{} : Status{v.error()};
      const auto& target =
          v->events[static_cast<std::size_t>(rng_.below(static_cast<int>(v->events.size())))];
      EventInput c;
      c.member_code = code;
      c.kind = "correction";
      c.date = target.date.add_days(rng_.below(400)).iso();
      c.corrects = std::to_string(target.id);
      const int how = rng_.below(3);
      if (how == 0) c.voids = true;
      if (how == 1) c.new_date = date();
      if (how == 2) c.new_org_code = branch();
      auto id = registry_->record_event(c);
      return id.ok() ? Status{} : Status{id.error()};
    }
    if (pick < 88) {
      const std::string from = branch(), into = branch();
      if (from == into) return {};
      return registry_->merge_orgs({{from}, into, "", "", "", date()});
    }
    if (pick < 92) {
      const std::string code = branch();
      SplitInput in;
      in.code = code;
      in.date = date();
      for (int i = 0; i < 2; ++i) {
        const std::string part = "S" + std::to_string(++orgs_made_);
        in.parts.push_back({part, "Chi bộ " + part, ""});
      }
      Status st = registry_->split_org(in);
      if (st.ok()) {
        for (const auto& p : in.parts) branches_.push_back(p.code);
      }
      return st;
    }
    if (pick < 96) return registry_->dissolve_org(branch(), date());
    new_branch(date());
    return {};
  }

  demo::Rng rng_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
  std::vector<std::string> branches_;  // every branch ever made (ended ones too: writes refused)
  std::vector<std::string> members_;
  int orgs_made_ = 0;
};

// The province's counts on `at` against a fresh fold of every member (show_member folds anew).
void expect_counts_match(Registry& registry, const std::vector<std::string>& members,
                         const std::string& at, const std::string& where) {
  MemberCounts folded;
  for (const auto& code : members) {
    auto v = registry.show_member(code, at);
    ASSERT_TRUE(v.ok()) << where << " " << code << ": " << v.error().detail_en;
    if (v->org_code.empty()) continue;
    if (v->status == MemberStatus::official) ++folded.official;
    if (v->status == MemberStatus::probationary) ++folded.probationary;
    if (v->status == MemberStatus::candidate) ++folded.candidates;
  }
  auto stats = registry.stats("R", at);
  ASSERT_TRUE(stats.ok()) << stats.error().detail_en;
  EXPECT_EQ(stats->members.official, folded.official) << where << " on " << at;
  EXPECT_EQ(stats->members.probationary, folded.probationary) << where << " on " << at;
  EXPECT_EQ(stats->members.candidates, folded.candidates) << where << " on " << at;
}

TEST(HistoriesProperty, RandomWritesNeverLeaveAMemberInAnEndedOrg) {
  const int seeds = env_or("DANGVU_PROPERTY_SEEDS", 3);
  const int writes = env_or("DANGVU_PROPERTY_WRITES", 120);
  FixedClock clock{Date::parse("2026-11-22").value()};
  int accepted = 0, refused = 0;
  for (int seed = 1; seed <= seeds; ++seed) {
    testing::TempDir dir;
    RandomRegistry r(static_cast<std::uint64_t>(seed) * 7919, dir.database("p.db"), clock);
    for (int i = 0; i < writes; ++i) {
      const bool ok = r.write(i % 15 == 0);
      (ok ? accepted : refused) += 1;
      if (!ok) continue;
      const std::string where = "seed " + std::to_string(seed) + " write " + std::to_string(i);
      auto breaks = r.registry().check_registry();
      ASSERT_TRUE(breaks.ok()) << breaks.error().detail_en;
      for (const auto& b : *breaks) ADD_FAILURE() << where << ": " << b.message_vi;
      // Each member's profile (what the statistics read) was derived again by the write.
      auto stale = store::StatisticsStore(r.store()).profiles_out_of_date();
      ASSERT_TRUE(stale.ok()) << stale.error().detail_en;
      EXPECT_TRUE(stale->empty()) << where << ": " << stale->size() << " profiles out of date";
      if (i % 10 == 0) {
        for (const char* at : {"2014-06-30", "2019-12-31", "2026-11-22"}) {
          expect_counts_match(r.registry(), r.members(), at, where);
        }
      }
      if (::testing::Test::HasFailure()) return;
    }
  }
  std::printf("%d registries, %d writes accepted, %d refused, no break\n", seeds, accepted,
              refused);
  // The run exercised both sides of the rules.
  EXPECT_GT(accepted, seeds * writes / 5);
  EXPECT_GT(refused, 0);
}

// The figures engine kept live by the change log, under the same random writes (merges, splits,
// dissolutions, back-dated events and corrections): after every batch the live figures — every
// org's stocks kept in one array, and a subtree's read by naming its orgs — equal a fresh
// computation (a new engine) and the plain-SQL way, for the province, its grassroots committee
// and a few branches on dates across the history.
TEST(HistoriesProperty, LiveFiguresEqualAFreshComputationAndPlainSql) {
  const int seeds = env_or("DANGVU_PROPERTY_SEEDS", 3);
  const int writes = env_or("DANGVU_PROPERTY_WRITES", 120) * 8;
  FixedClock clock{Date::parse("2026-11-22").value()};
  int checked = 0, accepted = 0;
  std::int64_t applied = 0;
  for (int seed = 1; seed <= seeds; ++seed) {
    testing::TempDir dir;
    RandomRegistry r(static_cast<std::uint64_t>(seed) * 104729, dir.database("p.db"), clock);
    figures::Engine live;
    Registry reader(r.store(), RuleSet::defaults(), clock, Caller::command_line("reader"));
    reader.use_figures(&live);
    for (int i = 1; i <= writes; ++i) {
      accepted += r.write(false) ? 1 : 0;
      if (i % 25 != 0) continue;
      for (const char* day : {"2013-03-31", "2018-12-31", "2024-07-01", "2026-11-22"}) {
        const Date at = Date::parse(day).value();
        auto tree = reader.tree_at(at);
        ASSERT_TRUE(tree.ok());
        const OrgTree& t = (*tree)->tree;
        std::vector<std::string> sample = {"R", "G1"};
        for (std::size_t b = 0; b < r.branches().size(); b += 3) sample.push_back(r.branches()[b]);
        // Every org's stocks, kept by the same engine and brought forward by each batch.
        auto every =
            live.stocks(r.store(), RuleSet::defaults(), at, 0, [] { return store::OrgFilter{}; });
        ASSERT_TRUE(every.ok());
        ASSERT_TRUE((*every)->every_org());
        for (const auto& code : sample) {
          const auto id = r.store().find_org(code).value();
          if (!id || t.find(*id) == nullptr) continue;  // not standing on that date
          const std::string where = "seed " + std::to_string(seed) + " write " + std::to_string(i) +
                                    " " + code + " on " + day;
          auto kept = reader.stats(code, day);
          Registry fresh_registry(r.store(), RuleSet::defaults(), clock, "fresh");
          auto fresh = fresh_registry.stats(code, day);
          ASSERT_TRUE(kept.ok() && fresh.ok()) << where;
          EXPECT_EQ(kept->members.official, fresh->members.official) << where;
          EXPECT_EQ(kept->members.probationary, fresh->members.probationary) << where;
          EXPECT_EQ(kept->members.candidates, fresh->members.candidates) << where;
          EXPECT_EQ(kept->probation_overdue, fresh->probation_overdue) << where;
          EXPECT_EQ(kept->admitted_this_year, fresh->admitted_this_year) << where;
          EXPECT_EQ(kept->recognized_this_year, fresh->recognized_this_year) << where;
          EXPECT_EQ(kept->branches_below_minimum, fresh->branches_below_minimum) << where;
          const figures::Facts all =
              figures::subtree_facts(t, *id, *(*tree)->history, **every, RuleSet::defaults());
          EXPECT_EQ(all[figures::Fact::members_official], fresh->members.official) << where;
          EXPECT_EQ(all[figures::Fact::members_probationary], fresh->members.probationary) << where;
          EXPECT_EQ(all[figures::Fact::candidates], fresh->members.candidates) << where;
          EXPECT_EQ(all[figures::Fact::admitted], fresh->admitted_this_year) << where;
          EXPECT_EQ(all[figures::Fact::recognized], fresh->recognized_this_year) << where;
          EXPECT_EQ(all[figures::Fact::probation_overdue], fresh->probation_overdue) << where;
          auto plain = r.store().plain_sql_stats(*id, at);
          ASSERT_TRUE(plain.ok());
          std::int64_t official = 0, probationary = 0, candidates = 0;
          for (const auto& [status, n] : plain->members_by_status) {
            if (status == MemberStatus::official) official = n;
            if (status == MemberStatus::probationary) probationary = n;
            if (status == MemberStatus::candidate) candidates = n;
          }
          EXPECT_EQ(kept->members.official, official) << where;
          EXPECT_EQ(kept->members.probationary, probationary) << where;
          EXPECT_EQ(kept->members.candidates, candidates) << where;
          ++checked;
        }
      }
      if (::testing::Test::HasFailure()) return;
    }
    applied += live.counters().changes_applied;
  }
  std::printf("%d writes accepted, %d figures compared, %lld changed rows applied\n", accepted,
              checked, static_cast<long long>(applied));
  EXPECT_GT(checked, 100);
  EXPECT_GT(applied, 0);  // the figures were brought forward, not only read again
}

}  // namespace
}  // namespace dangvu::service
