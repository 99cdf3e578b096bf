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

// The way in over HTTP: a candidate's dossier lists what the admission file lacks; an admission
// is refused (409, naming the field and the rule) and nothing is written until the course, the
// background check, the Youth Union's introduction and one official sponsor are recorded; then it
// is recorded, and the sponsor reads by name.
TEST(DossierApi, ACandidateIsAdmittedOnlyWithTheAdmissionFileComplete) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  auto add = [&](const char* code, const char* given, const json& first) {
    Reply r = office.post("/api/v1/members", {{"code", code},
                                              {"family", "Hoàng"},
                                              {"middle", "Văn"},
                                              {"given", given},
                                              {"birth_date", "2000-04-05"},
                                              {"first", first}});
    ASSERT_EQ(r.status, 201) << r.raw;
  };
  add("QC1", "Hải", {{"kind", "candidate_registration"}, {"date", "2025-06-02"}, {"org", "A1"}});
  add("GT1", "Long", {{"kind", "admission"}, {"date", "2019-01-04"}, {"org", "A1"}});
  Reply recognized =
      office.post("/api/v1/members/GT1/events", {{"kind", "recognition"}, {"date", "2020-01-10"}});
  ASSERT_EQ(recognized.status, 201) << recognized.raw;

  Reply empty = office.get("/api/v1/members/QC1/dossier");
  ASSERT_EQ(empty.status, 200) << empty.raw;
  ASSERT_EQ(empty.body["admission_gaps"].size(), 3u) << empty.raw;
  EXPECT_EQ(empty.body["admission_gaps"][0]["rule"], "admission.course_certificate");

  const json admission = {{"kind", "admission"},
                          {"date", "2026-06-15"},
                          {"decision_no", "125-QĐ/ĐU"},
                          {"vote_date", "2026-06-01"}};
  Reply before = office.get("/api/v1/members/QC1");
  Reply refused = office.post("/api/v1/members/QC1/events", admission);
  ASSERT_EQ(refused.status, 409) << refused.raw;
  EXPECT_EQ(refused.body["error"]["field"], "party_course") << refused.raw;
  EXPECT_EQ(refused.body["error"]["rule"], "admission.course_certificate");
  EXPECT_NE(refused.raw.find("Chưa đủ hồ sơ kết nạp"), std::string::npos) << refused.raw;
  EXPECT_EQ(office.get("/api/v1/members/QC1").raw, before.raw) << "a refusal wrote something";

  Reply file = office.post(
      "/api/v1/members/QC1/dossier",
      {{"changes",
        {{{"field", "party_course"}, {"value", "25/GCN-TTCT"}, {"from", "2025-08-01"}},
         {{"field", "background_check"}, {"value", "yes"}, {"from", "2026-04-20"}},
         {{"field", "youth_union_introduction"}, {"value", "yes"}, {"from", "2026-04-20"}},
         {{"field", "sponsor"}, {"value", "GT1"}, {"from", "2024-09-01"}}}}});
  ASSERT_EQ(file.status, 201) << file.raw;
  Reply complete = office.get("/api/v1/members/QC1/dossier");
  ASSERT_EQ(complete.status, 200);
  EXPECT_TRUE(complete.body["admission_gaps"].empty()) << complete.raw;
  EXPECT_EQ(fact(complete, "sponsor")["history"][0]["value_label"], "Hoàng Văn Long (GT1)");

  json no_vote = admission;
  no_vote.erase("vote_date");
  Reply unvoted = office.post("/api/v1/members/QC1/events", no_vote);
  ASSERT_EQ(unvoted.status, 409) << unvoted.raw;
  EXPECT_EQ(unvoted.body["error"]["field"], "vote_date");
  EXPECT_EQ(unvoted.body["error"]["rule"], "admission.branch_vote");
  Reply admitted = office.post("/api/v1/members/QC1/events", admission);
  ASSERT_EQ(admitted.status, 201) << admitted.raw;
  EXPECT_EQ(office.get("/api/v1/members/QC1").body["status"], "probationary");
  EXPECT_TRUE(office.get("/api/v1/members/QC1/dossier").body["admission_gaps"].is_null());
}

}  // namespace
}  // namespace dangvu::testing
