// Who issues and signs the documents (Hướng dẫn 36-HD/VPTW): the committee, not the đảng bộ,
// under the line of the Party body above it — never a cluster; the secretary who held the post
// on the day it is dated; what an office records for its org from a date on. A cluster is no
// Party body: it inspects no one, and its review is issued by its leading organization.
#include <gtest/gtest.h>

#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

class IssuerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("issuer.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    org("TU", "Đảng bộ tỉnh An Bình", "upper_committee", "");
    org("DUK", "Đảng bộ Khối các cơ quan tỉnh", "upper_committee", "TU");
    org("CUM", "Cụm thi đua số 1", "cluster", "DUK");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "CUM");
    org("S1", "Chi bộ Phòng 1", "sub_branch", "DB");
    org("CB", "Chi bộ Sở Xây dựng", "grassroots_branch", "CUM");
    admit("P0", "An", "S1");
    admit("P1", "Bình", "S1");
    admit("P2", "Chi", "CB");
  }

  void org(const std::string& code, const std::string& name, const std::string& kind,
           const std::string& parent) {
    auto id = registry_->add_org({code, name, kind, parent, "2000-01-01"});
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
  }

  void admit(const std::string& code, const std::string& given, const std::string& org) {
    AddMemberInput in;
    in.code = code;
    in.family = "Trần";
    in.middle = "Văn";
    in.given = given;
    in.birth_date = "1980-02-02";
    in.first.kind = "admission";
    in.first.org_code = org;
    in.first.date = "2015-03-03";
    auto id = registry_->add_member(in);
    ASSERT_TRUE(id.ok()) << id.error().detail_en;
    EventInput rec;
    rec.member_code = code;
    rec.kind = "recognition";
    rec.date = "2016-03-10";
    auto r = registry_->record_event(rec);
    ASSERT_TRUE(r.ok()) << r.error().detail_en;
  }

  IssuerView issuer(const std::string& code, const std::string& at = "") {
    auto v = registry_->issuer(code, at);
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().detail_en);
    return v.ok() ? *v : IssuerView{};
  }

  report::Document report(const std::string& code, const std::string& period,
                          const std::string& date = "") {
    auto d = registry_->report(code, period, date);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().detail_en);
    return d.ok() ? *d : report::Document{};
  }

  FixedClock clock_{D("2026-07-20")};
  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(IssuerTest, TheCommitteeIssuesUnderTheBodyAboveItNeverACluster) {
  auto tu = issuer("TU");
  EXPECT_EQ(tu.committee, "Tỉnh ủy An Bình");
  EXPECT_EQ(tu.symbol, "TU");
  EXPECT_EQ(tu.superior, "");
  EXPECT_EQ(tu.authority, "T/M BAN THƯỜNG VỤ");
  EXPECT_EQ(tu.place, "An Bình");
  auto duk = issuer("DUK");
  EXPECT_EQ(duk.committee, "Đảng ủy Khối các cơ quan tỉnh");
  EXPECT_EQ(duk.symbol, "ĐUK");
  EXPECT_EQ(duk.superior, "Đảng bộ tỉnh An Bình");
  auto db = issuer("DB");
  EXPECT_EQ(db.committee, "Đảng ủy Sở Tài chính");
  EXPECT_EQ(db.symbol, "ĐU");
  EXPECT_EQ(db.superior, "Đảng bộ Khối các cơ quan tỉnh") << "the cluster is skipped";
  EXPECT_EQ(db.authority, "T/M ĐẢNG ỦY");
  EXPECT_EQ(db.place, "An Bình");
  auto s1 = issuer("S1");
  EXPECT_EQ(s1.committee, "Chi bộ Phòng 1");
  EXPECT_EQ(s1.symbol, "CB");
  EXPECT_EQ(s1.authority, "T/M CHI BỘ");
  EXPECT_EQ(s1.superior, "Đảng bộ Sở Tài chính");

  // The report prints it so, dated the period's last day, addressed to the standing committee
  // of the body above.
  auto d = report("DB", "2026-H1");
  EXPECT_EQ(d.issuer, "ĐẢNG ỦY SỞ TÀI CHÍNH");
  EXPECT_EQ(d.superior, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH");
  EXPECT_EQ(d.number, "Số       -BC/ĐU");
  EXPECT_EQ(d.place_date, "An Bình, ngày 30 tháng 6 năm 2026");
  EXPECT_EQ(d.signer_authority, "T/M ĐẢNG ỦY");
  ASSERT_FALSE(d.recipients.empty());
  EXPECT_EQ(d.recipients.front(), "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh (để báo cáo),");
  EXPECT_EQ(d.recipients.back(), "Lưu Văn phòng Đảng ủy.");
  // The province's report goes to the Secretariat; it has no line above its committee.
  auto t = report("TU", "2026-H1");
  EXPECT_EQ(t.issuer, "TỈNH ỦY AN BÌNH");
  EXPECT_EQ(t.superior, "");
  EXPECT_EQ(t.number, "Số       -BC/TU");
  ASSERT_FALSE(t.recipients.empty());
  EXPECT_EQ(t.recipients.front(), "Ban Bí thư Trung ương Đảng (để báo cáo),");
  EXPECT_EQ(t.recipients.back(), "Lưu Văn phòng Tỉnh ủy.");
  // The office chooses the date; not before the period began.
  EXPECT_EQ(report("DB", "2026-H1", "2026-07-10").place_date, "An Bình, ngày 10 tháng 7 năm 2026");
  auto early = registry_->report("DB", "2026-H1", "2025-12-31");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "date");
}

