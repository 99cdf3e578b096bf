// Organization list sheets: headers, encodings and dates.
#include "io/org_sheet.h"

#include "io/dates.h"
#include "io/source.h"
#include "text/fold.h"
#include "text/normalize.h"

namespace dangvu::io {
namespace {

struct FieldInfo {
  OrgField field;
  const char* name;
  const char* label;
};
constexpr FieldInfo kFields[] = {
    {OrgField::ignore, "ignore", "(bỏ qua)"},
    {OrgField::code, "code", "Mã tổ chức"},
    {OrgField::name, "name", "Tên tổ chức"},
    {OrgField::kind, "kind", "Loại tổ chức"},
    {OrgField::parent, "parent", "Trực thuộc (mã cấp trên)"},
    {OrgField::founded, "founded", "Ngày thành lập"},
};

// Header spellings, folded; as in the member sheet, several-word spellings also match a longer
// header that starts with them.
struct Spelling {
  const char* folded;
  OrgField field;
};
constexpr Spelling kSpellings[] = {
    {"ma", OrgField::code},
    {"ma to chuc", OrgField::code},
    {"ma to chuc dang", OrgField::code},
    {"ma don vi", OrgField::code},
    {"ma chi bo", OrgField::code},
    {"ten to chuc", OrgField::name},
    {"ten to chuc dang", OrgField::name},
    {"ten don vi", OrgField::name},
    {"ten chi bo", OrgField::name},
    {"ten", OrgField::name},
    {"loai", OrgField::kind},
    {"loai to chuc", OrgField::kind},
    {"loai hinh", OrgField::kind},
    {"loai hinh to chuc", OrgField::kind},
    {"truc thuoc", OrgField::parent},
    {"cap tren", OrgField::parent},
    {"ma cap tren", OrgField::parent},
    {"to chuc cap tren", OrgField::parent},
    {"ma to chuc cap tren", OrgField::parent},
    {"ngay thanh lap", OrgField::founded},
    {"thanh lap ngay", OrgField::founded},
    {"ngay thanh lap to chuc", OrgField::founded},
    {"stt", OrgField::ignore},
    {"tt", OrgField::ignore},
    {"cap", OrgField::ignore},
    {"ghi chu", OrgField::ignore},
};

constexpr int kHeaderSearchRows = 30;

struct Builder {
  const SheetOptions& options;
  OrgSheet sheet;
  int rows_before_header = 0;
  bool header_found = false;
  std::vector<Row> data;

  std::optional<OrgField> user_field(const std::string& header, int column) const {
    for (const auto& [key, value] : options.mapping) {
      if (key == column_name(column) || text::fold(key) == text::fold(header)) {
        return parse_org_field(value);
      }
    }
    return std::nullopt;
  }

  Status on_row(const Row& row) {
    if (!header_found) {
      std::vector<OrgColumn> cols;
      bool has_code = false, has_name = false;
      for (int c = 0; c < static_cast<int>(row.cells.size()); ++c) {
        const Cell& cell = row.cells[static_cast<std::size_t>(c)];
        if (cell.kind == CellKind::empty && !user_field("", c)) continue;
        OrgColumn m;
        m.column = c;
        std::vector<std::string_view> one{cell.text};
        m.header = decode(cell_text(cell), detect_encoding(one));
        if (auto f = user_field(m.header, c)) {
          m.field = *f;
          m.by_user = true;
        } else {
          m.field = org_field_of_header(m.header).value_or(OrgField::ignore);
        }
        has_code = has_code || m.field == OrgField::code;
        has_name = has_name || m.field == OrgField::name;
        cols.push_back(std::move(m));
      }
      if (has_code && has_name) {
        header_found = true;
        sheet.header_row = row.number;
        sheet.columns = std::move(cols);
        return {};
      }
      if (++rows_before_header > kHeaderSearchRows) {
        return Error::invalid("header",
                              "Trường «header»: không tìm thấy dòng tiêu đề trong " +
                                  std::to_string(kHeaderSearchRows) +
                                  " dòng đầu; cần ít nhất cột «Mã tổ chức» và «Tên tổ chức».",
                              "no header row found");
      }
      return {};
    }
    if (is_numbering_row(row) && data.empty()) return {};
    Row kept;
    kept.number = row.number;
    kept.cells.resize(sheet.columns.size());
    bool any = false;
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
      const auto& m = sheet.columns[i];
      if (m.field == OrgField::ignore || m.column >= static_cast<int>(row.cells.size())) continue;
      kept.cells[i] = row.cells[static_cast<std::size_t>(m.column)];
      any = any || kept.cells[i].kind != CellKind::empty;
    }
    if (any) data.push_back(std::move(kept));
    return {};
  }

