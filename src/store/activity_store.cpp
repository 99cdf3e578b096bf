// Work records: the document register, plan targets, meetings, inspections and supervisions,
// study sessions; and their leaf facts grouped by org for the roll-ups.
#include "store/store_impl.h"

namespace dangvu::store {
Result<std::int64_t> Store::insert_party_document(const PartyDocumentRecord& d,
                                                  const std::string& actor, const std::string& at) {
  return guarded([&]() -> Result<std::int64_t> {
    std::string issued = d.issued_on.iso();
    int seq = d.seq;
    impl_->sql << "INSERT INTO party_document (number, seq, doc_type, issuer, issued_on, title, "
                  "issuing_body, recorded_at, recorded_by) VALUES (:n, :s, :t, :i, :d, :ti, :b, "
                  ":at, :by)",
        soci::use(d.number), soci::use(seq), soci::use(d.type), soci::use(d.issuer),
        soci::use(issued), soci::use(d.title), soci::use(d.issuing_body), soci::use(at),
        soci::use(actor);
    return std::int64_t{last_insert_id(impl_->sql)};
  });
}

namespace {

const char* const kDocumentColumns =
    "SELECT id, number, seq, doc_type, issuer, issued_on, title, issuing_body FROM party_document ";

struct DocumentRow {
  long long id = 0;
  int seq = 0;
  std::string number, type, issuer, issued, title, body;
  PartyDocumentRecord record() const {
    return {id, number, type, issuer, seq, Date::parse(issued).value(), title, body};
  }
};

void bind_document(soci::statement& st, DocumentRow& r) {
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.number));
  st.exchange(soci::into(r.seq));
  st.exchange(soci::into(r.type));
  st.exchange(soci::into(r.issuer));
  st.exchange(soci::into(r.issued));
  st.exchange(soci::into(r.title));
  st.exchange(soci::into(r.body));
}

}  // namespace

Result<std::optional<PartyDocumentRecord>> Store::find_party_document(const std::string& number) {
  return guarded([&]() -> Result<std::optional<PartyDocumentRecord>> {
    DocumentRow r;
    soci::statement st(impl_->sql);
    bind_document(st, r);
    std::string n = number;
    st.exchange(soci::use(n));
    st.alloc();
    st.prepare(std::string(kDocumentColumns) + "WHERE number = :n ORDER BY issued_on DESC LIMIT 1");
    st.define_and_bind();
    if (!st.execute(true)) return std::optional<PartyDocumentRecord>{};
    return std::optional<PartyDocumentRecord>{r.record()};
  });
}

Result<std::vector<PartyDocumentRecord>> Store::list_party_documents(const std::string& query,
                                                                     int limit) {
  return guarded([&]() -> Result<std::vector<PartyDocumentRecord>> {
    std::vector<PartyDocumentRecord> out;
    DocumentRow r;
    soci::statement st(impl_->sql);
    bind_document(st, r);
    std::string pattern = "%" + query + "%";
    st.exchange(soci::use(pattern));
    st.exchange(soci::use(pattern));
    st.exchange(soci::use(limit));
    st.alloc();
    st.prepare(std::string(kDocumentColumns) +
               "WHERE number LIKE :p OR title LIKE :q ORDER BY issued_on DESC, id DESC LIMIT :l");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(r.record());
    return out;
  });
}

