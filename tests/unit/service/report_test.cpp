// Plans, activities, indicators and the review report over a real SQLite file. The main fixture
// is seed 002's cluster: 36 grassroots organizations (22 committees with 141 sub-branches, 14
// branches), 2,465 members, 20 admitted and 3 recognized in the quarter, 62 of 80 organizations
// and 142 of 547 members inspected against the year's plan. The article printed 75,5% for 62/80;
// the report must say 77,5% (and 26,0% for 142/547).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "figures/indicators.h"
#include "report/format.h"
#include "report/render.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::service {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Every paragraph, bullet and draft of a document, joined: what a reader reads.
std::string text_of(const report::Document& d) {
  std::string out = d.superior + "\n" + d.issuer + "\n" + d.number + "\n" + d.title + "\n";
  for (const auto* sections : {&d.sections, &d.annex}) {
    for (const auto& s : *sections) {
      out += s.heading + "\n";
      for (const auto& b : s.blocks) {
        out += b.text + "\n";
        for (const auto& row : b.table.rows) {
          for (const auto& c : row) out += c.display() + " | ";
          out += "\n";
        }
      }
    }
  }
  return out;
}

const IndicatorRowView& row(const IndicatorsView& v, const std::string& id) {
  for (const auto& r : v.rows) {
    if (r.id == id) return r;
  }
  ADD_FAILURE() << "no indicator " << id;
  static IndicatorRowView none;
  return none;
}

