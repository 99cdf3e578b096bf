// Members: identities, the append-only member_event log, and the rows derived from it.
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/search_key.h"
#include "store/event_codec.h"
#include "store/member_statements.h"
#include "store/store_impl.h"

namespace dangvu::store {

MemberStatements::MemberStatements(soci::session& sql)
    : find((sql.prepare << "SELECT id, code, family_name, middle_name, given_name, gender, "
                           "birth_date, card_number FROM member WHERE code = :c OR card_number = "
                           ":k ORDER BY (code = :c2) DESC LIMIT 1",
            soci::use(key), soci::use(key), soci::use(key), soci::into(found.id),
            soci::into(found.code), soci::into(found.family), soci::into(found.middle),
            soci::into(found.given), soci::into(found.gender), soci::into(found.birth),
            soci::into(found.card, found.card_ind))),
      find_by_name((sql.prepare << "SELECT DISTINCT m.id, m.code, m.family_name, m.middle_name, "
                                   "m.given_name, m.gender, m.birth_date, m.card_number FROM "
                                   "member_search s JOIN member m ON m.id = s.member_id "
                                   "WHERE s.search_key = :k AND m.search_name = :n "
                                   "AND m.birth_date = :b ORDER BY m.id",
                    soci::use(name), soci::use(name), soci::use(birth), soci::into(found.id),
                    soci::into(found.code), soci::into(found.family), soci::into(found.middle),
                    soci::into(found.given), soci::into(found.gender), soci::into(found.birth),
                    soci::into(found.card, found.card_ind))),
      events((sql.prepare << "SELECT id, kind, effective_on, org_id, payload FROM member_event "
                             "WHERE member_id = :m ORDER BY id",
              soci::into(event_id), soci::into(kind), soci::into(date), soci::into(org, org_ind),
              soci::into(payload), soci::use(member))),
      // RETURNING id (SQLite 3.35+, PostgreSQL): the id comes back with the insert, one statement
      // fewer per row than asking for it after.
      append_event((sql.prepare << "INSERT INTO member_event (member_id, kind, effective_on, "
                                   "org_id, payload, recorded_at, recorded_by) VALUES (:m, :kind, "
                                   ":d, :org, :payload, :at, :actor) RETURNING id",
                    soci::use(appended.member), soci::use(appended.kind), soci::use(appended.date),
                    soci::use(appended.org, appended.org_ind), soci::use(appended.payload),
                    soci::use(appended.recorded_at), soci::use(appended.recorded_by),
                    soci::into(last_id))),
      insert((sql.prepare << "INSERT INTO member (code, family_name, middle_name, given_name, "
                             "gender, birth_date, search_name, sort_key, status, org_id, "
                             "card_number, created_at) VALUES (:code, :f, :m, :g, :gender, "
                             ":birth, :search, :key, :status, :org, :card, :at) RETURNING id",
              soci::use(code), soci::use(family), soci::use(middle), soci::use(given),
              soci::use(gender), soci::use(birth), soci::use(search_name), soci::use(sort_key),
              soci::use(status), soci::use(org, org_ind), soci::use(card, card_ind),
              soci::use(recorded_at), soci::into(last_id))),
      insert_search_keys(sql, "INSERT INTO member_search (search_key, member_id, org_id) VALUES "),
      add_search_keys(sql, "INSERT INTO member_search (search_key, member_id, org_id) VALUES ",
                      " ON CONFLICT DO NOTHING"),
      find_search_name((sql.prepare << "SELECT search_name FROM member WHERE id = :m",
                        soci::into(folded_name), soci::use(member))),
      insert_events(sql,
                    "INSERT INTO member_event (member_id, kind, effective_on, org_id, payload, "
                    "recorded_at, recorded_by) VALUES "),
      delete_periods((sql.prepare << "DELETE FROM member_period WHERE member_id = :m RETURNING "
                                     "valid_from, valid_to, status, org_id, probation_start",
                      soci::use(member), soci::into(ended_from), soci::into(ended_to),
                      soci::into(ended_status), soci::into(ended_org, ended_org_ind),
                      soci::into(ended_probation, ended_probation_ind))),
      delete_milestones((sql.prepare << "DELETE FROM member_milestone WHERE member_id = :m "
                                        "RETURNING kind, on_date, org_id",
                         soci::use(member), soci::into(ended_status), soci::into(ended_from),
                         soci::into(ended_org, ended_org_ind))),
      insert_periods(sql,
                     "INSERT INTO member_period (member_id, valid_from, valid_to, status, org_id, "
                     "temp_org_id, probation_start) VALUES "),
      insert_milestones(sql,
                        "INSERT INTO member_milestone (member_id, kind, on_date, org_id) VALUES "),
      update_current((sql.prepare << "UPDATE member SET status = :s, org_id = :o, card_number = "
                                     ":c WHERE id = :m",
                      soci::use(status), soci::use(org, org_ind), soci::use(card, card_ind),
                      soci::use(member))) {}

Store::Impl::Impl() = default;
Store::Impl::~Impl() = default;

MemberStatements& Store::Impl::members() {
  if (!member_statements) member_statements = std::make_unique<MemberStatements>(sql);
  return *member_statements;
}

namespace {

// Runs a kept SELECT and reads it to its end. A SQLite statement left on a row holds its
// connection's read transaction open: the connection would go on seeing the data as of that
// moment and keep the WAL from being checkpointed.
bool query_one(soci::statement& st) {
  const bool got = st.execute(true);
  while (st.fetch()) {
  }
  return got;
}

MemberRecord to_record(const MemberColumns& c) {
  MemberRecord r;
  r.id = c.id;
  r.code = c.code;
  r.person = Person{c.family, c.middle, c.given, Date::parse(c.birth).value(),
                    parse_gender(c.gender).value_or(Gender::unknown)};
  if (c.card_ind == soci::i_ok) r.card_number = c.card;
  return r;
}

const char* const kActiveStatuses = "('candidate', 'probationary', 'official')";

std::string status_list(const std::set<MemberStatus>& statuses) {
  std::string out = "(";
  for (auto s : statuses) {
    if (out.size() > 1) out += ", ";
    out += "'" + std::string(to_string(s)) + "'";  // our own enum names: safe to inline
  }
  return out + ")";
}

std::string hex_sort_key(const std::string& bytes) {
  static const char* const digits = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += digits[c >> 4];
    out += digits[c & 0xF];
  }
  return out;
}

}  // namespace