Result<std::optional<std::int64_t>> Store::plan_target(OrgId org, int year,
                                                       const std::string& indicator) {
  return guarded([&]() -> Result<std::optional<std::int64_t>> {
    long long o = org, value = 0;
    impl_->sql << "SELECT target FROM plan_target WHERE org_id = :o AND year = :y AND "
                  "indicator = :i",
        soci::use(o), soci::use(year), soci::use(indicator), soci::into(value);
    if (!impl_->sql.got_data()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{value};
  });
}

Status Store::set_plan_target(const PlanTargetRecord& t, const std::string& actor,
                              const std::string& at) {
  return guarded([&]() -> Status {
    long long o = t.org, value = t.target;
    int year = t.year;
    impl_->sql << "DELETE FROM plan_target WHERE org_id = :o AND year = :y AND indicator = :i",
        soci::use(o), soci::use(year), soci::use(t.indicator);
    impl_->sql << "INSERT INTO plan_target (org_id, year, indicator, target, recorded_at, "
                  "recorded_by) VALUES (:o, :y, :i, :t, :at, :by)",
        soci::use(o), soci::use(year), soci::use(t.indicator), soci::use(value), soci::use(at),
        soci::use(actor);
    return {};
  });
}

Result<std::vector<PlanTargetRecord>> Store::plan_targets(int year, const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<PlanTargetRecord>> {
    std::vector<PlanTargetRecord> out;
    long long org = 0, value = 0;
    std::string indicator;
    soci::statement st =
        (impl_->sql.prepare << "SELECT org_id, indicator, target FROM plan_target WHERE year = :y" +
                                   and_org_in("org_id", orgs) + " ORDER BY org_id, indicator",
         soci::into(org), soci::into(indicator), soci::into(value), soci::use(year));
    st.execute();
    while (st.fetch()) out.push_back({org, year, indicator, value});
    return out;
  });
}

Result<ActivityId> Store::insert_meeting(const MeetingRecord& m, const std::string& at) {
  return guarded([&]() -> Result<ActivityId> {
    long long org = m.org, expected = m.expected, present = m.present;
    std::string held = m.held_on.iso(), kind(to_string(m.kind)), quality(to_string(m.quality));
    impl_->sql << "INSERT INTO meeting (org_id, held_on, kind, topic, quality, expected, present, "
                  "recorded_at, recorded_by) VALUES (:o, :h, :k, :t, :q, :e, :p, :at, :by)",
        soci::use(org), soci::use(held), soci::use(kind), soci::use(m.topic), soci::use(quality),
        soci::use(expected), soci::use(present), soci::use(at), soci::use(m.recorded_by);
    const long long id = last_insert_id(impl_->sql);
    for (const auto& [member, reason] : m.absences) {
      long long mid = member;
      impl_->sql << "INSERT INTO meeting_absence (meeting_id, member_id, reason) VALUES (:m, :p, "
                    ":r)",
          soci::use(id), soci::use(mid), soci::use(reason);
    }
    return ActivityId{id};
  });
}

Result<ActivityId> Store::insert_oversight(const OversightRecord& o, const std::string& at) {
  return guarded([&]() -> Result<ActivityId> {
    long long org = o.org;
    long long subject_org = o.subject_org.value_or(0),
              subject_member = o.subject_member.value_or(0);
    soci::indicator org_ind = o.subject_org ? soci::i_ok : soci::i_null;
    soci::indicator member_ind = o.subject_member ? soci::i_ok : soci::i_null;
    std::string held = o.held_on.iso(), kind(to_string(o.kind)), basis(to_string(o.basis));
    impl_->sql << "INSERT INTO oversight (org_id, kind, basis, held_on, subject_org_id, "
                  "subject_member_id, conclusion, recorded_at, recorded_by) VALUES (:o, :k, :b, "
                  ":h, :so, :sm, :c, :at, :by)",
        soci::use(org), soci::use(kind), soci::use(basis), soci::use(held),
        soci::use(subject_org, org_ind), soci::use(subject_member, member_ind),
        soci::use(o.conclusion), soci::use(at), soci::use(o.recorded_by);
    return ActivityId{last_insert_id(impl_->sql)};
  });
}

Result<ActivityId> Store::insert_study_session(const StudySessionRecord& s, const std::string& at) {
  return guarded([&]() -> Result<ActivityId> {
    long long org = s.org, doc = s.document_id, expected = s.expected, present = s.present;
    std::string held = s.held_on.iso();
    impl_->sql << "INSERT INTO study_session (org_id, held_on, document_id, expected, present, "
                  "recorded_at, recorded_by) VALUES (:o, :h, :d, :e, :p, :at, :by)",
        soci::use(org), soci::use(held), soci::use(doc), soci::use(expected), soci::use(present),
        soci::use(at), soci::use(s.recorded_by);
    const long long id = last_insert_id(impl_->sql);
    for (MemberId member : s.attendees) {
      long long mid = member;
      impl_->sql << "INSERT INTO study_attendance (session_id, member_id) VALUES (:s, :m)",
          soci::use(id), soci::use(mid);
    }
    return ActivityId{id};
  });
}

