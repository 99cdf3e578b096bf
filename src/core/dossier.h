#pragma once
// A member's dossier (hồ sơ: what the Phiếu đảng viên 2-HSĐV and the lý lịch 1-HSĐV hold) as an
// append-only log of dated facts: "from this date, this field holds this value". A question "as
// of D" reads, for each field, the value of the latest record dated on or before D. A mistake is
// corrected by a record that replaces an earlier one (its value and date; an empty value voids
// it); nothing is edited. A listed field (awards, discipline) keeps every record as one more
// entry instead of a value replacing the last.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogs.h"
#include "core/date.h"
#include "core/result.h"

namespace dangvu {

using DossierRecordId = std::int64_t;

// What a value of a field is.
enum class DossierValueKind {
  text,        // free text, at most 500 characters
  catalog,     // a code of the catalog named by the field
  date,        // an ISO date (not before birth, not in the future)
  citizen_id,  // số định danh cá nhân: 12 digits, one person's
  phone,       // digits, with + ( ) . - and spaces
  flag,        // "yes" (held from the date) or empty (no longer)
  member,      // another person's member code (a sponsor: đảng viên giới thiệu)
};
std::string_view to_string(DossierValueKind k);

struct DossierField {
  std::string_view code;   // "ethnicity": stored, and the API's name
  std::string_view label;  // "Dân tộc"
  DossierValueKind kind = DossierValueKind::text;
  std::string_view catalog;  // for a catalog field, the list's name in the rule set's catalogs
  // Sensitive personal data under Luật 91/2025/QH15 (ethnicity, religion, health, discipline,
  // the citizen ID): shown only to roles that may read them, every read audited.
  bool sensitive = false;
  bool listed = false;  // each record is one more entry (awards, discipline)
};

// Every field, in the order the form and the dossier show them.
std::span<const DossierField> dossier_fields();
const DossierField* find_dossier_field(std::string_view code);

// One appended record of the log.
struct DossierRecord {
  DossierRecordId id = 0;  // 0 until stored; the order of recording
  std::string field;
  std::string value;  // empty: the field is no longer held from `from` (or, replacing, voided)
  Date from;
  std::string note;  // the decision or paper it rests on
  std::optional<DossierRecordId> replaces;
  std::string recorded_at;  // UTC, ISO
  std::string recorded_by;
};

// The log with corrections applied: each field's records in force, oldest first.
class Dossier {
 public:
  explicit Dossier(std::vector<DossierRecord> records);

  // The record whose value held on `at` (none when none did, or when the latest says empty).
  // For a listed field, none.
  std::optional<DossierRecord> value_at(std::string_view field, Date at) const;
  // The records in force dated on or before `at`, oldest first (for a single field, each value
  // it took; for a listed one, each entry).
  std::vector<DossierRecord> history_until(std::string_view field, Date at) const;
  // Each single field's values as dated spans [from, to) (to: Date::max() while held), the rows
  // the statistics read (dossier_span): derived from the log, never written by hand.
  struct Span {
    std::string field;
    std::string value;
    Date from;
    Date to;
    bool operator==(const Span&) const = default;
  };
  std::vector<Span> spans() const;
  // Whether a later record replaces `id`.
  bool replaced(DossierRecordId id) const;
  const std::vector<DossierRecord>& records() const { return records_; }

 private:
  std::vector<DossierRecord> records_;   // as recorded
  std::vector<DossierRecord> in_force_;  // corrections applied, by field, from, id
};

// Checks one new record's value against its field and the catalogs (not uniqueness, which needs
// the registry): the field exists, a catalog code is in its list, a citizen ID has 12 digits, a
// date is a date not before `birth` nor after `today`, text fits. `field_name` is what the error
// names ("changes[2].value"). An empty value always passes (it ends or voids).
Status check_dossier_value(const DossierField& field, std::string_view value,
                           const Catalogs& catalogs, Date birth, Date today,
                           const std::string& field_name);

// A value as a person reads it: a catalog code by its label, a date dd/mm/yyyy, a flag "Có".
std::string dossier_value_label(const DossierField& field, std::string_view value,
                                const Catalogs& catalogs);

}  // namespace dangvu
