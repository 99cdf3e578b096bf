// The member log and the org history stay whole together (core/member_orgs.h): no order of
// writes leaves a member in an org that has ended. The fixture of the issue that found the four
// ways: R upper committee, G1 grassroots committee, sub-branches S1, S2, S3 from 2018-01-01, M1
// admitted to S1 on 2019-01-01.
#include <gtest/gtest.h>

#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

class HistoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("h.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    add_org("R", "upper_committee", "");
    add_org("G1", "grassroots_committee", "R");
    for (const char* code : {"S1", "S2", "S3"}) add_org(code, "sub_branch", "G1");
    AddMemberInput in;
    in.code = "M1";
    in.family = "Nguyễn";
    in.middle = "Văn";
    in.given = "An";
    in.birth_date = "1985-06-01";
    in.first.kind = "admission";
    in.first.org_code = "S1";
    in.first.date = "2019-01-01";
    ASSERT_TRUE(registry_->add_member(in).ok());
  }

  void add_org(const std::string& code, const std::string& kind, const std::string& parent) {
    auto id = registry_->add_org({code, "Tổ chức " + code, kind, parent, "2018-01-01"});
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  Result<EventId> transfer(const std::string& mode, const std::string& org,
                           const std::string& date) {
    EventInput e;
    e.member_code = "M1";
    e.kind = "transfer";
    e.mode = mode;
    e.org_code = org;
    e.date = date;
    return registry_->record_event(e);
  }

  Status merge(const std::string& from, const std::string& into, const std::string& date) {
    return registry_->merge_orgs({{from}, into, "", "", "", date});
  }

  Result<EventId> correct(EventId target, const std::string& date, bool voids,
                          const std::string& new_date = "", const std::string& new_org = "") {
    EventInput c;
    c.member_code = "M1";
    c.kind = "correction";
    c.date = date;
    c.corrects = std::to_string(target);
    c.voids = voids;
    c.new_date = new_date;
    c.new_org_code = new_org;
    return registry_->record_event(c);
  }

  Result<EventId> die(const std::string& date) {
    EventInput death;
    death.member_code = "M1";
    death.kind = "death";
    death.date = date;
    return registry_->record_event(death);
  }

  MemberView show(const std::string& at) {
    auto v = registry_->show_member("M1", at);
    EXPECT_TRUE(v.ok()) << v.error().detail_en;
    return v.ok() ? *v : MemberView{};
  }

  // Expects `st` refused by the invariant (or `rule`), naming M1, and nothing written.
  template <typename R>
  void expect_refused(const std::string& before, const R& result,
                      const std::string& rule = "member.org_exists_throughout") {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().rule, rule) << result.error().detail_en;
    EXPECT_NE(result.error().message_vi.find("M1"), std::string::npos) << result.error().message_vi;
    EXPECT_EQ(testing::dump_database(path_), before);
  }

  void expect_whole() {
    auto breaks = registry_->check_registry();
    ASSERT_TRUE(breaks.ok()) << breaks.error().detail_en;
    for (const auto& b : *breaks) ADD_FAILURE() << b.message_vi;
  }

  testing::TempDir dir_;
  std::string path_;
  FixedClock clock_{Date::parse("2026-11-22").value()};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(HistoriesTest, AMergeTakesATemporaryAttachmentAlongByEvents) {
  ASSERT_TRUE(transfer("temporary", "S2", "2019-06-01").ok());
  ASSERT_TRUE(merge("S2", "S3", "2020-01-01").ok());
  auto v = show("2020-06-01");
  EXPECT_EQ(v.org_code, "S1");
  EXPECT_EQ(v.temp_org_code, "S3");
  // By events: the end of the attachment and a new one, dated on the merge.
  int followed = 0;
  for (const auto& e : v.events) followed += e.date == Date::parse("2020-01-01").value() ? 1 : 0;
  EXPECT_EQ(followed, 2);
  expect_whole();
}

