#pragma once
// Office Open XML packages are zip files: read one from memory, write one to memory with fixed
// timestamps (the same entries give the same bytes).
#include <string>
#include <vector>

#include "core/result.h"

namespace dangvu::report {

struct ZipEntry {
  std::string name, data;
};

// Refuses what is not a zip, and packages over 64 MiB uncompressed or 4,096 entries.
Result<std::vector<ZipEntry>> read_zip(const std::string& bytes);
Result<std::string> write_zip(const std::vector<ZipEntry>& entries);

}  // namespace dangvu::report
