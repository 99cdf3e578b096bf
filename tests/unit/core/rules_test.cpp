// RuleSet: the defaults of the rules in force, JSON overrides, refusals naming the key, the
// to_json → from_json round trip and the parent-kind table.
#include "core/rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace dangvu {
namespace {

void expect_rules_refused(const Result<RuleSet>& r, const std::string& field) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(r.error().field, field);
  EXPECT_EQ(r.error().rule, "");
  EXPECT_FALSE(r.error().message_vi.empty());
}

TEST(RuleSetTest, Defaults) {
  RuleSet r = RuleSet::defaults();
  EXPECT_EQ(r.admission_min_age_years, 18);
  EXPECT_EQ(r.admission_max_age_years, 60);
  EXPECT_EQ(r.probation_months, 12);
  EXPECT_EQ(r.ceremony_due_working_days, 30);
  EXPECT_EQ(r.recognition_review_working_days, 30);
  EXPECT_EQ(r.transfer_letter_days, 30);
  EXPECT_EQ(r.branch_min_official_members, 3);
  EXPECT_EQ(r.card_number_digits, 12);
  EXPECT_EQ(r.badge_years, (std::vector<int>{30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90}));
  EXPECT_EQ(r.member_org_kinds,
            (std::set<OrgKind>{OrgKind::grassroots_branch, OrgKind::sub_branch}));
  EXPECT_EQ(r.readmission_after,
            (std::set<MemberStatus>{MemberStatus::removed, MemberStatus::resigned}));
  EXPECT_TRUE(r.holds_members(OrgKind::grassroots_branch));
  EXPECT_TRUE(r.holds_members(OrgKind::sub_branch));
  EXPECT_FALSE(r.holds_members(OrgKind::grassroots_committee));
  EXPECT_FALSE(r.holds_members(OrgKind::cluster));
  EXPECT_FALSE(r.holds_members(OrgKind::upper_committee));
}

TEST(RuleSetTest, EmptyObjectGivesTheDefaults) {
  auto r = RuleSet::from_json("{}");
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->to_json(), RuleSet::defaults().to_json());
}

TEST(RuleSetTest, FromJsonOverridesProbationMonthsOnly) {
  auto r = RuleSet::from_json(R"({"probation_months": 18})");
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->probation_months, 18);
  EXPECT_EQ(r->admission_min_age_years, 18);
  EXPECT_EQ(r->admission_max_age_years, 60);
  EXPECT_EQ(r->card_number_digits, 12);
  EXPECT_EQ(r->badge_years.size(), 12u);
}

TEST(RuleSetTest, FromJsonOverridesTables) {
  auto r = RuleSet::from_json(R"({
    "badge_years": [30, 40],
    "member_org_kinds": ["grassroots_branch"],
    "readmission_after": ["removed", "resigned", "expelled"],
    "allowed_parents": {"upper_committee": ["root"], "grassroots_branch": ["upper_committee"]}
  })");
  ASSERT_TRUE(r.ok()) << r.error().detail_en;
  EXPECT_EQ(r->badge_years, (std::vector<int>{30, 40}));
  EXPECT_TRUE(r->holds_members(OrgKind::grassroots_branch));
  EXPECT_FALSE(r->holds_members(OrgKind::sub_branch));
  EXPECT_EQ(r->readmission_after.count(MemberStatus::expelled), 1u);
  const OrgKind upper = OrgKind::upper_committee;
  const OrgKind cluster = OrgKind::cluster;
  EXPECT_TRUE(r->parent_allowed(OrgKind::upper_committee, nullptr));
  EXPECT_FALSE(r->parent_allowed(OrgKind::upper_committee, &upper));
  EXPECT_TRUE(r->parent_allowed(OrgKind::grassroots_branch, &upper));
  EXPECT_FALSE(r->parent_allowed(OrgKind::grassroots_branch, &cluster));
  // Kinds left out of the replaced table may sit nowhere.
  EXPECT_FALSE(r->parent_allowed(OrgKind::cluster, &upper));
}

TEST(RuleSetTest, UnknownKeyIsRefusedNamingTheKey) {
  auto r = RuleSet::from_json(R"({"probation_month": 18})");
  expect_rules_refused(r, "rules.probation_month");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message_vi.find("probation_month"), std::string::npos);
}

TEST(RuleSetTest, WrongTypeIsRefusedNamingTheKey) {
  expect_rules_refused(RuleSet::from_json(R"({"probation_months": "12"})"),
                       "rules.probation_months");
  expect_rules_refused(RuleSet::from_json(R"({"probation_months": 12.5})"),
                       "rules.probation_months");
  expect_rules_refused(RuleSet::from_json(R"({"badge_years": 30})"), "rules.badge_years");
  expect_rules_refused(RuleSet::from_json(R"({"badge_years": ["30"]})"), "rules.badge_years");
  expect_rules_refused(RuleSet::from_json(R"({"member_org_kinds": "sub_branch"})"),
                       "rules.member_org_kinds");
  expect_rules_refused(RuleSet::from_json(R"({"allowed_parents": []})"), "rules.allowed_parents");
}

TEST(RuleSetTest, OutOfRangeAndUnknownValuesAreRefused) {
  expect_rules_refused(RuleSet::from_json(R"({"card_number_digits": -1})"),
                       "rules.card_number_digits");
  expect_rules_refused(RuleSet::from_json(R"({"badge_years": [0]})"), "rules.badge_years");
  expect_rules_refused(RuleSet::from_json(R"({"member_org_kinds": ["chi_bo"]})"),
                       "rules.member_org_kinds");
  expect_rules_refused(RuleSet::from_json(R"({"readmission_after": ["official"]})"),
                       "rules.readmission_after");
  expect_rules_refused(RuleSet::from_json(R"({"allowed_parents": {"branch": ["root"]}})"),
                       "rules.allowed_parents");
  expect_rules_refused(RuleSet::from_json(R"({"allowed_parents": {"sub_branch": ["grassroots"]}})"),
                       "rules.allowed_parents");
}

