#pragma once
// Party documents (văn bản) and their numbers: `<number>-<type>/<issuer>`, e.g. 15-NQ/TU, numbered
// from 01 per type per committee per term (Hướng dẫn 36-HD/VPTW).
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace dangvu {

struct DocumentNumber {
  int number = 0;      // 15
  std::string type;    // "NQ"
  std::string issuer;  // "TU"
  std::string text;    // as typed, leading zero kept: "01-KL/TW"
};

// Parses and checks a document number: a positive number of at most 4 digits, a known type
// (NQ, CT, KL, QĐ, QC, HD, KH, BC, TB, CTr, TTr, BB, CV, …) and an issuer of 1–12 capital letters
// or digits (TW, TU, ĐU, ĐUK, CB, BTCTW, UBKTTU, VPTU …). The error says which part is wrong.
Result<DocumentNumber> parse_document_number(std::string_view text,
                                             std::string_view field = "number");

// "nghị quyết", "chỉ thị", …; empty for an unknown type.
std::string_view document_type_label_vi(std::string_view type);

}  // namespace dangvu
