// An organization's rating category from its score and conditions (Quy định 366-QĐ/TW, Điều 11 for
// collectives), who rates it (the committee directly above, past a cluster), who is too new to be
// rated, the fold of its records, and the emulation titles of the rule set.
#include "core/org_result.h"

#include <gtest/gtest.h>

#include "core/emulation_rules.h"

namespace dangvu {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

int score(const char* text) { return *parse_score(text, "score"); }

TEST(OrgResult, TheCategoryFollowsTheScoreAndTheShareOfTasksLateAndBeyond) {
  const RatingRules rules;
  auto of = [&](const char* s, int late, int exceeding, bool disciplined = false) {
    return org_category_for({score(s), late, exceeding, disciplined}, rules);
  };
  EXPECT_EQ(of("90", 0, 30), RatingCategory::excellent);
  EXPECT_EQ(of("90", 0, 29), RatingCategory::good);        // too little beyond what was asked
  EXPECT_EQ(of("95", 0, 50, true), RatingCategory::good);  // a unit below disciplined
  EXPECT_EQ(of("89,9", 0, 50), RatingCategory::good);
  EXPECT_EQ(of("95", 5, 50), RatingCategory::completed);  // a task late: not "tốt"
  EXPECT_EQ(of("75", 20, 0), RatingCategory::completed);
  // A collective with 25% of its tasks late cannot be rated "hoàn thành".
  EXPECT_EQ(of("75", 25, 0), RatingCategory::not_completed);
  EXPECT_EQ(of("49,9", 0, 0), RatingCategory::not_completed);

  auto e = check_org_rating_category(RatingCategory::completed, {score("75"), 25, 0, false}, rules,
                                     "orgs[1].category");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "orgs[1].category");
  EXPECT_EQ(e.error().rule, "rating.category");
  EXPECT_NE(e.error().message_vi.find("25% nhiệm vụ chậm tiến độ (quá 20%)"), std::string::npos)
      << e.error().message_vi;
  e = check_org_rating_category(RatingCategory::excellent, {score("92"), 0, 10, false}, rules,
                                "category");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message_vi.find("cần ít nhất 30%"), std::string::npos)
      << e.error().message_vi;
  EXPECT_TRUE(check_org_rating_category(RatingCategory::good, {score("92"), 0, 10, false}, rules,
                                        "category")
                  .ok());
}

TEST(OrgResult, TheCommitteeDirectlyAboveRatesPastACluster) {
  auto version = [](OrgId id, std::optional<OrgId> parent, OrgKind kind) {
    OrgVersion v;
    v.org = id;
    v.valid_from = D("2000-01-01");
    v.parent = parent;
    v.name = "Tổ chức " + std::to_string(id);
    v.kind = kind;
    return v;
  };
  const OrgTree tree = OrgTree::build(
      {version(1, std::nullopt, OrgKind::upper_committee), version(2, 1, OrgKind::cluster),
       version(3, 2, OrgKind::grassroots_committee), version(4, 3, OrgKind::sub_branch),
       version(5, 1, OrgKind::grassroots_branch)},
      D("2026-12-31"));
  EXPECT_EQ(committee_above(tree, 4), std::optional<OrgId>(3));
  EXPECT_EQ(committee_above(tree, 3), std::optional<OrgId>(1));
  EXPECT_EQ(committee_above(tree, 5), std::optional<OrgId>(1));
  EXPECT_EQ(committee_above(tree, 1), std::nullopt);

  const RatingRules rules;
  EXPECT_TRUE(org_too_new(D("2026-07-01"), D("2026-12-31"), rules));
  EXPECT_FALSE(org_too_new(D("2026-06-30"), D("2026-12-31"), rules));
}

TEST(OrgResult, TheStandingRecordsOfAYearLeaveTheCancelledOut) {
  std::vector<OrgResultRecord> log(4);
  log[0].id = 1;
  log[0].year = 2026;
  log[0].subject = "rating";
  log[0].category = RatingCategory::good;
  log[1].id = 2;
  log[1].year = 2026;
  log[1].subject = "rating";
  log[1].step = OrgResultStep::decision;
  log[1].category = RatingCategory::good;
  log[2].id = 3;
  log[2].year = 2026;
  log[2].subject = "rating";
  log[2].step = OrgResultStep::cancellation;
  log[2].refers = 2;
  log[3].id = 4;
  log[3].year = 2026;
  log[3].subject = "chi_bo_bon_tot";
  const OrgResult rating = org_result_of(log, 2026, kRatingSubject);
  ASSERT_TRUE(rating.proposal);
  EXPECT_FALSE(rating.decision);
  EXPECT_TRUE(org_result_cancelled(log, 2));
  EXPECT_TRUE(org_result_of(log, 2026, "chi_bo_bon_tot").proposal);
  EXPECT_FALSE(org_result_of(log, 2025, kRatingSubject).proposal);
  EXPECT_FALSE(org_excellent_quota_warning(1, 5, RatingRules{}));
  EXPECT_TRUE(org_excellent_quota_warning(2, 5, RatingRules{}));
}

TEST(EmulationRules, TheTitlesAreDataAnOfficeMayReplace) {
  EmulationRules rules;
  ASSERT_NE(rules.find("chi_bo_bon_tot"), nullptr);
  EXPECT_EQ(rules.find("chi_bo_bon_tot")->label, "Chi bộ bốn tốt");
  ASSERT_TRUE(rules
                  .merge_json(R"({"titles": [{"code": "to_chuc_dang_vung_manh", "label": "Tổ chức )"
                              R"(đảng trong sạch, vững mạnh tiêu biểu", "org_kinds": )"
                              R"(["grassroots_committee", "grassroots_branch"]}]})")
                  .ok());
  EXPECT_EQ(rules.titles.size(), 1U);
  EXPECT_EQ(rules.find("chi_bo_bon_tot"), nullptr);
  const EmulationRules again = [&] {
    EmulationRules r;
    EXPECT_TRUE(r.merge_json(rules.to_json()).ok());
    return r;
  }();
  EXPECT_EQ(again.titles.size(), 1U);
  EXPECT_EQ(again.titles[0].org_kinds.size(), 2U);
  for (const char* bad :
       {R"({"titles": [{"code": "Có dấu", "label": "x", "org_kinds": ["sub_branch"]}]})",
        R"({"titles": [{"code": "a", "label": "x", "org_kinds": ["branch"]}]})",
        R"({"titles": [{"code": "a", "label": "x", "org_kinds": []}]})",
        R"({"titles": [{"code": "a", "label": "x", "org_kinds": ["sub_branch"]},)"
        R"({"code": "a", "label": "y", "org_kinds": ["sub_branch"]}]})",
        R"({"list": []})"}) {
    EmulationRules r;
    auto st = r.merge_json(bad);
    ASSERT_FALSE(st.ok()) << bad;
    EXPECT_EQ(st.error().field, "rules.emulation");
    EXPECT_EQ(r.titles.size(), EmulationRules::defaults().size()) << "unchanged";
  }
}

}  // namespace
}  // namespace dangvu
