// Party badges over HTTP against the real server: the list of who reaches a badge's years for an
// occasion, an occasion out of the rule set refused naming «occasion», another subtree unknown.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

TEST(BadgesApi, TheListOfAnOccasionAndItsRefusals) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply list = office.get("/api/v1/orgs/DBA/badges/due?occasion=2026-05-19");
  ASSERT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(list.body["org"], "DBA");
  EXPECT_EQ(list.body["previous"], "2026-02-03");
  EXPECT_TRUE(list.body["rows"].empty());  // the fixture's members were admitted in 2026
  Reply wrong = office.get("/api/v1/orgs/DBA/badges/due?occasion=2026-05-20");
  ASSERT_EQ(wrong.status, 400) << wrong.raw;
  EXPECT_EQ(wrong.body["error"]["field"], "occasion");
  EXPECT_EQ(office.get("/api/v1/orgs/DBB/badges/due?occasion=2026-05-19").status, 404);
}

}  // namespace
}  // namespace dangvu::testing
