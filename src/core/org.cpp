#include "core/org.h"

namespace dangvu {

std::string_view to_string(OrgKind kind) {
  switch (kind) {
    case OrgKind::upper_committee: return "upper_committee";
    case OrgKind::cluster: return "cluster";
    case OrgKind::grassroots_committee: return "grassroots_committee";
    case OrgKind::grassroots_branch: return "grassroots_branch";
    case OrgKind::sub_branch: return "sub_branch";
  }
  return "unknown";
}

std::optional<OrgKind> parse_org_kind(std::string_view text) {
  for (OrgKind k : kAllOrgKinds) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

std::string_view label_vi(OrgKind kind) {
  switch (kind) {
    case OrgKind::upper_committee: return "Đảng ủy cấp trên";
    case OrgKind::cluster: return "Cụm";
    case OrgKind::grassroots_committee: return "Đảng bộ cơ sở";
    case OrgKind::grassroots_branch: return "Chi bộ cơ sở";
    case OrgKind::sub_branch: return "Chi bộ trực thuộc";
  }
  return "";
}

}  // namespace dangvu
