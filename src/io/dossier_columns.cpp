// The dossier's columns of a member list: header spellings, cells to stored values, and back.
#include "io/dossier_columns.h"

#include <algorithm>

#include "io/source.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace dangvu::io {
namespace {

// Header spellings offices use besides each field's own label (which is always read first),
// folded. Several-word spellings also match as a prefix of a longer header ("Số CCCD (12 số)");
// one-word spellings only match exactly.
struct Spelling {
  const char* folded;
  std::string_view field;
};
constexpr Spelling kSpellings[] = {
    {"sinh quan", "place_of_birth"},
    {"que", "hometown"},
    {"nguyen quan", "hometown"},
    {"ho khau thuong tru", "permanent_residence"},
    {"ho khau", "permanent_residence"},
    {"thuong tru", "permanent_residence"},
    {"dia chi thuong tru", "permanent_residence"},
    {"noi dang ky thuong tru", "permanent_residence"},
    {"noi o hien tai", "current_residence"},
    {"cho o hien nay", "current_residence"},
    {"noi o", "current_residence"},
    {"dia chi", "current_residence"},
    {"dia chi hien nay", "current_residence"},
    {"so cccd", "citizen_id"},
    {"cccd", "citizen_id"},
    {"so can cuoc", "citizen_id"},
    {"so can cuoc cong dan", "citizen_id"},
    {"can cuoc cong dan", "citizen_id"},
    {"so cmnd cccd", "citizen_id"},
    {"cmnd cccd", "citizen_id"},
    {"so dinh danh", "citizen_id"},
    {"ma dinh danh", "citizen_id"},
    {"so cmnd", "citizen_id"},
    {"cmnd", "citizen_id"},
    {"dien thoai", "phone"},
    {"sdt", "phone"},
    {"so dt", "phone"},
    {"dt", "phone"},
    {"dien thoai di dong", "phone"},
    {"di dong", "phone"},
    {"nghe nghiep hien nay", "occupation"},
    {"co quan cong tac", "work_unit"},
    {"noi cong tac", "work_unit"},
    {"chuc danh", "position"},
    {"chuc vu hien nay", "position"},
    {"trinh do van hoa", "general_education"},
    {"hoc van", "general_education"},
    {"van hoa", "general_education"},
    {"trinh do hoc van", "general_education"},
    {"trinh do giao duc pho thong", "general_education"},
    {"gdpt", "general_education"},
    {"chuyen mon nghiep vu", "professional_qualification"},
    {"trinh do chuyen mon nghiep vu", "professional_qualification"},
    {"chuyen mon", "professional_qualification"},
    {"trinh do cmnv", "professional_qualification"},
    {"cmnv", "professional_qualification"},
    {"trinh do dao tao", "professional_qualification"},
    {"chuyen nganh", "professional_field"},
    {"nganh dao tao", "professional_field"},
    {"trinh do llct", "political_theory"},
    {"llct", "political_theory"},
    {"trinh do ly luan chinh tri", "political_theory"},
    {"trinh do ly luan", "political_theory"},
    {"trinh do ngoai ngu", "foreign_language"},
    {"trinh do tin hoc", "it_skill"},
    {"ngay ket nap doan", "youth_union_joined"},
    {"ngay vao doan tncs hcm", "youth_union_joined"},
    {"ngay vao doan thanh nien", "youth_union_joined"},
    {"suc khoe", "health"},
    {"hinh thuc ky luat", "discipline"},
    {"mien sinh hoat", "exemption"},
    {"mien cong tac va sinh hoat", "exemption"},
    {"mien sinh hoat dang", "exemption"},
};

// What offices write for a catalog item besides its label and code, folded. An alias is used only
// while the rule set's catalog holds its code.
struct Alias {
  std::string_view catalog;
  const char* folded;
  std::string_view code;
};
constexpr Alias kAliases[] = {
    {"ethnicity", "viet", "01"},
    {"ethnicity", "kinh viet", "01"},
    {"ethnicity", "hmong", "08"},
    {"ethnicity", "h mong", "08"},
    {"ethnicity", "meo", "08"},
    {"ethnicity", "kho me", "05"},
    {"ethnicity", "khome", "05"},
    {"ethnicity", "van kieu", "23"},
    {"ethnicity", "bru van kieu", "23"},
    {"ethnicity", "ede", "12"},
    {"ethnicity", "jrai", "10"},
    {"ethnicity", "bahnar", "13"},
    {"religion", "khong ton giao", "none"},
    {"religion", "khong co", "none"},
    {"religion", "thien chua giao", "catholicism"},
    {"religion", "thien chua", "catholicism"},
    {"religion", "dao thien chua", "catholicism"},
    {"religion", "cong giao", "catholicism"},
    {"religion", "dao phat", "buddhism"},
    {"religion", "phat", "buddhism"},
    {"religion", "dao tin lanh", "protestantism"},
    {"religion", "tin lanh", "protestantism"},
    {"religion", "hoa hao", "hoa_hao"},
    {"religion", "dao cao dai", "cao_dai"},
    {"religion", "dao hoi", "islam"},
    {"occupation", "can bo", "civil_servant"},
    {"occupation", "cong chuc", "civil_servant"},
    {"occupation", "can bo cong chuc", "civil_servant"},
    {"occupation", "nong dan", "farmer"},
    {"occupation", "bo doi", "army"},
    {"occupation", "quan nhan", "army"},
    {"occupation", "huu tri", "retired"},
    {"occupation", "huu", "retired"},
    {"occupation", "sinh vien", "student"},
    {"occupation", "hoc sinh", "student"},
    {"occupation", "lao dong tu do", "self_employed"},
    {"occupation", "kinh doanh ca the", "self_employed"},
    {"occupation", "cong nhan vien chuc", "public_employee"},
    {"general_education", "tot nghiep thpt", "12/12"},
    {"general_education", "thpt", "12/12"},
    {"general_education", "12", "12/12"},
    {"general_education", "11", "11/12"},
    {"professional_qualification", "so cap", "elementary"},
    {"professional_qualification", "cong nhan ky thuat", "elementary"},
    {"professional_qualification", "cu nhan", "university"},
    {"professional_qualification", "ky su", "university"},
    {"professional_qualification", "bac si", "university"},
    {"professional_qualification", "dh", "university"},
    {"professional_qualification", "cd", "college"},
    {"professional_qualification", "tc", "intermediate"},
    {"degree", "thac sy", "master"},
    {"degree", "ths", "master"},
    {"degree", "tien sy", "doctor"},
    {"degree", "ts", "doctor"},
    {"degree", "tien sy khoa hoc", "doctor_of_science"},
    {"degree", "tskh", "doctor_of_science"},
    {"academic_title", "pgs", "associate_professor"},
    {"academic_title", "pho giao su", "associate_professor"},
    {"academic_title", "gs", "professor"},
    {"political_theory", "so cap llct", "elementary"},
    {"political_theory", "so cap ly luan chinh tri", "elementary"},
    {"political_theory", "trung cap llct", "intermediate"},
    {"political_theory", "trung cap ly luan chinh tri", "intermediate"},
    {"political_theory", "cao cap llct", "advanced"},
    {"political_theory", "cao cap ly luan chinh tri", "advanced"},
    {"political_theory", "cu nhan chinh tri", "bachelor"},
    {"political_theory", "cu nhan llct", "bachelor"},
    {"political_theory", "cu nhan ly luan chinh tri", "bachelor"},
    {"discipline", "khien trach", "reprimand"},
    {"discipline", "canh cao", "warning"},
    {"discipline", "cach chuc", "dismissal"},
};

// What a level column says when the member has none: nothing is recorded (a catalog that has an
// item so named, "Không" of religions, takes the item instead).
constexpr std::string_view kNoneWords[] = {
    "khong", "khong co", "chua", "chua co", "chua qua dao tao", "chua hoc", "chua dao tao"};

// How a folded header matches a folded spelling: 0 not at all, its length as a prefix of
// several words, npos exactly.
std::size_t match_length(std::string_view folded, std::string_view spelling) {
  if (folded == spelling) return std::string_view::npos;
  const bool several_words = spelling.find(' ') != std::string_view::npos;
  if (several_words && folded.size() > spelling.size() &&
      folded.compare(0, spelling.size(), spelling) == 0 && folded[spelling.size()] == ' ') {
    return spelling.size();
  }
  return 0;
}

std::string trimmed(std::string_view s) {
  const auto start = s.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(start, end - start + 1));
}

