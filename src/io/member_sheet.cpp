// Member list sheets: headers, encodings, dates and names.
#include "io/member_sheet.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>

#include "io/dates.h"
#include "io/dossier_columns.h"
#include "io/org_sheet.h"
#include "io/source.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace dangvu::io {
namespace {

struct FieldInfo {
  MemberField field;
  const char* name;
  const char* label;
};
constexpr FieldInfo kFields[] = {
    {MemberField::ignore, "ignore", "(bỏ qua)"},
    {MemberField::full_name, "full_name", "Họ và tên"},
    {MemberField::family_middle, "family_middle", "Họ đệm"},
    {MemberField::family, "family", "Họ"},
    {MemberField::middle, "middle", "Tên đệm"},
    {MemberField::given, "given", "Tên"},
    {MemberField::birth_date, "birth_date", "Ngày sinh"},
    {MemberField::gender, "gender", "Giới tính"},
    {MemberField::male_mark, "male_mark", "Nam (đánh dấu)"},
    {MemberField::female_mark, "female_mark", "Nữ (đánh dấu)"},
    {MemberField::org, "org", "Chi bộ"},
    {MemberField::admission_date, "admission_date", "Ngày vào Đảng"},
    {MemberField::recognition_date, "recognition_date", "Ngày chính thức"},
    {MemberField::registration_date, "registration_date", "Ngày đăng ký quần chúng"},
    {MemberField::card_number, "card_number", "Số thẻ đảng viên"},
    {MemberField::code, "code", "Mã đảng viên"},
    {MemberField::decision_no, "decision_no", "Số quyết định kết nạp"},
    {MemberField::dossier, "dossier", "Mục hồ sơ"},
};

// Header spellings, folded (text::fold). Several-word spellings also match as a prefix of a
// longer header ("Ngày sinh (dd/mm/yyyy)"); one-word spellings only match exactly.
struct Spelling {
  const char* folded;
  MemberField field;
};
constexpr Spelling kSpellings[] = {
    {"ho va ten", MemberField::full_name},
    {"ho ten", MemberField::full_name},
    {"ho va ten dang vien", MemberField::full_name},
    {"ho ten dang vien", MemberField::full_name},
    {"ho va ten khai sinh", MemberField::full_name},
    {"ten dang vien", MemberField::full_name},
    {"ho va ten dv", MemberField::full_name},
    {"ho dem", MemberField::family_middle},
    {"ho va dem", MemberField::family_middle},
    {"ho", MemberField::family},
    {"ten dem", MemberField::middle},
    {"dem", MemberField::middle},
    {"ten", MemberField::given},
    {"ten goi", MemberField::given},
    {"ngay sinh", MemberField::birth_date},
    {"ngay thang nam sinh", MemberField::birth_date},
    {"sinh ngay", MemberField::birth_date},
    {"gioi tinh", MemberField::gender},
    {"nam nu", MemberField::gender},
    {"phai", MemberField::gender},
    {"gioi", MemberField::gender},
    {"nam", MemberField::male_mark},
    {"nu", MemberField::female_mark},
    {"chi bo", MemberField::org},
    {"don vi", MemberField::org},
    {"chi bo sinh hoat", MemberField::org},
    {"to chuc dang", MemberField::org},
    {"ma chi bo", MemberField::org},
    {"noi sinh hoat", MemberField::org},
    {"ngay vao dang", MemberField::admission_date},
    {"ngay ket nap", MemberField::admission_date},
    {"ngay ket nap dang", MemberField::admission_date},
    {"ngay ket nap vao dang", MemberField::admission_date},
    {"ngay vao dang du bi", MemberField::admission_date},
    {"ngay chinh thuc", MemberField::recognition_date},
    {"ngay cong nhan chinh thuc", MemberField::recognition_date},
    {"ngay chuyen chinh thuc", MemberField::recognition_date},
    {"ngay vao dang chinh thuc", MemberField::recognition_date},
    {"ngay dang vien chinh thuc", MemberField::recognition_date},
    {"ngay dang ky quan chung", MemberField::registration_date},
    {"ngay dang ky quan chung uu tu", MemberField::registration_date},
    {"ngay dang ky", MemberField::registration_date},
    {"so the dang vien", MemberField::card_number},
    {"so the", MemberField::card_number},
    {"so the dv", MemberField::card_number},
    {"so the dang", MemberField::card_number},
    {"ma dang vien", MemberField::code},
    {"ma dv", MemberField::code},
    {"ma so dang vien", MemberField::code},
    {"so quyet dinh ket nap", MemberField::decision_no},
    {"so qd ket nap", MemberField::decision_no},
    {"quyet dinh ket nap", MemberField::decision_no},
    {"stt", MemberField::ignore},
    {"tt", MemberField::ignore},
    {"so tt", MemberField::ignore},
    {"ghi chu", MemberField::ignore},
};

constexpr int kHeaderSearchRows = 30;
// How many of the last rows are kept whole (every column) to find the rows below the data that
// are no members: a total, a date and place, the signatures.
constexpr std::size_t kFooterRows = 40;

constexpr TextEncoding kEncodings[] = {TextEncoding::unicode, TextEncoding::tcvn3,
                                       TextEncoding::vni};

// What a header names: a field of the member or of the dossier. A spelling written exactly wins;
// else the longer several-word spelling the header begins with ("Nơi sinh hoạt" is the branch,
// "Đơn vị công tác" the dossier's work unit, though "Đơn vị" names the branch).
struct HeaderField {
  MemberField field = MemberField::ignore;
  const DossierField* dossier = nullptr;
};
std::optional<HeaderField> header_field(std::string_view header) {
  const std::string folded = text::fold(header);
  if (folded.empty()) return std::nullopt;
  std::size_t member_length = 0;
  std::optional<MemberField> member;
  for (const auto& s : kSpellings) {
    const std::string_view sp(s.folded);
    if (folded == sp) {
      member = s.field;
      member_length = std::string_view::npos;
      break;
    }
    const bool several_words = sp.find(' ') != std::string_view::npos;
    if (several_words && folded.size() > sp.size() && folded.compare(0, sp.size(), sp) == 0 &&
        folded[sp.size()] == ' ' && sp.size() > member_length) {
      member = s.field;
      member_length = sp.size();
    }
  }
  std::size_t dossier_length = 0;
  const DossierField* dossier = dossier_field_of_header(header, &dossier_length);
  if (dossier != nullptr && dossier_length > member_length) {
    return HeaderField{MemberField::dossier, dossier};
  }
  if (member) return HeaderField{*member, nullptr};
  return std::nullopt;
}

// A header cell read in `preferred` first, then in the other encodings: the first reading that
// is a known spelling (a header's spelling is evidence of its encoding too: "Tên" typed in Unicode
// in a TCVN3 file). A cell with letters only Unicode has is read as Unicode alone.
struct HeaderReading {
  std::string text;
  std::optional<HeaderField> field;
};
HeaderReading read_header(std::string_view raw, TextEncoding preferred) {
  HeaderReading first{decode(raw, is_certainly_unicode(raw) ? TextEncoding::unicode : preferred),
                      std::nullopt};
  first.field = header_field(first.text);
  if (first.field || is_certainly_unicode(raw)) return first;
  for (TextEncoding e : kEncodings) {
    if (e == preferred) continue;
    HeaderReading other{decode(raw, e), std::nullopt};
    other.field = header_field(other.text);
    if (other.field) return other;
  }
  return first;
}

const Catalogs& default_catalogs() {
  static const Catalogs catalogs = Catalogs::defaults();
  return catalogs;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

// Up to three folded words; the unused ones empty.
struct Phrase {
  std::string_view words[3];
};

bool starts_with_words(const std::vector<std::string>& words, const Phrase& phrase) {
  std::size_t i = 0;
  for (auto w : phrase.words) {
    if (w.empty()) break;
    if (i >= words.size() || words[i] != w) return false;
    ++i;
  }
  return true;
}

bool is_number_word(const std::string& w) {
  return !w.empty() && w.find_first_not_of("0123456789") == std::string::npos;
}

// What a cell below the data says, folded: a total ("Tổng cộng: 3 đồng chí", "Cộng 3"), or the
// date, place and signatures ("Ngày … tháng … năm …", "Người lập biểu", "TM. CHI ỦY", "BÍ THƯ",
// "Xác nhận của cấp ủy"). A total with a count or a colon after it cannot be a name ("Tống Văn
// An" folds to "tong van an"): such a row is no member however many cells it fills.
enum class FooterCell { none, signature, total, counted_total };
FooterCell footer_cell(const std::string& value) {
  const std::string folded = text::fold(value);
  const auto words = words_of(folded);
  if (words.empty()) return FooterCell::none;
  if (words[0] == "tong" || words[0] == "cong") {
    const bool phrase = words.size() > 1 && (words[1] == "cong" || words[1] == "so");
    const std::size_t next = words[0] == "tong" && phrase ? 2 : 1;
    const bool counted = (next < words.size() && is_number_word(words[next])) ||
                         value.find(':') != std::string::npos;
    if (counted) return FooterCell::counted_total;
    if (next == words.size()) return FooterCell::total;
  }
  static constexpr Phrase kSignatures[] = {
      {{"nguoi", "lap"}},     {{"nguoi", "ky"}}, {{"xac", "nhan"}},  {{"tm"}},
      {{"t", "m"}},           {{"kt"}},          {{"k", "t"}},       {{"bi", "thu"}},
      {{"pho", "bi", "thu"}}, {{"ky", "ten"}},   {{"thu", "truong"}}};
  for (const auto& s : kSignatures) {
    if (starts_with_words(words, s)) return FooterCell::signature;
  }
  // "Ngày … tháng … năm …", "An Bình, ngày 10 tháng 5 năm 2026": the three words in order.
  const auto day = std::find(words.begin(), words.end(), "ngay");
  const auto month = std::find(day, words.end(), "thang");
  if (month != words.end() && std::find(month, words.end(), "nam") != words.end()) {
    return FooterCell::signature;
  }
  return FooterCell::none;
}

struct Builder {
  const SheetOptions& options;
  MemberSheet sheet;
  std::vector<Row> before_header;
  bool header_found = false;
  std::vector<std::string> raw_headers;  // each column's header cell as read, by sheet.columns
  std::vector<Row> data;                 // rows after the header, mapped columns only
  std::deque<Row> tail;                  // the last kFooterRows rows of `data`, every column
  TextEncoding file_encoding = TextEncoding::unicode;

  std::optional<HeaderField> user_field(const std::string& header, int column) const {
    for (const auto& [key, value] : options.mapping) {
      if (key == column_name(column) || text::fold(key) == text::fold(header)) {
        if (auto f = parse_member_field(value)) return HeaderField{*f, nullptr};
        if (const DossierField* d = dossier_field_named(value)) {
          return HeaderField{MemberField::dossier, d};
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // The field of column `m` from its header read in `preferred` (or the user's mapping).
  void map_column(ColumnMapping& m, std::string_view raw, TextEncoding preferred) const {
    HeaderReading h = read_header(raw, preferred);
    m.header = std::move(h.text);
    if (auto f = user_field(m.header, m.column)) {
      m.field = f->field;
      m.dossier = f->dossier;
      m.by_user = true;
    } else {
      m.field = h.field ? h.field->field : MemberField::ignore;
      m.dossier = h.field ? h.field->dossier : nullptr;
      m.by_user = false;
    }
  }

  // The mapping a row would give as a header row, and how many known fields it names. The row
  // is read in the encoding the rows so far lead to (a header typed in TCVN3 with one legacy
  // letter, "Chi bé", is read with its neighbours).
  std::vector<ColumnMapping> map_header(const Row& row, int* known) const {
    EncodingEvidence evidence;
    for (const auto& cell : row.cells) evidence.add(cell.text);
    for (const auto& r : before_header) {
      for (const auto& cell : r.cells) evidence.add(cell.text);
    }
    std::vector<ColumnMapping> out;
    *known = 0;
    for (int c = 0; c < static_cast<int>(row.cells.size()); ++c) {
      const Cell& cell = row.cells[static_cast<std::size_t>(c)];
      if (cell.kind == CellKind::empty && !user_field("", c)) continue;
      ColumnMapping m;
      m.column = c;
      map_column(m, cell_text(cell), evidence.leading());
      if (m.field != MemberField::ignore) ++*known;
      out.push_back(m);
    }
    return out;
  }

  static bool names_a_person(const std::vector<ColumnMapping>& cols) {
    for (const auto& m : cols) {
      if (m.field == MemberField::full_name || m.field == MemberField::given) return true;
    }
    return false;
  }

  Status on_header_search(const Row& row) {
    int known = 0;
    auto cols = map_header(row, &known);
    if (known >= 2 && names_a_person(cols)) {
      header_found = true;
      sheet.header_row = row.number;
      sheet.columns = std::move(cols);
      for (const auto& m : sheet.columns) {
        const auto c = static_cast<std::size_t>(m.column);
        raw_headers.push_back(c < row.cells.size() ? cell_text(row.cells[c]) : std::string());
      }
      return {};
    }
    if (static_cast<int>(before_header.size()) >= kHeaderSearchRows) {
      return Error::invalid(
          "header",
          "Trường «header»: không tìm thấy dòng tiêu đề trong " +
              std::to_string(kHeaderSearchRows) +
              " dòng đầu; cần ít nhất cột «Họ và tên» (hoặc «Tên») và một cột khác như «Ngày "
              "sinh», «Chi bộ», «Ngày vào Đảng», hoặc chỉ định bằng --map \"Tên cột=full_name\".",
          "no header row found");
    }
    before_header.push_back(row);
    return {};
  }

  Status on_row(const Row& row) {
    if (!header_found) return on_header_search(row);
    if (is_numbering_row(row) && data.empty()) return {};
    Row kept;
    kept.number = row.number;
    kept.cells.resize(sheet.columns.size());
    bool any = false;
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
      const auto& m = sheet.columns[i];
      if (m.field == MemberField::ignore) continue;
      if (m.column < static_cast<int>(row.cells.size())) {
        kept.cells[i] = row.cells[static_cast<std::size_t>(m.column)];
        any = any || kept.cells[i].kind != CellKind::empty;
      }
    }
    if (!any) return {};
    data.push_back(std::move(kept));
    tail.push_back(row);
    if (tail.size() > kFooterRows) tail.pop_front();
    return {};
  }

  void problem(const MemberRecord& r, const ColumnMapping* m, std::string message, bool warning) {
    Problem p;
    p.sheet = sheet.sheet;
    p.row = r.row;
    if (m) {
      p.column = column_name(m->column);
      p.field = std::string(field_name(*m));
    }
    p.message_vi = std::move(message);
    p.warning = warning;
    add_problem(sheet.problems, sheet.omitted, std::move(p));
  }

  // The file's encoding from the evidence of every cell read (the rows above the header, the
  // headers, the data), then each column's (the file's unless its own evidence clearly
  // differs), and each header read again in its column's encoding.
  void decide_encodings() {
    EncodingEvidence file;
    for (const auto& r : before_header) {
      for (const auto& cell : r.cells) file.add(cell.text);
    }
    std::vector<EncodingEvidence> columns(sheet.columns.size());
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
      columns[i].add(raw_headers[i]);
      for (const auto& row : data) {
        if (row.cells[i].kind == CellKind::text) columns[i].add(row.cells[i].text);
      }
      file += columns[i];
    }
    file_encoding = file.leading();
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
      auto& m = sheet.columns[i];
      m.encoding = column_encoding(columns[i], file_encoding);
      const MemberField before = m.field;
      map_column(m, raw_headers[i], m.encoding);
      // Only the columns mapped while reading kept their cells.
      if (before == MemberField::ignore) m.field = MemberField::ignore;
    }
  }

  // The encoding a cell of column `c` of the whole row is read in.
  TextEncoding encoding_of_column(int c) const {
    for (const auto& m : sheet.columns) {
      if (m.column == c) return m.encoding;
    }
    return file_encoding;
  }

  // Whether a row below the data is no member: a total, or a signature block's line where at
  // most two of the read columns hold anything (a member fills more). `keyword`: it names what
  // it is (a name signing under a title names nothing).
  bool is_footer_row(const Row& whole, const Row& kept, bool* keyword) const {
    int filled = 0;
    for (const auto& cell : kept.cells) filled += cell.kind != CellKind::empty ? 1 : 0;
    const bool sparse = filled <= 2;
    *keyword = false;
    for (std::size_t c = 0; c < whole.cells.size(); ++c) {
      const Cell& cell = whole.cells[c];
      if (cell.kind != CellKind::text) continue;
      const TextEncoding e = is_certainly_unicode(cell.text)
                                 ? TextEncoding::unicode
                                 : encoding_of_column(static_cast<int>(c));
      const FooterCell f = footer_cell(decode(cell.text, e));
      if (f == FooterCell::counted_total || (f != FooterCell::none && sparse)) *keyword = true;
    }
    return *keyword || sparse;
  }

  // The rows below the data that are no members (a total, the date, the signatures and the names
  // signing) leave the data, each reported as skipped: the last rows of the file that look so,
  // from the first of them that names what it is. A row among the members is read as a member.
  void drop_footer() {
    const std::size_t n = data.size();
    std::size_t start = n;
    for (std::size_t i = n; i > n - tail.size(); --i) {
      bool keyword = false;
      if (!is_footer_row(tail[i - 1 - (n - tail.size())], data[i - 1], &keyword)) break;
      if (keyword) start = i - 1;
    }
    for (std::size_t i = start; i < n; ++i) {
      MemberRecord r;
      r.row = data[i].number;
      problem(r, nullptr,
              "Không phải đảng viên (dòng tổng cộng, ngày tháng hoặc chữ ký dưới danh sách), đã "
              "bỏ qua.",
              true);
      sheet.skipped_rows.push_back(r.row);
    }
    data.resize(start);
  }

  // Each date column's day/month order, and one converted cell of each legacy column.
  std::vector<DateOrder> settle_columns() {
    std::vector<DateOrder> orders(sheet.columns.size(), DateOrder::unsettled);
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
      auto& m = sheet.columns[i];
      if (m.field == MemberField::ignore) continue;
      std::vector<std::string_view> texts;
      texts.reserve(data.size());
      for (const auto& row : data) {
        if (row.cells[i].kind == CellKind::text) texts.push_back(row.cells[i].text);
      }
      if (is_date_field(m.field) ||
          (m.dossier != nullptr && m.dossier->kind == DossierValueKind::date)) {
        orders[i] = settle_order(texts);
      }
      if (m.encoding == TextEncoding::unicode) continue;
      for (auto t : texts) {
        if (is_certainly_unicode(t)) continue;
        std::string after = decode(t, m.encoding);
        if (after != t) {
          m.sample_before = std::string(t);
          m.sample_after = after;
          break;
        }
      }
    }
    return orders;
  }

  static bool is_date_field(MemberField f) {
    return f == MemberField::birth_date || f == MemberField::admission_date ||
           f == MemberField::recognition_date || f == MemberField::registration_date;
  }

  // What one row's cells give, before the name is split.
  struct RowCells {
    std::string full_name, family_middle;
    bool male = false, female = false;
    const ColumnMapping* name_column = nullptr;
    const ColumnMapping* gender_column = nullptr;
  };

  void read_cell(MemberRecord& r, RowCells& rc, const ColumnMapping& m, const Cell& cell,
                 DateOrder order, bool date1904) {
    auto fail = [&](const std::string& msg) {
      problem(r, &m, "Cột «" + m.header + "»: " + msg, false);
      r.has_errors = true;
    };
    std::string raw = cell_text(cell);
    std::string value = (cell.kind == CellKind::text && !is_certainly_unicode(raw))
                            ? decode(raw, m.encoding)
                            : text::to_nfc(raw);
    switch (m.field) {
      case MemberField::birth_date:
      case MemberField::admission_date:
      case MemberField::recognition_date:
      case MemberField::registration_date: {
        Cell c = cell;
        if (c.kind == CellKind::text) c.text = value;
        auto d = parse_date_cell(c, order, date1904, options.this_year);
        if (!d.date) {
          fail(d.error_vi);
          break;
        }
        if (!d.warning_vi.empty()) problem(r, &m, "Cột «" + m.header + "»: " + d.warning_vi, true);
        (m.field == MemberField::birth_date         ? r.birth_date
         : m.field == MemberField::admission_date   ? r.admission_date
         : m.field == MemberField::recognition_date ? r.recognition_date
                                                    : r.registration_date) = d.date;
        break;
      }
      case MemberField::full_name:
        rc.full_name = value;
        rc.name_column = &m;
        break;
      case MemberField::family_middle: rc.family_middle = value; break;
      case MemberField::family: r.family = value; break;
      case MemberField::middle: r.middle = value; break;
      case MemberField::given: r.given = value; break;
      case MemberField::gender: {
        std::string g = text::fold(value);
        if (g == "nam" || g == "m" || g == "male") {
          r.gender = "male";
        } else if (g == "nu" || g == "f" || g == "female") {
          r.gender = "female";
        } else {
          fail("giới tính «" + value + "» không rõ; ghi «Nam» hoặc «Nữ».");
        }
        break;
      }
      case MemberField::male_mark:
        rc.male = true;
        rc.gender_column = &m;
        break;
      case MemberField::female_mark:
        rc.female = true;
        rc.gender_column = &m;
        break;
      case MemberField::org: r.org = value; break;
      case MemberField::card_number: r.card_number = value; break;
      case MemberField::code: r.code = value; break;
      case MemberField::decision_no: r.decision_no = value; break;
      case MemberField::dossier: read_dossier(r, m, cell, value, order, date1904); break;
      case MemberField::ignore: break;
    }
  }

  // A dossier column's cell: its values as the dossier stores them. A single field written in
  // two columns of a row must say the same in both.
  void read_dossier(MemberRecord& r, const ColumnMapping& m, const Cell& cell,
                    const std::string& value, DateOrder order, bool date1904) {
    if (m.dossier == nullptr) return;
    const Catalogs& catalogs = options.catalogs ? *options.catalogs : default_catalogs();
    DossierCellReading read =
        read_dossier_cell(*m.dossier, cell, value, catalogs, order, date1904, options.this_year);
    if (!read.error_vi.empty()) {
      problem(r, &m, "Cột «" + m.header + "»: " + read.error_vi, false);
      r.has_errors = true;
      return;
    }
    for (auto& v : read.values) {
      if (!m.dossier->listed) {
        const auto other = std::find_if(r.dossier.begin(), r.dossier.end(),
                                        [&](const DossierCell& c) { return c.field == m.dossier; });
        if (other != r.dossier.end()) {
          if (other->value != v.value) {
            problem(r, &m,
                    "Cột «" + m.header + "»: khác với cột «" + other->header + "» (cùng mục «" +
                        std::string(m.dossier->label) + "»).",
                    false);
            r.has_errors = true;
          }
          continue;
        }
      }
      r.dossier.push_back({m.dossier, std::move(v.value), v.from, column_name(m.column), m.header});
    }
  }

  // The gender marks and the name split into its three parts.
  void finish_record(MemberRecord& r, const RowCells& rc) {
    if (rc.male && rc.female) {
      problem(r, rc.gender_column, "Dòng đánh dấu cả «Nam» lẫn «Nữ».", false);
      r.has_errors = true;
    } else if (rc.male) {
      r.gender = "male";
    } else if (rc.female) {
      r.gender = "female";
    }
    if (!rc.full_name.empty()) {
      auto ws = words_of(rc.full_name);
      if (ws.size() < 2) {
        problem(r, rc.name_column,
                "Họ và tên «" + rc.full_name + "» chỉ có một chữ; cần ít nhất họ và tên.", false);
        r.has_errors = true;
      } else {
        r.family = ws.front();
        r.given = ws.back();
        r.middle.clear();
        for (std::size_t k = 1; k + 1 < ws.size(); ++k) r.middle += (k > 1 ? " " : "") + ws[k];
      }
    } else if (!rc.family_middle.empty()) {
      auto ws = words_of(rc.family_middle);
      r.family = ws.front();
      r.middle.clear();
      for (std::size_t k = 1; k < ws.size(); ++k) r.middle += (k > 1 ? " " : "") + ws[k];
    }
  }

  void finish(bool date1904) {
    decide_encodings();
    drop_footer();
    const std::vector<DateOrder> orders = settle_columns();
    sheet.records.reserve(data.size());
    for (const auto& row : data) {
      MemberRecord r;
      r.row = row.number;
      RowCells rc;
      for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
        const auto& m = sheet.columns[i];
        if (m.field == MemberField::ignore || row.cells[i].kind == CellKind::empty) continue;
        read_cell(r, rc, m, row.cells[i], orders[i], date1904);
      }
      finish_record(r, rc);
      sheet.records.push_back(std::move(r));
    }
    data.clear();
    data.shrink_to_fit();
  }
};

}  // namespace

