// libFuzzer target: the XLSX reader (libzip + expat) and the member sheet over any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/member_sheet.h"
#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dangvu::io::Limits limits;
  limits.max_entry_bytes = 16u << 20;
  limits.max_total_uncompressed = 32u << 20;
  limits.max_rows = 10000;
  auto rows = dangvu::io::read_xlsx_bytes(bytes, "", limits,
                                          [](const dangvu::io::Row&) { return dangvu::Status{}; });
  (void)rows;
  dangvu::io::SheetOptions options;
  options.limits = limits;
  auto sheet = dangvu::io::read_member_sheet(bytes, options);
  (void)sheet;
  return 0;
}
