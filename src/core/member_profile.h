#pragma once
// A member as the statistics read them (member_profile, one row per person): gender, birth, the
// periods (every status, with the org: the changes between them are the statistics' increases and
// decreases), the admissions and readmissions,
// and the values over time of the dossier fields the forms count by (each listed category and
// the date joined the Youth Union). Derived from the member's periods, milestones and dossier
// spans in the transaction that changes them, never written by hand; one scan of these rows gives
// every table of both years (figures/statistics.cpp), instead of a lookup per member and field.
//
// The text is one line per fact, fields split by tabs, kept short because the nation's 5.6 million
// rows cross the wire on every scan: a date is its day number (days since 1970-01-01, see
// core/date.h), an open end is empty, a status, kind or gender is one letter, and a field is its
// tag (profile_tag below; its code when it has none):
//   M <f|m|u> <birth>
//   P <from> <to> <n|c|p|o|x|e|r|d> <org or empty>   (the period's status, as MemberStatus)
//   A <a|r> <on> <org or empty>
//   F <tag> <value> <from> <to>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dossier.h"
#include "core/member.h"
#include "core/member_fold.h"

namespace dangvu {

// Whether the statistics read `field` (so the profile keeps its values).
bool read_by_statistics(const DossierField& field);

// The short name of `field` in a profile's text: a letter for each field the statistics read,
// never given to another field (a stored profile would be read wrongly); the code itself for a
// field without one.
std::string_view profile_tag(std::string_view field);

struct ProfileSource {
  Gender gender = Gender::unknown;
  Date birth;
  std::vector<MemberPeriod> periods;
  std::vector<MemberMilestone> milestones;
  std::vector<Dossier::Span> spans;
};

std::string encode_profile(const ProfileSource& source);

// A profile read back, its text parts as views into its text (valid while the text is). Parsing
// reuses the vectors' room, so one object serves a whole scan.
struct ProfileView {
  MemberId member = 0;  // whose: set by the scan that read the row (not in the text)
  Gender gender = Gender::unknown;
  Date birth;
  struct Period {
    Date from, to;  // to: Date::max() while it lasts
    MemberStatus status = MemberStatus::none;
    std::optional<OrgId> org;
  };
  struct Admission {
    MemberEventKind kind = MemberEventKind::admission;
    Date on;
    std::optional<OrgId> org;
  };
  struct Fact {
    std::string_view key;    // "tag\tvalue", as in the text: one hash per fact
    std::string_view field;  // the field's code
    std::string_view value;  // as recorded (a catalog code; a date field's ISO date)
    Date from, to;
  };
  std::vector<Period> periods;
  std::vector<Admission> admissions;
  std::vector<Fact> facts;

  // The member's period on `day`, if a member of an org then (probationary or official).
  const Period* period_on(Date day) const;
  // The first admission decision, if any.
  std::optional<Date> first_admission() const;
};

// False when the text is not a profile (a line of an unknown kind, too few fields or a number that
// does not read).
bool parse_profile(std::string_view text, ProfileView& out);

}  // namespace dangvu
