// The store over a real SQLite file, or a real PostgreSQL server when the suite runs on it
// (tests/support/temp_db.h): migrations, refusals of foreign databases, round trips, and
// concurrent writers.
#include "store/store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "support/temp_db.h"

namespace dangvu::store {
namespace {

const std::string kNow = "2026-11-22T12:00:00Z";

Date d(const char* iso) { return Date::parse(iso).value(); }

TEST(Store, CreatesSchemaAtLatestVersion) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok()) << s.error().detail_en;
  EXPECT_EQ((*s)->schema_version(), Store::latest_schema_version());
  EXPECT_EQ((*s)->engine(), engine_of(db));
  EXPECT_NE(testing::dump_database(db).find("member_event"), std::string::npos);
}

TEST(Store, RefusesToCreateOverAnExistingDatabase) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  ASSERT_TRUE(Store::open(db, OpenMode::create_new, kNow).ok());
  auto again = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST(Store, TellsAFileFromAServerAndNeverShowsAPassword) {
  EXPECT_EQ(engine_of("/data/dangvu.db"), Engine::sqlite);
  EXPECT_EQ(engine_of("postgresql://dangvu@db.tinh.vn/dangvu"), Engine::postgresql);
  EXPECT_EQ(engine_of("postgres://db/dangvu"), Engine::postgresql);
  EXPECT_EQ(redacted("postgresql://dangvu:bi-mat@db:5432/dangvu"),
            "postgresql://dangvu:***@db:5432/dangvu");
  EXPECT_EQ(redacted("postgresql://db/dangvu"), "postgresql://db/dangvu");
  // Nothing listens on port 1: the refusal names the server, not the password.
  auto s = Store::open("postgresql://dangvu:bi-mat@127.0.0.1:1/dangvu?connect_timeout=2",
                       OpenMode::open_existing, kNow);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::io);
  EXPECT_NE(s.error().message_vi.find("dangvu:***@127.0.0.1:1"), std::string::npos)
      << s.error().message_vi;
  EXPECT_EQ(s.error().message_vi.find("bi-mat"), std::string::npos);
  EXPECT_EQ(s.error().detail_en.find("bi-mat"), std::string::npos);
}

TEST(Store, RefusesAServerDatabaseThatIsEmptyOrNotOurs) {
  if (testing::TempDir::server_url().empty()) GTEST_SKIP() << "PostgreSQL run only";
  testing::TempDir dir;
  const auto empty = dir.database("empty");
  auto missing = Store::open(empty, OpenMode::open_existing, kNow);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  const auto other = dir.database("other");
  ASSERT_TRUE(testing::exec_sql(other, "CREATE TABLE invoice (id INTEGER)"));
  const auto before = testing::dump_database(other);
  for (auto mode : {OpenMode::open_existing, OpenMode::create_new}) {
    auto foreign = Store::open(other, mode, kNow);
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(foreign.error().field, "db");
  }
  EXPECT_EQ(testing::dump_database(other), before);
}

TEST(Store, RefusesAMissingFileAndATextFile) {
  testing::TempDir dir;
  auto missing = Store::open(dir.file("none.db"), OpenMode::open_existing, kNow);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  std::ofstream(dir.file("text.db")) << "hello";
  auto text = Store::open(dir.file("text.db"), OpenMode::open_existing, kNow);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(text.error().field, "db");
}

TEST(Store, RefusesANewerSchemaAndLeavesItUntouched) {
  testing::TempDir dir;
  const auto path = dir.database("a.db");
  {
    auto s = Store::open(path, OpenMode::create_new, kNow);
    ASSERT_TRUE(s.ok());
  }
  ASSERT_TRUE(testing::exec_sql(path, "INSERT INTO schema_version VALUES (99, 'x')"));
  const auto before = testing::dump_database(path);
  auto s = Store::open(path, OpenMode::open_existing, kNow);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().rule, "schema.version");
  EXPECT_EQ(testing::dump_database(path), before);
}

