// XLSX over libzip + expat, streaming the sheet row by row.
#include "io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <array>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <set>

namespace dangvu::io {
namespace {

Error too_large(const std::string& vi, const std::string& en) {
  Error e = Error::invalid("file", "Tệp XLSX: " + vi, "xlsx: " + en);
  e.kind = ErrorKind::too_large;
  return e;
}

Error malformed(const std::string& vi, const std::string& en) {
  return Error::invalid("file", "Tệp XLSX: " + vi, "xlsx: " + en);
}

// The local part of a possibly prefixed XML name ("x:row" → "row").
std::string_view local(const XML_Char* name) {
  std::string_view s(name);
  auto colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

const char* attribute(const XML_Char** attrs, std::string_view wanted, bool prefixed = false) {
  for (int i = 0; attrs[i]; i += 2) {
    std::string_view name(attrs[i]);
    auto colon = name.rfind(':');
    bool has_prefix = colon != std::string_view::npos;
    if (has_prefix != prefixed) continue;
    if ((has_prefix ? name.substr(colon + 1) : name) == wanted) return attrs[i + 1];
  }
  return nullptr;
}

// What every part's handler shares: the parser, its depth guard and the first error.
struct Handler {
  XML_Parser parser = nullptr;
  const Limits* limits = nullptr;
  std::string part;
  int depth = 0;
  bool failed = false;
  Error error;

  void fail(Error e) {
    if (failed) return;
    failed = true;
    error = std::move(e);
    XML_StopParser(parser, XML_FALSE);
  }
  bool enter() {
    if (++depth > limits->max_xml_depth) {
      fail(too_large(
          "phần «" + part + "» lồng nhau quá " + std::to_string(limits->max_xml_depth) + " cấp.",
          part + ": XML nested too deep"));
      return false;
    }
    return !failed;
  }
  virtual ~Handler() = default;
  virtual void start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(const XML_Char*, int) {}
};

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* h = static_cast<Handler*>(data);
  if (!h->enter()) return;
  h->start(local(name), attrs);
}
void XMLCALL on_end(void* data, const XML_Char* name) {
  auto* h = static_cast<Handler*>(data);
  --h->depth;
  if (!h->failed) h->end(local(name));
}
void XMLCALL on_text(void* data, const XML_Char* s, int len) {
  auto* h = static_cast<Handler*>(data);
  if (!h->failed) h->text(s, len);
}
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* h = static_cast<Handler*>(data);
  h->fail(malformed("phần «" + h->part + "» có khai báo DOCTYPE, không được phép trong XLSX.",
                    h->part + ": DOCTYPE refused"));
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ParserFree {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

class Package {
 public:
  Package(zip_t* zip, const Limits& limits) : zip_(zip), limits_(limits) {}

  bool has(const std::string& name) const {
    return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
  }

  // Streams one part through `handler`. A missing part is an error when `required`.
  Status parse(const std::string& name, Handler& handler, bool required) {
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0) {
      if (!required) return {};
      return malformed("thiếu phần «" + name + "»; tệp không phải bảng tính Excel hợp lệ.",
                       "missing part " + name);
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) {
      return malformed("không đọc được phần «" + name + "».", "stat failed for " + name);
    }
    const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    const std::uint64_t claimed = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    const std::uint64_t ratio_cap = std::max<std::uint64_t>(
        1ull << 20, static_cast<std::uint64_t>(limits_.max_compression_ratio *
                                               static_cast<double>(compressed)));
    auto over = [&](std::uint64_t size) -> Status {
      if (size > limits_.max_entry_bytes) {
        return too_large("phần «" + name + "» giải nén lớn hơn " +
                             std::to_string(limits_.max_entry_bytes >> 20) + " MiB.",
                         name + ": uncompressed size over the limit");
      }
      if (size > ratio_cap) {
        return too_large("phần «" + name + "» có tỉ lệ nén bất thường (hơn " +
                             std::to_string(static_cast<int>(limits_.max_compression_ratio)) +
                             " lần): có thể là «bom zip».",
                         name + ": compression ratio over the limit");
      }
      if (total_ + size > limits_.max_total_uncompressed) {
        return too_large("tổng dung lượng giải nén lớn hơn " +
                             std::to_string(limits_.max_total_uncompressed >> 20) + " MiB.",
                         "total uncompressed size over the limit");
      }
      return {};
    };
    DANGVU_TRY(over(claimed));

    std::unique_ptr<zip_file_t, FileCloser> file(
        zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      return malformed("không mở được phần «" + name + "» (tệp hỏng hoặc có mật khẩu).",
                       "cannot open part " + name + ": " + zip_strerror(zip_.get()));
    }
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate("UTF-8"));
    if (!parser) return Error::io("Không đủ bộ nhớ để đọc tệp.", "XML_ParserCreate failed");
    handler.parser = parser.get();
    handler.limits = &limits_;
    handler.part = name;
    XML_SetUserData(parser.get(), &handler);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
    XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

    std::array<char, 64 * 1024> buffer{};
    std::uint64_t inflated = 0;
    for (;;) {
      zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0) {
        return malformed("phần «" + name + "» bị hỏng (không giải nén được).",
                         "inflate failed for " + name + ": " + zip_file_strerror(file.get()));
      }
      inflated += static_cast<std::uint64_t>(n);
      DANGVU_TRY(over(inflated));
      bool last = n == 0;
      if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(n), last ? 1 : 0) ==
          XML_STATUS_ERROR) {
        if (handler.failed) return handler.error;
        return malformed("phần «" + name + "» không phải XML hợp lệ (dòng " +
                             std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                             XML_ErrorString(XML_GetErrorCode(parser.get())) + ").",
                         name + ": XML error " + XML_ErrorString(XML_GetErrorCode(parser.get())));
      }
      if (handler.failed) return handler.error;
      if (last) break;
    }
    total_ += inflated;
    return {};
  }

 private:
  std::unique_ptr<zip_t, ZipCloser> zip_;
  const Limits& limits_;
  std::uint64_t total_ = 0;
};

