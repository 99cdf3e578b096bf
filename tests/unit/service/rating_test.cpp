// The yearly quality rating of members (issue 22) through the service, on both engines: the
// self-assessment and the branch's proposal checked against the score and conditions, the
// decision of the member's grassroots committee for a list (all or nothing), the round of a
// subtree with who is not rated and why, the quota warning, a decision cancelled; refusals name
// the field and the rule and write nothing.
#include <gtest/gtest.h>

#include <functional>
#include <tuple>

#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

class RatingTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "", "2000-01-01");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU", "2000-01-01");
    org("S1", "Chi bộ Văn phòng", "sub_branch", "DB", "2000-01-01");
    org("S2", "Chi bộ Kế toán", "sub_branch", "DB", "2000-01-01");
    org("CB", "Chi bộ Trường học", "grassroots_branch", "TU", "2000-01-01");
    for (const auto& [code, given, where] :
         std::vector<std::tuple<std::string, std::string, std::string>>{{"A", "An", "S1"},
                                                                        {"B", "Bình", "S1"},
                                                                        {"C", "Chi", "S2"},
                                                                        {"D", "Dũng", "S2"},
                                                                        {"E", "Én", "S2"},
                                                                        {"G", "Giang", "CB"}}) {
      person({.code = code, .given = given, .org = where, .date = "2010-03-01"});
      event(code, "recognition", "2011-03-10");
    }
    person({.code = "N", .given = "Nam", .org = "S1", .date = "2026-09-10"});  // new this year
    dossier("E", {{"exemption", "yes", "2026-02-01", "Quyết định 12-QĐ/ĐU", std::nullopt}});
    dossier("D",
            {{"discipline", "reprimand", "2026-04-01", "Quyết định 20-QĐ/UBKT", std::nullopt}});
  }

  RatingInput input(const std::string& code, const std::string& step, const std::string& score,
                    const std::string& category, bool on_time = true) {
    return {.member_code = code,
            .year = 2026,
            .step = step,
            .score = score,
            .category = category,
            .tasks_on_time = on_time};
  }

  void propose(const std::string& code, const std::string& score, const std::string& category,
               bool on_time = true) {
    auto id = registry_->record_rating(input(code, "proposal", score, category, on_time));
    ASSERT_TRUE(id.ok()) << code << ": " << id.error().message_vi;
  }

  RatingDecisionInput decision(const std::string& org, std::vector<RatingDecisionMember> members) {
    return {.org_code = org,
            .year = 2026,
            .decision_no = "45-QĐ/ĐU",
            .decided_on = "2026-12-05",
            .members = std::move(members)};
  }

  static const RatingRowView* row(const RatingRoundView& v, const std::string& code) {
    for (const auto& r : v.rows) {
      if (r.member_code == code) return &r;
    }
    return nullptr;
  }
};

TEST_F(RatingTest, TheRoundListsWhoIsRatedAndWhoIsNotAndWhy) {
  auto v = registry_->rating_round("DB", 2026);
  ASSERT_TRUE(v.ok()) << v.error().message_vi;
  EXPECT_EQ(v->members, 6);  // A B C D E N
  EXPECT_EQ(v->to_rate, 4);
  EXPECT_EQ(v->not_rated.at(NotRatedReason::admitted_recently), 1);  // N, admitted on 10/9
  EXPECT_EQ(v->not_rated.at(NotRatedReason::exempt), 1);             // E
  ASSERT_NE(row(*v, "N"), nullptr);
  EXPECT_EQ(row(*v, "N")->not_rated, NotRatedReason::admitted_recently);
  EXPECT_TRUE(row(*v, "D")->disciplined);
  EXPECT_EQ(row(*v, "A")->competent_code, "DB");
  EXPECT_EQ(v->as_of, D("2026-12-06"));
  EXPECT_EQ(v->round_end, D("2026-12-31"));
}

TEST_F(RatingTest, AProposalAndADecisionFollowTheScoreAndTheCompetentLevelDecides) {
  ASSERT_TRUE(registry_->record_rating(input("A", "self", "92", "excellent")).ok());
  propose("A", "91,5", "excellent");
  propose("B", "85", "good");
  propose("C", "90", "completed", false);  // 90 without every task on time
  propose("D", "80", "not_completed");     // disciplined in the year
  auto decided = registry_->decide_ratings(decision("DB", {{"A"}, {"B"}, {"C"}, {"D", ""}}));
  ASSERT_TRUE(decided.ok()) << decided.error().message_vi;
  EXPECT_EQ(decided->ids.size(), 4U);
  // One "xuất sắc" of one "tốt": beyond 20%, warned about, not refused.
  ASSERT_TRUE(decided->quota_warning);
  EXPECT_NE(decided->quota_warning->find("vượt 20%"), std::string::npos);

  auto v = registry_->rating_round("DB", 2026);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->decided, 4);
  EXPECT_EQ(v->by_category.at(RatingCategory::excellent), 1);
  EXPECT_EQ(v->by_category.at(RatingCategory::good), 1);
  EXPECT_EQ(v->by_category.at(RatingCategory::completed), 1);
  EXPECT_EQ(v->by_category.at(RatingCategory::not_completed), 1);
  EXPECT_TRUE(v->quota_warning);
  ASSERT_TRUE(row(*v, "A")->rating.self);
  EXPECT_EQ(row(*v, "A")->rating.decision->decision_no, "45-QĐ/ĐU");
  EXPECT_EQ(row(*v, "A")->decided_by_code, "DB");
  auto s1 = registry_->rating_round("S1", 2026);
  ASSERT_TRUE(s1.ok());
  EXPECT_EQ(s1->decided, 2);  // A, B

  auto a = registry_->member_ratings("A");
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->by_year.count(2026), 1U);
  EXPECT_EQ(a->by_year.at(2026).decision->category, RatingCategory::excellent);

  // A decided year is not proposed again; the decision cancelled, it is.
  const auto a_decision = a->by_year.at(2026).decision->id;
  EXPECT_EQ(
      refused([&] { return registry_->record_rating(input("A", "proposal", "80", "good")); }).kind,
      ErrorKind::conflict);
  ASSERT_TRUE(registry_->cancel_rating({"A", a_decision, "Ghi nhầm điểm"}).ok());
  propose("A", "80", "good");
  auto again = registry_->decide_ratings(decision("DB", {{"A"}}));
  ASSERT_TRUE(again.ok()) << again.error().message_vi;
  EXPECT_FALSE(again->quota_warning);
  v = registry_->rating_round("DB", 2026);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->by_category.count(RatingCategory::excellent), 0U);
  EXPECT_EQ(v->by_category.at(RatingCategory::good), 2);
  EXPECT_FALSE(v->quota_warning);
}