Result<std::vector<MeetingRecord>> Store::list_meetings(const ActivityQuery& q) {
  return guarded([&]() -> Result<std::vector<MeetingRecord>> {
    std::vector<MeetingRecord> out;
    long long id = 0, org = 0, expected = 0, present = 0;
    std::string held, kind, topic, quality, by, from = q.from.iso(), to = q.to.iso();
    int limit = q.limit;
    soci::statement st =
        (impl_->sql.prepare << "SELECT id, org_id, held_on, kind, topic, quality, expected, "
                               "present, recorded_by FROM meeting WHERE org_id IN " +
                                   id_list(q.orgs) + " AND held_on >= :f AND held_on <= :t" +
                                   (q.include_cancelled
                                        ? std::string()
                                        : and_not_cancelled("meeting", "meeting.id")) +
                                   " ORDER BY held_on DESC, id DESC LIMIT :l",
         soci::into(id), soci::into(org), soci::into(held), soci::into(kind), soci::into(topic),
         soci::into(quality), soci::into(expected), soci::into(present), soci::into(by),
         soci::use(from), soci::use(to), soci::use(limit));
    st.execute();
    while (st.fetch()) {
      MeetingRecord m;
      m.id = id;
      m.org = org;
      m.held_on = Date::parse(held).value();
      m.kind = parse_meeting_kind(kind).value_or(MeetingKind::regular);
      m.topic = topic;
      m.quality = parse_meeting_quality(quality).value_or(MeetingQuality::average);
      m.expected = expected;
      m.present = present;
      m.recorded_by = by;
      out.push_back(std::move(m));
    }
    return out;
  });
}

Result<std::vector<OversightRecord>> Store::list_oversights(const ActivityQuery& q) {
  return guarded([&]() -> Result<std::vector<OversightRecord>> {
    std::vector<OversightRecord> out;
    long long id = 0, org = 0, sorg = 0, smember = 0;
    soci::indicator sorg_ind = soci::i_null, smember_ind = soci::i_null, label_ind = soci::i_null;
    std::string kind, basis, held, conclusion, by, label, from = q.from.iso(), to = q.to.iso();
    int limit = q.limit;
    soci::statement st =
        (impl_->sql.prepare
             << "SELECT o.id, o.org_id, o.kind, o.basis, o.held_on, o.subject_org_id, "
                "o.subject_member_id, o.conclusion, o.recorded_by, "
                "COALESCE(m.code || ' ' || m.family_name || ' ' || m.middle_name || ' ' || "
                "m.given_name, g.code) FROM oversight o "
                "LEFT JOIN member m ON m.id = o.subject_member_id "
                "LEFT JOIN org g ON g.id = o.subject_org_id WHERE o.org_id IN " +
                    id_list(q.orgs) + " AND o.held_on >= :f AND o.held_on <= :t" +
                    (q.include_cancelled ? std::string() : and_not_cancelled("oversight", "o.id")) +
                    " ORDER BY o.held_on DESC, o.id DESC LIMIT :l",
         soci::into(id), soci::into(org), soci::into(kind), soci::into(basis), soci::into(held),
         soci::into(sorg, sorg_ind), soci::into(smember, smember_ind), soci::into(conclusion),
         soci::into(by), soci::into(label, label_ind), soci::use(from), soci::use(to),
         soci::use(limit));
    st.execute();
    while (st.fetch()) {
      OversightRecord o;
      o.id = id;
      o.org = org;
      o.kind = parse_oversight_kind(kind).value_or(OversightKind::inspection);
      o.basis = parse_oversight_basis(basis).value_or(OversightBasis::planned);
      o.held_on = Date::parse(held).value();
      o.subject_org = opt(sorg, sorg_ind);
      o.subject_member = opt(smember, smember_ind);
      o.conclusion = conclusion;
      o.recorded_by = by;
      o.subject_label = label_ind == soci::i_ok ? label : std::string{};
      out.push_back(std::move(o));
    }
    return out;
  });
}