TEST(RuleSetTest, MinAgeAboveMaxAgeIsRefused) {
  expect_rules_refused(
      RuleSet::from_json(R"({"admission_min_age_years": 65, "admission_max_age_years": 60})"),
      "rules.admission_min_age_years");
}

TEST(RuleSetTest, NotAnObjectIsRefused) {
  expect_rules_refused(RuleSet::from_json("[1, 2]"), "rules");
  expect_rules_refused(RuleSet::from_json("{\"probation_months\": "), "rules");
  expect_rules_refused(RuleSet::from_json(""), "rules");
}

TEST(RuleSetTest, ToJsonFromJsonRoundTrip) {
  RuleSet r = RuleSet::defaults();
  r.probation_months = 18;
  r.admission_max_age_years = 65;
  r.card_number_digits = 10;
  r.badge_years = {30, 40, 50};
  r.member_org_kinds = {OrgKind::grassroots_branch};
  r.readmission_after = {MemberStatus::removed};
  r.allowed_parents[OrgKind::grassroots_branch] = {"root", "upper_committee"};
  std::string text = r.to_json();
  auto back = RuleSet::from_json(text);
  ASSERT_TRUE(back.ok()) << back.error().detail_en;
  EXPECT_EQ(back->probation_months, 18);
  EXPECT_EQ(back->admission_max_age_years, 65);
  EXPECT_EQ(back->card_number_digits, 10);
  EXPECT_EQ(back->badge_years, (std::vector<int>{30, 40, 50}));
  EXPECT_EQ(back->member_org_kinds, std::set<OrgKind>{OrgKind::grassroots_branch});
  EXPECT_EQ(back->readmission_after, std::set<MemberStatus>{MemberStatus::removed});
  EXPECT_EQ(back->allowed_parents, r.allowed_parents);
  EXPECT_TRUE(back->parent_allowed(OrgKind::grassroots_branch, nullptr));
  EXPECT_EQ(back->to_json(), text);
}

TEST(RuleSetTest, DefaultsRoundTrip) {
  auto back = RuleSet::from_json(RuleSet::defaults().to_json());
  ASSERT_TRUE(back.ok()) << back.error().detail_en;
  EXPECT_EQ(back->to_json(), RuleSet::defaults().to_json());
  EXPECT_EQ(back->allowed_parents, RuleSet::defaults().allowed_parents);
}

TEST(RuleSetTest, ParentAllowedForEachKind) {
  RuleSet r = RuleSet::defaults();
  const OrgKind upper = OrgKind::upper_committee;
  const OrgKind cluster = OrgKind::cluster;
  const OrgKind committee = OrgKind::grassroots_committee;
  const OrgKind branch = OrgKind::grassroots_branch;
  const OrgKind sub = OrgKind::sub_branch;

  // upper_committee: root or under another upper committee.
  EXPECT_TRUE(r.parent_allowed(upper, nullptr));
  EXPECT_TRUE(r.parent_allowed(upper, &upper));
  EXPECT_FALSE(r.parent_allowed(upper, &cluster));
  EXPECT_FALSE(r.parent_allowed(upper, &committee));

  // cluster: only under an upper committee.
  EXPECT_FALSE(r.parent_allowed(cluster, nullptr));
  EXPECT_TRUE(r.parent_allowed(cluster, &upper));
  EXPECT_FALSE(r.parent_allowed(cluster, &cluster));
  EXPECT_FALSE(r.parent_allowed(cluster, &committee));

  // grassroots committee and branch: under an upper committee or a cluster.
  for (OrgKind k : {committee, branch}) {
    SCOPED_TRACE(std::string(to_string(k)));
    EXPECT_FALSE(r.parent_allowed(k, nullptr));
    EXPECT_TRUE(r.parent_allowed(k, &upper));
    EXPECT_TRUE(r.parent_allowed(k, &cluster));
    EXPECT_FALSE(r.parent_allowed(k, &committee));
    EXPECT_FALSE(r.parent_allowed(k, &branch));
    EXPECT_FALSE(r.parent_allowed(k, &sub));
  }

  // sub_branch: only under a grassroots committee.
  EXPECT_FALSE(r.parent_allowed(sub, nullptr));
  EXPECT_FALSE(r.parent_allowed(sub, &upper));
  EXPECT_FALSE(r.parent_allowed(sub, &cluster));
  EXPECT_TRUE(r.parent_allowed(sub, &committee));
  EXPECT_FALSE(r.parent_allowed(sub, &branch));
  EXPECT_FALSE(r.parent_allowed(sub, &sub));
}

TEST(RuleSetTest, KindNamesRoundTrip) {
  for (OrgKind k : kAllOrgKinds) {
    auto back = parse_org_kind(to_string(k));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, k);
    EXPECT_FALSE(label_vi(k).empty());
  }
  EXPECT_FALSE(parse_org_kind("chi_bo").has_value());
  EXPECT_EQ(label_vi(OrgKind::grassroots_committee), "Đảng bộ cơ sở");
  EXPECT_EQ(label_vi(OrgKind::sub_branch), "Chi bộ trực thuộc");
}

}  // namespace
}  // namespace dangvu
