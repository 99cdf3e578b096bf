// The dossier as dated facts: the value held on a date, corrections that replace or void a
// record, listed fields, and each kind of value checked against its field and the catalogs.
#include "core/dossier.h"

#include <gtest/gtest.h>

#include "core/rules.h"

namespace dangvu {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

DossierRecord rec(DossierRecordId id, const char* field, const char* value, const char* from,
                  std::optional<DossierRecordId> replaces = std::nullopt) {
  DossierRecord r;
  r.id = id;
  r.field = field;
  r.value = value;
  r.from = D(from);
  r.replaces = replaces;
  return r;
}

TEST(DossierTest, TheValueOnADateIsTheLatestDatedOnOrBeforeIt) {
  Dossier d({rec(1, "general_education", "9/12", "1996-06-01"),
             rec(2, "general_education", "12/12", "1999-06-01"),
             rec(3, "position", "Phó phòng", "2015-01-01"), rec(4, "position", "", "2020-01-01")});
  EXPECT_FALSE(d.value_at("general_education", D("1996-05-31")));
  EXPECT_EQ(d.value_at("general_education", D("1996-06-01"))->value, "9/12");
  EXPECT_EQ(d.value_at("general_education", D("1999-05-31"))->value, "9/12");
  EXPECT_EQ(d.value_at("general_education", D("2026-01-01"))->value, "12/12");
  EXPECT_EQ(d.value_at("position", D("2019-12-31"))->value, "Phó phòng");
  EXPECT_FALSE(d.value_at("position", D("2020-01-01"))) << "an empty value ends the field";
  ASSERT_EQ(d.history_until("general_education", D("1998-01-01")).size(), 1u);
  EXPECT_EQ(d.history_until("general_education", D("2026-01-01")).size(), 2u);
}

TEST(DossierTest, ARecordedLaterValueForAnEarlierDateDoesNotHideTheNewerOne) {
  // Recorded out of order: the 2010 value is entered after the 2020 one.
  Dossier d({rec(1, "occupation", "civil_servant", "2020-01-01"),
             rec(2, "occupation", "worker", "2010-01-01")});
  EXPECT_EQ(d.value_at("occupation", D("2021-01-01"))->value, "civil_servant");
  EXPECT_EQ(d.value_at("occupation", D("2015-01-01"))->value, "worker");
}

TEST(DossierTest, ACorrectionReplacesItsRecordAndTheLatestCorrectionWins) {
  Dossier d({rec(1, "ethnicity", "02", "1980-02-02"), rec(2, "ethnicity", "03", "1980-02-02", 1),
             rec(3, "ethnicity", "01", "1980-02-02", 1)});
  EXPECT_EQ(d.value_at("ethnicity", D("2000-01-01"))->value, "01");
  EXPECT_EQ(d.history_until("ethnicity", Date::max()).size(), 1u);
  EXPECT_TRUE(d.replaced(1));
  EXPECT_FALSE(d.replaced(3));
  EXPECT_EQ(d.records().size(), 3u) << "nothing is dropped from the log";
}

TEST(DossierTest, ACorrectionMovesARecordsDate) {
  Dossier d({rec(1, "political_theory", "intermediate", "2021-05-01"),
             rec(2, "political_theory", "intermediate", "2019-05-01", 1)});
  EXPECT_EQ(d.value_at("political_theory", D("2020-01-01"))->value, "intermediate");
}

TEST(DossierTest, AnEmptyCorrectionVoidsTheRecord) {
  Dossier d({rec(1, "award", "Bằng khen của Tỉnh ủy", "2019-02-03"),
             rec(2, "award", "Giấy khen của Đảng ủy", "2021-02-03"),
             rec(3, "award", "", "2019-02-03", 1)});
  auto awards = d.history_until("award", Date::max());
  ASSERT_EQ(awards.size(), 1u);
  EXPECT_EQ(awards[0].value, "Giấy khen của Đảng ủy");
  EXPECT_FALSE(d.value_at("award", Date::max())) << "a listed field has no single value";
}

TEST(DossierTest, SpansAreEachValuesDatedStretch) {
  Dossier d({rec(1, "general_education", "9/12", "1996-06-01"),
             rec(2, "general_education", "12/12", "1999-06-01"),
             rec(3, "position", "Phó phòng", "2015-01-01"), rec(4, "position", "", "2020-01-01"),
             rec(5, "ethnicity", "02", "1980-02-02"), rec(6, "ethnicity", "01", "1980-02-02", 5),
             rec(7, "award", "Bằng khen", "2019-02-03")});
  using S = Dossier::Span;
  EXPECT_EQ(d.spans(),
            (std::vector<S>{{"ethnicity", "01", D("1980-02-02"), Date::max()},
                            {"general_education", "9/12", D("1996-06-01"), D("1999-06-01")},
                            {"general_education", "12/12", D("1999-06-01"), Date::max()},
                            {"position", "Phó phòng", D("2015-01-01"), D("2020-01-01")}}));
}

TEST(DossierTest, EveryFieldHasALabelAndEveryCatalogFieldAList) {
  const Catalogs catalogs = Catalogs::defaults();
  for (const auto& f : dossier_fields()) {
    EXPECT_FALSE(f.label.empty()) << f.code;
    EXPECT_EQ(find_dossier_field(f.code), &f);
    if (f.kind == DossierValueKind::catalog) {
      EXPECT_NE(catalogs.find(f.catalog), nullptr) << f.code;
    }
  }
  EXPECT_EQ(catalogs.find("ethnicity")->items.size(), 54u);
  EXPECT_EQ(catalogs.label_of("ethnicity", "02"), "Tày");
  EXPECT_EQ(catalogs.find("ethnicity")->find("01")->group, "kinh");
  EXPECT_EQ(catalogs.find("ethnicity")->find("54")->group, "minority");
  EXPECT_EQ(catalogs.find("general_education")->find("12/12")->group, "upper_secondary");
  EXPECT_EQ(catalogs.find("general_education")->find("7/10")->group, "lower_secondary");
}

TEST(DossierTest, ValuesAreCheckedByTheirFieldsKind) {
  const Catalogs catalogs = Catalogs::defaults();
  const Date birth = D("1980-02-02"), today = D("2026-12-06");
  auto check = [&](const char* field, const char* value) {
    return check_dossier_value(*find_dossier_field(field), value, catalogs, birth, today,
                               "changes[0].value");
  };
  EXPECT_TRUE(check("ethnicity", "02").ok());
  EXPECT_TRUE(check("ethnicity", "").ok()) << "empty ends a field";
  auto unknown = check("ethnicity", "99");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().rule, "dossier.catalog");
  EXPECT_EQ(unknown.error().field, "changes[0].value");
  EXPECT_NE(unknown.error().message_vi.find("Dân tộc"), std::string::npos);

