#pragma once
// The work a Party organization records against its plan: branch meetings, inspections and
// supervisions, study sessions. Each is dated and attached to the org that holds it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dangvu {

using ActivityId = std::int64_t;

enum class MeetingKind { regular, thematic };  // định kỳ (monthly) / chuyên đề
// Quality of a branch meeting (tốt, khá, trung bình, kém).
enum class MeetingQuality { good, fair, average, poor };
enum class OversightKind { inspection, supervision };  // kiểm tra / giám sát
// Why: by the year's plan, or on signs of violation (khi có dấu hiệu vi phạm).
enum class OversightBasis { planned, signs_of_violation };

std::string_view to_string(MeetingKind v);
std::string_view to_string(MeetingQuality v);
std::string_view to_string(OversightKind v);
std::string_view to_string(OversightBasis v);
std::optional<MeetingKind> parse_meeting_kind(std::string_view text);
std::optional<MeetingQuality> parse_meeting_quality(std::string_view text);
std::optional<OversightKind> parse_oversight_kind(std::string_view text);
std::optional<OversightBasis> parse_oversight_basis(std::string_view text);
std::string_view label_vi(MeetingKind v);
std::string_view label_vi(MeetingQuality v);
std::string_view label_vi(OversightKind v);
std::string_view label_vi(OversightBasis v);

// What a cancellation cancels: a record made by mistake is never deleted; an appended
// cancellation (activity_cancellation) takes it out of every figure and marks it in lists.
enum class CancelledKind { meeting, oversight, study_session, conference };
std::string_view to_string(CancelledKind v);
std::optional<CancelledKind> parse_cancelled_kind(std::string_view text);
// "cuộc sinh hoạt chi bộ", "cuộc kiểm tra, giám sát", "buổi học tập nghị quyết", "hội nghị".
std::string_view label_vi(CancelledKind v);

}  // namespace dangvu
