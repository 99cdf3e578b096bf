#pragma once
// Who issues an org's documents, how they are numbered and who signs (Hướng dẫn 36-HD/VPTW): the
// committee (cấp ủy) issues, not the đảng bộ — "TỈNH ỦY AN BÌNH", "Số …-BC/TU" — under the line of
// the Party body above it; a cluster (cụm thi đua) is no Party body: it is never the body above,
// and its documents are issued by its leading organization's committee (the service finds it).
// The defaults come from the org's kind and name; what an office records (IssuerProfile) wins.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/org.h"
#include "core/org_tree.h"

namespace dangvu {

// What an office recorded for its org, from a date on (appended; the latest on a date holds).
// An empty field takes the default.
struct IssuerProfile {
  Date valid_from;
  std::string committee_name;     // "Tỉnh ủy An Bình"
  std::string symbol;             // "TU"
  std::string signing_authority;  // "T/M BAN THƯỜNG VỤ"
  std::string place;              // "An Bình": where its documents are dated
};

enum class OfficePosition { secretary, deputy_secretary };
std::string_view to_string(OfficePosition p);
std::optional<OfficePosition> parse_office_position(std::string_view text);
std::string_view label_vi(OfficePosition p);  // "Bí thư", "Phó Bí thư"

// Who holds a position of an org's committee from a date on (appended; the latest on a date
// holds; an empty name: the position is vacant from then).
struct OfficeHolder {
  OfficePosition position = OfficePosition::secretary;
  Date valid_from;
  std::string name;
  std::string member_code;  // empty: a name typed without a registry record
};

// What the derivation asks of the records, for the date the document is dated.
struct IssuerRecords {
  std::function<std::optional<IssuerProfile>(OrgId)> profile;
  std::function<std::optional<OfficeHolder>(OrgId, OfficePosition)> holder;
};

struct Issuer {
  OrgId org = 0;                   // whose committee issues
  std::string superior;            // "Đảng bộ tỉnh An Bình"; empty at the top of the tree
  std::string superior_recipient;  // "Ban Thường vụ Tỉnh ủy An Bình"; empty at the top
  std::string committee;           // "Tỉnh ủy An Bình"
  std::string symbol;              // "TU"
  std::string authority;           // "T/M BAN THƯỜNG VỤ"
  std::string place;               // "An Bình"; empty when nothing says where
  std::string signer_title;        // "BÍ THƯ", "PHÓ BÍ THƯ"
  std::string signer_name;         // empty when no holder is recorded: left blank to sign
  std::string secretary, deputy;   // who holds the posts on the date (empty: not recorded)
  bool branch = false;             // a branch issues (its archive is not an office's)
  std::string for_cluster;         // set when it issues as a cluster's leading organization
};

std::string default_committee_name(std::string_view org_name, OrgKind kind);
std::string default_symbol(std::string_view org_name, OrgKind kind);
std::string default_signing_authority(OrgKind kind);

// The issuer of `org` in `tree` (the tree on the document's date). `org` must not be a cluster:
// the service hands the cluster's leading organization instead.
Issuer issuer_of(const OrgTree& tree, OrgId org, const IssuerRecords& records);

// The last line of "Nơi nhận": "Lưu Văn phòng Tỉnh ủy.", "Lưu Văn phòng Đảng ủy.", or for a
// branch, which has no office, "Lưu hồ sơ chi bộ.".
std::string archive_line(const Issuer& issuer);

// The Party body above `org` on the tree's date: the nearest ancestor that is not a cluster.
std::optional<OrgId> party_superior(const OrgTree& tree, OrgId org);

}  // namespace dangvu