  EXPECT_TRUE(check("citizen_id", "001080012345").ok());
  auto short_id = check("citizen_id", "00108001234");
  ASSERT_FALSE(short_id.ok());
  EXPECT_EQ(short_id.error().rule, "dossier.citizen_id_digits");
  EXPECT_NE(short_id.error().message_vi.find("12 chữ số"), std::string::npos);
  EXPECT_FALSE(check("citizen_id", "00108001234a").ok());

  EXPECT_TRUE(check("youth_union_joined", "1996-03-26").ok());
  EXPECT_EQ(check("youth_union_joined", "1979-03-26").error().rule, "dossier.date_before_birth");
  EXPECT_EQ(check("youth_union_joined", "2027-03-26").error().rule, "dossier.date_future");
  EXPECT_FALSE(check("youth_union_joined", "26/03/1996").ok());

  EXPECT_TRUE(check("phone", "0912 345 678").ok());
  EXPECT_FALSE(check("phone", "0912-ABC").ok());
  EXPECT_FALSE(check("phone", "12345").ok());
  EXPECT_TRUE(check("exemption", "yes").ok());
  EXPECT_FALSE(check("exemption", "có").ok());
  EXPECT_FALSE(check("place_of_birth", std::string(501, 'a').c_str()).ok());
}

TEST(DossierTest, AValueReadsAsAPersonWritesIt) {
  const Catalogs catalogs = Catalogs::defaults();
  EXPECT_EQ(dossier_value_label(*find_dossier_field("religion"), "buddhism", catalogs),
            "Phật giáo");
  EXPECT_EQ(dossier_value_label(*find_dossier_field("enlisted"), "1998-02-15", catalogs),
            "15/02/1998");
  EXPECT_EQ(dossier_value_label(*find_dossier_field("exemption"), "yes", catalogs), "Có");
}

TEST(DossierTest, AnOfficeCorrectsACatalogInItsRulesFile) {
  auto rules = RuleSet::from_json(
      R"({"catalogs": {"occupation": [{"code": "farmer", "label": "Nông dân", "group": "farmer"},
                                      {"code": "fisher", "label": "Ngư dân"}]}})");
  ASSERT_TRUE(rules.ok()) << rules.error().detail_en;
  EXPECT_EQ(rules->catalogs.find("occupation")->items.size(), 2u);
  EXPECT_EQ(rules->catalogs.label_of("occupation", "fisher"), "Ngư dân");
  EXPECT_EQ(rules->catalogs.find("ethnicity")->items.size(), 54u) << "other lists stay";
  // The rule set prints its catalogs and reads them back.
  auto again = RuleSet::from_json(rules->to_json());
  ASSERT_TRUE(again.ok()) << again.error().detail_en;
  EXPECT_EQ(again->catalogs.label_of("occupation", "fisher"), "Ngư dân");

  for (const char* bad : {R"({"catalogs": {"sports": [{"code": "a", "label": "A"}]}})",
                          R"({"catalogs": {"religion": []}})",
                          R"({"catalogs": {"religion": [{"code": "", "label": "A"}]}})",
                          R"({"catalogs": {"religion": [{"code": "a", "label": "A"},
                                                        {"code": "a", "label": "B"}]}})",
                          R"({"catalogs": {"religion": [{"code": "a", "label": "A", "x": 1}]}})"}) {
    auto refused = RuleSet::from_json(bad);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().field, "rules.catalogs") << bad;
  }
}

}  // namespace
}  // namespace dangvu
