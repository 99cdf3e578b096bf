#include "core/dossier.h"

#include <algorithm>
#include <map>
#include <set>

namespace dangvu {
namespace {

using K = DossierValueKind;

constexpr DossierField kFields[] = {
    {"place_of_birth", "Nơi sinh", K::text, {}, false, false},
    {"hometown", "Quê quán", K::text, {}, false, false},
    {"permanent_residence", "Nơi thường trú", K::text, {}, false, false},
    {"current_residence", "Nơi ở hiện nay", K::text, {}, false, false},
    {"citizen_id", "Số định danh cá nhân", K::citizen_id, {}, true, false},
    {"phone", "Số điện thoại", K::phone, {}, false, false},
    {"ethnicity", "Dân tộc", K::catalog, "ethnicity", true, false},
    {"religion", "Tôn giáo", K::catalog, "religion", true, false},
    {"occupation", "Nghề nghiệp", K::catalog, "occupation", false, false},
    {"work_unit", "Đơn vị công tác", K::text, {}, false, false},
    {"position", "Chức vụ", K::text, {}, false, false},
    {"general_education", "Giáo dục phổ thông", K::catalog, "general_education", false, false},
    {"professional_qualification", "Trình độ chuyên môn", K::catalog, "professional_qualification",
     false, false},
    {"professional_field", "Chuyên ngành đào tạo", K::text, {}, false, false},
    {"degree", "Học vị", K::catalog, "degree", false, false},
    {"academic_title", "Học hàm", K::catalog, "academic_title", false, false},
    {"political_theory", "Lý luận chính trị", K::catalog, "political_theory", false, false},
    {"foreign_language", "Ngoại ngữ", K::text, {}, false, false},
    {"it_skill", "Tin học", K::text, {}, false, false},
    {"youth_union_joined", "Ngày vào Đoàn", K::date, {}, false, false},
    {"enlisted", "Ngày nhập ngũ", K::date, {}, false, false},
    {"discharged", "Ngày xuất ngũ", K::date, {}, false, false},
    {"health", "Tình trạng sức khỏe", K::text, {}, true, false},
    {"award", "Khen thưởng", K::text, {}, false, true},
    {"discipline", "Kỷ luật", K::catalog, "discipline", true, true},
    {"exemption", "Miễn công tác và sinh hoạt đảng", K::flag, {}, false, false},
    // Đình chỉ sinh hoạt đảng (Điều lệ Đảng, Điều 36): dated from the decision to its end.
    {"suspension", "Đình chỉ sinh hoạt đảng", K::flag, {}, true, false},
    // The admission file (core/admission.h): each fact dated when it was done; a sponsor's date is
    // the day they began to work with the candidate.
    {"party_course",
     "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
     K::text,
     {},
     false,
     false},
    {"background_check", "Thẩm tra lý lịch (đã kết luận)", K::flag, {}, false, false},
    {"youth_union_introduction", "Đoàn TNCS Hồ Chí Minh giới thiệu", K::flag, {}, false, false},
    {"sponsor", "Đảng viên giới thiệu", K::member, {}, false, true},
};

constexpr std::size_t kMaxTextChars = 500;

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

Error bad_value(const DossierField& f, const std::string& field_name, const std::string& why_vi,
                const std::string& rule) {
  return Error::refused(field_name, rule, std::string(f.label) + ": " + why_vi,
                        "dossier field '" + std::string(f.code) + "': " + rule);
}

bool by_field_then_date(const DossierRecord& a, const DossierRecord& b) {
  if (a.field != b.field) return a.field < b.field;
  if (a.from != b.from) return a.from < b.from;
  return a.id < b.id;
}

}  // namespace

std::string_view to_string(DossierValueKind k) {
  switch (k) {
    case K::text: return "text";
    case K::catalog: return "catalog";
    case K::date: return "date";
    case K::citizen_id: return "citizen_id";
    case K::phone: return "phone";
    case K::flag: return "flag";
    case K::member: return "member";
  }
  return "text";
}

std::span<const DossierField> dossier_fields() { return kFields; }

const DossierField* find_dossier_field(std::string_view code) {
  for (const auto& f : kFields) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

Dossier::Dossier(std::vector<DossierRecord> records) : records_(std::move(records)) {
  // A replacement takes the place of the record it replaces (and of whatever that one replaced);
  // the latest replacement of a record wins. A replacement with an empty value voids it.
  std::map<DossierRecordId, DossierRecordId> replaced_by;  // record → its latest replacement
  for (const auto& r : records_) {
    if (r.replaces) replaced_by[*r.replaces] = r.id;
  }
  std::set<DossierRecordId> superseded;
  for (const auto& [old_id, by] : replaced_by) superseded.insert(old_id);
  for (const auto& r : records_) {
    if (superseded.count(r.id) > 0) continue;
    // Of two corrections of one record, the later one stands.
    if (r.replaces && replaced_by[*r.replaces] != r.id) continue;
    // A replacement that voids its record stands for nothing.
    if (r.replaces && r.value.empty()) continue;
    in_force_.push_back(r);
  }
  std::sort(in_force_.begin(), in_force_.end(), by_field_then_date);
}

std::vector<Dossier::Span> Dossier::spans() const {
  std::vector<Span> out;
  for (std::size_t i = 0; i < in_force_.size(); ++i) {
    const DossierRecord& r = in_force_[i];
    const DossierField* f = find_dossier_field(r.field);
    if (f == nullptr || f->listed || r.value.empty()) continue;
    const bool last = i + 1 == in_force_.size() || in_force_[i + 1].field != r.field;
    const Date to = last ? Date::max() : in_force_[i + 1].from;
    if (r.from < to) out.push_back({r.field, r.value, r.from, to});
  }
  return out;
}

bool Dossier::replaced(DossierRecordId id) const {
  return std::any_of(records_.begin(), records_.end(),
                     [id](const DossierRecord& r) { return r.replaces == id; });
}

std::vector<DossierRecord> Dossier::history_until(std::string_view field, Date at) const {
  std::vector<DossierRecord> out;
  for (const auto& r : in_force_) {
    if (r.field == field && r.from <= at) out.push_back(r);
  }
  return out;
}

std::optional<DossierRecord> Dossier::value_at(std::string_view field, Date at) const {
  const DossierField* f = find_dossier_field(field);
  if (f == nullptr || f->listed) return std::nullopt;
  auto history = history_until(field, at);
  if (history.empty() || history.back().value.empty()) return std::nullopt;
  return history.back();
}

Status check_dossier_value(const DossierField& f, std::string_view value, const Catalogs& catalogs,
                           Date birth, Date today, const std::string& field_name) {
  if (value.empty()) return {};
  switch (f.kind) {
    case K::text:
      if (code_points(value) > kMaxTextChars) {
        return bad_value(f, field_name, "dài quá 500 ký tự.", "dossier.text_length");
      }
      return {};
    case K::catalog: {
      const Catalog* c = catalogs.find(f.catalog);
      if (c == nullptr || c->find(value) == nullptr) {
        return bad_value(f, field_name,
                         "«" + std::string(value) + "» không có trong danh mục " +
                             (c ? c->label : std::string(f.label)) +
                             " (danh mục trong bộ quy tắc).",
                         "dossier.catalog");
      }
      return {};
    }
    case K::date: {
      auto d = Date::parse(value, field_name);
      if (!d.ok()) return d.error();
      if (*d < birth) {
        return bad_value(f, field_name, "ngày " + d->vi() + " trước ngày sinh " + birth.vi() + ".",
                         "dossier.date_before_birth");
      }
      if (*d > today) {
        return bad_value(f, field_name, "ngày " + d->vi() + " chưa tới.", "dossier.date_future");
      }
      return {};
    }
    case K::citizen_id:
      if (value.size() != 12 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return bad_value(f, field_name,
                         "phải gồm đúng 12 chữ số (số định danh cá nhân, số căn cước); «" +
                             std::string(value) + "» có " + std::to_string(value.size()) +
                             " ký tự.",
                         "dossier.citizen_id_digits");
      }
      return {};
    case K::phone: {
      std::size_t digits = 0;
      for (char c : value) {
        if (c >= '0' && c <= '9') {
          ++digits;
        } else if (c != ' ' && c != '+' && c != '.' && c != '-' && c != '(' && c != ')') {
          return bad_value(f, field_name, "chỉ gồm chữ số (và dấu +, cách, chấm, gạch).",
                           "dossier.phone");
        }
      }
      if (digits < 8 || digits > 15) {
        return bad_value(f, field_name, "phải có từ 8 đến 15 chữ số.", "dossier.phone");
      }
      return {};
    }
    case K::flag:
      if (value != "yes") {
        return bad_value(f, field_name, "chỉ nhận «yes» (có) hoặc để trống (không còn).",
                         "dossier.flag");
      }
      return {};
    case K::member:
      if (value.size() > 40) {
        return bad_value(f, field_name, "mã đảng viên dài quá 40 ký tự.", "dossier.member_code");
      }
      return {};
  }
  return {};
}

std::string dossier_value_label(const DossierField& f, std::string_view value,
                                const Catalogs& catalogs) {
  if (value.empty()) return {};
  switch (f.kind) {
    case K::catalog: return catalogs.label_of(f.catalog, value);
    case K::date: {
      auto d = Date::parse(value);
      return d.ok() ? d->vi() : std::string(value);
    }
    case K::flag: return "Có";
    default: return std::string(value);
  }
}

}  // namespace dangvu
