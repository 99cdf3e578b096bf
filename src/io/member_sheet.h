#pragma once
// A member list sheet (XLSX or CSV) read into typed records: the header row found among the
// first rows by its Vietnamese headers (any order, the spellings offices use, compared folded),
// the text's encoding decided from the whole file's evidence (legacy.h; a column keeps its own
// only where its evidence clearly differs) and converted to Unicode NFC, dates read (dates.h), the
// full name split, and the rows below the data that are no members (a total, the date, the
// signatures) left out with a warning. Every problem is collected with its sheet, row and column;
// nothing stops at the first one. Whether a record is acceptable to the registry is the service's
// question.
//
// Name split (names are stored in three parts, docs/domain.md): a "Họ và tên" column is split
// with the family name as the first word and the given name as the last word, the words between
// being the middle name. Two-syllable family names (Hoàng Phủ, Tôn Thất) and given names (Bình
// Minh) cannot be told from a middle name by the words alone: such files should give separate
// "Họ", "Tên đệm", "Tên" columns (or "Họ đệm" + "Tên"), which are used as they are.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogs.h"
#include "core/date.h"
#include "core/dossier.h"
#include "io/legacy.h"
#include "io/source.h"
#include "io/table.h"

namespace dangvu::io {

enum class MemberField {
  ignore,
  full_name,          // Họ và tên
  family_middle,      // Họ đệm (family and middle names in one column)
  family,             // Họ
  middle,             // Tên đệm
  given,              // Tên
  birth_date,         // Ngày sinh
  gender,             // Giới tính, Nam/Nữ
  male_mark,          // a "Nam" column marked with x
  female_mark,        // a "Nữ" column marked with x
  org,                // Chi bộ, Đơn vị: an org code or name
  admission_date,     // Ngày vào Đảng, Ngày kết nạp
  recognition_date,   // Ngày chính thức, Ngày công nhận chính thức
  registration_date,  // Ngày đăng ký quần chúng ưu tú (a candidate, not yet admitted)
  card_number,        // Số thẻ đảng viên
  code,               // Mã đảng viên
  decision_no,        // Số quyết định kết nạp
  dossier,            // a field of the member's dossier (dossier_columns.h): ColumnMapping::dossier
};

std::string_view to_string(MemberField f);  // "full_name", … (the names --map takes)
std::optional<MemberField> parse_member_field(std::string_view name);
std::string_view label_vi(MemberField f);  // "Họ và tên", …
// Every field a column may be mapped to (ignore included, last), for the mapping choices.
std::vector<MemberField> member_fields();

// The field a header names, if it is one of the known spellings (of the member's own fields).
std::optional<MemberField> field_of_header(std::string_view header);

struct ColumnMapping {
  int column = 0;
  std::string header;  // as written (converted to Unicode)
  MemberField field = MemberField::ignore;
  bool by_user = false;                   // set by the user's mapping rather than recognized
  const DossierField* dossier = nullptr;  // the dossier field, when field is MemberField::dossier
  TextEncoding encoding = TextEncoding::unicode;
  std::string sample_before, sample_after;  // one converted cell, for the preview
};

// The name a column's field goes by ("ethnicity" for a dossier column) and its Vietnamese label.
std::string_view field_name(const ColumnMapping& column);
std::string_view field_label(const ColumnMapping& column);

struct Problem {
  std::string sheet;
  std::int64_t row = 0;  // 0: about the file as a whole
  std::string column;    // "C", or empty
  std::string field;     // MemberField name, or empty
  std::string message_vi;
  bool warning = false;  // read, but the user should look; does not block the import
};

// A file whose every row is wrong must not cost memory (and an answer) for each of its problems:
// the first ones are listed, the rest only counted.
constexpr std::size_t kMaxListedProblems = 1000;
struct OmittedProblems {
  std::int64_t errors = 0, warnings = 0;
  void count(const Problem& p) { (p.warning ? warnings : errors) += 1; }
};
// Lists `p` in `list` while the list is short (`others` already listed elsewhere count too),
// else counts it in `omitted`.
inline void add_problem(std::vector<Problem>& list, OmittedProblems& omitted, Problem p,
                        std::size_t others = 0) {
  if (list.size() + others < kMaxListedProblems) {
    list.push_back(std::move(p));
  } else {
    omitted.count(p);
  }
}

// One value of a dossier column on a row, as the dossier stores it (a catalog's code, an ISO date).
struct DossierCell {
  const DossierField* field = nullptr;
  std::string value;
  std::optional<Date> from;  // a date the cell wrote with the value (a listed entry's), if any
  std::string column;        // "H"
  std::string header;        // as written (converted to Unicode)
};

struct MemberRecord {
  std::int64_t row = 0;
  std::string code, family, middle, given, gender, org, card_number, decision_no;
  std::optional<Date> birth_date, admission_date, recognition_date, registration_date;
  std::vector<DossierCell> dossier;  // in column order; a listed field may give several
  bool has_errors = false;           // a problem (not a warning) on this row
};

struct MemberSheet {
  std::string sheet;
  std::string format;  // "xlsx" or "csv"
  std::int64_t header_row = 0;
  std::vector<ColumnMapping> columns;
  std::vector<MemberRecord> records;
  // Rows below the data that are no members (a total, the date and the signatures): left out,
  // each reported by a warning.
  std::vector<std::int64_t> skipped_rows;
  std::vector<Problem> problems;  // the first kMaxListedProblems
  OmittedProblems omitted;        // the others
};

struct SheetOptions {
  std::string sheet;                           // XLSX sheet name (empty: the first)
  std::map<std::string, std::string> mapping;  // header text or column letter → field name
  Limits limits;
  int this_year = 2026;  // bounds two-digit years
  // The catalogs a dossier column's values are looked up in (the rule set's); none: the defaults.
  const Catalogs* catalogs = nullptr;
};

// Reads a member list from a file's bytes (XLSX when it starts as a ZIP, CSV otherwise). An error
// is a file that cannot be read at all (or a bad mapping); row problems are in `problems`.
Result<MemberSheet> read_member_sheet(std::string_view data, const SheetOptions& options);

// Parses "--map" entries "Header=field" (several may be joined by ';' or given one by one) and
// JSON objects {"Header": "field"} into `mapping`.
// The field names are checked against the sheet's kind (members: MemberField, orgs: OrgField).
Status parse_mapping_entry(std::string_view entry, std::map<std::string, std::string>& mapping,
                           SheetKind kind = SheetKind::members);
Status parse_mapping_json(std::string_view json, std::map<std::string, std::string>& mapping,
                          SheetKind kind = SheetKind::members);

}  // namespace dangvu::io
