// The member statistics on a registry built by hand, whose every figure is known: members carried
// over, admitted, transferred in and out, died, removed while probationary; the analysis as of
// the period's end (gender, status, age, era, dossier values, one of which changed in the
// period); last year's same period; a merge of the 2025 reorganization; and the document.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "store/statistics_store.h"
#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

class StatisticsTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "", "1970-01-01");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU", "1970-01-01");
    org("DC", "Đảng bộ Sở Xây dựng", "grassroots_committee", "TU", "1970-01-01");
    org("S1", "Chi bộ 1", "sub_branch", "DB", "1970-01-01");
    org("S2", "Chi bộ 2", "sub_branch", "DB", "1970-01-01");
    org("C1", "Chi bộ 1", "sub_branch", "DC", "1970-01-01");
    admit("M1", "Lan", "female", "1990-05-10", "S1", "2015-03-03");
    admit("M2", "Hùng", "male", "1950-01-01", "S1", "1974-06-01");
    admit("M3", "Mai", "female", "2000-03-03", "S2", "2026-03-01", false);
    admit("M4", "Nam", "male", "1985-06-15", "C1", "2010-01-05");
    admit("M5", "Sơn", "male", "1970-02-02", "S1", "2000-04-04");
    admit("M6", "Tùng", "male", "1980-07-07", "S2", "2005-05-05");
    admit("M7", "Vinh", "male", "1991-09-09", "S1", "2025-11-01", false);
    event("M4", "transfer", "2026-05-01", "S2");
    event("M5", "death", "2026-08-01");
    event("M6", "transfer", "2026-09-01", "C1");
    event("M7", "removal", "2026-04-01");
    dossier("M1", {{"ethnicity", "02", "1990-05-10", "", {}},
                   {"religion", "buddhism", "1990-05-10", "", {}},
                   {"general_education", "9/12", "2005-06-01", "", {}},
                   {"general_education", "12/12", "2026-06-01", "", {}},
                   {"political_theory", "intermediate", "2020-01-01", "", {}},
                   {"youth_union_joined", "2006-03-26", "2006-03-26", "", {}}});
    dossier("M2", {{"general_education", "7/10", "1965-06-01", "", {}}});
    dossier("M3", {{"general_education", "12/12", "2018-06-01", "", {}},
                   {"youth_union_joined", "2015-03-26", "2015-03-26", "", {}}});
  }

  void admit(const std::string& code, const std::string& given, const std::string& gender,
             const std::string& birth, const std::string& org, const std::string& on,
             bool recognize = true) {
    person({.code = code,
            .given = given,
            .org = org,
            .date = on,
            .birth_date = birth,
            .gender = gender,
            .family = "Trần"});
    if (recognize) event(code, "recognition", D(on.c_str()).add_years(1).add_days(7).iso());
  }

  // A line of a table: its value this period and last year (-1: none).
  std::pair<double, double> line(const StatisticsView& v, const std::string& table,
                                 const std::string& id) {
    for (const auto& t : v.tables) {
      if (t.id != table) continue;
      for (const auto& l : t.lines) {
        if (l.id == id) return {l.value.value_or(-1), l.last_year.value_or(-1)};
      }
    }
    ADD_FAILURE() << "no line " << table << "/" << id;
    return {-2, -2};
  }
};

