// Party badges over HTTP against the real server: the list of who reaches a badge's years for an
// occasion, an occasion out of the rule set refused naming «occasion», another subtree unknown;
// a decision recorded for a list and for one member, its presentation and cancellation, and the
// refusals, each naming its field and changing nothing.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

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

// A member admitted on 10/01/2000 reaches 30 years on 10/01/2030: seriously ill, the badge may
// come twelve months early, for 3/2/2029.
TEST(BadgesApi, ADecisionRecordedForAListAndAMembersBadges) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply added =
      office.post("/api/v1/members",
                  {{"code", "HH1"},
                   {"family", "Nguyễn"},
                   {"middle", "Văn"},
                   {"given", "Hòa"},
                   {"birth_date", "1970-04-05"},
                   {"first", {{"kind", "admission"}, {"date", "2000-01-10"}, {"org", "A1"}}}});
  ASSERT_EQ(added.status, 201) << added.raw;
  const json decision = {{"occasion", "2029-02-03"},
                         {"decision_no", "45-QĐ/TU"},
                         {"decided_by", "Ban Thường vụ Tỉnh ủy"},
                         {"decided_on", "2026-11-20"}};

  const std::string before = dump_database(server.db_path());
  json early = decision;
  early["members"] = {{{"member", "HH1"}, {"years", 30}}};
  Reply refused = office.post("/api/v1/badges/awards", early);
  ASSERT_EQ(refused.status, 409) << refused.raw;
  EXPECT_EQ(refused.body["error"]["field"], "members[0].years");
  EXPECT_EQ(refused.body["error"]["rule"], "badge.not_due");
  json shape = decision;
  shape["members"] = {{{"member", "HH1"}, {"years", "ba mươi"}}};
  Reply wrong = office.post("/api/v1/badges/awards", shape);
  ASSERT_EQ(wrong.status, 400) << wrong.raw;
  EXPECT_EQ(wrong.body["error"]["field"], "members[0].years");
  EXPECT_NE(wrong.body["error"]["message"].get<std::string>().find("Loại Huy hiệu"),
            std::string::npos)
      << wrong.raw;
  EXPECT_EQ(dump_database(server.db_path()), before);

  json ill = decision;
  ill["members"] = {{{"member", "HH1"}, {"years", 30}, {"ground", "illness"}}};
  Reply awarded = office.post("/api/v1/badges/awards", ill);
  ASSERT_EQ(awarded.status, 201) << awarded.raw;
  ASSERT_EQ(awarded.body["ids"].size(), 1U);
  const long long award = awarded.body["ids"][0].get<long long>();
  Reply again = office.post("/api/v1/members/HH1/badges", {{"occasion", "2029-02-03"},
                                                           {"decision_no", "46-QĐ/TU"},
                                                           {"decided_by", "Ban Thường vụ Tỉnh ủy"},
                                                           {"decided_on", "2026-11-21"},
                                                           {"years", 30}});
  ASSERT_EQ(again.status, 409) << again.raw;
  EXPECT_EQ(again.body["error"]["field"], "years");
  EXPECT_EQ(again.body["error"]["rule"], "badge.held");

  Reply list = office.get("/api/v1/orgs/DBA/badges/due?occasion=2029-02-03");
  ASSERT_EQ(list.status, 200) << list.raw;
  ASSERT_EQ(list.body["rows"].size(), 1U) << list.raw;
  EXPECT_EQ(list.body["rows"][0]["member"], "HH1");
  EXPECT_EQ(list.body["rows"][0]["award"]["ground"], "illness");
  EXPECT_EQ(list.body["awarded"], 1);

  // The proposal of the occasion, as the preview and the Word file.
  Reply html = office.get("/api/v1/orgs/DBA/badges/due/document?occasion=2029-02-03");
  ASSERT_EQ(html.status, 200) << html.raw;
  EXPECT_NE(html.raw.find("Đề nghị tặng Huy hiệu Đảng đợt 03/2/2029"), std::string::npos);
  EXPECT_NE(html.raw.find("Nguyễn Văn Hòa"), std::string::npos);
  EXPECT_NE(html.raw.find("Tặng sớm do bệnh hiểm nghèo"), std::string::npos);
  Reply docx = office.get("/api/v1/orgs/DBA/badges/due/document?occasion=2029-02-03&format=docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_NE(docx.header("Content-Disposition").find("to-trinh-huy-hieu-DBA-20290203.docx"),
            std::string::npos);
  Reply odd = office.get("/api/v1/orgs/DBA/badges/due/document?occasion=2029-02-04");
  ASSERT_EQ(odd.status, 400);
  EXPECT_EQ(odd.body["error"]["field"], "occasion");

  const std::string base = "/api/v1/members/HH1/badges/" + std::to_string(award);
  Reply future = office.post(base + "/presentation", {{"presented_on", "2026-12-01"}});
  ASSERT_EQ(future.status, 400) << future.raw;
  EXPECT_EQ(future.body["error"]["field"], "presented_on");
  Reply presented = office.post(base + "/presentation", {{"presented_on", "2026-11-22"}});
  ASSERT_EQ(presented.status, 201) << presented.raw;
  Reply no_reason = office.post(base + "/cancel", json::object());
  ASSERT_EQ(no_reason.status, 400) << no_reason.raw;
  EXPECT_EQ(no_reason.body["error"]["field"], "reason");
  Reply cancelled = office.post(base + "/cancel", {{"reason", "Ghi nhầm đợt"}});
  ASSERT_EQ(cancelled.status, 201) << cancelled.raw;
  EXPECT_EQ(office.post("/api/v1/members/HH1/badges/abc/cancel", {{"reason", "x"}}).status, 404);

  Reply mine = office.get("/api/v1/members/HH1/badges");
  ASSERT_EQ(mine.status, 200) << mine.raw;
  EXPECT_TRUE(mine.body["held"].empty());
  EXPECT_EQ(mine.body["records"].size(), 3U);
  EXPECT_EQ(mine.body["next_years"], 30);
  EXPECT_EQ(mine.body["next_due"], "2030-01-10");

  // Decided again on its own, then lost and given again.
  Reply single = office.post("/api/v1/members/HH1/badges", {{"occasion", "2029-02-03"},
                                                            {"decision_no", "47-QĐ/TU"},
                                                            {"decided_by", "Ban Thường vụ Tỉnh ủy"},
                                                            {"decided_on", "2026-11-21"},
                                                            {"years", 30},
                                                            {"ground", "illness"}});
  ASSERT_EQ(single.status, 201) << single.raw;
  Reply reissued = office.post("/api/v1/members/HH1/badges/" +
                                   std::to_string(single.body["id"].get<long long>()) + "/reissue",
                               {{"decided_on", "2026-11-22"},
                                {"decision_no", "48-QĐ/TU"},
                                {"decided_by", "Ban Thường vụ Tỉnh ủy"},
                                {"reason", "Bị mất"}});
  ASSERT_EQ(reissued.status, 201) << reissued.raw;
  mine = office.get("/api/v1/members/HH1/badges");
  ASSERT_EQ(mine.status, 200) << mine.raw;
  ASSERT_EQ(mine.body["held"].size(), 1U);
  EXPECT_EQ(mine.body["held"][0]["reissues"][0]["reason"], "Bị mất");
  EXPECT_EQ(mine.body["next_years"], 40);

  Browser secretary(server.port());
  ASSERT_EQ(secretary.login("secretary").status, 200);
  EXPECT_EQ(secretary.post("/api/v1/badges/awards", ill).status, 403);
  EXPECT_EQ(secretary.get("/api/v1/members/HH1/badges").status, 200);
}

}  // namespace
}  // namespace dangvu::testing