TEST(Store, RollsBackWhenTheTransactionFails) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok());
  const auto before = testing::dump_database(db);
  Status st = (*s)->write_transaction([&]() -> Status {
    auto id = (*s)->insert_org("TU");
    if (!id.ok()) return id.error();
    return Error::invalid("x", "từ chối", "refused");
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(testing::dump_database(db), before);
  auto found = (*s)->find_org("TU");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

// The read cache keys on these: each moves when, and only when, a committed transaction changed
// its data, and is never raised by a transaction that rolled back.
TEST(Store, RevisionsMoveWithCommittedChangesOnly) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok());
  auto& store = **s;
  const auto org0 = store.org_revision().value();
  const auto member0 = store.member_revision().value();

  ASSERT_TRUE(store
                  .write_transaction([&]() -> Status {
                    if (auto id = store.insert_org("TU"); !id.ok()) return id.error();
                    return {};
                  })
                  .ok());
  EXPECT_NE(store.org_revision().value(), org0);
  EXPECT_EQ(store.member_revision().value(), member0);
  const auto org1 = store.org_revision().value();

  Status refused = store.write_transaction([&]() -> Status {
    Person p{"Nguyễn", "Văn", "An", d("1990-01-02"), Gender::male};
    if (auto id = store.insert_member({"M1", p, "nguyen van an", "00", {"an"}}, kNow); !id.ok()) {
      return id.error();
    }
    return Error::invalid("x", "từ chối", "refused");
  });
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(store.member_revision().value(), member0);

  ASSERT_TRUE(store
                  .write_transaction([&]() -> Status {
                    Person p{"Nguyễn", "Văn", "An", d("1990-01-02"), Gender::male};
                    auto id = store.insert_member({"M1", p, "nguyen van an", "00", {"an"}}, kNow);
                    if (!id.ok()) return id.error();
                    return {};
                  })
                  .ok());
  EXPECT_NE(store.member_revision().value(), member0);
  EXPECT_EQ(store.org_revision().value(), org1);
}

// The indexes that order member rows are dropped for a bulk write into a registry holding few and
// built again before COMMIT (SQLite only); a rollback brings them back; a small write keeps them.
TEST(Store, OrderIndexesDeferredForABulkWriteComeBackEitherWay) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok());
  auto& store = **s;
  const bool sqlite = store.engine() == Engine::sqlite;
  const std::string indexes =
      sqlite ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
             : "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
               "ORDER BY indexname";
  const std::string schema = testing::query_text(db, indexes);
  ASSERT_NE(schema.find("member_period_by_org"), std::string::npos) << schema;

  // Outside a transaction, or for a few rows: nothing is dropped.
  EXPECT_FALSE(store.defer_member_order_indexes(100000).value());
  ASSERT_TRUE(store
                  .write_transaction([&]() -> Status {
                    auto deferred = store.defer_member_order_indexes(100);
                    EXPECT_FALSE(deferred.value());
                    return {};
                  })
                  .ok());

  auto write_members = [&](bool refuse) {
    return store.write_transaction([&]() -> Status {
      auto deferred = store.defer_member_order_indexes(10000);
      if (!deferred.ok()) return deferred.error();
      EXPECT_EQ(*deferred, sqlite);  // a server keeps its indexes (readers would wait on them)
      for (int i = 0; i < 3; ++i) {
        Person p{"Nguyễn", "Văn", "An" + std::to_string(i), d("1990-01-02"), Gender::male};
        auto id = store.insert_member({"M" + std::to_string(i),
                                       p,
                                       "nguyen van an",
                                       std::to_string(9 - i),
                                       {"nguyen van an", "van an", "an"}},
                                      kNow);
        if (!id.ok()) return id.error();
      }
      if (refuse) return Error::invalid("x", "từ chối", "refused");
      return {};
    });
  };
  const std::string before = testing::dump_database(db);
  EXPECT_FALSE(write_members(true).ok());
  EXPECT_EQ(testing::query_text(db, indexes), schema);
  EXPECT_EQ(testing::dump_database(db), before);

  ASSERT_TRUE(write_members(false).ok());
  EXPECT_EQ(testing::query_text(db, indexes), schema);
  if (sqlite) {
    EXPECT_EQ(testing::query_text(db, "PRAGMA integrity_check"), "ok\n");
  }
  // Rebuilt, the sort index orders the list: sort keys 9, 8, 7 were given to M0, M1, M2.
  EXPECT_EQ(testing::query_text(db, "SELECT code FROM member ORDER BY sort_key"), "M2\nM1\nM0\n");
}

