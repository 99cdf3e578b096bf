// Review conferences: the conference and its sites, participants, programme, decisions and
// follow-up tasks with their append-only status events.
#include <algorithm>

#include "store/store_impl.h"

namespace dangvu::store {
namespace {

// The next sequence number within a conference in `table`.
int next_seq(soci::session& sql, const char* table, long long conference) {
  int seq = 0;
  sql << std::string("SELECT COALESCE(MAX(seq), 0) + 1 FROM ") + table +
             " WHERE conference_id = :c",
      soci::use(conference), soci::into(seq);
  return seq;
}

// An optional id bound as NULL when absent.
struct OptId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  explicit OptId(const std::optional<std::int64_t>& v)
      : value(v.value_or(0)), ind(v ? soci::i_ok : soci::i_null) {}
};

const char* const kConferenceColumns =
    "SELECT c.id, c.org_id, c.kind, c.period, c.held_on, c.start_time, c.title, "
    "c.chair_member_id, COALESCE(cm.family_name || ' ' || cm.middle_name || ' ' || cm.given_name, "
    "c.chair_name), c.secretary_member_id, COALESCE(sm.family_name || ' ' || sm.middle_name || ' ' "
    "|| sm.given_name, c.secretary_name), c.report_org_id, c.report_period, c.conclusion, "
    "c.recorded_by FROM conference c LEFT JOIN member cm ON cm.id = c.chair_member_id "
    "LEFT JOIN member sm ON sm.id = c.secretary_member_id ";

struct ConferenceRow {
  long long id = 0, org = 0, chair = 0, secretary = 0, report_org = 0;
  soci::indicator chair_ind = soci::i_null, secretary_ind = soci::i_null, report_ind = soci::i_null;
  std::string kind, period, held, start, title, chair_name, secretary_name, report_period,
      conclusion, by;

  ConferenceRecord record() const {
    ConferenceRecord c;
    c.id = id;
    c.org = org;
    c.kind = parse_conference_kind(kind).value_or(ConferenceKind::thematic);
    c.period = period;
    c.held_on = Date::parse(held).value();
    c.start_time = start;
    c.title = title;
    if (auto v = opt(chair, chair_ind)) c.chair_member = *v;
    if (auto v = opt(secretary, secretary_ind)) c.secretary_member = *v;
    c.chair_name = collapse(chair_name);
    c.secretary_name = collapse(secretary_name);
    if (auto v = opt(report_org, report_ind)) c.report_org = *v;
    c.report_period = report_period;
    c.conclusion = conclusion;
    c.recorded_by = by;
    return c;
  }
  // A name joined from parts with an empty middle name has two spaces.
  static std::string collapse(const std::string& s) {
    std::string out;
    for (char ch : s) {
      if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
      out += ch;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }
};

void bind_conference(soci::statement& st, ConferenceRow& r) {
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.org));
  st.exchange(soci::into(r.kind));
  st.exchange(soci::into(r.period));
  st.exchange(soci::into(r.held));
  st.exchange(soci::into(r.start));
  st.exchange(soci::into(r.title));
  st.exchange(soci::into(r.chair, r.chair_ind));
  st.exchange(soci::into(r.chair_name));
  st.exchange(soci::into(r.secretary, r.secretary_ind));
  st.exchange(soci::into(r.secretary_name));
  st.exchange(soci::into(r.report_org, r.report_ind));
  st.exchange(soci::into(r.report_period));
  st.exchange(soci::into(r.conclusion));
  st.exchange(soci::into(r.by));
}

}  // namespace

Result<ConferenceId> Store::insert_conference(const ConferenceRecord& c, const std::string& at) {
  return guarded([&]() -> Result<ConferenceId> {
    long long org = c.org;
    OptId chair(c.chair_member), secretary(c.secretary_member);
    std::string kind(to_string(c.kind)), held = c.held_on.iso();
    // Names of members are read from the registry; a typed name is kept as typed.
    std::string chair_name = c.chair_member ? "" : c.chair_name;
    std::string secretary_name = c.secretary_member ? "" : c.secretary_name;
    impl_->sql << "INSERT INTO conference (org_id, kind, period, held_on, start_time, title, "
                  "chair_member_id, chair_name, secretary_member_id, secretary_name, "
                  "recorded_at, recorded_by) VALUES (:o, :k, :p, :h, :s, :t, :cm, :cn, :sm, "
                  ":sn, :at, :by)",
        soci::use(org), soci::use(kind), soci::use(c.period), soci::use(held),
        soci::use(c.start_time), soci::use(c.title), soci::use(chair.value, chair.ind),
        soci::use(chair_name), soci::use(secretary.value, secretary.ind), soci::use(secretary_name),
        soci::use(at), soci::use(c.recorded_by);
    return ConferenceId{last_insert_id(impl_->sql)};
  });
}

