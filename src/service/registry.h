#pragma once
// The registry's use cases: one function per user action. Each validates its input before any
// transaction starts, runs as one transaction, records an audit entry, and on any refusal leaves
// the database exactly as it was.
#include <functional>
#include <string>

#include "core/clock.h"
#include "core/member_fold.h"
#include "core/member_orgs.h"
#include "core/result.h"
#include "core/rules.h"
#include "core/scope.h"
#include "figures/engine.h"
#include "report/conference_documents.h"
#include "report/document.h"
#include "report/review_report.h"
#include "service/badges.h"
#include "service/caller.h"
#include "service/dossier.h"
#include "service/dues.h"
#include "service/import.h"
#include "service/inputs.h"
#include "service/org_results.h"
#include "service/rating.h"
#include "service/statistics.h"
#include "service/views.h"
#include "store/store.h"

namespace dangvu::service {

class Registry {
 public:
  // `caller` is who acts: every read and write is limited to its role and scope, and its name is
  // written in every event and audit entry.
  Registry(store::Store& store, RuleSet rules, const Clock& clock, Caller caller);
  // The command line: everything, as "cli:<user>".
  Registry(store::Store& store, RuleSet rules, const Clock& clock, std::string actor);

  const RuleSet& rules() const { return rules_; }
  store::Store& store() { return store_; }
  const Clock& clock() const { return clock_; }
  const Caller& caller() const { return caller_; }
  // Shares trees between requests (the server); none: every read builds its own.
  // The figures engine shared by every request of a server (else each Registry keeps its own).
  void use_figures(figures::Engine* engine) { engine_ = engine; }

  // Org operations, each with an effective date.
  Result<OrgId> add_org(const AddOrgInput& in);
  Status rename_org(const std::string& code, const std::string& name, const std::string& date);
  Status move_org(const std::string& code, const std::string& parent_code, const std::string& date);
  Status merge_orgs(const MergeInput& in);
  Status split_org(const SplitInput& in);
  Status dissolve_org(const std::string& code, const std::string& date);

  // Members.
  Result<MemberId> add_member(const AddMemberInput& in);
  Result<EventId> record_event(const EventInput& in);
  // A member's dossier as of a date (dossier_actions.cpp): sensitive fields only for roles that
  // may read them, and each read that shows them audited.
  Result<DossierView> dossier(const std::string& code, const std::string& at);
  // Appends the changes of a member's dossier in one transaction, or none; their ids.
  Result<std::vector<DossierRecordId>> record_dossier(const DossierInput& in);
  // The member statistics of an org's subtree for a period beside the same period a year
  // before (statistics_reads.cpp; figures/statistics.h), and as the document an office signs.
  Result<StatisticsView> member_statistics(const std::string& org_code, const std::string& period);
  Result<report::Document> statistics_document(const std::string& org_code,
                                               const std::string& period);