// A file from before schema 9 (search keys in a table with an index beside it, every period in
// the temporary-org index) opens with its keys intact, in the one B-tree.
TEST(Store, SchemaNineKeepsTheSearchKeysOfAnOlderFile) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  if (engine_of(db) != Engine::sqlite) GTEST_SKIP() << "the rebuild is SQLite's own";
  {
    auto s = Store::open(db, OpenMode::create_new, kNow);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->write_transaction([&]() -> Status {
                      Person p{"Đàm", "Văn", "Chính", d("1990-05-10"), Gender::male};
                      auto id = (*s)->insert_member(
                          {"QC1", p, "dam van chinh", "k", {"dam van chinh", "van chinh", "chinh"}},
                          kNow);
                      return id.ok() ? Status{} : Status{id.error()};
                    })
                    .ok());
  }
  // Back to schema 8's layout, as a file written by the previous release.
  ASSERT_TRUE(testing::exec_sql(
      db,
      "DROP INDEX member_period_by_temp_org; CREATE INDEX member_period_by_temp_org ON "
      "member_period(temp_org_id, valid_to); CREATE TABLE old_search (search_key TEXT NOT NULL, "
      "member_id INTEGER NOT NULL REFERENCES member(id), PRIMARY KEY (search_key, member_id)); "
      "INSERT INTO old_search SELECT search_key, member_id FROM member_search; DROP TABLE "
      "member_search; ALTER TABLE old_search RENAME TO member_search; DROP TABLE issuer_profile; "
      "DROP TABLE office_holder; DROP TABLE figure_change; DROP TABLE activity_cancellation; DROP "
      "TABLE conference_item_file; DROP TABLE member_profile; DROP TABLE org_result_record; DROP "
      "TABLE rating_record; DROP TABLE "
      "badge_record; DROP TABLE "
      "dues_remittance; DROP "
      "TABLE dues_digest; DROP TABLE "
      "dues_payment; DROP TABLE "
      "dues_record; DROP TABLE dossier_span; DROP TABLE "
      "dossier_record; "
      "DELETE FROM schema_version WHERE version >= 9;"));
  const std::string keys = "SELECT search_key, member_id FROM member_search ORDER BY 1";
  const std::string before = testing::query_text(db, keys);
  ASSERT_EQ(before, "chinh|1\ndam van chinh|1\nvan chinh|1\n");
  ASSERT_EQ(testing::query_text(db, "SELECT MAX(version) FROM schema_version"), "8\n");

  auto s = Store::open(db, OpenMode::open_existing, kNow);
  ASSERT_TRUE(s.ok()) << s.error().detail_en;
  EXPECT_EQ((*s)->schema_version(), Store::latest_schema_version());
  EXPECT_EQ(testing::query_text(db, keys), before);
  EXPECT_NE(testing::query_text(db, "SELECT sql FROM sqlite_master WHERE name = 'member_search'")
                .find("WITHOUT ROWID"),
            std::string::npos);
  EXPECT_NE(testing::query_text(
                db, "SELECT sql FROM sqlite_master WHERE name = 'member_period_by_temp_org'")
                .find("WHERE temp_org_id IS NOT NULL"),
            std::string::npos);
  EXPECT_EQ(testing::query_text(db, "PRAGMA integrity_check"), "ok\n");
}

