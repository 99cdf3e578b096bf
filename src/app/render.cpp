#include "app/render.h"

#include <sstream>

namespace dangvu::app {

std::string format_count(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

namespace {

void node_text(const service::TreeNodeView& n, const std::string& indent, std::ostringstream& out) {
  out << indent << n.name << " [" << n.code << "] — " << label_vi(n.kind) << " — "
      << format_count(n.counts.members()) << " đảng viên";
  if (n.counts.members() > 0) {
    out << " (" << format_count(n.counts.official) << " chính thức, "
        << format_count(n.counts.probationary) << " dự bị)";
  }
  out << "\n";
  for (const auto& c : n.children) node_text(c, indent + "  ", out);
}

}  // namespace

std::string to_text(const service::TreeView& v) {
  std::ostringstream out;
  out << "Cây tổ chức tính đến ngày " << v.at.vi() << "\n";
  for (const service::TreeNodeView* top : v.tops()) node_text(*top, "", out);
  return out.str();
}

std::string to_text(const service::StatsView& s) {
  std::ostringstream out;
  out << "Thống kê " << s.name << " [" << s.code << "] tính đến ngày " << s.at.vi() << "\n"
      << "  Đảng bộ cơ sở:                         " << format_count(s.grassroots_committees)
      << "\n"
      << "  Chi bộ cơ sở:                          " << format_count(s.grassroots_branches) << "\n"
      << "  Chi bộ trực thuộc:                     " << format_count(s.sub_branches) << "\n"
      << "  Tổng số đảng viên:                     " << format_count(s.members.members()) << "\n"
      << "    Đảng viên chính thức:                " << format_count(s.members.official) << "\n"
      << "    Đảng viên dự bị:                     " << format_count(s.members.probationary) << "\n"
      << "    Dự bị quá hạn xét chính thức:        " << format_count(s.probation_overdue) << "\n"
      << "  Quần chúng ưu tú đang bồi dưỡng:       " << format_count(s.members.candidates) << "\n"
      << "  Kết nạp từ đầu năm " << s.at.year() << ":               "
      << format_count(s.admitted_this_year) << "\n"
      << "  Công nhận chính thức từ đầu năm " << s.at.year() << ":  "
      << format_count(s.recognized_this_year) << "\n"
      << "  Chi bộ có dưới 3 đảng viên chính thức: " << format_count(s.branches_below_minimum)
      << "\n";
  return out.str();
}

std::string to_text(const service::MemberView& v) {
  std::ostringstream out;
  out << v.person.full_name() << " [" << v.code << "]\n"
      << "  Ngày sinh:        " << v.person.birth_date.vi() << "\n";
  if (!v.card_number.empty()) out << "  Số thẻ đảng viên: " << v.card_number << "\n";
  out << "  Tính đến ngày " << v.at.vi() << ": " << label_vi(v.status);
  if (!v.org_code.empty()) out << ", sinh hoạt tại " << v.org_name << " [" << v.org_code << "]";
  out << "\n";
  if (!v.temp_org_code.empty()) out << "  Sinh hoạt tạm thời tại [" << v.temp_org_code << "]\n";
  if (v.admitted_on) {
    out << "  Ngày vào Đảng:    " << v.admitted_on->vi() << "; tuổi đảng " << v.party_age_years
        << " năm\n";
  }
  if (v.badge_years) out << "  Đủ điều kiện Huy hiệu " << *v.badge_years << " năm tuổi Đảng\n";
  if (v.recognition_due) out << "  Đến hạn xét chính thức: " << v.recognition_due->vi() << "\n";
  for (const auto& f : v.flags) out << "  ! " << f << "\n";
  out << "  Lịch sử:\n";
  for (const auto& e : v.events) {
    out << "    #" << e.id << " " << e.date.vi() << " " << label_vi(e.kind);
    if (!e.org_code.empty()) out << " [" << e.org_code << "]";
    if (!e.detail.empty()) out << " " << e.detail;
    out << "\n";
  }
  return out.str();
}

std::string to_text(const service::MemberListView& v) {
  std::ostringstream out;
  out << "Danh sách tính đến ngày " << v.at.vi() << ": " << (v.more ? "hơn " : "")
      << format_count(v.total) << " người\n";
  for (const auto& r : v.rows) {
    out << r.code << "\t" << r.person.full_name() << "\t" << r.person.birth_date.vi() << "\t"
        << label_vi(r.status) << "\t" << r.org_code << "\n";
  }
  return out.str();
}

}  // namespace dangvu::app