  // Reads "as of" a date (empty: today). An empty org code means the caller's own organization
  // (the root of the tree for the administrator).
  // Party dues (service/dues_actions.cpp).
  Result<DuesRecordId> record_dues(const DuesRecordInput& in);
  Result<DuesMemberView> member_dues(const std::string& code, int year);
  Result<DuesBookView> dues_book(const std::string& org_code, int year);
  Result<std::vector<DuesPaymentId>> record_dues_month(const DuesMonthInput& in);
  Result<DuesPaymentId> cancel_dues_payment(const DuesCancelInput& in);
  // Who reaches a Party badge's years for an occasion ("2026-05-19") in an org's subtree
  // (service/badges_due.cpp).
  Result<BadgesDueView> badges_due(const std::string& org_code, const std::string& occasion);
  // A member's Party badges recorded (service/badge_actions.cpp): a decision's awards, a
  // presentation, a reissue, a cancellation; and the member's badges.
  Result<std::vector<BadgeRecordId>> record_badge_awards(const BadgeDecisionInput& in);
  Result<BadgeRecordId> record_badge_follow(const BadgeFollowInput& in);
  Result<MemberBadgesView> member_badges(const std::string& member_code);
  // The proposal (tờ trình with the list as its annex) of an org's subtree for an occasion: the
  // list of who is due, as the document the committee sends up (report/badge_document.h).
  Result<report::Document> badge_proposal_document(const std::string& org_code,
                                                   const std::string& occasion);
  // The yearly quality rating of members (service/rating_actions.cpp): a self-assessment or a
  // proposal, the competent level's decision, a cancellation; the round of a subtree; a
  // member's results.
  Result<RatingRecordId> record_rating(const RatingInput& in);
  Result<RatingDecisionResult> decide_ratings(const RatingDecisionInput& in);
  Result<RatingRecordId> cancel_rating(const RatingCancelInput& in);
  Result<RatingRoundView> rating_round(const std::string& org_code, int year);
  Result<MemberRatingsView> member_ratings(const std::string& member_code);
  // Organizations' results of a year (service/org_result_actions.cpp): an org's self-assessment,
  // the committee above's rating decision, a registration for an emulation title and its
  // recognition, a record cancelled; the results of the orgs of a subtree.
  Result<OrgResultId> record_org_rating(const OrgRatingInput& in);
  Result<OrgResultId> register_emulation(const EmulationInput& in);
  Result<OrgDecisionResult> decide_orgs(const OrgDecisionInput& in);
  Result<OrgResultId> cancel_org_result(const OrgResultCancelInput& in);
  Result<OrgResultsView> org_results(const std::string& org_code, int year);
  // The decisions of a year's results as the committee signs them (service/result_documents.cpp):
  // a grassroots org's rating of its members; a committee's rating of the orgs under it, or its
  // recognition of an emulation title (`title`).
  Result<report::Document> rating_decision_document(const std::string& org_code, int year);
  Result<report::Document> org_decision_document(const std::string& org_code, int year,
                                                 const std::string& title);
  // What an org sent up the tree (service/dues_remittances.cpp).
  Result<DuesRemittanceId> record_dues_remittance(const DuesRemittanceInput& in);
  Result<DuesRemittanceId> cancel_dues_remittance(const DuesRemittanceCancelInput& in);
  Result<DuesRemittancesView> dues_remittances(const std::string& org_code, int year);
  // A file of portal payments recorded at once (service/dues_import.cpp).
  Result<DuesImportReport> import_dues(DuesImportInput in);
  // The dues report of an org's subtree for a period, and as the document the office sends
  // (service/dues_report.cpp).
  Result<DuesReportView> dues_report(const std::string& org_code, const std::string& period);
  Result<report::Document> dues_report_document(const std::string& org_code,
                                                const std::string& period);

  Result<TreeView> tree(const std::string& org_code, const std::string& at);
  Result<StatsView> stats(const std::string& org_code, const std::string& at);
  // Every member whose history breaks the invariant of the two histories (administrator only):
  // what an office whose file was written before the check must correct (member_orgs.cpp).
  Result<std::vector<BreakView>> check_registry();
  Result<MemberView> show_member(const std::string& code, const std::string& at);
  Result<MemberListView> list_members(const ListMembersInput& in);

  // The latest member events in an org's subtree (as of `at`), newest first.
  Result<std::vector<RecentEventView>> recent_events(const std::string& org_code,
                                                     const std::string& at, int limit);

  // Who issues and signs an org's documents (issuer.cpp): recorded from a date on, appended,
  // audited; the view is what the documents dated `at` print.
  Status set_issuer_profile(const IssuerProfileInput& in);
  Status record_office_holder(const OfficeHolderInput& in);
  Result<IssuerView> issuer(const std::string& org_code, const std::string& at);

  // Work records (work_actions.cpp): each write is one transaction with its audit entry.
  Status add_document(const DocumentInput& in);
  Result<std::vector<DocumentView>> list_documents(const std::string& query, int limit);
  Status set_plan_target(const PlanTargetInput& in);
  Result<PlanView> plan(const std::string& org_code, int year);
  Result<ActivityId> record_meeting(const MeetingInput& in);
  Result<ActivityId> record_oversight(const OversightInput& in);
  Result<ActivityId> record_study_session(const StudySessionInput& in);
  Result<ActivitiesView> activities(const ActivitiesInput& in);
  // Cancels a meeting, an oversight, a study session or a conference recorded by mistake: an
  // appended cancellation with its reason (the record stays, listed as cancelled, and counts in
  // no figure); the permission and scope that record that kind for its org, one audit entry.
  Status cancel_record(const CancelInput& in);