namespace {

// The member row with its current state, and its search keys; `p.last_id` is its id after.
void write_member_row(MemberStatements& p, const NewMember& m, MemberStatus status,
                      std::optional<OrgId> org, const std::string& card, const std::string& at) {
  p.code = m.code;
  p.family = m.person.family;
  p.middle = m.person.middle;
  p.given = m.person.given;
  p.gender = to_string(m.person.gender);
  p.birth = m.person.birth_date.iso();
  p.search_name = m.search_name;
  // Hex text: it orders as the bytes do in both engines (byte-wise comparison of [0-9A-F]).
  p.sort_key = hex_sort_key(m.sort_key);
  p.status = to_string(status);
  p.org = org.value_or(0);
  p.org_ind = org ? soci::i_ok : soci::i_null;
  p.card = card;
  p.card_ind = card.empty() ? soci::i_null : soci::i_ok;
  p.recorded_at = at;
  query_one(p.insert);
  p.member = p.last_id;
}

// The orgs of a member's periods (0 for none), each once: its search keys are written with each.
std::set<long long> orgs_of(const MemberHistory& h) {
  std::set<long long> out;
  for (const auto& period : h.periods) out.insert(period.org.value_or(0));
  if (out.empty()) out.insert(0);
  return out;
}

// Each of `keys` with each of `orgs`, for `p.member`.
void write_search_keys(RowsInsert<SearchKeyRow>& insert, long long member,
                       const std::vector<std::string>& keys, const std::set<long long>& orgs) {
  std::vector<std::pair<const std::string*, long long>> rows;
  for (const auto& key : keys) {
    for (long long org : orgs) rows.emplace_back(&key, org);
  }
  insert.insert_all(rows, [&](SearchKeyRow& row, const auto& r) {
    row.key = *r.first;
    row.member = member;
    row.org = r.second;
  });
}

// The periods and milestones of `p.member` from its fold (none may be there yet).
void write_derived_rows(MemberStatements& p, const MemberHistory& h) {
  p.insert_periods.insert_all(h.periods, [&](PeriodRow& row, const MemberPeriod& period) {
    row.member = p.member;
    row.valid_from = period.from.iso();
    row.valid_to = period.to.iso();
    row.status = to_string(period.status);
    row.org = period.org.value_or(0);
    row.org_ind = period.org ? soci::i_ok : soci::i_null;
    row.temp_org = period.temp_org.value_or(0);
    row.temp_ind = period.temp_org ? soci::i_ok : soci::i_null;
    row.probation = period.probation_start ? period.probation_start->iso() : "";
    row.probation_ind = period.probation_start ? soci::i_ok : soci::i_null;
  });
  p.insert_milestones.insert_all(h.milestones, [&](MilestoneRow& row, const MemberMilestone& m) {
    row.member = p.member;
    row.kind = to_string(m.kind);
    row.date = m.date.iso();
    row.org = m.org.value_or(0);
    row.org_ind = m.org ? soci::i_ok : soci::i_null;
  });
}

void fill_event(EventRow& row, long long member, const MemberEvent& e, const std::string& actor,
                const std::string& at) {
  row.member = member;
  row.kind = to_string(e.kind);
  row.date = e.date.iso();
  row.org = e.org.value_or(0);
  row.org_ind = e.org ? soci::i_ok : soci::i_null;
  row.payload = encode_event_payload(e);
  row.recorded_at = at;
  row.recorded_by = actor;
}

}  // namespace

Result<MemberId> Store::insert_member(const NewMember& member, const std::string& at) {
  return guarded([&]() -> Result<MemberId> {
    impl_->members_changed = true;
    auto& p = impl_->members();
    write_member_row(p, member, MemberStatus::none, std::nullopt, "", at);
    write_search_keys(p.insert_search_keys, p.member, member.search_keys, {0});
    profile_stale(*impl_, p.member);
    return MemberId{p.member};
  });
}

