#include "report/ooxml_zip.h"

#include <zip.h>

#include <memory>

namespace dangvu::report {
namespace {

constexpr zip_uint64_t kMaxTotal = 64u << 20;
constexpr zip_int64_t kMaxEntries = 4096;
// 1 January 2026, 00:00 UTC: every entry carries it, so output does not depend on the clock.
constexpr time_t kFixedTime = 1767225600;

Error not_a_package(const std::string& why) {
  return Error::invalid(
      "template",
      "Trường «template»: tệp không phải là tài liệu Word (.docx) hợp lệ, hoặc quá lớn.",
      "not a usable OOXML package: " + why);
}

struct ArchiveCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

}  // namespace

Result<std::vector<ZipEntry>> read_zip(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) return not_a_package("buffer");
  std::unique_ptr<zip_t, ArchiveCloser> z(zip_open_from_source(src, ZIP_RDONLY, &err));
  if (!z) {
    zip_source_free(src);
    return not_a_package(zip_error_strerror(&err));
  }
  const zip_int64_t n = zip_get_num_entries(z.get(), 0);
  if (n < 0 || n > kMaxEntries) return not_a_package("too many entries");
  std::vector<ZipEntry> out;
  zip_uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    if (zip_stat_index(z.get(), index, 0, &st) != 0) return not_a_package("stat");
    total += st.size;
    if (total > kMaxTotal) return not_a_package("too large");
    zip_file_t* f = zip_fopen_index(z.get(), index, 0);
    if (f == nullptr) return not_a_package("open entry");
    ZipEntry e{st.name, std::string(st.size, '\0')};
    const zip_int64_t read = st.size ? zip_fread(f, e.data.data(), st.size) : 0;
    zip_fclose(f);
    if (read < 0 || static_cast<zip_uint64_t>(read) != st.size) return not_a_package("read");
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::string> write_zip(const std::vector<ZipEntry>& entries) {
  auto fail = [](const char* what) {
    return Error::io("Không tạo được tệp báo cáo.", std::string("zip: ") + what);
  };
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (out == nullptr) return fail("buffer");
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (z == nullptr) {
    zip_source_free(out);
    return fail("open");
  }
  for (const auto& e : entries) {
    zip_source_t* s = zip_source_buffer(z, e.data.data(), e.data.size(), 0);
    const zip_int64_t idx = s ? zip_file_add(z, e.name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (s) zip_source_free(s);
      zip_discard(z);
      zip_source_free(out);
      return fail("add");
    }
    zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), kFixedTime, 0);
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    zip_source_free(out);
    return fail("close");
  }
  std::string bytes;
  if (zip_source_open(out) == 0) {
    zip_source_seek(out, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(out);
    zip_source_seek(out, 0, SEEK_SET);
    if (size > 0) {
      bytes.resize(static_cast<std::size_t>(size));
      zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
    }
    zip_source_close(out);
  }
  zip_source_free(out);
  if (bytes.empty()) return fail("empty");
  return bytes;
}

}  // namespace dangvu::report
