#pragma once
// A member as the statistics read them (member_profile, one row per person): gender, birth, the
// periods as a member (probationary or official, with the org), the admissions and readmissions,
// and the values over time of the dossier fields the forms count by (each listed category and
// the date joined the Youth Union). Derived from the member's periods, milestones and dossier
// spans in the transaction that changes them, never written by hand; one scan of these rows gives
// every table of both years (figures/statistics.cpp), instead of a lookup per member and field.
//
// The text is one line per fact, fields split by tabs, dates ISO (so they compare as text):
//   M <gender> <birth>
//   P <from> <to> <status> <org>
//   A <kind> <on> <org or empty>
//   F <field> <value> <from> <to>
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

struct ProfileSource {
  Gender gender = Gender::unknown;
  Date birth;
  std::vector<MemberPeriod> periods;
  std::vector<MemberMilestone> milestones;
  std::vector<Dossier::Span> spans;
};

std::string encode_profile(const ProfileSource& source);

// A profile read back, as views into its text (valid while the text is). Parsing reuses the
// vectors' room, so one object serves a whole scan.
struct ProfileView {
  std::string_view gender, birth;  // birth: "1980-05-17"
  struct Period {
    std::string_view from, to;  // ISO; to: "9999-12-31" while it lasts
    MemberStatus status = MemberStatus::none;
    OrgId org = 0;
  };
  struct Admission {
    MemberEventKind kind = MemberEventKind::admission;
    std::string_view on;
    std::optional<OrgId> org;
  };
  struct Fact {
    std::string_view key;  // "field\tvalue"
    std::string_view field, value, from, to;
  };
  std::vector<Period> periods;
  std::vector<Admission> admissions;
  std::vector<Fact> facts;

  // The member's period on `day` (ISO), if a member then.
  const Period* period_on(std::string_view day) const;
  // The first admission decision, if any ("" otherwise).
  std::string_view first_admission() const;
};

// False when the text is not a profile (a line of an unknown kind or too few fields).
bool parse_profile(std::string_view text, ProfileView& out);

}  // namespace dangvu