Result<MemberId> Store::insert_new_member(const NewMember& member,
                                          const std::vector<MemberEvent>& events,
                                          const MemberHistory& derived, const std::string& actor,
                                          const std::string& at) {
  return guarded([&]() -> Result<MemberId> {
    impl_->members_changed = true;
    auto& p = impl_->members();
    const auto current = derived.current();
    write_member_row(p, member, current.status, current.org, derived.card_number, at);
    p.insert_events.insert_all(events, [&](EventRow& row, const MemberEvent& e) {
      fill_event(row, p.member, e, actor, at);
    });
    write_derived_rows(p, derived);
    write_search_keys(p.insert_search_keys, p.member, member.search_keys, orgs_of(derived));
    impl_->figure_log.note_member({}, {}, derived);
    profile_stale(*impl_, p.member);
    return MemberId{p.member};
  });
}

Result<std::optional<MemberRecord>> Store::find_member(const std::string& code_or_card) {
  return guarded([&]() -> Result<std::optional<MemberRecord>> {
    auto& p = impl_->members();
    p.key = code_or_card;
    if (!query_one(p.find)) return std::optional<MemberRecord>{};
    return std::optional<MemberRecord>{to_record(p.found)};
  });
}

namespace {

// Which of `values` the query `select_in` (ending in "IN (") finds, in batches of bound values.
// Each distinct value is asked once; the statement is prepared once for a full batch (and once
// for the last, shorter one): parsing 400 named placeholders is most of a batch's cost.
std::unordered_set<std::string> found_among(soci::session& sql, const std::string& select_in,
                                            const std::vector<std::string>& values) {
  constexpr std::size_t kBatch = 400;
  std::vector<std::string> distinct = values;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::unordered_set<std::string> out;
  std::vector<std::string> slots(kBatch);
  std::string value;
  std::optional<soci::statement> st;
  std::size_t prepared_for = 0;
  for (std::size_t at = 0; at < distinct.size(); at += kBatch) {
    const std::size_t n = std::min(kBatch, distinct.size() - at);
    if (n != prepared_for) {
      std::string query = select_in;
      for (std::size_t i = 0; i < n; ++i) query += (i ? ", :p" : ":p") + std::to_string(i);
      query += ")";
      st.emplace((sql.prepare << query, soci::into(value)));
      for (std::size_t i = 0; i < n; ++i) st->exchange(soci::use(slots[i]));
      st->define_and_bind();
      prepared_for = n;
    }
    std::copy_n(distinct.begin() + static_cast<std::ptrdiff_t>(at), n, slots.begin());
    st->execute();
    while (st->fetch()) out.insert(value);
  }
  return out;
}

}  // namespace

Result<std::unordered_set<std::string>> Store::known_codes_or_cards(
    const std::vector<std::string>& values) {
  return guarded([&]() -> Result<std::unordered_set<std::string>> {
    auto out = found_among(impl_->sql, "SELECT code FROM member WHERE code IN (", values);
    for (auto& card :
         found_among(impl_->sql, "SELECT card_number FROM member WHERE card_number IN (", values)) {
      out.insert(card);
    }
    return out;
  });
}

Result<std::unordered_set<std::string>> Store::known_folded_names(
    const std::vector<std::string>& folded_names) {
  return guarded([&]() -> Result<std::unordered_set<std::string>> {
    // The full folded name is one of each member's search keys (the index's leading column).
    return found_among(impl_->sql,
                       "SELECT DISTINCT search_key FROM member_search WHERE search_key IN (",
                       folded_names);
  });
}

Result<std::vector<MemberRecord>> Store::find_members_by_name(const std::string& folded_full_name,
                                                              Date birth_date) {
  return guarded([&]() -> Result<std::vector<MemberRecord>> {
    std::vector<MemberRecord> out;
    auto& p = impl_->members();
    p.name = folded_full_name;
    p.birth = birth_date.iso();
    p.find_by_name.execute();
    while (p.find_by_name.fetch()) out.push_back(to_record(p.found));
    return out;
  });
}

Result<MemberRecord> Store::member_by_id(MemberId member) {
  return guarded([&]() -> Result<MemberRecord> {
    long long mid = member;
    std::string code;
    impl_->sql << "SELECT code FROM member WHERE id = :id", soci::use(mid), soci::into(code);
    if (!impl_->sql.got_data()) {
      return Error::not_found("member", "Không tìm thấy đảng viên.", "no member with that id");
    }
    auto found = find_member(code);
    if (!found.ok()) return found.error();
    return **found;
  });
}

Result<std::vector<MemberEvent>> Store::member_events(MemberId member) {
  return guarded([&]() -> Result<std::vector<MemberEvent>> {
    std::vector<MemberEvent> out;
    auto& p = impl_->members();
    p.member = member;
    p.events.execute();
    while (p.events.fetch()) {
      MemberEvent e;
      e.id = p.event_id;
      e.kind = parse_member_event_kind(p.kind).value_or(MemberEventKind::correction);
      e.date = Date::parse(p.date).value();
      e.org = opt(p.org, p.org_ind);
      DANGVU_TRY(decode_event_payload(p.payload, e));
      out.push_back(std::move(e));
    }
    return out;
  });
}