TEST_F(HistoriesTest, AMergeIntoTheMembersOwnOrgEndsItsTemporaryAttachment) {
  ASSERT_TRUE(transfer("temporary", "S2", "2019-06-01").ok());
  ASSERT_TRUE(merge("S2", "S1", "2020-01-01").ok());
  auto v = show("2020-06-01");
  EXPECT_EQ(v.org_code, "S1");
  EXPECT_EQ(v.temp_org_code, "");
  expect_whole();
}

TEST_F(HistoriesTest, ABackDatedMergeOverALaterTemporaryTransferIsRefusedNamingThatTransfer) {
  ASSERT_TRUE(transfer("temporary", "S2", "2020-06-01").ok());
  const std::string before = testing::dump_database(path_);
  auto st = merge("S2", "S3", "2020-01-01");
  expect_refused(before, st, "org.members_recorded_after");
  EXPECT_NE(st.error().message_vi.find("01/06/2020"), std::string::npos) << st.error().message_vi;
  // The person's record still takes events.
  EXPECT_TRUE(transfer("temporary_end", "", "2020-09-01").ok());
  EXPECT_TRUE(show("").status == MemberStatus::probationary ||
              show("").status == MemberStatus::official);
}

TEST_F(HistoriesTest, ABackDatedEventIntoAnOrgBeforeItsMergeIsRefused) {
  ASSERT_TRUE(merge("S2", "S3", "2021-01-01").ok());  // S2 empty
  const std::string before = testing::dump_database(path_);
  auto r = transfer("permanent", "S2", "2020-06-01");
  expect_refused(before, r);
  EXPECT_NE(r.error().message_vi.find("S2"), std::string::npos);
  EXPECT_NE(r.error().message_vi.find("01/01/2021"), std::string::npos) << r.error().message_vi;
  // A temporary one the same.
  expect_refused(before, transfer("temporary", "S2", "2020-06-01"));
  expect_whole();
}

TEST_F(HistoriesTest, CorrectionsThatWouldLeaveAMemberInAnEndedOrgAreRefused) {
  ASSERT_TRUE(merge("S1", "S2", "2021-01-01").ok());  // M1 follows by a transfer
  auto v = show("");
  ASSERT_EQ(v.org_code, "S2");
  EventId follow = 0;
  for (const auto& e : v.events) {
    if (e.kind == MemberEventKind::transfer) follow = e.id;
  }
  ASSERT_NE(follow, 0);
  const std::string before = testing::dump_database(path_);
  // Voiding the transfer the merge made, or moving it past the end.
  expect_refused(before, correct(follow, "2026-01-01", true));
  expect_refused(before, correct(follow, "2026-01-01", false, "2021-03-01"));
  // A death, then its voiding once the org has ended.
  ASSERT_TRUE(merge("S3", "S2", "2022-01-01").ok());
  auto died = die("2023-01-01");
  ASSERT_TRUE(died.ok()) << died.error().detail_en;
  ASSERT_TRUE(registry_->dissolve_org("S2", "2024-01-01").ok());
  const std::string after_death = testing::dump_database(path_);
  expect_refused(after_death, correct(*died, "2026-01-01", true));
  expect_whole();
}

TEST_F(HistoriesTest, ACorrectionNamingAnOrgThatEndsLaterIsRefused) {
  auto t = transfer("permanent", "S2", "2020-01-01");
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(registry_->dissolve_org("S3", "2022-01-01").ok());
  const std::string before = testing::dump_database(path_);
  expect_refused(before, correct(*t, "2022-06-01", false, "", "S3"));
  expect_whole();
}

TEST_F(HistoriesTest, AnEndedMemberIsToldInPlainVietnamese) {
  ASSERT_TRUE(die("2023-01-01").ok());
  auto r = transfer("permanent", "S2", "2024-01-01");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message_vi.find("người này đã từ trần"), std::string::npos)
      << r.error().message_vi;
  EXPECT_EQ(r.error().message_vi.find("đã Đã"), std::string::npos) << r.error().message_vi;
}

}  // namespace
}  // namespace dangvu::service
