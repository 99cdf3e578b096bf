// Organizations' results of a year (issue 22) through the service, on both engines: an org's
// self-assessment checked against its score and conditions, the decision of the standing
// committee directly above (past a cluster) for a list, the emulation titles registered and
// recognized, a record cancelled, the results of a subtree with its members' results (the same
// counts as the members' round), the year's report stating them, and the decisions as documents;
// refusals name the field and the rule and write nothing.
#include <gtest/gtest.h>

#include <functional>
#include <tuple>

#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

class OrgResultsTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "", "2000-01-01");
    org("CUM", "Cụm thi đua số 1", "cluster", "TU", "2000-01-01");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "CUM", "2000-01-01");
    org("S1", "Chi bộ Văn phòng", "sub_branch", "DB", "2000-01-01");
    org("S2", "Chi bộ Kế toán", "sub_branch", "DB", "2000-01-01");
    org("S3", "Chi bộ Thanh tra", "sub_branch", "DB", "2026-09-01");  // too new for 2026
    org("CB", "Chi bộ Trường học", "grassroots_branch", "TU", "2000-01-01");
    for (const auto& [code, given, where] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"A", "An", "S1"}, {"B", "Bình", "S1"}, {"C", "Chi", "S2"}}) {
      person({.code = code, .given = given, .org = where, .date = "2010-03-01"});
      event(code, "recognition", "2011-03-10");
    }
  }

  OrgRatingInput self(const std::string& org, const std::string& score, const std::string& category,
                      int late = 0, int exceeding = 40) {
    return {.org_code = org,
            .year = 2026,
            .score = score,
            .category = category,
            .tasks_late_percent = late,
            .tasks_exceeding_percent = exceeding};
  }

  void assess(const std::string& org, const std::string& score, const std::string& category,
              int late = 0, int exceeding = 40) {
    auto id = registry_->record_org_rating(self(org, score, category, late, exceeding));
    ASSERT_TRUE(id.ok()) << org << ": " << id.error().message_vi;
  }

  OrgDecisionInput decision(const std::string& by, std::vector<OrgDecisionItem> orgs,
                            const std::string& title = "") {
    return {.org_code = by,
            .year = 2026,
            .title = title,
            .decision_no = title.empty() ? "12-QĐ/ĐU" : "13-QĐ/ĐU",
            .decided_on = "2026-12-05",
            .orgs = std::move(orgs)};
  }

  void rate_members() {
    for (const auto& [code, score, category] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"A", "85", "good"}, {"B", "75", "good"}, {"C", "60", "completed"}}) {
      ASSERT_TRUE(registry_
                      ->record_rating({.member_code = code,
                                       .year = 2026,
                                       .step = "proposal",
                                       .score = score,
                                       .category = category})
                      .ok());
    }
    auto decided = registry_->decide_ratings({.org_code = "DB",
                                              .year = 2026,
                                              .decision_no = "45-QĐ/ĐU",
                                              .decided_on = "2026-12-05",
                                              .members = {{"A"}, {"B"}, {"C"}}});
    ASSERT_TRUE(decided.ok()) << decided.error().message_vi;
  }

  static const OrgResultRowView* row(const OrgResultsView& v, const std::string& code) {
    for (const auto& r : v.rows) {
      if (r.org_code == code) return &r;
    }
    return nullptr;
  }
};

