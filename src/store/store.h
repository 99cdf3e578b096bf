#pragma once
// Persistence of the registry over SOCI, on SQLite (a file: one office) or PostgreSQL (a
// postgresql:// URL: a province or the nation). The same SQL serves both; the few differences
// (schema types, ids, transactions) are in database.cpp and migrations.cpp. No SQL exists
// outside store/, and no SOCI, sqlite3 or libpq header is included outside its .cpp files.
//
// Every method returns a Result; storage failures become ErrorKind::io (or conflict for a
// duplicate key). Writes must run inside write_transaction(), which is one write transaction
// (SQLite: BEGIN IMMEDIATE; PostgreSQL: SERIALIZABLE, retried on a serialization failure) that
// commits only if the callback succeeds.
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/issuer.h"
#include "core/member.h"
#include "core/member_fold.h"
#include "core/org.h"
#include "core/org_history.h"
#include "core/result.h"
#include "store/activity_records.h"
#include "store/conference_records.h"

namespace dangvu::store {

// read_replica: a PostgreSQL hot standby, read only: its schema must be the latest already (the
// primary migrates; a standby is never written).
enum class OpenMode { create_new, open_existing, read_replica };
enum class Engine { sqlite, postgresql };

// Where `--db` points: a postgresql:// (or postgres://) URL is a PostgreSQL server, anything
// else a SQLite file.
Engine engine_of(const std::string& db);
// The URL or path as it may be shown and logged: a password in a URL is replaced by ***.
std::string redacted(const std::string& db);

struct MemberRecord {
  MemberId id = 0;
  std::string code;
  Person person;
  std::string card_number;
};

// A member about to be written: who it is and the keys it is found by (from text/fold.h).
struct NewMember {
  std::string code;
  Person person;
  std::string search_name;               // the folded full name
  std::string sort_key;                  // collation key bytes (stored as hex)
  std::vector<std::string> search_keys;  // the folded name's word suffixes
};

// A row of a member list as of a date.
struct MemberRow {
  MemberId id = 0;
  std::string code;
  Person person;
  std::string card_number;
  MemberStatus status = MemberStatus::none;
  std::optional<OrgId> org;
};

// How a name search finds its members. Matches are listed by the word suffix of the folded name
// they match (`chinh` before `chinh minh`), then in order of entry, each member once: the order of
// the search keys' index, so the first page is read without sorting every match.
//   search_keys: walk the keys from the prefix in that order, keeping those in the scope (a large
//     scope, or none);
//   scope_first: read the scope's members and check each folded name (a branch or a committee
//     searched for a common name, whose matches over the nation would be walked for nothing).
// `automatic` weighs the keys the prefix covers against the members the scope holds.
enum class SearchPlan { automatic, search_keys, scope_first };

struct MemberQuery {
  Date at;
  std::optional<std::vector<OrgId>> orgs;  // official org within these (none: everywhere)
  std::string folded_prefix;               // matches any word suffix of the folded name
  std::set<MemberStatus> statuses;         // empty: every status
  int limit = 100;
  int offset = 0;
  SearchPlan plan = SearchPlan::automatic;
};

// A page of a member list and how many match in all, counted no further than asked.
struct MemberPage {
  std::vector<MemberRow> rows;
  std::int64_t total = 0;  // every match, or where the count stopped when `more`
  bool more = false;       // more than `total` match
};

// A member event with who it concerns, for lists of recent events.
struct RecentEvent {
  EventId id = 0;
  std::string member_code;
  Person person;  // names only
  MemberEventKind kind = MemberEventKind::admission;
  Date date;
  std::optional<OrgId> org;
};

// Limits a leaf-fact query to these orgs (a subtree and the orgs merged into it); none: every org.
using OrgFilter = std::optional<std::vector<OrgId>>;

// What committed transactions changed in the rows the figures are computed from (figure_change,
// schema v11): a member period or milestone ended (sign -1) or started (+1), an org whose
// versions changed. Periods and milestones without an org count nowhere and are not logged.
struct PeriodChange {
  int sign = 0;
  OrgId org = 0;
  MemberStatus status = MemberStatus::none;
  Date from;
  Date to;
  std::optional<Date> probation_start;
  bool operator==(const PeriodChange&) const = default;
};

struct MilestoneChange {
  int sign = 0;
  OrgId org = 0;
  MemberEventKind kind = MemberEventKind::admission;
  Date on;
  bool operator==(const MilestoneChange&) const = default;
};

struct FigureChanges {
  // False when a revision of the range left no rows to read (pruned, or it changed too much to
  // be logged): whatever was computed before it must be read again.
  bool complete = true;
  std::vector<PeriodChange> periods;
  std::vector<MilestoneChange> milestones;
  std::vector<OrgId> orgs;
};

// Members of an org on a date with one status (and, for probationary ones, one date their
// probation started).
struct OrgStatusCount {
  OrgId org = 0;
  MemberStatus status = MemberStatus::none;
  std::optional<Date> probation_start;
  std::int64_t count = 0;
};

struct MilestoneCount {
  OrgId org = 0;
  MemberEventKind kind = MemberEventKind::admission;
  std::int64_t count = 0;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::string target;
  std::string detail_json;
  std::string address;  // where the action came from: an IP address, or "cli"
  std::optional<OrgId> org;
};

struct AuditQuery {
  std::optional<std::vector<OrgId>> orgs;  // entries about these orgs (none: all)
  std::string actor;                       // exact actor (empty: all)
  std::string from, to;                    // ISO timestamps or dates, inclusive (empty: open)
  int limit = 100;
  std::int64_t before_id = 0;  // paging: entries older than this id (0: newest first)
};

struct AccountRecord {
  std::int64_t id = 0;
  std::string username, display_name, role;
  std::optional<OrgId> org;
  std::string password_hash;
  bool must_change_password = true;
  bool disabled = false;
  std::string created_at;
};

struct SessionRecord {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0;  // Unix seconds
  std::string address;
  bool ended = false;
};

// One table compared after a copy between engines (Store::copy_to).
struct TableCheck {
  struct Side {
    std::int64_t rows = 0;
    std::string checksum;  // over every row's text, in an order both engines agree on
  };
  std::string table;
  Side source, target;
  bool same() const { return source.rows == target.rows && source.checksum == target.checksum; }
};

class Store {
 public:
  // Opens (or creates) the database file. Refuses a file that is not writable, one that is not a
  // dangvu database, and one whose schema is newer than this program, leaving it untouched.
  // `now_iso` (from the injected clock) is recorded with each migration applied.
  static Result<std::unique_ptr<Store>> open(const std::string& path, OpenMode mode,
                                             const std::string& now_iso);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int latest_schema_version();
  int schema_version() const;
  Engine engine() const;

