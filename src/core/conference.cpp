#include "core/conference.h"

#include <algorithm>

#include "core/enum_names.h"

namespace dangvu {
namespace {

template <typename E, std::size_t N>
using Names = EnumNames<E, N>;  // core/enum_names.h

constexpr Names<ConferenceKind, 5> kKinds = {{
    {ConferenceKind::quarterly_review, "quarterly_review", "sơ kết quý"},
    {ConferenceKind::half_year_review, "half_year_review", "sơ kết 6 tháng"},
    {ConferenceKind::year_review, "year_review", "tổng kết năm"},
    {ConferenceKind::cluster_briefing, "cluster_briefing", "giao ban cụm thi đua"},
    {ConferenceKind::thematic, "thematic", "chuyên đề"},
}};
constexpr Names<SiteMode, 2> kModes = {{
    {SiteMode::in_person, "in_person", "trực tiếp"},
    {SiteMode::online, "online", "trực tuyến"},
}};
constexpr Names<ParticipantKind, 2> kParticipantKinds = {{
    {ParticipantKind::member, "member", "đảng viên"},
    {ParticipantKind::guest, "guest", "khách mời"},
}};
constexpr Names<Attendance, 4> kAttendance = {{
    {Attendance::invited, "invited", "được mời"},
    {Attendance::present, "present", "có mặt"},
    {Attendance::late, "late", "đến muộn"},
    {Attendance::absent, "absent", "vắng mặt"},
}};
constexpr Names<ItemKind, 3> kItemKinds = {{
    {ItemKind::agenda, "agenda", "chương trình"},
    {ItemKind::contribution, "contribution", "tham luận"},
    {ItemKind::directing_speech, "directing_speech", "phát biểu chỉ đạo"},
}};
constexpr Names<DecisionKind, 2> kDecisionKinds = {{
    {DecisionKind::general, "general", "quyết nghị"},
    {DecisionKind::cluster_rotation, "cluster_rotation", "bầu cụm trưởng, cụm phó"},
}};
constexpr Names<TaskStatus, 4> kTaskStatuses = {{
    {TaskStatus::open, "open", "đang thực hiện"},
    {TaskStatus::done, "done", "đã hoàn thành"},
    {TaskStatus::overdue, "overdue", "quá hạn"},
    {TaskStatus::cancelled, "cancelled", "đã hủy"},
}};
constexpr Names<TaskEventKind, 3> kTaskEvents = {{
    {TaskEventKind::done, "done", "hoàn thành"},
    {TaskEventKind::cancelled, "cancelled", "hủy"},
    {TaskEventKind::reopened, "reopened", "mở lại"},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view to_string(ConferenceKind v) { return name_of(kKinds, v); }
std::string_view to_string(SiteMode v) { return name_of(kModes, v); }
std::string_view to_string(ParticipantKind v) { return name_of(kParticipantKinds, v); }
std::string_view to_string(Attendance v) { return name_of(kAttendance, v); }
std::string_view to_string(ItemKind v) { return name_of(kItemKinds, v); }
std::string_view to_string(DecisionKind v) { return name_of(kDecisionKinds, v); }
std::string_view to_string(TaskStatus v) { return name_of(kTaskStatuses, v); }
std::string_view to_string(TaskEventKind v) { return name_of(kTaskEvents, v); }
std::optional<ConferenceKind> parse_conference_kind(std::string_view t) {
  return parse_of(kKinds, t);
}
std::optional<SiteMode> parse_site_mode(std::string_view t) { return parse_of(kModes, t); }
std::optional<ParticipantKind> parse_participant_kind(std::string_view t) {
  return parse_of(kParticipantKinds, t);
}
std::optional<Attendance> parse_attendance(std::string_view t) { return parse_of(kAttendance, t); }
std::optional<ItemKind> parse_item_kind(std::string_view t) { return parse_of(kItemKinds, t); }
std::optional<DecisionKind> parse_decision_kind(std::string_view t) {
  return parse_of(kDecisionKinds, t);
}
std::optional<TaskEventKind> parse_task_event_kind(std::string_view t) {
  return parse_of(kTaskEvents, t);
}
std::string_view label_vi(ConferenceKind v) { return label_of(kKinds, v); }
std::string_view label_vi(SiteMode v) { return label_of(kModes, v); }
std::string_view label_vi(ParticipantKind v) { return label_of(kParticipantKinds, v); }
std::string_view label_vi(Attendance v) { return label_of(kAttendance, v); }
std::string_view label_vi(ItemKind v) { return label_of(kItemKinds, v); }
std::string_view label_vi(DecisionKind v) { return label_of(kDecisionKinds, v); }
std::string_view label_vi(TaskStatus v) { return label_of(kTaskStatuses, v); }
std::string_view label_vi(TaskEventKind v) { return label_of(kTaskEvents, v); }

std::string default_conference_title(ConferenceKind kind, const Period& period) {
  switch (kind) {
    case ConferenceKind::quarterly_review:
    case ConferenceKind::half_year_review:
      return "Hội nghị sơ kết công tác xây dựng Đảng " + period.label_vi();
    case ConferenceKind::year_review:
      return "Hội nghị tổng kết công tác xây dựng Đảng " + period.label_vi();
    case ConferenceKind::cluster_briefing:
      return "Hội nghị giao ban công tác xây dựng Đảng " + period.label_vi();
    case ConferenceKind::thematic: return "Hội nghị chuyên đề " + period.label_vi();
  }
  return "Hội nghị " + period.label_vi();
}

Status check_conference_head(const ConferenceHead& head, const RuleSet& rules) {
  const PeriodKind pk = head.period.kind;
  bool fits = true;
  const char* wanted = "";
  switch (head.kind) {
    case ConferenceKind::quarterly_review:
      fits = pk == PeriodKind::quarter;
      wanted = "một quý (ví dụ 2026-Q1)";
      break;
    case ConferenceKind::half_year_review:
      fits = pk == PeriodKind::half_year;
      wanted = "sáu tháng (ví dụ 2026-H1)";
      break;
    case ConferenceKind::year_review:
      fits = pk == PeriodKind::year;
      wanted = "một năm (ví dụ 2026)";
      break;
    case ConferenceKind::cluster_briefing:
    case ConferenceKind::thematic:
      fits = pk != PeriodKind::term;
      wanted = "một tháng, quý, sáu tháng hoặc năm";
      break;
  }
  if (!fits) {
    return Error::refused("period", "conference.period_kind",
                          "Trường «period»: hội nghị " + std::string(label_vi(head.kind)) +
                              " phải có kỳ là " + wanted + "; kỳ đã nhập là «" + head.period.code +
                              "».",
                          "period kind does not fit the conference kind");
  }
  if (!head.start_time.empty()) {
    const auto& t = head.start_time;
    const bool shape = t.size() == 5 && is_digit(t[0]) && is_digit(t[1]) && t[2] == ':' &&
                       is_digit(t[3]) && is_digit(t[4]);
    const int hh = shape ? (t[0] - '0') * 10 + (t[1] - '0') : 99;
    const int mm = shape ? (t[3] - '0') * 10 + (t[4] - '0') : 99;
    if (hh > 23 || mm > 59) {
      return Error::invalid("start_time",
                            "Trường «start_time»: giờ bắt đầu «" + t +
                                "» không hợp lệ; nhập dạng GG:PP, ví dụ 08:00 hoặc 14:30.",
                            "start time is not HH:MM");
    }
  }
  const Date latest = head.period.last.add_days(rules.conference_days_after_period);
  if (head.held_on < head.period.first || head.held_on > latest) {
    return Error::refused("date", "conference.date_in_period",
                          "Trường «date»: ngày họp " + head.held_on.vi() + " nằm ngoài kỳ " +
                              head.period.label_vi() + " và " +
                              std::to_string(rules.conference_days_after_period) +
                              " ngày sau kỳ (đến " + latest.vi() + ").",
                          "conference date outside its period and the days allowed after it");
  }
  return {};
}

Status check_site(SiteMode mode, const std::string& address, const std::string& link) {
  if (mode == SiteMode::in_person && address.empty()) {
    return Error::refused("address", "conference.site_place",
                          "Trường «address»: điểm cầu trực tiếp cần có địa chỉ.",
                          "an in-person site needs an address");
  }
  if (mode == SiteMode::online) {
    const bool http = link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0;
    if (!http) {
      return Error::refused("link", "conference.site_place",
                            "Trường «link»: điểm cầu trực tuyến cần đường liên kết bắt đầu bằng "
                            "https:// hoặc http://.",
                            "an online site needs an http(s) link");
    }
  }
  return {};
}

Quorum compute_quorum(ConferenceKind kind, std::int64_t invited, std::int64_t present,
                      const RuleSet& rules) {
  Quorum q;
  q.invited = invited;
  q.present = present;
  if (auto it = rules.conference_quorum.find(std::string(to_string(kind)));
      it != rules.conference_quorum.end()) {
    q.rule = it->second;
  }
  if (invited <= 0 || q.rule.denominator <= 0) return q;
  // present/invited > n/d  ⇔  present·d > invited·n (integers: no rounding).
  const std::int64_t n = q.rule.numerator, d = q.rule.denominator;
  if (q.rule.more_than) {
    q.required = invited * n / d + 1;
  } else {
    q.required = (invited * n + d - 1) / d;
  }
  q.reached = q.rule.more_than ? present * d > invited * n : present * d >= invited * n;
  return q;
}

TaskState task_state_at(Date due, const std::vector<TaskEvent>& events, Date as_of) {
  TaskState s;
  for (const auto& e : events) {
    if (e.on > as_of) continue;
    switch (e.kind) {
      case TaskEventKind::done:
        s.status = TaskStatus::done;
        s.done_on = e.on;
        s.cancelled_on.reset();
        break;
      case TaskEventKind::cancelled:
        s.status = TaskStatus::cancelled;
        s.cancelled_on = e.on;
        s.done_on.reset();
        break;
      case TaskEventKind::reopened:
        s.status = TaskStatus::open;
        s.done_on.reset();
        s.cancelled_on.reset();
        break;
    }
  }
  if (s.status == TaskStatus::done) {
    s.done_late = *s.done_on > due;
  } else if (s.status == TaskStatus::open && as_of > due) {
    s.status = TaskStatus::overdue;
    s.days_overdue = as_of.days() - due.days();
  }
  return s;
}

Status check_task_event(Date set_on, const std::vector<TaskEvent>& events, const TaskEvent& next) {
  Date floor = set_on;
  for (const auto& e : events) floor = std::max(floor, e.on);
  if (next.on < floor) {
    return Error::refused("date", "task.event_order",
                          "Trường «date»: ngày " + next.on.vi() +
                              " trước ngày giao nhiệm vụ hoặc trước lần cập nhật trạng thái gần "
                              "nhất (" +
                              floor.vi() + ").",
                          "task event dated before the task or its last event");
  }
  // The state just before `next`, whatever the due date: only done/cancelled versus not matter.
  const TaskState now = task_state_at(Date::max(), events, next.on);
  const bool closed = now.status == TaskStatus::done || now.status == TaskStatus::cancelled;
  const bool allowed = next.kind == TaskEventKind::reopened ? closed : !closed;
  if (!allowed) {
    return Error::refused("status", "task.transition",
                          "Trường «status»: nhiệm vụ đang ở trạng thái «" +
                              std::string(label_vi(now.status)) + "», không thể chuyển sang «" +
                              std::string(label_vi(next.kind)) + "».",
                          "task status transition not allowed");
  }
  return {};
}

}  // namespace dangvu
