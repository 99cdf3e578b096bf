// A member's dossier through the registry: changes appended in one transaction and read as of a
// date, corrections, refusals that name the field and change nothing, sensitive fields by role
// (and every read of them audited), and scope over time for back-dated records.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "support/registry_fixture.h"

namespace dangvu::service {
namespace {

DossierChangeInput change(const std::string& field, const std::string& value,
                          const std::string& from, std::optional<long long> replaces = {}) {
  return {field, value, from, "", replaces};
}

class DossierTest : public testing::RegistryFixture {
 protected:
  void SetUp() override {
    RegistryFixture::SetUp();
    org("TU", "Đảng bộ tỉnh", "upper_committee", "");
    org("DB", "Đảng bộ Sở Tài chính", "grassroots_committee", "TU");
    org("DC", "Đảng bộ Sở Xây dựng", "grassroots_committee", "TU");
    org("S1", "Chi bộ 1", "sub_branch", "DB");
    org("S2", "Chi bộ 2", "sub_branch", "DB");
    org("C1", "Chi bộ 1", "sub_branch", "DC");
    admit("P1", "An", "S1");
    admit("P2", "Bình", "C1");
    admit("P3", "Chi", "S2");
    // P4 came to the Sở Tài chính from the Sở Xây dựng on 01/01/2020.
    admit("P4", "Dung", "C1");
    EventInput move;
    move.member_code = "P4";
    move.kind = "transfer";
    move.org_code = "S1";
    move.date = "2020-01-01";
    ASSERT_TRUE(registry_->record_event(move).ok());
  }

  void admit(const std::string& code, const std::string& given, const std::string& org) {
    person({.code = code,
            .given = given,
            .org = org,
            .date = "2015-03-03",
            .birth_date = "1980-02-02"});
  }

  Result<std::vector<DossierRecordId>> record(Registry& r, const std::string& member,
                                              std::vector<DossierChangeInput> changes) {
    return r.record_dossier({member, std::move(changes)});
  }

  // The value of `field` on `at` as `r` reads it (empty when none).
  std::string value_of(Registry& r, const std::string& member, const std::string& field,
                       const std::string& at = "") {
    auto d = r.dossier(member, at);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().detail_en);
    if (!d.ok()) return "?";
    for (const auto& f : d->facts) {
      if (f.field == field) return f.current ? f.current->record.value : "";
    }
    return "";
  }

  std::vector<AuditView> audit_of(const std::string& action) {
    std::vector<AuditView> out;
    auto entries = registry_->read_audit({});
    EXPECT_TRUE(entries.ok());
    if (!entries.ok()) return out;
    for (const auto& e : *entries) {
      if (e.action == action) out.push_back(e);
    }
    return out;
  }

  // The refusal of `changes` for P1: its field and rule, and nothing written.
  Error refused(std::vector<DossierChangeInput> changes, Registry* as_registry = nullptr) {
    return RegistryFixture::refused(
        [&] { return record(as_registry ? *as_registry : *registry_, "P1", std::move(changes)); });
  }
};

TEST_F(DossierTest, AChangeOfEducationIsReadAsOfEachDate) {
  ASSERT_TRUE(
      record(*registry_, "P1",
             {change("general_education", "9/12", "1995-06-01"),
              change("place_of_birth", "Xã Tân Phú, huyện Đồng Xuân, tỉnh Phú Yên", "1980-02-02")})
          .ok());
  ASSERT_TRUE(record(*registry_, "P1",
                     {change("general_education", "12/12", "2023-06-01"),
                      change("political_theory", "intermediate", "2024-05-15")})
                  .ok());
  EXPECT_EQ(value_of(*registry_, "P1", "general_education", "2023-05-31"), "9/12");
  EXPECT_EQ(value_of(*registry_, "P1", "general_education", "2023-06-01"), "12/12");
  EXPECT_EQ(value_of(*registry_, "P1", "political_theory", "2023-12-31"), "");
  EXPECT_EQ(value_of(*registry_, "P1", "political_theory"), "intermediate");
  auto d = registry_->dossier("P1", "");
  ASSERT_TRUE(d.ok());
  ASSERT_FALSE(d->facts.empty());
  EXPECT_EQ(d->facts.front().field, "place_of_birth") << "facts in the form's order";
  for (const auto& f : d->facts) {
    if (f.field == "general_education") {
      ASSERT_EQ(f.history.size(), 2u);
      EXPECT_EQ(f.history[0].value_label, "9/12");
    }
    if (f.field == "political_theory") {
      EXPECT_EQ(f.current->value_label, "Trung cấp");
    }
  }
  EXPECT_EQ(d->records.size(), 4u);
  // One audit entry per action, with its changes.
  auto entries = audit_of("member.dossier");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].target, "P1");
  EXPECT_NE(entries[0].detail_json.find("general_education"), std::string::npos);
}