  // A bulk write (an import) on SQLite: a page cache of up to 128 MiB while it runs, so that its
  // one transaction does not spill index pages to the WAL and read them back (measured: system
  // time 4.5 s → 0.6 s for 100,000 rows, bench/import_members.sh); back to the default after.
  // Nothing to do on a server.
  class BulkWrite {
   public:
    // `cache_mib`: more for writes whose indexes outgrow the default (the national demo).
    explicit BulkWrite(Store& store, int cache_mib = 128);
    ~BulkWrite();
    BulkWrite(const BulkWrite&) = delete;
    BulkWrite& operator=(const BulkWrite&) = delete;

   private:
    Store& store_;
  };

  // Copies every table, ids, events and audit included, into `target` — a database just created
  // at the same schema version, on either engine — in one transaction there; then reads both
  // sides again and returns each table's row count and checksum (`verify`; else only the rows
  // copied, without reading anything again). A PostgreSQL target is written with COPY.
  Result<std::vector<TableCheck>> copy_to(Store& target, bool verify = true);

  // Runs `fn` in one write transaction; commits if it returns ok, rolls back otherwise.
  Status write_transaction(const std::function<Status()>& fn);
  // Inside a write transaction about to add `new_members` members to a registry that holds few
  // (an office's first import, the demo): on SQLite, the indexes that place member rows by
  // date, org or name order are dropped and built again, sorted, just before COMMIT — inserting
  // each row into them at a random place was most of an import's time (bench/import_members.sh).
  // A rollback brings them back as they were. The indexes a write looks members up by (code,
  // card, name keys, events and periods by member) stay. True if it did so.
  Result<bool> defer_member_order_indexes(std::int64_t new_members);
  // Runs `fn`'s reads on one snapshot of the data (a read transaction; REPEATABLE READ on
  // PostgreSQL): a revision and the rows read with it agree. Inside a write transaction, `fn`
  // simply runs in it.
  Status read_snapshot(const std::function<Status()>& fn);
  // True inside write_transaction(): what is read may not be committed, so it must not be cached.
  bool in_write_transaction() const;
  // True inside write_transaction() once it has changed an org (what was read before is stale).
  bool org_changed_in_transaction() const;

