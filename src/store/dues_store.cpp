#include "store/dues_store.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/dues_digest.h"
#include "store/rows_insert.h"
#include "store/store_impl.h"

namespace dangvu::store {
namespace {

// The columns read back, in the order of the SELECTs below.
struct RecordRow {
  long long member = 0, id = 0, base = 0, replaces = 0;
  int percent = 0, voids = 0;
  std::string kind, from, to, category, ground, decision_no, decided_by, note, at, by;
  soci::indicator to_ind = soci::i_null, base_ind = soci::i_null, replaces_ind = soci::i_null;

  void into(soci::statement& st) {
    st.exchange(soci::into(member));
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(from));
    st.exchange(soci::into(to, to_ind));
    st.exchange(soci::into(category));
    st.exchange(soci::into(base, base_ind));
    st.exchange(soci::into(ground));
    st.exchange(soci::into(percent));
    st.exchange(soci::into(decision_no));
    st.exchange(soci::into(decided_by));
    st.exchange(soci::into(replaces, replaces_ind));
    st.exchange(soci::into(voids));
    st.exchange(soci::into(note));
    st.exchange(soci::into(at));
    st.exchange(soci::into(by));
  }
  Result<DuesRecord> record() const {
    DuesRecord r;
    r.id = id;
    auto k = parse_dues_record_kind(kind);
    if (!k) return Error::io("Dữ liệu đảng phí không đọc được.", "dues_record kind " + kind);
    r.kind = *k;
    auto f = parse_month(from, "from_month");
    if (!f.ok()) return f.error();
    r.from = *f;
    if (to_ind == soci::i_ok) {
      auto t = parse_month(to, "to_month");
      if (!t.ok()) return t.error();
      r.to = *t;
    }
    r.category = category;
    if (base_ind == soci::i_ok) r.base = base;
    r.ground = ground;
    r.percent = percent;
    r.decision_no = decision_no;
    r.decided_by = decided_by;
    if (replaces_ind == soci::i_ok) r.replaces = replaces;
    r.voids = voids != 0;
    r.note = note;
    r.recorded_at = at;
    r.recorded_by = by;
    return r;
  }
};

constexpr const char* kRecordColumns =
    "SELECT member_id, id, kind, from_month, to_month, category, base, ground, percent, "
    "decision_no, decided_by, replaces, voids, note, recorded_at, recorded_by FROM dues_record ";

struct PaymentRow {
  long long member = 0, id = 0, amount = 0, org = 0, cancels = 0;
  std::string month, paid_on, channel, reference, note, at, by;
  soci::indicator cancels_ind = soci::i_null;

  void into(soci::statement& st) {
    st.exchange(soci::into(member));
    st.exchange(soci::into(id));
    st.exchange(soci::into(month));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(paid_on));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(org));
    st.exchange(soci::into(reference));
    st.exchange(soci::into(cancels, cancels_ind));
    st.exchange(soci::into(note));
    st.exchange(soci::into(at));
    st.exchange(soci::into(by));
  }
  Result<DuesPayment> payment() const {
    DuesPayment p;
    p.id = id;
    auto m = parse_month(month, "month");
    if (!m.ok()) return m.error();
    p.month = *m;
    p.amount = amount;
    auto d = Date::parse(paid_on, "paid_on");
    if (!d.ok()) return d.error();
    p.paid_on = *d;
    auto c = parse_dues_channel(channel);
    if (!c) return Error::io("Dữ liệu đảng phí không đọc được.", "dues_payment channel " + channel);
    p.channel = *c;
    p.org = org;
    p.reference = reference;
    if (cancels_ind == soci::i_ok) p.cancels = cancels;
    p.note = note;
    p.recorded_at = at;
    p.recorded_by = by;
    return p;
  }
};

constexpr const char* kPaymentColumns =
    "SELECT member_id, id, month, amount, paid_on, channel, org_id, reference, cancels, note, "
    "recorded_at, recorded_by FROM dues_payment ";

