// Who issues and signs an org's documents: the office records its committee's name, symbol,
// signing formula and place, and who holds the secretary's posts, each from a date on; the
// documents ask issuer_on() for the date they are dated.
#include <nlohmann/json.hpp>

#include "core/period.h"
#include "service/registry.h"
#include "service/validate.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

Result<std::string> optional_field(const std::string& text, const char* field, std::size_t max) {
  if (text.empty()) return std::string();
  return text::clean_field(text, field, max);
}

// A symbol of document numbers: letters only (Vietnamese capitals included), at most 12 bytes of
// them, as "TU", "ĐUK", "CB".
bool symbol_ok(const std::string& s) {
  if (s.empty() || s.size() > 24) return false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && !(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

template <typename Row, typename Key>
const Row* latest_on(const std::vector<Row>& rows, OrgId org, Date at, Key&& match) {
  const Row* best = nullptr;
  for (const auto& r : rows) {  // ordered by org, date, recording: the last that fits holds
    if (r.org == org && match(r) && r.date() <= at) best = &r;
  }
  return best;
}

}  // namespace

Status Registry::set_issuer_profile(const IssuerProfileInput& in) {
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  auto committee = optional_field(in.committee_name, "committee_name", 200);
  if (!committee.ok()) return committee.error();
  auto authority = optional_field(in.signing_authority, "signing_authority", 80);
  if (!authority.ok()) return authority.error();
  auto place = optional_field(in.place, "place", 80);
  if (!place.ok()) return place.error();
  auto symbol = optional_field(in.symbol, "symbol", 24);
  if (!symbol.ok()) return symbol.error();
  if (!symbol->empty() && !symbol_ok(*symbol)) {
    return Error::invalid("symbol",
                          "Trường «symbol» (ký hiệu cơ quan ban hành): chỉ gồm chữ in hoa, không "
                          "dấu cách, như TU, ĐUK, ĐU, CB.",
                          "symbol must be capital letters only");
  }
  if (!authority->empty() && authority->rfind("T/M ", 0) != 0) {
    return Error::invalid("signing_authority",
                          "Trường «signing_authority» (thể thức ký): phải bắt đầu bằng «T/M », "
                          "như «T/M BAN THƯỜNG VỤ», «T/M ĐẢNG ỦY», «T/M CHI BỘ».",
                          "signing authority must start with 'T/M '");
  }
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), "ghi thông tin tổ chức",
                                "change org records"));
  return store_.write_transaction([&]() -> Status {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    DANGVU_TRY(require_in_scope(*history, *org, "org", in.org_code));
    const OrgTree tree = history->tree_as_of(*date);
    if (tree.find(*org) == nullptr) {
      return Error::refused("date", "issuer.org_exists",
                            "Trường «date»: ngày " + date->vi() + " tổ chức «" + in.org_code +
                                "» chưa thành lập hoặc đã kết thúc.",
                            "org does not exist on the date");
    }
    if (tree.find(*org)->kind == OrgKind::cluster) {
      return Error::refused("org", "cluster.not_party_body",
                            "Trường «org»: cụm thi đua không phải tổ chức đảng, không ban hành văn "
                            "bản; văn bản của cụm do cấp ủy đơn vị cụm trưởng ban hành.",
                            "a cluster issues no documents");
    }
    DANGVU_TRY(store_.insert_issuer_profile(*org, {*date, *committee, *symbol, *authority, *place},
                                            actor_, clock_.now_iso()));
    json detail = {{"date", date->iso()},
                   {"committee_name", *committee},
                   {"symbol", *symbol},
                   {"signing_authority", *authority},
                   {"place", *place}};
    return audit("org.issuer", in.org_code, detail.dump(), *org);
  });
}

