#pragma once
// The fixed wording of Party documents (Hướng dẫn 36-HD/VPTW) that every document dangvu writes
// shares: the date line, the issuer's abbreviation in the number, who signs on whose behalf, and
// dates and times in words.
#include <string>

#include "core/date.h"
#include "core/org.h"

namespace dangvu::report {

// "ngày 05 tháng 02 năm 2026": days below 10 and months January and February take a leading zero.
std::string date_in_words(Date d);
// "…………, ngày 05 tháng 02 năm 2026" (the office writes the place).
std::string place_date_line(Date d);
// "thứ Hai" … "Chủ nhật".
std::string weekday_vi(Date d);
// "08:00" → "08 giờ 00"; empty stays empty.
std::string time_in_words(const std::string& hh_mm);
// The issuer part of a document number: "ĐU" for a committee, "CB" for a branch, "CỤM".
std::string issuer_abbreviation(OrgKind kind);
// "T/M BAN THƯỜNG VỤ", "T/M CHI BỘ" or "T/M ĐƠN VỊ CỤM TRƯỞNG".
std::string signer_authority(OrgKind kind);

}  // namespace dangvu::report
