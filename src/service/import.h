#pragma once
// The import of a member list file: what the user gives and what the answer says.
#include <cstdint>
#include <string>
#include <vector>

#include "io/member_sheet.h"
#include "io/writer.h"

namespace dangvu::service {

struct ImportInput {
  std::string data;       // the file's bytes
  std::string file_name;  // for the audit log and messages
  io::SheetOptions options;
  bool dry_run = false;     // check everything, write nothing
  bool valid_only = false;  // write the rows that pass, report the others (still one transaction)
};

struct ImportRowView {
  std::int64_t row = 0;
  std::string outcome;  // "new", "updated", "unchanged", "error"
  std::string code, family, middle, given, birth_date, gender, org_code, admission_date,
      recognition_date, card_number;
};

struct ImportReport {
  std::string file_name, format, sheet;
  std::int64_t header_row = 0;
  std::vector<io::ColumnMapping> columns;
  std::vector<io::Problem> problems;  // every problem, rows in file order
  std::int64_t rows = 0;              // data rows read
  std::int64_t created = 0, updated = 0, unchanged = 0, rejected = 0;
  bool dry_run = false;
  bool written = false;                // whether the database was changed
  std::vector<ImportRowView> preview;  // the first rows, as they would be recorded
  std::int64_t errors() const {
    std::int64_t n = 0;
    for (const auto& p : problems) n += p.warning ? 0 : 1;
    return n;
  }
};

// The rows of an export: member lists and the tree with counts.
using ExportTable = io::Table;

}  // namespace dangvu::service
