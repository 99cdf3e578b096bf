#pragma once
// What the dossier's use cases take and give (Registry::dossier, Registry::record_dossier).
#include <optional>
#include <string>
#include <vector>

#include "core/admission.h"
#include "core/date.h"
#include "core/dossier.h"

namespace dangvu::service {

// One change of a member's dossier: `field` holds `value` from `from` (an empty value: no longer),
// or, with `replaces`, the record numbered so is corrected (an empty value voids it).
struct DossierChangeInput {
  std::string field;
  std::string value;
  std::string from;
  std::string note;
  std::optional<long long> replaces;
};

struct DossierInput {
  std::string member_code;
  std::vector<DossierChangeInput> changes;
};

// A record as a person reads it: its value's label (a catalog's, a date dd/mm/yyyy).
struct DossierRecordView {
  DossierRecord record;
  std::string value_label;
  bool replaced = false;
};

struct DossierFactView {
  std::string field;
  std::optional<DossierRecordView> current;  // the value on the date asked (none: listed / none)
  std::vector<DossierRecordView> history;    // in force, dated up to the date asked, oldest first
};

struct DossierView {
  std::string member_code;
  Date at;
  bool sensitive_shown = false;
  std::vector<DossierFactView> facts;      // in the order of dossier_fields()
  std::vector<DossierRecordView> records;  // the whole log shown to the caller, as recorded
  // A candidate on the date asked: what the admission file still lacks then (the branch's vote
  // comes with the admission itself and is not listed).
  std::optional<std::vector<AdmissionGap>> admission_gaps;
};

}  // namespace dangvu::service