// "Dân tộc" → "dân tộc": the catalogs' labels begin with an ASCII capital.
std::string lowered_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// A catalog cell's value: the item's code, nothing, or the refusal naming the catalog.
DossierCellReading catalog_value(const DossierField& f, const std::string& text,
                                 const Catalogs& catalogs) {
  DossierCellReading out;
  const Catalog* c = catalogs.find(f.catalog);
  if (c == nullptr) {
    out.error_vi = "danh mục «" + std::string(f.catalog) + "» không có trong bộ quy tắc.";
    return out;
  }
  if (auto code = catalog_code(f.catalog, *c, text)) {
    out.values.push_back({*code, std::nullopt});
    return out;
  }
  const std::string folded = text::fold(text);
  if (folded.empty() ||
      std::find(std::begin(kNoneWords), std::end(kNoneWords), folded) != std::end(kNoneWords)) {
    return out;
  }
  out.error_vi = "«" + text + "» không có trong danh mục " + lowered_first(c->label);
  if (c->items.size() <= 20) {
    std::string labels;
    for (const auto& item : c->items) labels += (labels.empty() ? "" : ", ") + item.label;
    out.error_vi += " (ghi một trong: " + labels + ")";
  }
  out.error_vi += ".";
  return out;
}

// One entry of a listed field: "Cảnh cáo (01/02/2023)" → the value and its date.
DossierCellReading listed_entry(const DossierField& f, const std::string& entry,
                                const Catalogs& catalogs, int this_year) {
  std::string text = entry;
  std::optional<Date> from;
  if (!text.empty() && text.back() == ')') {
    const auto open = text.rfind('(');
    if (open != std::string::npos) {
      Cell c{CellKind::text, trimmed(text.substr(open + 1, text.size() - open - 2)), 0};
      ParsedDate d = parse_date_cell(c, DateOrder::day_first, false, this_year);
      if (d.date) {
        from = d.date;
        text = trimmed(text.substr(0, open));
      }
    }
  }
  DossierCellReading out;
  if (f.kind == DossierValueKind::catalog) {
    out = catalog_value(f, text, catalogs);
  } else if (!text.empty()) {
    out.values.push_back({text, std::nullopt});
  }
  for (auto& v : out.values) v.from = from;
  return out;
}

}  // namespace