TEST_F(StatisticsTest, IncreasesAndDecreasesAddUpAndEveryKindIsCounted) {
  auto v = registry_->member_statistics("DB", "2026");
  ASSERT_TRUE(v.ok()) << v.error().detail_en;
  const char* t = "increase_decrease";
  EXPECT_EQ(line(*v, t, "a").first, 5);                 // M1 M2 M5 M6 M7
  EXPECT_EQ(line(*v, t, "b.admitted").first, 1);        // M3
  EXPECT_EQ(line(*v, t, "b.transferred_in").first, 1);  // M4
  EXPECT_EQ(line(*v, t, "b.readmitted").first, 0);
  EXPECT_EQ(line(*v, t, "b").first, 2);
  EXPECT_EQ(line(*v, t, "c.died").first, 1);                  // M5
  EXPECT_EQ(line(*v, t, "c.removed").first, 1);               // M7
  EXPECT_EQ(line(*v, t, "c.removed_probationary").first, 1);  // M7
  EXPECT_EQ(line(*v, t, "c.transferred_out").first, 1);       // M6
  EXPECT_EQ(line(*v, t, "c").first, 3);
  EXPECT_EQ(line(*v, t, "d").first, 4);  // M1 M2 M3 M4
  // Last year, to the same day: M7 admitted.
  EXPECT_EQ(line(*v, t, "a").second, 4);
  EXPECT_EQ(line(*v, t, "b.admitted").second, 1);
  EXPECT_EQ(line(*v, t, "d").second, 5);
  for (const auto& c : v->checks) EXPECT_TRUE(c.holds) << c.id << ": " << c.message;
  // The province sees M4 and M6 move inside it: no transfer in or out.
  auto province = registry_->member_statistics("TU", "2026");
  ASSERT_TRUE(province.ok());
  EXPECT_EQ(line(*province, t, "b.transferred_in").first, 0);
  EXPECT_EQ(line(*province, t, "c.transferred_out").first, 0);
  EXPECT_EQ(line(*province, t, "d").first, 5);
  for (const auto& c : province->checks) EXPECT_TRUE(c.holds) << c.id << ": " << c.message;
}

TEST_F(StatisticsTest, AllMembersAreAnalysedAsOfThePeriodsEnd) {
  auto v = registry_->member_statistics("DB", "2026");
  ASSERT_TRUE(v.ok()) << v.error().detail_en;
  const char* t = "all_members";
  EXPECT_EQ(line(*v, t, "total").first, 4);
  EXPECT_EQ(line(*v, t, "women").first, 2);         // M1 M3
  EXPECT_EQ(line(*v, t, "probationary").first, 1);  // M3
  EXPECT_EQ(line(*v, t, "minority").first, 1);      // M1, Tày
  EXPECT_EQ(line(*v, t, "religious").first, 1);     // M1
  EXPECT_EQ(line(*v, t, "youth_union").first, 1);   // M3 (26); M1 is 36
  EXPECT_EQ(line(*v, t, "age.0").first, 1);         // M3, 26
  EXPECT_EQ(line(*v, t, "age.2").first, 1);         // M1, 36
  EXPECT_EQ(line(*v, t, "age.3").first, 1);         // M4, 41
  EXPECT_EQ(line(*v, t, "age.7").first, 1);         // M2, 76
  EXPECT_DOUBLE_EQ(line(*v, t, "age.average").first, (26 + 36 + 41 + 76) / 4.0);
  EXPECT_EQ(line(*v, t, "era.2").first, 1);  // M2, 1974
  EXPECT_EQ(line(*v, t, "era.3").first, 3);
  // M1's education rose to 12/12 on 01/06/2026.
  EXPECT_EQ(line(*v, t, "general_education.upper_secondary").first, 2);  // M1 M3
  EXPECT_EQ(line(*v, t, "general_education.lower_secondary").first, 1);  // M2, 7/10
  EXPECT_EQ(line(*v, t, "general_education.unrecorded").first, 1);       // M4
  EXPECT_EQ(line(*v, t, "general_education.upper_secondary").second, 0);
  EXPECT_EQ(line(*v, t, "general_education.lower_secondary").second, 2);  // M1 M2 in 2025
  EXPECT_EQ(line(*v, t, "political_theory.intermediate").first, 1);
  EXPECT_EQ(line(*v, t, "occupation.unrecorded").first, 4);
  // The new members of the period: M3.
  EXPECT_EQ(line(*v, "new_members", "total").first, 1);
  EXPECT_EQ(line(*v, "new_members", "youth_union").first, 1);
  EXPECT_EQ(line(*v, "new_by_ethnicity", "ethnicity.unrecorded").first, 1);
  // The organizations below on the day: two sub-branches.
  EXPECT_EQ(line(*v, "organizations", "kind.sub_branch").first, 2);
}

