// Organizations' results of a year over HTTP against the real server: a branch's
// self-assessment, a registration for an emulation title, the committee's decisions on them,
// the results of the subtree, the decisions as documents, a record cancelled; the refusals name
// their field and rule and change nothing, a branch secretary decides nothing and another
// subtree's results answer as unknown.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

TEST(OrgResultsApi, SelfAssessmentRegistrationTheCommitteesDecisionsAndTheirDocuments) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Browser secretary(server.port());
  ASSERT_EQ(secretary.login("secretary").status, 200);

  Reply own = secretary.post("/api/v1/orgs/A1/org-results/rating", {{"year", 2026},
                                                                    {"score", 92.5},
                                                                    {"category", "excellent"},
                                                                    {"tasks_late_percent", 0},
                                                                    {"tasks_exceeding_percent", 35},
                                                                    {"disciplined", false}});
  ASSERT_EQ(own.status, 201) << own.raw;
  const std::string before = dump_database(server.db_path());
  Reply late = office.post(
      "/api/v1/orgs/A2/org-results/rating",
      {{"year", 2026}, {"score", "75"}, {"category", "completed"}, {"tasks_late_percent", 25}});
  ASSERT_EQ(late.status, 409) << late.raw;
  EXPECT_EQ(late.body["error"]["field"], "category");
  EXPECT_EQ(late.body["error"]["rule"], "rating.category");
  Reply score = office.post("/api/v1/orgs/A2/org-results/rating",
                            {{"year", 2026}, {"score", "120"}, {"category", "excellent"}});
  ASSERT_EQ(score.status, 400) << score.raw;
  EXPECT_EQ(score.body["error"]["field"], "score");
  Reply kind = office.post("/api/v1/orgs/A2/org-results/emulation",
                           {{"year", 2026}, {"title", "dang_bo_co_so_bon_tot"}});
  ASSERT_EQ(kind.status, 409) << kind.raw;
  EXPECT_EQ(kind.body["error"]["rule"], "emulation.kind");
  EXPECT_NE(kind.body["error"]["message"].get<std::string>().find("Đảng bộ cơ sở bốn tốt"),
            std::string::npos);
  EXPECT_EQ(dump_database(server.db_path()), before);

  Reply registered = office.post("/api/v1/orgs/A1/org-results/emulation",
                                 {{"year", 2026}, {"title", "chi_bo_bon_tot"}, {"note", ""}});
  ASSERT_EQ(registered.status, 201) << registered.raw;

  const json rating = {{"year", 2026},
                       {"decision_no", "12-QĐ/ĐU"},
                       {"decided_on", "2026-11-20"},
                       {"orgs", {{{"org", "A1"}}}}};
  EXPECT_EQ(secretary.post("/api/v1/orgs/DBA/org-results/rating-decision", rating).status, 403);
  Reply decided = office.post("/api/v1/orgs/DBA/org-results/rating-decision", rating);
  ASSERT_EQ(decided.status, 201) << decided.raw;
  ASSERT_EQ(decided.body["ids"].size(), 1U);
  ASSERT_FALSE(decided.body["quota_warning"].is_null());  // one "xuất sắc", no "tốt"
  Reply recognized = office.post("/api/v1/orgs/DBA/org-results/emulation-decision",
                                 {{"year", 2026},
                                  {"title", "chi_bo_bon_tot"},
                                  {"decision_no", "13-QĐ/ĐU"},
                                  {"decided_on", "2026-11-20"},
                                  {"orgs", {{{"org", "A1"}, {"recognized", true}}}}});
  ASSERT_EQ(recognized.status, 201) << recognized.raw;

  Reply results = office.get("/api/v1/orgs/DBA/org-results?year=2026");
  ASSERT_EQ(results.status, 200) << results.raw;
  EXPECT_EQ(results.body["orgs"]["excellent"], 1);
  EXPECT_EQ(results.body["to_rate"], 2);
  ASSERT_EQ(results.body["rows"].size(), 3U);  // DBA, A1, A2
  EXPECT_EQ(results.body["rows"][0]["competent"], "TU");
  EXPECT_EQ(results.body["rows"][1]["decision"]["category_label"], "Hoàn thành xuất sắc nhiệm vụ");
  EXPECT_EQ(results.body["rows"][1]["titles"][0]["decision"]["recognized"], true);
  EXPECT_EQ(results.body["titles"][0]["recognized"], 1);

  Reply doc = office.get("/api/v1/orgs/DBA/org-results/decision/document?year=2026");
  ASSERT_EQ(doc.status, 200) << doc.raw;
  EXPECT_NE(doc.raw.find("12-QĐ/ĐU"), std::string::npos);
  Reply docx = office.get(
      "/api/v1/orgs/DBA/org-results/decision/document?year=2026&title=chi_bo_bon_tot&format=docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_NE(docx.header("Content-Disposition").find("quyet-dinh-DBA-2026"), std::string::npos);
  Reply members_doc = office.get("/api/v1/orgs/DBA/ratings/decision/document?year=2026");
  ASSERT_EQ(members_doc.status, 200) << members_doc.raw;
  EXPECT_NE(members_doc.raw.find("xếp loại chất lượng đảng viên năm 2026"), std::string::npos);
  EXPECT_EQ(office.get("/api/v1/orgs/TU/ratings/decision/document?year=2026").status, 404);

  const long long id = decided.body["ids"][0].get<long long>();
  EXPECT_EQ(secretary
                .post("/api/v1/orgs/A1/org-results/" + std::to_string(id) + "/cancel",
                      {{"reason", "Ghi nhầm"}})
                .status,
            403)
      << "a decision is the committee's to undo";
  Reply cancelled = office.post("/api/v1/orgs/A1/org-results/" + std::to_string(id) + "/cancel",
                                {{"reason", "Ghi nhầm mức xếp loại"}});
  ASSERT_EQ(cancelled.status, 201) << cancelled.raw;
  EXPECT_EQ(office.post("/api/v1/orgs/A1/org-results/x/cancel", {{"reason", "x"}}).status, 404);
  EXPECT_EQ(office.get("/api/v1/orgs/DBA/org-results?year=2026").body["orgs"]["excellent"], 0);
  EXPECT_EQ(office.get("/api/v1/orgs/DBB/org-results?year=2026").status, 404);
}

}  // namespace
}  // namespace dangvu::testing
