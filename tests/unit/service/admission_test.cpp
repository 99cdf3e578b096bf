// The way into the Party through the registry: a candidate's admission refused, naming what the
// file lacks and writing nothing, until the course, the background check and two official sponsors
// of twelve months are recorded in the dossier; a sponsor's standing read from the sponsor's own
// log on the vote date; the candidate's dossier listing the gaps, and its sponsors by name only
// where the reader holds them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

class AdmissionTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU");
    org("DC", "Đảng bộ Sở Xây dựng", "grassroots_committee", "TU");
    org("S1", "Chi bộ 1", "sub_branch", "DB");
    org("C1", "Chi bộ 1", "sub_branch", "DC");
    person({.code = "G1", .given = "Nam", .org = "S1", .date = "2005-04-01"});
    event("G1", "recognition", "2006-04-03");
    // G2 stays probationary until recognized.
    person({.code = "G2", .given = "Hoa", .org = "S1", .date = "2025-09-01"});
    person({.code = "G3", .given = "Minh", .org = "C1", .date = "2001-01-10"});
    event("G3", "recognition", "2002-01-11");
    person({.code = "Q1",
            .given = "Hùng",
            .first_kind = "candidate_registration",
            .org = "S1",
            .date = "2025-01-10"});
  }

  Result<std::vector<DossierRecordId>> file(const std::string& field, const std::string& value,
                                            const std::string& from) {
    return registry_->record_dossier({"Q1", {{field, value, from, "", std::nullopt}}});
  }

  // The course, the background check and the sponsors G1 and G2, both since 01/01/2024.
  void complete_but_for_g2() {
    ASSERT_TRUE(file("party_course", "25/GCN-TTCT", "2025-03-01").ok());
    ASSERT_TRUE(file("background_check", "yes", "2026-06-01").ok());
    ASSERT_TRUE(file("sponsor", "G1", "2024-01-01").ok());
    ASSERT_TRUE(file("sponsor", "G2", "2024-01-01").ok());
  }

  EventInput admission(const std::string& vote) {
    EventInput e;
    e.member_code = "Q1";
    e.kind = "admission";
    e.date = "2026-12-01";
    e.vote_date = vote;
    e.decision_no = "125-QĐ/ĐU";
    return e;
  }

  // The refusal of an admission of Q1 (nothing written).
  Error refused_admission(const std::string& vote) {
    return refused([&] { return registry_->record_event(admission(vote)); });
  }
};

TEST_F(AdmissionTest, ACandidateWithoutAFileIsRefusedNamingEveryGap) {
  Error e = refused_admission("");
  EXPECT_EQ(e.kind, ErrorKind::rule_refused);
  EXPECT_EQ(e.field, "vote_date");
  EXPECT_EQ(e.rule, "admission.branch_vote");
  for (const char* piece : {"biểu quyết", "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
                            "thẩm tra lý lịch", "cần 2 đảng viên chính thức giới thiệu"}) {
    EXPECT_NE(e.message_vi.find(piece), std::string::npos) << piece << " in " << e.message_vi;
  }
  e = refused_admission("2026-11-20");
  EXPECT_EQ(e.field, "party_course");
  EXPECT_EQ(e.rule, "admission.course_certificate");
}

TEST_F(AdmissionTest, ASponsorWhoWasNotAnOfficialMemberOnTheVoteDateDoesNotCount) {
  complete_but_for_g2();
  Error e = refused_admission("2026-11-20");
  EXPECT_EQ(e.field, "sponsor");
  EXPECT_EQ(e.rule, "admission.sponsors");
  EXPECT_NE(e.message_vi.find("«G2» ngày 20/11/2026 chưa là đảng viên chính thức"),
            std::string::npos)
      << e.message_vi;
  // G2 is recognized in September 2026: a vote before it still counts G2 as probationary, a vote
  // after it counts both.
  event("G2", "recognition", "2026-09-02");
  e = refused_admission("2026-08-20");
  EXPECT_EQ(e.rule, "admission.sponsors");
  auto id = registry_->record_event(admission("2026-11-20"));
  ASSERT_TRUE(id.ok()) << id.error().message_vi;
  auto q1 = registry_->show_member("Q1", "");
  ASSERT_TRUE(q1.ok());
  EXPECT_EQ(q1->status, MemberStatus::probationary);
}

TEST_F(AdmissionTest, AnAdmissionRecordedAsTheFirstEventIsOneMadeOnPaper) {
  // The office records a member admitted before dangvu knew them: no file is asked for.
  person({.code = "P9", .given = "Tâm", .org = "S1", .date = "2018-05-05"});
  auto p9 = registry_->show_member("P9", "");
  ASSERT_TRUE(p9.ok());
  EXPECT_EQ(p9->status, MemberStatus::probationary);
}

