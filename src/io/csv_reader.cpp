// RFC 4180 CSV with encoding and separator detection.
#include "io/csv_reader.h"

#include "text/normalize.h"

namespace dangvu::io {
namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Error too_large(const std::string& what_vi, const std::string& what_en) {
  Error e = Error::invalid("file", "Tệp CSV: " + what_vi, "csv: " + what_en);
  e.kind = ErrorKind::too_large;
  return e;
}

Result<std::string> from_utf16(std::string_view data, bool little_endian) {
  if (data.size() % 2 != 0) {
    return Error::invalid("file", "Tệp CSV: mã UTF-16 bị cắt cụt (số byte lẻ).",
                          "csv: odd byte count in UTF-16");
  }
  std::string out;
  out.reserve(data.size());
  for (std::size_t i = 0; i < data.size(); i += 2) {
    auto b0 = static_cast<unsigned char>(data[i]);
    auto b1 = static_cast<unsigned char>(data[i + 1]);
    char32_t u = little_endian ? static_cast<char32_t>(b0 | (b1 << 8))
                               : static_cast<char32_t>((b0 << 8) | b1);
    if (u >= 0xD800 && u < 0xDC00) {
      if (i + 3 >= data.size()) {
        return Error::invalid("file", "Tệp CSV: mã UTF-16 không hợp lệ (cặp thay thế thiếu).",
                              "csv: truncated surrogate pair");
      }
      auto c0 = static_cast<unsigned char>(data[i + 2]);
      auto c1 = static_cast<unsigned char>(data[i + 3]);
      char32_t lo = little_endian ? static_cast<char32_t>(c0 | (c1 << 8))
                                  : static_cast<char32_t>((c0 << 8) | c1);
      if (lo < 0xDC00 || lo > 0xDFFF) {
        return Error::invalid("file", "Tệp CSV: mã UTF-16 không hợp lệ (cặp thay thế sai).",
                              "csv: bad surrogate pair");
      }
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return Error::invalid("file", "Tệp CSV: mã UTF-16 không hợp lệ (cặp thay thế lẻ).",
                            "csv: lone low surrogate");
    }
    append_utf8(out, u);
  }
  return out;
}

char detect_separator(std::string_view text) {
  int semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
    if (c == '\t') ++tabs;
  }
  if (tabs > commas && tabs > semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

}  // namespace

Result<CsvInfo> read_csv(std::string_view data, const Limits& limits, const RowSink& sink) {
  if (data.size() > limits.max_file_bytes) {
    return too_large(
        "tệp lớn hơn giới hạn " + std::to_string(limits.max_file_bytes >> 20) + " MiB.",
        "file over the size limit");
  }
  CsvInfo info;
  std::string decoded;
  std::string_view text;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") {
    text = data.substr(3);
    info.encoding = "utf-8";
  } else if (data.substr(0, 2) == "\xFF\xFE" || data.substr(0, 2) == "\xFE\xFF") {
    bool little = data[0] == '\xFF';
    auto u = from_utf16(data.substr(2), little);
    if (!u.ok()) return u.error();
    decoded = std::move(*u);
    text = decoded;
    info.encoding = little ? "utf-16le" : "utf-16be";
  } else {
    text = data;
    info.encoding = "utf-8";
  }
  if (info.encoding == "utf-8" && !text::is_valid_utf8(text)) {
    if (data.substr(0, 3) == "\xEF\xBB\xBF") {
      return Error::invalid("file",
                            "Tệp CSV: có dấu BOM UTF-8 nhưng nội dung không phải UTF-8 hợp lệ.",
                            "csv: BOM but invalid UTF-8");
    }
    // Legacy single-byte text: each byte is the code point of the same value.
    decoded.clear();
    decoded.reserve(text.size() * 2);
    for (char c : text) append_utf8(decoded, static_cast<unsigned char>(c));
    text = decoded;
    info.encoding = "bytes";
  }
  info.separator = detect_separator(text);

  Row row;
  row.number = 1;
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field was quoted and is closed
  bool row_has_data = false;
  auto fail_row = [&](const std::string& vi, const std::string& en) {
    return Error::invalid("file", "Tệp CSV, dòng " + std::to_string(row.number) + ": " + vi,
                          "csv row " + std::to_string(row.number) + ": " + en);
  };
  auto end_field = [&]() -> Status {
    if (static_cast<int>(row.cells.size()) >= limits.max_columns) {
      return too_large("dòng " + std::to_string(row.number) + " có hơn " +
                           std::to_string(limits.max_columns) + " cột.",
                       "too many columns");
    }
    Cell cell;
    if (!field.empty()) {
      cell.kind = CellKind::text;
      cell.text = std::move(field);
    }
    row.cells.push_back(std::move(cell));
    field.clear();
    was_quoted = false;
    return {};
  };
  auto end_row = [&]() -> Status {
    DANGVU_TRY(end_field());
    bool any = false;
    for (const auto& c : row.cells) any = any || c.kind != CellKind::empty;
    if (any) DANGVU_TRY(sink(row));
    row.cells.clear();
    ++row.number;
    if (row.number > limits.max_rows + 1) {
      return too_large("hơn " + std::to_string(limits.max_rows) + " dòng.", "too many rows");
    }
    row_has_data = false;
    return {};
  };

  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
          was_quoted = true;
        }
      } else {
        field += c;
      }
      if (field.size() > limits.max_cell_bytes) {
        return too_large("dòng " + std::to_string(row.number) + " có một ô dài hơn " +
                             std::to_string(limits.max_cell_bytes) + " byte.",
                         "cell too long");
      }
      continue;
    }
    if (c == info.separator) {
      DANGVU_TRY(end_field());
      row_has_data = true;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      DANGVU_TRY(end_row());
      continue;
    }
    if (was_quoted) {
      return fail_row(
          "có ký tự sau dấu ngoặc kép đóng; một ô có ngoặc kép phải kết thúc ngay "
          "sau dấu ngoặc kép (RFC 4180).",
          "text after a closing quote");
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      row_has_data = true;
      continue;
    }
    field += c;  // a quote inside an unquoted field is kept as Excel does
    row_has_data = true;
    if (field.size() > limits.max_cell_bytes) {
      return too_large("dòng " + std::to_string(row.number) + " có một ô dài hơn " +
                           std::to_string(limits.max_cell_bytes) + " byte.",
                       "cell too long");
    }
  }
  if (quoted) {
    return fail_row("dấu ngoặc kép mở nhưng không đóng đến hết tệp.", "unterminated quote");
  }
  if (row_has_data || !field.empty() || was_quoted || !row.cells.empty()) DANGVU_TRY(end_row());
  return info;
}

}  // namespace dangvu::io
