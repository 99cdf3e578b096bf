// The member statistics over HTTP against the real server: the tables with this year and last,
// the identities holding on the seeded registry, the document as a file, and scope.
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace dangvu::testing {
namespace {

using nlohmann::json;

json line(const Reply& r, const std::string& table, const std::string& id) {
  for (const auto& t : r.body["tables"]) {
    if (t["id"] != table) continue;
    for (const auto& l : t["lines"]) {
      if (l["id"] == id) return l;
    }
  }
  ADD_FAILURE() << "no line " << table << "/" << id << " in " << r.raw;
  return json::object();
}

TEST(StatisticsApi, AnOfficeReadsItsTablesAndTheirDocument) {
  ApiServer server;
  Browser office(server.port());
  ASSERT_EQ(office.login("office").status, 200);
  Reply stats = office.get("/api/v1/orgs/DBA/statistics?period=2026");
  ASSERT_EQ(stats.status, 200) << stats.raw;
  EXPECT_EQ(stats.body["period_label"], "năm 2026");
  // A1 and A2 hold one member each (MA1, MA2).
  EXPECT_EQ(line(stats, "increase_decrease", "d")["value"], 2);
  EXPECT_EQ(line(stats, "all_members", "total")["value"], 2);
  EXPECT_EQ(line(stats, "all_members", "total")["shown"], "2");
  for (const auto& c : stats.body["checks"]) {
    EXPECT_TRUE(c["holds"].get<bool>()) << c["message"];
  }
  Reply xlsx = office.get("/api/v1/orgs/DBA/statistics/document?period=2026&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(xlsx.header("Content-Disposition").find("thong-ke-dang-vien-DBA-2026.xlsx"),
            std::string::npos);
  Reply html = office.get("/api/v1/orgs/DBA/statistics/document?period=2026");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.raw.find("BIỂU THỐNG KÊ"), std::string::npos);
  EXPECT_NE(html.raw.find("NGƯỜI LẬP BIỂU"), std::string::npos);

  // Aggregates only: a viewer reads them; another committee's office does not.
  Browser viewer(server.port());
  ASSERT_EQ(viewer.login("viewer").status, 200);
  EXPECT_EQ(viewer.get("/api/v1/orgs/DBA/statistics?period=2026").status, 200);
  Reply outside = office.get("/api/v1/orgs/DBB/statistics?period=2026");
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(outside.raw.find("B1"), std::string::npos);
  Reply bad = office.get("/api/v1/orgs/DBA/statistics?period=2026-Q5");
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "period");
  EXPECT_EQ(office.get("/api/v1/orgs/DBA/statistics/document?period=2026&format=pdf").status, 400);
}

}  // namespace
}  // namespace dangvu::testing