Result<std::optional<ConferenceRecord>> Store::conference_by_id(ConferenceId id) {
  return guarded([&]() -> Result<std::optional<ConferenceRecord>> {
    ConferenceRow r;
    soci::statement st(impl_->sql);
    bind_conference(st, r);
    long long key = id;
    st.exchange(soci::use(key));
    st.alloc();
    st.prepare(std::string(kConferenceColumns) + "WHERE c.id = :id");
    st.define_and_bind();
    if (!st.execute(true)) return std::optional<ConferenceRecord>{};
    return std::optional<ConferenceRecord>{r.record()};
  });
}

Result<std::vector<ConferenceRecord>> Store::list_conferences(const ConferenceQuery& q) {
  return guarded([&]() -> Result<std::vector<ConferenceRecord>> {
    std::vector<ConferenceRecord> out;
    ConferenceRow r;
    soci::statement st(impl_->sql);
    bind_conference(st, r);
    std::string from = q.from.iso(), to = q.to.iso();
    std::string kind = q.kind ? std::string(to_string(*q.kind)) : std::string();
    int limit = q.limit;
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
    st.exchange(soci::use(kind));
    st.exchange(soci::use(kind));
    st.exchange(soci::use(limit));
    st.alloc();
    st.prepare(std::string(kConferenceColumns) + "WHERE c.org_id IN " + id_list(q.orgs) +
               " AND c.held_on >= :f AND c.held_on <= :t AND (:k1 = '' OR c.kind = :k2)" +
               (q.include_cancelled ? std::string() : and_not_cancelled("conference", "c.id")) +
               " ORDER BY c.held_on DESC, c.id DESC LIMIT :l");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(r.record());
    return out;
  });
}

Status Store::set_conference_report(ConferenceId id, OrgId org, const std::string& period) {
  return guarded([&]() -> Status {
    long long key = id, o = org;
    impl_->sql << "UPDATE conference SET report_org_id = :o, report_period = :p WHERE id = :id",
        soci::use(o), soci::use(period), soci::use(key);
    return {};
  });
}

Status Store::set_conference_conclusion(ConferenceId id, const std::string& text) {
  return guarded([&]() -> Status {
    long long key = id;
    impl_->sql << "UPDATE conference SET conclusion = :c WHERE id = :id", soci::use(text),
        soci::use(key);
    return {};
  });
}

Result<int> Store::insert_conference_site(const ConferenceSiteRecord& s) {
  return guarded([&]() -> Result<int> {
    long long conf = s.conference;
    OptId host(s.host_org);
    int seq = next_seq(impl_->sql, "conference_site", conf);
    std::string mode(to_string(s.mode));
    impl_->sql << "INSERT INTO conference_site (conference_id, seq, mode, name, address, link, "
                  "host_org_id) VALUES (:c, :s, :m, :n, :a, :l, :h)",
        soci::use(conf), soci::use(seq), soci::use(mode), soci::use(s.name), soci::use(s.address),
        soci::use(s.link), soci::use(host.value, host.ind);
    return seq;
  });
}

Result<std::vector<ConferenceSiteRecord>> Store::conference_sites(ConferenceId id) {
  return guarded([&]() -> Result<std::vector<ConferenceSiteRecord>> {
    std::vector<ConferenceSiteRecord> out;
    long long key = id, sid = 0, host = 0;
    int seq = 0;
    soci::indicator host_ind = soci::i_null;
    std::string mode, name, address, link;
    soci::statement st =
        (impl_->sql.prepare << "SELECT id, seq, mode, name, address, link, host_org_id FROM "
                               "conference_site WHERE conference_id = :c ORDER BY seq",
         soci::into(sid), soci::into(seq), soci::into(mode), soci::into(name), soci::into(address),
         soci::into(link), soci::into(host, host_ind), soci::use(key));
    st.execute();
    while (st.fetch()) {
      ConferenceSiteRecord s;
      s.id = sid;
      s.conference = id;
      s.seq = seq;
      s.mode = parse_site_mode(mode).value_or(SiteMode::in_person);
      s.name = name;
      s.address = address;
      s.link = link;
      if (auto v = opt(host, host_ind)) s.host_org = *v;
      out.push_back(std::move(s));
    }
    return out;
  });
}