// " AND month IN ('2026-01', …)" for a list of months (nothing for none). The months are
// formatted by us, never typed text.
std::string and_month_in(const std::vector<Date>& months) {
  if (months.empty()) return "";
  std::string out = " AND month IN (";
  for (std::size_t i = 0; i < months.size(); ++i) {
    out += (i ? ",'" : "'") + month_iso(months[i]) + "'";
  }
  return out + ")";
}

template <typename Row, typename Out, typename Make>
Status read_rows(soci::session& sql, const std::string& query, Out& out, Make make) {
  Row row;
  soci::statement st(sql);
  row.into(st);
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    auto one = make(row);
    if (!one.ok()) return one.error();
    out.emplace_back(row.member, std::move(*one));
  }
  return {};
}

// One row of each table for a bulk load (RowsInsert).
struct RecordInsertRow {
  long long member = 0, base = 0;
  int percent = 0;
  std::string kind, from, to, category, ground, decision_no, decided_by, note, at, by;
  soci::indicator to_ind = soci::i_null, base_ind = soci::i_null;
  static std::string placeholders(std::size_t i) {
    std::string out = "(";
    for (const char* name : {"m", "k", "f", "t", "c", "b", "g", "p", "dn", "db", "n", "a", "by"}) {
      out += (out.size() > 1 ? ", :" : ":") + std::string(name) + std::to_string(i);
    }
    return out + ", NULL, 0)";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(kind));
    st.exchange(soci::use(from));
    st.exchange(soci::use(to, to_ind));
    st.exchange(soci::use(category));
    st.exchange(soci::use(base, base_ind));
    st.exchange(soci::use(ground));
    st.exchange(soci::use(percent));
    st.exchange(soci::use(decision_no));
    st.exchange(soci::use(decided_by));
    st.exchange(soci::use(note));
    st.exchange(soci::use(at));
    st.exchange(soci::use(by));
  }
};

struct PaymentInsertRow {
  long long member = 0, amount = 0, org = 0;
  std::string month, paid_on, channel, reference, note, at, by;
  static std::string placeholders(std::size_t i) {
    std::string out = "(";
    for (const char* name : {"m", "mo", "am", "d", "c", "o", "r", "n", "a", "b"}) {
      out += (out.size() > 1 ? ", :" : ":") + std::string(name) + std::to_string(i);
    }
    return out + ", NULL)";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(month));
    st.exchange(soci::use(amount));
    st.exchange(soci::use(paid_on));
    st.exchange(soci::use(channel));
    st.exchange(soci::use(org));
    st.exchange(soci::use(reference));
    st.exchange(soci::use(note));
    st.exchange(soci::use(at));
    st.exchange(soci::use(by));
  }
};

struct DigestRow {
  long long member = 0;
  int year = 0;
  std::string digest;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", :y" + n + ", :d" + n + ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(year));
    st.exchange(soci::use(digest));
  }
};

constexpr const char* kDigestInsert = "INSERT INTO dues_digest (member_id, year, digest) VALUES ";

// The rows of one member's digest (year 0: the records in force).
void add_digest_rows(std::vector<DigestRow>& rows, long long member, const DuesDigest& d) {
  if (!d.records.empty()) rows.push_back({member, 0, d.records});
  for (const auto& [year, text] : d.years) rows.push_back({member, year, text});
}

// Members whose digests are derived at a time: an IN list short enough for every planner.
constexpr std::size_t kDigestBatch = 500;