std::string_view to_string(MemberField f) {
  for (const auto& i : kFields) {
    if (i.field == f) return i.name;
  }
  return "ignore";
}

std::optional<MemberField> parse_member_field(std::string_view name) {
  // A dossier column is mapped by its dossier field's name (dossier_field_named).
  for (const auto& i : kFields) {
    if (name == i.name && i.field != MemberField::dossier) return i.field;
  }
  std::string folded = text::fold(name);
  for (const auto& i : kFields) {
    if (folded == text::fold(i.label) && i.field != MemberField::dossier) return i.field;
  }
  if (folded == "bo qua") return MemberField::ignore;
  return std::nullopt;
}

std::string_view label_vi(MemberField f) {
  for (const auto& i : kFields) {
    if (i.field == f) return i.label;
  }
  return "";
}

std::vector<MemberField> member_fields() {
  std::vector<MemberField> out;
  for (const auto& i : kFields) {
    if (i.field != MemberField::ignore && i.field != MemberField::dossier) out.push_back(i.field);
  }
  out.push_back(MemberField::ignore);
  return out;
}

std::string_view field_name(const ColumnMapping& column) {
  if (column.field == MemberField::dossier && column.dossier) return column.dossier->code;
  return to_string(column.field);
}

std::string_view field_label(const ColumnMapping& column) {
  if (column.field == MemberField::dossier && column.dossier) return column.dossier->label;
  return label_vi(column.field);
}

