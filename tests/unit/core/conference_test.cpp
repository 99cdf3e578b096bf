// Review conferences, the pure parts: the quorum rule, a follow-up task's status over time, and
// the checks of a conference's head and sites (each refusal names its field and rule).
#include "core/conference.h"

#include <gtest/gtest.h>

namespace dangvu {
namespace {

Date D(const char* iso) { return *Date::parse(iso); }

TEST(QuorumTest, MoreThanHalfOfTheInvitedMembers) {
  const RuleSet rules = RuleSet::defaults();
  // Exactly half is not enough: 294-QĐ/TW asks for more than half.
  auto half = compute_quorum(ConferenceKind::half_year_review, 10, 5, rules);
  EXPECT_FALSE(half.reached);
  EXPECT_EQ(half.required, 6);
  auto more = compute_quorum(ConferenceKind::half_year_review, 10, 6, rules);
  EXPECT_TRUE(more.reached);
  EXPECT_EQ(more.required, 6);
  // Odd counts: 4 of 7 is more than half, 3 of 7 is not.
  EXPECT_TRUE(compute_quorum(ConferenceKind::year_review, 7, 4, rules).reached);
  EXPECT_FALSE(compute_quorum(ConferenceKind::year_review, 7, 3, rules).reached);
  EXPECT_EQ(compute_quorum(ConferenceKind::year_review, 7, 3, rules).required, 4);
  // One invited member must come.
  EXPECT_FALSE(compute_quorum(ConferenceKind::thematic, 1, 0, rules).reached);
  EXPECT_TRUE(compute_quorum(ConferenceKind::thematic, 1, 1, rules).reached);
}

TEST(QuorumTest, NobodyInvitedHasNoQuorum) {
  auto q = compute_quorum(ConferenceKind::quarterly_review, 0, 0, RuleSet::defaults());
  EXPECT_FALSE(q.reached);
  EXPECT_EQ(q.required, 0);
  EXPECT_EQ(q.invited, 0);
}

TEST(QuorumTest, TheFractionIsCorrectableByJson) {
  auto rules = RuleSet::from_json(
      R"({"conference_quorum": {"year_review": {"numerator": 2, "denominator": 3,
          "more_than": false}}})");
  ASSERT_TRUE(rules.ok()) << rules.error().detail_en;
  // At least two thirds: 6 of 9 is enough, 5 of 9 is not.
  EXPECT_TRUE(compute_quorum(ConferenceKind::year_review, 9, 6, *rules).reached);
  EXPECT_FALSE(compute_quorum(ConferenceKind::year_review, 9, 5, *rules).reached);
  EXPECT_EQ(compute_quorum(ConferenceKind::year_review, 9, 5, *rules).required, 6);
  EXPECT_EQ(compute_quorum(ConferenceKind::year_review, 10, 5, *rules).required, 7);
  // Other kinds keep the default.
  EXPECT_FALSE(compute_quorum(ConferenceKind::half_year_review, 10, 5, *rules).reached);
  // The rule set round-trips through its JSON.
  auto again = RuleSet::from_json(rules->to_json());
  ASSERT_TRUE(again.ok()) << again.error().detail_en;
  EXPECT_EQ(again->conference_quorum.at("year_review").numerator, 2);
  EXPECT_FALSE(again->conference_quorum.at("year_review").more_than);
}

TEST(QuorumTest, BadQuorumRulesAreRefusedNamingTheKey) {
  for (const char* bad :
       {R"({"conference_quorum": {"meeting": {"numerator": 1, "denominator": 2}}})",
        R"({"conference_quorum": {"year_review": {"numerator": 3, "denominator": 2}}})",
        R"({"conference_quorum": {"year_review": {"numerator": 1}}})",
        R"({"conference_quorum": {"year_review": {"numerator": 1, "denominator": 2, "x": 1}}})"}) {
    auto r = RuleSet::from_json(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "rules.conference_quorum") << bad;
  }
}

TEST(TaskStatusTest, OpenBeforeTheDueDateOverdueAfter) {
  const Date due = D("2026-09-30");
  EXPECT_EQ(task_state_at(due, {}, D("2026-07-10")).status, TaskStatus::open);
  EXPECT_EQ(task_state_at(due, {}, due).status, TaskStatus::open);  // due today: not yet late
  auto late = task_state_at(due, {}, D("2026-10-05"));
  EXPECT_EQ(late.status, TaskStatus::overdue);
  EXPECT_EQ(late.days_overdue, 5);
}

TEST(TaskStatusTest, DoneBeforeOrAfterTheDueDate) {
  const Date due = D("2026-09-30");
  auto early = task_state_at(due, {{TaskEventKind::done, D("2026-09-01"), ""}}, D("2026-12-31"));
  EXPECT_EQ(early.status, TaskStatus::done);
  EXPECT_EQ(early.done_on, D("2026-09-01"));
  EXPECT_FALSE(early.done_late);
  auto late = task_state_at(due, {{TaskEventKind::done, D("2026-10-20"), ""}}, D("2026-12-31"));
  EXPECT_EQ(late.status, TaskStatus::done);
  EXPECT_TRUE(late.done_late);
  EXPECT_EQ(late.days_overdue, 0);
}

TEST(TaskStatusTest, StatusAsOfAPastDateIgnoresLaterEvents) {
  const Date due = D("2026-09-30");
  const std::vector<TaskEvent> events = {{TaskEventKind::done, D("2026-10-20"), ""}};
  // On 10 October the task was overdue; the later "done" was not yet known.
  auto then = task_state_at(due, events, D("2026-10-10"));
  EXPECT_EQ(then.status, TaskStatus::overdue);
  EXPECT_EQ(then.days_overdue, 10);
  EXPECT_FALSE(then.done_on.has_value());
  EXPECT_EQ(task_state_at(due, events, D("2026-10-20")).status, TaskStatus::done);
}

