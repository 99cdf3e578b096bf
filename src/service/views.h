#pragma once
// What a read action returns: plain data, ready for text or JSON output.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/member.h"
#include "core/org.h"

namespace dangvu::service {

// A member whose history breaks the invariant of the two histories (core/member_orgs.h), as
// `dangvu check` lists it: from `date` on, in `org_code` after it ended or stopped holding members.
struct BreakView {
  std::string member_code, name;
  Date date;
  std::string org_code;
  bool temporary = false;
  std::string message_vi;
};

struct MemberCounts {
  std::int64_t official = 0;
  std::int64_t probationary = 0;
  std::int64_t candidates = 0;
  std::int64_t members() const { return official + probationary; }
  MemberCounts& operator+=(const MemberCounts& o) {
    official += o.official;
    probationary += o.probationary;
    candidates += o.candidates;
    return *this;
  }
};

struct TreeNodeView {
  std::string code, name;
  OrgKind kind = OrgKind::grassroots_branch;
  MemberCounts counts;  // over the node's subtree
  std::vector<TreeNodeView> children;
};

struct TreeView {
  Date at;
  TreeNodeView root;
  // Instead of `root`, when the caller's own org did not exist on `at` (a committee formed on
  // 1/7/2025 looking at 2023): the units it holds as they stood then (core/scope.h, tops_in),
  // with the caller's org (its code and name today) and the day it came into existence.
  std::vector<TreeNodeView> forest;
  std::string scope_code, scope_name;
  Date scope_formed_on;
  std::vector<const TreeNodeView*> tops() const {
    if (forest.empty()) return {&root};
    std::vector<const TreeNodeView*> out;
    for (const auto& n : forest) out.push_back(&n);
    return out;
  }
};

struct StatsView {
  std::string code, name;
  OrgKind kind = OrgKind::upper_committee;
  Date at;
  std::int64_t grassroots_committees = 0;
  std::int64_t grassroots_branches = 0;
  std::int64_t sub_branches = 0;
  MemberCounts members;
  std::int64_t probation_overdue = 0;
  std::int64_t admitted_this_year = 0;  // admissions and readmissions, 1/1 to the date
  std::int64_t recognized_this_year = 0;
  std::int64_t branches_below_minimum = 0;  // branches with fewer full members than the rule
};

struct EventView {
  EventId id = 0;
  MemberEventKind kind = MemberEventKind::admission;
  Date date;
  std::string org_code;
  std::string org_name;  // the org's name on the event's date
  std::string detail;    // the payload fields, readable
};

struct MemberView {
  std::string code, card_number;
  Person person;
  Date at;
  MemberStatus status = MemberStatus::none;
  std::string org_code, org_name, temp_org_code;
  std::optional<Date> admitted_on;
  int party_age_years = 0;
  std::optional<int> badge_years;
  std::optional<Date> recognition_due;
  bool probation_overdue = false;
  std::vector<EventView> events;
  std::vector<std::string> flags;
};

// A member list counts its matches this far and then says "more than" (or further, to the page
// asked); a name search, whose count walks the name index, stops sooner: "more than 200" already
// tells the user to type more (bench/RESULTS.md: counting to 1,000 was most of a search's time).
constexpr std::int64_t kListCountCap = 1000;
constexpr std::int64_t kSearchCountCap = 200;

struct MemberListView {
  Date at;
  std::int64_t total = 0;
  bool more = false;  // more than `total` match (the count stops there)
  struct Row {
    std::string code, card_number;
    Person person;
    MemberStatus status = MemberStatus::none;
    std::string org_code, org_name;  // the org on the list's date, its name then
  };
  std::vector<Row> rows;
};

struct RecentEventView {
  long long id = 0;
  std::string member_code, full_name, kind, date, org_code;
};

// One change an audit entry records, for a person: the key, its Vietnamese label, and the old
// and new values as text (dates dd/mm/yyyy, Có/Không, lists joined, objects "Nhãn: giá trị");
// `before` is empty unless the entry recorded the old value.
struct AuditChangeView {
  std::string field, label, before, after;
};

struct AuditView {
  long long id = 0;
  std::string at, actor, address, action, target, org_code, detail_json;
  std::string action_label, actor_label;  // core/audit_labels.h
  std::vector<AuditChangeView> changes;
};

// Work records.
struct DocumentView {
  std::string number, type, type_vi, issuer, issued_on, title, issuing_body;
};

// A cancelled record as a list shows it: when (UTC), by whom (a person's label), why.
struct CancellationView {
  std::string on, by, reason;
};

struct AbsenceView {
  std::string member, full_name, reason;
};

// Work records: the org's name and its parent's name (none for a root) on the activity's date;
// `cancelled` when a cancellation was recorded (the record then counts in no figure).
struct MeetingView {
  long long id = 0;
  std::string date, org_code, org_name, kind, kind_vi, topic, quality, quality_vi;
  long long expected = 0, present = 0;
  std::optional<std::string> org_parent_name;
  std::vector<AbsenceView> absences;
  std::optional<CancellationView> cancelled;
};

struct OversightView {
  long long id = 0;
  std::string date, org_code, org_name, kind, kind_vi, basis, basis_vi, subject, conclusion;
  std::optional<std::string> org_parent_name;
  std::optional<CancellationView> cancelled;
};

struct StudySessionView {
  long long id = 0;
  std::string date, org_code, org_name, document_number, document_title;
  long long expected = 0, present = 0;
  std::optional<std::string> org_parent_name;
  std::optional<CancellationView> cancelled;
};

struct ActivitiesView {
  std::string org_code, from, to;
  std::vector<MeetingView> meetings;
  std::vector<OversightView> oversights;
  std::vector<StudySessionView> study_sessions;
};

// One indicator of an org for a period. Values are numbers; `shown` is the Vietnamese display.
struct IndicatorRowView {
  std::string id, label, kind, unit;
  std::optional<double> value, year_done, target, plan_pct;
  std::string shown, plan_shown;
};

struct CheckView {
  std::string rule, title, org_code, org_name, message;
};

struct IndicatorsView {
  std::string org_code, org_name, period, period_label, from, to, as_of;
  std::vector<IndicatorRowView> rows;
  std::vector<CheckView> checks;
};

// Who issues and signs an org's documents on a date, as its documents print it.
struct IssuerView {
  std::string org_code;            // the org asked about
  std::string issued_by;           // whose committee issues (a cluster's leading organization)
  std::string superior;            // "Đảng bộ tỉnh An Bình", empty at the top
  std::string superior_recipient;  // "Ban Thường vụ Tỉnh ủy An Bình", empty at the top
  std::string committee;           // "Tỉnh ủy An Bình"
  std::string symbol;              // "TU"
  std::string authority;           // "T/M BAN THƯỜNG VỤ"
  std::string place;               // "An Bình"
  std::string signer_title, signer_name;
};

struct PlanView {
  std::string org_code, org_name;
  int year = 0;
  struct Row {
    std::string indicator, label, unit;
    std::optional<long long> target;  // the org's own target
  };
  std::vector<Row> rows;
};

// Review conferences.
struct ConferenceSummaryView {
  long long id = 0;
  std::string org_code, org_name, kind, kind_vi, period, period_label, date, start_time, title;
  std::optional<CancellationView> cancelled;
};

struct ConferenceSiteView {
  int number = 0;
  std::string mode, mode_vi, name, address, link, host_org_code, host_org_name;
  long long present = 0, late = 0, absent = 0;  // attendance recorded at this site
};

struct ParticipantView {
  long long id = 0;
  std::string kind, member_code, name, title, organization, invited_via;
  int site = 0;  // 0: attendance not recorded yet
  std::string attendance, attendance_vi, reason;
};

struct QuorumView {
  long long invited = 0, present = 0, required = 0;
  bool reached = false;
  int numerator = 1, denominator = 2;
  bool more_than = true;
};

// The file attached to an item (the latest one): its name, type and size, when and by whom.
struct ItemFileView {
  std::string name, content_type;
  long long size = 0;
  std::string uploaded_at, uploaded_by;
};

struct ConferenceItemView {
  int seq = 0;
  std::string kind, kind_vi, title, speaker, speaker_title, speaker_org, file_name, summary;
  std::optional<ItemFileView> attachment;
};

struct DecisionView {
  int seq = 0;
  std::string kind, kind_vi, text;
  std::string cluster_code, cluster_name, leading_code, leading_name, deputy_code, deputy_name;
  std::string for_period, for_period_label;
};

struct TaskEventView {
  std::string kind, kind_vi, date, note, recorded_by;
};

struct TaskView {
  long long id = 0, conference = 0;
  int seq = 0;
  std::string owner_org_code, owner_org_name, title, set_on, due_on;
  std::string status, status_vi, done_on;  // as of `as_of` of the read
  bool done_late = false;
  int days_overdue = 0;
  std::vector<TaskEventView> events;
};

struct ConferenceView {
  ConferenceSummaryView head;
  std::string as_of;  // task statuses are as of this date
  std::string chair, secretary;
  std::string report_org_code, report_org_name, report_period, report_period_label;
  std::vector<ConferenceSiteView> sites;
  std::vector<ParticipantView> participants;
  long long guests = 0, unrecorded = 0;  // guests invited; participants without attendance
  QuorumView quorum;
  std::vector<ConferenceItemView> items;
  std::string conclusion;
  std::vector<DecisionView> decisions;
  std::vector<TaskView> tasks;
};

struct InviteResultView {
  long long added = 0, already = 0;  // already: members invited before (left as they were)
};

// What the next conference of an org starts from: the previous one and its tasks now.
struct PrepareNextView {
  std::string org_code, org_name, as_of;
  std::optional<ConferenceSummaryView> previous;
  // For a cluster: the last rotation recorded up to `as_of` (who leads the next briefing).
  std::optional<DecisionView> rotation;
  std::vector<TaskView> tasks;
  long long open = 0, done = 0, overdue = 0, cancelled = 0;
};

}  // namespace dangvu::service