Result<EventId> Store::append_member_event(MemberId member, const MemberEvent& e,
                                           const std::string& actor, const std::string& at) {
  return guarded([&]() -> Result<EventId> {
    impl_->members_changed = true;
    auto& p = impl_->members();
    fill_event(p.appended, member, e, actor, at);
    query_one(p.append_event);
    return EventId{p.last_id};
  });
}

Status Store::replace_member_derived(MemberId member, const MemberHistory& h) {
  return guarded([&]() -> Status {
    impl_->members_changed = true;
    auto& p = impl_->members();
    p.member = member;
    std::vector<PeriodChange> ended;
    std::set<long long> orgs_before;
    p.delete_periods.execute();
    while (p.delete_periods.fetch()) {
      orgs_before.insert(p.ended_org_ind == soci::i_ok ? p.ended_org : 0);
      if (p.ended_org_ind != soci::i_ok) continue;
      PeriodChange c;
      c.sign = -1;
      c.org = p.ended_org;
      c.status = parse_member_status(p.ended_status).value_or(MemberStatus::none);
      c.from = Date::parse(p.ended_from).value();
      c.to = Date::parse(p.ended_to).value();
      if (p.ended_probation_ind == soci::i_ok) {
        c.probation_start = Date::parse(p.ended_probation).value();
      }
      ended.push_back(c);
    }
    std::vector<MilestoneChange> ended_milestones;
    p.delete_milestones.execute();
    while (p.delete_milestones.fetch()) {
      if (p.ended_org_ind != soci::i_ok) continue;
      ended_milestones.push_back(
          {-1, p.ended_org,
           parse_member_event_kind(p.ended_status).value_or(MemberEventKind::admission),
           Date::parse(p.ended_from).value()});
    }
    impl_->figure_log.note_member(std::move(ended), std::move(ended_milestones), h);
    write_derived_rows(p, h);
    profile_stale(*impl_, member);
    // The search keys with each org the member comes into (the rows of orgs it was in stay: a
    // scoped search checks the period on its date).
    std::set<long long> orgs_new;
    for (long long org : orgs_of(h)) {
      if (org != 0 && orgs_before.count(org) == 0) orgs_new.insert(org);
    }
    if (!orgs_new.empty() && query_one(p.find_search_name)) {
      write_search_keys(p.add_search_keys, member, word_suffix_keys(p.folded_name), orgs_new);
    }
    auto cur = h.current();
    p.status = to_string(cur.status);
    p.org = cur.org.value_or(0);
    p.org_ind = cur.org ? soci::i_ok : soci::i_null;
    p.card = h.card_number;
    p.card_ind = p.card.empty() ? soci::i_null : soci::i_ok;
    p.update_current.execute(true);
    return {};
  });
}

Result<std::set<OrgId>> Store::orgs_with_members_from(Date from) {
  return guarded([&]() -> Result<std::set<OrgId>> {
    std::set<OrgId> out;
    std::string d = from.iso();
    long long org = 0;
    soci::statement st =
        (impl_->sql.prepare << std::string(
                                   "SELECT DISTINCT org_id FROM member_period WHERE valid_to > :d "
                                   "AND org_id IS NOT NULL AND status IN ") +
                                   kActiveStatuses +
                                   " UNION SELECT DISTINCT temp_org_id FROM member_period WHERE "
                                   "valid_to > :d2 AND temp_org_id IS NOT NULL",
         soci::into(org), soci::use(d), soci::use(d));
    st.execute();
    while (st.fetch()) out.insert(org);
    return out;
  });
}

Result<std::vector<MemberId>> Store::members_in_orgs_from(const std::vector<OrgId>& orgs,
                                                          Date from) {
  if (orgs.empty()) return std::vector<MemberId>{};
  return guarded([&]() -> Result<std::vector<MemberId>> {
    std::vector<MemberId> out;
    std::string list;
    for (OrgId o : orgs) list += (list.empty() ? "" : ",") + std::to_string(o);
    std::string d = from.iso();
    long long id = 0;
    soci::statement st =
        (impl_->sql.prepare << "SELECT DISTINCT member_id FROM member_period WHERE valid_to > :d "
                               "AND status IN " +
                                   std::string(kActiveStatuses) + " AND (org_id IN (" + list +
                                   ") OR temp_org_id IN (" + list + ")) ORDER BY member_id",
         soci::into(id), soci::use(d));
    st.execute();
    while (st.fetch()) out.push_back(id);
    return out;
  });
}