class Seed002Test : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("seed002.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    org("DUK", "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh", "upper_committee", "");
    org("CUM2", "Cụm II", "cluster", "DUK");
    for (int c = 1; c <= 22; ++c) {
      const std::string code = "DB" + two(c);
      org(code, "Đảng bộ đơn vị " + std::to_string(c), "grassroots_committee", "CUM2");
      committees_.push_back(code);
    }
    // 141 sub-branches: 9 committees with 7, 13 with 6.
    for (std::size_t c = 0; c < 22; ++c) {
      for (int b = 1; b <= (c < 9 ? 7 : 6); ++b) {
        const std::string code = committees_[c] + "-" + std::to_string(b);
        org(code, "Chi bộ " + std::to_string(b) + " Đảng bộ đơn vị " + std::to_string(c + 1),
            "sub_branch", committees_[c]);
        branches_.push_back({code, committees_[c]});
      }
    }
    for (int b = 1; b <= 14; ++b) {
      const std::string code = "CB" + two(b);
      org(code, "Chi bộ cơ sở " + std::to_string(b), "grassroots_branch", "CUM2");
      branches_.push_back({code, code});
    }
    ASSERT_EQ(branches_.size(), 155u);
    load_members();
    plan_and_inspect();
  }

  void org(const std::string& code, const std::string& name, const std::string& kind,
           const std::string& parent) {
    auto id = registry_->add_org({code, name, kind, parent, "2000-01-01"});
    ASSERT_TRUE(id.ok()) << code << ": " << id.error().detail_en;
  }

  // 2,442 long-standing members, 3 admitted in January 2022 and recognized in February 2023, and
  // 20 admitted in the quarter: 2,465 on 31/3/2023, spread over the 155 branches.
  void load_members() {
    auto st = store_->write_transaction([&]() -> Status {
      auto history = store_->load_org_history();
      if (!history.ok()) return history.error();
      for (int i = 0; i < 2465; ++i) {
        const auto& branch = branches_[static_cast<std::size_t>(i) % branches_.size()];
        auto org_id = store_->find_org(branch.first);
        MemberEvent adm;
        adm.kind = MemberEventKind::admission;
        adm.org = **org_id;
        adm.decision_no = "KN-" + std::to_string(i);
        std::vector<MemberEvent> events;
        if (i < 20) {
          adm.date = *Date::from_ymd(2023, 1 + i % 3, 3 + i);
        } else if (i < 23) {
          adm.date = D("2022-01-05");
        } else {
          adm.date = D("2010-05-04");
        }
        events.push_back(adm);
        if (i >= 20) {
          MemberEvent rec;
          rec.kind = MemberEventKind::recognition;
          rec.date = i < 23 ? D("2023-02-10") : D("2011-06-01");
          events.push_back(rec);
        }
        Person p{"Nguyễn", "Văn", "Người " + std::to_string(i), D("1985-06-01"), Gender::male};
        const std::string code = "M" + std::to_string(10000 + i);
        auto id = registry_->load_member_with_events(code, p, events, *history);
        if (!id.ok()) return id.error();
        member_branch_.push_back({code, branch.second});
      }
      return {};
    });
    ASSERT_TRUE(st.ok()) << st.error().detail_en;
  }

  // Year targets: 80 organizations (3 per committee, 1 per grassroots branch) and 547 members
  // (15 per grassroots org, 16 for the first 7). Inspections in the quarter: 62 sub-branches by
  // their committees (the last on 31/3) and 142 members by their grassroots org; one more
  // organization on 1/4, outside the quarter.
  void plan_and_inspect() {
    std::vector<std::string> grassroots = committees_;
    for (int b = 1; b <= 14; ++b) grassroots.push_back("CB" + two(b));
    for (std::size_t i = 0; i < grassroots.size(); ++i) {
      const bool committee = i < 22;
      target(grassroots[i], "inspected_orgs", committee ? 3 : 1);
      target(grassroots[i], "inspected_members", i < 7 ? 16 : 15);
    }
    for (int i = 0; i < 62; ++i) {
      const auto& [branch, holder] = branches_[static_cast<std::size_t>(i)];
      const std::string date =
          i == 61 ? "2023-03-31" : "2023-0" + std::to_string(1 + i % 3) + "-15";
      inspect(holder, branch, "", date);
    }
    inspect(branches_[62].second, branches_[62].first, "", "2023-04-01");
    for (int i = 0; i < 142; ++i) {
      const auto& [member, holder] = member_branch_[100 + static_cast<std::size_t>(i) * 3];
      inspect(holder, "", member, "2023-0" + std::to_string(1 + i % 3) + "-20");
    }
  }

  void target(const std::string& org, const std::string& indicator, long long value) {
    auto st = registry_->set_plan_target({org, 2023, indicator, value});
    ASSERT_TRUE(st.ok()) << st.error().detail_en;
  }

  void inspect(const std::string& holder, const std::string& subject_org,
               const std::string& subject_member, const std::string& date) {
    OversightInput in;
    in.org_code = holder;
    in.kind = "inspection";
    in.basis = "planned";
    in.date = date;
    in.subject_org_code = subject_org;
    in.subject_member_code = subject_member;
    in.conclusion = "Thực hiện tốt các nội dung được kiểm tra.";
    auto id = registry_->record_oversight(in);
    ASSERT_TRUE(id.ok()) << holder << " " << subject_org << subject_member << ": "
                         << id.error().detail_en;
  }

  IndicatorsView indicators(const std::string& org, const std::string& period) {
    auto v = registry_->indicators(org, period);
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().detail_en);
    return v.ok() ? *v : IndicatorsView{};
  }

  FixedClock clock_{D("2023-04-20")};
  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
  std::vector<std::string> committees_;
  std::vector<std::pair<std::string, std::string>> branches_;       // branch, grassroots org
  std::vector<std::pair<std::string, std::string>> member_branch_;  // member, grassroots org
};

TEST_F(Seed002Test, TheClusterCountsAsTheArticleDescribesIt) {
  auto v = indicators("CUM2", "2023-Q1");
  EXPECT_EQ(row(v, "grassroots_orgs").value, 36);
  EXPECT_EQ(row(v, "grassroots_committees").value, 22);
  EXPECT_EQ(row(v, "sub_branches").value, 141);
  EXPECT_EQ(row(v, "grassroots_branches").value, 14);
  EXPECT_EQ(row(v, "members").value, 2465);
  EXPECT_EQ(row(v, "members").shown, "2.465");
  EXPECT_EQ(row(v, "admitted").value, 20);
  EXPECT_EQ(row(v, "recognized").value, 3);
  EXPECT_EQ(row(v, "members_probationary").value, 20);
}

