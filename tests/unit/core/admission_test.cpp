// The admission file judged on the branch's vote date: each requirement of the rule set missing in
// turn, the Youth Union's introduction standing for a sponsor, a certificate too old, sponsors who
// do not count (not official then, not long enough together, dated after the vote), and the rule
// set's `admission` read from JSON.
#include "core/admission.h"

#include <gtest/gtest.h>

#include "core/rules.h"

namespace dangvu {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

DossierRecord rec(DossierRecordId id, const char* field, const char* value, const char* from) {
  DossierRecord r;
  r.id = id;
  r.field = field;
  r.value = value;
  r.from = D(from);
  return r;
}

// A complete file for a vote on 20/02/2020, without its sponsors.
std::vector<DossierRecord> file_without_sponsors() {
  return {rec(1, "party_course", "25/GCN-TTCT", "2019-03-15"),
          rec(2, "background_check", "yes", "2019-11-20")};
}

std::vector<SponsorStanding> two_officials() {
  return {{"GT01", D("2018-06-01"), MemberStatus::official},
          {"GT03", D("2018-01-01"), MemberStatus::official}};
}

std::vector<std::string> rules_of(const std::vector<AdmissionGap>& gaps) {
  std::vector<std::string> out;
  for (const auto& g : gaps) out.push_back(g.rule);
  return out;
}

const AdmissionRules kRules;

TEST(AdmissionTest, ACompleteFileHasNoGap) {
  const Dossier file(file_without_sponsors());
  EXPECT_TRUE(
      admission_gaps(kRules, file, D("2020-02-20"), D("2020-03-02"), two_officials()).empty());
}

TEST(AdmissionTest, EachMissingPieceIsNamedInTheFilesOrder) {
  const Dossier empty({});
  auto gaps = admission_gaps(kRules, empty, std::nullopt, D("2020-03-02"), {});
  EXPECT_EQ(rules_of(gaps),
            (std::vector<std::string>{"admission.branch_vote", "admission.course_certificate",
                                      "admission.background_check", "admission.sponsors"}));
  EXPECT_EQ(gaps[0].field, "vote_date");
  EXPECT_EQ(gaps[3].field, "sponsor");
  const Error e = admission_refusal(gaps);
  EXPECT_EQ(e.field, "vote_date");
  EXPECT_EQ(e.rule, "admission.branch_vote");
  EXPECT_NE(e.message_vi.find("Chưa đủ hồ sơ kết nạp: "), std::string::npos);
  EXPECT_NE(e.message_vi.find("thẩm tra lý lịch"), std::string::npos);
  EXPECT_NE(e.message_vi.find("cần 2 đảng viên chính thức giới thiệu"), std::string::npos);
}

TEST(AdmissionTest, FactsRecordedAfterTheVoteDoNotCount) {
  auto records = file_without_sponsors();
  records[1].from = D("2020-02-21");  // concluded the day after the vote
  const Dossier file(records);
  auto gaps = admission_gaps(kRules, file, D("2020-02-20"), D("2020-03-02"), two_officials());
  EXPECT_EQ(rules_of(gaps), std::vector<std::string>{"admission.background_check"});
  // A sponsor whose record is dated after the vote is not one yet.
  std::vector<SponsorStanding> late = two_officials();
  late[1].worked_since = D("2020-03-01");
  gaps = admission_gaps(kRules, Dossier(file_without_sponsors()), D("2020-02-20"), D("2020-03-02"),
                        late);
  EXPECT_EQ(rules_of(gaps), std::vector<std::string>{"admission.sponsors"});
  EXPECT_NE(gaps[0].message_vi.find("mới có 1"), std::string::npos);
}

TEST(AdmissionTest, ACertificateOlderThanTheRuleIsNamed) {
  auto records = file_without_sponsors();
  records[0].from = D("2014-02-19");
  auto gaps =
      admission_gaps(kRules, Dossier(records), D("2020-02-20"), D("2020-03-02"), two_officials());
  ASSERT_EQ(rules_of(gaps), std::vector<std::string>{"admission.course_certificate_expired"});
  EXPECT_NE(gaps[0].message_vi.find("19/02/2014"), std::string::npos);
  AdmissionRules lenient = kRules;
  lenient.course_certificate_valid_months = 0;  // no limit
  EXPECT_TRUE(
      admission_gaps(lenient, Dossier(records), D("2020-02-20"), D("2020-03-02"), two_officials())
          .empty());
}

TEST(AdmissionTest, SponsorsWhoDoNotCountAreNamedWithTheReason) {
  std::vector<SponsorStanding> sponsors = {
      {"GT01", D("2018-06-01"), MemberStatus::official},
      {"GT02", D("2018-06-01"), MemberStatus::probationary},
      {"GT03", D("2019-06-01"), MemberStatus::official},  // 8 months by the vote
      {"NOBODY", D("2018-06-01"), MemberStatus::none},
  };
  auto gaps = admission_gaps(kRules, Dossier(file_without_sponsors()), D("2020-02-20"),
                             D("2020-03-02"), sponsors);
  ASSERT_EQ(rules_of(gaps), std::vector<std::string>{"admission.sponsors"});
  const std::string& m = gaps[0].message_vi;
  EXPECT_NE(m.find("mới có 1"), std::string::npos) << m;
  EXPECT_NE(m.find("«GT02» ngày 20/02/2020 chưa là đảng viên chính thức (khi ấy: Đảng viên dự bị)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("«GT03» cùng công tác từ 01/06/2019, đến ngày biểu quyết chưa đủ 12 tháng"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("«NOBODY» không có đảng viên mã này"), std::string::npos) << m;
  // Exactly twelve months together counts.
  sponsors[2].worked_since = D("2019-02-20");
  EXPECT_TRUE(admission_gaps(kRules, Dossier(file_without_sponsors()), D("2020-02-20"),
                             D("2020-03-02"), sponsors)
                  .empty());
}

TEST(AdmissionTest, TheYouthUnionsIntroductionStandsForOneSponsor) {
  auto records = file_without_sponsors();
  const std::vector<SponsorStanding> one = {{"GT01", D("2018-06-01"), MemberStatus::official}};
  auto gaps = admission_gaps(kRules, Dossier(records), D("2020-02-20"), D("2020-03-02"), one);
  EXPECT_EQ(rules_of(gaps), std::vector<std::string>{"admission.sponsors"});
  records.push_back(rec(3, "youth_union_introduction", "yes", "2020-01-10"));
  EXPECT_TRUE(
      admission_gaps(kRules, Dossier(records), D("2020-02-20"), D("2020-03-02"), one).empty());
  // An introduction withdrawn before the vote (an empty value ends it) no longer stands.
  records.push_back(rec(4, "youth_union_introduction", "", "2020-02-01"));
  EXPECT_EQ(
      rules_of(admission_gaps(kRules, Dossier(records), D("2020-02-20"), D("2020-03-02"), one)),
      std::vector<std::string>{"admission.sponsors"});
}

TEST(AdmissionTest, TheRuleSetReadsAndRefusesItsAdmissionKeys) {
  auto rules = RuleSet::from_json(R"({"admission": {"sponsors": 3, "background_check": false}})");
  ASSERT_TRUE(rules.ok()) << rules.error().message_vi;
  EXPECT_EQ(rules->admission.sponsors, 3);
  EXPECT_FALSE(rules->admission.background_check);
  EXPECT_EQ(rules->admission.sponsor_min_months, 12);
  auto again = RuleSet::from_json(rules->to_json());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->admission.sponsors, 3);

  auto typo = RuleSet::from_json(R"({"admission": {"sponsor": 3}})");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message_vi.find("admission.sponsor"), std::string::npos);
  auto wrong = RuleSet::from_json(R"({"admission": {"sponsors": "hai"}})");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message_vi.find("số nguyên"), std::string::npos);
}

}  // namespace
}  // namespace dangvu