// Derives again the digests of `members` from their rows now (inside a write transaction).
Status derive_digests(soci::session& sql, const std::vector<long long>& members) {
  RowsInsert<DigestRow> insert(sql, kDigestInsert);
  for (std::size_t at = 0; at < members.size(); at += kDigestBatch) {
    const std::vector<long long> batch(
        members.begin() + static_cast<std::ptrdiff_t>(at),
        members.begin() + static_cast<std::ptrdiff_t>(std::min(members.size(), at + kDigestBatch)));
    const std::string in = id_list(batch);
    std::vector<std::pair<MemberId, DuesRecord>> records;
    std::vector<std::pair<MemberId, DuesPayment>> payments;
    DANGVU_TRY(read_rows<RecordRow>(
        sql, std::string(kRecordColumns) + "WHERE member_id IN " + in + " ORDER BY id", records,
        [](const RecordRow& r) { return r.record(); }));
    DANGVU_TRY(read_rows<PaymentRow>(
        sql, std::string(kPaymentColumns) + "WHERE member_id IN " + in + " ORDER BY id", payments,
        [](const PaymentRow& r) { return r.payment(); }));
    std::map<long long, std::pair<std::vector<DuesRecord>, std::vector<DuesPayment>>> by;
    for (auto& [m, r] : records) by[m].first.push_back(std::move(r));
    for (auto& [m, p] : payments) by[m].second.push_back(std::move(p));
    sql << "DELETE FROM dues_digest WHERE member_id IN " + in;
    std::vector<DigestRow> rows;
    for (auto& [m, rp] : by) {
      add_digest_rows(rows, m, encode_dues_digest(DuesLedger(rp.first, rp.second)));
    }
    insert.insert_all(rows, [](DigestRow& row, const DigestRow& r) { row = r; });
  }
  return {};
}

// Derives again the digest rows of `years` of `members` from their payments in those years
// (inside a write transaction): what a payment or its cancellation changes, since both are in
// the year of their month and the records' row does not hold payments.
Status derive_payment_years(soci::session& sql, const std::vector<long long>& members,
                            const std::set<int>& years) {
  if (years.empty()) return {};
  std::string year_list, month_ranges;
  for (int y : years) {
    const std::string ys = std::to_string(y);
    year_list += (year_list.empty() ? "" : ",") + ys;
    month_ranges += std::string(month_ranges.empty() ? "" : " OR ") + "(month >= '" + ys +
                    "-01' AND month <= '" + ys + "-12')";
  }
  RowsInsert<DigestRow> insert(sql, kDigestInsert);
  for (std::size_t at = 0; at < members.size(); at += kDigestBatch) {
    const std::vector<long long> batch(
        members.begin() + static_cast<std::ptrdiff_t>(at),
        members.begin() + static_cast<std::ptrdiff_t>(std::min(members.size(), at + kDigestBatch)));
    const std::string in = id_list(batch);
    std::vector<std::pair<MemberId, DuesPayment>> payments;
    DANGVU_TRY(read_rows<PaymentRow>(sql,
                                     std::string(kPaymentColumns) + "WHERE member_id IN " + in +
                                         " AND (" + month_ranges + ") ORDER BY id",
                                     payments, [](const PaymentRow& r) { return r.payment(); }));
    std::map<long long, std::vector<DuesPayment>> by;
    for (auto& [m, p] : payments) by[m].push_back(std::move(p));
    sql << "DELETE FROM dues_digest WHERE member_id IN " + in + " AND year IN (" + year_list + ")";
    std::vector<DigestRow> rows;
    for (auto& [m, paid] : by) {
      const DuesDigest d = encode_dues_digest(DuesLedger({}, std::move(paid)));
      for (const auto& [year, text] : d.years) {
        if (years.count(year) > 0) rows.push_back({m, year, text});
      }
    }
    insert.insert_all(rows, [](DigestRow& row, const DigestRow& r) { row = r; });
  }
  return {};
}

}  // namespace

void write_all_dues_digests(Store::Impl& impl) {
  std::vector<long long> members;
  long long id = 0;
  soci::statement st = (impl.sql.prepare << "SELECT member_id FROM dues_record UNION SELECT "
                                            "member_id FROM dues_payment ORDER BY 1",
                        soci::into(id));
  st.execute();
  while (st.fetch()) members.push_back(id);
  auto done = derive_digests(impl.sql, members);
  if (!done.ok()) throw std::runtime_error(done.error().detail_en);
}

struct DuesStore::Bulk {
  explicit Bulk(soci::session& sql)
      : records(sql,
                "INSERT INTO dues_record (member_id, kind, from_month, to_month, category, base, "
                "ground, percent, decision_no, decided_by, note, recorded_at, recorded_by, "
                "replaces, voids) VALUES "),
        payments(sql,
                 "INSERT INTO dues_payment (member_id, month, amount, paid_on, channel, org_id, "
                 "reference, note, recorded_at, recorded_by, cancels) VALUES "),
        digests(sql, kDigestInsert) {}
  RowsInsert<RecordInsertRow> records;
  RowsInsert<PaymentInsertRow> payments;
  RowsInsert<DigestRow> digests;
};

