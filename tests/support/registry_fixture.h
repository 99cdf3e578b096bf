#pragma once
// Test support for the service suites: a registry on a fresh database (a SQLite file, or a database
// on the test PostgreSQL server: temp_db.h) with the steps their registries are built from — orgs,
// members, events, dossier records, each asserted to succeed —, a registry acting as a role of an
// org, and the proof that a refused action changed nothing.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::testing {

class RegistryFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("r.db");
    auto s = store::Store::open(path_, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store_ = std::move(*s);
    registry_ = std::make_unique<service::Registry>(*store_, rules_, clock_, "test");
  }

  static Date D(const char* iso) { return *Date::parse(iso); }

  void org(const std::string& code, const std::string& name, const std::string& kind,
           const std::string& parent, const std::string& from = "2000-01-01") {
    auto id = registry_->add_org({code, name, kind, parent, from});
    ASSERT_TRUE(id.ok()) << code << ": " << id.error().detail_en;
  }

  // A person added with a first event (`admission` or `candidate_registration`) in `org`.
  struct NewPerson {
    std::string code;
    std::string given;
    std::string first_kind = "admission";
    std::string org;
    std::string date;
    std::string birth_date = "1975-02-02";
    std::string gender = "";
    std::string family = "Lê";
    std::string middle = "Văn";
  };
  void person(const NewPerson& p) {
    service::AddMemberInput in;
    in.code = p.code;
    in.family = p.family;
    in.middle = p.middle;
    in.given = p.given;
    in.gender = p.gender;
    in.birth_date = p.birth_date;
    in.first.kind = p.first_kind;
    in.first.org_code = p.org;
    in.first.date = p.date;
    auto id = registry_->add_member(in);
    ASSERT_TRUE(id.ok()) << p.code << ": " << id.error().detail_en;
  }

  void event(const std::string& code, const std::string& kind, const std::string& date,
             const std::string& org = "") {
    service::EventInput e;
    e.member_code = code;
    e.kind = kind;
    e.date = date;
    e.org_code = org;
    auto id = registry_->record_event(e);
    ASSERT_TRUE(id.ok()) << code << " " << kind << ": " << id.error().message_vi;
  }

  void dossier(const std::string& code, std::vector<service::DossierChangeInput> changes) {
    auto ids = registry_->record_dossier({code, std::move(changes)});
    ASSERT_TRUE(ids.ok()) << code << ": " << ids.error().message_vi;
  }

  // A registry acting for an account of `role` whose scope is `org_code`.
  service::Registry as(auth::Role role, const std::string& org_code) {
    auto org = store_->find_org(org_code);
    EXPECT_TRUE(org.ok() && *org) << org_code;
    return service::Registry(*store_, rules_, clock_,
                             service::Caller{"u-" + org_code, "127.0.0.1", role, **org, 1});
  }

  // The error of an action that must be refused, having checked that it wrote nothing.
  template <typename Action>
  Error refused(Action&& action) {
    const std::string before = dump_database(path_);
    auto r = action();
    EXPECT_FALSE(r.ok()) << "the action was not refused";
    EXPECT_EQ(dump_database(path_), before) << "a refusal changed the database";
    return r.ok() ? Error{} : r.error();
  }

  RuleSet rules_ = RuleSet::defaults();
  FixedClock clock_{D("2026-12-06")};
  TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::Registry> registry_;
};

}  // namespace dangvu::testing
