#include "core/member_profile.h"

#include <charconv>

namespace dangvu {
namespace {

// A value never holds a tab or a line break in the profile's text.
void put(std::string& out, std::string_view value) {
  for (char c : value) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

void put_org(std::string& out, const std::optional<OrgId>& org) {
  if (org) out += std::to_string(*org);
}

// Splits `line` at tabs into `parts`; the number of parts.
std::size_t split(std::string_view line, std::string_view (&parts)[6]) {
  std::size_t n = 0;
  while (n < 6) {
    const auto tab = line.find('\t');
    parts[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return n;
}

std::optional<OrgId> org_of(std::string_view text) {
  OrgId id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}

}  // namespace

bool read_by_statistics(const DossierField& field) {
  if (field.listed) return false;
  return field.kind == DossierValueKind::catalog || field.code == "youth_union_joined";
}

std::string encode_profile(const ProfileSource& s) {
  std::string out = "M\t";
  out += to_string(s.gender);
  out += '\t';
  out += s.birth.iso();
  for (const auto& p : s.periods) {
    const bool member =
        p.status == MemberStatus::probationary || p.status == MemberStatus::official;
    if (!member || !p.org) continue;
    out += "\nP\t" + p.from.iso() + '\t' + p.to.iso() + '\t';
    out += to_string(p.status);
    out += '\t';
    put_org(out, p.org);
  }
  for (const auto& m : s.milestones) {
    if (m.kind != MemberEventKind::admission && m.kind != MemberEventKind::readmission) continue;
    out += "\nA\t";
    out += to_string(m.kind);
    out += '\t' + m.date.iso() + '\t';
    put_org(out, m.org);
  }
  for (const auto& span : s.spans) {
    const DossierField* field = find_dossier_field(span.field);
    if (field == nullptr || !read_by_statistics(*field)) continue;
    out += "\nF\t";
    put(out, span.field);
    out += '\t';
    put(out, span.value);
    out += '\t' + span.from.iso() + '\t' + span.to.iso();
  }
  return out;
}

bool parse_profile(std::string_view text, ProfileView& out) {
  out.gender = out.birth = {};
  out.periods.clear();
  out.admissions.clear();
  out.facts.clear();
  std::string_view parts[6];
  while (!text.empty()) {
    const auto eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    const std::size_t n = split(line, parts);
    if (parts[0] == "M" && n == 3) {
      out.gender = parts[1];
      out.birth = parts[2];
    } else if (parts[0] == "P" && n == 5) {
      auto status = parse_member_status(parts[3]);
      auto org = org_of(parts[4]);
      if (!status || !org) return false;
      out.periods.push_back({parts[1], parts[2], *status, *org});
    } else if (parts[0] == "A" && n == 4) {
      auto kind = parse_member_event_kind(parts[1]);
      if (!kind) return false;
      out.admissions.push_back(
          {*kind, parts[2], parts[3].empty() ? std::nullopt : org_of(parts[3])});
    } else if (parts[0] == "F" && n == 5) {
      const std::string_view key(parts[1].data(), parts[1].size() + 1 + parts[2].size());
      out.facts.push_back({key, parts[1], parts[2], parts[3], parts[4]});
    } else {
      return false;
    }
  }
  return out.birth.size() == 10;
}

const ProfileView::Period* ProfileView::period_on(std::string_view day) const {
  for (const auto& p : periods) {
    if (p.from <= day && day < p.to) return &p;
  }
  return nullptr;
}

std::string_view ProfileView::first_admission() const {
  std::string_view first;
  for (const auto& a : admissions) {
    if (a.kind == MemberEventKind::admission && (first.empty() || a.on < first)) first = a.on;
  }
  return first;
}

}  // namespace dangvu