Status Store::insert_participant(const ParticipantRecord& p) {
  return guarded([&]() -> Status {
    long long conf = p.conference;
    OptId member(p.member);
    std::string kind(to_string(p.kind)), attendance(to_string(p.attendance));
    impl_->sql << "INSERT INTO conference_participant (conference_id, kind, member_id, name, "
                  "title, organization, invited_via, attendance, absence_reason) VALUES (:c, :k, "
                  ":m, :n, :t, :o, :v, :a, :r)",
        soci::use(conf), soci::use(kind), soci::use(member.value, member.ind), soci::use(p.name),
        soci::use(p.title), soci::use(p.organization), soci::use(p.invited_via),
        soci::use(attendance), soci::use(p.absence_reason);
    return {};
  });
}

Result<std::vector<ParticipantRecord>> Store::conference_participants(ConferenceId id) {
  return guarded([&]() -> Result<std::vector<ParticipantRecord>> {
    std::vector<ParticipantRecord> out;
    long long key = id, pid = 0, member = 0;
    int site = 0;
    soci::indicator member_ind = soci::i_null, site_ind = soci::i_null, code_ind = soci::i_null;
    std::string kind, code, name, title, organization, via, attendance, reason;
    soci::statement st =
        (impl_->sql.prepare
             << "SELECT p.id, p.kind, p.member_id, m.code, COALESCE(m.family_name || ' ' || "
                "m.middle_name || ' ' || m.given_name, p.name), p.title, p.organization, "
                "p.invited_via, s.seq, p.attendance, p.absence_reason FROM conference_participant "
                "p LEFT JOIN member m ON m.id = p.member_id LEFT JOIN conference_site s ON s.id = "
                "p.site_id WHERE p.conference_id = :c ORDER BY p.kind DESC, m.sort_key, p.id",
         soci::into(pid), soci::into(kind), soci::into(member, member_ind),
         soci::into(code, code_ind), soci::into(name), soci::into(title), soci::into(organization),
         soci::into(via), soci::into(site, site_ind), soci::into(attendance), soci::into(reason),
         soci::use(key));
    st.execute();
    while (st.fetch()) {
      ParticipantRecord p;
      p.id = pid;
      p.conference = id;
      p.kind = parse_participant_kind(kind).value_or(ParticipantKind::guest);
      if (auto v = opt(member, member_ind)) p.member = *v;
      p.member_code = code_ind == soci::i_ok ? code : std::string();
      p.name = ConferenceRow::collapse(name);
      p.title = title;
      p.organization = organization;
      p.invited_via = via;
      if (site_ind == soci::i_ok) p.site_seq = site;
      p.attendance = parse_attendance(attendance).value_or(Attendance::invited);
      p.absence_reason = reason;
      out.push_back(std::move(p));
    }
    return out;
  });
}

Status Store::set_attendance(std::int64_t participant_id, std::int64_t site_id,
                             Attendance attendance, const std::string& reason) {
  return guarded([&]() -> Status {
    long long pid = participant_id, sid = site_id;
    std::string a(to_string(attendance));
    impl_->sql << "UPDATE conference_participant SET site_id = :s, attendance = :a, "
                  "absence_reason = :r WHERE id = :p",
        soci::use(sid), soci::use(a), soci::use(reason), soci::use(pid);
    return {};
  });
}

Result<int> Store::insert_conference_item(const ConferenceItemRecord& item) {
  return guarded([&]() -> Result<int> {
    long long conf = item.conference;
    OptId speaker(item.speaker_member);
    int seq = next_seq(impl_->sql, "conference_item", conf);
    std::string kind(to_string(item.kind));
    impl_->sql << "INSERT INTO conference_item (conference_id, kind, seq, title, "
                  "speaker_member_id, speaker_name, speaker_title, speaker_org, file_name, "
                  "summary) VALUES (:c, :k, :s, :t, :m, :n, :st, :so, :f, :su)",
        soci::use(conf), soci::use(kind), soci::use(seq), soci::use(item.title),
        soci::use(speaker.value, speaker.ind), soci::use(item.speaker_name),
        soci::use(item.speaker_title), soci::use(item.speaker_org), soci::use(item.file_name),
        soci::use(item.summary);
    return seq;
  });
}

