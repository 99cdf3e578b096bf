// Date: strict ISO parsing with the field named in refusals, display forms, calendar arithmetic
// (month clamping, working days), weekdays and whole years; the fixed clock and error kinds.
#include "core/date.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"

namespace dangvu {
namespace {

Date D(std::string_view iso) {
  auto r = Date::parse(iso);
  EXPECT_TRUE(r.ok()) << "test date " << iso << " does not parse";
  return r.ok() ? *r : Date{};
}

TEST(DateTest, ParsesValidIso) {
  auto r = Date::parse("2025-07-01");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->year(), 2025);
  EXPECT_EQ(r->month(), 7);
  EXPECT_EQ(r->day(), 1);
  EXPECT_EQ(r->days(), 20270);  // days since 1970-01-01
  EXPECT_EQ(r->iso(), "2025-07-01");
  EXPECT_EQ(r->vi(), "01/07/2025");
}

TEST(DateTest, ParsesEpochAndLeapDay) {
  EXPECT_EQ(D("1970-01-01").days(), 0);
  auto leap = Date::parse("2024-02-29");
  ASSERT_TRUE(leap.ok());
  EXPECT_EQ(leap->iso(), "2024-02-29");
  EXPECT_EQ(leap->vi(), "29/02/2024");
}

TEST(DateTest, IsoAndViPadWithZeros) {
  Date d = D("2009-03-05");
  EXPECT_EQ(d.iso(), "2009-03-05");
  EXPECT_EQ(d.vi(), "05/03/2009");
  EXPECT_EQ(D("2025-12-31").vi(), "31/12/2025");
}

TEST(DateTest, RefusesInvalidTextNamingTheField) {
  for (const char* bad :
       {"2025-02-30", "2025-13-01", "25-01-01", "", "2023-02-29", "2025-00-10", "2025-01-00",
        "2025-1-01", "2025/01/01", "2025-01-01 ", "abcd-ef-gh", "1899-12-31"}) {
    SCOPED_TRACE(bad);
    auto r = Date::parse(bad, "birth_date");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(r.error().field, "birth_date");
    EXPECT_EQ(r.error().rule, "");
    EXPECT_FALSE(r.error().message_vi.empty());
    EXPECT_NE(r.error().message_vi.find("birth_date"), std::string::npos);
    EXPECT_NE(r.error().detail_en.find("birth_date"), std::string::npos);
  }
}

TEST(DateTest, RefusalQuotesTheTextTyped) {
  auto r = Date::parse("2025-02-30", "date");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message_vi.find("2025-02-30"), std::string::npos);
}

TEST(DateTest, DefaultFieldIsDate) {
  auto r = Date::parse("2025-13-01");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "date");
}

TEST(DateTest, FromYmdChecksTheCalendar) {
  auto ok = Date::from_ymd(2024, 2, 29);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->iso(), "2024-02-29");
  auto bad = Date::from_ymd(2025, 2, 29, "valid_from");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "valid_from");
  EXPECT_FALSE(Date::from_ymd(2025, 4, 31).ok());
  EXPECT_FALSE(Date::from_ymd(1899, 1, 1).ok());
  EXPECT_FALSE(Date::from_ymd(2025, 0, 1).ok());
}

TEST(DateTest, MaxIsTheLastDay) {
  EXPECT_EQ(Date::max().iso(), "9999-12-31");
  EXPECT_LT(D("2100-01-01"), Date::max());
}

TEST(DateTest, Ordering) {
  EXPECT_LT(D("2025-06-30"), D("2025-07-01"));
  EXPECT_EQ(D("2025-07-01"), D("2025-07-01"));
  EXPECT_GT(D("2026-01-01"), D("2025-12-31"));
}

TEST(DateTest, AddMonthsClampsToTheLastDay) {
  EXPECT_EQ(D("2024-01-31").add_months(1), D("2024-02-29"));
  EXPECT_EQ(D("2025-01-31").add_months(1), D("2025-02-28"));
  EXPECT_EQ(D("2025-03-31").add_months(1), D("2025-04-30"));
  EXPECT_EQ(D("2025-01-15").add_months(1), D("2025-02-15"));
  EXPECT_EQ(D("2024-12-15").add_months(1), D("2025-01-15"));
  EXPECT_EQ(D("2025-01-31").add_months(13), D("2026-02-28"));
  EXPECT_EQ(D("2025-03-31").add_months(-1), D("2025-02-28"));
  EXPECT_EQ(D("2025-01-10").add_months(-2), D("2024-11-10"));
  EXPECT_EQ(D("2025-07-01").add_months(0), D("2025-07-01"));
}

TEST(DateTest, AddYearsFromLeapDay) {
  EXPECT_EQ(D("2024-02-29").add_years(1), D("2025-02-28"));
  EXPECT_EQ(D("2024-02-29").add_years(4), D("2028-02-29"));
  EXPECT_EQ(D("1990-03-01").add_years(30), D("2020-03-01"));
}

TEST(DateTest, AddDays) {
  EXPECT_EQ(D("2024-02-28").add_days(1), D("2024-02-29"));
  EXPECT_EQ(D("2025-02-28").add_days(1), D("2025-03-01"));
  EXPECT_EQ(D("2025-01-01").add_days(-1), D("2024-12-31"));
}