TEST_F(IssuerTest, TheSignerIsWhoeverHeldThePostOnTheDayItIsDated) {
  ASSERT_TRUE(registry_->record_office_holder({"DB", "2026-01-01", "secretary", "P0", ""}).ok());
  EXPECT_EQ(report("DB", "2025-H2").signer_name, "") << "not yet secretary on 31/12/2025";
  auto d = report("DB", "2026-H1");
  EXPECT_EQ(d.signer_title, "BÍ THƯ");
  EXPECT_EQ(d.signer_name, "Trần Văn An");
  // The post falls vacant on 1/7; the deputy signs meanwhile.
  ASSERT_TRUE(registry_->record_office_holder({"DB", "2026-07-01", "secretary", "", ""}).ok());
  ASSERT_TRUE(
      registry_->record_office_holder({"DB", "2026-07-01", "deputy_secretary", "P1", ""}).ok());
  auto later = report("DB", "2026-H1", "2026-07-15");
  EXPECT_EQ(later.signer_title, "PHÓ BÍ THƯ");
  EXPECT_EQ(later.signer_name, "Trần Văn Bình");
  EXPECT_EQ(report("DB", "2026-H1").signer_name, "Trần Văn An") << "30/6 is still his";
  // What the office records for its org from a date on wins over the defaults.
  ASSERT_TRUE(
      registry_->set_issuer_profile({"DB", "2026-03-01", "", "", "T/M BAN THƯỜNG VỤ", "Hà Nội"})
          .ok());
  auto p = report("DB", "2026-H1");
  EXPECT_EQ(p.signer_authority, "T/M BAN THƯỜNG VỤ");
  EXPECT_EQ(p.place_date, "Hà Nội, ngày 30 tháng 6 năm 2026");
  EXPECT_EQ(p.issuer, "ĐẢNG ỦY SỞ TÀI CHÍNH") << "an empty field keeps the default";
  EXPECT_EQ(report("DB", "2025-H2").place_date, "An Bình, ngày 31 tháng 12 năm 2025");
  // Every record is in the audit log.
  AuditInput a;
  auto log = registry_->read_audit(a);
  ASSERT_TRUE(log.ok());
  int holders = 0, profiles = 0;
  for (const auto& e : *log) {
    holders += e.action == "org.office_holder";
    profiles += e.action == "org.issuer";
  }
  EXPECT_EQ(holders, 3);
  EXPECT_EQ(profiles, 1);
}

