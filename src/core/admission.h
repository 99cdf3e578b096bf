#pragma once
// What a candidate's admission file (hồ sơ kết nạp) must hold on the day the branch votes, as data
// in the rule set (`admission` in the JSON file): the certificate of the course on the Party
// (lớp bồi dưỡng nhận thức về Đảng), the official members who introduce the candidate and have
// worked with them long enough — or the Youth Union's introduction and fewer of them —, the
// background check (thẩm tra lý lịch) concluded, and the branch's vote. The file's facts are
// dossier records (core/dossier.h: party_course, background_check, youth_union_introduction,
// sponsor); what the sponsors were on the vote date the service reads from their own logs.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/dossier.h"
#include "core/member.h"
#include "core/result.h"

namespace dangvu {

struct AdmissionRules {
  // Điều lệ Đảng, Điều 4; Quy định 294-QĐ/TW. docs/rules.md names each source and the defaults.
  bool course_certificate = true;
  int course_certificate_valid_months = 60;  // marked default (UNCONFIRMED)
  int sponsors = 2;                          // official members who introduce the candidate
  int sponsors_with_youth_union = 1;         // when the Youth Union introduces the candidate too
  int sponsor_min_months = 12;               // worked with the candidate by the vote date
  bool background_check = true;
  bool branch_vote = true;  // the admission records the branch's vote date

  // Reads `{"course_certificate": true, "sponsors": 2, …}` over these values, refusing a
  // malformed one by its key.
  Status merge_json(std::string_view json_text);
  std::string to_json() const;
};

// A sponsor as recorded in the candidate's dossier, and what the sponsor was on the vote date.
struct SponsorStanding {
  std::string code;                          // the sponsor's member code, as recorded
  Date worked_since;                         // the record's date: since when they work together
  MemberStatus status = MemberStatus::none;  // on the vote date (none: no such member)
};

// One thing the file lacks: the field it concerns (`vote_date`, or a dossier field's code) and
// the rule, with what the office reads.
struct AdmissionGap {
  std::string field;
  std::string rule;
  std::string message_vi;
};

// What the candidate's file lacks for a vote on `vote_date` (none asked: only the vote itself is
// missing, and the rest is judged on `fallback`, the day asked), in the file's order. Empty when
// the file is complete.
std::vector<AdmissionGap> admission_gaps(const AdmissionRules& rules, const Dossier& file,
                                         std::optional<Date> vote_date, Date fallback,
                                         std::span<const SponsorStanding> sponsors);

// The refusal of an admission whose file has gaps: the first gap's field and rule, every gap in
// the message.
Error admission_refusal(const std::vector<AdmissionGap>& gaps);

}  // namespace dangvu
