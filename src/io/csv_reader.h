#pragma once
// CSV (RFC 4180) as offices save it from Excel: UTF-8 with or without a BOM, UTF-16 with a BOM
// ("Unicode Text"), or single bytes (legacy TCVN3/VNI fonts saved as "ANSI": each byte becomes
// the code point of the same value, which legacy.h then converts); the separator is ';', ',' or
// a tab, whichever the first line uses most outside quotes.
#include <string>
#include <string_view>

#include "io/table.h"

namespace dangvu::io {

struct CsvInfo {
  char separator = ',';
  std::string encoding;  // "utf-8", "utf-16le", "utf-16be" or "bytes"
};

// Parses `data` (the whole file) and hands each row to `sink`. Errors name the row: an
// unterminated quote, text after a closing quote, a limit exceeded, invalid UTF-16.
Result<CsvInfo> read_csv(std::string_view data, const Limits& limits, const RowSink& sink);

}  // namespace dangvu::io
