// Reporting periods and Party document numbers: every form parses to the right days, the labels
// read as Vietnamese reports print them, and malformed input is refused naming the field.
#include "core/period.h"

#include <gtest/gtest.h>

#include "core/party_document.h"

namespace dangvu {
namespace {

Period P(const char* code) {
  auto p = Period::parse(code);
  EXPECT_TRUE(p.ok()) << code;
  return p.ok() ? *p : Period{};
}

TEST(Period, EachKindCoversItsDaysInclusively) {
  EXPECT_EQ(P("2026-03").first.iso(), "2026-03-01");
  EXPECT_EQ(P("2026-03").last.iso(), "2026-03-31");
  EXPECT_EQ(P("2024-02").last.iso(), "2024-02-29");
  EXPECT_EQ(P("2026-Q1").first.iso(), "2026-01-01");
  EXPECT_EQ(P("2026-Q1").last.iso(), "2026-03-31");
  EXPECT_EQ(P("2026-Q4").first.iso(), "2026-10-01");
  EXPECT_EQ(P("2026-Q4").last.iso(), "2026-12-31");
  EXPECT_EQ(P("2026-H1").last.iso(), "2026-06-30");
  EXPECT_EQ(P("2026-H2").first.iso(), "2026-07-01");
  EXPECT_EQ(P("2026").first.iso(), "2026-01-01");
  EXPECT_EQ(P("2026").last.iso(), "2026-12-31");
  EXPECT_EQ(P("2020-2025").first.iso(), "2020-07-01");
  EXPECT_EQ(P("2020-2025").last.iso(), "2025-06-30");
  EXPECT_EQ(P("2026-q2").code, "2026-Q2");
  EXPECT_TRUE(P("2026-H1").contains(*Date::parse("2026-06-30")));
  EXPECT_FALSE(P("2026-H1").contains(*Date::parse("2026-07-01")));
}

TEST(Period, LabelsReadAsReportsPrintThem) {
  EXPECT_EQ(P("2026-03").label_vi(), "tháng 3 năm 2026");
  EXPECT_EQ(P("2023-Q1").label_vi(), "quý I năm 2023");
  EXPECT_EQ(P("2023-Q4").label_vi(), "quý IV năm 2023");
  EXPECT_EQ(P("2026-H1").label_vi(), "6 tháng đầu năm 2026");
  EXPECT_EQ(P("2026-H2").label_vi(), "6 tháng cuối năm 2026");
  EXPECT_EQ(P("2026").label_vi(), "năm 2026");
  EXPECT_EQ(P("2020-2025").label_vi(), "nhiệm kỳ 2020 – 2025");
}

TEST(Period, TheNextPeriodIsOfTheSameKind) {
  EXPECT_EQ(P("2026-12").next().code, "2027-01");
  EXPECT_EQ(P("2023-Q1").next().code, "2023-Q2");
  EXPECT_EQ(P("2023-Q4").next().code, "2024-Q1");
  EXPECT_EQ(P("2026-H1").next().code, "2026-H2");
  EXPECT_EQ(P("2026-H2").next().code, "2027-H1");
  EXPECT_EQ(P("2026").next().code, "2027");
  EXPECT_EQ(P("2020-2025").next().code, "2025-2030");
  EXPECT_EQ(P("2020-2025").next().first, P("2020-2025").last.add_days(1));
  EXPECT_EQ(P("2026-H1").year_first().iso(), "2026-01-01");
}

TEST(Period, MalformedCodesAreRefusedNamingTheField) {
  for (const char* bad : {"", "26", "2026-", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3",
                          "2026-H", "2025-2020", "2020-2040", "2026/06", "abcd", "2026-Q1x"}) {
    auto p = Period::parse(bad, "period");
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.error().field, "period");
    EXPECT_NE(p.error().message_vi.find("2026-Q1"), std::string::npos)
        << "the message shows a form";
  }
}

TEST(DocumentNumber, ReadsNumberTypeAndIssuer) {
  auto d = parse_document_number("15-NQ/TU");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->number, 15);
  EXPECT_EQ(d->type, "NQ");
  EXPECT_EQ(d->issuer, "TU");
  EXPECT_EQ(d->text, "15-NQ/TU");
  for (const char* good : {"01-KL/TW", "294-QĐ/TW", "05-CTr/ĐUK", "12-BC/ĐU", "3-HD/BTCTW",
                           "7-TB/UBKTTU", "40-CV/VPTU"}) {
    EXPECT_TRUE(parse_document_number(good).ok()) << good;
  }
  EXPECT_EQ(document_type_label_vi("NQ"), "nghị quyết");
  EXPECT_EQ(document_type_label_vi("XX"), "");
}

TEST(DocumentNumber, SaysWhichPartIsWrong) {
  auto why = [](const char* text) {
    auto d = parse_document_number(text, "number");
    EXPECT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.ok() ? "" : d.error().field, "number");
    return d.ok() ? std::string() : d.error().message_vi;
  };
  EXPECT_NE(why("15NQ/TU").find("thiếu dấu"), std::string::npos);
  EXPECT_NE(why("15/NQ-TU").find("thiếu dấu"), std::string::npos);
  EXPECT_NE(why("-NQ/TU").find("phần số"), std::string::npos);
  EXPECT_NE(why("12345-NQ/TU").find("phần số"), std::string::npos);
  EXPECT_NE(why("0-NQ/TU").find("lớn hơn 0"), std::string::npos);
  EXPECT_NE(why("1a-NQ/TU").find("chữ số"), std::string::npos);
  EXPECT_NE(why("15-XY/TU").find("loại văn bản «XY»"), std::string::npos);
  EXPECT_NE(why("15-NQ/tu").find("cơ quan ban hành"), std::string::npos);
  EXPECT_NE(why("15-NQ/").find("cơ quan ban hành"), std::string::npos);
  EXPECT_NE(why("15-NQ/ABCDEFGHIJKLM").find("cơ quan ban hành"), std::string::npos);
}

}  // namespace
}  // namespace dangvu
