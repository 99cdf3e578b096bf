// libFuzzer target: the CSV reader and the member sheet over any bytes must return (a value or an
// error), never crash, hang or grow without bound.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/csv_reader.h"
#include "io/member_sheet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dangvu::io::Limits limits;
  limits.max_rows = 10000;
  auto rows =
      dangvu::io::read_csv(bytes, limits, [](const dangvu::io::Row&) { return dangvu::Status{}; });
  (void)rows;
  if (!bytes.empty() && bytes[0] != 'P') {
    dangvu::io::SheetOptions options;
    options.limits = limits;
    auto sheet = dangvu::io::read_member_sheet(bytes, options);
    (void)sheet;
  }
  return 0;
}
