#pragma once
// The fixed wording of Party documents (Hướng dẫn 36-HD/VPTW) that every document dangvu writes
// shares: the date line, and dates and times in words (who issues and signs: core/issuer.h).
#include <string>

#include "core/date.h"

namespace dangvu::report {

// "ngày 05 tháng 02 năm 2026": days below 10 and months January and February take a leading zero.
std::string date_in_words(Date d);
// "An Bình, ngày 05 tháng 02 năm 2026"; "…………, …" when no place is recorded (the office writes
// it).
std::string place_date_line(const std::string& place, Date d);
// "thứ Hai" … "Chủ nhật".
std::string weekday_vi(Date d);
// "08:00" → "08 giờ 00"; empty stays empty.
std::string time_in_words(const std::string& hh_mm);

}  // namespace dangvu::report
