// Who reaches a Party badge's years for an occasion (issue 22): in an org's subtree, the members
// whose party age reaches 30, 40 … years after the occasion before and by this one — counted
// from the admission decision, put back by time outside the Party — on both engines.
#include <gtest/gtest.h>

#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

class BadgesTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "", "1970-01-01");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU", "1970-01-01");
    org("S1", "Chi bộ Văn phòng", "sub_branch", "DB", "1970-01-01");
    org("S2", "Chi bộ Kế toán", "sub_branch", "DB", "1970-01-01");
    admit("A", "An", "S1", "1996-03-15");    // 30 years on 15/03/2026
    admit("B", "Bình", "S1", "1996-03-15");  // struck off three years: 30 years in 2029
    event("B", "removal", "2006-01-01");
    event("B", "readmission", "2009-01-01", "S1");
    admit("C", "Chi", "S2", "1986-04-01");   // 40 years on 01/04/2026
    admit("D", "Dũng", "S2", "1986-06-01");  // 40 years on 01/06/2026: the 2/9 list
    admit("E", "Én", "S2", "1996-01-10");    // 30 years on 10/01/2026: the 3/2 list
    admit("F", "Phúc", "S1", "1996-03-20");  // died before the occasion
    event("F", "death", "2026-01-05");
  }

  void admit(const std::string& code, const std::string& given, const std::string& org,
             const std::string& on) {
    const std::string born = std::to_string(std::stoi(on.substr(0, 4)) - 25) + "-01-01";
    person({.code = code, .given = given, .org = org, .date = on, .birth_date = born});
    event(code, "recognition", D(on.c_str()).add_years(1).add_days(7).iso());
  }

  static std::vector<std::string> codes(const BadgesDueView& v) {
    std::vector<std::string> out;
    for (const auto& r : v.rows) out.push_back(r.member_code + ":" + std::to_string(r.years));
    return out;
  }
};

TEST_F(BadgesTest, TheMembersReachingABadgeByTheOccasionAndAfterTheOneBefore) {
  auto may = registry_->badges_due("DB", "2026-05-19");
  ASSERT_TRUE(may.ok()) << may.error().message_vi;
  EXPECT_EQ(codes(*may), (std::vector<std::string>{"C:40", "A:30"}));
  EXPECT_EQ(may->previous, D("2026-02-03"));
  EXPECT_EQ(may->rows[1].due, D("2026-03-15"));
  EXPECT_EQ(may->rows[1].org_code, "S1");
  EXPECT_EQ(may->rows[1].first_admission, D("1996-03-15"));
  EXPECT_FALSE(may->rows[1].gap);
  EXPECT_EQ(may->by_years.at(40), 1);
  EXPECT_EQ(may->by_years.at(30), 1);

  auto february = registry_->badges_due("DB", "2026-02-03");
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(codes(*february), (std::vector<std::string>{"E:30"}));
  auto september = registry_->badges_due("DB", "2026-09-02");
  ASSERT_TRUE(september.ok());
  EXPECT_EQ(codes(*september), (std::vector<std::string>{"D:40"}));
  auto branch = registry_->badges_due("S1", "2026-05-19");
  ASSERT_TRUE(branch.ok());
  EXPECT_EQ(codes(*branch), (std::vector<std::string>{"A:30"}));

  // The three years struck off put B's badge in 2029, counted from today's subtree.
  auto later = registry_->badges_due("DB", "2029-05-19");
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(codes(*later), (std::vector<std::string>{"B:30"}));
  EXPECT_EQ(later->rows[0].due, D("2029-03-16"));  // 1.096 days outside: 2008 had a 29/02
  EXPECT_TRUE(later->rows[0].gap);
  EXPECT_EQ(later->as_of, D("2026-12-06"));
}

TEST_F(BadgesTest, AnOccasionOutOfTheRulesOrAnOrgOutOfScopeIsRefused) {
  auto e = refused([&] { return registry_->badges_due("DB", "2026-05-20"); });
  EXPECT_EQ(e.field, "occasion");
  EXPECT_NE(e.message_vi.find("19/05"), std::string::npos) << e.message_vi;
  e = refused([&] { return registry_->badges_due("DB", "19/05/2026"); });
  EXPECT_EQ(e.field, "occasion");
  auto s2 = as(auth::Role::branch_secretary, "S2");
  EXPECT_EQ(refused([&] { return s2.badges_due("S1", "2026-05-19"); }).kind, ErrorKind::not_found);
  auto own = s2.badges_due("", "2026-05-19");
  ASSERT_TRUE(own.ok()) << own.error().message_vi;
  EXPECT_EQ(codes(*own), (std::vector<std::string>{"C:40"}));
}

}  // namespace
}  // namespace dangvu::service