TEST(DateTest, AddWorkingDaysSkipsTheWeekend) {
  // 2025-07-04 is a Friday.
  EXPECT_EQ(D("2025-07-04").add_working_days(1), D("2025-07-07"));  // Monday
  EXPECT_EQ(D("2025-07-04").add_working_days(5), D("2025-07-11"));  // next Friday
  EXPECT_EQ(D("2025-07-03").add_working_days(2), D("2025-07-07"));  // Thu + 2 = Mon
  EXPECT_EQ(D("2025-07-05").add_working_days(1), D("2025-07-07"));  // Saturday + 1 = Monday
  EXPECT_EQ(D("2025-07-06").add_working_days(1), D("2025-07-07"));  // Sunday + 1 = Monday
  EXPECT_EQ(D("2025-07-07").add_working_days(4), D("2025-07-11"));  // Mon + 4 = Fri
  EXPECT_EQ(D("2025-07-04").add_working_days(0), D("2025-07-04"));
  // 30 working days from a Friday is six weeks later.
  EXPECT_EQ(D("2025-01-10").add_working_days(30), D("2025-02-21"));
}

TEST(DateTest, Weekday) {
  EXPECT_EQ(D("1970-01-01").weekday(), 3);  // Thursday
  EXPECT_EQ(D("2025-06-02").weekday(), 0);  // Monday
  EXPECT_EQ(D("2025-07-04").weekday(), 4);  // Friday
  EXPECT_EQ(D("2025-07-05").weekday(), 5);  // Saturday
  EXPECT_EQ(D("2025-07-06").weekday(), 6);  // Sunday
  EXPECT_EQ(D("2024-02-29").weekday(), 3);  // Thursday
  EXPECT_EQ(D("1969-12-31").weekday(), 2);  // before the epoch: Wednesday
  EXPECT_EQ(D("1945-09-02").weekday(), 6);  // Sunday
}

TEST(DateTest, YearStart) {
  EXPECT_EQ(D("2025-07-01").year_start(), D("2025-01-01"));
  EXPECT_EQ(D("2025-01-01").year_start(), D("2025-01-01"));
}

TEST(DateTest, WholeYearsBetweenAroundTheBirthday) {
  Date birth = D("2000-06-15");
  EXPECT_EQ(whole_years_between(birth, D("2018-06-14")), 17);  // the day before
  EXPECT_EQ(whole_years_between(birth, D("2018-06-15")), 18);  // the birthday
  EXPECT_EQ(whole_years_between(birth, D("2018-06-16")), 18);  // the day after
  EXPECT_EQ(whole_years_between(birth, D("2000-06-15")), 0);
  EXPECT_EQ(whole_years_between(birth, D("2001-06-14")), 0);
  EXPECT_EQ(whole_years_between(birth, D("2001-06-15")), 1);
}

TEST(DateTest, WholeYearsBetweenIsZeroBackwards) {
  EXPECT_EQ(whole_years_between(D("2025-01-01"), D("2020-01-01")), 0);
}

TEST(FixedClockTest, SaysTheSameDay) {
  FixedClock clock(D("2025-07-01"));
  EXPECT_EQ(clock.today(), D("2025-07-01"));
  EXPECT_EQ(clock.now_iso(), "2025-07-01T12:00:00Z");
  EXPECT_EQ(clock.now_unix(), 20270LL * 86400 + 43200);
  clock.advance_seconds(90);
  EXPECT_EQ(clock.now_unix(), 20270LL * 86400 + 43200 + 90);
  EXPECT_EQ(clock.today(), D("2025-07-01"));
}

TEST(SystemClockTest, DangvuTodayFixesTheDay) {
  const char* old = std::getenv("DANGVU_TODAY");
  const std::string saved = old ? old : "";
  ::setenv("DANGVU_TODAY", "2025-07-01", 1);
  SystemClock clock;
  EXPECT_EQ(clock.today(), D("2025-07-01"));
  EXPECT_EQ(clock.now_iso(), "2025-07-01T12:00:00Z");
  // An invalid value is ignored: the real date, which is later than 2025-07-01.
  ::setenv("DANGVU_TODAY", "2025-02-30", 1);
  EXPECT_GT(clock.today(), D("2025-07-01"));
  EXPECT_EQ(clock.now_iso().size(), 20u);
  if (old) {
    ::setenv("DANGVU_TODAY", saved.c_str(), 1);
  } else {
    ::unsetenv("DANGVU_TODAY");
  }
}

TEST(ErrorTest, KindsHaveStableNamesAndExitCodes) {
  EXPECT_EQ(to_string(ErrorKind::invalid_input), "invalid_input");
  EXPECT_EQ(to_string(ErrorKind::rule_refused), "rule_refused");
  EXPECT_EQ(to_string(ErrorKind::not_found), "not_found");
  EXPECT_EQ(to_string(ErrorKind::too_large), "too_large");
  EXPECT_EQ(exit_code(ErrorKind::invalid_input), 2);
  EXPECT_EQ(exit_code(ErrorKind::rule_refused), 3);
  EXPECT_EQ(exit_code(ErrorKind::not_found), 4);
  EXPECT_EQ(exit_code(ErrorKind::too_large), 10);
}

TEST(ErrorTest, RefusedCarriesFieldAndRule) {
  Error e = Error::refused("date", "org.history_order", "thông báo", "detail");
  EXPECT_EQ(e.kind, ErrorKind::rule_refused);
  EXPECT_EQ(e.field, "date");
  EXPECT_EQ(e.rule, "org.history_order");
  EXPECT_EQ(e.message_vi, "thông báo");
  EXPECT_EQ(e.detail_en, "detail");
  Error i = Error::invalid("kind", "m", "d");
  EXPECT_EQ(i.kind, ErrorKind::invalid_input);
  EXPECT_EQ(i.rule, "");
}

}  // namespace
}  // namespace dangvu
