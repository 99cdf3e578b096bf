#include "core/activity.h"

#include "core/enum_names.h"

namespace dangvu {
namespace {

template <typename E, std::size_t N>
using Names = EnumNames<E, N>;  // core/enum_names.h

constexpr Names<MeetingKind, 2> kMeetingKinds = {{
    {MeetingKind::regular, "regular", "định kỳ"},
    {MeetingKind::thematic, "thematic", "chuyên đề"},
}};
constexpr Names<MeetingQuality, 4> kQualities = {{
    {MeetingQuality::good, "good", "tốt"},
    {MeetingQuality::fair, "fair", "khá"},
    {MeetingQuality::average, "average", "trung bình"},
    {MeetingQuality::poor, "poor", "kém"},
}};
constexpr Names<OversightKind, 2> kOversightKinds = {{
    {OversightKind::inspection, "inspection", "kiểm tra"},
    {OversightKind::supervision, "supervision", "giám sát"},
}};
constexpr Names<OversightBasis, 2> kBases = {{
    {OversightBasis::planned, "planned", "theo kế hoạch"},
    {OversightBasis::signs_of_violation, "signs_of_violation", "khi có dấu hiệu vi phạm"},
}};
constexpr Names<CancelledKind, 4> kCancelledKinds = {{
    {CancelledKind::meeting, "meeting", "cuộc sinh hoạt chi bộ"},
    {CancelledKind::oversight, "oversight", "cuộc kiểm tra, giám sát"},
    {CancelledKind::study_session, "study_session", "buổi học tập nghị quyết"},
    {CancelledKind::conference, "conference", "hội nghị"},
}};

}  // namespace

std::string_view to_string(MeetingKind v) { return name_of(kMeetingKinds, v); }
std::string_view to_string(MeetingQuality v) { return name_of(kQualities, v); }
std::string_view to_string(OversightKind v) { return name_of(kOversightKinds, v); }
std::string_view to_string(OversightBasis v) { return name_of(kBases, v); }
std::optional<MeetingKind> parse_meeting_kind(std::string_view t) {
  return parse_of(kMeetingKinds, t);
}
std::optional<MeetingQuality> parse_meeting_quality(std::string_view t) {
  return parse_of(kQualities, t);
}
std::optional<OversightKind> parse_oversight_kind(std::string_view t) {
  return parse_of(kOversightKinds, t);
}
std::optional<OversightBasis> parse_oversight_basis(std::string_view t) {
  return parse_of(kBases, t);
}
std::string_view label_vi(MeetingKind v) { return label_of(kMeetingKinds, v); }
std::string_view label_vi(MeetingQuality v) { return label_of(kQualities, v); }
std::string_view label_vi(OversightKind v) { return label_of(kOversightKinds, v); }
std::string_view label_vi(OversightBasis v) { return label_of(kBases, v); }
std::string_view to_string(CancelledKind v) { return name_of(kCancelledKinds, v); }
std::optional<CancelledKind> parse_cancelled_kind(std::string_view t) {
  return parse_of(kCancelledKinds, t);
}
std::string_view label_vi(CancelledKind v) { return label_of(kCancelledKinds, v); }

}  // namespace dangvu
