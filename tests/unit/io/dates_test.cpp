// Dates as offices type them; ambiguous ones reported, impossible ones refused.
#include "io/dates.h"

#include <gtest/gtest.h>

namespace dangvu::io {
namespace {

Cell text(const std::string& s) { return Cell{CellKind::text, s, 0}; }
Cell serial(double n) { return Cell{CellKind::date, "", n}; }

std::string iso(const ParsedDate& p) { return p.date ? p.date->iso() : "error: " + p.error_vi; }

TEST(Dates, EveryWrittenForm) {
  auto o = DateOrder::day_first;
  EXPECT_EQ(iso(parse_date_cell(text("05/03/1980"), o, false, 2026)), "1980-03-05");
  EXPECT_EQ(iso(parse_date_cell(text("5/3/1980"), o, false, 2026)), "1980-03-05");
  EXPECT_EQ(iso(parse_date_cell(text("05-03-1980"), o, false, 2026)), "1980-03-05");
  EXPECT_EQ(iso(parse_date_cell(text("05.03.1980"), o, false, 2026)), "1980-03-05");
  EXPECT_EQ(iso(parse_date_cell(text("1980-03-05"), o, false, 2026)), "1980-03-05");
  EXPECT_EQ(iso(parse_date_cell(text("ngày 5 tháng 3 năm 1980"), o, false, 2026)), "1980-03-05");
  auto yy = parse_date_cell(text("5/3/80"), o, false, 2026);
  EXPECT_EQ(iso(yy), "1980-03-05");
  EXPECT_FALSE(yy.warning_vi.empty());
  EXPECT_EQ(iso(parse_date_cell(text("5/3/05"), o, false, 2026)), "2005-03-05");
}

TEST(Dates, ExcelSerialsWithThe1900Bug) {
  EXPECT_EQ(iso(date_from_serial(1, false)), "1900-01-01");
  EXPECT_EQ(iso(date_from_serial(59, false)), "1900-02-28");
  EXPECT_FALSE(date_from_serial(60, false).date);  // 29/02/1900 never existed
  EXPECT_EQ(iso(date_from_serial(61, false)), "1900-03-01");
  EXPECT_EQ(iso(date_from_serial(29285, false)), "1980-03-05");
  EXPECT_EQ(iso(date_from_serial(29285.75, false)), "1980-03-05");  // a time of day is dropped
  EXPECT_EQ(iso(date_from_serial(27823, true)), "1980-03-05");      // 1904 system
  EXPECT_FALSE(date_from_serial(0, false).date);
  EXPECT_FALSE(date_from_serial(-5, false).date);
  EXPECT_FALSE(date_from_serial(1e12, false).date);
  EXPECT_EQ(excel_serial(Date::parse("1980-03-05").value()), 29285);
  EXPECT_EQ(iso(parse_date_cell(serial(29285), DateOrder::unsettled, false, 2026)), "1980-03-05");
}

TEST(Dates, AmbiguousOrderIsReportedNotSilentlyGuessed) {
  EXPECT_EQ(settle_order({"03/04/1980", "25/12/1990"}), DateOrder::day_first);
  EXPECT_EQ(settle_order({"03/04/1980", "12/25/1990"}), DateOrder::month_first);
  EXPECT_EQ(settle_order({"03/04/1980", "04/03/1980"}), DateOrder::unsettled);
  EXPECT_EQ(settle_order({"25/12/1990", "12/25/1990"}), DateOrder::conflicting);

  auto unsettled = parse_date_cell(text("03/04/05"), DateOrder::unsettled, false, 2026);
  EXPECT_EQ(iso(unsettled), "2005-04-03");
  EXPECT_NE(unsettled.warning_vi.find("03/04"), std::string::npos);
  EXPECT_NE(unsettled.warning_vi.find("04/03"), std::string::npos);
  auto settled = parse_date_cell(text("03/04/1980"), DateOrder::month_first, false, 2026);
  EXPECT_EQ(iso(settled), "1980-03-04");
  EXPECT_TRUE(settled.warning_vi.empty());
  auto conflicting = parse_date_cell(text("03/04/1980"), DateOrder::conflicting, false, 2026);
  EXPECT_FALSE(conflicting.date);
  // The same day and month is not ambiguous.
  EXPECT_TRUE(
      parse_date_cell(text("04/04/1980"), DateOrder::unsettled, false, 2026).warning_vi.empty());
}

TEST(Dates, ImpossibleDatesAndTextsAreRefused) {
  auto o = DateOrder::day_first;
  EXPECT_FALSE(parse_date_cell(text("31/02/1980"), o, false, 2026).date);
  EXPECT_FALSE(parse_date_cell(text("1980"), o, false, 2026).date);
  EXPECT_FALSE(parse_date_cell(text("không rõ"), o, false, 2026).date);
  EXPECT_FALSE(parse_date_cell(text("05/03/1780"), o, false, 2026).date);
  EXPECT_FALSE(parse_date_cell(text("05/03/19800"), o, false, 2026).date);
}

}  // namespace
}  // namespace dangvu::io
