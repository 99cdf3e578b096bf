#pragma once
// The proposal an org's committee sends up for an occasion of Party badges (tờ trình đề nghị tặng
// Huy hiệu Đảng): the letterhead, "Kính gửi" the standing committee above, the grounds, how many
// members for each badge (those due earlier and not yet awarded said apart), the request, the
// signature and recipients; the list of members as its annex (DANH SÁCH …), one line each.
// Rendered by the docx, xlsx and html writers; every row and count is the list of who is due
// (service::BadgesDueView).
#include <map>
#include <string>
#include <vector>

#include "core/issuer.h"
#include "report/document.h"

namespace dangvu::report {

struct BadgeDocRow {
  std::string name;
  Date birth;
  std::string org_name;  // the member's branch
  Date first_admission;
  int years = 0;
  Date due;
  bool gap = false, overdue = false;
  std::string ground;  // an award's early or posthumous ground, as a person reads it; or empty
};

struct BadgeDocInput {
  Issuer issuer;
  Date occasion;
  Date dated;  // the day the proposal is dated
  std::vector<BadgeDocRow> rows;
  std::map<int, int> by_years;
};

Document build_badge_proposal(const BadgeDocInput& in);

}  // namespace dangvu::report