Result<std::vector<StudySessionRecord>> Store::list_study_sessions(const ActivityQuery& q) {
  return guarded([&]() -> Result<std::vector<StudySessionRecord>> {
    std::vector<StudySessionRecord> out;
    long long id = 0, org = 0, doc = 0, expected = 0, present = 0;
    std::string held, number, title, by, from = q.from.iso(), to = q.to.iso();
    int limit = q.limit;
    soci::statement st =
        (impl_->sql.prepare << "SELECT s.id, s.org_id, s.held_on, s.document_id, d.number, "
                               "d.title, s.expected, s.present, s.recorded_by FROM study_session s "
                               "JOIN party_document d ON d.id = s.document_id WHERE s.org_id IN " +
                                   id_list(q.orgs) + " AND s.held_on >= :f AND s.held_on <= :t" +
                                   (q.include_cancelled
                                        ? std::string()
                                        : and_not_cancelled("study_session", "s.id")) +
                                   " ORDER BY s.held_on DESC, s.id DESC LIMIT :l",
         soci::into(id), soci::into(org), soci::into(held), soci::into(doc), soci::into(number),
         soci::into(title), soci::into(expected), soci::into(present), soci::into(by),
         soci::use(from), soci::use(to), soci::use(limit));
    st.execute();
    while (st.fetch()) {
      StudySessionRecord s;
      s.id = id;
      s.org = org;
      s.held_on = Date::parse(held).value();
      s.document_id = doc;
      s.document_number = number;
      s.document_title = title;
      s.expected = expected;
      s.present = present;
      s.recorded_by = by;
      out.push_back(std::move(s));
    }
    return out;
  });
}