DuesStore::DuesStore(Store& store) : store_(store) {}
DuesStore::~DuesStore() = default;

Status DuesStore::insert_loaded(MemberId member, const std::vector<DuesRecord>& records,
                                const std::vector<DuesPayment>& payments) {
  return guarded([&]() -> Status {
    if (!bulk_) bulk_ = std::make_unique<Bulk>(store_.impl_->sql);
    const long long m = member;
    bulk_->records.insert_all(records, [&](RecordInsertRow& row, const DuesRecord& r) {
      row.member = m;
      row.kind = std::string(to_string(r.kind));
      row.from = month_iso(r.from);
      row.to = r.to ? month_iso(*r.to) : std::string();
      row.to_ind = r.to ? soci::i_ok : soci::i_null;
      row.category = r.category;
      row.base = r.base.value_or(0);
      row.base_ind = r.base ? soci::i_ok : soci::i_null;
      row.ground = r.ground;
      row.percent = r.percent;
      row.decision_no = r.decision_no;
      row.decided_by = r.decided_by;
      row.note = r.note;
      row.at = r.recorded_at;
      row.by = r.recorded_by;
    });
    bulk_->payments.insert_all(payments, [&](PaymentInsertRow& row, const DuesPayment& p) {
      row = {m,
             p.amount,
             p.org,
             month_iso(p.month),
             p.paid_on.iso(),
             std::string(to_string(p.channel)),
             p.reference,
             p.note,
             p.recorded_at,
             p.recorded_by};
    });
    // The member's first dues rows: numbered in their order, none replaced or cancelled.
    std::vector<DuesRecord> numbered = records;
    std::vector<DuesPayment> paid = payments;
    for (std::size_t i = 0; i < numbered.size(); ++i)
      numbered[i].id = static_cast<DuesRecordId>(i + 1);
    for (std::size_t i = 0; i < paid.size(); ++i) paid[i].id = static_cast<DuesPaymentId>(i + 1);
    std::vector<DigestRow> rows;
    add_digest_rows(rows, m, encode_dues_digest(DuesLedger(numbered, paid)));
    bulk_->digests.insert_all(rows, [](DigestRow& row, const DigestRow& r) { row = r; });
    return {};
  });
}

Result<std::vector<std::pair<MemberId, DuesRecord>>> DuesStore::records_of(
    const std::vector<MemberId>& members) {
  return guarded([&]() -> Result<std::vector<std::pair<MemberId, DuesRecord>>> {
    std::vector<std::pair<MemberId, DuesRecord>> out;
    DANGVU_TRY(read_rows<RecordRow>(
        store_.impl_->sql,
        std::string(kRecordColumns) + "WHERE member_id IN " + id_list(members) + " ORDER BY id",
        out, [](const RecordRow& r) { return r.record(); }));
    return out;
  });
}

Result<std::vector<std::pair<MemberId, DuesPayment>>> DuesStore::payments_of(
    const std::vector<MemberId>& members, const std::vector<Date>& months) {
  return guarded([&]() -> Result<std::vector<std::pair<MemberId, DuesPayment>>> {
    std::vector<std::pair<MemberId, DuesPayment>> out;
    DANGVU_TRY(read_rows<PaymentRow>(store_.impl_->sql,
                                     std::string(kPaymentColumns) + "WHERE member_id IN " +
                                         id_list(members) + and_month_in(months) + " ORDER BY id",
                                     out, [](const PaymentRow& r) { return r.payment(); }));
    return out;
  });
}