// Schema 10: an inspection recorded as a cluster's (a cluster is no Party body) moves to the
// committee directly above the cluster on its date, and the move is in the audit log; an
// inspection held by a Party body stays where it is. Runs on both engines.
TEST(Store, SchemaTenMovesAClustersInspectionsToTheCommitteeAboveIt) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  OrgId tu = 0, cum = 0, cb = 0;
  {
    auto s = Store::open(db, OpenMode::create_new, kNow);
    ASSERT_TRUE(s.ok());
    Store& store = **s;
    ASSERT_TRUE(store
                    .write_transaction([&]() -> Status {
                      tu = *store.insert_org("TU");
                      cum = *store.insert_org("CUM1");
                      cb = *store.insert_org("CB1");
                      OrgChange create;
                      create.date = d("2000-01-01");
                      create.opens.push_back({tu, create.date, Date::max(), std::nullopt,
                                              "Đảng bộ tỉnh", OrgKind::upper_committee,
                                              std::nullopt});
                      create.opens.push_back({cum, create.date, Date::max(), tu, "Cụm 1",
                                              OrgKind::cluster, std::nullopt});
                      create.opens.push_back({cb, create.date, Date::max(), cum, "Chi bộ Một",
                                              OrgKind::grassroots_branch, std::nullopt});
                      auto e = store.append_org_event("create", create.date, "{}", "test", kNow);
                      if (!e.ok()) return e.error();
                      DANGVU_TRY(store.apply_org_change(create, *e));
                      for (OrgId holder : {cum, tu}) {
                        OversightRecord o;
                        o.org = holder;
                        o.held_on = d("2026-03-02");
                        o.subject_org = cb;
                        o.conclusion = "Tốt.";
                        o.recorded_by = "test";
                        auto id = store.insert_oversight(o, kNow);
                        if (!id.ok()) return id.error();
                      }
                      return Status{};
                    })
                    .ok());
  }
  // Back to schema 9, as a file written by the previous release.
  ASSERT_TRUE(testing::exec_sql(db,
                                "DROP TABLE issuer_profile; DROP TABLE office_holder; DROP TABLE "
                                "figure_change; DROP TABLE activity_cancellation; DROP TABLE "
                                "conference_item_file; DROP TABLE member_profile; DROP TABLE "
                                "org_result_record; DROP TABLE rating_record; DROP TABLE "
                                "badge_record; DROP TABLE dues_remittance; DROP TABLE dues_digest; "
                                "DROP TABLE dues_payment; DROP TABLE "
                                "dues_record; DROP TABLE "
                                "dossier_span; DROP TABLE dossier_record; "
                                "DELETE FROM "
                                "schema_version WHERE version >= 10"));
  auto s = Store::open(db, OpenMode::open_existing, "2026-12-06T08:00:00Z");
  ASSERT_TRUE(s.ok()) << s.error().detail_en;
  EXPECT_EQ(testing::query_text(db, "SELECT org_id FROM oversight ORDER BY id"),
            std::to_string(tu) + "\n" + std::to_string(tu) + "\n");
  EXPECT_EQ(testing::query_text(
                db, "SELECT at, actor, action, target, detail FROM audit_log ORDER BY id"),
            "2026-12-06T08:00:00Z|migration|oversight.reassign|oversight:1|{\"from_org\":" +
                std::to_string(cum) + ",\"to_org\":" + std::to_string(tu) +
                ",\"reason\":\"cluster_is_not_a_party_body\"}\n");
}