Result<std::vector<MeetingAbsenceRow>> Store::meeting_absences(
    const std::vector<ActivityId>& meetings) {
  return guarded([&]() -> Result<std::vector<MeetingAbsenceRow>> {
    std::vector<MeetingAbsenceRow> out;
    if (meetings.empty()) return out;
    long long meeting = 0;
    std::string code, family, middle, given, reason;
    soci::statement st =
        (impl_->sql.prepare << "SELECT a.meeting_id, m.code, m.family_name, m.middle_name, "
                               "m.given_name, a.reason FROM meeting_absence a JOIN member m ON "
                               "m.id = a.member_id WHERE a.meeting_id IN " +
                                   id_list(meetings) + " ORDER BY a.meeting_id, m.sort_key, m.id",
         soci::into(meeting), soci::into(code), soci::into(family), soci::into(middle),
         soci::into(given), soci::into(reason));
    st.execute();
    while (st.fetch()) {
      MeetingAbsenceRow r;
      r.meeting = meeting;
      r.member_code = code;
      r.person.family = family;
      r.person.middle = middle;
      r.person.given = given;
      r.reason = reason;
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::optional<ActivityHead>> Store::activity_head(CancelledKind kind, ActivityId id) {
  return guarded([&]() -> Result<std::optional<ActivityHead>> {
    const char* table = nullptr;
    switch (kind) {
      case CancelledKind::meeting: table = "meeting"; break;
      case CancelledKind::oversight: table = "oversight"; break;
      case CancelledKind::study_session: table = "study_session"; break;
      case CancelledKind::conference: table = "conference"; break;
    }
    long long key = id, org = 0;
    std::string held;
    impl_->sql << std::string("SELECT org_id, held_on FROM ") + table + " WHERE id = :id",
        soci::use(key), soci::into(org), soci::into(held);
    if (!impl_->sql.got_data()) return std::optional<ActivityHead>{};
    return std::optional<ActivityHead>{ActivityHead{org, Date::parse(held).value()}};
  });
}

Status Store::insert_cancellation(const CancellationRecord& c) {
  return guarded([&]() -> Status {
    std::string kind(to_string(c.kind));
    long long id = c.activity;
    impl_->sql << "INSERT INTO activity_cancellation (kind, activity_id, reason, cancelled_by, "
                  "cancelled_at) VALUES (:k, :i, :r, :b, :a)",
        soci::use(kind), soci::use(id), soci::use(c.reason), soci::use(c.cancelled_by),
        soci::use(c.cancelled_at);
    return {};
  });
}

Result<std::vector<CancellationRecord>> Store::cancellations(CancelledKind kind,
                                                             const std::vector<std::int64_t>& ids) {
  return guarded([&]() -> Result<std::vector<CancellationRecord>> {
    std::vector<CancellationRecord> out;
    if (ids.empty()) return out;
    std::string k(to_string(kind)), reason, by, at, name;
    long long id = 0;
    soci::indicator name_ind = soci::i_null;
    soci::statement st =
        (impl_->sql.prepare << "SELECT c.activity_id, c.reason, c.cancelled_by, c.cancelled_at, "
                               "a.display_name FROM activity_cancellation c LEFT JOIN account a "
                               "ON a.username = c.cancelled_by WHERE c.kind = :k AND "
                               "c.activity_id IN " +
                                   id_list(ids) + " ORDER BY c.activity_id",
         soci::into(id), soci::into(reason), soci::into(by), soci::into(at),
         soci::into(name, name_ind), soci::use(k));
    st.execute();
    while (st.fetch()) {
      out.push_back({kind, id, reason, by, at, name_ind == soci::i_ok ? name : std::string()});
    }
    return out;
  });
}

Result<std::optional<CancellationRecord>> Store::cancellation(CancelledKind kind, std::int64_t id) {
  auto rows = cancellations(kind, {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<CancellationRecord>{};
  return std::optional<CancellationRecord>{rows->front()};
}

Result<std::vector<MeetingFact>> Store::meeting_facts(Date from, Date to, const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<MeetingFact>> {
    std::vector<MeetingFact> out;
    long long org = 0, n = 0, expected = 0, present = 0;
    std::string kind, f = from.iso(), t = to.iso();
    soci::statement st =
        (impl_->sql.prepare << "SELECT org_id, kind, COUNT(*), SUM(expected), SUM(present) FROM "
                               "meeting WHERE held_on >= :f AND held_on <= :t" +
                                   and_org_in("org_id", orgs) +
                                   and_not_cancelled("meeting", "meeting.id") +
                                   " GROUP BY org_id, kind",
         soci::into(org), soci::into(kind), soci::into(n), soci::into(expected),
         soci::into(present), soci::use(f), soci::use(t));
    st.execute();
    while (st.fetch()) {
      out.push_back(
          {org, parse_meeting_kind(kind).value_or(MeetingKind::regular), n, expected, present});
    }
    return out;
  });
}

Result<std::vector<MeetingMonthFact>> Store::meeting_months(Date from, Date to, MeetingKind kind,
                                                            const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<MeetingMonthFact>> {
    std::vector<MeetingMonthFact> out;
    long long org = 0;
    std::string month, f = from.iso(), t = to.iso(), k(to_string(kind));
    soci::statement st =
        (impl_->sql.prepare << "SELECT DISTINCT org_id, substr(held_on, 1, 7) FROM meeting WHERE "
                               "kind = :k AND held_on >= :f AND held_on <= :t" +
                                   and_org_in("org_id", orgs) +
                                   and_not_cancelled("meeting", "meeting.id"),
         soci::into(org), soci::into(month), soci::use(k), soci::use(f), soci::use(t));
    st.execute();
    while (st.fetch()) {
      out.push_back({org, std::stoi(month.substr(0, 4)), std::stoi(month.substr(5, 2))});
    }
    return out;
  });
}

Result<std::vector<OversightFact>> Store::oversight_facts(Date from, Date to,
                                                          const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<OversightFact>> {
    std::vector<OversightFact> out;
    long long org = 0, n = 0;
    int of_member = 0;
    std::string kind, basis, f = from.iso(), t = to.iso();
    soci::statement st =
        (impl_->sql.prepare << "SELECT org_id, kind, basis, subject_member_id IS NOT NULL, "
                               "COUNT(*) FROM oversight WHERE held_on >= :f AND held_on <= :t" +
                                   and_org_in("org_id", orgs) +
                                   and_not_cancelled("oversight", "oversight.id") +
                                   " GROUP BY org_id, kind, basis, subject_member_id IS NOT NULL",
         soci::into(org), soci::into(kind), soci::into(basis), soci::into(of_member), soci::into(n),
         soci::use(f), soci::use(t));
    st.execute();
    while (st.fetch()) {
      out.push_back({org, parse_oversight_kind(kind).value_or(OversightKind::inspection),
                     parse_oversight_basis(basis).value_or(OversightBasis::planned), of_member != 0,
                     n});
    }
    return out;
  });
}

Result<std::vector<StudyFact>> Store::study_facts(Date from, Date to, const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<StudyFact>> {
    std::vector<StudyFact> out;
    long long org = 0, n = 0, expected = 0, present = 0;
    std::string f = from.iso(), t = to.iso();
    soci::statement st =
        (impl_->sql.prepare << "SELECT org_id, COUNT(*), SUM(expected), SUM(present) FROM "
                               "study_session WHERE held_on >= :f AND held_on <= :t" +
                                   and_org_in("org_id", orgs) +
                                   and_not_cancelled("study_session", "study_session.id") +
                                   " GROUP BY org_id",
         soci::into(org), soci::into(n), soci::into(expected), soci::into(present), soci::use(f),
         soci::use(t));
    st.execute();
    while (st.fetch()) out.push_back({org, n, expected, present});
    return out;
  });
}

Result<std::vector<ProbationerRow>> Store::probationers_started_by(Date at, Date started_by,
                                                                   const OrgFilter& orgs) {
  return guarded([&]() -> Result<std::vector<ProbationerRow>> {
    std::vector<ProbationerRow> out;
    std::string d = at.iso(), by = started_by.iso(), code, family, middle, given, start;
    long long org = 0;
    soci::statement st =
        (impl_->sql.prepare << "SELECT m.code, m.family_name, m.middle_name, m.given_name, "
                               "p.org_id, p.probation_start FROM member_period p JOIN member m ON "
                               "m.id = p.member_id WHERE p.valid_from <= :a AND p.valid_to > :b "
                               "AND p.status = 'probationary' AND p.org_id IS NOT NULL AND "
                               "p.probation_start <= :s" +
                                   and_org_in("p.org_id", orgs) +
                                   " ORDER BY p.probation_start, m.sort_key",
         soci::into(code), soci::into(family), soci::into(middle), soci::into(given),
         soci::into(org), soci::into(start), soci::use(d), soci::use(d), soci::use(by));
    st.execute();
    while (st.fetch()) {
      ProbationerRow r;
      r.code = code;
      r.person.family = family;
      r.person.middle = middle;
      r.person.given = given;
      r.org = org;
      r.probation_start = Date::parse(start).value();
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::vector<MemberId>> Store::active_members_of(OrgId org, Date at) {
  return guarded([&]() -> Result<std::vector<MemberId>> {
    std::vector<MemberId> out;
    long long o = org, id = 0;
    std::string d = at.iso();
    soci::statement st =
        // Two indexed lookups (by org, by temporary org); an OR of both would scan the table.
        (impl_->sql.prepare << "SELECT member_id FROM member_period WHERE org_id = :o AND "
                               "valid_to > :a AND valid_from <= :b AND status IN ('probationary', "
                               "'official') UNION SELECT member_id FROM member_period WHERE "
                               "temp_org_id = :t AND valid_to > :c AND valid_from <= :e AND status "
                               "IN ('probationary', 'official') ORDER BY 1",
         soci::into(id), soci::use(o), soci::use(d), soci::use(d), soci::use(o), soci::use(d),
         soci::use(d));
    st.execute();
    while (st.fetch()) out.push_back(id);
    return out;
  });
}

}  // namespace dangvu::store
