#pragma once
// Rows of the work records (plans, meetings, inspections and supervisions, study sessions, the
// document register) and the leaf facts grouped by org that report/ rolls up.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/activity.h"
#include "core/date.h"
#include "core/member.h"
#include "core/org.h"

namespace dangvu::store {

struct PartyDocumentRecord {
  std::int64_t id = 0;
  std::string number, type, issuer;  // "15-NQ/TU", "NQ", "TU"
  int seq = 0;                       // 15
  Date issued_on;
  std::string title, issuing_body;
};

struct PlanTargetRecord {
  OrgId org = 0;
  int year = 0;
  std::string indicator;
  std::int64_t target = 0;
};

struct MeetingRecord {
  ActivityId id = 0;
  OrgId org = 0;
  Date held_on;
  MeetingKind kind = MeetingKind::regular;
  std::string topic;
  MeetingQuality quality = MeetingQuality::good;
  std::int64_t expected = 0, present = 0;
  std::vector<std::pair<MemberId, std::string>> absences;  // member, reason
  std::string recorded_by;
};

struct OversightRecord {
  ActivityId id = 0;
  OrgId org = 0;  // the org that holds it
  OversightKind kind = OversightKind::inspection;
  OversightBasis basis = OversightBasis::planned;
  Date held_on;
  std::optional<OrgId> subject_org;
  std::optional<MemberId> subject_member;
  std::string subject_label;  // read back: the subject's code and name
  std::string conclusion;
  std::string recorded_by;
};

struct StudySessionRecord {
  ActivityId id = 0;
  OrgId org = 0;
  Date held_on;
  std::int64_t document_id = 0;
  std::string document_number, document_title;  // read back
  std::int64_t expected = 0, present = 0;
  std::vector<MemberId> attendees;
  std::string recorded_by;
};

// One absence from a meeting, read back with the member's code and name.
struct MeetingAbsenceRow {
  ActivityId meeting = 0;
  std::string member_code;
  Person person;
  std::string reason;
};

// The org and date of a recorded activity (what its access is checked on).
struct ActivityHead {
  OrgId org = 0;
  Date held_on;
};

// A record cancelled by an appended row (activity_cancellation): never deleted, out of every
// figure. `cancelled_by` is the actor; `cancelled_by_name` the account's display name when the
// actor is an account (read back), else empty.
struct CancellationRecord {
  CancelledKind kind = CancelledKind::meeting;
  std::int64_t activity = 0;
  std::string reason, cancelled_by, cancelled_at, cancelled_by_name;
};

// Activities of these orgs dated within [from, to], newest first.
struct ActivityQuery {
  std::vector<OrgId> orgs;
  Date from, to;
  int limit = 100;
  bool include_cancelled = false;  // a list shows them (marked); what counts never does
};

// Leaf facts, grouped by the org that recorded them, within [from, to].
struct MeetingFact {
  OrgId org = 0;
  MeetingKind kind = MeetingKind::regular;
  std::int64_t count = 0, expected = 0, present = 0;
};
struct MeetingMonthFact {  // a meeting held by `org` in that month
  OrgId org = 0;
  int year = 0, month = 0;
};
struct OversightFact {
  OrgId org = 0;
  OversightKind kind = OversightKind::inspection;
  OversightBasis basis = OversightBasis::planned;
  bool of_member = false;
  std::int64_t count = 0;
};
struct StudyFact {
  OrgId org = 0;
  std::int64_t count = 0, expected = 0, present = 0;
};
// A probationary member on a date, with the day the probation started.
struct ProbationerRow {
  std::string code;
  Person person;
  OrgId org = 0;
  Date probation_start;
};

}  // namespace dangvu::store