TEST_F(AdmissionTest, TheCandidatesDossierListsTheGapsAndNamesSponsorsItsReaderHolds) {
  auto before = registry_->dossier("Q1", "");
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(before->admission_gaps);
  EXPECT_EQ(before->admission_gaps->size(), 3u) << "the vote is not listed on the dossier";

  complete_but_for_g2();
  ASSERT_TRUE(file("sponsor", "G3", "2024-01-01").ok());  // of another committee
  auto after = registry_->dossier("Q1", "");
  ASSERT_TRUE(after.ok());
  ASSERT_TRUE(after->admission_gaps);
  EXPECT_TRUE(after->admission_gaps->empty()) << "G1 and G3 are official: the file is complete";
  // As of a day before the background check, it lacks it.
  auto earlier = registry_->dossier("Q1", "2026-05-31");
  ASSERT_TRUE(earlier.ok() && earlier->admission_gaps);
  ASSERT_EQ(earlier->admission_gaps->size(), 1u);
  EXPECT_EQ(earlier->admission_gaps->front().rule, "admission.background_check");

  // The branch secretary of S1 holds G1 and G2, not G3 of the other committee.
  Registry secretary = as(auth::Role::branch_secretary, "S1");
  auto read = secretary.dossier("Q1", "");
  ASSERT_TRUE(read.ok()) << read.error().message_vi;
  std::vector<std::string> labels;
  for (const auto& f : read->facts) {
    if (f.field != "sponsor") continue;
    for (const auto& r : f.history) labels.push_back(r.value_label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"Lê Văn Nam (G1)", "Lê Văn Hoa (G2)", "G3"}));

  // A member's dossier has no admission file to judge.
  auto g1 = registry_->dossier("G1", "");
  ASSERT_TRUE(g1.ok());
  EXPECT_FALSE(g1->admission_gaps);
}

TEST_F(AdmissionTest, ASponsorMustBeAnotherMembersCode) {
  const Error unknown = refused([&] { return file("sponsor", "NOBODY", "2024-01-01"); });
  EXPECT_EQ(unknown.kind, ErrorKind::not_found);
  EXPECT_EQ(unknown.field, "changes[0].value");
  EXPECT_NE(unknown.message_vi.find("Đảng viên giới thiệu"), std::string::npos);
  const Error self = refused([&] { return file("sponsor", "Q1", "2024-01-01"); });
  EXPECT_EQ(self.rule, "dossier.member_self");
}

// A removal records its ground (the catalog "leaving_ground"); a ground of the group
// "no_readmission" bars the readmission, refused naming the rule and writing nothing. A ground on
// another kind of event, or not in the catalog, is refused naming «ground».
TEST_F(AdmissionTest, TheGroundOfARemovalMayBarTheReadmission) {
  auto with_ground = [&](const std::string& code, const std::string& kind, const std::string& date,
                         const std::string& ground) {
    EventInput e;
    e.member_code = code;
    e.kind = kind;
    e.date = date;
    e.ground = ground;
    return registry_->record_event(e);
  };
  Error e = refused([&] { return with_ground("G3", "removal", "2020-04-23", "lazy"); });
  EXPECT_EQ(e.field, "ground");
  EXPECT_NE(e.message_vi.find("không có trong danh mục"), std::string::npos) << e.message_vi;
  e = refused([&] { return with_ground("G3", "recognition", "2020-04-23", "no_activity"); });
  EXPECT_EQ(e.field, "ground");
  ASSERT_TRUE(with_ground("G3", "removal", "2020-04-23", "no_activity").ok());
  e = refused([&] {
    EventInput re;
    re.member_code = "G3";
    re.kind = "readmission";
    re.date = "2024-05-02";
    re.org_code = "C1";
    return registry_->record_event(re);
  });
  EXPECT_EQ(e.rule, "readmission.excluded_ground");
  EXPECT_NE(e.message_vi.find("Tự ý bỏ sinh hoạt đảng"), std::string::npos) << e.message_vi;
  // The member's history shows the ground.
  auto member = registry_->show_member("G3", "");
  ASSERT_TRUE(member.ok());
  bool shown = false;
  for (const auto& ev : member->events) {
    if (ev.kind == MemberEventKind::removal)
      shown = ev.detail.find("no_activity") != std::string::npos;
  }
  EXPECT_TRUE(shown);
}

}  // namespace
}  // namespace dangvu::service