// The statistics read each member's profile (member_profile), derived in the transaction of
// every write that changes the member's periods, admissions or dossier; a file from before
// schema 16 gets every member's when it is opened, and gives the same tables.
TEST_F(StatisticsTest, TheProfilesFollowEveryWriteAndAnOlderFileGetsThem) {
  event("M1", "transfer", "2026-10-01", "C1");
  dossier("M2", {{"political_theory", "elementary", "2026-02-01", "", {}}});
  store::StatisticsStore profiles(*store_);
  auto stale = profiles.profiles_out_of_date();
  ASSERT_TRUE(stale.ok()) << stale.error().detail_en;
  EXPECT_TRUE(stale->empty()) << stale->size() << " profiles out of date";
  auto before = registry_->member_statistics("TU", "2026");
  ASSERT_TRUE(before.ok()) << before.error().detail_en;
  EXPECT_EQ(line(*before, "all_members", "political_theory.elementary").first, 1);  // M2

  registry_.reset();
  store_.reset();
  // Back to schema 15, as a file written by the previous release.
  ASSERT_TRUE(testing::exec_sql(path_,
                                "DROP TABLE member_profile; DROP TABLE org_result_record; DROP "
                                "TABLE rating_record; DROP TABLE "
                                "badge_record; DROP TABLE dues_remittance; DROP TABLE "
                                "dues_digest; DROP TABLE dues_payment; DROP TABLE "
                                "dues_record; DELETE FROM schema_version WHERE version >= 16"));
  auto reopened = store::Store::open(path_, store::OpenMode::open_existing, clock_.now_iso());
  ASSERT_TRUE(reopened.ok()) << reopened.error().detail_en;
  store_ = std::move(*reopened);
  registry_ = std::make_unique<Registry>(*store_, rules_, clock_, "test");
  stale = store::StatisticsStore(*store_).profiles_out_of_date();
  ASSERT_TRUE(stale.ok());
  EXPECT_TRUE(stale->empty()) << stale->size() << " profiles out of date";
  EXPECT_EQ(testing::query_text(path_, "SELECT COUNT(*) FROM member_profile"), "7\n");
  // Every member's profiles, read a slice at a time (as the nation's are): each once.
  int read = 0;
  std::set<std::int32_t> births;
  ASSERT_TRUE(store::StatisticsStore(*store_)
                  .each_profile(
                      std::nullopt, D("2026-01-01"), D("2026-12-06"),
                      [&](const ProfileView& p) {
                        ++read;
                        births.insert(p.birth.days());
                      },
                      2)
                  .ok());
  EXPECT_EQ(read, 7);
  EXPECT_EQ(births.size(), 7u);
  auto after = registry_->member_statistics("TU", "2026");
  ASSERT_TRUE(after.ok()) << after.error().detail_en;
  ASSERT_EQ(after->tables.size(), before->tables.size());
  for (std::size_t t = 0; t < before->tables.size(); ++t) {
    const auto& was = before->tables[t];
    const auto& now = after->tables[t];
    ASSERT_EQ(now.lines.size(), was.lines.size()) << was.id;
    for (std::size_t l = 0; l < was.lines.size(); ++l) {
      EXPECT_EQ(now.lines[l].shown, was.lines[l].shown) << was.id << "/" << was.lines[l].id;
      EXPECT_EQ(now.lines[l].last_year_shown, was.lines[l].last_year_shown)
          << was.id << "/" << was.lines[l].id;
    }
  }
}

// A profile that does not read (a write around the store) stops the statistics with an error that
// names the member, instead of tables that leave them out; the reading thread stops with it.
TEST_F(StatisticsTest, AProfileThatDoesNotReadIsAnErrorNotAMissingMember) {
  const std::string id =
      testing::query_text(path_,
                          "SELECT member_id FROM member_profile ORDER BY member_id LIMIT 1 "
                          "OFFSET 3");
  ASSERT_FALSE(id.empty());
  const std::string member = id.substr(0, id.size() - 1);
  ASSERT_TRUE(testing::exec_sql(
      path_, "UPDATE member_profile SET profile = 'M\tf\t1980-05-17' WHERE member_id = " + member));
  int read = 0;
  auto scan = store::StatisticsStore(*store_).each_profile(
      std::nullopt, D("2026-01-01"), D("2026-12-06"), [&](const ProfileView&) { ++read; }, 2);
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().detail_en, "member_profile " + member + " does not parse");
  EXPECT_LT(read, 7);  // those read before it (in the table's order), then nothing more
  auto v = registry_->member_statistics("TU", "2026");
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message_vi.find("số nội bộ " + member), std::string::npos);
  auto stale = store::StatisticsStore(*store_).profiles_out_of_date();
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(*stale, std::vector<MemberId>{std::stoll(member)});
}

