// The member profile's short text (core/member_profile.h): what is encoded reads back the same —
// every status of a period, a period without an org, an open end, a birth before 1970, a field
// with its tag and one without — and a text that is not a profile is refused, never half read.
#include "core/member_profile.h"

#include <gtest/gtest.h>

#include <set>

namespace dangvu {
namespace {

Date d(const char* iso) { return Date::parse(iso).value(); }

ProfileSource source() {
  ProfileSource s;
  s.gender = Gender::female;
  s.birth = d("1948-02-29");
  auto period = [](const char* from, Date to, MemberStatus status, std::optional<OrgId> org) {
    MemberPeriod p;
    p.from = d(from);
    p.to = to;
    p.status = status;
    p.org = org;
    return p;
  };
  s.periods = {
      period("1968-05-01", d("1975-04-30"), MemberStatus::candidate, 7),
      period("1975-04-30", d("1976-04-30"), MemberStatus::probationary, 7),
      period("1976-04-30", d("2015-04-23"), MemberStatus::official, 9),
      period("2015-04-23", d("2018-10-01"), MemberStatus::removed, std::nullopt),
      period("2018-10-01", Date::max(), MemberStatus::probationary, 12),
  };
  auto milestone = [](MemberEventKind kind, const char* on, std::optional<OrgId> org) {
    MemberMilestone m;
    m.kind = kind;
    m.date = d(on);
    m.org = org;
    return m;
  };
  s.milestones = {
      milestone(MemberEventKind::admission, "1975-04-30", 7),
      milestone(MemberEventKind::recognition, "1976-04-30", 7),
      milestone(MemberEventKind::readmission, "2018-10-01", std::nullopt),
  };
  s.spans = {
      {"ethnicity", "01", d("1948-02-29"), Date::max()},
      {"general_education", "12/12", d("1966-06-01"), Date::max()},
      {"youth_union_joined", "1963-03-26", d("1963-03-26"), Date::max()},
      {"place_of_birth", "Hà Nội", d("1948-02-29"), Date::max()},  // not read by the statistics
  };
  return s;
}

TEST(MemberProfile, WhatIsEncodedReadsBackTheSame) {
  const std::string text = encode_profile(source());
  ProfileView v;
  ASSERT_TRUE(parse_profile(text, v)) << text;
  EXPECT_EQ(v.gender, Gender::female);
  EXPECT_EQ(v.birth, d("1948-02-29"));
  ASSERT_EQ(v.periods.size(), 5u);
  EXPECT_EQ(v.periods[0].status, MemberStatus::candidate);
  EXPECT_EQ(v.periods[2].to, d("2015-04-23"));
  EXPECT_EQ(v.periods[3].status, MemberStatus::removed);
  EXPECT_FALSE(v.periods[3].org.has_value());
  EXPECT_EQ(v.periods[4].to, Date::max());
  EXPECT_EQ(v.periods[4].org, OrgId{12});
  // A recognition is not an admission; a readmission keeps no org when none was recorded.
  ASSERT_EQ(v.admissions.size(), 2u);
  EXPECT_EQ(v.admissions[1].kind, MemberEventKind::readmission);
  EXPECT_FALSE(v.admissions[1].org.has_value());
  EXPECT_EQ(v.first_admission(), d("1975-04-30"));
  // Only the fields the statistics read, each by its code again.
  ASSERT_EQ(v.facts.size(), 3u);
  EXPECT_EQ(v.facts[0].field, "ethnicity");
  EXPECT_EQ(v.facts[0].value, "01");
  EXPECT_EQ(v.facts[1].field, "general_education");
  EXPECT_EQ(v.facts[2].field, "youth_union_joined");
  EXPECT_EQ(v.facts[2].value, "1963-03-26");
  EXPECT_EQ(v.facts[2].to, Date::max());
  // The period of a member on a day: none while a candidate or after the removal.
  EXPECT_EQ(v.period_on(d("1970-01-01")), nullptr);
  EXPECT_EQ(v.period_on(d("1990-01-01"))->org, OrgId{9});
  EXPECT_EQ(v.period_on(d("2016-01-01")), nullptr);
  EXPECT_EQ(v.period_on(d("2026-12-07"))->status, MemberStatus::probationary);
}

TEST(MemberProfile, EveryFieldTheStatisticsReadHasItsOwnTag) {
  std::set<std::string_view> tags;
  for (const auto& f : dossier_fields()) {
    if (!read_by_statistics(f)) continue;
    const std::string_view tag = profile_tag(f.code);
    EXPECT_EQ(tag.size(), 1u) << f.code << " has no tag: its code fills every profile";
    EXPECT_TRUE(tags.insert(tag).second) << f.code << " shares its tag";
  }
}

TEST(MemberProfile, ATextThatIsNotAProfileIsRefused) {
  ProfileView v;
  EXPECT_FALSE(parse_profile("", v));                                 // no M line
  EXPECT_FALSE(parse_profile("M\tf\t1980-05-17", v));                 // a date as text, not a day
  EXPECT_FALSE(parse_profile("M\tf\t3790\nP\t1\t2\tq\t7", v));        // an unknown status
  EXPECT_FALSE(parse_profile("M\tf\t3790\nP\t1\t2\tp", v));           // too few fields
  EXPECT_FALSE(parse_profile("M\tf\t3790\nA\tz\t5\t7", v));           // an unknown kind
  EXPECT_FALSE(parse_profile("M\tf\t3790\nZ\t1", v));                 // an unknown line
  EXPECT_FALSE(parse_profile("M\tf\t3790\nP\t1\t2\tp\t7\t8\t9", v));  // too many fields
  EXPECT_TRUE(parse_profile("M\tu\t3790\nP\t1\t\tp\t7", v));
  EXPECT_EQ(v.periods.at(0).to, Date::max());
}

}  // namespace
}  // namespace dangvu