  // Indicators and the report of an org's subtree for a period ("2026-H1", …) (report_reads.cpp).
  Result<IndicatorsView> indicators(const std::string& org_code, const std::string& period);
  // The report as signed (dated `dated`, YYYY-MM-DD; empty: the period's last day, or today while
  // it runs), or the office's working sheet of the checks on its figures.
  enum class ReportPart { signed_report, check_sheet };
  Result<report::Document> report(const std::string& org_code, const std::string& period,
                                  const std::string& dated = "",
                                  ReportPart part = ReportPart::signed_report);
  // The report's figure sentences, exactly as report() prints them (the conference documents
  // quote these).
  Result<report::ReportHighlights> report_highlights(const std::string& org_code,
                                                     const std::string& period);

  // Review conferences (conference_actions.cpp). Writes need a role that records conferences and
  // the conference's org in the caller's scope on the conference's date; each is one transaction
  // with its audit entry.
  Result<ConferenceId> create_conference(const ConferenceInput& in);
  Result<int> add_conference_site(const SiteInput& in);  // the site's number
  Result<InviteResultView> invite(const InviteInput& in);
  Status record_attendance(const AttendanceInput& in);
  // All or nothing, one audit entry; a refused entry is named by its index (`entries[3].member`).
  // Returns how many participants were recorded.
  Result<int> record_attendance_many(const BulkAttendanceInput& in);
  Status attach_report(const AttachReportInput& in);
  Result<int> add_conference_item(const ConferenceItemInput& in);  // the item's place in order
  // A file for an item (conference_files.cpp): PDF, Word or OpenDocument text, at most
  // kMaxItemFileBytes; a later file for the same item is shown instead (both kept).
  Result<ItemFileView> attach_item_file(const ItemFileInput& in);
  Result<store::ItemFileRecord> item_file(long long conference, long long item);
  Status conclude_conference(const ConclusionInput& in);
  Result<int> add_decision(const DecisionInput& in);  // the decision's number
  Result<TaskId> add_task(const TaskInput& in);
  Status set_task_status(const TaskStatusInput& in);
  // Reads; task statuses as of `at` (empty: today).
  Result<ConferenceView> show_conference(long long id, const std::string& at);
  Result<std::vector<ConferenceSummaryView>> list_conferences(const ConferenceListInput& in);
  // Tasks owned in the org's subtree that are overdue on `at`, the longest overdue first.
  Result<std::vector<TaskView>> overdue_tasks(const std::string& org_code, const std::string& at);
  // The org's last conference held on or before `at` and its tasks with their status on `at`.
  Result<PrepareNextView> prepare_next_conference(const std::string& org_code,
                                                  const std::string& at);

  // The conference's documents (conference_documents.cpp), from its record as it is now: the
  // invitation and the minutes as Party documents (render with report::render_docx), and the news
  // item for the portal. The attached report's figures are computed by the report's own code.
  // `author` names the news item's author (empty: a marked placeholder).
  Result<report::Document> conference_invitation(long long id);
  Result<report::Document> conference_minutes(long long id);
  Result<report::NewsItem> conference_news(long long id, const std::string& author);

  // The audit log, newest first (the administrator only).
  Result<std::vector<AuditView>> read_audit(const AuditInput& in);

  // Imports a member list (XLSX or CSV): every row is checked by the same rules as a typed entry
  // and matched to an existing member (card number, else name + birth date + org); nothing is
  // written unless every row passes (or `valid_only`), in one transaction, with one audit entry.
  // The report lists every problem; an error is returned only when the file cannot be read.
  Result<ImportReport> import_members(const ImportInput& in);
  // Imports an org list: new orgs are created on their founding date under their parent (in the
  // file or recorded), each as an org operation with its event and audit entry; an org already
  // recorded must match the record (name, kind, parent) and is left unchanged. All or nothing, as
  // for members.
  Result<ImportReport> import_orgs(const ImportInput& in);

