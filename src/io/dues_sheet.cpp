#include "io/dues_sheet.h"

#include <charconv>

#include "io/dates.h"
#include "io/legacy.h"
#include "io/source.h"
#include "text/fold.h"

namespace dangvu::io {
namespace {

struct Spelling {
  const char* folded;
  DuesField field;
};
constexpr Spelling kSpellings[] = {
    {"so the dang vien", DuesField::card_number},
    {"so the", DuesField::card_number},
    {"the dang vien", DuesField::card_number},
    {"so the dv", DuesField::card_number},
    {"so dinh danh ca nhan", DuesField::citizen_id},
    {"so dinh danh", DuesField::citizen_id},
    {"ma dinh danh", DuesField::citizen_id},
    {"so cccd", DuesField::citizen_id},
    {"cccd", DuesField::citizen_id},
    {"so can cuoc", DuesField::citizen_id},
    {"so can cuoc cong dan", DuesField::citizen_id},
    {"can cuoc cong dan", DuesField::citizen_id},
    {"ho va ten", DuesField::name},
    {"ho ten", DuesField::name},
    {"ho ten dang vien", DuesField::name},
    {"ten dang vien", DuesField::name},
    {"thang", DuesField::month},
    {"thang dong", DuesField::month},
    {"thang nop", DuesField::month},
    {"ky dong", DuesField::month},
    {"ky nop", DuesField::month},
    {"dang phi thang", DuesField::month},
    {"so tien", DuesField::amount},
    {"so tien nop", DuesField::amount},
    {"so tien dong", DuesField::amount},
    {"so tien dang phi", DuesField::amount},
    {"ngay nop", DuesField::paid_on},
    {"ngay dong", DuesField::paid_on},
    {"ngay giao dich", DuesField::paid_on},
    {"ngay thanh toan", DuesField::paid_on},
    {"ma giao dich", DuesField::reference},
    {"so giao dich", DuesField::reference},
    {"ma thanh toan", DuesField::reference},
    {"ma ho so", DuesField::reference},
    {"so bien lai", DuesField::reference},
    {"stt", DuesField::ignore},
    {"tt", DuesField::ignore},
    {"ghi chu", DuesField::ignore},
};

constexpr int kHeaderSearchRows = 30;

bool digits_only(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number_of(std::string_view s) {
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

// A card number or citizen ID has 12 digits; written as a number cell, Excel drops its leading
// zeros ("001085012345" → 1085012345): they are put back.
std::string twelve_digits(const Cell& c, const std::string& text) {
  if (c.kind == CellKind::number && digits_only(text) && text.size() < 12) {
    return std::string(12 - text.size(), '0') + text;
  }
  return text;
}

struct Builder {
  const SheetOptions& options;
  DuesSheet sheet;
  int rows_before_header = 0;
  bool header_found = false;
  std::vector<Row> data;

  std::optional<DuesField> user_field(const std::string& header, int column) const {
    for (const auto& [key, value] : options.mapping) {
      if (key == column_name(column) || text::fold(key) == text::fold(header)) {
        for (DuesField f :
             {DuesField::ignore, DuesField::card_number, DuesField::citizen_id, DuesField::name,
              DuesField::month, DuesField::amount, DuesField::paid_on, DuesField::reference}) {
          if (value == to_string(f)) return f;
        }
      }
    }
    return std::nullopt;
  }

  Status on_row(const Row& row) {
    if (!header_found) {
      std::vector<std::pair<int, DuesField>> cols;
      bool who = false, month = false, amount = false;
      for (int c = 0; c < static_cast<int>(row.cells.size()); ++c) {
        const Cell& cell = row.cells[static_cast<std::size_t>(c)];
        std::vector<std::string_view> one{cell.text};
        const std::string header = decode(cell_text(cell), detect_encoding(one));
        auto f = user_field(header, c);
        if (!f && cell.kind != CellKind::empty) f = dues_field_of_header(header);
        if (!f || *f == DuesField::ignore) continue;
        who = who || *f == DuesField::card_number || *f == DuesField::citizen_id;
        month = month || *f == DuesField::month;
        amount = amount || *f == DuesField::amount;
        cols.emplace_back(c, *f);
      }
      if (who && month && amount) {
        header_found = true;
        sheet.header_row = row.number;
        sheet.columns = std::move(cols);
        return {};
      }
      if (++rows_before_header > kHeaderSearchRows) {
        return Error::invalid(
            "header",
            "Trường «header»: không tìm thấy dòng tiêu đề trong " +
                std::to_string(kHeaderSearchRows) +
                " dòng đầu; cần ít nhất cột «Số thẻ đảng viên» hoặc «Số định danh cá nhân», "
                "cột «Tháng» và cột «Số tiền».",
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
      const int c = sheet.columns[i].first;
      if (c >= static_cast<int>(row.cells.size())) continue;
      kept.cells[i] = row.cells[static_cast<std::size_t>(c)];
      any = any || kept.cells[i].kind != CellKind::empty;
    }
    if (any) data.push_back(std::move(kept));
    return {};
  }

  void problem(DuesSheetRow& r, std::size_t i, std::string message) {
    const DuesField f = sheet.columns[i].second;
    add_problem(sheet.problems, sheet.omitted,
                {sheet.sheet, r.row, column_name(sheet.columns[i].first), std::string(to_string(f)),
                 "«" + std::string(label_vi(f)) + "»: " + message, false});
    r.has_errors = true;
  }

  void finish(bool date1904) {
    // The paid-on column's day and month order, from all its text dates.
    DateOrder paid_order = DateOrder::unsettled;
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
      if (sheet.columns[i].second != DuesField::paid_on) continue;
      std::vector<std::string_view> texts;
      for (const auto& row : data) {
        if (row.cells[i].kind == CellKind::text) texts.push_back(row.cells[i].text);
      }
      paid_order = settle_order(texts);
    }
    for (const auto& row : data) {
      DuesSheetRow r;
      r.row = row.number;
      for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
        const Cell& c = row.cells[i];
        const std::string text = cell_text(c);
        if (c.kind == CellKind::empty || text.empty()) continue;
        switch (sheet.columns[i].second) {
          case DuesField::card_number: r.card_number = twelve_digits(c, text); break;
          case DuesField::citizen_id: r.citizen_id = twelve_digits(c, text); break;
          case DuesField::name: r.name = text; break;
          case DuesField::reference: r.reference = text; break;
          case DuesField::month:
            if (c.kind == CellKind::date) {
              auto d = date_from_serial(c.number, date1904);
              if (d.date) r.month = d.date->add_days(1 - d.date->day());
            } else {
              r.month = parse_month_text(text);
            }
            if (!r.month) problem(r, i, "«" + text + "» không phải một tháng (ghi dạng 02/2026).");
            break;
          case DuesField::amount:
            if (c.kind == CellKind::number) {
              if (c.number >= 0 && c.number < 1e12 &&
                  c.number == static_cast<double>(static_cast<std::int64_t>(c.number))) {
                r.amount = static_cast<std::int64_t>(c.number);
              }
            } else {
              r.amount = parse_money_text(text);
            }
            if (!r.amount) {
              problem(r, i,
                      "«" + text + "» không phải một số tiền nguyên đồng (ghi dạng 100.000).");
            }
            break;
          case DuesField::paid_on: {
            auto d = parse_date_cell(c, paid_order, date1904, options.this_year);
            if (d.date) {
              r.paid_on = d.date;
            } else {
              problem(r, i, d.error_vi);
            }
            break;
          }
          case DuesField::ignore: break;
        }
      }
      if (r.card_number.empty() && r.citizen_id.empty()) {
        add_problem(
            sheet.problems, sheet.omitted,
            {sheet.sheet, r.row, "", "card_number",
             "Cần «Số thẻ đảng viên» hoặc «Số định danh cá nhân» để biết ai đã nộp.", false});
        r.has_errors = true;
      }
      for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
        const DuesField f = sheet.columns[i].second;
        const bool missing =
            (f == DuesField::month && !r.month && row.cells[i].kind == CellKind::empty) ||
            (f == DuesField::amount && !r.amount && row.cells[i].kind == CellKind::empty);
        if (missing) problem(r, i, "cần ghi.");
      }
      sheet.rows.push_back(std::move(r));
    }
  }
};

}  // namespace

std::string_view to_string(DuesField f) {
  switch (f) {
    case DuesField::ignore: return "ignore";
    case DuesField::card_number: return "card_number";
    case DuesField::citizen_id: return "citizen_id";
    case DuesField::name: return "name";
    case DuesField::month: return "month";
    case DuesField::amount: return "amount";
    case DuesField::paid_on: return "paid_on";
    case DuesField::reference: return "reference";
  }
  return "ignore";
}

std::string_view label_vi(DuesField f) {
  switch (f) {
    case DuesField::ignore: return "Bỏ qua";
    case DuesField::card_number: return "Số thẻ đảng viên";
    case DuesField::citizen_id: return "Số định danh cá nhân";
    case DuesField::name: return "Họ và tên";
    case DuesField::month: return "Tháng";
    case DuesField::amount: return "Số tiền";
    case DuesField::paid_on: return "Ngày nộp";
    case DuesField::reference: return "Mã giao dịch";
  }
  return "Bỏ qua";
}

std::optional<DuesField> dues_field_of_header(std::string_view header) {
  return field_of_folded_header(text::fold(header), kSpellings);
}

std::optional<Date> parse_month_text(std::string_view text) {
  std::string t = text::fold(text);  // "thang 2 2026", "2026 02", "t02 2026"
  if (t.rfind("thang ", 0) == 0) t = t.substr(6);
  if (!t.empty() && t[0] == 't' && t.size() > 1 && t[1] >= '0' && t[1] <= '9') t = t.substr(1);
  const std::size_t space = t.find(' ');
  if (space == std::string::npos || t.find(' ', space + 1) != std::string::npos) return {};
  const std::string_view a(t.data(), space), b(t.data() + space + 1, t.size() - space - 1);
  if (!digits_only(a) || !digits_only(b)) return {};
  int year = 0, month = 0;
  if (a.size() == 4 && b.size() <= 2) {
    year = number_of(a);
    month = number_of(b);
  } else if (a.size() <= 2 && b.size() == 4) {
    month = number_of(a);
    year = number_of(b);
  } else {
    return {};
  }
  auto d = Date::from_ymd(year, month, 1);
  if (!d.ok() || year < 1930 || year > 2200) return {};
  return *d;
}

std::optional<std::int64_t> parse_money_text(std::string_view text) {
  std::string digits;
  std::size_t i = 0;
  // Digits grouped by dots, commas or spaces; then at most a unit ("đ", "đồng", "VND").
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '.' && c != ',' && c != ' ') {
      break;
    }
  }
  const std::string unit = text::fold(text.substr(i));
  if (!unit.empty() && unit != "d" && unit != "dong" && unit != "vnd") return {};
  if (digits.empty() || digits.size() > 12) return {};
  // A decimal part is not whole đồng: "100.000,50" or "100000.5".
  const std::size_t last_sep = text.substr(0, i).find_last_of(".,");
  if (last_sep != std::string_view::npos) {
    std::size_t after = 0;
    for (std::size_t k = last_sep + 1; k < i && text[k] >= '0' && text[k] <= '9'; ++k) ++after;
    if (after != 3) return {};
  }
  std::int64_t v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

Result<DuesSheet> read_dues_sheet(std::string_view data, const SheetOptions& options) {
  Builder builder{options, {}, 0, false, {}};
  auto info = read_rows(data, options.sheet, options.limits,
                        [&](const Row& row) { return builder.on_row(row); });
  if (!info.ok()) return info.error();
  if (!builder.header_found) {
    return Error::invalid("header",
                          "Trường «header»: không tìm thấy dòng tiêu đề; cần ít nhất cột «Số thẻ "
                          "đảng viên» hoặc «Số định danh cá nhân», cột «Tháng» và cột «Số tiền».",
                          "no header row found");
  }
  builder.sheet.sheet = info->sheet;
  builder.sheet.format = info->format;
  builder.finish(info->date1904);
  return std::move(builder.sheet);
}

}  // namespace dangvu::io
