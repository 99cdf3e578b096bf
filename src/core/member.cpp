#include "core/member.h"

namespace dangvu {

std::string_view to_string(MemberStatus s) {
  switch (s) {
    case MemberStatus::none: return "none";
    case MemberStatus::candidate: return "candidate";
    case MemberStatus::probationary: return "probationary";
    case MemberStatus::official: return "official";
    case MemberStatus::removed: return "removed";
    case MemberStatus::expelled: return "expelled";
    case MemberStatus::resigned: return "resigned";
    case MemberStatus::deceased: return "deceased";
  }
  return "unknown";
}

std::optional<MemberStatus> parse_member_status(std::string_view text) {
  for (auto s : {MemberStatus::none, MemberStatus::candidate, MemberStatus::probationary,
                 MemberStatus::official, MemberStatus::removed, MemberStatus::expelled,
                 MemberStatus::resigned, MemberStatus::deceased}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::string_view label_vi(MemberStatus s) {
  switch (s) {
    case MemberStatus::none: return "Chưa có";
    case MemberStatus::candidate: return "Quần chúng ưu tú";
    case MemberStatus::probationary: return "Đảng viên dự bị";
    case MemberStatus::official: return "Đảng viên chính thức";
    case MemberStatus::removed: return "Đã xóa tên";
    case MemberStatus::expelled: return "Đã khai trừ";
    case MemberStatus::resigned: return "Đã ra khỏi Đảng";
    case MemberStatus::deceased: return "Đã từ trần";
  }
  return "";
}

std::string_view ended_phrase_vi(MemberStatus s) {
  switch (s) {
    case MemberStatus::removed: return "bị xóa tên";
    case MemberStatus::expelled: return "bị khai trừ";
    case MemberStatus::resigned: return "ra khỏi Đảng";
    case MemberStatus::deceased: return "từ trần";
    default: return label_vi(s);
  }
}

bool is_member(MemberStatus s) {
  return s == MemberStatus::probationary || s == MemberStatus::official;
}

bool is_ended(MemberStatus s) {
  return s == MemberStatus::removed || s == MemberStatus::expelled || s == MemberStatus::resigned ||
         s == MemberStatus::deceased;
}

namespace {
constexpr MemberEventKind kEventKinds[] = {MemberEventKind::candidate_registration,
                                           MemberEventKind::admission,
                                           MemberEventKind::recognition,
                                           MemberEventKind::transfer,
                                           MemberEventKind::removal,
                                           MemberEventKind::expulsion,
                                           MemberEventKind::resignation,
                                           MemberEventKind::death,
                                           MemberEventKind::readmission,
                                           MemberEventKind::correction};
}

std::string_view to_string(MemberEventKind k) {
  switch (k) {
    case MemberEventKind::candidate_registration: return "candidate_registration";
    case MemberEventKind::admission: return "admission";
    case MemberEventKind::recognition: return "recognition";
    case MemberEventKind::transfer: return "transfer";
    case MemberEventKind::removal: return "removal";
    case MemberEventKind::expulsion: return "expulsion";
    case MemberEventKind::resignation: return "resignation";
    case MemberEventKind::death: return "death";
    case MemberEventKind::readmission: return "readmission";
    case MemberEventKind::correction: return "correction";
  }
  return "unknown";
}

std::optional<MemberEventKind> parse_member_event_kind(std::string_view text) {
  for (auto k : kEventKinds) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

std::string_view label_vi(MemberEventKind k) {
  switch (k) {
    case MemberEventKind::candidate_registration: return "Đăng ký quần chúng ưu tú";
    case MemberEventKind::admission: return "Kết nạp";
    case MemberEventKind::recognition: return "Công nhận đảng viên chính thức";
    case MemberEventKind::transfer: return "Chuyển sinh hoạt đảng";
    case MemberEventKind::removal: return "Xóa tên";
    case MemberEventKind::expulsion: return "Khai trừ";
    case MemberEventKind::resignation: return "Ra khỏi Đảng";
    case MemberEventKind::death: return "Từ trần";
    case MemberEventKind::readmission: return "Kết nạp lại";
    case MemberEventKind::correction: return "Đính chính";
  }
  return "";
}

std::string_view to_string(TransferMode m) {
  switch (m) {
    case TransferMode::permanent: return "permanent";
    case TransferMode::temporary: return "temporary";
    case TransferMode::temporary_end: return "temporary_end";
  }
  return "unknown";
}

std::optional<TransferMode> parse_transfer_mode(std::string_view text) {
  for (auto m : {TransferMode::permanent, TransferMode::temporary, TransferMode::temporary_end}) {
    if (to_string(m) == text) return m;
  }
  return std::nullopt;
}

std::string_view label_vi(TransferMode m) {
  switch (m) {
    case TransferMode::permanent: return "chính thức";
    case TransferMode::temporary: return "tạm thời";
    case TransferMode::temporary_end: return "kết thúc sinh hoạt tạm thời";
  }
  return "";
}

std::string_view to_string(Gender g) {
  switch (g) {
    case Gender::unknown: return "unknown";
    case Gender::male: return "male";
    case Gender::female: return "female";
  }
  return "unknown";
}

std::string_view label_vi(Gender g) {
  switch (g) {
    case Gender::male: return "Nam";
    case Gender::female: return "Nữ";
    case Gender::unknown: return "Chưa ghi";
  }
  return "Chưa ghi";
}

std::optional<Gender> parse_gender(std::string_view text) {
  for (auto g : {Gender::unknown, Gender::male, Gender::female}) {
    if (to_string(g) == text) return g;
  }
  return std::nullopt;
}

std::string Person::full_name() const {
  std::string s = family;
  if (!middle.empty()) s += " " + middle;
  s += " " + given;
  return s;
}

}  // namespace dangvu
