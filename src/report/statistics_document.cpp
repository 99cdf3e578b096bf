#include "report/statistics_document.h"

#include "report/blocks.h"
#include "report/party_format.h"
#include "text/case.h"

namespace dangvu::report {
namespace {

Cell value_cell(std::optional<double> v, bool decimal) {
  if (!v) return Cell::of_text("—");
  if (decimal) return Cell{{}, *v, CellFormat::decimal1};
  return Cell::of_integer(*v);
}

Table table_of(const figures::ComparedTable& t) {
  Table out;
  out.id = t.id;
  out.header = {"STT", "Chỉ tiêu", "Kỳ này", "Cùng kỳ năm trước", "So với cùng kỳ (%)"};
  int number = 0;
  for (const auto& l : t.lines) {
    const std::string stt = l.level == 0 ? std::to_string(++number) : "";
    const std::string label = l.level == 0   ? l.label
                              : l.level == 1 ? "- " + l.label
                                             : "+ " + l.label;
    out.rows.push_back({Cell::of_text(stt), Cell::of_text(label), value_cell(l.value, l.decimal),
                        value_cell(l.last_year, l.decimal),
                        l.decimal ? Cell::of_text("") : Cell::of_percent(l.percent)});
  }
  return out;
}

}  // namespace

Document build_statistics_document(const StatisticsDocInput& in) {
  Document d;
  const Issuer& i = in.issuer;
  if (in.upper_committee) {
    // Prepared and signed by the committee's Organization Commission.
    d.superior = text::to_upper_vi(i.committee);
    d.issuer = "BAN TỔ CHỨC";
    d.signer_title = "TRƯỞNG BAN";
  } else {
    d.superior = text::to_upper_vi(i.superior);
    d.issuer = text::to_upper_vi(i.committee);
    d.signer_authority = i.authority;
    d.signer_title = i.signer_title;
    d.signer_name = i.signer_name;
  }
  d.place_date = place_date_line(i.place, in.as_of);
  d.kind_title = "BIỂU THỐNG KÊ";
  d.title = "Đảng viên và tổ chức đảng " + in.period.label_vi() + " (số liệu đến ngày " +
            in.as_of.vi() + ")";
  for (const auto& t : in.tables) {
    // The table's title heads it (and names its sheet in the spreadsheet).
    Section s{"", 1, {}};
    Table table = table_of(t);
    table.title = t.title;
    s.blocks.push_back(table_block(std::move(table)));
    d.sections.push_back(std::move(s));
  }
  d.left_signer_title = "NGƯỜI LẬP BIỂU";
  if (!in.failed.empty()) {
    Section s{"ĐỐI CHIẾU SỐ LIỆU: CÓ CHỖ CHƯA KHỚP", 1, {}};
    for (const auto& f : in.failed) {
      s.blocks.push_back(bullet(f));
    }
    d.annex.push_back(std::move(s));
  }
  return d;
}

}  // namespace dangvu::report