namespace {

// The most orgs a scope-first search writes into its SQL: a branch, a grassroots committee, a
// small district. Larger scopes walk the keys with the scope in memory.
constexpr std::size_t kScopeFirstOrgs = 200;

// The period as of the query's date, within the scope when there is one; binds go into `params`.
std::string period_join(soci::session& sql, const MemberQuery& q, std::vector<std::string>& params,
                        const std::string& member_id = "m.id") {
  std::string join = " JOIN member_period p ON p.member_id = " + member_id +
                     " AND p.valid_from <= :a AND p.valid_to > :b";
  params.push_back(q.at.iso());
  params.push_back(q.at.iso());
  if (q.orgs && q.orgs->size() <= 50000) {
    // Our own integer ids, inlined into the join condition: no write (not even to a temp
    // table) for a read, which a PostgreSQL replica would refuse. A province's 10,000 orgs make
    // 60 kB of SQL text, parsed in about a millisecond.
    join += " AND p.org_id IN (";
    for (std::size_t i = 0; i < q.orgs->size(); ++i) {
      join += (i ? "," : "") + std::to_string((*q.orgs)[i]);
    }
    join += q.orgs->empty() ? "NULL)" : ")";
  } else if (q.orgs) {
    sql << "CREATE TEMP TABLE IF NOT EXISTS scope_org (org_id INTEGER PRIMARY KEY)";
    sql << "DELETE FROM scope_org";
    std::vector<long long> ids(q.orgs->begin(), q.orgs->end());
    sql << "INSERT INTO scope_org (org_id) VALUES (:id) ON CONFLICT DO NOTHING", soci::use(ids);
    join += " JOIN scope_org s ON s.org_id = p.org_id";
  }
  if (!q.statuses.empty()) join += " AND p.status IN " + status_list(q.statuses);
  return join;
}

// The columns of a list row, then `extra` ones.
std::string member_columns(const std::string& extra = "") {
  return "SELECT m.id, m.code, m.family_name, m.middle_name, m.given_name, m.gender, "
         "m.birth_date, m.card_number, p.status, p.org_id" +
         extra;
}

// Runs a member list query; each row also hands its `extra` text columns to `each`.
void fetch_rows(soci::session& sql, const std::string& query,
                const std::vector<std::string>& params, int extra_columns,
                const std::function<bool(MemberRow&, const std::vector<std::string>&)>& each) {
  MemberRow row;
  long long id = 0, org = 0;
  std::string gender, birth, card, status;
  std::vector<std::string> extra(static_cast<std::size_t>(extra_columns));
  soci::indicator card_ind = soci::i_null, org_ind = soci::i_null;
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::into(id));
  st.exchange(soci::into(row.code));
  st.exchange(soci::into(row.person.family));
  st.exchange(soci::into(row.person.middle));
  st.exchange(soci::into(row.person.given));
  st.exchange(soci::into(gender));
  st.exchange(soci::into(birth));
  st.exchange(soci::into(card, card_ind));
  st.exchange(soci::into(status));
  st.exchange(soci::into(org, org_ind));
  for (auto& e : extra) st.exchange(soci::into(e));
  for (const auto& p : params) st.exchange(soci::use(p));
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    row.id = id;
    row.person.gender = parse_gender(gender).value_or(Gender::unknown);
    row.person.birth_date = Date::parse(birth).value();
    row.card_number = card_ind == soci::i_ok ? card : "";
    row.status = parse_member_status(status).value_or(MemberStatus::none);
    row.org = opt(org, org_ind);
    if (!each(row, extra)) break;
  }
}

// The smallest word suffix of a folded name that starts with `prefix` (the key it is listed by).
std::optional<std::string> matched_key(const std::string& name, const std::string& prefix) {
  std::optional<std::string> best;
  for (std::size_t at = 0; at <= name.size(); at = name.find(' ', at) + 1) {
    std::string suffix = name.substr(at);
    if (suffix.compare(0, prefix.size(), prefix) == 0 && (!best || suffix < *best)) best = suffix;
    if (name.find(' ', at) == std::string::npos) break;
  }
  return best;
}