std::optional<MemberField> field_of_header(std::string_view header) {
  return field_of_folded_header(text::fold(header), kSpellings);
}

Status parse_mapping_entry(std::string_view entry, std::map<std::string, std::string>& mapping,
                           SheetKind kind) {
  std::size_t start = 0;
  while (start <= entry.size()) {
    std::size_t end = entry.find(';', start);
    if (end == std::string_view::npos) end = entry.size();
    std::string_view one = entry.substr(start, end - start);
    start = end + 1;
    if (one.find_first_not_of(" \t") == std::string_view::npos) continue;
    auto eq = one.rfind('=');
    if (eq == std::string_view::npos || eq == 0) {
      return Error::invalid("mapping",
                            "Trường «Ghép cột»: «" + std::string(one) +
                                "» phải có dạng «Tên cột=trường», ví dụ «Họ và tên=full_name».",
                            "mapping entry without '='");
    }
    std::string key = text::to_nfc(one.substr(0, eq));
    std::string value(one.substr(eq + 1));
    while (!key.empty() && key.back() == ' ') key.pop_back();
    while (!key.empty() && key.front() == ' ') key.erase(key.begin());
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    while (!value.empty() && value.back() == ' ') value.pop_back();
    const bool known = kind == SheetKind::members ? parse_member_field(value).has_value() ||
                                                        dossier_field_named(value) != nullptr
                                                  : parse_org_field(value).has_value();
    if (!known) {
      std::string names;
      if (kind == SheetKind::members) {
        for (const auto& i : kFields) {
          if (i.field == MemberField::dossier) continue;
          names += (names.empty() ? "" : ", ") + std::string(i.name);
        }
        for (const auto& f : dossier_fields()) {
          if (in_member_sheets(f)) names += ", " + std::string(f.code);
        }
      } else {
        names = org_field_names();
      }
      return Error::invalid("mapping",
                            "Trường «Ghép cột»: «" + value +
                                "» không phải trường đã biết; chọn một "
                                "trong: " +
                                names + ".",
                            "unknown field in mapping");
    }
    mapping[key] = value;
  }
  return {};
}