  // Orgs.
  Result<OrgId> insert_org(const std::string& code);
  Result<std::optional<OrgId>> find_org(const std::string& code);
  Result<OrgHistory> load_org_history();
  Result<std::vector<OrgVersion>> org_versions_valid_at(Date at);
  Result<std::unordered_map<OrgId, std::string>> org_codes();
  // A number that changes whenever a committed transaction changed the org tree.
  Result<std::int64_t> org_revision();
  // The code and latest name of one org (without loading the tree).
  Result<std::pair<std::string, std::string>> org_label(OrgId id);
  Status apply_org_change(const OrgChange& change, std::int64_t org_event_id);
  Result<std::int64_t> append_org_event(const std::string& kind, Date date,
                                        const std::string& payload_json, const std::string& actor,
                                        const std::string& at);

  // Members.
  // A member row without events yet (status none).
  Result<MemberId> insert_member(const NewMember& member, const std::string& at);
  // A member new to the registry with the events of its entry and the rows derived from them
  // (`derived`, their fold): its current state is written with the row and there is nothing to
  // delete first, a few statements fewer per member than insert, append and replace
  // (bench/import_members.sh).
  Result<MemberId> insert_new_member(const NewMember& member,
                                     const std::vector<MemberEvent>& events,
                                     const MemberHistory& derived, const std::string& actor,
                                     const std::string& at);
  Result<std::optional<MemberRecord>> find_member(const std::string& code_or_card);
  Result<MemberRecord> member_by_id(MemberId id);
  // Members whose folded full name ("dam van chinh") and birth date are these (imports match a
  // row without a card number this way).
  // Of `values`, those that are some member's code or card number; of `folded_names`, those that
  // are some member's folded full name. A few queries for a whole file, so that an import looks
  // up one by one only the rows that may be known (bench/import_members.sh).
  Result<std::unordered_set<std::string>> known_codes_or_cards(
      const std::vector<std::string>& values);
  Result<std::unordered_set<std::string>> known_folded_names(
      const std::vector<std::string>& folded_names);
  Result<std::vector<MemberRecord>> find_members_by_name(const std::string& folded_full_name,
                                                         Date birth_date);
  Result<std::vector<MemberEvent>> member_events(MemberId id);
  Result<EventId> append_member_event(MemberId id, const MemberEvent& event,
                                      const std::string& actor, const std::string& at);
  // Replaces the derived rows (periods, milestones, current state) from a fresh fold.
  Status replace_member_derived(MemberId id, const MemberHistory& history);
  // Orgs that hold members (candidates included) on or after `from`.
  Result<std::set<OrgId>> orgs_with_members_from(Date from);
  // Members (candidates included) whose official or temporary org is one of `orgs` on `from` or
  // later, in id order.
  Result<std::vector<MemberId>> members_in_orgs_from(const std::vector<OrgId>& orgs, Date from);
  // A page of the members that match (in list order: Vietnamese order of given name, then
  // family; a name search in the order SearchPlan tells), and their count, which goes no further
  // than `count_up_to` (a common name over the nation matches tens of thousands).
  Result<MemberPage> list_members(const MemberQuery& query, std::int64_t count_up_to);
  // The latest events (by effective date, up to `upto`) of members while they were in `orgs`.
  Result<std::vector<RecentEvent>> recent_events(const std::vector<OrgId>& orgs, Date upto,
                                                 int limit);

  // Leaf facts for roll-ups, grouped by org in SQL.
  // The periods on `at`, by org, status and probation start: one pass over them.
  Result<std::vector<OrgStatusCount>> count_by_org_and_status(Date at, const OrgFilter& orgs = {});
  Result<std::vector<MilestoneCount>> count_milestones(Date from, Date to,
                                                       const OrgFilter& orgs = {});
  // A number that changes whenever a committed transaction changed members or their derived
  // rows (with org_revision(), the revision of every leaf fact about members).
  Result<std::int64_t> member_revision();
  // Both in one read: {org_revision, member_revision}.
  Result<std::pair<std::int64_t, std::int64_t>> data_revisions();
  // What the revisions after `after` up to `upto` of `topic` ("member" or "org") changed, in
  // revision order (store/figure_log.cpp).
  Result<FigureChanges> figure_changes(const std::string& topic, std::int64_t after,
                                       std::int64_t upto);
  // The codes and every version of these orgs, as a history holding only them.
  Result<OrgHistory> load_orgs(const std::vector<OrgId>& ids);

  // The plain-SQL way (plain_sql_store.cpp), as an ordinary web application would write it: a
  // recursive CTE walks the tree as of `at` below `root` in every query. Not used by the program's
  // reads; kept as the reference the roll-up is checked against (tests) and measured beside
  // (bench/nation.sh).
  struct PlainSqlStats {
    std::vector<std::pair<OrgKind, std::int64_t>> orgs_by_kind;  // the subtree, root included
    std::vector<std::pair<MemberStatus, std::int64_t>> members_by_status;
  };
  Result<PlainSqlStats> plain_sql_stats(OrgId root, Date at);

