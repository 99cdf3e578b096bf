#include "report/dues_document.h"

#include <algorithm>
#include <functional>

#include "report/blocks.h"
#include "report/format.h"
#include "report/party_format.h"
#include "text/case.h"

namespace dangvu::report {
namespace {

Cell count(std::int64_t v) { return Cell::of_integer(static_cast<double>(v)); }

// A table of one row per org and a total row: its columns after STT and the org's name.
Table by_org(const DuesDocInput& in, std::string id, std::string title,
             std::vector<std::string> columns,
             const std::function<std::vector<Cell>(const DuesDocRow&)>& cells) {
  Table t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.header = {"STT", "Tổ chức đảng"};
  t.header.insert(t.header.end(), columns.begin(), columns.end());
  auto row = [&](std::string stt, const DuesDocRow& r) {
    std::vector<Cell> out{Cell::of_text(std::move(stt)), Cell::of_text(r.label)};
    for (auto& c : cells(r)) out.push_back(std::move(c));
    return out;
  };
  int number = 0;
  for (const auto& l : in.lines) t.rows.push_back(row(std::to_string(++number), l));
  DuesDocRow total = in.total;
  total.label = "Tổng cộng";
  t.rows.push_back(row("", total));
  return t;
}

// Who should pay and who did.
Table members_by_org(const DuesDocInput& in) {
  return by_org(in, "dues_members", "Biểu 1. Đảng viên đóng đảng phí theo tổ chức đảng",
                {"Đảng viên", "Phải đóng", "Đã đóng đủ", "Còn nợ", "Được miễn", "Được giảm"},
                [](const DuesDocRow& r) {
                  const auto& f = r.figures;
                  return std::vector<Cell>{count(f.members),        count(f.members_owing),
                                           count(f.members_paid),   count(f.members_unpaid),
                                           count(f.members_exempt), count(f.members_reduced)};
                });
}

// The money owed, collected and outstanding (đồng).
Table money_by_org(const DuesDocInput& in) {
  return by_org(in, "dues_money", "Biểu 2. Thu đảng phí theo tổ chức đảng (đồng)",
                {"Phải thu", "Đã thu", "Tỷ lệ (%)", "Còn nợ"}, [](const DuesDocRow& r) {
                  const auto& f = r.figures;
                  return std::vector<Cell>{count(f.owed), count(f.collected),
                                           Cell::of_percent(r.percent), count(f.outstanding)};
                });
}

// What each org keeps of what it collected and sends up (đồng).
Table shares_by_org(const DuesDocInput& in) {
  return by_org(in, "dues_shares", "Biểu 3. Trích giữ lại và nộp cấp trên (đồng)",
                {"Đã thu", "Trích giữ lại", "Phải nộp cấp trên", "Đã nộp cấp trên", "Còn phải nộp"},
                [](const DuesDocRow& r) {
                  const auto& f = r.figures;
                  return std::vector<Cell>{count(f.collected), count(f.kept), count(f.remitted),
                                           count(f.sent_up),
                                           count(std::max<Money>(0, f.remitted - f.sent_up))};
                });
}

Table by_month(const DuesDocInput& in) {
  Table t;
  t.id = "dues_by_month";
  t.title = "Biểu 4. Thu đảng phí theo tháng (đồng)";
  t.header = {"STT",      "Tháng",  "Đảng viên", "Phải đóng",
              "Phải thu", "Đã thu", "Tỷ lệ (%)", "Còn nợ"};
  int number = 0;
  for (const auto& m : in.months) {
    const auto& f = m.figures;
    t.rows.push_back({Cell::of_text(std::to_string(++number)), Cell::of_text(m.label),
                      count(f.members), count(f.members_owing), count(f.owed), count(f.collected),
                      Cell::of_percent(m.percent), count(f.outstanding)});
  }
  return t;
}

}  // namespace

std::optional<std::string> dues_rate_sentence(const figures::DuesFigures& f,
                                              std::optional<double> percent) {
  if (!percent) return std::nullopt;
  return "Thu đảng phí đạt " + format_percent(*percent) + " (đã thu " +
         format_integer(f.collected) + " đồng trên " + format_integer(f.owed) + " đồng phải thu).";
}

Document build_dues_document(const DuesDocInput& in) {
  Document d;
  const Issuer& i = in.issuer;
  d.superior = text::to_upper_vi(i.superior);
  d.issuer = text::to_upper_vi(i.committee);
  d.number = "Số       -BC/" + i.symbol;
  d.place_date = place_date_line(i.place, in.as_of);
  d.kind_title = "BÁO CÁO";
  d.title = "Tình hình thu, nộp đảng phí " + in.period.label_vi() + " (số liệu đến ngày " +
            in.as_of.vi() + ")";
  const auto& f = in.total.figures;
  Section summary{"I. KẾT QUẢ THU, NỘP ĐẢNG PHÍ", 1, {}};
  std::string members = "Trong kỳ, " + format_integer(f.members) +
                        " đảng viên có tên trong sổ thu đảng phí, trong đó " +
                        format_integer(f.members_owing) + " đảng viên phải đóng";
  std::vector<std::string> relieved;
  if (f.members_exempt > 0) relieved.push_back(format_integer(f.members_exempt) + " được miễn");
  if (f.members_reduced > 0) relieved.push_back(format_integer(f.members_reduced) + " được giảm");
  if (!relieved.empty()) {
    members += "; " + relieved.front() + (relieved.size() > 1 ? ", " + relieved.back() : "") +
               " (cả kỳ hoặc một số tháng)";
  }
  summary.blocks.push_back(paragraph(members + "."));
  if (auto rate = dues_rate_sentence(f, in.total.percent)) {
    summary.blocks.push_back(paragraph(*rate));
  }
  std::string shares = "Số trích giữ lại theo quy định: " + format_integer(f.kept) +
                       " đồng; số phải nộp lên cấp trên: " + format_integer(f.remitted) +
                       " đồng, đã nộp " + format_integer(f.sent_up) + " đồng";
  if (f.remitted > f.sent_up) {
    shares += ", còn phải nộp " + format_integer(f.remitted - f.sent_up) + " đồng";
  }
  summary.blocks.push_back(paragraph(shares + "."));
  if (f.members_unpaid > 0) {
    summary.blocks.push_back(paragraph(
        "Còn " + format_integer(f.members_unpaid) + " đảng viên chưa đóng đủ (" +
        format_integer(f.months_unpaid) + " tháng, " + format_integer(f.outstanding) + " đồng)."));
  } else if (f.members_owing > 0) {
    summary.blocks.push_back(paragraph("Không có đảng viên nợ đảng phí."));
  }
  d.sections.push_back(std::move(summary));
  Section tables{"II. SỐ LIỆU CHI TIẾT", 1, {}};
  tables.blocks.push_back(table_block(members_by_org(in)));
  tables.blocks.push_back(table_block(money_by_org(in)));
  tables.blocks.push_back(table_block(shares_by_org(in)));
  tables.blocks.push_back(table_block(by_month(in)));
  d.sections.push_back(std::move(tables));
  d.signer_authority = i.authority;
  d.signer_title = i.signer_title;
  d.signer_name = i.signer_name;
  if (!i.superior_recipient.empty())
    d.recipients.push_back(i.superior_recipient + " (để báo cáo),");
  d.recipients.push_back(archive_line(i));
  return d;
}

}  // namespace dangvu::report