  // A member list as filtered (the same filters as list_members, every page) and the tree with
  // counts, as tables for the writers.
  // The member list carries the dossier's columns (values as of the list's date, catalog items
  // by their labels); the sensitive ones (ethnicity, religion, citizen ID, health, discipline)
  // only when `sensitive` is included, which needs the permission export_sensitive and writes an
  // audit entry (who, whose, when) — refused (forbidden) before anything is read otherwise.
  enum class SensitiveColumns { left_out, included };
  Result<ExportTable> export_members(const ListMembersInput& in,
                                     SensitiveColumns sensitive = SensitiveColumns::left_out);
  Result<ExportTable> export_tree(const std::string& org_code, const std::string& at);

  // Bulk loading for generators and imports, inside a transaction the caller holds: a member
  // with a whole log, checked by the same fold as typed entries. `history` is the org history
  // the caller keeps current (so that a million members need not reload it).
  // `card_known_free`: the caller has already made sure no member holds the card number.
  Result<MemberId> load_member_with_events(const std::string& code, const Person& person,
                                           const std::vector<MemberEvent>& events,
                                           const OrgHistory& history, bool card_known_free = false);
  // The same for a member whose name keys were made already (new_member()).
  Result<MemberId> load_member_with_events(const store::NewMember& member,
                                           const std::vector<MemberEvent>& events,
                                           const OrgHistory& history, bool card_known_free = false);
  // A member about to be written: the person and the keys they are found and listed by.
  static store::NewMember new_member(const std::string& code, const Person& person);

 private:
  Result<Date> date_or_today(const std::string& text, const char* field) const;
  Result<OrgId> require_org(const std::string& code, const char* field);
  Result<OrgId> reserve_org(const std::string& code, const char* field);
  Status apply_org_change(const std::string& kind, const OrgChange& change,
                          const std::string& payload_json, const std::string& target, OrgId org);
  Status move_members(const OrgChange& change, const OrgHistory& history);
  Result<MemberEvent> to_event(const EventInput& in, const Date& default_date);
  // A member the caller holds today, with its log folded (inside or outside a transaction); an
  // unknown code and one outside the scope answer alike.
  struct HeldMember {
    store::MemberRecord record;
    MemberHistory history;
  };
  Result<HeldMember> held_member(const std::string& code, const OrgHistory& history);
  // Checks one change of a dossier against the field, the catalogs, the member's dates and the
  // log (a correction names a record of this member and field; a citizen ID is one person's).
  Status check_dossier_change(const DossierChangeInput& c, std::size_t index,
                              const HeldMember& member, const Dossier& log, const Scope& held,
                              const OrgHistory& history);
  Result<MemberHistory> fold(const Person& person, const std::vector<MemberEvent>& events,
                             const OrgHistory& history) const;
  // What a candidate's admission file lacks for a vote on `vote` (admission_file.cpp): the
  // dossier's file facts, and each sponsor's status on that day read from the sponsor's own log.
  Result<std::vector<AdmissionGap>> admission_gaps_of(MemberId member, std::optional<Date> vote,
                                                      Date fallback, const OrgHistory& history);
  // A sponsor as a person reads it: "Name (code)" when the caller holds the sponsor today, the
  // code alone otherwise.
  Result<std::string> sponsor_label(const std::string& code, const OrgHistory& history);
  // Refuses (naming `field`) a member write whose result `after` breaks the invariant of the two
  // histories (core/member_orgs.h) other than where the record already broke it (`was`, the
  // breaks of the record before the write, against the org history before it).
  Status require_orgs_hold(const std::string& member_code, const Person& person,
                           const MemberHistory& after, const OrgHistory& history,
                           const std::vector<OrgBreak>& was, const char* field) const;
  std::string describe_break(const std::string& member_code, const Person& person,
                             const OrgBreak& b, const OrgHistory& history) const;
  Status audit(const std::string& action, const std::string& target, const std::string& detail,
               std::optional<OrgId> org);