const DossierField* dossier_field_of_header(std::string_view header, std::size_t* matched) {
  const std::string folded = text::fold(header);
  if (folded.empty()) return nullptr;
  const DossierField* best = nullptr;
  std::size_t best_length = 0;
  auto consider = [&](std::string_view spelling, const DossierField* f) {
    const std::size_t n = match_length(folded, spelling);
    if (n > best_length) {
      best = f;
      best_length = n;
    }
  };
  for (const auto& f : dossier_fields()) {
    if (in_member_sheets(f)) consider(text::fold(f.label), &f);
  }
  for (const auto& s : kSpellings) consider(s.folded, find_dossier_field(s.field));
  if (matched != nullptr) *matched = best_length;
  return best;
}

const DossierField* dossier_field_named(std::string_view name) {
  if (const DossierField* f = find_dossier_field(name)) return in_member_sheets(*f) ? f : nullptr;
  const std::string folded = text::fold(name);
  for (const auto& f : dossier_fields()) {
    if (in_member_sheets(f) && folded == text::fold(f.label)) return &f;
  }
  return nullptr;
}

std::string_view dossier_header(const DossierField& field) { return field.label; }

std::optional<std::string> catalog_code(std::string_view catalog_name, const Catalog& catalog,
                                        std::string_view written) {
  const std::string folded = text::fold(written);
  if (folded.empty()) return std::nullopt;
  for (const auto& item : catalog.items) {
    if (item.code == written || folded == text::fold(item.label)) return item.code;
  }
  for (const auto& item : catalog.items) {
    if (folded == text::fold(item.code)) return item.code;
  }
  for (const auto& a : kAliases) {
    if (a.catalog == catalog_name && folded == a.folded && catalog.find(a.code) != nullptr) {
      return std::string(a.code);
    }
  }
  return std::nullopt;
}