TEST_F(DossierTest, ACorrectionReplacesAWrongRecordWhichStaysInTheLog) {
  auto first = record(*registry_, "P1", {change("ethnicity", "02", "1980-02-02")});
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(
      record(*registry_, "P1", {change("ethnicity", "01", "1980-02-02", first->at(0))}).ok());
  EXPECT_EQ(value_of(*registry_, "P1", "ethnicity"), "01");
  auto d = registry_->dossier("P1", "");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->records.size(), 2u);
  EXPECT_TRUE(d->records[0].replaced);
  EXPECT_EQ(d->records[0].value_label, "Tày");
  // An award entered by mistake is voided by an empty correction.
  auto award = record(*registry_, "P1", {change("award", "Bằng khen", "2020-02-03")});
  ASSERT_TRUE(award.ok());
  ASSERT_TRUE(record(*registry_, "P1", {change("award", "", "2020-02-03", award->at(0))}).ok());
  d = registry_->dossier("P1", "");
  ASSERT_TRUE(d.ok());
  for (const auto& f : d->facts) EXPECT_NE(f.field, "award");
}

TEST_F(DossierTest, BadInputIsRefusedNamingTheFieldAndTheRuleAndChangesNothing) {
  ASSERT_TRUE(record(*registry_, "P2", {change("citizen_id", "001080000002", "2021-01-01")}).ok());
  // The first change is good: nothing of the action is written when a later one is refused.
  Error e = refused(
      {change("occupation", "worker", "2000-01-01"), change("ethnicity", "99", "1980-02-02")});
  EXPECT_EQ(e.field, "changes[1].value");
  EXPECT_EQ(e.rule, "dossier.catalog");
  EXPECT_NE(e.message_vi.find("Dân tộc"), std::string::npos);

  e = refused({change("citizen_id", "00108000000", "2021-01-01")});
  EXPECT_EQ(e.field, "changes[0].value");
  EXPECT_EQ(e.rule, "dossier.citizen_id_digits");

  e = refused({change("citizen_id", "001080000002", "2021-01-01")});
  EXPECT_EQ(e.kind, ErrorKind::conflict);
  EXPECT_EQ(e.field, "changes[0].value");
  EXPECT_NE(e.message_vi.find("người khác"), std::string::npos);
  EXPECT_EQ(e.message_vi.find("P2"), std::string::npos) << "never says whose it is";

  e = refused({change("youth_union_joined", "1979-03-26", "1996-03-26")});
  EXPECT_EQ(e.rule, "dossier.date_before_birth");
  e = refused({change("occupation", "worker", "1979-12-31")});
  EXPECT_EQ(e.field, "changes[0].from");
  EXPECT_EQ(e.rule, "dossier.date_before_birth");
  e = refused({change("occupation", "worker", "2026-12-07")});
  EXPECT_EQ(e.rule, "dossier.date_future");
  e = refused({change("shoe_size", "40", "2020-01-01")});
  EXPECT_EQ(e.field, "changes[0].field");
  e = refused(
      {change("occupation", "worker", "2020-01-01"), change("occupation", "farmer", "2020-01-01")});
  EXPECT_EQ(e.field, "changes[1].field");
  e = refused({change("occupation", "worker", "2020-01-01", 999)});
  EXPECT_EQ(e.field, "changes[0].replaces");
  e = refused({});
  EXPECT_EQ(e.field, "changes");
}