// A name search inside a scope (an org's subtree). The scope is a set in memory, never a list of
// its ids in the SQL (a province's 10,000 orgs made 60 kB of statement text for every search):
// the search keys are walked from the prefix in their order, each with an org its member was
// ever in (schema v12), so the index alone tells which members may be in the scope; only those
// are then read with their period on the date, and kept when its org is in the scope. Keys are
// read in pages, each starting after the last row read, until enough members of the scope are
// found for the page and the count, or the prefix's keys end.
MemberPage walk_keys_in_scope(soci::session& sql, const MemberQuery& q, std::int64_t count_up_to) {
  MemberPage page;
  std::vector<bool> in_scope;
  for (OrgId id : *q.orgs) {
    const auto at = static_cast<std::size_t>(id);
    if (at >= in_scope.size()) in_scope.resize(at + 1);
    in_scope[at] = true;
  }
  const auto scoped = [&](long long org) {
    return org >= 0 && static_cast<std::size_t>(org) < in_scope.size() &&
           in_scope[static_cast<std::size_t>(org)];
  };
  MemberQuery anywhere = q;
  anywhere.orgs.reset();
  const auto enough = static_cast<std::size_t>(count_up_to) + 1;  // one past the cap tells `more`
  std::vector<MemberRow> found;  // members of the scope on the date, in the keys' order, each once
  std::unordered_set<MemberId> seen;
  // The members the keys name in the scope, checked by their period on the date.
  std::vector<MemberId> candidates;
  auto check = [&]() {
    if (candidates.empty()) return;
    std::string ids;
    for (MemberId m : candidates) ids += (ids.empty() ? "" : ",") + std::to_string(m);
    std::vector<std::string> params;
    const std::string from = " FROM member m" + period_join(sql, anywhere, params);
    std::unordered_map<MemberId, MemberRow> rows;
    fetch_rows(sql, member_columns() + from + " WHERE m.id IN (" + ids + ")", params, 0,
               [&](MemberRow& r, const auto&) {
                 if (r.org && scoped(*r.org)) rows[r.id] = r;
                 return true;
               });
    for (MemberId m : candidates) {
      if (auto it = rows.find(m); it != rows.end()) found.push_back(it->second);
    }
    candidates.clear();
  };
  std::string last_key;
  long long last_member = -1, last_org = -1;
  for (std::size_t batch = std::max<std::size_t>(4096, 4 * enough);;
       batch = std::min<std::size_t>(batch * 4, 65536)) {
    std::vector<std::string> params{q.folded_prefix, q.folded_prefix + "~"};  // keys: [a-z0-9 ]
    std::string where = " WHERE k.search_key >= :q AND k.search_key < :qhi";
    if (last_member >= 0) {
      // A row value: both engines start the index range there.
      where += " AND (k.search_key, k.member_id, k.org_id) > (:lk, " + std::to_string(last_member) +
               ", " + std::to_string(last_org) + ")";
      params.push_back(last_key);
    }
    std::string key;
    long long member = 0, org = 0;
    soci::statement st =
        (sql.prepare << "SELECT k.search_key, k.member_id, k.org_id FROM member_search k" + where +
                            " ORDER BY k.search_key, k.member_id, k.org_id LIMIT " +
                            std::to_string(batch));
    st.exchange(soci::into(key));
    st.exchange(soci::into(member));
    st.exchange(soci::into(org));
    for (const auto& p : params) st.exchange(soci::use(p));
    st.define_and_bind();
    st.execute();
    std::size_t read = 0;
    while (st.fetch()) {
      ++read;
      last_key = key;
      last_member = member;
      last_org = org;
      if (scoped(org) && seen.insert(member).second) {
        candidates.push_back(member);
        // Checked when they would be enough (most are in the scope on the date), or in groups.
        if (found.size() + candidates.size() >= enough || candidates.size() >= 256) check();
        if (found.size() >= enough) break;
      }
    }
    check();
    if (read < batch || found.size() >= enough) break;
  }
  page.total = std::min<std::int64_t>(static_cast<std::int64_t>(found.size()), count_up_to);
  page.more = static_cast<std::int64_t>(found.size()) > count_up_to;
  for (auto i = static_cast<std::size_t>(q.offset);
       i < found.size() && page.rows.size() < static_cast<std::size_t>(q.limit); ++i) {
    page.rows.push_back(found[i]);
  }
  return page;
}

}  // namespace

bool Store::search_scope_first(const MemberQuery& q) {
  if (q.plan != SearchPlan::automatic) return q.plan == SearchPlan::scope_first;
  // A large scope is never written into the SQL: its keys are walked (walk_keys_in_scope).
  if (!q.orgs || q.orgs->size() > kScopeFirstOrgs) return false;
  // Walking the keys reads about three rows per key until the page and the count are found (all
  // of the prefix's keys when few are in the scope); reading the scope first, about two per
  // member of the scope. The scope's members are estimated by its share of the orgs.
  long long members = 0, orgs = 0;
  soci::indicator members_ind = soci::i_null, orgs_ind = soci::i_null;
  impl_->sql << "SELECT MAX(id) FROM member", soci::into(members, members_ind);
  impl_->sql << "SELECT MAX(id) FROM org", soci::into(orgs, orgs_ind);
  if (members_ind != soci::i_ok || orgs_ind != soci::i_ok || orgs <= 0) return true;
  const double in_scope = static_cast<double>(members) * static_cast<double>(q.orgs->size()) /
                          static_cast<double>(orgs);
  const auto enough = static_cast<long long>(2.0 / 3.0 * in_scope) + 1;
  long long keys = 0;
  const std::string lo = q.folded_prefix, hi = q.folded_prefix + "~";
  impl_->sql << "SELECT COUNT(*) FROM (SELECT 1 FROM member_search WHERE search_key >= :q AND "
                "search_key < :qhi LIMIT :n) k",
      soci::use(lo), soci::use(hi), soci::use(enough), soci::into(keys);
  return keys >= enough;
}

