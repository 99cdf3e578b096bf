#include "core/member_profile.h"

#include <array>
#include <charconv>
#include <utility>

namespace dangvu {
namespace {

// Each field the statistics read, with its tag. A tag is stored in every profile: one is never
// changed or given to another field (add a new letter for a new field).
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kTags = {{
    {"ethnicity", "e"},
    {"religion", "r"},
    {"occupation", "o"},
    {"general_education", "g"},
    {"professional_qualification", "q"},
    {"degree", "d"},
    {"academic_title", "t"},
    {"political_theory", "p"},
    {"youth_union_joined", "y"},
}};

std::string_view field_of_tag(std::string_view tag) {
  if (tag.size() == 1) {  // a letter's field, without a comparison of strings
    for (const auto& [field, t] : kTags) {
      if (t[0] == tag[0]) return field;
    }
  }
  return tag;  // a field without a tag is written by its code
}

// Whether `part` is the one letter `c`.
bool is(std::string_view part, char c) { return part.size() == 1 && part[0] == c; }

// A value never holds a tab or a line break in the profile's text.
void put(std::string& out, std::string_view value) {
  for (char c : value) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

void put_day(std::string& out, Date day) {
  if (day != Date::max()) out += std::to_string(day.days());
}

void put_org(std::string& out, const std::optional<OrgId>& org) {
  if (org) out += std::to_string(*org);
}

// Reads the next line of `text` into `parts` (split at tabs; at most 6) and moves past it; the
// number of parts. One pass over the characters: the fields are a few bytes each, too short for a
// search per field to pay.
std::size_t next_line(std::string_view& text, std::string_view (&parts)[6]) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const char* start = p;
  std::size_t n = 0;
  for (;; ++p) {
    if (p == end || *p == '\n' || *p == '\t') {
      if (n < 6) parts[n] = std::string_view(start, static_cast<std::size_t>(p - start));
      ++n;
      if (p == end || *p == '\n') break;
      start = p + 1;
    }
  }
  text.remove_prefix(static_cast<std::size_t>(p - text.data()) + (p == end ? 0 : 1));
  return n;
}

template <typename Int>
bool read_int(std::string_view text, Int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

// A day number; an empty one is the open end.
bool read_day(std::string_view text, Date& out) {
  if (text.empty()) {
    out = Date::max();
    return true;
  }
  std::int32_t days = 0;
  if (!read_int(text, days)) return false;
  out = Date::from_days(days);
  return true;
}

// A period's status as one letter, never changed (stored in every profile).
constexpr std::array<std::pair<MemberStatus, char>, 8> kStatusLetters = {{
    {MemberStatus::none, 'n'},
    {MemberStatus::candidate, 'c'},
    {MemberStatus::probationary, 'p'},
    {MemberStatus::official, 'o'},
    {MemberStatus::removed, 'x'},
    {MemberStatus::expelled, 'e'},
    {MemberStatus::resigned, 'r'},
    {MemberStatus::deceased, 'd'},
}};

char status_letter(MemberStatus status) {
  for (const auto& [s, letter] : kStatusLetters) {
    if (s == status) return letter;
  }
  return 'n';
}

std::optional<MemberStatus> status_of_letter(char letter) {
  for (const auto& [s, l] : kStatusLetters) {
    if (l == letter) return s;
  }
  return std::nullopt;
}

char gender_letter(Gender g) {
  switch (g) {
    case Gender::female: return 'f';
    case Gender::male: return 'm';
    case Gender::unknown: break;
  }
  return 'u';
}

}  // namespace

bool read_by_statistics(const DossierField& field) {
  if (field.listed) return false;
  return field.kind == DossierValueKind::catalog || field.code == "youth_union_joined";
}

std::string_view profile_tag(std::string_view field) {
  for (const auto& [code, tag] : kTags) {
    if (code == field) return tag;
  }
  return field;
}

std::string encode_profile(const ProfileSource& s) {
  std::string out = "M\t";
  out += gender_letter(s.gender);
  out += '\t';
  out += std::to_string(s.birth.days());
  for (const auto& p : s.periods) {
    out += "\nP\t" + std::to_string(p.from.days()) + '\t';
    put_day(out, p.to);
    out += '\t';
    out += status_letter(p.status);
    out += '\t';
    put_org(out, p.org);
  }
  for (const auto& m : s.milestones) {
    if (m.kind != MemberEventKind::admission && m.kind != MemberEventKind::readmission) continue;
    out += m.kind == MemberEventKind::admission ? "\nA\ta\t" : "\nA\tr\t";
    out += std::to_string(m.date.days()) + '\t';
    put_org(out, m.org);
  }
  for (const auto& span : s.spans) {
    const DossierField* field = find_dossier_field(span.field);
    if (field == nullptr || !read_by_statistics(*field)) continue;
    out += "\nF\t";
    put(out, profile_tag(span.field));
    out += '\t';
    put(out, span.value);
    out += '\t' + std::to_string(span.from.days()) + '\t';
    put_day(out, span.to);
  }
  return out;
}

bool parse_profile(std::string_view text, ProfileView& out) {
  out.periods.clear();
  out.admissions.clear();
  out.facts.clear();
  bool head = false;
  std::string_view parts[6];
  while (!text.empty()) {
    const std::size_t n = next_line(text, parts);
    if (is(parts[0], 'M') && n == 3 && parts[1].size() == 1) {
      const char g = parts[1][0];
      out.gender = g == 'f' ? Gender::female : g == 'm' ? Gender::male : Gender::unknown;
      if (!read_day(parts[2], out.birth) || parts[2].empty()) return false;
      head = true;
    } else if (is(parts[0], 'P') && n == 5) {
      ProfileView::Period p;
      if (!read_day(parts[1], p.from) || !read_day(parts[2], p.to) || parts[3].size() != 1) {
        return false;
      }
      const auto status = status_of_letter(parts[3][0]);
      if (!status) return false;
      p.status = *status;
      if (!parts[4].empty()) {
        OrgId org = 0;
        if (!read_int(parts[4], org)) return false;
        p.org = org;
      }
      out.periods.push_back(p);
    } else if (is(parts[0], 'A') && n == 4) {
      ProfileView::Admission a;
      if (is(parts[1], 'a')) {
        a.kind = MemberEventKind::admission;
      } else if (is(parts[1], 'r')) {
        a.kind = MemberEventKind::readmission;
      } else {
        return false;
      }
      if (!read_day(parts[2], a.on) || parts[2].empty()) return false;
      if (!parts[3].empty()) {
        OrgId org = 0;
        if (!read_int(parts[3], org)) return false;
        a.org = org;
      }
      out.admissions.push_back(a);
    } else if (is(parts[0], 'F') && n == 5) {
      ProfileView::Fact f;
      f.key = std::string_view(parts[1].data(), parts[1].size() + 1 + parts[2].size());
      f.field = field_of_tag(parts[1]);
      f.value = parts[2];
      if (!read_day(parts[3], f.from) || !read_day(parts[4], f.to)) return false;
      out.facts.push_back(f);
    } else {
      return false;
    }
  }
  return head;
}

const ProfileView::Period* ProfileView::period_on(Date day) const {
  for (const auto& p : periods) {
    if (p.from <= day && day < p.to) {
      return is_member(p.status) && p.org ? &p : nullptr;
    }
  }
  return nullptr;
}

std::optional<Date> ProfileView::first_admission() const {
  std::optional<Date> first;
  for (const auto& a : admissions) {
    if (a.kind == MemberEventKind::admission && (!first || a.on < *first)) first = a.on;
  }
  return first;
}

}  // namespace dangvu