TEST_F(DossierTest, ACitizenIdVoidedFromAnotherPersonMayBeRecorded) {
  auto wrong = record(*registry_, "P2", {change("citizen_id", "001080000009", "2021-01-01")});
  ASSERT_TRUE(wrong.ok());
  ASSERT_TRUE(
      record(*registry_, "P2", {change("citizen_id", "", "2021-01-01", wrong->at(0))}).ok());
  EXPECT_TRUE(record(*registry_, "P1", {change("citizen_id", "001080000009", "2021-01-01")}).ok());
}

TEST_F(DossierTest, SensitiveFieldsAreShownOnlyToRolesThatMayReadThemAndEachReadIsAudited) {
  ASSERT_TRUE(record(*registry_, "P1",
                     {change("citizen_id", "001080000001", "2021-01-01"),
                      change("religion", "buddhism", "1980-02-02"),
                      change("occupation", "civil_servant", "2005-01-01")})
                  .ok());
  Registry viewer = as(auth::Role::viewer, "DB");
  auto seen = viewer.dossier("P1", "");
  ASSERT_TRUE(seen.ok());
  EXPECT_FALSE(seen->sensitive_shown);
  for (const auto& f : seen->facts) {
    EXPECT_NE(f.field, "citizen_id");
    EXPECT_NE(f.field, "religion");
  }
  for (const auto& r : seen->records) EXPECT_FALSE(find_dossier_field(r.record.field)->sensitive);
  EXPECT_EQ(value_of(viewer, "P1", "occupation"), "civil_servant");
  EXPECT_TRUE(audit_of("member.dossier_read").empty()) << "nothing sensitive was read";
  // A viewer writes nothing, and a role without the right cannot write a sensitive field.
  EXPECT_EQ(refused({change("occupation", "worker", "2020-01-01")}, &viewer).kind,
            ErrorKind::forbidden);

  Registry office = as(auth::Role::committee_office, "DB");
  EXPECT_EQ(value_of(office, "P1", "citizen_id"), "001080000001");
  Registry secretary = as(auth::Role::branch_secretary, "S1");
  EXPECT_EQ(value_of(secretary, "P1", "religion"), "buddhism");
  Registry inspection = as(auth::Role::inspection, "DB");
  EXPECT_EQ(value_of(inspection, "P1", "religion"), "buddhism");
  auto reads = audit_of("member.dossier_read");
  ASSERT_EQ(reads.size(), 3u);
  for (const auto& r : reads) {
    EXPECT_EQ(r.target, "P1");
    EXPECT_NE(r.detail_json.find("citizen_id"), std::string::npos);
  }
  std::set<std::string> readers;
  for (const auto& r : reads) readers.insert(r.actor);
  EXPECT_EQ(readers, (std::set<std::string>{"u-DB", "u-S1"})) << "who read is recorded";

  // A branch secretary reads only its own branch's members.
  auto other = secretary.dossier("P3", "");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::not_found);
}

TEST_F(DossierTest, ABackDatedRecordNeverReachesOutsideTodaysScope) {
  Registry office = as(auth::Role::committee_office, "DB");
  // P4 sat in the Sở Xây dựng until 2020: the Sở Tài chính's office may not write its dossier
  // for a date before it came.
  const std::string before = testing::dump_database(path_);
  auto early = record(office, "P4", {change("position", "Chuyên viên", "2018-01-01")});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(early.error().field, "changes[0].from");
  EXPECT_EQ(early.error().rule, "scope.history_outside");
  EXPECT_EQ(testing::dump_database(path_), before);
  EXPECT_TRUE(record(office, "P4", {change("position", "Chuyên viên", "2020-01-01")}).ok());
  // The office it left knows it no more, on any date.
  Registry left = as(auth::Role::committee_office, "DC");
  auto gone = left.dossier("P4", "2019-01-01");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().kind, ErrorKind::not_found);
  auto write = record(left, "P4", {change("position", "Chuyên viên", "2018-01-01")});
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace dangvu::service
