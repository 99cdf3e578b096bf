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
  // Members: the org whose subtree a branch written by name is looked for in (a code; empty: the
  // caller's own org, the whole tree for the command line and the administrator).
  std::string under;
};

// A branch name of the file that more than one org bears in the subtree searched: its rows are
// refused naming the candidates.
struct AmbiguousOrgName {
  std::string name;             // as the file writes it
  std::int64_t candidates = 0;  // orgs of that name in the subtree
  std::int64_t rows = 0;        // rows refused for it
};

// A column of the file as the import reads it: which field it fills, and the legacy encoding it
// was converted from, with one converted cell for the preview.
struct ImportColumnView {
  int column = 0;
  std::string header, field, field_label;
  bool by_user = false;
  io::TextEncoding encoding = io::TextEncoding::unicode;
  std::string sample_before, sample_after;
};

struct ImportChoice {
  std::string field, label;
};

// One row as it would be recorded: its outcome and a value per preview column.
struct ImportRowView {
  std::int64_t row = 0;
  std::string outcome;  // "new", "updated", "unchanged", "error"
  std::vector<std::string> values;
};

struct ImportReport {
  std::string kind;  // "members" or "orgs"
  std::string file_name, format, sheet;
  std::int64_t header_row = 0;
  std::vector<ImportColumnView> columns;
  std::vector<ImportChoice> fields;   // what a column may be mapped to
  std::vector<io::Problem> problems;  // the first io::kMaxListedProblems, rows in file order
  io::OmittedProblems omitted;        // the problems past those, only counted
  std::int64_t rows = 0;              // data rows read
  std::int64_t skipped = 0;  // rows below the data that are no members (each has a warning)
  std::vector<AmbiguousOrgName> ambiguous_orgs;
  std::int64_t created = 0, updated = 0, unchanged = 0, rejected = 0;
  // Records written to the members' dossiers (the dossier's columns; 0 for an org list).
  std::int64_t dossier_records = 0;
  bool dry_run = false;
  bool written = false;                       // whether the database was changed
  std::vector<ImportChoice> preview_columns;  // key (field) and header of each preview value
  std::vector<ImportRowView> preview;         // the first rows, as they would be recorded
  std::int64_t errors() const {
    std::int64_t n = 0;
    for (const auto& p : problems) n += p.warning ? 0 : 1;
    return n + omitted.errors;
  }
};

// The rows of an export: member lists and the tree with counts.
using ExportTable = io::Table;

}  // namespace dangvu::service