  void finish(bool date1904) {
    const std::size_t ncols = sheet.columns.size();
    std::vector<DateOrder> orders(ncols, DateOrder::unsettled);
    for (std::size_t i = 0; i < ncols; ++i) {
      auto& m = sheet.columns[i];
      if (m.field == OrgField::ignore) continue;
      std::vector<std::string_view> texts;
      for (const auto& row : data) {
        if (row.cells[i].kind == CellKind::text) texts.push_back(row.cells[i].text);
      }
      m.encoding = detect_encoding(texts);
      orders[i] = settle_order(texts);
      if (m.encoding == TextEncoding::unicode) continue;
      for (auto t : texts) {
        if (std::string after = decode(t, m.encoding); after != t) {
          m.sample_before = std::string(t);
          m.sample_after = after;
          break;
        }
      }
    }
    for (const auto& row : data) {
      OrgRecord r;
      r.row = row.number;
      for (std::size_t i = 0; i < ncols; ++i) {
        const auto& m = sheet.columns[i];
        const Cell& cell = row.cells[i];
        if (m.field == OrgField::ignore || cell.kind == CellKind::empty) continue;
        std::string raw = cell_text(cell);
        std::string value = (cell.kind == CellKind::text && !is_certainly_unicode(raw))
                                ? decode(raw, m.encoding)
                                : text::to_nfc(raw);
        switch (m.field) {
          case OrgField::code: r.code = value; break;
          case OrgField::name: r.name = value; break;
          case OrgField::kind: r.kind = value; break;
          case OrgField::parent: r.parent = value; break;
          case OrgField::founded: {
            Cell c = cell;
            if (c.kind == CellKind::text) c.text = value;
            auto d = parse_date_cell(c, orders[i], date1904, options.this_year);
            Problem p{sheet.sheet, r.row, column_name(m.column), "founded", "", false};
            if (!d.date) {
              p.message_vi = "Cột «" + m.header + "»: " + d.error_vi;
              add_problem(sheet.problems, sheet.omitted, p);
              r.has_errors = true;
            } else if (!d.warning_vi.empty()) {
              p.message_vi = "Cột «" + m.header + "»: " + d.warning_vi;
              p.warning = true;
              add_problem(sheet.problems, sheet.omitted, p);
            }
            r.founded = d.date;
            break;
          }
          case OrgField::ignore: break;
        }
      }
      sheet.records.push_back(std::move(r));
    }
    data.clear();
  }
};

}  // namespace

std::string_view to_string(OrgField f) {
  for (const auto& i : kFields) {
    if (i.field == f) return i.name;
  }
  return "ignore";
}

std::optional<OrgField> parse_org_field(std::string_view name) {
  std::string folded = text::fold(name);
  for (const auto& i : kFields) {
    if (name == i.name || folded == text::fold(i.label)) return i.field;
  }
  if (folded == "bo qua") return OrgField::ignore;
  return std::nullopt;
}

std::string_view label_vi(OrgField f) {
  for (const auto& i : kFields) {
    if (i.field == f) return i.label;
  }
  return "";
}

std::string org_field_names() {
  std::string names;
  for (const auto& i : kFields) names += (names.empty() ? "" : ", ") + std::string(i.name);
  return names;
}

std::vector<OrgField> org_fields() {
  std::vector<OrgField> out;
  for (const auto& i : kFields) {
    if (i.field != OrgField::ignore) out.push_back(i.field);
  }
  out.push_back(OrgField::ignore);
  return out;
}

std::optional<OrgField> org_field_of_header(std::string_view header) {
  return field_of_folded_header(text::fold(header), kSpellings);
}

Result<OrgSheet> read_org_sheet(std::string_view data, const SheetOptions& options) {
  Builder builder{options, {}, 0, false, {}};
  auto info = read_rows(data, options.sheet, options.limits,
                        [&](const Row& row) { return builder.on_row(row); });
  if (!info.ok()) return info.error();
  builder.sheet.sheet = info->sheet;
  builder.sheet.format = info->format;
  if (!builder.header_found) {
    return Error::invalid("header",
                          "Trường «header»: không tìm thấy dòng tiêu đề; cần ít nhất cột «Mã tổ "
                          "chức» và «Tên tổ chức», hoặc chỉ định bằng --map \"Tên cột=code\".",
                          "no header row found");
  }
  builder.finish(info->date1904);
  return std::move(builder.sheet);
}

}  // namespace dangvu::io