Result<std::vector<ConferenceItemRecord>> Store::conference_items(ConferenceId id) {
  return guarded([&]() -> Result<std::vector<ConferenceItemRecord>> {
    std::vector<ConferenceItemRecord> out;
    long long key = id, iid = 0, speaker = 0;
    int seq = 0;
    soci::indicator speaker_ind = soci::i_null;
    std::string kind, title, name, stitle, sorg, file, summary;
    soci::statement st =
        (impl_->sql.prepare << "SELECT id, kind, seq, title, speaker_member_id, speaker_name, "
                               "speaker_title, speaker_org, file_name, summary FROM "
                               "conference_item WHERE conference_id = :c ORDER BY seq",
         soci::into(iid), soci::into(kind), soci::into(seq), soci::into(title),
         soci::into(speaker, speaker_ind), soci::into(name), soci::into(stitle), soci::into(sorg),
         soci::into(file), soci::into(summary), soci::use(key));
    st.execute();
    while (st.fetch()) {
      ConferenceItemRecord r;
      r.id = iid;
      r.conference = id;
      r.kind = parse_item_kind(kind).value_or(ItemKind::agenda);
      r.seq = seq;
      r.title = title;
      if (auto v = opt(speaker, speaker_ind)) r.speaker_member = *v;
      r.speaker_name = name;
      r.speaker_title = stitle;
      r.speaker_org = sorg;
      r.file_name = file;
      r.summary = summary;
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<int> Store::insert_decision(const DecisionRecord& d, const std::string& actor,
                                   const std::string& at) {
  return guarded([&]() -> Result<int> {
    long long conf = d.conference;
    OptId cluster(d.cluster), leading(d.leading), deputy(d.deputy);
    int seq = next_seq(impl_->sql, "conference_decision", conf);
    std::string kind(to_string(d.kind));
    impl_->sql << "INSERT INTO conference_decision (conference_id, seq, kind, text, "
                  "cluster_org_id, leading_org_id, deputy_org_id, for_period, recorded_at, "
                  "recorded_by) VALUES (:c, :s, :k, :t, :cl, :le, :de, :p, :at, :by)",
        soci::use(conf), soci::use(seq), soci::use(kind), soci::use(d.text),
        soci::use(cluster.value, cluster.ind), soci::use(leading.value, leading.ind),
        soci::use(deputy.value, deputy.ind), soci::use(d.for_period), soci::use(at),
        soci::use(actor);
    return seq;
  });
}

namespace {

Result<std::vector<DecisionRecord>> read_decisions(soci::session& sql, const std::string& where,
                                                   long long key) {
  std::vector<DecisionRecord> out;
  long long did = 0, conf = 0, cluster = 0, leading = 0, deputy = 0;
  int seq = 0;
  soci::indicator cluster_ind = soci::i_null, leading_ind = soci::i_null, deputy_ind = soci::i_null;
  std::string kind, text, period, held;
  soci::statement st =
      (sql.prepare << "SELECT d.id, d.conference_id, d.seq, d.kind, d.text, d.cluster_org_id, "
                      "d.leading_org_id, d.deputy_org_id, d.for_period, c.held_on FROM "
                      "conference_decision d JOIN conference c ON c.id = d.conference_id WHERE " +
                          where + " ORDER BY c.held_on, d.conference_id, d.seq",
       soci::into(did), soci::into(conf), soci::into(seq), soci::into(kind), soci::into(text),
       soci::into(cluster, cluster_ind), soci::into(leading, leading_ind),
       soci::into(deputy, deputy_ind), soci::into(period), soci::into(held), soci::use(key));
  st.execute();
  while (st.fetch()) {
    DecisionRecord d;
    d.id = did;
    d.conference = conf;
    d.seq = seq;
    d.kind = parse_decision_kind(kind).value_or(DecisionKind::general);
    d.text = text;
    if (auto v = opt(cluster, cluster_ind)) d.cluster = *v;
    if (auto v = opt(leading, leading_ind)) d.leading = *v;
    if (auto v = opt(deputy, deputy_ind)) d.deputy = *v;
    d.for_period = period;
    d.held_on = Date::parse(held).value();
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

Result<std::vector<DecisionRecord>> Store::conference_decisions(ConferenceId id) {
  return guarded([&]() { return read_decisions(impl_->sql, "d.conference_id = :c", id); });
}

Result<std::vector<DecisionRecord>> Store::cluster_rotations(OrgId cluster) {
  return guarded([&]() {
    // A cancelled conference decided nothing.
    return read_decisions(impl_->sql,
                          "d.cluster_org_id = :c AND d.kind = 'cluster_rotation'" +
                              and_not_cancelled("conference", "d.conference_id"),
                          cluster);
  });
}

Result<TaskId> Store::insert_task(const TaskRecord& t, const std::string& actor,
                                  const std::string& at) {
  return guarded([&]() -> Result<TaskId> {
    long long conf = t.conference, owner = t.owner;
    int seq = next_seq(impl_->sql, "follow_up_task", conf);
    std::string set = t.set_on.iso(), due = t.due_on.iso();
    impl_->sql << "INSERT INTO follow_up_task (conference_id, seq, owner_org_id, title, set_on, "
                  "due_on, recorded_at, recorded_by) VALUES (:c, :s, :o, :t, :so, :d, :at, :by)",
        soci::use(conf), soci::use(seq), soci::use(owner), soci::use(t.title), soci::use(set),
        soci::use(due), soci::use(at), soci::use(actor);
    return TaskId{last_insert_id(impl_->sql)};
  });
}

namespace {

// Tasks matching `where` (with one integer or two text parameters bound by `bind`), each with
// its events in recording order.
template <typename Bind>
Result<std::vector<TaskRecord>> read_tasks(soci::session& sql, const std::string& where,
                                           Bind&& bind) {
  std::vector<TaskRecord> out;
  long long tid = 0, conf = 0, owner = 0;
  int seq = 0;
  std::string title, set, due;
  soci::statement st(sql);
  st.exchange(soci::into(tid));
  st.exchange(soci::into(conf));
  st.exchange(soci::into(seq));
  st.exchange(soci::into(owner));
  st.exchange(soci::into(title));
  st.exchange(soci::into(set));
  st.exchange(soci::into(due));
  bind(st);
  st.alloc();
  st.prepare(
      "SELECT id, conference_id, seq, owner_org_id, title, set_on, due_on FROM "
      "follow_up_task WHERE " +
      where + " ORDER BY due_on, conference_id, seq");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    TaskRecord t;
    t.id = tid;
    t.conference = conf;
    t.seq = seq;
    t.owner = owner;
    t.title = title;
    t.set_on = Date::parse(set).value();
    t.due_on = Date::parse(due).value();
    out.push_back(std::move(t));
  }
  for (auto& t : out) {
    long long key = t.id, eid = 0;
    std::string kind, on, note, at, by;
    soci::statement es =
        (sql.prepare << "SELECT id, kind, effective_on, note, recorded_at, recorded_by FROM "
                        "follow_up_task_event WHERE task_id = :t ORDER BY id",
         soci::into(eid), soci::into(kind), soci::into(on), soci::into(note), soci::into(at),
         soci::into(by), soci::use(key));
    es.execute();
    while (es.fetch()) {
      TaskEventRecord e;
      e.id = eid;
      e.event.kind = parse_task_event_kind(kind).value_or(TaskEventKind::reopened);
      e.event.on = Date::parse(on).value();
      e.event.note = note;
      e.recorded_at = at;
      e.recorded_by = by;
      t.events.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace

Result<std::optional<TaskRecord>> Store::task_by_id(TaskId id) {
  return guarded([&]() -> Result<std::optional<TaskRecord>> {
    long long key = id;
    auto rows = read_tasks(impl_->sql, "id = :id",
                           [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (!rows.ok()) return rows.error();
    if (rows->empty()) return std::optional<TaskRecord>{};
    return std::optional<TaskRecord>{rows->front()};
  });
}

Result<std::vector<TaskRecord>> Store::conference_tasks(ConferenceId id) {
  return guarded([&]() -> Result<std::vector<TaskRecord>> {
    long long key = id;
    auto rows = read_tasks(impl_->sql, "conference_id = :c",
                           [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (!rows.ok()) return rows.error();
    std::sort(rows->begin(), rows->end(),
              [](const TaskRecord& a, const TaskRecord& b) { return a.seq < b.seq; });
    return rows;
  });
}

Result<std::vector<TaskRecord>> Store::tasks_due_before(const std::vector<OrgId>& owners,
                                                        Date due_before, Date set_by) {
  return guarded([&]() -> Result<std::vector<TaskRecord>> {
    std::string due = due_before.iso(), set = set_by.iso();
    return read_tasks(impl_->sql,
                      "owner_org_id IN " + id_list(owners) + " AND due_on < :d AND set_on <= :s" +
                          and_not_cancelled("conference", "follow_up_task.conference_id"),
                      [&](soci::statement& st) {
                        st.exchange(soci::use(due));
                        st.exchange(soci::use(set));
                      });
  });
}

Status Store::append_task_event(TaskId id, const TaskEvent& e, const std::string& actor,
                                const std::string& at) {
  return guarded([&]() -> Status {
    long long key = id;
    std::string kind(to_string(e.kind)), on = e.on.iso();
    impl_->sql << "INSERT INTO follow_up_task_event (task_id, kind, effective_on, note, "
                  "recorded_at, recorded_by) VALUES (:t, :k, :o, :n, :at, :by)",
        soci::use(key), soci::use(kind), soci::use(on), soci::use(e.note), soci::use(at),
        soci::use(actor);
    return {};
  });
}

}  // namespace dangvu::store
