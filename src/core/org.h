#pragma once
// Party organizations (Org) and the versions that make the dated tree.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace dangvu {

using OrgId = std::int64_t;

enum class OrgKind {
  upper_committee,  // Đảng ủy cấp trên: tỉnh ủy, đảng ủy khối, đảng ủy xã/phường …
  cluster,               // cụm thi đua
  grassroots_committee,  // đảng bộ cơ sở
  grassroots_branch,     // chi bộ cơ sở
  sub_branch,            // chi bộ trực thuộc
};

inline constexpr OrgKind kAllOrgKinds[] = {OrgKind::upper_committee, OrgKind::cluster,
                                           OrgKind::grassroots_committee,
                                           OrgKind::grassroots_branch, OrgKind::sub_branch};

std::string_view to_string(OrgKind kind);
std::optional<OrgKind> parse_org_kind(std::string_view text);
std::string_view label_vi(OrgKind kind);  // "Đảng bộ cơ sở", …

// One version of an org: its name, kind and parent over [valid_from, valid_to).
struct OrgVersion {
  OrgId org = 0;
  Date valid_from;
  Date valid_to = Date::max();  // exclusive; Date::max() while the version is current
  std::optional<OrgId> parent;  // none for the root
  std::string name;
  OrgKind kind = OrgKind::grassroots_branch;
  std::optional<OrgId> successor;  // set when the org ends by merge or split: where it went

  bool valid_at(Date d) const { return valid_from <= d && d < valid_to; }
};

// What an org operation changes in the dated tree: versions that end on `date` and versions that
// start on it. Computed by OrgHistory's planners, applied by the store and by OrgHistory::apply.
struct OrgChange {
  struct Close {
    OrgId org = 0;
    Date valid_from;  // identifies the version being closed
    std::optional<OrgId> successor;
  };
  // Members that must follow an org that ends (merge, split): service/ records a transfer event.
  struct MemberMove {
    OrgId from = 0;
    OrgId to = 0;
  };
  Date date;
  std::vector<Close> closes;
  std::vector<OrgVersion> opens;
  std::vector<MemberMove> member_moves;
};

}  // namespace dangvu
