#include "core/catalogs.h"

#include <nlohmann/json.hpp>
#include <set>

namespace dangvu {
namespace {

using nlohmann::json;

Error bad_catalog(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules.catalogs", "Tệp quy tắc, danh mục «" + key + "»: " + why_vi,
                        "rules file, catalog '" + key + "': " + why_en);
}

// The 54 ethnic groups of Việt Nam with the General Statistics Office's codes (Danh mục các dân
// tộc Việt Nam, Quyết định 121-TCTK/PPCĐ of 2/3/1979). Every group but the Kinh counts as an
// ethnic minority in the statistics.
Catalog ethnicity() {
  static constexpr std::string_view kNames[] = {
      "Kinh",  "Tày",      "Thái",       "Hoa",    "Khmer",  "Mường",   "Nùng",           "Mông",
      "Dao",   "Gia Rai",  "Ngái",       "Ê Đê",   "Ba Na",  "Xơ Đăng", "Sán Chay",       "Cơ Ho",
      "Chăm",  "Sán Dìu",  "Hrê",        "Mnông",  "Raglay", "Xtiêng",  "Bru - Vân Kiều", "Thổ",
      "Giáy",  "Cơ Tu",    "Gié Triêng", "Mạ",     "Khơ Mú", "Co",      "Tà Ôi",          "Chơ Ro",
      "Kháng", "Xinh Mun", "Hà Nhì",     "Chu Ru", "Lào",    "La Chí",  "La Ha",          "Phù Lá",
      "La Hủ", "Lự",       "Lô Lô",      "Chứt",   "Mảng",   "Pà Thẻn", "Cơ Lao",         "Cống",
      "Bố Y",  "Si La",    "Pu Péo",     "Brâu",   "Ơ Đu",   "Rơ Măm"};
  Catalog c{"Dân tộc", {}};
  int n = 0;
  for (auto name : kNames) {
    ++n;
    std::string code = (n < 10 ? "0" : "") + std::to_string(n);
    c.items.push_back({code, std::string(name), n == 1 ? "kinh" : "minority"});
  }
  return c;
}

// The religions recognized in Việt Nam (Ban Tôn giáo Chính phủ: 16 religions; a marked default,
// docs/rules.md), with none first.
Catalog religion() {
  return {"Tôn giáo",
          {{"none", "Không", "none"},
           {"buddhism", "Phật giáo", "religious"},
           {"catholicism", "Công giáo", "religious"},
           {"protestantism", "Tin lành", "religious"},
           {"cao_dai", "Cao Đài", "religious"},
           {"hoa_hao", "Phật giáo Hòa Hảo", "religious"},
           {"islam", "Hồi giáo", "religious"},
           {"bahai", "Tôn giáo Baha'i", "religious"},
           {"tinh_do_cu_si", "Tịnh độ Cư sĩ Phật hội Việt Nam", "religious"},
           {"adventist", "Cơ đốc Phục lâm", "religious"},
           {"tu_an_hieu_nghia", "Phật giáo Tứ Ân Hiếu Nghĩa", "religious"},
           {"minh_su_dao", "Minh Sư Đạo", "religious"},
           {"minh_ly_dao", "Minh Lý Đạo - Tam Tông Miếu", "religious"},
           {"brahmanism", "Bà-la-môn", "religious"},
           {"latter_day_saints", "Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô", "religious"},
           {"buu_son_ky_huong", "Bửu Sơn Kỳ Hương", "religious"},
           {"hieu_nghia_ta_lon", "Phật giáo Hiếu Nghĩa Tà Lơn", "religious"},
           {"other", "Tôn giáo khác", "religious"}}};
}

// The occupation rows of the statistics (biểu 3-BTCTW as a public implementation lays them out;
// the issuing text is not at hand: a marked default, docs/rules.md).
Catalog occupation() {
  return {
      "Nghề nghiệp",
      {{"worker", "Công nhân", "worker"},
       {"farmer", "Nông dân, lao động nông, lâm, ngư nghiệp", "farmer"},
       {"civil_servant", "Cán bộ, công chức", "civil_servant"},
       {"public_employee", "Viên chức", "public_employee"},
       {"army", "Quân đội", "army"},
       {"police", "Công an", "police"},
       {"enterprise_employee", "Người lao động trong doanh nghiệp", "enterprise_employee"},
       {"private_owner", "Chủ doanh nghiệp tư nhân, người làm kinh tế tư nhân", "private_owner"},
       {"self_employed", "Lao động tự do, kinh doanh cá thể", "self_employed"},
       {"student", "Học sinh, sinh viên", "student"},
       {"retired", "Nghỉ hưu", "retired"},
       {"other", "Nghề khác", "other"}}};
}

// General education as the dossier writes it (grade / years of the system): the 12-year system,
// then the former 10-year one, grouped into the statistics' levels.
Catalog general_education() {
  Catalog c{"Giáo dục phổ thông", {}};
  for (int g = 12; g >= 1; --g) {
    const char* level = g >= 10 ? "upper_secondary" : g >= 6 ? "lower_secondary" : "primary";
    c.items.push_back({std::to_string(g) + "/12", std::to_string(g) + "/12", level});
  }
  for (int g = 10; g >= 1; --g) {
    const char* level = g >= 8 ? "upper_secondary" : g >= 5 ? "lower_secondary" : "primary";
    c.items.push_back({std::to_string(g) + "/10", std::to_string(g) + "/10", level});
  }
  c.items.push_back({"literate", "Biết đọc, biết viết", "literate"});
  return c;
}

}  // namespace

const CatalogItem* Catalog::find(std::string_view code) const {
  for (const auto& item : items) {
    if (item.code == code) return &item;
  }
  return nullptr;
}