Status parse_mapping_json(std::string_view json, std::map<std::string, std::string>& mapping,
                          SheetKind kind) {
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Error::invalid("mapping",
                          "Trường «Ghép cột»: tệp ánh xạ phải là một đối tượng JSON {\"Tên cột\": "
                          "\"trường\"}.",
                          "mapping JSON is not an object");
  }
  for (const auto& [key, value] : j.items()) {
    if (!value.is_string()) {
      return Error::invalid("mapping",
                            "Trường «Ghép cột»: giá trị của «" + key + "» phải là chuỗi.",
                            "mapping value is not a string");
    }
    DANGVU_TRY(parse_mapping_entry(key + "=" + value.get<std::string>(), mapping, kind));
  }
  return {};
}

Result<MemberSheet> read_member_sheet(std::string_view data, const SheetOptions& options) {
  Builder builder{options, {}, {}, false, {}, {}, {}, TextEncoding::unicode};
  RowSink sink = [&](const Row& row) { return builder.on_row(row); };
  auto info = read_rows(data, options.sheet, options.limits, sink);
  if (!info.ok()) return info.error();
  builder.sheet.sheet = info->sheet;
  builder.sheet.format = info->format;
  const bool date1904 = info->date1904;
  if (!builder.header_found) {
    return Error::invalid("header",
                          "Trường «header»: không tìm thấy dòng tiêu đề; cần ít nhất cột «Họ và "
                          "tên» (hoặc «Tên») và một cột khác như «Ngày sinh», «Chi bộ», «Ngày vào "
                          "Đảng», hoặc chỉ định bằng --map \"Tên cột=full_name\".",
                          "no header row found");
  }
  builder.finish(date1904);
  return std::move(builder.sheet);
}

}  // namespace dangvu::io