  // Who issues and signs an org's documents (issuer_store.cpp): appended rows, each from a date.
  struct IssuerProfileRow {
    OrgId org = 0;
    IssuerProfile profile;
  };
  struct OfficeHolderRow {
    OrgId org = 0;
    OfficeHolder holder;  // member_code read back
  };
  Status insert_issuer_profile(OrgId org, const IssuerProfile& p, const std::string& actor,
                               const std::string& at);
  Status insert_office_holder(OrgId org, const OfficeHolder& h, std::optional<MemberId> member,
                              const std::string& actor, const std::string& at);
  // What is recorded for these orgs, by org, then date, then recording order.
  Result<std::vector<IssuerProfileRow>> issuer_profiles(const std::vector<OrgId>& orgs);
  Result<std::vector<OfficeHolderRow>> office_holders(const std::vector<OrgId>& orgs);

  // Work records (activity_store.cpp). Inserts return the new id.
  Result<std::int64_t> insert_party_document(const PartyDocumentRecord& doc,
                                             const std::string& actor, const std::string& at);
  Result<std::optional<PartyDocumentRecord>> find_party_document(const std::string& number);
  Result<std::vector<PartyDocumentRecord>> list_party_documents(const std::string& folded_query,
                                                                int limit);
  // The current target, if any.
  Result<std::optional<std::int64_t>> plan_target(OrgId org, int year,
                                                  const std::string& indicator);
  Status set_plan_target(const PlanTargetRecord& target, const std::string& actor,
                         const std::string& at);
  // Every target of the year (all orgs: the roll-up keeps what is in the subtree).
  // The year's targets of `orgs` (none: every org's).
  Result<std::vector<PlanTargetRecord>> plan_targets(int year,
                                                     const OrgFilter& orgs = std::nullopt);
  Result<ActivityId> insert_meeting(const MeetingRecord& m, const std::string& at);
  Result<ActivityId> insert_oversight(const OversightRecord& o, const std::string& at);
  Result<ActivityId> insert_study_session(const StudySessionRecord& s, const std::string& at);
  Result<std::vector<MeetingRecord>> list_meetings(const ActivityQuery& q);
  Result<std::vector<OversightRecord>> list_oversights(const ActivityQuery& q);
  Result<std::vector<StudySessionRecord>> list_study_sessions(const ActivityQuery& q);
  // The absences of these meetings, by meeting, then the member's name order.
  Result<std::vector<MeetingAbsenceRow>> meeting_absences(const std::vector<ActivityId>& meetings);
  // The org and date of a meeting, oversight or study session (kind conference: none).
  Result<std::optional<ActivityHead>> activity_head(CancelledKind kind, ActivityId id);
  // Cancellations (append-only: one per record, never changed or removed). The facts and the
  // reads that count exclude cancelled records in SQL.
  Status insert_cancellation(const CancellationRecord& c);
  Result<std::optional<CancellationRecord>> cancellation(CancelledKind kind, std::int64_t id);
  Result<std::vector<CancellationRecord>> cancellations(CancelledKind kind,
                                                        const std::vector<std::int64_t>& ids);
  // Leaf facts within [from, to], grouped in SQL by the org that recorded them.
  Result<std::vector<MeetingFact>> meeting_facts(Date from, Date to, const OrgFilter& orgs = {});
  // The months in which each org held a meeting of `kind`.
  Result<std::vector<MeetingMonthFact>> meeting_months(Date from, Date to, MeetingKind kind,
                                                       const OrgFilter& orgs = {});
  Result<std::vector<OversightFact>> oversight_facts(Date from, Date to,
                                                     const OrgFilter& orgs = {});
  Result<std::vector<StudyFact>> study_facts(Date from, Date to, const OrgFilter& orgs = {});
  // Probationary members on `at` whose probation started on or before `started_by`.
  Result<std::vector<ProbationerRow>> probationers_started_by(Date at, Date started_by,
                                                              const OrgFilter& orgs = {});
  // Members (official or probationary) whose official or temporary org is `org` on `at`.
  Result<std::vector<MemberId>> active_members_of(OrgId org, Date at);

