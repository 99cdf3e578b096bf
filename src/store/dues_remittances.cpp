// What orgs sent up the tree of the dues they collected (dues_remittance, schema v20): appended
// rows, a cancellation a row of its own. A part of DuesStore (dues_store.h).
#include "core/dues_ledger.h"
#include "store/dues_store.h"
#include "store/store_impl.h"

namespace dangvu::store {
namespace {

struct RemittanceRow {
  long long id = 0, org = 0, recipient = 0, amount = 0, cancels = 0;
  std::string first, last, sent_on, reference, note, at, by;
  soci::indicator recipient_ind = soci::i_null, cancels_ind = soci::i_null;

  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(org));
    st.exchange(soci::into(recipient, recipient_ind));
    st.exchange(soci::into(first));
    st.exchange(soci::into(last));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(sent_on));
    st.exchange(soci::into(reference));
    st.exchange(soci::into(cancels, cancels_ind));
    st.exchange(soci::into(note));
    st.exchange(soci::into(at));
    st.exchange(soci::into(by));
  }
  Result<DuesRemittance> remittance() const {
    DuesRemittance r;
    r.id = id;
    r.org = org;
    if (recipient_ind == soci::i_ok) r.recipient = recipient;
    auto f = parse_month(first, "first_month");
    if (!f.ok()) return f.error();
    r.first_month = *f;
    auto l = parse_month(last, "last_month");
    if (!l.ok()) return l.error();
    r.last_month = *l;
    r.amount = amount;
    auto d = Date::parse(sent_on, "sent_on");
    if (!d.ok()) return d.error();
    r.sent_on = *d;
    r.reference = reference;
    if (cancels_ind == soci::i_ok) r.cancels = cancels;
    r.note = note;
    r.recorded_at = at;
    r.recorded_by = by;
    return r;
  }
};

}  // namespace

Result<std::vector<DuesRemittance>> DuesStore::remittances(const OrgFilter& orgs, Date first,
                                                           Date last) {
  return guarded([&]() -> Result<std::vector<DuesRemittance>> {
    std::vector<DuesRemittance> out;
    const std::string from = month_iso(first), to = month_iso(last);
    RemittanceRow row;
    soci::statement st(store_.impl_->sql);
    row.into(st);
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
    st.alloc();
    st.prepare(
        "SELECT id, org_id, recipient_id, first_month, last_month, amount, sent_on, reference, "
        "cancels, note, recorded_at, recorded_by FROM dues_remittance WHERE last_month >= :f AND "
        "last_month <= :t" +
        and_org_in("org_id", orgs) + " ORDER BY id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      auto one = row.remittance();
      if (!one.ok()) return one.error();
      out.push_back(std::move(*one));
    }
    return out;
  });
}

Result<DuesRemittanceId> DuesStore::append_remittance(const DuesRemittance& r) {
  return guarded([&]() -> Result<DuesRemittanceId> {
    long long org = r.org, recipient = r.recipient.value_or(0), amount = r.amount,
              cancels = r.cancels.value_or(0);
    soci::indicator recipient_ind = r.recipient ? soci::i_ok : soci::i_null;
    soci::indicator cancels_ind = r.cancels ? soci::i_ok : soci::i_null;
    const std::string first = month_iso(r.first_month), last = month_iso(r.last_month),
                      sent_on = r.sent_on.iso();
    auto& sql = store_.impl_->sql;
    sql << "INSERT INTO dues_remittance (org_id, recipient_id, first_month, last_month, amount, "
           "sent_on, reference, cancels, note, recorded_at, recorded_by) VALUES (:o, :r, :f, :l, "
           ":a, :d, :ref, :x, :n, :at, :by)",
        soci::use(org), soci::use(recipient, recipient_ind), soci::use(first), soci::use(last),
        soci::use(amount), soci::use(sent_on), soci::use(r.reference),
        soci::use(cancels, cancels_ind), soci::use(r.note), soci::use(r.recorded_at),
        soci::use(r.recorded_by);
    return static_cast<DuesRemittanceId>(last_insert_id(sql));
  });
}

}  // namespace dangvu::store