DossierCellReading read_dossier_cell(const DossierField& f, const Cell& cell,
                                     const std::string& text, const Catalogs& catalogs,
                                     DateOrder order, bool date1904, int this_year) {
  using K = DossierValueKind;
  DossierCellReading out;
  const std::string value = trimmed(text);
  if (value.empty()) return out;
  if (f.listed) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find_first_of(";\n", start);
      if (end == std::string::npos) end = value.size();
      const std::string entry = trimmed(std::string_view(value).substr(start, end - start));
      start = end + 1;
      if (entry.empty()) continue;
      DossierCellReading one = listed_entry(f, entry, catalogs, this_year);
      if (!one.error_vi.empty()) return one;
      out.values.insert(out.values.end(), one.values.begin(), one.values.end());
    }
    return out;
  }
  switch (f.kind) {
    case K::member:  // no column (in_member_sheets): read as the code written
    case K::text: {
      auto cleaned = text::clean_field(value, f.label, 500);
      if (!cleaned.ok()) {
        // "Trường «Nơi sinh»: dài quá …": the column is named by the caller.
        const std::string& m = cleaned.error().message_vi;
        const auto colon = m.find("»: ");
        out.error_vi = colon == std::string::npos ? m : m.substr(colon + 4);
        return out;
      }
      out.values.push_back({*cleaned, std::nullopt});
      return out;
    }
    case K::catalog: return catalog_value(f, value, catalogs);
    case K::date: {
      Cell c = cell;
      if (c.kind == CellKind::text) c.text = value;
      ParsedDate d = parse_date_cell(c, order, date1904, this_year);
      if (!d.date) {
        out.error_vi = d.error_vi;
        return out;
      }
      out.values.push_back({d.date->iso(), std::nullopt});
      return out;
    }
    case K::citizen_id: {
      // Excel keeps a number: a citizen ID begins with its province's code (001 … 096), whose
      // leading zero a number cell loses.
      std::string id = value;
      if (cell.kind == CellKind::number) {
        id = digits_of(cell_text(cell));
        if (id.size() == 11) id = "0" + id;
      } else {
        id.erase(std::remove(id.begin(), id.end(), ' '), id.end());
      }
      out.values.push_back({id, std::nullopt});
      return out;
    }
    case K::phone: {
      std::string phone = value;
      if (cell.kind == CellKind::number) {
        phone = digits_of(cell_text(cell));
        if (phone.size() == 9 && phone[0] != '0') phone = "0" + phone;
      }
      out.values.push_back({phone, std::nullopt});
      return out;
    }
    case K::flag: {
      const std::string folded = text::fold(value);
      if (folded == "x" || folded == "co" || folded == "yes" || folded == "1") {
        out.values.push_back({"yes", std::nullopt});
      } else if (folded != "khong" && folded != "0" && folded != "no") {
        out.error_vi = "«" + value + "» không rõ; ghi «Có» (hoặc «x») hoặc để trống.";
      }
      return out;
    }
  }
  return out;
}

std::string listed_cell(const std::vector<std::pair<std::string, Date>>& entries) {
  std::string out;
  for (const auto& [value, from] : entries) {
    out += (out.empty() ? "" : "; ") + value + " (" + from.vi() + ")";
  }
  return out;
}

}  // namespace dangvu::io