  // Review conferences (conference_store.cpp). Sequence numbers (site, item, decision, task) are
  // assigned as the next within the conference.
  Result<ConferenceId> insert_conference(const ConferenceRecord& c, const std::string& at);
  Result<std::optional<ConferenceRecord>> conference_by_id(ConferenceId id);
  Result<std::vector<ConferenceRecord>> list_conferences(const ConferenceQuery& q);
  Status set_conference_report(ConferenceId id, OrgId org, const std::string& period);
  Status set_conference_conclusion(ConferenceId id, const std::string& text);
  Result<int> insert_conference_site(const ConferenceSiteRecord& s);
  Result<std::vector<ConferenceSiteRecord>> conference_sites(ConferenceId id);
  Status insert_participant(const ParticipantRecord& p);
  Result<std::vector<ParticipantRecord>> conference_participants(ConferenceId id);
  // Records attendance of one participant at the site with that id.
  Status set_attendance(std::int64_t participant_id, std::int64_t site_id, Attendance attendance,
                        const std::string& reason);
  Result<int> insert_conference_item(const ConferenceItemRecord& item);
  Result<std::vector<ConferenceItemRecord>> conference_items(ConferenceId id);
  // Files attached to items (conference_file_store.cpp): the latest of each item of a conference,
  // without its bytes; the latest of one item, with them.
  Status insert_item_file(const ItemFileRecord& f);
  Result<std::vector<ItemFileRecord>> item_files(ConferenceId id);
  Result<std::optional<ItemFileRecord>> item_file(ConferenceId id, int item);
  Result<int> insert_decision(const DecisionRecord& d, const std::string& actor,
                              const std::string& at);
  Result<std::vector<DecisionRecord>> conference_decisions(ConferenceId id);
  // The rotations recorded for a cluster, oldest first.
  Result<std::vector<DecisionRecord>> cluster_rotations(OrgId cluster);
  Result<TaskId> insert_task(const TaskRecord& t, const std::string& actor, const std::string& at);
  Result<std::optional<TaskRecord>> task_by_id(TaskId id);
  Result<std::vector<TaskRecord>> conference_tasks(ConferenceId id);
  // Tasks owned by these orgs, set on or before `set_by` and due before `due_before`, by due date.
  Result<std::vector<TaskRecord>> tasks_due_before(const std::vector<OrgId>& owners,
                                                   Date due_before, Date set_by);
  Status append_task_event(TaskId id, const TaskEvent& e, const std::string& actor,
                           const std::string& at);

  // Audit (append-only: there is no method that changes or removes an entry).
  Status append_audit(const AuditEntry& entry);
  Result<std::vector<AuditEntry>> list_audit(const AuditQuery& query);

  // Accounts and sessions.
  Result<std::int64_t> insert_account(const AccountRecord& account);
  Result<std::optional<AccountRecord>> find_account(const std::string& username);
  Result<AccountRecord> account_by_id(std::int64_t id);
  Result<std::vector<AccountRecord>> list_accounts();
  Result<std::int64_t> count_accounts();
  Status set_account_password(std::int64_t id, const std::string& hash, bool must_change,
                              const std::string& at);
  Status set_account_disabled(std::int64_t id, bool disabled);
  Result<std::int64_t> insert_session(const std::string& token_digest, std::int64_t account_id,
                                      std::int64_t now, std::int64_t expires_at,
                                      const std::string& address);
  Result<std::optional<SessionRecord>> find_session(const std::string& token_digest);
  Status touch_session(std::int64_t id, std::int64_t now);
  Status end_session(std::int64_t id, std::int64_t now);
  // Ends every open session of the account but `keep` (0: all).
  Status end_account_sessions(std::int64_t account_id, std::int64_t now, std::int64_t keep);

  // A consistent copy of the database file at `db_path` into the new file `out_path` (SQLite's
  // online backup API: readers and writers of the live database go on meanwhile).
  static Status backup_file(const std::string& db_path, const std::string& out_path);
  // Checks that `path` is an intact dangvu database this program can open (integrity check and
  // schema version), without changing it.
  static Status verify_file(const std::string& path);

  struct Impl;  // store_impl.h

 private:
  friend class BadgeStore;       // badge_store.h
  friend class DossierStore;     // dossier_store.h
  friend class DuesStore;        // dues_store.h
  friend class OrgResultStore;   // org_result_store.h
  friend class RatingStore;      // rating_store.h
  friend class StatisticsStore;  // statistics_store.h
  explicit Store(std::unique_ptr<Impl> impl);
  static Result<std::unique_ptr<Store>> open_server(const std::string& url, OpenMode mode,
                                                    const std::string& now_iso);
  Status run_transaction(const std::function<Status()>& fn);
  bool search_scope_first(const MemberQuery& q);  // member_store.cpp
  std::unique_ptr<Impl> impl_;
};

}  // namespace dangvu::store
