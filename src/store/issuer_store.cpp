// Who issues and signs an org's documents: issuer profiles and office holders, appended.
#include "store/store_impl.h"

namespace dangvu::store {
Status Store::insert_issuer_profile(OrgId org, const IssuerProfile& p, const std::string& actor,
                                    const std::string& at) {
  return guarded([&]() -> Status {
    long long o = org;
    std::string from = p.valid_from.iso();
    impl_->sql << "INSERT INTO issuer_profile (org_id, valid_from, committee_name, symbol, "
                  "signing_authority, place, recorded_at, recorded_by) VALUES (:o, :f, :c, :s, "
                  ":a, :p, :at, :by)",
        soci::use(o), soci::use(from), soci::use(p.committee_name), soci::use(p.symbol),
        soci::use(p.signing_authority), soci::use(p.place), soci::use(at), soci::use(actor);
    return {};
  });
}

Status Store::insert_office_holder(OrgId org, const OfficeHolder& h, std::optional<MemberId> member,
                                   const std::string& actor, const std::string& at) {
  return guarded([&]() -> Status {
    long long o = org, m = member.value_or(0);
    soci::indicator mi = member ? soci::i_ok : soci::i_null;
    std::string from = h.valid_from.iso(), position(to_string(h.position));
    impl_->sql << "INSERT INTO office_holder (org_id, position, valid_from, name, member_id, "
                  "recorded_at, recorded_by) VALUES (:o, :p, :f, :n, :m, :at, :by)",
        soci::use(o), soci::use(position), soci::use(from), soci::use(h.name), soci::use(m, mi),
        soci::use(at), soci::use(actor);
    return {};
  });
}

Result<std::vector<Store::IssuerProfileRow>> Store::issuer_profiles(
    const std::vector<OrgId>& orgs) {
  return guarded([&]() -> Result<std::vector<IssuerProfileRow>> {
    std::vector<IssuerProfileRow> out;
    long long org = 0;
    std::string from, committee, symbol, authority, place;
    soci::statement st =
        (impl_->sql.prepare << "SELECT org_id, valid_from, committee_name, symbol, "
                               "signing_authority, place FROM issuer_profile WHERE org_id IN " +
                                   id_list(orgs) + " ORDER BY org_id, valid_from, id",
         soci::into(org), soci::into(from), soci::into(committee), soci::into(symbol),
         soci::into(authority), soci::into(place));
    st.execute();
    while (st.fetch()) {
      out.push_back({org, {Date::parse(from).value(), committee, symbol, authority, place}});
    }
    return out;
  });
}

Result<std::vector<Store::OfficeHolderRow>> Store::office_holders(const std::vector<OrgId>& orgs) {
  return guarded([&]() -> Result<std::vector<OfficeHolderRow>> {
    std::vector<OfficeHolderRow> out;
    long long org = 0;
    std::string position, from, name, code;
    soci::indicator ci = soci::i_ok;
    soci::statement st =
        (impl_->sql.prepare << "SELECT h.org_id, h.position, h.valid_from, h.name, m.code FROM "
                               "office_holder h LEFT JOIN member m ON m.id = h.member_id WHERE "
                               "h.org_id IN " +
                                   id_list(orgs) + " ORDER BY h.org_id, h.valid_from, h.id",
         soci::into(org), soci::into(position), soci::into(from), soci::into(name),
         soci::into(code, ci));
    st.execute();
    while (st.fetch()) {
      auto p = parse_office_position(position);
      if (!p) continue;
      out.push_back({org, {*p, Date::parse(from).value(), name, ci == soci::i_ok ? code : ""}});
    }
    return out;
  });
}

}  // namespace dangvu::store