TEST_F(IssuerTest, RefusalsNameTheFieldAndChangeNothing) {
  const auto before = testing::dump_database(path_);
  auto field_of = [](const Status& s) { return s.ok() ? std::string("ok") : s.error().field; };
  EXPECT_EQ(field_of(registry_->set_issuer_profile({"DB", "2026-01-01", "", "tu", "", ""})),
            "symbol");
  EXPECT_EQ(
      field_of(registry_->set_issuer_profile({"DB", "2026-01-01", "", "", "BAN THƯỜNG VỤ", ""})),
      "signing_authority");
  EXPECT_EQ(field_of(registry_->set_issuer_profile({"CUM", "2026-01-01", "Cụm", "", "", ""})),
            "org");
  EXPECT_EQ(field_of(registry_->set_issuer_profile({"DB", "1999-01-01", "", "", "", "Huế"})),
            "date");
  EXPECT_EQ(field_of(registry_->record_office_holder({"DB", "2026-01-01", "chairman", "P0", ""})),
            "position");
  // A member of another org's branch cannot be this committee's secretary.
  EXPECT_EQ(field_of(registry_->record_office_holder({"DB", "2026-01-01", "secretary", "P2", ""})),
            "member_code");
  EXPECT_EQ(field_of(registry_->record_office_holder(
                {"DB", "2026-01-01", "secretary", "P0", "Trần Văn An"})),
            "name");
  EXPECT_EQ(field_of(registry_->record_office_holder({"CUM", "2026-01-01", "secretary", "", "A"})),
            "org");
  EXPECT_EQ(testing::dump_database(path_), before);
}