struct WorkbookHandler : Handler {
  struct Sheet {
    std::string name, rel;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "sheet") {
      const char* n = attribute(attrs, "name");
      const char* id = attribute(attrs, "id", true);
      if (n && id) sheets.push_back({n, id});
    } else if (name == "workbookPr") {
      const char* d = attribute(attrs, "date1904");
      date1904 = d && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0);
    }
  }
  void end(std::string_view) override {}
};

struct RelsHandler : Handler {
  std::map<std::string, std::string> targets;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name != "Relationship") return;
    const char* id = attribute(attrs, "Id");
    const char* target = attribute(attrs, "Target");
    if (id && target) targets[id] = target;
  }
  void end(std::string_view) override {}
};

// Which cell styles (indexes into cellXfs) show a date.
struct StylesHandler : Handler {
  std::map<int, std::string> formats;  // custom numFmtId → formatCode
  std::vector<int> xf_formats;         // cellXfs, in order: their numFmtId
  bool in_cell_xfs = false;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "numFmt") {
      const char* id = attribute(attrs, "numFmtId");
      const char* code = attribute(attrs, "formatCode");
      if (id && code) formats[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = attribute(attrs, "numFmtId");
      xf_formats.push_back(id ? std::atoi(id) : 0);
      if (xf_formats.size() > 100000) {
        fail(too_large("bảng kiểu định dạng quá lớn.", "too many cell styles"));
      }
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  static bool is_date_code(const std::string& code) {
    bool in_quote = false, in_bracket = false;
    for (char c : code) {
      if (c == '"') in_quote = !in_quote;
      if (in_quote) continue;
      if (c == '[') in_bracket = true;
      if (c == ']') in_bracket = false;
      if (in_bracket) continue;
      if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') return true;
    }
    return false;
  }
  std::vector<bool> date_styles() const {
    std::vector<bool> out;
    out.reserve(xf_formats.size());
    for (int id : xf_formats) {
      bool date =
          (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
      auto it = formats.find(id);
      if (it != formats.end()) date = is_date_code(it->second);
      out.push_back(date);
    }
    return out;
  }
};

struct SharedStringsHandler : Handler {
  std::vector<std::string> strings;
  std::uint64_t bytes = 0;
  std::string current;
  bool in_si = false, in_t = false;
  int phonetic = 0;
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      in_si = true;
      current.clear();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t" && in_si && phonetic == 0) {
      in_t = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      in_t = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "si") {
      in_si = false;
      if (strings.size() >= limits->max_shared_strings) {
        fail(
            too_large("có hơn " + std::to_string(limits->max_shared_strings) + " chuỗi dùng chung.",
                      "too many shared strings"));
        return;
      }
      bytes += current.size();
      if (bytes > limits->max_shared_string_bytes) {
        fail(too_large("bảng chuỗi dùng chung lớn hơn " +
                           std::to_string(limits->max_shared_string_bytes >> 20) + " MiB.",
                       "shared strings over the byte limit"));
        return;
      }
      strings.push_back(std::move(current));
      current.clear();
    }
  }
  void text(const XML_Char* s, int len) override {
    if (!in_t) return;
    current.append(s, static_cast<std::size_t>(len));
    if (current.size() > limits->max_cell_bytes) {
      fail(too_large("có chuỗi dài hơn " + std::to_string(limits->max_cell_bytes) + " byte.",
                     "shared string too long"));
    }
  }
};

