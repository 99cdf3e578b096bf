#include "service/demo_names.h"

namespace dangvu::service::demo {

const std::vector<Weighted>& family_names() {
  // Rough shares of Vietnamese family names; two-syllable families are rare but real.
  static const std::vector<Weighted> v = {
      {"Nguyễn", 380}, {"Trần", 110},     {"Lê", 95},  {"Phạm", 70}, {"Hoàng", 50},
      {"Huỳnh", 20},   {"Phan", 45},      {"Vũ", 39},  {"Võ", 20},   {"Đặng", 21},
      {"Bùi", 20},     {"Đỗ", 14},        {"Hồ", 13},  {"Ngô", 13},  {"Dương", 10},
      {"Lý", 5},       {"Đàm", 4},        {"Đinh", 8}, {"Lương", 4}, {"Tạ", 3},
      {"Trịnh", 5},    {"Mai", 3},        {"Cao", 3},  {"Lâm", 3},   {"Hà", 4},
      {"Triệu", 2},    {"Ông", 1},        {"Âu", 1},   {"Ứng", 1},   {"Hoàng Phủ", 1},
      {"Tôn Thất", 1}, {"Nguyễn Phúc", 1}};
  return v;
}

const std::vector<std::string_view>& male_middle_names() {
  static const std::vector<std::string_view> v = {"Văn",  "Hữu",   "Đức",  "Minh", "Quang", "Thanh",
                                                  "Xuân", "Công",  "Đình", "Ngọc", "Quốc",  "Anh",
                                                  "Thế",  "Trọng", "Mạnh", "Tiến", "Duy",   ""};
  return v;
}

const std::vector<std::string_view>& female_middle_names() {
  static const std::vector<std::string_view> v = {"Thị",   "Thị", "Thị",  "Ngọc",   "Thu",
                                                  "Thanh", "Kim", "Minh", "Phương", "Hồng",
                                                  "Thùy",  "Mai", "Bích", "Diệu",   "Khánh"};
  return v;
}

const std::vector<std::string_view>& male_given_names() {
  static const std::vector<std::string_view> v = {
      "Anh",   "Bình", "Cường", "Chính",     "Dũng",      "Đạt",    "Hải", "Hùng",  "Hưng",
      "Khánh", "Long", "Minh",  "Nam",       "Phong",     "Quân",   "Sơn", "Thắng", "Thành",
      "Trung", "Tuấn", "Việt",  "Toàn",      "Hiếu",      "Lộc",    "Tâm", "Ân",    "Ước",
      "Ơn",    "Bảo",  "Lực",   "Bình Minh", "Quang Huy", "Đức Anh"};
  return v;
}

const std::vector<std::string_view>& female_given_names() {
  static const std::vector<std::string_view> v = {
      "An",  "Chi",  "Dung",  "Hà",   "Hạnh",   "Hoa",   "Hương",      "Lan",    "Linh",
      "Mai", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo",       "Trang",  "Uyên",
      "Vân", "Yến",  "Ánh",   "Ấu",   "Ơn",     "Ưng",   "Hồng Nhung", "Thu Hà", "Minh Châu"};
  return v;
}

const std::vector<Agency>& agencies() {
  static const std::vector<Agency> v = {
      {"Văn phòng Tỉnh ủy", true},
      {"Sở Tài nguyên và Môi trường", false},
      {"Sở Nông nghiệp và Phát triển nông thôn", false},
      {"Sở Tài chính", false},
      {"Sở Kế hoạch và Đầu tư", false},
      {"Sở Công Thương", false},
      {"Sở Xây dựng", false},
      {"Sở Giao thông vận tải", false},
      {"Sở Giáo dục và Đào tạo", false},
      {"Sở Y tế", false},
      {"Sở Nội vụ", false},
      {"Sở Tư pháp", false},
      {"Sở Khoa học và Công nghệ", false},
      {"Sở Văn hóa, Thể thao và Du lịch", false},
      {"Sở Lao động – Thương binh và Xã hội", false},
      {"Thanh tra tỉnh", false},
      {"Văn phòng Ủy ban nhân dân tỉnh", false},
      {"Bảo hiểm xã hội tỉnh", false},
      {"Bệnh viện Đa khoa tỉnh", false},
      {"Trường Cao đẳng Y tế", false},
      {"Công ty Điện lực", false},
      {"Ban Quản lý các khu công nghiệp", false},
      {"Ban Tổ chức Tỉnh ủy", true},
      {"Ban Tuyên giáo Tỉnh ủy", true},
      {"Ban Dân vận Tỉnh ủy", true},
      {"Ủy ban Kiểm tra Tỉnh ủy", true},
      {"Báo tỉnh", true},
      {"Trường Chính trị tỉnh", true},
      {"Ủy ban Mặt trận Tổ quốc tỉnh", true},
      {"Tỉnh đoàn", true},
      {"Hội Liên hiệp Phụ nữ tỉnh", true},
      {"Hội Nông dân tỉnh", true},
      {"Hội Cựu chiến binh tỉnh", true},
      {"Liên đoàn Lao động tỉnh", true},
      {"Đài Phát thanh và Truyền hình tỉnh", false},
      {"Sở Ngoại vụ", false},
  };
  return v;
}

const std::vector<std::string_view>& departments() {
  static const std::vector<std::string_view> v = {"Văn phòng",
                                                  "Phòng Tổ chức cán bộ",
                                                  "Phòng Kế hoạch – Tài chính",
                                                  "Phòng Nghiệp vụ",
                                                  "Phòng Thanh tra",
                                                  "Phòng Pháp chế",
                                                  "Phòng Quản lý",
                                                  "Trung tâm Dịch vụ",
                                                  "Phòng Hành chính – Tổng hợp",
                                                  "Phòng Kỹ thuật",
                                                  "Chi cục",
                                                  "Ban Quản lý dự án"};
  return v;
}

const std::vector<std::string_view>& province_names() {
  static const std::vector<std::string_view> v = {
      "An Bình",  "Bắc Sơn",  "Cẩm Giang", "Đông Hải",  "Đức Phổ",   "Gia Lâm",  "Hà Quang",
      "Hải Ninh", "Hòa An",   "Hưng Long", "Kim Sơn",   "Lạc Thủy",  "Lam Sơn",  "Long Phú",
      "Minh Hải", "Mỹ Lộc",   "Ngọc Lặc",  "Nghĩa Đàn", "Phú Lương", "Phước An", "Quảng Uyên",
      "Quế Sơn",  "Sơn Tây",  "Tam Đảo",   "Tân Kỳ",    "Thạch An",  "Thanh Ba", "Thuận Thành",
      "Tiên Yên", "Trà Lĩnh", "Ứng Hòa",   "Vạn Ninh",  "Vĩnh Lộc",  "Yên Thế"};
  return v;
}

}  // namespace dangvu::service::demo
