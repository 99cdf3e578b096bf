#include "core/issuer.h"

#include <tuple>
#include <utility>
#include <vector>

namespace dangvu {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The đảng bộ's name → its committee's name and symbol (docs/domain.md "Who issues and signs").
struct NameRule {
  std::string_view body, committee, symbol;
};
constexpr NameRule kNameRules[] = {
    {"Đảng bộ tỉnh ", "Tỉnh ủy ", "TU"},
    {"Đảng bộ thành phố ", "Thành ủy ", "TU"},
    {"Đảng bộ huyện ", "Huyện ủy ", "HU"},
    {"Đảng bộ quận ", "Quận ủy ", "QU"},
    {"Đảng bộ thị xã ", "Thị ủy ", "TU"},
    {"Đảng bộ Khối ", "Đảng ủy Khối ", "ĐUK"},
    {"Đảng bộ khối ", "Đảng ủy khối ", "ĐUK"},
    {"Đảng bộ ", "Đảng ủy ", "ĐU"},
    // Orgs recorded by their committee's name already.
    {"Tỉnh ủy ", "Tỉnh ủy ", "TU"},
    {"Thành ủy ", "Thành ủy ", "TU"},
    {"Đảng ủy Khối ", "Đảng ủy Khối ", "ĐUK"},
    {"Đảng ủy khối ", "Đảng ủy khối ", "ĐUK"},
    {"Đảng ủy ", "Đảng ủy ", "ĐU"},
};

const NameRule* rule_for(std::string_view name) {
  for (const auto& r : kNameRules) {
    if (starts_with(name, r.body)) return &r;
  }
  return nullptr;
}

bool is_branch(OrgKind kind) {
  return kind == OrgKind::grassroots_branch || kind == OrgKind::sub_branch;
}

// "Đảng bộ tỉnh An Bình" → "An Bình": the place a province's or city's documents are dated.
std::string place_from_name(std::string_view name) {
  for (std::string_view prefix : {"Đảng bộ tỉnh ", "Đảng bộ thành phố "}) {
    if (starts_with(name, prefix)) return std::string(name.substr(prefix.size()));
  }
  return {};
}

}  // namespace

std::string_view to_string(OfficePosition p) {
  return p == OfficePosition::secretary ? "secretary" : "deputy_secretary";
}

std::optional<OfficePosition> parse_office_position(std::string_view text) {
  if (text == "secretary") return OfficePosition::secretary;
  if (text == "deputy_secretary") return OfficePosition::deputy_secretary;
  return std::nullopt;
}

std::string_view label_vi(OfficePosition p) {
  return p == OfficePosition::secretary ? "Bí thư" : "Phó Bí thư";
}

std::string default_committee_name(std::string_view org_name, OrgKind kind) {
  if (!is_branch(kind) && kind != OrgKind::cluster) {
    if (const auto* r = rule_for(org_name)) {
      return std::string(r->committee) + std::string(org_name.substr(r->body.size()));
    }
  }
  return std::string(org_name);
}

std::string default_symbol(std::string_view org_name, OrgKind kind) {
  if (is_branch(kind)) return "CB";
  if (kind == OrgKind::cluster) return "ĐU";
  if (const auto* r = rule_for(org_name)) return std::string(r->symbol);
  return "ĐU";
}

std::string default_signing_authority(OrgKind kind) {
  switch (kind) {
    case OrgKind::upper_committee: return "T/M BAN THƯỜNG VỤ";
    case OrgKind::grassroots_committee: return "T/M ĐẢNG ỦY";
    case OrgKind::grassroots_branch:
    case OrgKind::sub_branch: return "T/M CHI BỘ";
    case OrgKind::cluster: break;
  }
  return "T/M ĐƠN VỊ CỤM TRƯỞNG";
}

std::string archive_line(const Issuer& issuer) {
  if (issuer.branch) return "Lưu hồ sơ chi bộ.";
  for (std::string_view top : {"Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy"}) {
    if (starts_with(issuer.committee, top)) return "Lưu Văn phòng " + std::string(top) + ".";
  }
  return "Lưu Văn phòng Đảng ủy.";
}

std::optional<OrgId> party_superior(const OrgTree& tree, OrgId org) {
  const auto* node = tree.find(org);
  while (node != nullptr && node->parent) {
    node = tree.find(*node->parent);
    if (node != nullptr && node->kind != OrgKind::cluster) return node->id;
  }
  return std::nullopt;
}

Issuer issuer_of(const OrgTree& tree, OrgId org, const IssuerRecords& records) {
  const auto* node = tree.find(org);
  Issuer out;
  out.org = org;
  if (node == nullptr) return out;
  auto committee_of = [&](const OrgTree::Node& n) {
    auto p = records.profile ? records.profile(n.id) : std::nullopt;
    std::string committee = p && !p->committee_name.empty()
                                ? p->committee_name
                                : default_committee_name(n.name, n.kind);
    std::string authority = p && !p->signing_authority.empty() ? p->signing_authority
                                                               : default_signing_authority(n.kind);
    std::string symbol = p && !p->symbol.empty() ? p->symbol : default_symbol(n.name, n.kind);
    return std::tuple{std::move(committee), std::move(authority), std::move(symbol)};
  };
  auto [committee, authority, symbol] = committee_of(*node);
  out.committee = std::move(committee);
  out.authority = std::move(authority);
  out.symbol = std::move(symbol);
  out.branch = is_branch(node->kind);
  if (auto up = party_superior(tree, org)) {
    const auto* s = tree.find(*up);
    out.superior = s->name;
    auto [sc, sa, ss] = committee_of(*s);
    // Reports go to the standing committee where the body above signs as one.
    out.superior_recipient = sa == "T/M BAN THƯỜNG VỤ" ? "Ban Thường vụ " + sc : sc;
  }
  // The place: recorded on the org or the nearest org above it, else read from the name of the
  // province or city at the top.
  for (const auto* n = node; n != nullptr; n = n->parent ? tree.find(*n->parent) : nullptr) {
    auto p = records.profile ? records.profile(n->id) : std::nullopt;
    if (p && !p->place.empty()) {
      out.place = p->place;
      break;
    }
    if (!n->parent) out.place = place_from_name(n->name);
  }
  // The signer: the secretary; while the post is vacant, a deputy secretary.
  auto holder = [&](OfficePosition position) {
    auto h = records.holder ? records.holder(org, position) : std::nullopt;
    return h ? h->name : std::string();
  };
  out.secretary = holder(OfficePosition::secretary);
  out.deputy = holder(OfficePosition::deputy_secretary);
  if (!out.secretary.empty()) {
    out.signer_title = "BÍ THƯ";
    out.signer_name = out.secretary;
  } else if (!out.deputy.empty()) {
    out.signer_title = "PHÓ BÍ THƯ";
    out.signer_name = out.deputy;
  }
  if (out.signer_title.empty()) out.signer_title = "BÍ THƯ";
  return out;
}

}  // namespace dangvu
