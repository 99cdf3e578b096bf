#include "report/party_format.h"

namespace dangvu::report {

std::string date_in_words(Date d) {
  std::string day = (d.day() < 10 ? "0" : "") + std::to_string(d.day());
  std::string month = (d.month() < 3 ? "0" : "") + std::to_string(d.month());
  return "ngày " + day + " tháng " + month + " năm " + std::to_string(d.year());
}

std::string place_date_line(const std::string& place, Date d) {
  return (place.empty() ? std::string("…………") : place) + ", " + date_in_words(d);
}

std::string weekday_vi(Date d) {
  static const char* const kNames[] = {"thứ Hai", "thứ Ba",  "thứ Tư",  "thứ Năm",
                                       "thứ Sáu", "thứ Bảy", "Chủ nhật"};
  return kNames[d.weekday()];
}

std::string time_in_words(const std::string& hh_mm) {
  if (hh_mm.size() != 5 || hh_mm[2] != ':') return hh_mm;
  return hh_mm.substr(0, 2) + " giờ " + hh_mm.substr(3, 2);
}

}  // namespace dangvu::report
