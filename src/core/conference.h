#pragma once
// Review conferences (hội nghị sơ kết / tổng kết / giao ban cụm thi đua): the event where a
// period's report is presented, contributions and the superior's directing speech are heard, the
// chair concludes and key tasks (nhiệm vụ trọng tâm) are set for the next period. This header holds
// the pure parts: the kinds and their labels, the checks of a conference's typed fields, the quorum
// and the status of a follow-up task over time. No I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/result.h"
#include "core/rules.h"

namespace dangvu {

using ConferenceId = std::int64_t;
using TaskId = std::int64_t;

enum class ConferenceKind {
  quarterly_review,  // sơ kết quý
  half_year_review,  // sơ kết 6 tháng
  year_review,       // tổng kết năm
  cluster_briefing,  // giao ban cụm thi đua
  thematic,          // hội nghị chuyên đề
};

enum class SiteMode { in_person, online };  // trực tiếp / trực tuyến (điểm cầu)

// Who a participant is: a member of the registry, or a guest typed as free text (representatives
// of superior committees are not in this registry).
enum class ParticipantKind { member, guest };

// What the secretary recorded at a site; `invited` until then.
enum class Attendance { invited, present, late, absent };

// Rows of a conference's programme, in order.
enum class ItemKind {
  agenda,            // a point of the agenda (chương trình)
  contribution,      // tham luận
  directing_speech,  // phát biểu chỉ đạo of the superior committee's representative
};

enum class DecisionKind {
  general,           // any resolution of the conference, as text
  cluster_rotation,  // the cluster's next leading (cụm trưởng) and deputy (cụm phó) organizations
};

// A follow-up task's status as of a date. `overdue` is computed, never recorded.
enum class TaskStatus { open, done, overdue, cancelled };
// What is recorded about a task: append-only events.
enum class TaskEventKind { done, cancelled, reopened };

std::string_view to_string(ConferenceKind v);
std::string_view to_string(SiteMode v);
std::string_view to_string(ParticipantKind v);
std::string_view to_string(Attendance v);
std::string_view to_string(ItemKind v);
std::string_view to_string(DecisionKind v);
std::string_view to_string(TaskStatus v);
std::string_view to_string(TaskEventKind v);
std::optional<ConferenceKind> parse_conference_kind(std::string_view text);
std::optional<SiteMode> parse_site_mode(std::string_view text);
std::optional<ParticipantKind> parse_participant_kind(std::string_view text);
std::optional<Attendance> parse_attendance(std::string_view text);
std::optional<ItemKind> parse_item_kind(std::string_view text);
std::optional<DecisionKind> parse_decision_kind(std::string_view text);
std::optional<TaskEventKind> parse_task_event_kind(std::string_view text);
std::string_view label_vi(ConferenceKind v);
std::string_view label_vi(SiteMode v);
std::string_view label_vi(ParticipantKind v);
std::string_view label_vi(Attendance v);
std::string_view label_vi(ItemKind v);
std::string_view label_vi(DecisionKind v);
std::string_view label_vi(TaskStatus v);
std::string_view label_vi(TaskEventKind v);

// "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026", the default title.
std::string default_conference_title(ConferenceKind kind, const Period& period);

// The typed head of a conference, after parsing.
struct ConferenceHead {
  ConferenceKind kind = ConferenceKind::half_year_review;
  Period period;
  Date held_on;
  std::string start_time;  // "HH:MM", 24-hour; may be empty
};

// Checks the head against the rule set: the period's kind fits the conference's kind
// (`conference.period_kind`), the start time is HH:MM (field `start_time`), and the date is
// within the period or at most `conference_days_after_period` days after it
// (`conference.date_in_period`). Errors name the field and the rule.
Status check_conference_head(const ConferenceHead& head, const RuleSet& rules);

// Checks a site: in person needs an address, online needs an http(s) link (rule
// `conference.site_place`).
Status check_site(SiteMode mode, const std::string& address, const std::string& link);

// The quorum of a conference: `invited` and `present` count members only (guests do not vote);
// a late arrival counts as present.
struct Quorum {
  std::int64_t invited = 0, present = 0;
  std::int64_t required = 0;  // the least number present that meets the rule (0: nobody invited)
  bool reached = false;       // false when nobody is invited
  QuorumRule rule;
};
Quorum compute_quorum(ConferenceKind kind, std::int64_t invited, std::int64_t present,
                      const RuleSet& rules);

// A recorded status change of a follow-up task.
struct TaskEvent {
  TaskEventKind kind = TaskEventKind::done;
  Date on;
  std::string note;
};

// A task's state as of a date, from its due date and its events (in recording order).
struct TaskState {
  TaskStatus status = TaskStatus::open;
  std::optional<Date> done_on;       // set when done
  std::optional<Date> cancelled_on;  // set when cancelled
  bool done_late = false;            // done after the due date
  std::int32_t days_overdue = 0;     // as of the date, while overdue
};

// Events dated after `as_of` are not yet known. Open until due; overdue once `as_of` is past the
// due date without a `done`; `done` and `cancelled` hold until a `reopened`.
TaskState task_state_at(Date due, const std::vector<TaskEvent>& events, Date as_of);

// Checks that `next` may follow the recorded events of a task set on `set_on`: not before the
// task was set or before the last event (`task.event_order`), and a transition the state allows
// (`task.transition`: done or cancelled only from open/overdue, reopened only from done/cancelled).
Status check_task_event(Date set_on, const std::vector<TaskEvent>& events, const TaskEvent& next);

}  // namespace dangvu