TEST_F(OrgResultsTest, OrgsAreRatedByTheCommitteeDirectlyAboveAndAddUpWithTheirMembers) {
  assess("S1", "92", "excellent");
  assess("S2", "85", "good", 0, 10);
  assess("DB", "88", "good");
  rate_members();
  auto by_db = registry_->decide_orgs(decision("DB", {{"S1"}, {"S2"}}));
  ASSERT_TRUE(by_db.ok()) << by_db.error().message_vi;
  // One "xuất sắc" of one "tốt": beyond 20%, warned about, not refused.
  ASSERT_TRUE(by_db->quota_warning);
  // DB sits in a cluster: the provincial committee above it rates it.
  auto by_tu = registry_->decide_orgs(decision("TU", {{"DB"}}));
  ASSERT_TRUE(by_tu.ok()) << by_tu.error().message_vi;

  auto v = registry_->org_results("DB", 2026);
  ASSERT_TRUE(v.ok()) << v.error().message_vi;
  EXPECT_EQ(v->to_rate, 2);
  EXPECT_EQ(v->too_new, 1);
  EXPECT_EQ(v->results.orgs.at(RatingCategory::excellent), 1);
  EXPECT_EQ(v->results.orgs.at(RatingCategory::good), 1);
  ASSERT_TRUE(v->quota_warning);
  const auto* db = row(*v, "DB");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->competent_code, "TU");
  EXPECT_EQ(db->rating.decision->decision_no, "12-QĐ/ĐU");
  EXPECT_EQ(db->decided_by_code, "TU");
  EXPECT_EQ(db->orgs_below.at(RatingCategory::excellent), 1);
  EXPECT_EQ(row(*v, "S1")->competent_code, "DB");
  EXPECT_TRUE(row(*v, "S3")->too_new);
  EXPECT_EQ(row(*v, "S1")->members.at(RatingCategory::good), 2);
  EXPECT_EQ(row(*v, "S2")->members.at(RatingCategory::completed), 1);
  // The members' counts are the members' round's.
  auto round = registry_->rating_round("DB", 2026);
  ASSERT_TRUE(round.ok());
  for (const auto& [category, n] : round->by_category) {
    EXPECT_EQ(v->results.members.at(category), n) << to_string(category);
  }
  auto tu = registry_->org_results("TU", 2026);
  ASSERT_TRUE(tu.ok());
  EXPECT_EQ(tu->to_rate, 4) << "DB, S1, S2, CB; S3 too new; the cluster is no party org";
  EXPECT_EQ(row(*tu, "CUM")->competent_code, "");
  EXPECT_EQ(row(*tu, "TU")->orgs_below.at(RatingCategory::good), 1) << "DB, past the cluster";
  EXPECT_EQ(tu->results.orgs_decided(), 3);  // DB, S1, S2
  EXPECT_EQ(tu->results.members_decided(), 3);

  // A decided year is not assessed again; the decision cancelled, it is.
  EXPECT_EQ(refused([&] { return registry_->record_org_rating(self("S1", "80", "good")); }).kind,
            ErrorKind::conflict);
  const auto s1_decision = row(*v, "S1")->rating.decision->id;
  ASSERT_TRUE(registry_->cancel_org_result({"S1", s1_decision, "Ghi nhầm"}).ok());
  EXPECT_EQ(refused([&] {
              return registry_->cancel_org_result({"S1", s1_decision, "Ghi nhầm"});
            }).kind,
            ErrorKind::conflict);
  assess("S1", "80", "good");
  v = registry_->org_results("DB", 2026);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->results.orgs.count(RatingCategory::excellent), 0U);
  EXPECT_FALSE(row(*v, "S1")->rating.decision);
  EXPECT_EQ(row(*v, "S1")->rating.proposal->category, RatingCategory::good);
}

TEST_F(OrgResultsTest, EmulationTitlesAreRegisteredThenRecognizedOrNot) {
  ASSERT_TRUE(registry_->register_emulation({"S1", 2026, "chi_bo_bon_tot"}).ok());
  ASSERT_TRUE(registry_->register_emulation({"S2", 2026, "chi_bo_bon_tot"}).ok());
  ASSERT_TRUE(registry_->register_emulation({"DB", 2026, "dang_bo_co_so_bon_tot"}).ok());
  auto decided = registry_->decide_orgs(decision(
      "DB", {{.org_code = "S1"}, {.org_code = "S2", .recognized = false}}, "chi_bo_bon_tot"));
  ASSERT_TRUE(decided.ok()) << decided.error().message_vi;
  EXPECT_FALSE(decided->quota_warning);
  auto v = registry_->org_results("DB", 2026);
  ASSERT_TRUE(v.ok());
  const auto& four_good = v->results.titles.front();
  EXPECT_EQ(four_good.code, "chi_bo_bon_tot");
  EXPECT_EQ(four_good.registered, 2);
  EXPECT_EQ(four_good.recognized, 1);
  EXPECT_EQ(four_good.not_recognized, 1);
  EXPECT_TRUE(row(*v, "S1")->titles.at("chi_bo_bon_tot").decision->recognized);
  EXPECT_FALSE(row(*v, "S2")->titles.at("chi_bo_bon_tot").decision->recognized);
  EXPECT_TRUE(row(*v, "DB")->titles.at("dang_bo_co_so_bon_tot").proposal);
  // The year's report states them, and the committee's decision is a document.
  auto report = registry_->report("DB", "2026");
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  std::string text;
  for (const auto& s : report->sections) {
    for (const auto& b : s.blocks) text += b.text + "\n";
  }
  EXPECT_NE(text.find("«Chi bộ bốn tốt»: 2 tổ chức đăng ký, 1 tổ chức được công nhận"),
            std::string::npos)
      << text;
  auto doc = registry_->org_decision_document("DB", 2026, "chi_bo_bon_tot");
  ASSERT_TRUE(doc.ok()) << doc.error().message_vi;
  EXPECT_EQ(doc->number, "Số 13-QĐ/ĐU");
  EXPECT_EQ(doc->kind_title, "QUYẾT ĐỊNH");
  ASSERT_EQ(doc->annex.size(), 1U);
  ASSERT_EQ(doc->annex[0].blocks[1].table.rows.size(), 1U);  // S1 only
  EXPECT_EQ(doc->annex[0].blocks[1].table.rows[0][1].text, "Chi bộ Văn phòng");
}