// Schema 12: each search key is kept with each org its member was ever in (0 before any), from
// the file's periods when it is opened and by every write after; a member with no period keeps
// its keys with org 0. SQLite's own rebuild (the older layout is written back by hand).
TEST(Store, SchemaTwelveKeepsEachSearchKeyWithTheOrgsOfItsMember) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  if (engine_of(db) != Engine::sqlite) GTEST_SKIP() << "the older layout is written in SQLite's";
  OrgId a = 0, b = 0;
  MemberId moved = 0;
  auto history_in = [](std::vector<OrgId> orgs) {
    MemberHistory h;
    Date from = d("2020-01-01");
    for (std::size_t i = 0; i < orgs.size(); ++i) {
      const Date to = i + 1 == orgs.size() ? Date::max() : from.add_years(2);
      h.periods.push_back({from, to, MemberStatus::official, orgs[i], std::nullopt, std::nullopt});
      from = to;
    }
    return h;
  };
  {
    auto s = Store::open(db, OpenMode::create_new, kNow);
    ASSERT_TRUE(s.ok());
    Store& store = **s;
    ASSERT_TRUE(store
                    .write_transaction([&]() -> Status {
                      a = *store.insert_org("A");
                      b = *store.insert_org("B");
                      Person p{"Lê", "Văn", "An", d("1990-05-10"), Gender::male};
                      auto one = store.insert_member(
                          {"M1", p, "le van an", "k", {"le van an", "van an", "an"}}, kNow);
                      auto two = store.insert_member(
                          {"M2", p, "le van an", "k", {"le van an", "van an", "an"}}, kNow);
                      if (!one.ok() || !two.ok()) return Error::invalid("x", "x", "insert");
                      moved = *one;
                      return store.replace_member_derived(moved, history_in({a, b}));
                    })
                    .ok());
  }
  // Back to schema 11's layout, as a file written by the previous release.
  ASSERT_TRUE(testing::exec_sql(
      db,
      "CREATE TABLE old_search (search_key TEXT NOT NULL, member_id INTEGER NOT NULL REFERENCES "
      "member(id), PRIMARY KEY (search_key, member_id)) WITHOUT ROWID; INSERT INTO old_search "
      "SELECT DISTINCT search_key, member_id FROM member_search; DROP TABLE member_search; ALTER "
      "TABLE old_search RENAME TO member_search; DROP TABLE activity_cancellation; DROP TABLE "
      "conference_item_file; DROP TABLE member_profile; DROP TABLE org_result_record; DROP TABLE "
      "rating_record; DROP TABLE "
      "badge_record; DROP TABLE "
      "dues_remittance; DROP TABLE "
      "dues_digest; DROP TABLE "
      "dues_payment; DROP TABLE "
      "dues_record; DROP TABLE dossier_span; DROP TABLE "
      "dossier_record; DELETE FROM "
      "schema_version WHERE version >= 12;"));
  const std::string rows =
      "SELECT search_key, member_id, org_id FROM member_search ORDER BY 1, 2, 3";
  const std::string m1 = std::to_string(moved), m2 = std::to_string(moved + 1);
  const std::string sa = std::to_string(a), sb = std::to_string(b);
  auto s = Store::open(db, OpenMode::open_existing, kNow);
  ASSERT_TRUE(s.ok()) << s.error().detail_en;
  EXPECT_EQ(testing::query_text(db, rows),
            "an|" + m1 + "|" + sa + "\nan|" + m1 + "|" + sb + "\nan|" + m2 + "|0\nle van an|" + m1 +
                "|" + sa + "\nle van an|" + m1 + "|" + sb + "\nle van an|" + m2 + "|0\nvan an|" +
                m1 + "|" + sa + "\nvan an|" + m1 + "|" + sb + "\nvan an|" + m2 + "|0\n");
  // M2 comes into A: its keys gain A (and keep 0); M1 staying in A and B gains nothing.
  ASSERT_TRUE((*s)->write_transaction([&]() -> Status {
                    DANGVU_TRY((*s)->replace_member_derived(moved + 1, history_in({a})));
                    return (*s)->replace_member_derived(moved, history_in({a, b}));
                  })
                  .ok());
  EXPECT_EQ(
      testing::query_text(db, "SELECT search_key, org_id FROM member_search WHERE member_id = " +
                                  m2 + " ORDER BY 1, 2"),
      "an|0\nan|" + sa + "\nle van an|0\nle van an|" + sa + "\nvan an|0\nvan an|" + sa + "\n");
  EXPECT_EQ(testing::query_text(db, "SELECT COUNT(*) FROM member_search WHERE member_id = " + m1),
            "6\n");
  EXPECT_EQ(testing::query_text(db, "PRAGMA integrity_check"), "ok\n");
}