TEST_F(RatingTest, BadInputIsRefusedNamingTheFieldAndTheRuleAndWritesNothing) {
  propose("A", "85", "good");
  propose("G", "75", "good");
  struct Case {
    std::function<Status()> action;
    std::string field, rule;
  };
  auto record = [&](RatingInput in) {
    return std::function<Status()>([this, in]() -> Status {
      auto r = registry_->record_rating(in);
      if (!r.ok()) return r.error();
      return {};
    });
  };
  auto decide = [&](RatingDecisionInput in) {
    return std::function<Status()>([this, in]() -> Status {
      auto r = registry_->decide_ratings(in);
      if (!r.ok()) return r.error();
      return {};
    });
  };
  std::vector<Case> cases = {
      {record(input("A", "proposal", "100,5", "excellent")), "score", ""},
      {record(input("A", "proposal", "", "good")), "score", ""},
      {record(input("A", "proposal", "85", "excellent")), "category", "rating.category"},
      {record(input("A", "proposal", "69,9", "good")), "category", "rating.category"},
      {record(input("A", "proposal", "85", "best")), "category", ""},
      {record(input("A", "vote", "85", "good")), "step", ""},
      {record(input("N", "proposal", "85", "good")), "member", "rating.not_rated"},
      {record(input("E", "proposal", "85", "good")), "member", "rating.not_rated"},
      {record({.member_code = "A",
               .year = 2027,
               .step = "proposal",
               .score = "85",
               .category = "good"}),
       "year", ""},
      // The committee of DB does not decide CB's member; CB is no grassroots org of DB's.
      {decide(decision("DB", {{"A"}, {"G"}})), "members[1].member", "rating.not_competent"},
      {decide(decision("S1", {{"A"}})), "org", "rating.not_competent"},
      {decide(decision("DB", {{"B"}})), "members[0].member", "rating.no_proposal"},
      {decide(decision("DB", {{"A", "excellent"}})), "members[0].category", "rating.category"},
      {decide(decision("DB", {{"A"}, {"A"}})), "members[1].member", ""},
      {decide(decision("DB", {})), "members", ""},
  };
  auto future = decision("DB", {{"A"}});
  future.decided_on = "2026-12-07";
  cases.push_back({decide(future), "decided_on", ""});
  for (const auto& c : cases) {
    auto e = refused(c.action);
    EXPECT_EQ(e.field, c.field) << e.message_vi;
    if (!c.rule.empty()) {
      EXPECT_EQ(e.rule, c.rule) << e.message_vi;
    }
  }
  // Who may: a branch secretary proposes for its own branch and decides nothing; a viewer
  // records nothing.
  auto secretary = as(auth::Role::branch_secretary, "S1");
  EXPECT_TRUE(secretary.record_rating(input("B", "proposal", "75", "good")).ok());
  EXPECT_EQ(
      refused([&] { return secretary.record_rating(input("C", "proposal", "75", "good")); }).kind,
      ErrorKind::not_found);
  EXPECT_EQ(refused([&] { return secretary.decide_ratings(decision("DB", {{"A"}})); }).kind,
            ErrorKind::forbidden);
  auto viewer = as(auth::Role::viewer, "DB");
  EXPECT_EQ(refused([&] { return viewer.record_rating(input("A", "self", "75", "good")); }).kind,
            ErrorKind::forbidden);
  auto other = as(auth::Role::committee_office, "CB");
  EXPECT_EQ(refused([&] { return other.rating_round("DB", 2026); }).kind, ErrorKind::not_found);
}

// A member transferred into DB's subtree in 2026 from CB: DB's office rates its 2026, never its
// 2025, which was CB's (the transfer written before the rating of the earlier year is tried).
TEST_F(RatingTest, ARatingOfAYearBeforeTheMemberCameIsOutsideTodaysScope) {
  event("G", "transfer", "2026-02-01", "S2");
  auto office = as(auth::Role::committee_office, "DB");
  auto e = refused([&] {
    auto in = input("G", "proposal", "85", "good");
    in.year = 2025;
    return office.record_rating(in);
  });
  EXPECT_EQ(e.rule, "scope.history_outside") << e.message_vi;
  EXPECT_TRUE(office.record_rating(input("G", "proposal", "85", "good")).ok());
}

}  // namespace
}  // namespace dangvu::service