Result<std::vector<MemberId>> DuesStore::members_in(OrgId org, Date from, Date to) {
  return guarded([&]() -> Result<std::vector<MemberId>> {
    long long o = org, id = 0;
    const std::string a = from.iso(), b = to.iso();
    soci::statement st =
        (store_.impl_->sql.prepare
             << "SELECT DISTINCT member_id FROM member_period WHERE org_id = :o AND valid_to > :a "
                "AND valid_from < :b AND status IN ('probationary', 'official') ORDER BY 1",
         soci::into(id), soci::use(o), soci::use(a), soci::use(b));
    st.execute();
    std::vector<MemberId> out;
    while (st.fetch()) out.push_back(id);
    return out;
  });
}

Result<std::vector<DuesRecord>> DuesStore::records(MemberId member) {
  auto rows = records_of({member});
  if (!rows.ok()) return rows.error();
  std::vector<DuesRecord> out;
  for (auto& [m, r] : *rows) out.push_back(std::move(r));
  return out;
}

Result<std::vector<DuesPayment>> DuesStore::payments(MemberId member) {
  auto rows = payments_of({member});
  if (!rows.ok()) return rows.error();
  std::vector<DuesPayment> out;
  for (auto& [m, p] : *rows) out.push_back(std::move(p));
  return out;
}

Result<std::optional<std::pair<MemberId, DuesPaymentId>>> DuesStore::payment_by_reference(
    const std::string& reference) {
  return guarded([&]() -> Result<std::optional<std::pair<MemberId, DuesPaymentId>>> {
    long long member = 0, id = 0;
    soci::indicator ind = soci::i_null;
    store_.impl_->sql
        << "SELECT p.member_id, p.id FROM dues_payment p WHERE p.reference = :r AND p.cancels IS "
           "NULL AND NOT EXISTS (SELECT 1 FROM dues_payment c WHERE c.cancels = p.id) ORDER BY "
           "p.id LIMIT 1",
        soci::use(reference), soci::into(member, ind), soci::into(id);
    if (!store_.impl_->sql.got_data() || ind != soci::i_ok) {
      return std::optional<std::pair<MemberId, DuesPaymentId>>();
    }
    return std::optional<std::pair<MemberId, DuesPaymentId>>(std::pair{member, id});
  });
}

Result<DuesRecordId> DuesStore::append(MemberId member, const DuesRecord& r) {
  return guarded([&]() -> Result<DuesRecordId> {
    long long m = member;
    const std::string kind(to_string(r.kind)), from = month_iso(r.from);
    const std::string to = r.to ? month_iso(*r.to) : std::string();
    soci::indicator to_ind = r.to ? soci::i_ok : soci::i_null;
    long long base = r.base.value_or(0), replaces = r.replaces.value_or(0);
    soci::indicator base_ind = r.base ? soci::i_ok : soci::i_null;
    soci::indicator replaces_ind = r.replaces ? soci::i_ok : soci::i_null;
    int percent = r.percent, voids = r.voids ? 1 : 0;
    auto& sql = store_.impl_->sql;
    sql << "INSERT INTO dues_record (member_id, kind, from_month, to_month, category, base, "
           "ground, percent, decision_no, decided_by, replaces, voids, note, recorded_at, "
           "recorded_by) VALUES (:m, :k, :f, :t, :c, :b, :g, :p, :dn, :db, :r, :v, :n, :a, :by)",
        soci::use(m), soci::use(kind), soci::use(from), soci::use(to, to_ind),
        soci::use(r.category), soci::use(base, base_ind), soci::use(r.ground), soci::use(percent),
        soci::use(r.decision_no), soci::use(r.decided_by), soci::use(replaces, replaces_ind),
        soci::use(voids), soci::use(r.note), soci::use(r.recorded_at), soci::use(r.recorded_by);
    const auto id = static_cast<DuesRecordId>(last_insert_id(sql));
    DANGVU_TRY(derive_digests(sql, {m}));
    return id;
  });
}