// Schema 11: each committed revision logs what it changed in the figures' inputs — a re-fold's
// unchanged rows cancel out — and a gap in the log (pruned revisions) makes it incomplete, so a
// process reads its figures again. Runs on both engines.
TEST(Store, EachRevisionLogsTheRowsItEndedAndStarted) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok());
  Store& store = **s;
  OrgId tu = 0;
  MemberId member = 0;
  ASSERT_TRUE(store
                  .write_transaction([&]() -> Status {
                    tu = *store.insert_org("TU");
                    OrgChange create;
                    create.date = d("2000-01-01");
                    create.opens.push_back({tu, create.date, Date::max(), std::nullopt,
                                            "Đảng bộ tỉnh", OrgKind::upper_committee,
                                            std::nullopt});
                    auto e = store.append_org_event("create", create.date, "{}", "test", kNow);
                    if (!e.ok()) return e.error();
                    DANGVU_TRY(store.apply_org_change(create, *e));
                    Person p{"Lê", "Văn", "An", d("1990-05-10"), Gender::male};
                    auto id = store.insert_member({"M1", p, "le van an", "k", {"le van an"}}, kNow);
                    if (!id.ok()) return id.error();
                    member = *id;
                    return Status{};
                  })
                  .ok());
  auto revisions = [&] { return store.data_revisions().value(); };
  const auto [org0, member0] = revisions();
  auto org_log = store.figure_changes("org", org0 - 1, org0);
  ASSERT_TRUE(org_log.ok() && org_log->complete);
  EXPECT_EQ(org_log->orgs, std::vector<OrgId>{tu});

  MemberHistory h;
  h.periods.push_back(
      {d("2020-01-01"), Date::max(), MemberStatus::official, tu, std::nullopt, std::nullopt});
  h.milestones.push_back({MemberEventKind::admission, d("2020-01-01"), tu});
  auto write = [&](const MemberHistory& history) {
    ASSERT_TRUE(
        store.write_transaction([&] { return store.replace_member_derived(member, history); })
            .ok());
  };
  write(h);
  auto first = store.figure_changes("member", member0, revisions().second);
  ASSERT_TRUE(first.ok() && first->complete);
  ASSERT_EQ(first->periods.size(), 1u);
  EXPECT_EQ(first->periods[0].sign, 1);
  EXPECT_EQ(first->periods[0].status, MemberStatus::official);
  ASSERT_EQ(first->milestones.size(), 1u);
  const auto member1 = revisions().second;

  write(h);  // the same rows again: the revision is logged, no row
  auto same = store.figure_changes("member", member1, revisions().second);
  ASSERT_TRUE(same.ok() && same->complete);
  EXPECT_TRUE(same->periods.empty() && same->milestones.empty());
  const auto member2 = revisions().second;

  h.periods[0].to = d("2025-01-01");
  h.periods.push_back(
      {d("2025-01-01"), Date::max(), MemberStatus::removed, tu, std::nullopt, std::nullopt});
  write(h);
  auto ended = store.figure_changes("member", member2, revisions().second);
  ASSERT_TRUE(ended.ok() && ended->complete);
  ASSERT_EQ(ended->periods.size(), 3u);  // the open period ended, two started
  EXPECT_EQ(ended->periods[0].sign, -1);
  EXPECT_EQ(ended->periods[0].to, Date::max());
  EXPECT_TRUE(ended->milestones.empty());

  // A pruned revision: the range is incomplete, and no row of it is handed out.
  ASSERT_TRUE(
      testing::exec_sql(db, "DELETE FROM figure_change WHERE topic = 'member' AND revision = " +
                                std::to_string(member2)));
  auto gap = store.figure_changes("member", member0, revisions().second);
  ASSERT_TRUE(gap.ok());
  EXPECT_FALSE(gap->complete);
  EXPECT_TRUE(gap->periods.empty());
}

TEST(Store, DuplicateOrgCodeIsAConflict) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->insert_org("TU").ok());
  auto dup = (*s)->insert_org("TU");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
}

TEST(Store, OrgVersionsRoundTrip) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok());
  Store& store = **s;
  ASSERT_TRUE(
      store
          .write_transaction([&]() -> Status {
            auto root = store.insert_org("TU");
            auto child = store.insert_org("CB1");
            if (!root.ok() || !child.ok()) return Error::io("", "insert");
            OrgChange create;
            create.date = d("2000-01-01");
            create.opens.push_back({*root, d("2000-01-01"), Date::max(), std::nullopt,
                                    "Đảng bộ tỉnh", OrgKind::upper_committee, std::nullopt});
            create.opens.push_back({*child, d("2000-01-01"), Date::max(), *root, "Chi bộ Một",
                                    OrgKind::grassroots_branch, std::nullopt});
            auto e1 = store.append_org_event("create", create.date, "{}", "test", kNow);
            if (!e1.ok()) return e1.error();
            DANGVU_TRY(store.apply_org_change(create, *e1));
            OrgChange rename;
            rename.date = d("2025-07-01");
            rename.closes.push_back({*child, d("2000-01-01"), std::nullopt});
            rename.opens.push_back({*child, d("2025-07-01"), Date::max(), *root, "Chi bộ Hai",
                                    OrgKind::grassroots_branch, std::nullopt});
            auto e2 = store.append_org_event("rename", rename.date, "{}", "test", kNow);
            if (!e2.ok()) return e2.error();
            return store.apply_org_change(rename, *e2);
          })
          .ok());
  auto before = store.org_versions_valid_at(d("2025-06-30"));
  auto after = store.org_versions_valid_at(d("2025-07-01"));
  ASSERT_TRUE(before.ok() && after.ok());
  ASSERT_EQ(before->size(), 2u);
  ASSERT_EQ(after->size(), 2u);
  auto name_of = [](const std::vector<OrgVersion>& vs, const char* wanted) {
    for (const auto& v : vs) {
      if (v.name == wanted) return true;
    }
    return false;
  };
  EXPECT_TRUE(name_of(*before, "Chi bộ Một"));
  EXPECT_TRUE(name_of(*after, "Chi bộ Hai"));
  auto history = store.load_org_history();
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->all_versions().size(), 3u);
}