TEST_F(IssuerTest, AClusterInspectsNoOneAndItsReportIsIssuedByItsLeadingOrganization) {
  const auto before = testing::dump_database(path_);
  OversightInput o{"CUM", "inspection", "planned", "2026-03-05", "CB", "", "Tốt."};
  auto refused = registry_->record_oversight(o);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "org");
  EXPECT_EQ(refused.error().rule, "cluster.not_party_body");
  EXPECT_EQ(testing::dump_database(path_), before);

  // No leading organization chosen yet: the committee above the cluster issues its review.
  auto d = report("CUM", "2026-H1");
  EXPECT_EQ(d.issuer, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH");
  EXPECT_EQ(d.number, "Số       -BC/ĐUK");
  EXPECT_NE(d.title.find("của Cụm thi đua số 1"), std::string::npos) << d.title;

  // The cluster's briefing chooses Sở Tài chính to lead it in 2026.
  ConferenceInput c;
  c.org_code = "CUM";
  c.kind = "cluster_briefing";
  c.period = "2025-Q4";
  c.date = "2026-01-15";
  auto id = registry_->create_conference(c);
  ASSERT_TRUE(id.ok()) << id.error().detail_en;
  DecisionInput dec;
  dec.conference = *id;
  dec.leading_code = "DB";
  dec.deputy_code = "CB";
  dec.for_period = "2026";
  auto added = registry_->add_decision(dec);
  ASSERT_TRUE(added.ok()) << added.error().detail_en;
  auto led = report("CUM", "2026-H1");
  EXPECT_EQ(led.issuer, "ĐẢNG ỦY SỞ TÀI CHÍNH");
  EXPECT_EQ(led.superior, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH");
  EXPECT_EQ(led.number, "Số       -BC/ĐU");
  bool to_members = false;
  for (const auto& r : led.recipients)
    to_members = to_members || r == "Các tổ chức đảng trong cụm,";
  EXPECT_TRUE(to_members);
  // Before the briefing, the committee above still issued it.
  EXPECT_EQ(report("CUM", "2025-H2").issuer, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH");
}

// The report's outline is rule data: an office reorders, renames or leaves out sections without a
// code change; a section the report cannot fill is refused naming the key.
TEST_F(IssuerTest, AnOfficeChangesTheReportsOutlineInItsRules) {
  auto rules = RuleSet::from_json(R"({"report_outline": [
      {"key": "situation", "level": 1, "heading": "I. TÌNH HÌNH CHUNG"},
      {"key": "organization", "level": 1, "heading": "II. CÔNG TÁC XÂY DỰNG ĐẢNG"},
      {"key": "tasks", "level": 1, "heading": "III. NHIỆM VỤ"}]})");
  ASSERT_TRUE(rules.ok()) << rules.error().detail_en;
  Registry office(*store_, *rules, clock_, "test");
  auto d = office.report("DB", "2026-H1");
  ASSERT_TRUE(d.ok()) << d.error().detail_en;
  ASSERT_EQ(d->sections.size(), 3u);
  EXPECT_EQ(d->sections[0].heading, "I. TÌNH HÌNH CHUNG");
  EXPECT_EQ(d->sections[1].heading, "II. CÔNG TÁC XÂY DỰNG ĐẢNG");
  EXPECT_EQ(d->sections[2].heading, "III. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026");
  EXPECT_EQ(report("DB", "2026-H1").sections.size(), RuleSet::defaults().report_outline.size());
  auto bad = RuleSet::from_json(R"({"report_outline": [{"key": "gossip", "heading": "X"}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "rules.report_outline");
}

// Across the 2025 reorganization: DB moves on 1/7/2025 from the bloc's cluster to a committee
// formed that day. Its new committee records DB's posts back to 2020 (it holds DB's whole history),
// written newest first; the bloc, which no longer holds DB, cannot reach it by an old date, and
// nothing changes.
TEST_F(IssuerTest, AnOldDateReachesNoOrgThatHasLeftTheCallersSubtree) {
  org("CQ", "Đảng bộ các cơ quan Đảng tỉnh", "upper_committee", "TU");
  ASSERT_TRUE(registry_->move_org("DB", "CQ", "2025-07-01").ok());
  auto id_of = [&](const char* code) { return **store_->find_org(code); };
  Registry cq(*store_, RuleSet::defaults(), clock_,
              Caller{"vp-cq", "127.0.0.1", auth::Role::committee_office, id_of("CQ"), 0});
  Registry duk(*store_, RuleSet::defaults(), clock_,
               Caller{"vp-duk", "127.0.0.1", auth::Role::committee_office, id_of("DUK"), 0});
  ASSERT_TRUE(cq.record_office_holder({"DB", "2026-01-01", "secretary", "P1", ""}).ok());
  ASSERT_TRUE(cq.record_office_holder({"DB", "2020-01-01", "secretary", "P0", ""}).ok());
  EXPECT_EQ(report("DB", "2023-H1").signer_name, "Trần Văn An");
  EXPECT_EQ(report("DB", "2026-H1").signer_name, "Trần Văn Bình");
  const auto before = testing::dump_database(path_);
  auto refused = duk.record_office_holder({"DB", "2021-01-01", "secretary", "", "Lê Văn C"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
  auto profile = duk.set_issuer_profile({"DB", "2021-01-01", "", "", "", "Huế"});
  ASSERT_FALSE(profile.ok());
  EXPECT_EQ(profile.error().kind, ErrorKind::not_found);
  EXPECT_EQ(testing::dump_database(path_), before);
}

TEST(Rules, AClusterNeverHoldsMembers) {
  auto r = RuleSet::from_json(R"({"member_org_kinds": ["grassroots_branch", "cluster"]})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message_vi.find("cụm thi đua"), std::string::npos);
}

}  // namespace
}  // namespace dangvu::service
