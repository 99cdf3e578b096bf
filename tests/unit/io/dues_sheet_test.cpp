// A file of dues payments as the portal or an office writes it (io/dues_sheet.h): the header
// found by its spellings below a title, months and amounts as offices type them, a card number
// or citizen ID whose leading zeros Excel dropped, and each wrong cell named by its row and field.
#include "io/dues_sheet.h"

#include <gtest/gtest.h>

namespace dangvu::io {
namespace {

Date d(const char* iso) { return Date::parse(iso).value(); }

TEST(DuesSheet, MonthsAndAmountsAsOfficesTypeThem) {
  EXPECT_EQ(parse_month_text("02/2026"), d("2026-02-01"));
  EXPECT_EQ(parse_month_text("2/2026"), d("2026-02-01"));
  EXPECT_EQ(parse_month_text("2026-02"), d("2026-02-01"));
  EXPECT_EQ(parse_month_text("Tháng 2/2026"), d("2026-02-01"));
  EXPECT_EQ(parse_month_text("T02/2026"), d("2026-02-01"));
  EXPECT_FALSE(parse_month_text("13/2026"));
  EXPECT_FALSE(parse_month_text("05/02/2026"));
  EXPECT_FALSE(parse_month_text("tháng hai"));
  EXPECT_EQ(parse_money_text("100.000"), 100'000);
  EXPECT_EQ(parse_money_text("100,000"), 100'000);
  EXPECT_EQ(parse_money_text("1.200.000 đ"), 1'200'000);
  EXPECT_EQ(parse_money_text("5000đ"), 5'000);
  EXPECT_EQ(parse_money_text("5000 VND"), 5'000);
  EXPECT_FALSE(parse_money_text("100.000,50"));
  EXPECT_FALSE(parse_money_text("-100000"));
  EXPECT_FALSE(parse_money_text("một trăm nghìn"));
  EXPECT_FALSE(parse_money_text("100000 USD"));
}

TEST(DuesSheet, TheHeaderBelowATitleAndEachWrongCellNamed) {
  const std::string csv =
      "DANH SÁCH ĐẢNG VIÊN NỘP ĐẢNG PHÍ QUA CỔNG DỊCH VỤ CÔNG\n"
      "\n"
      "STT,Số CCCD,Họ tên,Kỳ đóng,Số tiền nộp,Ngày giao dịch,Mã giao dịch\n"
      "1,001085012345,Nguyễn Văn An,02/2026,100.000,05/02/2026,G1\n"
      "2,001085012346,Trần Thị Bình,tháng hai,40000,06/02/2026,G2\n"
      "3,001085012347,Lê Chi,02/2026,,31/02/2026,G3\n";
  auto sheet = read_dues_sheet(csv, SheetOptions{});
  ASSERT_TRUE(sheet.ok()) << sheet.error().message_vi;
  EXPECT_EQ(sheet->header_row, 3);
  ASSERT_EQ(sheet->rows.size(), 3u);
  const auto& first = sheet->rows[0];
  EXPECT_EQ(first.citizen_id, "001085012345");
  EXPECT_EQ(first.month, d("2026-02-01"));
  EXPECT_EQ(first.amount, 100'000);
  EXPECT_EQ(first.paid_on, d("2026-02-05"));
  EXPECT_EQ(first.reference, "G1");
  EXPECT_FALSE(first.has_errors);
  EXPECT_TRUE(sheet->rows[1].has_errors);
  EXPECT_TRUE(sheet->rows[2].has_errors);
  ASSERT_EQ(sheet->problems.size(), 3u);
  EXPECT_EQ(sheet->problems[0].row, 5);
  EXPECT_EQ(sheet->problems[0].field, "month");
  EXPECT_EQ(sheet->problems[0].column, "D");
  EXPECT_NE(sheet->problems[0].message_vi.find("«Tháng»"), std::string::npos);
  bool amount = false, day = false;
  for (const auto& p : sheet->problems) {
    amount = amount || (p.row == 6 && p.field == "amount");
    day = day || (p.row == 6 && p.field == "paid_on");
  }
  EXPECT_TRUE(amount);
  EXPECT_TRUE(day);
  EXPECT_EQ(read_dues_sheet("Họ và tên,Số tiền\nAn,1\n", SheetOptions{}).error().field, "header");
}

}  // namespace
}  // namespace dangvu::io