TEST(Store, MemberEventPayloadRoundTrips) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto s = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(s.ok());
  Store& store = **s;
  MemberEvent e;
  e.kind = MemberEventKind::admission;
  e.date = d("2020-03-02");
  e.decision_no = "12-QĐ/ĐU";
  e.ceremony_date = d("2020-03-16");
  e.vote_date = d("2020-02-20");
  e.card_number = "011234567890";
  e.reason = "Kết nạp đợt 3/2";
  ASSERT_TRUE(store
                  .write_transaction([&]() -> Status {
                    auto org = store.insert_org("CB1");
                    if (!org.ok()) return org.error();
                    e.org = *org;
                    Person p{"Đàm", "Văn", "Chính", d("1990-05-10"), Gender::male};
                    auto id = store.insert_member(
                        {"QC1", p, "dam van chinh", "k", {"dam van chinh", "chinh"}}, kNow);
                    if (!id.ok()) return id.error();
                    auto eid = store.append_member_event(*id, e, "test", kNow);
                    return eid.ok() ? Status{} : Status{eid.error()};
                  })
                  .ok());
  auto found = store.find_member("QC1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->person.full_name(), "Đàm Văn Chính");
  auto events = store.member_events((*found)->id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  const auto& back = events->front();
  EXPECT_EQ(back.kind, MemberEventKind::admission);
  EXPECT_EQ(back.date, e.date);
  EXPECT_EQ(back.org, e.org);
  EXPECT_EQ(back.decision_no, e.decision_no);
  EXPECT_EQ(back.ceremony_date, e.ceremony_date);
  EXPECT_EQ(back.vote_date, e.vote_date);
  EXPECT_EQ(back.card_number, e.card_number);
  EXPECT_EQ(back.reason, e.reason);
}

// A connection that has just looked a member up sees what another connection writes next (a kept
// SQLite statement left on its row would pin the first connection to its old snapshot).
TEST(Store, ALookupDoesNotPinTheConnectionToOldData) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  auto reader = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE((*reader)
                  ->write_transaction([&]() -> Status {
                    Person p{"Đàm", "Văn", "Chính", d("1990-05-10"), Gender::male};
                    auto id = (*reader)->insert_member(
                        {"QC1", p, "dam van chinh", "k", {"dam van chinh"}}, kNow);
                    return id.ok() ? Status{} : Status{id.error()};
                  })
                  .ok());
  auto writer = Store::open(db, OpenMode::open_existing, kNow);
  ASSERT_TRUE(writer.ok());
  for (int i = 0; i < 3; ++i) {
    auto found = (*reader)->find_member("QC1");
    ASSERT_TRUE(found.ok() && found->has_value());
    const std::string code = "TU" + std::to_string(i);
    ASSERT_TRUE((*writer)
                    ->write_transaction([&]() -> Status {
                      auto id = (*writer)->insert_org(code);
                      return id.ok() ? Status{} : Status{id.error()};
                    })
                    .ok());
    auto seen = (*reader)->find_org(code);
    ASSERT_TRUE(seen.ok());
    EXPECT_TRUE(seen->has_value()) << code << " written on another connection is not seen";
  }
}

