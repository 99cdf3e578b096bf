#pragma once
// Test support for the import suites: a registry over a fresh database holding the four orgs every
// import test reads into (TU ─ DBA ─ A1 "Chi bộ Văn phòng", A2 "Chi bộ Kế toán"), a sheet made in
// memory as an office's XLSX, the errors of a report, and the database's fingerprint.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "core/clock.h"
#include "io/writer.h"
#include "service/registry.h"
#include "support/temp_db.h"

namespace dangvu::testing {

class ImportFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.database("i.db");
    open_with_orgs(path_, store_, registry_);
  }

  // A new database at `path` holding the four orgs every test imports into.
  void open_with_orgs(const std::string& path, std::unique_ptr<store::Store>& store,
                      std::unique_ptr<service::Registry>& registry) {
    auto s = store::Store::open(path, store::OpenMode::create_new, clock_.now_iso());
    ASSERT_TRUE(s.ok()) << s.error().detail_en;
    store = std::move(*s);
    registry = std::make_unique<service::Registry>(*store, RuleSet::defaults(), clock_, "test");
    for (auto [code, name, kind, parent] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {"TU", "Đảng bộ tỉnh", "upper_committee", ""},
             {"DBA", "Đảng bộ Sở A", "grassroots_committee", "TU"},
             {"A1", "Chi bộ Văn phòng", "sub_branch", "DBA"},
             {"A2", "Chi bộ Kế toán", "sub_branch", "DBA"}}) {
      auto id = registry->add_org({code, name, kind, parent, "2000-01-01"});
      ASSERT_TRUE(id.ok()) << id.error().detail_en;
    }
  }

  static std::vector<std::string> errors_of(const service::ImportReport& r) {
    std::vector<std::string> out;
    for (const auto& p : r.problems) {
      if (!p.warning) out.push_back(p.message_vi);
    }
    return out;
  }

  // A sheet of text cells under `headers`, as the bytes of an XLSX file.
  static std::string xlsx(const std::vector<std::string>& headers,
                          const std::vector<std::vector<std::string>>& rows) {
    io::Table t;
    t.title = "DS";
    t.headers = headers;
    t.kinds.assign(headers.size(), io::Table::Kind::text);
    for (const auto& r : rows) {
      std::vector<io::Table::Value> row;
      for (const auto& v : r) row.push_back({v, 0});
      t.rows.push_back(row);
    }
    return io::xlsx_bytes(t).value();
  }

  std::string dump() const { return dump_database(path_); }

  FixedClock clock_{Date::parse("2026-06-01").value()};
  TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::Registry> registry_;
};

}  // namespace dangvu::testing
