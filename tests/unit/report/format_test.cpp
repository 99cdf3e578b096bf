#include "report/format.h"

#include <gtest/gtest.h>

#include "report/document.h"

namespace dangvu::report {
namespace {

TEST(Format, IntegersGroupThousandsWithDots) {
  EXPECT_EQ(format_integer(0), "0");
  EXPECT_EQ(format_integer(999), "999");
  EXPECT_EQ(format_integer(2465), "2.465");
  EXPECT_EQ(format_integer(5606), "5.606");
  EXPECT_EQ(format_integer(5600000), "5.600.000");
  EXPECT_EQ(format_integer(-1234), "-1.234");
}

TEST(Format, PercentagesUseADecimalComma) {
  // Seed 002 printed 75,5% for 62/80: the computed figure is 77,5%.
  EXPECT_EQ(format_percent(62.0 * 100 / 80), "77,5%");
  EXPECT_EQ(format_percent(142.0 * 100 / 547), "26,0%");
  EXPECT_EQ(format_percent(100), "100,0%");
  EXPECT_EQ(format_percent(0.04), "0,0%");
  EXPECT_EQ(format_percent(1234.56), "1.234,6%");
}

TEST(Format, RoundsHalfAwayFromZeroOnTheDecimalValue) {
  EXPECT_EQ(format_decimal(25.95, 1), "26,0");
  EXPECT_EQ(format_decimal(0.05, 1), "0,1");
  EXPECT_EQ(format_decimal(2.25, 1), "2,3");
  EXPECT_EQ(format_decimal(-2.25, 1), "-2,3");
  EXPECT_EQ(format_decimal(-0.01, 1), "0,0");
  EXPECT_EQ(format_decimal(3, 0), "3");
}

TEST(Format, CellsShowTextOrTheirNumber) {
  EXPECT_EQ(Cell::of_text("Chi bộ 1").display(), "Chi bộ 1");
  EXPECT_EQ(Cell::of_integer(2465).display(), "2.465");
  EXPECT_EQ(Cell::of_percent(77.5).display(), "77,5%");
  EXPECT_EQ(Cell::of_percent(std::nullopt).display(), "—");
}

}  // namespace
}  // namespace dangvu::report
