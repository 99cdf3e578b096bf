#pragma once
// What the year's report says of the year's results (figures/year_results.h): the members' and
// the orgs' quality rating by category, the emulation titles registered and recognized, and the
// Party badges awarded (figures/badge_counts.h). One sentence each, none when nothing was decided.
#include <optional>
#include <string>
#include <vector>

#include "figures/statistics.h"
#include "figures/year_results.h"

namespace dangvu::report {

// "Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2025: 120 đồng chí được xếp loại, trong
// đó hoàn thành xuất sắc nhiệm vụ 20 đồng chí (16,7%), …", then the orgs' and the titles'.
std::vector<std::string> year_results_sentences(const figures::YearResults& r);

// "Trao tặng Huy hiệu Đảng cho 27 đồng chí: 30 năm tuổi Đảng 10, …" from the badges table.
std::optional<std::string> badges_sentence(const figures::StatTable& badges);

}  // namespace dangvu::report
