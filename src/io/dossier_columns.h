#pragma once
// The dossier's columns of a member list (core/dossier.h): the one place that says which header
// spellings name which dossier field (compared folded, as the member sheet's own headers are),
// how a cell is read into the value the dossier stores (a catalog's label, alias or code to its
// code; a date; a citizen ID or phone number whose leading zero Excel dropped; a flag), and how
// the export writes a value back so that the file imports again.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogs.h"
#include "core/date.h"
#include "core/dossier.h"
#include "io/dates.h"
#include "io/table.h"

namespace dangvu::io {

// Whether a field has a column in the member sheets. A sponsor (kind member: another member's
// code) has none: offices write sponsors by name, and the admission file is recorded in the
// dossier form, where a sponsor is picked among the members.
inline bool in_member_sheets(const DossierField& f) { return f.kind != DossierValueKind::member; }

// The dossier field a header names, if it is one of the known spellings (the field's own label
// first, then the spellings offices use: "CCCD", "Hộ khẩu thường trú", "Trình độ LLCT" …).
// `matched`, when given, is set to std::string_view::npos for an exact spelling, else to the
// length of the several-word spelling the header begins with (the member sheet prefers the
// longer of its own and a dossier spelling: "Nơi sinh hoạt" is the branch, "Nơi sinh" a place).
const DossierField* dossier_field_of_header(std::string_view header,
                                            std::size_t* matched = nullptr);

// The dossier field a --map value names: its code ("ethnicity") or its label ("Dân tộc").
const DossierField* dossier_field_named(std::string_view name);

// The header the export writes for a field: the first spelling the import reads.
std::string_view dossier_header(const DossierField& field);

// One value a cell gives: what the dossier stores, and the date the cell wrote with it (a listed
// entry "Khen thưởng năm 2020 (15/05/2020)"), if any.
struct DossierCellValue {
  std::string value;
  std::optional<Date> from;
};

struct DossierCellReading {
  std::vector<DossierCellValue> values;  // none: the cell records nothing ("Không" for a level)
  std::string error_vi;                  // set when the cell cannot be read; says the rule
};

// Reads one cell of a dossier column. `text` is the cell as Unicode NFC text (decoded from its
// legacy encoding); `cell` is the cell as the file holds it (a number, a date serial). A listed
// field's cell may hold several entries separated by ";", each with a date in brackets after it.
DossierCellReading read_dossier_cell(const DossierField& field, const Cell& cell,
                                     const std::string& text, const Catalogs& catalogs,
                                     DateOrder order, bool date1904, int this_year);

// The code of the catalog item `written` names: its code, its label or a common alias (folded);
// none when the catalog has no such item.
std::optional<std::string> catalog_code(std::string_view catalog_name, const Catalog& catalog,
                                        std::string_view written);

// A listed field's entries as one cell ("Khiển trách (10/03/2021); Cảnh cáo (01/02/2023)"), the
// form read_dossier_cell reads back.
std::string listed_cell(const std::vector<std::pair<std::string, Date>>& entries);

}  // namespace dangvu::io