struct SheetHandler : Handler {
  const std::vector<std::string>* shared = nullptr;
  const std::vector<bool>* date_styles = nullptr;
  const RowSink* sink = nullptr;
  Row row;
  bool in_row = false, in_value = false, in_inline = false, in_cell = false;
  int column = -1;
  std::string type;
  int style = 0;
  std::string value;
  bool has_value = false;
  std::int64_t last_row = 0;

  Error at(const std::string& vi, const std::string& en) const {
    std::string where =
        row.sheet + "!" + column_name(std::max(column, 0)) + std::to_string(row.number);
    return malformed("ô " + where + ": " + vi, where + ": " + en);
  }

  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "row") {
      in_row = true;
      row.cells.clear();
      const char* r = attribute(attrs, "r");
      std::int64_t number = last_row + 1;
      if (r) {
        std::int64_t parsed = 0;
        auto [ptr, ec] = std::from_chars(r, r + std::strlen(r), parsed);
        if (ec != std::errc() || *ptr != '\0' || parsed < 1) {
          fail(malformed("số dòng «" + std::string(r) + "» không hợp lệ.", "bad row number"));
          return;
        }
        number = parsed;
      }
      if (number > limits->max_rows) {
        fail(too_large("có dòng số " + std::to_string(number) + ", quá giới hạn " +
                           std::to_string(limits->max_rows) + " dòng.",
                       "row number over the limit"));
        return;
      }
      row.number = number;
      last_row = number;
      column = -1;
    } else if (name == "c" && in_row) {
      in_cell = true;
      const char* r = attribute(attrs, "r");
      if (r) {
        int parsed_row = 0;
        int c = column_of_reference(r, &parsed_row);
        if (c < 0) {
          fail(malformed("địa chỉ ô «" + std::string(r) + "» không hợp lệ.", "bad cell reference"));
          return;
        }
        column = c;
      } else {
        ++column;
      }
      const char* t = attribute(attrs, "t");
      type = t ? t : "n";
      const char* s = attribute(attrs, "s");
      style = s ? std::atoi(s) : 0;
      value.clear();
      has_value = false;
    } else if (in_cell && name == "v") {
      in_value = true;
      has_value = true;
    } else if (in_cell && name == "is") {
      in_inline = true;
      has_value = true;
    } else if (in_inline && name == "t") {
      in_value = true;
    }
  }

  void text(const XML_Char* s, int len) override {
    if (!in_value) return;
    value.append(s, static_cast<std::size_t>(len));
    if (value.size() > limits->max_cell_bytes) {
      fail(at("dài hơn " + std::to_string(limits->max_cell_bytes) + " byte.", "cell too long"));
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value = false;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      if (!has_value) return;
      finish_cell();
    } else if (name == "row" && in_row) {
      in_row = false;
      bool any = false;
      for (const auto& c : row.cells) any = any || c.kind != CellKind::empty;
      if (!any) return;
      Status st = (*sink)(row);
      if (!st.ok()) fail(st.error());
    }
  }

  void finish_cell() {
    Cell cell;
    if (type == "s") {
      std::size_t index = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec != std::errc() || ptr != value.data() + value.size() || index >= shared->size()) {
        fail(at("tham chiếu chuỗi dùng chung «" + value + "» không tồn tại.",
                "shared string index out of range"));
        return;
      }
      cell.text = (*shared)[index];
      cell.kind = cell.text.empty() ? CellKind::empty : CellKind::text;
    } else if (type == "inlineStr" || type == "str" || type == "e" || type == "d") {
      cell.text = value;
      cell.kind = cell.text.empty() ? CellKind::empty : CellKind::text;
    } else {
      if (value.empty()) return;
      double number = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (ec != std::errc() || ptr != value.data() + value.size()) {
        fail(at("giá trị số «" + value + "» không hợp lệ.", "malformed number"));
        return;
      }
      cell.number = number;
      cell.text = value;
      bool date = type == "n" && style >= 0 && date_styles &&
                  static_cast<std::size_t>(style) < date_styles->size() &&
                  (*date_styles)[static_cast<std::size_t>(style)];
      cell.kind = date ? CellKind::date : CellKind::number;
    }
    if (cell.kind == CellKind::empty) return;
    if (column >= limits->max_columns) {
      fail(at("nằm ngoài giới hạn " + std::to_string(limits->max_columns) + " cột.",
              "column over the limit"));
      return;
    }
    const auto index = static_cast<std::size_t>(column);
    if (row.cells.size() <= index) row.cells.resize(index + 1);
    row.cells[index] = std::move(cell);
  }
};

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" absolute.
std::string resolve_target(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

Result<XlsxInfo> read_package(zip_t* zip, const std::string& sheet, const Limits& limits,
                              const RowSink& sink) {
  Package package(zip, limits);
  XlsxInfo info;
  WorkbookHandler workbook;
  DANGVU_TRY(package.parse("xl/workbook.xml", workbook, true));
  info.date1904 = workbook.date1904;
  for (const auto& s : workbook.sheets) info.sheets.push_back(s.name);
  if (workbook.sheets.empty()) {
    return malformed("sổ tính không có trang tính nào.", "workbook without sheets");
  }
  const WorkbookHandler::Sheet* chosen = &workbook.sheets.front();
  if (!sheet.empty()) {
    chosen = nullptr;
    for (const auto& s : workbook.sheets) {
      if (s.name == sheet) chosen = &s;
    }
    if (!chosen) {
      std::string names;
      for (const auto& s : workbook.sheets) names += (names.empty() ? "«" : ", «") + s.name + "»";
      return Error::not_found(
          "sheet", "Trường «sheet»: không có trang tính «" + sheet + "»; tệp có " + names + ".",
          "unknown sheet");
    }
  }
  info.sheet = chosen->name;
  RelsHandler rels;
  DANGVU_TRY(package.parse("xl/_rels/workbook.xml.rels", rels, true));
  auto target = rels.targets.find(chosen->rel);
  if (target == rels.targets.end()) {
    return malformed("không tìm thấy dữ liệu của trang tính «" + chosen->name + "».",
                     "sheet relationship missing");
  }
  StylesHandler styles;
  DANGVU_TRY(package.parse("xl/styles.xml", styles, false));
  const std::vector<bool> date_styles = styles.date_styles();
  SharedStringsHandler shared;
  DANGVU_TRY(package.parse("xl/sharedStrings.xml", shared, false));
  info.shared_strings = shared.strings.size();
  SheetHandler sheet_handler;
  sheet_handler.shared = &shared.strings;
  sheet_handler.date_styles = &date_styles;
  sheet_handler.sink = &sink;
  sheet_handler.row.sheet = chosen->name;
  DANGVU_TRY(package.parse(resolve_target(target->second), sheet_handler, true));
  return info;
}

Error open_error(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string detail = zip_error_strerror(&error);
  zip_error_fini(&error);
  return malformed(
      "không mở được tệp như một bảng tính Excel (.xlsx): tệp hỏng hoặc không "
      "phải định dạng XLSX.",
      "not a zip package: " + detail);
}

}  // namespace

bool looks_like_zip(std::string_view data) {
  return data.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

Result<XlsxInfo> read_xlsx_file(const std::string& path, const std::string& sheet,
                                const Limits& limits, const RowSink& sink) {
  int code = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!zip) {
    if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_READ) {
      return Error::io("Không đọc được tệp «" + path + "».", "cannot open " + path);
    }
    return open_error(code);
  }
  return read_package(zip, sheet, limits, sink);
}

Result<XlsxInfo> read_xlsx_bytes(std::string_view data, const std::string& sheet,
                                 const Limits& limits, const RowSink& sink) {
  if (data.size() > limits.max_file_bytes) {
    return too_large(
        "tệp lớn hơn giới hạn " + std::to_string(limits.max_file_bytes >> 20) + " MiB.",
        "file over the size limit");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return Error::io("Không đủ bộ nhớ để đọc tệp.", "zip_source_buffer_create failed");
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!zip) {
    int code = zip_error_code_zip(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return open_error(code);
  }
  zip_error_fini(&error);
  return read_package(zip, sheet, limits, sink);
}

}  // namespace dangvu::io