Result<MemberPage> Store::list_members(const MemberQuery& q, std::int64_t count_up_to) {
  return guarded([&]() -> Result<MemberPage> {
    MemberPage page;
    const auto wanted = static_cast<std::size_t>(q.offset) + static_cast<std::size_t>(q.limit);
    count_up_to = std::max<std::int64_t>(count_up_to, static_cast<std::int64_t>(wanted));
    std::vector<std::string> params;

    if (q.folded_prefix.empty()) {
      const std::string from = " FROM member m" + period_join(impl_->sql, q, params);
      fetch_rows(impl_->sql,
                 member_columns() + from + " ORDER BY m.sort_key, m.id LIMIT " +
                     std::to_string(q.limit) + " OFFSET " + std::to_string(q.offset),
                 params, 0, [&](MemberRow& r, const auto&) {
                   page.rows.push_back(r);
                   return true;
                 });
      if (!page.rows.empty() && page.rows.size() < static_cast<std::size_t>(q.limit)) {
        page.total = q.offset + static_cast<std::int64_t>(page.rows.size());
        return page;
      }
      long long n = 0;
      soci::statement st =
          (impl_->sql.prepare << "SELECT COUNT(*) FROM (SELECT 1" + from + " LIMIT " +
                                     std::to_string(count_up_to + 1) + ") counted",
           soci::into(n));
      for (const auto& p : params) st.exchange(soci::use(p));
      st.define_and_bind();
      st.execute(true);
      page.total = std::min<std::int64_t>(n, count_up_to);
      page.more = n > count_up_to;
      return page;
    }

    if (search_scope_first(q)) {
      // Every match in the scope (a few hundred at most), each by the key it matches.
      struct Match {
        std::string key;
        MemberRow row;
      };
      std::vector<Match> matches;
      params.clear();
      const std::string from = " FROM member m" + period_join(impl_->sql, q, params);
      params.push_back("% " + q.folded_prefix + "%");  // folded names hold no LIKE wildcard
      fetch_rows(
          impl_->sql,
          member_columns(", m.search_name") + from + " WHERE (' ' || m.search_name) LIKE :like",
          params, 1, [&](MemberRow& r, const std::vector<std::string>& extra) {
            if (auto key = matched_key(extra[0], q.folded_prefix)) {
              matches.push_back({*key, r});
            }
            return true;
          });
      std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.key != b.key ? a.key < b.key : a.row.id < b.row.id;
      });
      for (std::size_t i = static_cast<std::size_t>(q.offset); i < matches.size() && i < wanted;
           ++i) {
        page.rows.push_back(matches[i].row);
      }
      page.total = std::min<std::int64_t>(static_cast<std::int64_t>(matches.size()), count_up_to);
      page.more = static_cast<std::int64_t>(matches.size()) > count_up_to;
      return page;
    }

    if (q.orgs) return walk_keys_in_scope(impl_->sql, q, count_up_to);

    // The keys from the prefix, in order, each member once (at its first key): rows are fetched
    // until enough distinct members are seen, a few more than the page in case some repeat.
    const std::string walk =
        " FROM member_search k JOIN member m ON m.id = k.member_id" +
        period_join(impl_->sql, q, params) +
        " WHERE k.search_key >= :q AND k.search_key < :qhi ORDER BY k.search_key, k.member_id";
    params.push_back(q.folded_prefix);
    params.push_back(q.folded_prefix + "~");  // folded keys are [a-z0-9 ]; '~' sorts after them
    auto distinct_members = [&](std::size_t rows, const std::function<void(MemberRow&)>& keep) {
      std::unordered_set<MemberId> seen;
      std::size_t fetched = 0;
      fetch_rows(impl_->sql, member_columns() + walk + " LIMIT " + std::to_string(rows), params, 0,
                 [&](MemberRow& r, const auto&) {
                   ++fetched;
                   if (seen.insert(r.id).second) keep(r);
                   return true;
                 });
      return std::pair{seen.size(), fetched == rows};  // members, and whether more rows may follow
    };
    for (std::size_t rows = wanted + 8;; rows *= 2) {
      page.rows.clear();
      std::size_t index = 0;
      auto [members, cut] = distinct_members(rows, [&](MemberRow& r) {
        if (index++ >= static_cast<std::size_t>(q.offset) &&
            page.rows.size() < static_cast<std::size_t>(q.limit)) {
          page.rows.push_back(r);
        }
      });
      if (!cut) {  // every match seen
        page.total = std::min<std::int64_t>(static_cast<std::int64_t>(members), count_up_to);
        page.more = static_cast<std::int64_t>(members) > count_up_to;
        return page;
      }
      if (members >= wanted) break;
    }
    // A full page: count on, up to the cap (twice the rows, in case members repeat; a cut there
    // leaves more unseen). The keys and the periods only, each period read from its index.
    std::vector<std::string> count_params;
    const std::string keys = " FROM member_search k" +
                             period_join(impl_->sql, q, count_params, "k.member_id") +
                             " WHERE k.search_key >= :q AND k.search_key < :qhi";
    count_params.push_back(q.folded_prefix);
    count_params.push_back(q.folded_prefix + "~");
    const auto rows = 2 * (count_up_to + 1);
    long long members = 0, walked = 0;
    soci::statement st =
        (impl_->sql.prepare << "SELECT COUNT(DISTINCT member_id), COUNT(*) FROM (SELECT "
                               "k.member_id" +
                                   keys + " LIMIT " + std::to_string(rows) + ") walked",
         soci::into(members), soci::into(walked));
    for (const auto& p : count_params) st.exchange(soci::use(p));
    st.define_and_bind();
    st.execute(true);
    page.total = std::min<std::int64_t>(members, count_up_to);
    page.more = members > count_up_to || walked == rows;
    return page;
  });
}

