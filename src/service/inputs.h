#pragma once
// What a user action receives, as typed (CLI flags, later JSON fields): raw strings that the
// service validates before any transaction starts.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"

namespace dangvu::service {

struct AddOrgInput {
  std::string code, name, kind, parent_code, date;
};

struct MergeInput {
  std::vector<std::string> from;  // codes of the orgs merged
  std::string into;               // code of the target (existing, or new when `new_name` is set)
  std::string new_name, new_kind, new_parent_code;  // a new target
  std::string date;
};

struct SplitPartInput {
  std::string code, name, kind;  // kind defaults to the source's kind
};

struct SplitInput {
  std::string code;
  std::vector<SplitPartInput> parts;
  std::map<std::string, std::string> assign;  // child code → part code
  std::string members_to;                     // part code; the first part by default
  std::string date;
};

// One member event as typed. Which fields apply depends on `kind` (see core/member.h).
struct EventInput {
  std::string member_code;
  std::string kind, date, org_code, mode;
  std::string decision_no, ceremony_date, vote_date, age_exception_ref, card_number, reason;
  std::string ground;    // removal, expulsion, resignation: a code of the catalog "leaving_ground"
  std::string corrects;  // event number, for a correction
  bool voids = false;
  std::string new_date, new_org_code, new_ceremony_date, new_decision_no, new_card_number;
};

struct AddMemberInput {
  std::string code, family, middle, given, birth_date, gender;
  EventInput first;  // candidate_registration or admission
};

struct ListMembersInput {
  std::string org_code, at, q, status;  // status: a status name, "active" (default) or "all"
  int limit = 100;
  int offset = 0;
};

struct AuditInput {
  std::string org_code;  // entries about this org and its subtree (as of `to`, or today)
  std::string user;      // entries by this account ("cli:…" for the command line)
  std::string from, to;  // dates YYYY-MM-DD, inclusive
  int limit = 100;
  long long before = 0;  // paging: entries older than this id
};

// Work records (issue: plans, activities, reports).
struct DocumentInput {
  std::string number, issued_on, title, issuing_body;  // "15-NQ/TU", date, …
};

// Who issues an org's documents, from a date on (empty fields take the default of the org's kind
// and name: core/issuer.h).
struct IssuerProfileInput {
  std::string org_code, date;
  std::string committee_name;     // "Tỉnh ủy An Bình"
  std::string symbol;             // "TU"
  std::string signing_authority;  // "T/M BAN THƯỜNG VỤ"
  std::string place;              // "An Bình"
};

// Who holds a post of the org's committee from a date on: a member of the registry (member_code)
// or a name typed; neither leaves the post vacant.
struct OfficeHolderInput {
  std::string org_code, date;
  std::string position;  // secretary | deputy_secretary
  std::string member_code, name;
};

struct PlanTargetInput {
  std::string org_code;
  int year = 0;
  std::string indicator;  // a plannable indicator id (report/indicators.h)
  long long target = -1;
};

struct AbsenceInput {
  std::string member_code, reason;
};

struct MeetingInput {
  std::string org_code, date, kind, topic, quality;  // kind regular|thematic; quality good|…
  std::vector<AbsenceInput> absent;
};

struct OversightInput {
  std::string org_code, kind, basis, date;  // inspection|supervision, planned|signs_of_violation
  std::string subject_org_code, subject_member_code;  // exactly one
  std::string conclusion;
};

struct StudySessionInput {
  std::string org_code, date, document_number;
  std::vector<std::string> attendees;  // member codes
};

struct ActivitiesInput {
  std::string org_code, from, to;  // the subtree of org; dates inclusive (default: this year)
  int limit = 100;
};

// Review conferences (issue 8). A conference is named by its number (id).
struct ConferenceInput {
  std::string org_code, kind, period, date, start_time, title;  // title: a default by kind
  // Chair and secretary: a member code, or a name (with a title) typed as text.
  std::string chair_code, chair_name, secretary_code, secretary_name;
  std::vector<std::string> agenda;  // agenda points, in order
};

struct SiteInput {
  long long conference = 0;
  std::string mode;  // in_person | online
  std::string name, address, link, host_org_code;
};

struct GuestInput {
  std::string name, title, organization;  // e.g. a representative of the superior committee
};

struct InviteInput {
  long long conference = 0;
  std::vector<std::string> member_codes;
  std::vector<std::string> org_codes;  // every active member of these orgs' subtrees on the day
  std::vector<GuestInput> guests;
};

struct AttendanceInput {
  long long conference = 0;
  std::string member_code;    // a member participant, or
  long long participant = 0;  // the participant's number (guests)
  int site = 0;               // the site's number (1, 2, …)
  std::string status;         // present | late | absent
  std::string reason;         // required when absent
};

// Many participants' attendance at one site, in one transaction: each entry as one
// AttendanceInput's person, status and reason; with `all_unrecorded`, every invited member still
// unrecorded (and not among the entries) is recorded present at the site too.
struct AttendanceEntryInput {
  std::string member_code;    // a member participant, or
  long long participant = 0;  // the participant's number (guests)
  std::string status;         // present | late | absent
  std::string reason;         // required when absent
};
struct BulkAttendanceInput {
  long long conference = 0;
  int site = 0;
  std::vector<AttendanceEntryInput> entries;
  bool all_unrecorded = false;
};

struct AttachReportInput {
  long long conference = 0;
  std::string org_code, period;  // default: the conference's org and period
};

struct ConferenceItemInput {
  long long conference = 0;
  std::string kind;  // contribution (default) | directing_speech | agenda
  std::string speaker_code, speaker_name, speaker_title, speaker_org;
  std::string title, file_name, summary;
};

// Attaches a file to a conference item (a contribution's text): its name as the user's computer
// called it, and its bytes.
struct ItemFileInput {
  long long conference = 0;
  long long item = 0;
  std::string file_name;
  std::string content;
};

// Cancels a record made by mistake (a meeting, an oversight, a study session, a conference).
struct CancelInput {
  CancelledKind kind = CancelledKind::meeting;
  long long id = 0;
  std::string reason;
};

struct ConclusionInput {
  long long conference = 0;
  std::string text;
};

struct DecisionInput {
  long long conference = 0;
  std::string text;
  // A cluster rotation when `leading_code` is set: the cluster (default: the conference's org),
  // its next leading and deputy organizations, and the period (default: the next period).
  std::string cluster_code, leading_code, deputy_code, for_period;
};

struct TaskInput {
  long long conference = 0;
  std::string owner_org_code, title, due;
};

struct TaskStatusInput {
  long long task = 0;
  std::string status;  // done | cancelled | reopened
  std::string date;    // default: today
  std::string note;
};

struct ConferenceListInput {
  std::string org_code, from, to, kind;  // the subtree of org; dates inclusive (default: this year)
  int limit = 100;
};

}  // namespace dangvu::service