const Catalog* Catalogs::find(std::string_view name) const {
  auto it = lists.find(std::string(name));
  return it == lists.end() ? nullptr : &it->second;
}

std::string Catalogs::label_of(std::string_view name, std::string_view code) const {
  const Catalog* c = find(name);
  const CatalogItem* item = c ? c->find(code) : nullptr;
  return item ? item->label : std::string(code);
}

Catalogs Catalogs::defaults() {
  Catalogs c;
  c.lists["ethnicity"] = ethnicity();
  c.lists["religion"] = religion();
  c.lists["occupation"] = occupation();
  c.lists["general_education"] = general_education();
  c.lists["professional_qualification"] = {
      "Trình độ chuyên môn",
      {{"elementary", "Sơ cấp, công nhân kỹ thuật", "elementary"},
       {"intermediate", "Trung cấp", "intermediate"},
       {"college", "Cao đẳng", "college"},
       {"university", "Đại học", "university"}}};
  c.lists["degree"] = {"Học vị",
                       {{"master", "Thạc sĩ", "master"},
                        {"doctor", "Tiến sĩ", "doctor"},
                        {"doctor_of_science", "Tiến sĩ khoa học", "doctor"}}};
  c.lists["academic_title"] = {"Học hàm",
                               {{"associate_professor", "Phó Giáo sư", "associate_professor"},
                                {"professor", "Giáo sư", "professor"}}};
  c.lists["political_theory"] = {"Lý luận chính trị",
                                 {{"elementary", "Sơ cấp", "elementary"},
                                  {"intermediate", "Trung cấp", "intermediate"},
                                  {"advanced", "Cao cấp", "advanced"},
                                  {"bachelor", "Cử nhân", "advanced"}}};
  // The forms of discipline of a member short of expulsion (Điều lệ Đảng, Điều 35; Quy định
  // 296-QĐ/TW); expulsion is an event of the member's log.
  // Why a membership ended (removal, expulsion, resignation). Items of group "no_readmission"
  // bar readmission (kết nạp lại). A marked default: the grounds of Quy định 24-QĐ/TW (2021) and
  // Hướng dẫn 01-HD/TW as remembered, not checked against Quy định 294-QĐ/TW (docs/rules.md).
  c.lists["leaving_ground"] = {
      "Lý do ra khỏi Đảng",
      {{"no_activity", "Tự ý bỏ sinh hoạt đảng", "no_readmission"},
       {"asked_to_leave", "Làm đơn xin ra khỏi Đảng", "no_readmission"},
       {"family_hardship", "Xin ra khỏi Đảng vì gia đình đặc biệt khó khăn", ""},
       {"corruption", "Bị kết án về tội tham nhũng", "no_readmission"},
       {"serious_crime", "Bị kết án về tội nghiêm trọng trở lên", "no_readmission"},
       {"disunity", "Gây mất đoàn kết nội bộ nghiêm trọng", "no_readmission"},
       {"political_history", "Vi phạm về lịch sử chính trị, chính trị hiện nay", "no_readmission"},
       {"dues_and_meetings", "Không sinh hoạt, không đóng đảng phí 3 tháng trong năm", ""},
       {"other", "Lý do khác", ""}}};
  c.lists["discipline"] = {"Hình thức kỷ luật",
                           {{"reprimand", "Khiển trách", "reprimand"},
                            {"warning", "Cảnh cáo", "warning"},
                            {"dismissal", "Cách chức", "dismissal"}}};
  return c;
}

Status Catalogs::merge_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return bad_catalog("catalogs", "phải là một đối tượng.", "must be an object");
  }
  const Catalogs known = defaults();
  for (const auto& [name, items] : root.items()) {
    const Catalog* base = known.find(name);
    if (!base) return bad_catalog(name, "danh mục không tồn tại.", "unknown catalog");
    if (!items.is_array() || items.empty()) {
      return bad_catalog(name, "phải là danh sách khác rỗng.", "must be a non-empty array");
    }
    Catalog c{base->label, {}};
    std::set<std::string> codes;
    for (const auto& item : items) {
      if (!item.is_object() || !item.contains("code") || !item["code"].is_string() ||
          !item.contains("label") || !item["label"].is_string() ||
          item["code"].get<std::string>().empty() || item["label"].get<std::string>().empty()) {
        return bad_catalog(name, "mỗi mục cần code và label khác rỗng.",
                           "each item needs a code and a label");
      }
      CatalogItem ci{item["code"].get<std::string>(), item["label"].get<std::string>(), ""};
      if (item.contains("group")) {
        if (!item["group"].is_string()) {
          return bad_catalog(name, "group phải là chuỗi.", "group must be a string");
        }
        ci.group = item["group"].get<std::string>();
      }
      for (auto it = item.begin(); it != item.end(); ++it) {
        if (it.key() != "code" && it.key() != "label" && it.key() != "group") {
          return bad_catalog(name, "khóa «" + it.key() + "» không được hỗ trợ.", "unknown key");
        }
      }
      if (!codes.insert(ci.code).second) {
        return bad_catalog(name, "mã «" + ci.code + "» ghi hai lần.", "code twice");
      }
      c.items.push_back(std::move(ci));
    }
    lists[name] = std::move(c);
  }
  return {};
}

std::string Catalogs::to_json() const {
  json j = json::object();
  for (const auto& [name, c] : lists) {
    json items = json::array();
    for (const auto& item : c.items) {
      items.push_back({{"code", item.code}, {"label", item.label}, {"group", item.group}});
    }
    j[name] = items;
  }
  return j.dump();
}

}  // namespace dangvu