// Writers on separate connections that each read, check and write: every one of them lands, in
// some order, and none sees a stale read (PostgreSQL: serializable transactions retried on a
// serialization failure; SQLite: one writer at a time).
TEST(Store, ConcurrentReadCheckWriteTransactionsAllLand) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  ASSERT_TRUE(Store::open(db, OpenMode::create_new, kNow).ok());
  constexpr int kWriters = 4, kEach = 8;
  std::vector<std::thread> writers;
  std::vector<int> failures(kWriters, 0);
  std::vector<std::string> reasons(kWriters);
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto s = Store::open(db, OpenMode::open_existing, kNow);
      if (!s.ok()) {
        failures[static_cast<std::size_t>(w)] = kEach;
        return;
      }
      for (int i = 0; i < kEach; ++i) {
        Status st = (*s)->write_transaction([&]() -> Status {
          // The next free code, as a use case that numbers things would compute it.
          auto codes = (*s)->org_codes();
          if (!codes.ok()) return codes.error();
          const std::string code = "O" + std::to_string(codes->size());
          auto taken = (*s)->find_org(code);
          if (!taken.ok()) return taken.error();
          if (taken->has_value()) return Error::conflict("code", "trùng", "stale read");
          auto id = (*s)->insert_org(code);
          return id.ok() ? Status{} : Status{id.error()};
        });
        if (!st.ok()) {
          ++failures[static_cast<std::size_t>(w)];
          reasons[static_cast<std::size_t>(w)] = st.error().detail_en;
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  for (int w = 0; w < kWriters; ++w) {
    EXPECT_EQ(failures[static_cast<std::size_t>(w)], 0) << reasons[static_cast<std::size_t>(w)];
  }
  auto s = Store::open(db, OpenMode::open_existing, kNow);
  ASSERT_TRUE(s.ok());
  auto codes = (*s)->org_codes();
  ASSERT_TRUE(codes.ok());
  EXPECT_EQ(codes->size(), static_cast<std::size_t>(kWriters * kEach));
  for (int i = 0; i < kWriters * kEach; ++i) {
    bool found = false;
    for (const auto& [id, code] : *codes) found = found || code == "O" + std::to_string(i);
    EXPECT_TRUE(found) << "O" << i;
  }
}

// What another process (the sqlite3 shell, a CLI command beside the server) counts in a table.
long count_from_another_process(const std::string& db, const std::string& table) {
  const std::string command = "sqlite3 '" + db + "' 'SELECT COUNT(*) FROM " + table + "'";
  FILE* out = ::popen(command.c_str(), "r");
  if (out == nullptr) return -1;
  long n = -1;
  if (std::fscanf(out, "%ld", &n) != 1) n = -1;
  ::pclose(out);
  return n;
}

// A server holds several connections to one file. Another process that opens and closes the file
// meanwhile must not take the WAL for unused: it would delete it, and the server's later commits
// would go to a deleted file that nobody else sees (and that a crash loses).
TEST(Store, AnotherProcessSeesWritesOfAProcessWithSeveralConnections) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  if (engine_of(db) != Engine::sqlite) GTEST_SKIP() << "SQLite file locking only";
  auto first = Store::open(db, OpenMode::create_new, kNow);
  ASSERT_TRUE(first.ok());
  auto second = Store::open(db, OpenMode::open_existing, kNow);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(count_from_another_process(db, "org"), 0);
  for (int i = 1; i <= 4; ++i) {
    Store& writer = i % 2 == 1 ? **first : **second;
    ASSERT_TRUE(writer
                    .write_transaction([&]() -> Status {
                      auto id = writer.insert_org("TU" + std::to_string(i));
                      return id.ok() ? Status{} : Status{id.error()};
                    })
                    .ok());
    EXPECT_EQ(count_from_another_process(db, "org"), i) << "commit " << i << " not seen";
  }
  EXPECT_TRUE(std::filesystem::exists(db + "-wal"));
}

// A file that is not SQLite is refused by SQLite's own check, naming the database.
TEST(Store, RefusesAFileThatIsNotADatabase) {
  testing::TempDir dir;
  const auto db = dir.database("a.db");
  if (engine_of(db) != Engine::sqlite) GTEST_SKIP() << "a file only";
  {
    std::ofstream text(db);
    text << "Họ và tên;Ngày sinh\nĐàm Văn Chính;10/05/1990\n";
  }
  auto s = Store::open(db, OpenMode::open_existing, kNow);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "db");
  EXPECT_NE(s.error().message_vi.find("không phải là cơ sở dữ liệu dangvu"), std::string::npos);
}

}  // namespace
}  // namespace dangvu::store