TEST_F(Seed002Test, InspectionsAgainstTheYearsPlanAreComputedNotTyped) {
  auto v = indicators("CUM2", "2023-Q1");
  const auto& orgs = row(v, "inspected_orgs");
  EXPECT_EQ(orgs.value, 62);
  EXPECT_EQ(orgs.target, 80);
  ASSERT_TRUE(orgs.plan_pct.has_value());
  EXPECT_DOUBLE_EQ(*orgs.plan_pct, 77.5);
  EXPECT_EQ(orgs.plan_shown, "62/80 (đạt 77,5% kế hoạch năm)");
  const auto& members = row(v, "inspected_members");
  EXPECT_EQ(members.value, 142);
  EXPECT_EQ(members.target, 547);
  EXPECT_EQ(members.plan_shown, "142/547 (đạt 26,0% kế hoạch năm)");
}

// A plan passed (more organizations inspected than the year's target) reads the same in the
// report's sentence as in its tables and the indicators: one decimal, never a rounded "150%"
// beside "150,0%".
TEST_F(Seed002Test, APlanPassedReadsTheSameInTheTextAsInTheTables) {
  const std::string org = committees_[0];
  const auto done = row(indicators(org, "2023-Q1"), "inspected_orgs").value;
  ASSERT_TRUE(done.has_value());
  ASSERT_GE(*done, 2);
  target(org, "inspected_orgs", static_cast<long long>(*done) - 1);
  const auto passed = row(indicators(org, "2023-Q1"), "inspected_orgs");
  ASSERT_TRUE(passed.plan_pct.has_value());
  ASSERT_GT(*passed.plan_pct, 100);
  const std::string pct = report::format_percent(*passed.plan_pct);
  EXPECT_NE(passed.plan_shown.find("(đạt " + pct + " kế hoạch năm)"), std::string::npos)
      << passed.plan_shown;
  auto doc = registry_->report(org, "2023-Q1");
  ASSERT_TRUE(doc.ok()) << doc.error().detail_en;
  const std::string text = text_of(*doc);
  EXPECT_NE(text.find("(đạt " + pct + " kế hoạch năm)"), std::string::npos) << text;
  EXPECT_NE(text.find(pct), text.rfind(pct)) << "the table gives the same percentage";
}