Result<DuesPaymentId> DuesStore::append(MemberId member, const DuesPayment& p) {
  return guarded([&]() -> Result<DuesPaymentId> {
    long long m = member, amount = p.amount, org = p.org, cancels = p.cancels.value_or(0);
    soci::indicator cancels_ind = p.cancels ? soci::i_ok : soci::i_null;
    const std::string month = month_iso(p.month), paid_on = p.paid_on.iso(),
                      channel(to_string(p.channel));
    auto& sql = store_.impl_->sql;
    sql << "INSERT INTO dues_payment (member_id, month, amount, paid_on, channel, org_id, "
           "reference, cancels, note, recorded_at, recorded_by) VALUES (:m, :mo, :am, :d, :c, "
           ":o, :r, :x, :n, :a, :b)",
        soci::use(m), soci::use(month), soci::use(amount), soci::use(paid_on), soci::use(channel),
        soci::use(org), soci::use(p.reference), soci::use(cancels, cancels_ind), soci::use(p.note),
        soci::use(p.recorded_at), soci::use(p.recorded_by);
    const auto id = static_cast<DuesPaymentId>(last_insert_id(sql));
    DANGVU_TRY(derive_payment_years(sql, {m}, {p.month.year()}));
    return id;
  });
}

Status DuesStore::append_payments(const std::vector<std::pair<MemberId, DuesPayment>>& payments) {
  return guarded([&]() -> Status {
    auto& sql = store_.impl_->sql;
    RowsInsert<PaymentInsertRow> insert(
        sql,
        "INSERT INTO dues_payment (member_id, month, amount, paid_on, channel, org_id, reference, "
        "note, recorded_at, recorded_by, cancels) VALUES ");
    insert.insert_all(payments, [](PaymentInsertRow& row, const auto& mp) {
      const DuesPayment& p = mp.second;
      row = {mp.first,           p.amount,        p.org,
             month_iso(p.month), p.paid_on.iso(), std::string(to_string(p.channel)),
             p.reference,        p.note,          p.recorded_at,
             p.recorded_by};
    });
    std::vector<long long> members;
    std::set<int> years;
    for (const auto& [m, p] : payments) {
      members.push_back(m);
      years.insert(p.month.year());
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    return derive_payment_years(sql, members, years);
  });
}

Result<std::unordered_map<std::string, MemberId>> DuesStore::members_by_code_or_card(
    const std::vector<std::string>& keys) {
  return guarded([&]() -> Result<std::unordered_map<std::string, MemberId>> {
    std::unordered_map<std::string, MemberId> out;
    std::vector<std::string> safe;
    for (const auto& k : keys) {
      const bool ok = !k.empty() && k.size() <= 64 &&
                      k.find_first_not_of(
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                          "0123456789._-") == std::string::npos;
      if (ok) safe.push_back(k);
    }
    for (std::size_t at = 0; at < safe.size(); at += kDigestBatch) {
      std::string in = "(";
      for (std::size_t i = at; i < std::min(safe.size(), at + kDigestBatch); ++i) {
        in += (i > at ? ", '" : "'") + safe[i] + "'";  // checked above: nothing to escape
      }
      in += ")";
      long long id = 0;
      std::string code, card;
      soci::indicator card_ind = soci::i_null;
      soci::statement st =
          (store_.impl_->sql.prepare << "SELECT id, code, card_number FROM member WHERE code IN " +
                                            in + " OR card_number IN " + in,
           soci::into(id), soci::into(code), soci::into(card, card_ind));
      st.execute();
      std::unordered_map<std::string, MemberId> by_card;
      while (st.fetch()) {
        out[code] = id;
        if (card_ind == soci::i_ok) by_card[card] = id;
      }
      for (const auto& [c, m] : by_card) out.emplace(c, m);  // a code wins over a card
    }
    return out;
  });
}

Result<std::unordered_map<MemberId, std::string>> DuesStore::profiles_of(
    const std::vector<MemberId>& members) {
  return guarded([&]() -> Result<std::unordered_map<MemberId, std::string>> {
    std::unordered_map<MemberId, std::string> out;
    long long id = 0;
    std::string text;
    soci::statement st =
        (store_.impl_->sql.prepare << "SELECT member_id, profile FROM member_profile WHERE "
                                      "member_id IN " +
                                          id_list(members),
         soci::into(id), soci::into(text));
    st.execute();
    while (st.fetch()) out[id] = text;
    return out;
  });
}

}  // namespace dangvu::store
