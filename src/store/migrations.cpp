#include "store/migrations.h"

namespace dangvu::store {

// Dates are ISO text (YYYY-MM-DD), which orders correctly as text in every engine; an open
// validity interval ends on 9999-12-31, so "as of D" is `valid_from <= D AND valid_to > D`.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      {1,
       {
           "CREATE TABLE org ("
           " id INTEGER PRIMARY KEY,"
           " code TEXT NOT NULL UNIQUE)",
           // The append-only log of org operations (create, rename, move, merge, split, dissolve).
           "CREATE TABLE org_event ("
           " id INTEGER PRIMARY KEY,"
           " kind TEXT NOT NULL,"
           " effective_on TEXT NOT NULL,"
           " payload TEXT NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL)",
           // Derived from org_event in the same transaction: the dated tree.
           "CREATE TABLE org_version ("
           " org_id INTEGER NOT NULL REFERENCES org(id),"
           " valid_from TEXT NOT NULL,"
           " valid_to TEXT NOT NULL,"
           " parent_id INTEGER REFERENCES org(id),"
           " name TEXT NOT NULL,"
           " kind TEXT NOT NULL,"
           " successor_id INTEGER REFERENCES org(id),"
           " event_id INTEGER NOT NULL REFERENCES org_event(id),"
           " CHECK (valid_from <= valid_to))",
           "CREATE INDEX org_version_by_org ON org_version(org_id, valid_from)",
           "CREATE INDEX org_version_by_time ON org_version(valid_to, valid_from)",
           "CREATE TABLE member ("
           " id INTEGER PRIMARY KEY,"
           " code TEXT NOT NULL UNIQUE,"
           " family_name TEXT NOT NULL,"
           " middle_name TEXT NOT NULL,"
           " given_name TEXT NOT NULL,"
           " gender TEXT NOT NULL,"
           " birth_date TEXT NOT NULL,"
           " search_name TEXT NOT NULL,"
           " sort_key BLOB NOT NULL,"
           " card_number TEXT UNIQUE,"
           " status TEXT NOT NULL,"
           " org_id INTEGER REFERENCES org(id),"
           " created_at TEXT NOT NULL)",
           "CREATE INDEX member_by_sort ON member(sort_key)",
           // The append-only member event log: the truth every other member row derives from.
           "CREATE TABLE member_event ("
           " id INTEGER PRIMARY KEY,"
           " member_id INTEGER NOT NULL REFERENCES member(id),"
           " kind TEXT NOT NULL,"
           " effective_on TEXT NOT NULL,"
           " org_id INTEGER REFERENCES org(id),"
           " payload TEXT NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL)",
           "CREATE INDEX member_event_by_member ON member_event(member_id, id)",
           // Derived: status and org over time, rebuilt from the log when an event is appended.
           "CREATE TABLE member_period ("
           " member_id INTEGER NOT NULL REFERENCES member(id),"
           " valid_from TEXT NOT NULL,"
           " valid_to TEXT NOT NULL,"
           " status TEXT NOT NULL,"
           " org_id INTEGER REFERENCES org(id),"
           " temp_org_id INTEGER REFERENCES org(id),"
           " probation_start TEXT)",
           "CREATE INDEX member_period_by_member ON member_period(member_id)",
           "CREATE INDEX member_period_by_time ON member_period(valid_to, valid_from)",
           "CREATE INDEX member_period_by_org ON member_period(org_id, valid_to)",
           // Derived: flow facts (admissions, readmissions, recognitions) for period counts.
           "CREATE TABLE member_milestone ("
           " member_id INTEGER NOT NULL REFERENCES member(id),"
           " kind TEXT NOT NULL,"
           " on_date TEXT NOT NULL,"
           " org_id INTEGER REFERENCES org(id))",
           "CREATE INDEX member_milestone_by_date ON member_milestone(on_date)",
           "CREATE INDEX member_milestone_by_member ON member_milestone(member_id)",
           // Derived: folded name and each of its word suffixes, for prefix search by any part.
           "CREATE TABLE member_search ("
           " search_key TEXT NOT NULL,"
           " member_id INTEGER NOT NULL REFERENCES member(id),"
           " PRIMARY KEY (search_key, member_id))",
           "CREATE TABLE audit_log ("
           " id INTEGER PRIMARY KEY,"
           " at TEXT NOT NULL,"
           " actor TEXT NOT NULL,"
           " action TEXT NOT NULL,"
           " target TEXT NOT NULL,"
           " detail TEXT NOT NULL)",
       }},
      {2,
       {
           // Accounts of the server. The role is one of auth::Role's names; org_id is the scope
           // (NULL only for the system administrator).
           "CREATE TABLE account ("
           " id INTEGER PRIMARY KEY,"
           " username TEXT NOT NULL UNIQUE,"
           " display_name TEXT NOT NULL,"
           " role TEXT NOT NULL,"
           " org_id INTEGER REFERENCES org(id),"
           " password_hash TEXT NOT NULL,"
           " must_change_password INTEGER NOT NULL,"
           " disabled INTEGER NOT NULL DEFAULT 0,"
           " created_at TEXT NOT NULL,"
           " password_changed_at TEXT NOT NULL)",
           // Sessions keep only the digest of the token; times are Unix seconds.
           "CREATE TABLE login_session ("
           " id INTEGER PRIMARY KEY,"
           " token_digest TEXT NOT NULL UNIQUE,"
           " account_id INTEGER NOT NULL REFERENCES account(id),"
           " created_at INTEGER NOT NULL,"
           " last_seen_at INTEGER NOT NULL,"
           " expires_at INTEGER NOT NULL,"
           " address TEXT NOT NULL,"
           " ended_at INTEGER)",
           "CREATE INDEX login_session_by_account ON login_session(account_id)",
           // Audit: from where, and the org the record belongs to (for reading by org).
           "ALTER TABLE audit_log ADD COLUMN address TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE audit_log ADD COLUMN org_id INTEGER REFERENCES org(id)",
           "CREATE INDEX audit_log_by_actor ON audit_log(actor, id)",
           "CREATE INDEX audit_log_by_org ON audit_log(org_id, id)",
       }},
      {3,
       {
           // The register of Party documents (văn bản): numbers like 15-NQ/TU.
           "CREATE TABLE party_document ("
           " id INTEGER PRIMARY KEY,"
           " number TEXT NOT NULL,"
           " seq INTEGER NOT NULL,"
           " doc_type TEXT NOT NULL,"
           " issuer TEXT NOT NULL,"
           " issued_on TEXT NOT NULL,"
           " title TEXT NOT NULL,"
           " issuing_body TEXT NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL,"
           " UNIQUE (number, issued_on))",
           // The year's plan: one target per org, year and indicator (an indicator id of
           // report/indicators.h). Changing a target is audited with its old value.
           "CREATE TABLE plan_target ("
           " org_id INTEGER NOT NULL REFERENCES org(id),"
           " year INTEGER NOT NULL,"
           " indicator TEXT NOT NULL,"
           " target INTEGER NOT NULL CHECK (target >= 0),"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL,"
           " PRIMARY KEY (org_id, year, indicator))",
           // Branch meetings; `expected` is the branch's members on the day, `present` those who
           // came (expected minus the recorded absences).
           "CREATE TABLE meeting ("
           " id INTEGER PRIMARY KEY,"
           " org_id INTEGER NOT NULL REFERENCES org(id),"
           " held_on TEXT NOT NULL,"
           " kind TEXT NOT NULL,"
           " topic TEXT NOT NULL,"
           " quality TEXT NOT NULL,"
           " expected INTEGER NOT NULL,"
           " present INTEGER NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL)",
           "CREATE INDEX meeting_by_date ON meeting(held_on)",
           "CREATE INDEX meeting_by_org ON meeting(org_id, held_on)",
           "CREATE TABLE meeting_absence ("
           " meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
           " member_id INTEGER NOT NULL REFERENCES member(id),"
           " reason TEXT NOT NULL,"
           " PRIMARY KEY (meeting_id, member_id))",
           // Inspections and supervisions held by `org_id`, of an org or of a member.
           "CREATE TABLE oversight ("
           " id INTEGER PRIMARY KEY,"
           " org_id INTEGER NOT NULL REFERENCES org(id),"
           " kind TEXT NOT NULL,"
           " basis TEXT NOT NULL,"
           " held_on TEXT NOT NULL,"
           " subject_org_id INTEGER REFERENCES org(id),"
           " subject_member_id INTEGER REFERENCES member(id),"
           " conclusion TEXT NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL,"
           " CHECK ((subject_org_id IS NULL) <> (subject_member_id IS NULL)))",
           "CREATE INDEX oversight_by_date ON oversight(held_on)",
           "CREATE INDEX oversight_by_org ON oversight(org_id, held_on)",
           // Study sessions of a Party document, and who attended.
           "CREATE TABLE study_session ("
           " id INTEGER PRIMARY KEY,"
           " org_id INTEGER NOT NULL REFERENCES org(id),"
           " held_on TEXT NOT NULL,"
           " document_id INTEGER NOT NULL REFERENCES party_document(id),"
           " expected INTEGER NOT NULL,"
           " present INTEGER NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL)",
           "CREATE INDEX study_session_by_date ON study_session(held_on)",
           "CREATE INDEX study_session_by_org ON study_session(org_id, held_on)",
           // Members of a branch on a day include those there temporarily (meetings, study).
           "CREATE INDEX member_period_by_temp_org ON member_period(temp_org_id, valid_to)",
           "CREATE TABLE study_attendance ("
           " session_id INTEGER NOT NULL REFERENCES study_session(id),"
           " member_id INTEGER NOT NULL REFERENCES member(id),"
           " PRIMARY KEY (session_id, member_id))",
       }},
      {4,
       {
           // Review conferences (hội nghị sơ kết / tổng kết / giao ban). Chair and secretary are a
           // member or a typed name; the attached report is a reference (org + period code): the
           // report itself is computed from the records whenever it is read.
           "CREATE TABLE conference ("
           " id INTEGER PRIMARY KEY,"
           " org_id INTEGER NOT NULL REFERENCES org(id),"
           " kind TEXT NOT NULL,"
           " period TEXT NOT NULL,"
           " held_on TEXT NOT NULL,"
           " start_time TEXT NOT NULL,"
           " title TEXT NOT NULL,"
           " chair_member_id INTEGER REFERENCES member(id),"
           " chair_name TEXT NOT NULL,"
           " secretary_member_id INTEGER REFERENCES member(id),"
           " secretary_name TEXT NOT NULL,"
           " report_org_id INTEGER REFERENCES org(id),"
           " report_period TEXT NOT NULL DEFAULT '',"
           " conclusion TEXT NOT NULL DEFAULT '',"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL)",
           "CREATE INDEX conference_by_org ON conference(org_id, held_on)",
           "CREATE INDEX conference_by_date ON conference(held_on)",
           // Sites (điểm cầu): in person with an address, or online with a link; numbered 1, 2, …
           "CREATE TABLE conference_site ("
           " id INTEGER PRIMARY KEY,"
           " conference_id INTEGER NOT NULL REFERENCES conference(id),"
           " seq INTEGER NOT NULL,"
           " mode TEXT NOT NULL,"
           " name TEXT NOT NULL,"
           " address TEXT NOT NULL,"
           " link TEXT NOT NULL,"
           " host_org_id INTEGER REFERENCES org(id),"
           " UNIQUE (conference_id, seq))",
           // Invitations and attendance: a member (at most once per conference) or a guest typed
           // as text; attendance is recorded at one site.
           "CREATE TABLE conference_participant ("
           " id INTEGER PRIMARY KEY,"
           " conference_id INTEGER NOT NULL REFERENCES conference(id),"
           " kind TEXT NOT NULL,"
           " member_id INTEGER REFERENCES member(id),"
           " name TEXT NOT NULL,"
           " title TEXT NOT NULL,"
           " organization TEXT NOT NULL,"
           " invited_via TEXT NOT NULL,"
           " site_id INTEGER REFERENCES conference_site(id),"
           " attendance TEXT NOT NULL,"
           " absence_reason TEXT NOT NULL,"
           " CHECK ((kind = 'member') = (member_id IS NOT NULL)),"
           " UNIQUE (conference_id, member_id))",
           "CREATE INDEX conference_participant_by_conference ON "
           "conference_participant(conference_id, id)",
           // The programme in order: agenda points, contributions (tham luận), directing speech.
           "CREATE TABLE conference_item ("
           " id INTEGER PRIMARY KEY,"
           " conference_id INTEGER NOT NULL REFERENCES conference(id),"
           " kind TEXT NOT NULL,"
           " seq INTEGER NOT NULL,"
           " title TEXT NOT NULL,"
           " speaker_member_id INTEGER REFERENCES member(id),"
           " speaker_name TEXT NOT NULL,"
           " speaker_title TEXT NOT NULL,"
           " speaker_org TEXT NOT NULL,"
           " file_name TEXT NOT NULL,"
           " summary TEXT NOT NULL,"
           " UNIQUE (conference_id, seq))",
           // Decisions; a cluster rotation names the cluster and its next leading and deputy
           // organizations for a period (read by cluster: the cluster's rotation history).
           "CREATE TABLE conference_decision ("
           " id INTEGER PRIMARY KEY,"
           " conference_id INTEGER NOT NULL REFERENCES conference(id),"
           " seq INTEGER NOT NULL,"
           " kind TEXT NOT NULL,"
           " text TEXT NOT NULL,"
           " cluster_org_id INTEGER REFERENCES org(id),"
           " leading_org_id INTEGER REFERENCES org(id),"
           " deputy_org_id INTEGER REFERENCES org(id),"
           " for_period TEXT NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL,"
           " UNIQUE (conference_id, seq))",
           "CREATE INDEX conference_decision_by_cluster ON conference_decision(cluster_org_id)",
           // Follow-up tasks (nhiệm vụ trọng tâm) set by a conference for an owner organization.
           "CREATE TABLE follow_up_task ("
           " id INTEGER PRIMARY KEY,"
           " conference_id INTEGER NOT NULL REFERENCES conference(id),"
           " seq INTEGER NOT NULL,"
           " owner_org_id INTEGER NOT NULL REFERENCES org(id),"
           " title TEXT NOT NULL,"
           " set_on TEXT NOT NULL,"
           " due_on TEXT NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL,"
           " CHECK (set_on <= due_on),"
           " UNIQUE (conference_id, seq))",
           "CREATE INDEX follow_up_task_by_owner ON follow_up_task(owner_org_id, due_on)",
           // Append-only: a task's status is folded from these (core/conference.h), never stored.
           "CREATE TABLE follow_up_task_event ("
           " id INTEGER PRIMARY KEY,"
           " task_id INTEGER NOT NULL REFERENCES follow_up_task(id),"
           " kind TEXT NOT NULL,"
           " effective_on TEXT NOT NULL,"
           " note TEXT NOT NULL,"
           " recorded_at TEXT NOT NULL,"
           " recorded_by TEXT NOT NULL)",
           "CREATE INDEX follow_up_task_event_by_task ON follow_up_task_event(task_id, id)",
       }},
  };
  return list;
}

}  // namespace dangvu::store
