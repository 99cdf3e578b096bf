#pragma once
// What the member statistics' use case gives (Registry::member_statistics): each table's lines
// with this period's value, the same period's last year and the ratio, and the identities.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dangvu::service {

struct StatisticsLineView {
  std::string id, label;
  int level = 0;
  std::optional<double> value;      // this period (none: not computed)
  std::optional<double> last_year;  // the same period a year before (none: the org did not exist)
  std::optional<double> percent;    // value / last_year × 100 (none when last year was 0)
  bool decimal = false;             // a value with one decimal (the average age), not a count
  std::string shown, last_year_shown, percent_shown;  // "2.465", "38,5", "104,2%", "—"
};

struct StatisticsTableView {
  std::string id, title;
  std::vector<StatisticsLineView> lines;
};

struct StatisticsCheckView {
  std::string id;
  bool holds = true;
  std::string period;  // "this" or "last_year"
  std::string message;
};

struct StatisticsView {
  std::string org_code, org_name, period, period_label, from, to, as_of;
  std::string last_year_from, last_year_to;
  std::vector<StatisticsTableView> tables;
  std::vector<StatisticsCheckView> checks;
};

}  // namespace dangvu::service
