#pragma once
// An organization list sheet (XLSX or CSV): one row per org with its code, name, kind, the code of
// the org it belongs to and its founding date. Headers, encodings and dates are read as in the
// member sheet (member_sheet.h); whether a row is acceptable to the tree is the service's question.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/member_sheet.h"

namespace dangvu::io {

enum class OrgField {
  ignore,
  code,     // Mã tổ chức, Mã
  name,     // Tên tổ chức
  kind,     // Loại (Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, …)
  parent,   // Trực thuộc, Cấp trên: the parent's code
  founded,  // Ngày thành lập
};

std::string_view to_string(OrgField f);
std::optional<OrgField> parse_org_field(std::string_view name);
std::string_view label_vi(OrgField f);
std::string org_field_names();  // "ignore, code, name, …" for messages
std::optional<OrgField> org_field_of_header(std::string_view header);
// Every field a column may be mapped to (ignore included, last), for the mapping choices.
std::vector<OrgField> org_fields();

struct OrgColumn {
  int column = 0;
  std::string header;
  OrgField field = OrgField::ignore;
  bool by_user = false;
  TextEncoding encoding = TextEncoding::unicode;
  std::string sample_before, sample_after;
};

struct OrgRecord {
  std::int64_t row = 0;
  std::string code, name, kind, parent;
  std::optional<Date> founded;
  bool has_errors = false;
};

struct OrgSheet {
  std::string sheet, format;
  std::int64_t header_row = 0;
  std::vector<OrgColumn> columns;
  std::vector<OrgRecord> records;
  std::vector<Problem> problems;  // the first kMaxListedProblems
  OmittedProblems omitted;        // the others
};

Result<OrgSheet> read_org_sheet(std::string_view data, const SheetOptions& options);

}  // namespace dangvu::io
