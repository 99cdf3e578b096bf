// A member's dossier over HTTP against the real server: the office records facts in one request
// and reads them back as of dates, a viewer reads it without the sensitive fields, a bad value is
// refused naming the change's field in Vietnamese, and the labels carry the fields and catalogs.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

json fact(const Reply& r, const std::string& field) {
  for (const auto& f : r.body["facts"]) {
    if (f["field"] == field) return f;
  }
  return json();
}

TEST(DossierApi, AnOfficeRecordsADossierAndReadsItAsOfDates) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply recorded =
      office.post("/api/v1/members/MA1/dossier",
                  {{"changes",
                    {{{"field", "ethnicity"}, {"value", "02"}, {"from", "1990-03-04"}},
                     {{"field", "citizen_id"}, {"value", "001090012345"}, {"from", "2021-07-01"}},
                     {{"field", "general_education"}, {"value", "9/12"}, {"from", "2005-06-01"}},
                     {{"field", "political_theory"},
                      {"value", "intermediate"},
                      {"from", "2025-05-15"},
                      {"note", "Bằng số 123/TC"}}}}});
  ASSERT_EQ(recorded.status, 201) << recorded.raw;
  ASSERT_EQ(recorded.body["ids"].size(), 4u);
  Reply raised = office.post(
      "/api/v1/members/MA1/dossier",
      {{"changes",
        {{{"field", "general_education"}, {"value", "12/12"}, {"from", "2025-06-01"}}}}});
  ASSERT_EQ(raised.status, 201) << raised.raw;

  Reply now = office.get("/api/v1/members/MA1/dossier");
  ASSERT_EQ(now.status, 200) << now.raw;
  EXPECT_TRUE(now.body["sensitive_shown"].get<bool>());
  EXPECT_EQ(fact(now, "ethnicity")["current"]["value_label"], "Tày");
  EXPECT_EQ(fact(now, "general_education")["current"]["value"], "12/12");
  EXPECT_EQ(fact(now, "general_education")["history"].size(), 2u);
  EXPECT_EQ(fact(now, "political_theory")["current"]["note"], "Bằng số 123/TC");
  Reply before = office.get("/api/v1/members/MA1/dossier?at=2024-12-31");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(fact(before, "general_education")["current"]["value"], "9/12");
  EXPECT_TRUE(fact(before, "political_theory").is_null());

  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  Reply seen = viewer.get("/api/v1/members/MA1/dossier");
  ASSERT_EQ(seen.status, 200) << seen.raw;
  EXPECT_FALSE(seen.body["sensitive_shown"].get<bool>());
  EXPECT_EQ(seen.raw.find("001090012345"), std::string::npos);
  EXPECT_TRUE(fact(seen, "ethnicity").is_null());
  EXPECT_EQ(fact(seen, "general_education")["current"]["value"], "12/12");

  // The office's reads that showed sensitive fields are in the audit log; the viewer's is not.
  Browser admin(server.port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Reply audit = admin.get("/api/v1/audit?limit=100");
  ASSERT_EQ(audit.status, 200) << audit.raw;
  int reads = 0;
  for (const auto& e : audit.body["entries"]) {
    if (e["action"] == "member.dossier_read") {
      ++reads;
      EXPECT_EQ(e["actor"], "office");
      EXPECT_EQ(e["target"], "MA1");
      EXPECT_EQ(e["action_label"], "Xem thông tin nhạy cảm trong hồ sơ đảng viên");
    }
  }
  EXPECT_EQ(reads, 2);
}

TEST(DossierApi, ABadValueIsRefusedNamingTheChangeAndNothingIsWritten) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply refused = office.post(
      "/api/v1/members/MA1/dossier",
      {{"changes",
        {{{"field", "occupation"}, {"value", "worker"}, {"from", "2010-01-01"}},
         {{"field", "citizen_id"}, {"value", "00109001234"}, {"from", "2021-07-01"}}}}});
  ASSERT_EQ(refused.status, 409) << refused.raw;
  EXPECT_EQ(refused.body["error"]["field"], "changes[1].value");
  EXPECT_EQ(refused.body["error"]["rule"], "dossier.citizen_id_digits");
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("Số định danh cá nhân"),
            std::string::npos);
  Reply unchanged = office.get("/api/v1/members/MA1/dossier");
  ASSERT_EQ(unchanged.status, 200);
  EXPECT_TRUE(unchanged.body["records"].empty());

  Reply malformed = office.post("/api/v1/members/MA1/dossier",
                                {{"changes", {{{"field", "occupation"}, {"from", "2010-01-01"}}}}});
  ASSERT_EQ(malformed.status, 400) << malformed.raw;
  EXPECT_EQ(malformed.body["error"]["field"], "changes[0].value");
  Reply typed =
      office.post("/api/v1/members/MA1/dossier",
                  {{"changes", {{{"field", "occupation"}, {"value", 7}, {"from", "2010-01-01"}}}}});
  ASSERT_EQ(typed.status, 400) << typed.raw;
  EXPECT_EQ(typed.body["error"]["field"], "changes[0].value");
}

TEST(DossierApi, TheLabelsCarryTheFieldsAndCatalogsAndTheSessionTheSensitiveRight) {
  ApiServer server;
  Browser office(server.port());
  Reply login = office.login("office");
  ASSERT_EQ(login.status, 200);
  bool sensitive = false;
  for (const auto& p : login.body["permissions"]) sensitive = sensitive || p == "read_sensitive";
  EXPECT_TRUE(sensitive);
  Reply labels = office.get("/api/v1/labels");
  ASSERT_EQ(labels.status, 200);
  EXPECT_EQ(labels.body["catalogs"]["ethnicity"].size(), 54u);
  bool citizen_id_sensitive = false;
  for (const auto& f : labels.body["dossier_fields"]) {
    if (f["value"] == "citizen_id") citizen_id_sensitive = f["sensitive"].get<bool>();
  }
  EXPECT_TRUE(citizen_id_sensitive);

  Browser viewer(server.port());
  Reply viewer_login = viewer.login("viewer");
  ASSERT_EQ(viewer_login.status, 200);
  for (const auto& p : viewer_login.body["permissions"]) EXPECT_NE(p, "read_sensitive");
}

}  // namespace
}  // namespace dangvu::testing