TEST_F(StatisticsTest, ARatioComparesWithTheSamePeriodLastYear) {
  auto v = registry_->member_statistics("DB", "2026");
  ASSERT_TRUE(v.ok());
  for (const auto& t : v->tables) {
    for (const auto& l : t.lines) {
      if (t.id == "increase_decrease" && l.id == "d") {
        EXPECT_EQ(l.shown, "4");
        EXPECT_EQ(l.last_year_shown, "5");
        EXPECT_EQ(l.percent_shown, "80,0%");
      }
      if (t.id == "all_members" && l.id == "age.average") {
        EXPECT_EQ(l.shown, "44,8");
        EXPECT_EQ(l.percent_shown, "—");
      }
    }
  }
}

TEST_F(StatisticsTest, AMergeOfTheReorganizationMovesMembersInsideTheProvinceOnly) {
  auto merged = registry_->merge_orgs({{"DB", "DC"},
                                       "DM",
                                       "Đảng bộ Sở Tài chính - Xây dựng",
                                       "grassroots_committee",
                                       "TU",
                                       "2025-07-01"});
  ASSERT_TRUE(merged.ok()) << merged.error().detail_en;
  auto province = registry_->member_statistics("TU", "2025");
  ASSERT_TRUE(province.ok()) << province.error().detail_en;
  EXPECT_EQ(line(*province, "increase_decrease", "b.transferred_in").first, 0);
  EXPECT_EQ(line(*province, "increase_decrease", "c.transferred_out").first, 0);
  for (const auto& c : province->checks) EXPECT_TRUE(c.holds) << c.id << ": " << c.message;
  // The new committee: nothing carried over, everyone came with the merge; no last year.
  auto dm = registry_->member_statistics("DM", "2025");
  ASSERT_TRUE(dm.ok()) << dm.error().detail_en;
  EXPECT_EQ(line(*dm, "increase_decrease", "a").first, 0);
  const double d = line(*dm, "increase_decrease", "d").first;
  EXPECT_GT(d, 0);
  EXPECT_EQ(line(*dm, "increase_decrease", "b.transferred_in").first +
                line(*dm, "increase_decrease", "b.admitted").first,
            d);
  EXPECT_EQ(line(*dm, "increase_decrease", "d").second, -1) << "DM did not exist in 2024";
  for (const auto& c : dm->checks) EXPECT_TRUE(c.holds) << c.id << ": " << c.message;
}

TEST_F(StatisticsTest, TheDocumentIsTheTablesAsSignedAndRefusalsNameTheField) {
  auto doc = registry_->statistics_document("DB", "2026");
  ASSERT_TRUE(doc.ok()) << doc.error().detail_en;
  EXPECT_EQ(doc->kind_title, "BIỂU THỐNG KÊ");
  EXPECT_EQ(doc->left_signer_title, "NGƯỜI LẬP BIỂU");
  EXPECT_TRUE(doc->annex.empty()) << "every identity holds";
  ASSERT_FALSE(doc->sections.empty());
  EXPECT_EQ(doc->sections[0].blocks[0].table.header[3], "Cùng kỳ năm trước");
  auto upper = registry_->statistics_document("TU", "2026");
  ASSERT_TRUE(upper.ok());
  EXPECT_EQ(upper->signer_title, "TRƯỞNG BAN");
  EXPECT_EQ(upper->issuer, "BAN TỔ CHỨC");

  auto future = registry_->member_statistics("DB", "2027");
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "period");
  auto unknown = registry_->member_statistics("XX", "2026");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  // Another committee's office reads nothing of DB.
  Registry other = as(auth::Role::committee_office, "DC");
  auto hidden = other.member_statistics("DB", "2026");
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace dangvu::service
