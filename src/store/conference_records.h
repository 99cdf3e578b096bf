#pragma once
// Rows of review conferences (schema v4): the conference, its sites, participants (invitation and
// attendance), programme items, decisions, and follow-up tasks with their append-only events.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/conference.h"
#include "core/date.h"
#include "core/member.h"
#include "core/org.h"

namespace dangvu::store {

struct ConferenceRecord {
  ConferenceId id = 0;
  OrgId org = 0;
  ConferenceKind kind = ConferenceKind::half_year_review;
  std::string period;  // a period code, e.g. "2026-H1"
  Date held_on;
  std::string start_time;  // "HH:MM" or empty
  std::string title;
  // Chair and secretary: a member of the registry, or a name typed as text.
  std::optional<MemberId> chair_member, secretary_member;
  std::string chair_name, secretary_name;  // typed names, or read back from the member
  // The attached report (computed by report/ when needed): an org's subtree for a period.
  std::optional<OrgId> report_org;
  std::string report_period;
  std::string conclusion;
  std::string recorded_by;
};

struct ConferenceSiteRecord {
  std::int64_t id = 0;
  ConferenceId conference = 0;
  int seq = 0;  // 1, 2, … within the conference
  SiteMode mode = SiteMode::in_person;
  std::string name, address, link;
  std::optional<OrgId> host_org;
};

struct ParticipantRecord {
  std::int64_t id = 0;
  ConferenceId conference = 0;
  ParticipantKind kind = ParticipantKind::member;
  std::optional<MemberId> member;
  std::string member_code;                // read back
  std::string name, title, organization;  // a guest's, or the member's name read back
  std::string invited_via;                // "member", "org:CODE" or "guest"
  std::optional<int> site_seq;            // where attendance was recorded
  Attendance attendance = Attendance::invited;
  std::string absence_reason;
};

struct ConferenceItemRecord {
  std::int64_t id = 0;
  ConferenceId conference = 0;
  ItemKind kind = ItemKind::agenda;
  int seq = 0;  // order within the conference, over all kinds
  std::string title;
  std::optional<MemberId> speaker_member;
  std::string speaker_name, speaker_title, speaker_org;  // as typed (or read back)
  std::string file_name, summary;
};

// A file attached to a conference item (a contribution's text, a speech): appended, never
// replaced in place; the latest for an item is the one shown. `content` is the file's bytes (stored
// as hex text: PostgreSQL has no portable BLOB); a listing reads everything but them.
// `uploaded_by_name` is the account's display name (read back).
struct ItemFileRecord {
  ConferenceId conference = 0;
  int item = 0;  // the item's seq
  std::string name, content_type;
  std::int64_t size = 0;
  std::string content;
  std::string uploaded_by, uploaded_at, uploaded_by_name;
};

struct DecisionRecord {
  std::int64_t id = 0;
  ConferenceId conference = 0;
  int seq = 0;
  DecisionKind kind = DecisionKind::general;
  std::string text;
  // Cluster rotation: the cluster, its next leading and deputy organizations, for a period.
  std::optional<OrgId> cluster, leading, deputy;
  std::string for_period;
  Date held_on;  // read back: the conference's date
};

struct TaskEventRecord {
  std::int64_t id = 0;
  TaskEvent event;
  std::string recorded_at, recorded_by;
};

struct TaskRecord {
  TaskId id = 0;
  ConferenceId conference = 0;
  int seq = 0;
  OrgId owner = 0;
  std::string title;
  Date set_on;  // the conference's date
  Date due_on;
  std::vector<TaskEventRecord> events;  // read back, in recording order
};

// Conferences of these orgs, held within [from, to], newest first.
struct ConferenceQuery {
  std::vector<OrgId> orgs;
  Date from, to;
  std::optional<ConferenceKind> kind;
  int limit = 100;
  bool include_cancelled = false;  // a list shows them (marked); the next conference never
};

}  // namespace dangvu::store