TEST_F(OrgResultsTest, TheYearsReportAndTheDecisionsStateTheResults) {
  assess("S1", "92", "excellent");
  assess("S2", "85", "good", 0, 10);
  rate_members();
  ASSERT_TRUE(registry_->decide_orgs(decision("DB", {{"S1"}, {"S2"}})).ok());
  auto report = registry_->report("DB", "2026");
  ASSERT_TRUE(report.ok()) << report.error().message_vi;
  std::string text;
  for (const auto& s : report->sections) {
    for (const auto& b : s.blocks) text += b.text + "\n";
  }
  EXPECT_NE(text.find("Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2026: 3 đồng chí được "
                      "xếp loại, trong đó hoàn thành tốt nhiệm vụ 2 đồng chí (66,7%), hoàn thành "
                      "nhiệm vụ 1 đồng chí (33,3%)."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Xếp loại chất lượng tổ chức đảng trực thuộc năm 2026: 2 tổ chức được xếp "
                      "loại, trong đó hoàn thành xuất sắc nhiệm vụ 1 (50,0%), hoàn thành tốt "
                      "nhiệm vụ 1 (50,0%)."),
            std::string::npos)
      << text;
  // A half-year's report does not.
  auto half = registry_->report("DB", "2026-H2");
  ASSERT_TRUE(half.ok());
  for (const auto& s : half->sections) {
    for (const auto& b : s.blocks) EXPECT_EQ(b.text.find("xếp loại chất lượng"), std::string::npos);
  }

  auto members = registry_->rating_decision_document("DB", 2026);
  ASSERT_TRUE(members.ok()) << members.error().message_vi;
  EXPECT_EQ(members->number, "Số 45-QĐ/ĐU");
  EXPECT_EQ(members->title, "Về việc xếp loại chất lượng đảng viên năm 2026");
  ASSERT_EQ(members->annex.size(), 1U);
  // One table a branch: S1's two members, S2's one.
  ASSERT_EQ(members->annex[0].blocks.size(), 3U);
  EXPECT_EQ(members->annex[0].blocks[1].table.title, "Chi bộ Văn phòng");
  EXPECT_EQ(members->annex[0].blocks[1].table.rows.size(), 2U);
  EXPECT_EQ(members->annex[0].blocks[2].table.rows.size(), 1U);
  // Only a committee decides on the orgs under it, a grassroots org on its members' rating.
  EXPECT_EQ(refused([&] { return registry_->org_decision_document("S1", 2026, ""); }).rule,
            "rating.not_competent");
  EXPECT_EQ(refused([&] { return registry_->rating_decision_document("TU", 2026); }).rule,
            "rating.not_competent");
  // Before the decision, the draft of the proposals: the number left blank.
  ASSERT_TRUE(registry_->register_emulation({"S1", 2026, "chi_bo_bon_tot"}).ok());
  auto draft = registry_->org_decision_document("DB", 2026, "chi_bo_bon_tot");
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(draft->number.find("Số       -QĐ/"), 0U) << draft->number;
}

