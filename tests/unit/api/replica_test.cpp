// `serve --db-read`: stats, search and reports read from a streaming replica while writes go to
// the primary; when the replica fails, the same read is answered by the primary. Runs when
// scripts/pg-server's pair is up (ctest api_with_replica); skipped otherwise.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

std::string replica_server_url() {
  const char* file = std::getenv("DANGVU_TEST_PG_REPLICA_URL_FILE");
  if (!file || !*file) return "";
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  return url;
}

// One value from a query run by psql (behind the program's back).
std::string psql_value(const std::string& url, const std::string& sql) {
  const std::string cmd = "psql -X -A -t -q '" + url + "' -c \"" + sql + "\" 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 512> buf{};
  while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()))
    out += buf.data();
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// Waits until the replica has replayed everything the primary has written so far.
void wait_for_replay(const std::string& primary, const std::string& replica) {
  const std::string lsn = psql_value(primary + "/postgres", "SELECT pg_current_wal_lsn()");
  for (int i = 0; i < 300; ++i) {
    if (psql_value(replica + "/postgres",
                   "SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn") == "t")
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL() << "the replica did not replay " << lsn;
}

std::string database_name(const std::string& url) { return url.substr(url.rfind('/') + 1); }

Reply add_member(Browser& b, const std::string& code, const std::string& given) {
  return b.post("/api/v1/members",
                {{"code", code},
                 {"family", "Lê"},
                 {"middle", "Văn"},
                 {"given", given},
                 {"birth_date", "1995-01-02"},
                 {"gender", "male"},
                 {"first", {{"kind", "admission"}, {"date", "2026-03-01"}, {"org", "A1"}}}});
}

class Replica : public ::testing::Test {
 protected:
  void SetUp() override {
    replica_ = replica_server_url();
    primary_ = TempDir::server_url();
    if (replica_.empty() || primary_.empty()) GTEST_SKIP() << "needs the primary/replica pair";
  }
  void TearDown() override {
    if (!replica_.empty()) psql_value(replica_ + "/postgres", "SELECT pg_wal_replay_resume()");
  }
  // A server over a fresh primary database whose reads go to that database on the replica.
  std::unique_ptr<ApiServer> server_with_replica() {
    return std::make_unique<ApiServer>(auth::ThrottlePolicy{}, service::SessionPolicy{}, "",
                                       [this](const std::string& db) {
                                         wait_for_replay(primary_, replica_);
                                         replica_db_ = replica_ + "/" + database_name(db);
                                         return replica_db_;
                                       });
  }
  std::string primary_, replica_, replica_db_;
};

TEST_F(Replica, ReadsComeFromTheReplicaAndSeeWritesOnceReplayed) {
  auto server = server_with_replica();
  Browser office(server->port());
  ASSERT_EQ(office.login("office").status, 200);
  ASSERT_EQ(office.get("/api/v1/members").body["total"], 2);

  // With replay paused, a write lands on the primary but the list (read on the replica) does not
  // show it yet: the read really went to the replica.
  ASSERT_EQ(psql_value(replica_db_, "SELECT pg_wal_replay_pause()"), "");
  Reply added = add_member(office, "MA3", "Dũng");
  ASSERT_EQ(added.status, 201) << added.raw;
  EXPECT_EQ(office.get("/api/v1/members/MA3").status, 200) << "a member page reads the primary";
  EXPECT_EQ(office.get("/api/v1/members").body["total"], 2);
  EXPECT_EQ(office.get("/api/v1/orgs/DBA/stats").status, 200);

  ASSERT_EQ(psql_value(replica_db_, "SELECT pg_wal_replay_resume()"), "");
  wait_for_replay(primary_, replica_);
  Reply list = office.get("/api/v1/members?q=dung");
  ASSERT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(list.body["total"], 1) << list.raw;
  EXPECT_EQ(office.get("/api/v1/members").body["total"], 3);
}

TEST_F(Replica, AFailedReplicaReadIsAnsweredByThePrimary) {
  auto server = server_with_replica();
  Browser office(server->port());
  ASSERT_EQ(office.login("office").status, 200);
  ASSERT_EQ(office.get("/api/v1/members").body["total"], 2);  // a connection to the replica

  // The replica falls behind and then drops our connections (a restart, a network cut): the next
  // read fails there and is answered by the primary, which has the new member.
  ASSERT_EQ(psql_value(replica_db_, "SELECT pg_wal_replay_pause()"), "");
  ASSERT_EQ(add_member(office, "MA3", "Dũng").status, 201);
  const std::string killed =
      psql_value(replica_ + "/postgres",
                 "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" +
                     database_name(replica_db_) + "'");
  EXPECT_NE(killed, "0") << "the server held no connection to the replica";
  Reply list = office.get("/api/v1/members");
  EXPECT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(list.body["total"], 3) << "not answered by the primary";
  // While the replica rests, reads keep going to the primary.
  EXPECT_EQ(office.get("/api/v1/orgs/DBA/stats").status, 200);
}

TEST_F(Replica, AReplicaThatCannotBeReachedLeavesReadsOnThePrimary) {
  // Nothing listens on port 1: the replica is down from the start.
  ApiServer server(auth::ThrottlePolicy{}, service::SessionPolicy{}, "", [](const std::string& db) {
    return "postgresql://postgres@127.0.0.1:1/" + database_name(db);
  });
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply list = office.get("/api/v1/members");
  EXPECT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(list.body["total"], 2);
  EXPECT_EQ(add_member(office, "MA3", "Dũng").status, 201);
  EXPECT_EQ(office.get("/api/v1/members").body["total"], 3);
}

}  // namespace
}  // namespace dangvu::testing
