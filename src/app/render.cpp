#include "app/render.h"

#include <sstream>

namespace dangvu::app {

using nlohmann::json;

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

json counts_json(const service::MemberCounts& c) {
  return {{"members", c.members()},
          {"official", c.official},
          {"probationary", c.probationary},
          {"candidates", c.candidates}};
}

json node_json(const service::TreeNodeView& n) {
  json children = json::array();
  for (const auto& c : n.children) children.push_back(node_json(c));
  return {{"code", n.code},
          {"name", n.name},
          {"kind", std::string(to_string(n.kind))},
          {"counts", counts_json(n.counts)},
          {"children", children}};
}

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

json to_json(const service::TreeView& v) {
  return {{"at", v.at.iso()}, {"root", node_json(v.root)}};
}

std::string to_text(const service::TreeView& v) {
  std::ostringstream out;
  out << "Cây tổ chức tính đến ngày " << v.at.vi() << "\n";
  node_text(v.root, "", out);
  return out.str();
}

json to_json(const service::StatsView& s) {
  return {{"code", s.code},
          {"name", s.name},
          {"kind", std::string(to_string(s.kind))},
          {"at", s.at.iso()},
          {"grassroots_committees", s.grassroots_committees},
          {"grassroots_branches", s.grassroots_branches},
          {"sub_branches", s.sub_branches},
          {"members", counts_json(s.members)},
          {"probation_overdue", s.probation_overdue},
          {"admitted_this_year", s.admitted_this_year},
          {"recognized_this_year", s.recognized_this_year},
          {"branches_below_minimum", s.branches_below_minimum}};
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

json to_json(const service::MemberView& v) {
  json events = json::array();
  for (const auto& e : v.events) {
    events.push_back({{"id", e.id},
                      {"kind", std::string(to_string(e.kind))},
                      {"date", e.date.iso()},
                      {"org", e.org_code},
                      {"detail", e.detail.empty() ? json::object() : json::parse(e.detail)}});
  }
  json j = {{"code", v.code},
            {"card_number", v.card_number},
            {"family", v.person.family},
            {"middle", v.person.middle},
            {"given", v.person.given},
            {"full_name", v.person.full_name()},
            {"birth_date", v.person.birth_date.iso()},
            {"gender", std::string(to_string(v.person.gender))},
            {"at", v.at.iso()},
            {"status", std::string(to_string(v.status))},
            {"org", v.org_code},
            {"org_name", v.org_name},
            {"temp_org", v.temp_org_code},
            {"party_age_years", v.party_age_years},
            {"probation_overdue", v.probation_overdue},
            {"events", events},
            {"flags", v.flags}};
  j["admitted_on"] = v.admitted_on ? json(v.admitted_on->iso()) : json(nullptr);
  j["badge_years"] = v.badge_years ? json(*v.badge_years) : json(nullptr);
  j["recognition_due"] = v.recognition_due ? json(v.recognition_due->iso()) : json(nullptr);
  return j;
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

json to_json(const service::MemberListView& v) {
  json rows = json::array();
  for (const auto& r : v.rows) {
    rows.push_back({{"code", r.code},
                    {"card_number", r.card_number},
                    {"family", r.person.family},
                    {"middle", r.person.middle},
                    {"given", r.person.given},
                    {"full_name", r.person.full_name()},
                    {"birth_date", r.person.birth_date.iso()},
                    {"status", std::string(to_string(r.status))},
                    {"org", r.org_code}});
  }
  return {{"at", v.at.iso()}, {"total", v.total}, {"rows", rows}};
}

std::string to_text(const service::MemberListView& v) {
  std::ostringstream out;
  out << "Danh sách tính đến ngày " << v.at.vi() << ": " << format_count(v.total) << " người\n";
  for (const auto& r : v.rows) {
    out << r.code << "\t" << r.person.full_name() << "\t" << r.person.birth_date.vi() << "\t"
        << label_vi(r.status) << "\t" << r.org_code << "\n";
  }
  return out.str();
}

json to_json(const Error& e) {
  return {{"error",
           {{"code", std::string(to_string(e.kind))},
            {"message", e.message_vi},
            {"field", e.field},
            {"rule", e.rule}}}};
}

}  // namespace dangvu::app