TEST(TaskStatusTest, CancelledAndReopened) {
  const Date due = D("2026-09-30");
  const std::vector<TaskEvent> events = {{TaskEventKind::cancelled, D("2026-08-01"), "lý do"},
                                         {TaskEventKind::reopened, D("2026-08-15"), ""}};
  EXPECT_EQ(task_state_at(due, events, D("2026-08-10")).status, TaskStatus::cancelled);
  EXPECT_EQ(task_state_at(due, events, D("2026-08-20")).status, TaskStatus::open);
  EXPECT_EQ(task_state_at(due, events, D("2026-10-01")).status, TaskStatus::overdue);
  // A cancelled task is never overdue.
  EXPECT_EQ(task_state_at(due, {events[0]}, D("2027-01-01")).status, TaskStatus::cancelled);
}

TEST(TaskStatusTest, EventsMustFollowTheTaskAndAllowedTransitions) {
  const Date set_on = D("2026-07-06");
  auto before = check_task_event(set_on, {}, {TaskEventKind::done, D("2026-07-01"), ""});
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().rule, "task.event_order");
  EXPECT_EQ(before.error().field, "date");
  const std::vector<TaskEvent> done = {{TaskEventKind::done, D("2026-08-01"), ""}};
  auto twice = check_task_event(set_on, done, {TaskEventKind::done, D("2026-08-02"), ""});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().rule, "task.transition");
  EXPECT_EQ(twice.error().field, "status");
  auto earlier = check_task_event(set_on, done, {TaskEventKind::reopened, D("2026-07-20"), ""});
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.error().rule, "task.event_order");
  EXPECT_TRUE(check_task_event(set_on, done, {TaskEventKind::reopened, D("2026-08-03"), ""}).ok());
  auto reopen_open = check_task_event(set_on, {}, {TaskEventKind::reopened, D("2026-08-03"), ""});
  ASSERT_FALSE(reopen_open.ok());
  EXPECT_EQ(reopen_open.error().rule, "task.transition");
  // Done on the day it was set is fine.
  EXPECT_TRUE(check_task_event(set_on, {}, {TaskEventKind::done, set_on, ""}).ok());
}

TEST(ConferenceHeadTest, PeriodKindMustFitTheConference) {
  const RuleSet rules = RuleSet::defaults();
  ConferenceHead h{ConferenceKind::half_year_review, *Period::parse("2026-H1"), D("2026-07-06"),
                   "08:00"};
  EXPECT_TRUE(check_conference_head(h, rules).ok());
  h.period = *Period::parse("2026-Q2");
  auto st = check_conference_head(h, rules);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().field, "period");
  EXPECT_EQ(st.error().rule, "conference.period_kind");
  EXPECT_NE(st.error().message_vi.find("«period»"), std::string::npos);
  h.kind = ConferenceKind::cluster_briefing;  // a briefing may be of a quarter (seed 002)
  EXPECT_TRUE(check_conference_head(h, rules).ok());
  h.period = *Period::parse("2020-2025");
  EXPECT_FALSE(check_conference_head(h, rules).ok());
}

TEST(ConferenceHeadTest, StartTimeAndDateAreChecked) {
  const RuleSet rules = RuleSet::defaults();
  ConferenceHead h{ConferenceKind::year_review, *Period::parse("2023"), D("2024-02-27"), "14:00"};
  EXPECT_TRUE(check_conference_head(h, rules).ok());  // seed 001: 2023's review in February 2024
  for (const char* bad : {"8:00", "24:00", "12:60", "noon", "12-30"}) {
    h.start_time = bad;
    auto st = check_conference_head(h, rules);
    ASSERT_FALSE(st.ok()) << bad;
    EXPECT_EQ(st.error().field, "start_time") << bad;
  }
  h.start_time = "";
  h.held_on = D("2024-06-01");  // more than 120 days after the year
  auto late = check_conference_head(h, rules);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "date");
  EXPECT_EQ(late.error().rule, "conference.date_in_period");
  h.held_on = D("2022-12-31");  // before the period starts
  EXPECT_FALSE(check_conference_head(h, rules).ok());
}

TEST(ConferenceHeadTest, SitesNeedTheirPlace) {
  EXPECT_TRUE(check_site(SiteMode::in_person, "54 Hai Bà Trưng, Hà Nội", "").ok());
  auto no_address = check_site(SiteMode::in_person, "", "");
  ASSERT_FALSE(no_address.ok());
  EXPECT_EQ(no_address.error().field, "address");
  EXPECT_EQ(no_address.error().rule, "conference.site_place");
  EXPECT_TRUE(check_site(SiteMode::online, "", "https://hop.example.vn/abc").ok());
  auto no_link = check_site(SiteMode::online, "", "hop.example.vn");
  ASSERT_FALSE(no_link.ok());
  EXPECT_EQ(no_link.error().field, "link");
}

TEST(ConferenceNamesTest, RoundTripAndLabels) {
  for (auto k :
       {ConferenceKind::quarterly_review, ConferenceKind::half_year_review,
        ConferenceKind::year_review, ConferenceKind::cluster_briefing, ConferenceKind::thematic}) {
    EXPECT_EQ(parse_conference_kind(to_string(k)), k);
    EXPECT_FALSE(label_vi(k).empty());
  }
  EXPECT_EQ(default_conference_title(ConferenceKind::half_year_review, *Period::parse("2026-H1")),
            "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026");
  EXPECT_EQ(label_vi(TaskStatus::overdue), "quá hạn");
}

}  // namespace
}  // namespace dangvu