TEST_F(OrgResultsTest, BadInputIsRefusedNamingTheFieldAndTheRuleAndWritesNothing) {
  assess("S1", "85", "good");
  ASSERT_TRUE(registry_->register_emulation({"S1", 2026, "chi_bo_bon_tot"}).ok());
  struct Case {
    std::function<Status()> action;
    std::string field, rule;
  };
  auto record = [&](OrgRatingInput in) {
    return std::function<Status()>([this, in]() -> Status {
      auto r = registry_->record_org_rating(in);
      if (!r.ok()) return r.error();
      return {};
    });
  };
  auto decide = [&](OrgDecisionInput in) {
    return std::function<Status()>([this, in]() -> Status {
      auto r = registry_->decide_orgs(in);
      if (!r.ok()) return r.error();
      return {};
    });
  };
  auto enroll = [&](EmulationInput in) {
    return std::function<Status()>([this, in]() -> Status {
      auto r = registry_->register_emulation(in);
      if (!r.ok()) return r.error();
      return {};
    });
  };
  std::vector<Case> cases = {
      {record(self("S2", "120", "excellent")), "score", ""},
      {record(self("S2", "", "good")), "score", ""},
      // A collective with 25% of its tasks late cannot be rated "hoàn thành".
      {record(self("S2", "75", "completed", 25)), "category", "rating.category"},
      {record(self("S2", "92", "excellent", 0, 10)), "category", "rating.category"},
      {record(self("S2", "85", "good", 101)), "tasks_late_percent", ""},
      {record(self("S3", "85", "good")), "org", "rating.org_new"},
      {record(self("CUM", "85", "good")), "org", "rating.not_party_org"},
      {decide(decision("TU", {{"S1"}})), "orgs[0].org", "rating.not_competent"},
      {decide(decision("S1", {{"S2"}})), "org", "rating.not_competent"},
      {decide(decision("DB", {{"S2"}})), "orgs[0].org", "rating.no_proposal"},
      {decide(decision("DB", {{"S1", "excellent"}})), "orgs[0].category", "rating.category"},
      {decide(decision("DB", {{"S1"}, {"S1"}})), "orgs[1].org", ""},
      {decide(decision("DB", {})), "orgs", ""},
      {decide(decision("DB", {{"S2"}}, "chi_bo_bon_tot")), "orgs[0].org",
       "emulation.not_registered"},
      {enroll({"S2", 2026, "chi_bo_ba_tot"}), "title", "emulation.unknown"},
      {enroll({"S2", 2026, "dang_bo_co_so_bon_tot"}), "title", "emulation.kind"},
      {enroll({"S2", 2028, "chi_bo_bon_tot"}), "year", ""},
  };
  auto future = decision("DB", {{"S1"}});
  future.decided_on = "2026-12-07";
  cases.push_back({decide(future), "decided_on", ""});
  for (const auto& c : cases) {
    auto e = refused(c.action);
    EXPECT_EQ(e.field, c.field) << e.message_vi;
    if (!c.rule.empty()) {
      EXPECT_EQ(e.rule, c.rule) << e.message_vi;
    }
  }
  EXPECT_EQ(refused([&] {
              return registry_->register_emulation({"S1", 2026, "chi_bo_bon_tot"});
            }).kind,
            ErrorKind::conflict);
  // Who may: a branch secretary assesses its own branch and decides nothing; a viewer records
  // nothing; another subtree's office sees nothing of it.
  auto secretary = as(auth::Role::branch_secretary, "S2");
  EXPECT_TRUE(secretary.record_org_rating(self("S2", "75", "good")).ok());
  EXPECT_EQ(refused([&] { return secretary.record_org_rating(self("S1", "75", "good")); }).kind,
            ErrorKind::not_found);
  EXPECT_EQ(refused([&] { return secretary.decide_orgs(decision("DB", {{"S2"}})); }).kind,
            ErrorKind::forbidden);
  auto viewer = as(auth::Role::viewer, "DB");
  EXPECT_EQ(refused([&] {
              return viewer.register_emulation({"S2", 2026, "chi_bo_bon_tot"});
            }).kind,
            ErrorKind::forbidden);
  auto other = as(auth::Role::committee_office, "CB");
  EXPECT_EQ(refused([&] { return other.org_results("DB", 2026); }).kind, ErrorKind::not_found);
  EXPECT_EQ(refused([&] { return other.decide_orgs(decision("DB", {{"S1"}})); }).kind,
            ErrorKind::not_found);
}

}  // namespace
}  // namespace dangvu::service
