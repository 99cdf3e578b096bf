#pragma once
// Members (đảng viên) and candidates (quần chúng ưu tú): who they are and the append-only log of
// what happened to them. Everything else about a member is a fold of that log (member_fold.h).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/org.h"

namespace dangvu {

using MemberId = std::int64_t;
using EventId = std::int64_t;

enum class MemberStatus {
  none,          // before the first event
  candidate,     // quần chúng ưu tú in training
  probationary,  // đảng viên dự bị
  official,      // đảng viên chính thức
  removed,       // xóa tên
  expelled,      // khai trừ
  resigned,      // ra khỏi Đảng
  deceased,      // từ trần
};

std::string_view to_string(MemberStatus s);
std::optional<MemberStatus> parse_member_status(std::string_view text);
std::string_view label_vi(MemberStatus s);
// How a membership ended, to follow "đã": "bị xóa tên", "bị khai trừ", "ra khỏi Đảng", "từ trần".
std::string_view ended_phrase_vi(MemberStatus s);
bool is_member(MemberStatus s);  // probationary or official
bool is_ended(MemberStatus s);   // removed, expelled, resigned, deceased

enum class MemberEventKind {
  candidate_registration,
  admission,
  recognition,
  transfer,
  removal,
  expulsion,
  resignation,
  death,
  readmission,
  correction,
};

std::string_view to_string(MemberEventKind k);
std::optional<MemberEventKind> parse_member_event_kind(std::string_view text);
std::string_view label_vi(MemberEventKind k);

enum class TransferMode { permanent, temporary, temporary_end };
std::string_view to_string(TransferMode m);
std::optional<TransferMode> parse_transfer_mode(std::string_view text);
std::string_view label_vi(TransferMode m);  // "chính thức", "tạm thời", …

enum class Gender { unknown, male, female };
std::string_view to_string(Gender g);
std::optional<Gender> parse_gender(std::string_view text);
// "Nam", "Nữ", "Chưa ghi": a gender stands alone (a cell, a choice), so it starts with a capital.
std::string_view label_vi(Gender g);
inline constexpr Gender kAllGenders[] = {Gender::male, Gender::female, Gender::unknown};

// Who a person is. Names are stored in three parts and never split on a space (docs/domain.md).
struct Person {
  std::string family;  // họ, may be two syllables ("Hoàng Phủ")
  std::string middle;  // tên đệm, may be empty
  std::string given;   // tên, may be two syllables ("Bình Minh")
  Date birth_date;
  Gender gender = Gender::unknown;
  std::string full_name() const;
};

// One entry in a member's log. Which fields matter depends on the kind.
struct MemberEvent {
  EventId id = 0;  // 0 until stored; the order of recording breaks ties between same-day events
  MemberEventKind kind = MemberEventKind::candidate_registration;
  Date date;                 // effective date (for admission: the decision date)
  std::optional<OrgId> org;  // registration/admission/readmission/transfer target
  TransferMode mode = TransferMode::permanent;
  std::string decision_no;            // số quyết định
  std::optional<Date> ceremony_date;  // admission/readmission: lễ kết nạp (defaults to date)
  std::optional<Date> vote_date;      // admission: the branch vote (age is checked on it)
  std::string age_exception_ref;      // over-60 admission: the provincial committee's decision
  std::string card_number;  // số thẻ đảng viên, set on admission or later by correction
  std::string reason;       // why (removal, correction, transfer …)
  // Removal, expulsion, resignation: the ground, a code of the catalog "leaving_ground" (an item
  // of group "no_readmission" bars readmission).
  std::string ground;
  // Correction only: the event it corrects, and either voids it or replaces the fields below.
  std::optional<EventId> corrects;
  bool voids = false;
  std::optional<Date> new_date;
  std::optional<OrgId> new_org;
  std::optional<Date> new_ceremony_date;
  std::string new_decision_no;
  std::string new_card_number;
};

}  // namespace dangvu
