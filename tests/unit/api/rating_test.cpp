// The yearly quality rating over HTTP against the real server: a member's self-assessment and
// the branch's proposal (the score as a number or as typed), the committee's decision, the round
// and the member's results, a decision cancelled; the refusals name their field and rule and
// change nothing, and a branch secretary decides nothing.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

TEST(RatingApi, ASelfAssessmentAProposalAndTheDecisionOfTheRound) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply self =
      office.post("/api/v1/members/MA1/ratings",
                  {{"year", 2026}, {"step", "self"}, {"score", 88.5}, {"category", "good"}});
  ASSERT_EQ(self.status, 201) << self.raw;

  const std::string before = dump_database(server.db_path());
  Reply wrong = office.post(
      "/api/v1/members/MA1/ratings",
      {{"year", 2026}, {"step", "proposal"}, {"score", "88,5"}, {"category", "excellent"}});
  ASSERT_EQ(wrong.status, 409) << wrong.raw;
  EXPECT_EQ(wrong.body["error"]["field"], "category");
  EXPECT_EQ(wrong.body["error"]["rule"], "rating.category");
  Reply score = office.post(
      "/api/v1/members/MA1/ratings",
      {{"year", 2026}, {"step", "proposal"}, {"score", "101"}, {"category", "excellent"}});
  ASSERT_EQ(score.status, 400) << score.raw;
  EXPECT_EQ(score.body["error"]["field"], "score");
  EXPECT_NE(score.body["error"]["message"].get<std::string>().find("Điểm"), std::string::npos);
  EXPECT_EQ(dump_database(server.db_path()), before);

  Reply proposal = office.post("/api/v1/members/MA1/ratings", {{"year", 2026},
                                                               {"step", "proposal"},
                                                               {"score", "88,5"},
                                                               {"category", "good"},
                                                               {"tasks_on_time", true}});
  ASSERT_EQ(proposal.status, 201) << proposal.raw;

  Browser secretary(server.port());
  ASSERT_EQ(secretary.login("secretary").status, 200);
  const json decision = {{"year", 2026},
                         {"decision_no", "45-QĐ/ĐU"},
                         {"decided_on", "2026-11-20"},
                         {"members", {{{"member", "MA1"}}}}};
  EXPECT_EQ(secretary.post("/api/v1/orgs/DBA/ratings/decision", decision).status, 403);
  Reply decided = office.post("/api/v1/orgs/DBA/ratings/decision", decision);
  ASSERT_EQ(decided.status, 201) << decided.raw;
  EXPECT_TRUE(decided.body["quota_warning"].is_null());
  ASSERT_EQ(decided.body["ids"].size(), 1U);

  Reply round = office.get("/api/v1/orgs/DBA/ratings?year=2026");
  ASSERT_EQ(round.status, 200) << round.raw;
  EXPECT_EQ(round.body["decided"], 1);
  EXPECT_EQ(round.body["to_rate"], 2);  // MA1, MA2
  ASSERT_EQ(round.body["rows"].size(), 2U);
  EXPECT_EQ(round.body["rows"][0]["decision"]["score"], "88,5");
  EXPECT_EQ(round.body["rows"][0]["decision"]["category_label"], "Hoàn thành tốt nhiệm vụ");

  Reply mine = office.get("/api/v1/members/MA1/ratings");
  ASSERT_EQ(mine.status, 200) << mine.raw;
  ASSERT_EQ(mine.body["years"].size(), 1U);
  EXPECT_EQ(mine.body["years"][0]["decision"]["category"], "good");

  const long long id = decided.body["ids"][0].get<long long>();
  EXPECT_EQ(secretary
                .post("/api/v1/members/MA1/ratings/" + std::to_string(id) + "/cancel",
                      {{"reason", "Ghi nhầm"}})
                .status,
            403)
      << "a decision is the committee's to undo";
  Reply cancelled = office.post("/api/v1/members/MA1/ratings/" + std::to_string(id) + "/cancel",
                                {{"reason", "Ghi nhầm số quyết định"}});
  ASSERT_EQ(cancelled.status, 201) << cancelled.raw;
  EXPECT_EQ(office.get("/api/v1/members/MA1/ratings").body["years"][0]["decision"], nullptr);
  EXPECT_EQ(office.get("/api/v1/orgs/DBB/ratings?year=2026").status, 404);
}

}  // namespace
}  // namespace dangvu::testing