  // Access (scope.cpp). A role that may not do an action at all is refused (forbidden); a record
  // outside the caller's subtree is answered exactly as an unknown one (not found), so that
  // nothing about it leaks.
  Status require_permission(bool allowed, const char* action_vi, const char* action_en) const;
  // Scope over time (core/scope.h): the caller's subtree today and the history of what it holds.
  Scope scope(const OrgHistory& history) const;
  bool in_scope(const OrgHistory& history, OrgId org) const;
  Status require_in_scope(const OrgHistory& history, OrgId org, const char* field,
                          const std::string& code) const;
  // Structure changes (move, merge, split, dissolve) of the caller's own organization belong to
  // the committee above it.
  Status require_below_scope(OrgId org, const char* field) const;
  // A member held today (with its whole history), and a member whose org on `at` is held.
  bool member_in_scope(const MemberHistory& member, const OrgHistory& history) const;
  bool member_in_scope_at(const MemberHistory& member, const OrgHistory& history, Date at) const;
  // The refusal of a member write that reaches a time (or leaves a present) outside the scope.
  enum class ScopeBreach { reaches, leaves };
  Error history_outside_scope(const std::string& member_code, Date d, ScopeBreach breach) const;
  // The org a read is about: `org_code`, or the caller's own org (the tree's root for the
  // administrator); refused as unknown when it is not in the caller's subtree on `at`.
  Result<OrgId> readable_root(const std::string& org_code, const OrgTree& tree, Date at);
  // The refusal when the caller's own org did not exist on `at`: names the held orgs that did.
  Error own_org_not_yet(const OrgHistory& history, const Scope& held, const OrgTree& tree,
                        Date at) const;

  // A conference the caller may see and, with the role's permission, change: its org in the
  // caller's scope on the conference's date; otherwise answered as unknown.
  Result<store::ConferenceRecord> visible_conference(long long id, const OrgHistory& history);
  // Refuses a write to a cancelled conference (inside the write's transaction).
  Status require_not_cancelled(const store::ConferenceRecord& c);
  // Inside a transaction: the conference (visible, already held) and its site numbered `seq`.
  Result<std::pair<store::ConferenceRecord, store::ConferenceSiteRecord>> attendance_site(
      long long conference, int seq);
  // A member named in a conference (participant, chair, speaker): known, in the caller's scope,
  // and an official or probationary member on `at`; otherwise refused naming `field`.
  Result<store::MemberRecord> conference_member(const std::string& code, const char* field,
                                                const OrgHistory& history, Date at);

  // The issuer of documents of `org` dated `at` (`tree` as of `at`): a cluster's documents are
  // issued by its leading organization of the rotation then (else the committee above it).
  Result<Issuer> issuer_on(const OrgTree& tree, OrgId org, Date at);
  // Builds the review report's input for an org's subtree and a period and hands it to `use`.
  Status with_review_report(const std::string& org_code, const std::string& period,
                            const std::string& dated,
                            const std::function<void(const report::ReviewReportInput&)>& use);
  // A conference as its documents need it (visible_conference's access rules).
  Result<report::ConferenceDoc> conference_doc(long long id);

 public:
  // The figures engine: the shared one, else this Registry's own.
  figures::Engine& figures();
  // The tree as of `at` with every org's code (the engine's).
  Result<std::shared_ptr<const figures::TreeAt>> tree_at(Date at);
  // For reads (never inside a write transaction): the whole org history (the engine's).
  Result<std::shared_ptr<const OrgHistory>> history_for_read();
  // The member stocks as of `at` covering at least the subtree of `root` (figures::Engine).
  Result<std::shared_ptr<const figures::MemberStocks>> member_stocks(Date at, OrgId root,
                                                                     const OrgHistory& history,
                                                                     const OrgTree& tree);

 private:
  store::Store& store_;
  figures::Engine* engine_ = nullptr;
  std::shared_ptr<figures::Engine> own_engine_;
  RuleSet rules_;
  const Clock& clock_;
  Caller caller_;
  std::string actor_;
};

}  // namespace dangvu::service