TEST_F(Seed002Test, TheReportSaysWhatTheRecordsSay) {
  auto doc = registry_->report("CUM2", "2023-Q1");
  ASSERT_TRUE(doc.ok()) << doc.error().detail_en;
  const std::string text = text_of(*doc);
  EXPECT_NE(text.find("có 36 tổ chức cơ sở đảng (22 đảng bộ cơ sở với 141 chi bộ trực thuộc, 14 "
                      "chi bộ cơ sở); tổng số đảng viên là 2.465 đồng chí"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("kết nạp 20 đảng viên mới"), std::string::npos) << text;
  EXPECT_NE(text.find("công nhận đảng viên chính thức cho 3 đảng viên dự bị"), std::string::npos);
  EXPECT_NE(text.find("kiểm tra được 62/80 tổ chức (đạt 77,5% kế hoạch năm) và 142/547 đảng "
                      "viên (đạt 26,0% kế hoạch năm)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("75,5%"), std::string::npos);
  // A cluster is no Party body: without a leading organization chosen for the period, its
  // report is issued by the committee above it, whose line is the top one here.
  EXPECT_EQ(doc->issuer, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH");
  EXPECT_EQ(doc->superior, "");
  EXPECT_EQ(doc->number, "Số       -BC/ĐUK");
  EXPECT_EQ(doc->title,
            "Kết quả công tác xây dựng Đảng quý I năm 2023 của Cụm II, nhiệm vụ trọng tâm quý II "
            "năm 2023");
  // The per-organization table has a row per grassroots org and a total that adds up.
  bool found_total = false;
  for (const auto& s : doc->sections) {
    for (const auto& b : s.blocks) {
      if (b.kind != report::Block::Kind::table || b.table.id != "oversight") continue;
      EXPECT_EQ(b.table.rows.size(), 37u);
      double sum = 0;
      for (std::size_t r = 0; r + 1 < b.table.rows.size(); ++r) sum += *b.table.rows[r][1].number;
      EXPECT_EQ(sum, 62);
      EXPECT_EQ(b.table.rows.back()[1].display(), "62");
      EXPECT_EQ(b.table.rows.back()[3].display(), "77,5%");
      found_total = true;
    }
  }
  EXPECT_TRUE(found_total);
}

// The Word file of that report opens in LibreOffice (Debian's, headless) and its PDF says the
// same figures. LibreOffice is part of the test environment: its absence fails the test.
TEST_F(Seed002Test, TheWordReportOpensInLibreOfficeWithTheFigures) {
  auto doc = registry_->report("CUM2", "2023-Q1");
  ASSERT_TRUE(doc.ok());
  auto bytes = report::render_docx(*doc);
  ASSERT_TRUE(bytes.ok()) << bytes.error().detail_en;
  const std::string file = dir_.file("bao-cao-cum-2.docx");
  std::ofstream(file, std::ios::binary) << *bytes;
  const std::string cmd = "cd '" + dir_.file("") +
                          "' && soffice --headless --norestore "
                          "-env:UserInstallation=file://" +
                          dir_.file("profile") + " --convert-to pdf '" + file +
                          "' > soffice.log 2>&1 && pdftotext "
                          "-layout bao-cao-cum-2.pdf bao-cao-cum-2.txt";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "LibreOffice or pdftotext failed";
  std::ifstream in(dir_.file("bao-cao-cum-2.txt"));
  std::stringstream text;
  text << in.rdbuf();
  // pdftotext keeps words but may break lines anywhere: compare without line breaks.
  std::string flat;
  for (char c : text.str()) {
    if (c == '\n') c = ' ';
    if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
    flat += c;
  }
  for (const char* expected : {"ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "ĐẢNG ỦY KHỐI", "2.465",
                               "62/80", "77,5%", "142/547", "26,0%", "Nơi nhận:"}) {
    EXPECT_NE(flat.find(expected), std::string::npos) << "PDF lacks «" << expected << "»";
  }
  EXPECT_EQ(flat.find("75,5%"), std::string::npos);
}

TEST_F(Seed002Test, PeriodBoundariesAreInclusiveAndExact) {
  // The inspection of 31/3 is in March and the quarter; that of 1/4 only in April and the half.
  EXPECT_EQ(row(indicators("CUM2", "2023-03"), "inspected_orgs").value, 21);
  EXPECT_EQ(row(indicators("CUM2", "2023-04"), "inspected_orgs").value, 1);
  EXPECT_EQ(row(indicators("CUM2", "2023-Q1"), "inspected_orgs").value, 62);
  EXPECT_EQ(row(indicators("CUM2", "2023-Q2"), "inspected_orgs").value, 1);
  EXPECT_EQ(row(indicators("CUM2", "2023-H1"), "inspected_orgs").value, 63);
  EXPECT_EQ(row(indicators("CUM2", "2023"), "inspected_orgs").value, 63);
  EXPECT_EQ(row(indicators("CUM2", "2022"), "inspected_orgs").value, 0);
  // The second quarter's plan ratio counts from 1 January.
  EXPECT_EQ(row(indicators("CUM2", "2023-Q2"), "inspected_orgs").plan_shown,
            "63/80 (đạt 78,8% kế hoạch năm)");
}

TEST_F(Seed002Test, ChecksNameWhatIsMissingAndCorrectNothing) {
  auto v = indicators("CUM2", "2023-Q1");
  int missing_meetings = 0, no_targets = 0;
  for (const auto& c : v.checks) {
    missing_meetings += c.rule == "meeting.monthly_missing";
    no_targets += c.rule == "plan.no_targets";
  }
  // No meeting is recorded in this fixture: every branch is flagged, for all three months.
  EXPECT_EQ(missing_meetings, 155);
  EXPECT_EQ(row(v, "meeting_compliance_pct").value, 0);
  // Every grassroots org has targets; the cluster itself has none of its own.
  EXPECT_EQ(no_targets, 1);
}

// A smaller tree for the merger, meetings and refusals.
class WorkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("w.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<Registry>(*store_, RuleSet::defaults(), clock_, "test");
    org("TU", "Đảng bộ tỉnh", "upper_committee", "");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU");
    org("S1", "Chi bộ Phòng 1", "sub_branch", "DB");
    org("S2", "Chi bộ Phòng 2", "sub_branch", "DB");
    org("S3", "Chi bộ Phòng 3", "sub_branch", "DB");
    const char* given[] = {"An",    "Bình", "Chi", "Dung", "Giang", "Hà",
                           "Khánh", "Lan",  "Mai", "Nga",  "Oanh",  "Phúc"};
    for (int i = 0; i < 12; ++i) {
      admit("P" + std::to_string(i), given[i], i < 4 ? "S1" : i < 8 ? "S2" : "S3");
    }
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
    in.middle = "Thị";
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

  Result<ActivityId> meeting(const std::string& org, const std::string& date,
                             std::vector<AbsenceInput> absent = {}) {
    MeetingInput in;
    in.org_code = org;
    in.date = date;
    in.kind = "regular";
    in.quality = "good";
    in.absent = std::move(absent);
    return registry_->record_meeting(in);
  }

  FixedClock clock_{D("2023-06-01")};
  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(WorkTest, AMergerInsideThePeriodRollsFlowsAndTargetsToTheSuccessor) {
  ASSERT_TRUE(meeting("S1", "2023-01-12").ok());
  ASSERT_TRUE(meeting("S2", "2023-01-13").ok());
  ASSERT_TRUE(meeting("S3", "2023-01-14").ok());
  ASSERT_TRUE(registry_->set_plan_target({"S1", 2023, "study_sessions", 4}).ok());
  ASSERT_TRUE(registry_->set_plan_target({"S2", 2023, "study_sessions", 2}).ok());
  MergeInput merge;
  merge.from = {"S1"};
  merge.into = "S2";
  merge.date = "2023-02-15";
  auto st = registry_->merge_orgs(merge);
  ASSERT_TRUE(st.ok()) << st.error().detail_en;
  ASSERT_TRUE(meeting("S2", "2023-02-10").ok());
  ASSERT_TRUE(meeting("S2", "2023-03-10").ok());
  ASSERT_TRUE(meeting("S3", "2023-03-11").ok());  // S3 misses February

  auto v = registry_->indicators("DB", "2023-Q1");
  ASSERT_TRUE(v.ok()) << v.error().detail_en;
  EXPECT_EQ(row(*v, "meetings_regular").value, 6);
  EXPECT_EQ(row(*v, "sub_branches").value, 2);              // S1 is gone on 31/3
  EXPECT_EQ(row(*v, "branches_meeting_monthly").value, 1);  // S2, with S1's January meeting
  EXPECT_EQ(row(*v, "meeting_compliance_pct").shown, "50,0%");
  EXPECT_EQ(row(*v, "study_sessions").target, 6);  // S1's target went with it into S2
  EXPECT_EQ(row(*v, "members").value, 12);
  std::vector<std::string> flagged;
  for (const auto& c : v->checks) {
    if (c.rule == "meeting.monthly_missing") flagged.push_back(c.org_code + ": " + c.message);
  }
  ASSERT_EQ(flagged.size(), 1u);
  EXPECT_EQ(flagged[0], "S3: Chưa ghi nhận sinh hoạt chi bộ định kỳ tháng 2/2023.");
  // No thematic meeting in the first quarter: both branches standing on 31/3 are flagged.
  std::vector<std::string> thematic;
  for (const auto& c : v->checks) {
    if (c.rule == "meeting.thematic_missing") thematic.push_back(c.org_code + ": " + c.message);
  }
  EXPECT_EQ(thematic,
            (std::vector<std::string>{
                "S2: Chưa ghi nhận sinh hoạt chuyên đề quý I/2023 (ít nhất mỗi quý một lần).",
                "S3: Chưa ghi nhận sinh hoạt chuyên đề quý I/2023 (ít nhất mỗi quý một lần)."}));
  MeetingInput theme;
  theme.org_code = "S1";
  theme.date = "2023-02-01";
  theme.kind = "thematic";
  theme.topic = "Chuyển đổi số";
  theme.quality = "good";
  ASSERT_TRUE(registry_->record_meeting(theme).ok());  // S1 before the merger: counts for S2
  auto again = registry_->indicators("DB", "2023-Q1");
  ASSERT_TRUE(again.ok());
  int still = 0;
  for (const auto& c : again->checks) still += c.rule == "meeting.thematic_missing";
  EXPECT_EQ(still, 1);
  // As of 31/1, before the merger, both branches stand on their own.
  auto jan = registry_->indicators("DB", "2023-01");
  ASSERT_TRUE(jan.ok());
  EXPECT_EQ(row(*jan, "branches_meeting_monthly").value, 3);
  EXPECT_EQ(row(*jan, "sub_branches").value, 3);
}

TEST_F(WorkTest, AttendanceIsTheBranchOnTheDayMinusTheAbsent) {
  auto id = meeting("S1", "2023-05-05", {{"P1", "Ốm"}, {"P2", "Đi công tác"}});
  ASSERT_TRUE(id.ok()) << id.error().detail_en;
  auto v = registry_->indicators("S1", "2023-05");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(row(*v, "meeting_attendance_pct").shown, "50,0%");
  auto list = registry_->activities({"DB", "2023-01-01", "2023-12-31", 50});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->meetings.size(), 1u);
  EXPECT_EQ(list->meetings[0].expected, 4);
  EXPECT_EQ(list->meetings[0].present, 2);
  EXPECT_EQ(list->meetings[0].topic, "Sinh hoạt chi bộ định kỳ tháng 5/2023");
}

TEST_F(WorkTest, RefusalsNameTheFieldAndChangeNothing) {
  ASSERT_TRUE(registry_
                  ->add_document({"15-NQ/TU", "2022-12-06",
                                  "Nghị quyết về phương hướng, "
                                  "nhiệm vụ năm 2023",
                                  "Ban Chấp hành Đảng bộ tỉnh"})
                  .ok());
  const auto before = testing::dump_database(path_);
  auto field_of = [](const auto& r) { return r.ok() ? std::string("ok") : r.error().field; };
  // An absent member from another branch; a future date; a committee is not a branch.
  EXPECT_EQ(field_of(meeting("S1", "2023-05-05", {{"P9", "Ốm"}})), "absent");
  EXPECT_EQ(field_of(meeting("S1", "2023-07-05")), "date");
  EXPECT_EQ(field_of(meeting("DB", "2023-05-05")), "org");
  EXPECT_EQ(field_of(meeting("S1", "2023-05-05", {{"P1", ""}})), "absent.reason");
  // An inspection of an org that is not below the holder; with two subjects.
  OversightInput o{"S1", "inspection", "planned", "2023-05-05", "S2", "", "Kết luận."};
  EXPECT_EQ(field_of(registry_->record_oversight(o)), "subject_org");
  o = {"DB", "inspection", "planned", "2023-05-05", "S2", "P1", "Kết luận."};
  EXPECT_EQ(field_of(registry_->record_oversight(o)), "subject");
  o = {"DB", "audit", "planned", "2023-05-05", "S2", "", "Kết luận."};
  EXPECT_EQ(field_of(registry_->record_oversight(o)), "kind");
  // A target on an indicator that takes none; a negative target.
  EXPECT_EQ(registry_->set_plan_target({"DB", 2023, "members", 5}).error().field, "indicator");
  EXPECT_EQ(registry_->set_plan_target({"DB", 2023, "inspected_orgs", -1}).error().field, "target");
  // A study of an unregistered document; before its issue; a malformed number.
  StudySessionInput s{"S1", "2023-05-05", "99-NQ/TU", {"P1"}};
  EXPECT_EQ(field_of(registry_->record_study_session(s)), "document");
  s = {"S1", "2022-12-01", "15-NQ/TU", {"P1"}};
  EXPECT_EQ(field_of(registry_->record_study_session(s)), "date");
  s = {"S1", "2023-05-05", "15-XX/TU", {"P1"}};
  EXPECT_EQ(field_of(registry_->record_study_session(s)), "document");
  EXPECT_EQ(registry_->add_document({"15-NQ/TU", "2022-12-06", "Lặp", "Tỉnh ủy"}).error().kind,
            ErrorKind::conflict);
  EXPECT_EQ(registry_->indicators("DB", "2023-Q5").error().field, "period");
  EXPECT_EQ(testing::dump_database(path_), before);
}

// The year so far holds every flow: the branches meeting every month and the inspections on
// signs of violation were 0 in the year-to-date column of a half-year that starts the year.
TEST_F(WorkTest, TheYearSoFarHoldsEveryFlowTheMeetingRegimeIncluded) {
  for (const char* month : {"2023-01-10", "2023-02-10", "2023-03-10", "2023-04-10", "2023-05-10"}) {
    auto m = meeting("S1", month);
    ASSERT_TRUE(m.ok()) << m.error().detail_en;
  }
  OversightInput o{"DB", "inspection", "signs_of_violation", "2023-03-05", "S2", "", "Kết luận."};
  ASSERT_TRUE(registry_->record_oversight(o).ok());
  for (const char* period : {"2023-H1", "2023-Q2"}) {
    auto v = registry_->indicators("DB", period);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(row(*v, "branches_meeting_monthly").year_done, 1) << period;
    EXPECT_EQ(row(*v, "oversight_on_signs").year_done, 1) << period;
  }
  auto q2 = registry_->indicators("DB", "2023-Q2");
  EXPECT_EQ(row(*q2, "branches_meeting_monthly").value, 1);
  EXPECT_EQ(row(*q2, "oversight_on_signs").value, 0);
}

// A committee's admission target is for its whole organization: the plan of the province is its
// own target, not its own plus its đảng bộ's (that counted them twice). Inspections are work each
// committee does itself: the plan is the sum of every committee's own.
TEST_F(WorkTest, AdmissionTargetsAreNotCountedTwiceUpTheTree) {
  ASSERT_TRUE(registry_->set_plan_target({"TU", 2023, "admitted", 10}).ok());
  ASSERT_TRUE(registry_->set_plan_target({"DB", 2023, "admitted", 4}).ok());
  ASSERT_TRUE(registry_->set_plan_target({"TU", 2023, "inspected_orgs", 2}).ok());
  ASSERT_TRUE(registry_->set_plan_target({"DB", 2023, "inspected_orgs", 3}).ok());
  auto tu = registry_->indicators("TU", "2023-H1");
  ASSERT_TRUE(tu.ok());
  EXPECT_EQ(row(*tu, "admitted").target, 10);
  EXPECT_EQ(row(*tu, "inspected_orgs").target, 5);
  auto db = registry_->indicators("DB", "2023-H1");
  EXPECT_EQ(row(*db, "admitted").target, 4);
  EXPECT_EQ(row(*db, "inspected_orgs").target, 3);
}

TEST_F(WorkTest, StudySessionsCountAttendeesAndNameTheDocument) {
  ASSERT_TRUE(registry_
                  ->add_document({"15-NQ/TU", "2022-12-06",
                                  "Nghị quyết về phương hướng, "
                                  "nhiệm vụ năm 2023",
                                  "Ban Chấp hành Đảng bộ tỉnh"})
                  .ok());
  StudySessionInput s{"S1", "2023-01-20", "15-NQ/TU", {"P0", "P1", "P2"}};
  auto id = registry_->record_study_session(s);
  ASSERT_TRUE(id.ok()) << id.error().detail_en;
  auto v = registry_->indicators("DB", "2023-Q1");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(row(*v, "study_sessions").value, 1);
  EXPECT_EQ(row(*v, "study_attendance_pct").shown, "75,0%");
  auto doc = registry_->report("DB", "2023-Q1");
  ASSERT_TRUE(doc.ok());
  // Cited as a signed document cites another: its number, date and issuer from the register.
  EXPECT_NE(text_of(*doc).find("Nghị quyết số 15-NQ/TU, ngày 06/12/2022 của Ban Chấp hành Đảng "
                               "bộ tỉnh về phương hướng, nhiệm vụ năm 2023 (1 buổi)."),
            std::string::npos)
      << text_of(*doc);
}

}  // namespace
}  // namespace dangvu::service