Result<std::vector<RecentEvent>> Store::recent_events(const std::vector<OrgId>& orgs, Date upto,
                                                      int limit) {
  return guarded([&]() -> Result<std::vector<RecentEvent>> {
    std::vector<RecentEvent> out;
    if (orgs.empty()) return out;
    std::string ids;
    for (OrgId id : orgs) ids += (ids.empty() ? "" : ",") + std::to_string(id);  // our own ids
    // An event belongs to the org the member was in on its date; the inclusive end keeps the
    // events that close a period (transfer out, removal, death).
    const std::string sql =
        "SELECT e.id, m.code, m.family_name, m.middle_name, m.given_name, e.kind, e.effective_on, "
        "e.org_id FROM member_event e JOIN member m ON m.id = e.member_id WHERE e.effective_on <= "
        ":upto AND EXISTS (SELECT 1 FROM member_period p WHERE p.member_id = e.member_id AND "
        "p.valid_from <= e.effective_on AND p.valid_to >= e.effective_on AND p.org_id IN (" +
        ids + ")) ORDER BY e.effective_on DESC, e.id DESC LIMIT :n";
    std::string at = upto.iso();
    long long id = 0, org = 0;
    soci::indicator org_ind = soci::i_null;
    RecentEvent r;
    std::string kind, date;
    soci::statement st =
        (impl_->sql.prepare << sql, soci::use(at), soci::use(limit), soci::into(id),
         soci::into(r.member_code), soci::into(r.person.family), soci::into(r.person.middle),
         soci::into(r.person.given), soci::into(kind), soci::into(date), soci::into(org, org_ind));
    st.execute();
    while (st.fetch()) {
      r.id = id;
      r.kind = parse_member_event_kind(kind).value_or(MemberEventKind::correction);
      r.date = Date::parse(date).value();
      r.org = opt(org, org_ind);
      out.push_back(r);
    }
    return out;
  });
}

Result<std::vector<OrgStatusCount>> Store::count_by_org_and_status(Date at, const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<OrgStatusCount>> {
    std::vector<OrgStatusCount> out;
    std::string d = at.iso(), status, start;
    long long org = 0, n = 0;
    soci::indicator start_ind = soci::i_null;
    // One pass over the periods on the date (a cold start of the national figures reads five
    // million of them): only probationary periods carry a probation start.
    soci::statement st =
        (impl_->sql.prepare << "SELECT org_id, status, probation_start, COUNT(*) FROM "
                               "member_period WHERE valid_from <= :a AND valid_to > :b AND "
                               "org_id IS NOT NULL" +
                                   and_org_in("org_id", orgs) +
                                   " GROUP BY org_id, status, probation_start",
         soci::into(org), soci::into(status), soci::into(start, start_ind), soci::into(n),
         soci::use(d), soci::use(d));
    st.execute();
    while (st.fetch()) {
      OrgStatusCount row{org, parse_member_status(status).value_or(MemberStatus::none),
                         std::nullopt, n};
      if (start_ind == soci::i_ok && row.status == MemberStatus::probationary) {
        row.probation_start = Date::parse(start).value();
      }
      out.push_back(row);
    }
    return out;
  });
}

Result<std::vector<MilestoneCount>> Store::count_milestones(Date from, Date to,
                                                            const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<MilestoneCount>> {
    std::vector<MilestoneCount> out;
    std::string f = from.iso(), t = to.iso(), kind;
    long long org = 0, n = 0;
    soci::statement st =
        (impl_->sql.prepare << "SELECT org_id, kind, COUNT(*) FROM member_milestone WHERE "
                               "on_date >= :f AND on_date <= :t AND org_id IS NOT NULL" +
                                   and_org_in("org_id", orgs) + " GROUP BY org_id, kind",
         soci::into(org), soci::into(kind), soci::into(n), soci::use(f), soci::use(t));
    st.execute();
    while (st.fetch()) {
      out.push_back({org, parse_member_event_kind(kind).value_or(MemberEventKind::admission), n});
    }
    return out;
  });
}

Result<std::int64_t> Store::member_revision() {
  return guarded([&]() -> Result<std::int64_t> {
    long long id = 0;
    impl_->sql << "SELECT value FROM data_revision WHERE topic = 'member'", soci::into(id);
    return std::int64_t{id};
  });
}

Result<std::pair<std::int64_t, std::int64_t>> Store::data_revisions() {
  return guarded([&]() -> Result<std::pair<std::int64_t, std::int64_t>> {
    long long org = 0, member = 0;
    impl_->sql << "SELECT (SELECT value FROM data_revision WHERE topic = 'org'), (SELECT value "
                  "FROM data_revision WHERE topic = 'member')",
        soci::into(org), soci::into(member);
    return std::pair<std::int64_t, std::int64_t>{org, member};
  });
}

}  // namespace dangvu::store