Status Registry::record_office_holder(const OfficeHolderInput& in) {
  auto date = parse_date(in.date, "date");
  if (!date.ok()) return date.error();
  auto position = parse_office_position(in.position);
  if (!position) {
    return Error::invalid("position",
                          "Trường «position» (chức vụ): giá trị «" + in.position +
                              "» không hợp lệ; chọn secretary (Bí thư) hoặc deputy_secretary "
                              "(Phó Bí thư).",
                          "unknown position");
  }
  if (!in.member_code.empty() && !in.name.empty()) {
    return Error::invalid("name",
                          "Trường «name»: chọn một đảng viên trong danh sách hoặc gõ họ tên, "
                          "không cả hai.",
                          "member_code and name are exclusive");
  }
  auto typed = optional_field(in.name, "name", 120);
  if (!typed.ok()) return typed.error();
  DANGVU_TRY(require_permission(auth::can_change_orgs(caller_.role), "ghi thông tin tổ chức",
                                "change org records"));
  return store_.write_transaction([&]() -> Status {
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    DANGVU_TRY(require_in_scope(*history, *org, "org", in.org_code));
    const OrgTree tree = history->tree_as_of(*date);
    const auto* node = tree.find(*org);
    if (node == nullptr) {
      return Error::refused("date", "office.org_exists",
                            "Trường «date»: ngày " + date->vi() + " tổ chức «" + in.org_code +
                                "» chưa thành lập hoặc đã kết thúc.",
                            "org does not exist on the date");
    }
    if (node->kind == OrgKind::cluster) {
      return Error::refused("org", "cluster.not_party_body",
                            "Trường «org»: cụm thi đua không phải tổ chức đảng, không có cấp ủy.",
                            "a cluster has no committee");
    }
    OfficeHolder h{*position, *date, *typed, {}};
    std::optional<MemberId> member_id;
    if (!in.member_code.empty()) {
      // A member of the registry: official, and in the org's subtree on the date.
      DANGVU_TRY(check_code(in.member_code, "member_code"));
      auto unknown = Error::not_found(
          "member_code", "Trường «member_code»: không có đảng viên mã «" + in.member_code + "».",
          "unknown member");
      auto member = store_.find_member(in.member_code);
      if (!member.ok()) return member.error();
      if (!*member) return unknown;
      auto events = store_.member_events((*member)->id);
      if (!events.ok()) return events.error();
      auto folded = fold((*member)->person, *events, *history);
      if (!folded.ok()) return folded.error();
      if (!member_in_scope_at(*folded, *history, *date)) return unknown;
      const auto state = folded->state_at(*date);
      if (state.status != MemberStatus::official || !state.org ||
          !tree.contains_in_subtree(*org, *state.org)) {
        return Error::refused("member_code", "office.member_of_org",
                              "Trường «member_code»: ngày " + date->vi() + " đồng chí " +
                                  (*member)->person.full_name() +
                                  " không phải đảng viên chính thức của " + node->name + ".",
                              "holder is not a full member of the org on the date");
      }
      h.name = (*member)->person.full_name();
      h.member_code = in.member_code;
      member_id = (*member)->id;
    }
    DANGVU_TRY(store_.insert_office_holder(*org, h, member_id, actor_, clock_.now_iso()));
    json detail = {{"date", date->iso()},
                   {"position", std::string(to_string(*position))},
                   {"name", h.name},
                   {"member", in.member_code}};
    return audit("org.office_holder", in.org_code, detail.dump(), *org);
  });
}

Result<Issuer> Registry::issuer_on(const OrgTree& tree, OrgId org, Date at) {
  const auto* node = tree.find(org);
  if (node == nullptr) {
    return Error::not_found("org", "Tổ chức không tồn tại vào ngày " + at.vi() + ".",
                            "org does not exist on the date");
  }
  OrgId issuing = org;
  std::string for_cluster;
  if (node->kind == OrgKind::cluster) {
    // The leading organization chosen at the cluster's briefings for the period holding `at`,
    // else the latest chosen before it; without one, the committee above the cluster.
    for_cluster = node->name;
    auto rotations = store_.cluster_rotations(org);
    if (!rotations.ok()) return rotations.error();
    const store::DecisionRecord* best = nullptr;
    bool best_covers = false;
    for (const auto& r : *rotations) {
      if (!r.leading || r.held_on > at || tree.find(*r.leading) == nullptr) continue;
      auto p = Period::parse(r.for_period);
      const bool covers = p.ok() && p->first <= at && at <= p->last;
      if (covers < best_covers) continue;
      if (best == nullptr || covers > best_covers || r.held_on >= best->held_on) {
        best = &r;
        best_covers = covers;
      }
    }
    std::optional<OrgId> leading;
    if (best != nullptr) leading = best->leading;
    if (!leading) leading = party_superior(tree, org);
    if (leading) issuing = *leading;
  }
  std::vector<OrgId> chain;
  for (const auto* n = tree.find(issuing); n != nullptr;
       n = n->parent ? tree.find(*n->parent) : nullptr) {
    chain.push_back(n->id);
  }
  auto profiles = store_.issuer_profiles(chain);
  if (!profiles.ok()) return profiles.error();
  auto holders = store_.office_holders(chain);
  if (!holders.ok()) return holders.error();
  struct P {
    OrgId org;
    const IssuerProfile* p;
    Date date() const { return p->valid_from; }
  };
  struct H {
    OrgId org;
    const OfficeHolder* h;
    Date date() const { return h->valid_from; }
  };
  std::vector<P> ps;
  for (const auto& r : *profiles) ps.push_back({r.org, &r.profile});
  std::vector<H> hs;
  for (const auto& r : *holders) hs.push_back({r.org, &r.holder});
  IssuerRecords records;
  records.profile = [&](OrgId o) -> std::optional<IssuerProfile> {
    const P* p = latest_on(ps, o, at, [](const P&) { return true; });
    if (p == nullptr) return std::nullopt;
    return *p->p;
  };
  records.holder = [&](OrgId o, OfficePosition pos) -> std::optional<OfficeHolder> {
    const H* h = latest_on(hs, o, at, [&](const H& x) { return x.h->position == pos; });
    if (h == nullptr) return std::nullopt;
    return *h->h;
  };
  Issuer out = issuer_of(tree, issuing, records);
  out.for_cluster = for_cluster;
  return out;
}

Result<IssuerView> Registry::issuer(const std::string& org_code, const std::string& at_text) {
  auto at = date_or_today(at_text, "at");
  if (!at.ok()) return at.error();
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  const OrgTree tree = (*history)->tree_as_of(*at);
  auto org = readable_root(org_code, tree, *at);
  if (!org.ok()) return org.error();
  auto i = issuer_on(tree, *org, *at);
  if (!i.ok()) return i.error();
  return IssuerView{(*history)->code(*org),
                    (*history)->code(i->org),
                    i->superior,
                    i->superior_recipient,
                    i->committee,
                    i->symbol,
                    i->authority,
                    i->place,
                    i->signer_title,
                    i->signer_name};
}

}  // namespace dangvu::service
