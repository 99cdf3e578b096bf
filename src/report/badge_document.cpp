#include "report/badge_document.h"

#include "report/blocks.h"
#include "report/format.h"
#include "report/party_format.h"
#include "text/case.h"

namespace dangvu::report {
namespace {

// "02/9/2026": the occasion as Party documents name it (the day with two digits, the month
// without its zero).
std::string occasion_vi(Date d) {
  std::string day = std::to_string(d.day());
  if (day.size() < 2) day.insert(0, "0");
  return day + "/" + std::to_string(d.month()) + "/" + std::to_string(d.year());
}

// The branch's name under the heading "Chi bộ": "Phòng Tổ chức cán bộ" for "Chi bộ Phòng Tổ
// chức cán bộ".
std::string branch(const std::string& name) {
  const std::string prefix = "Chi bộ ";
  return name.starts_with(prefix) && name.size() > prefix.size() ? name.substr(prefix.size())
                                                                 : name;
}

std::string count_words(int n) { return format_integer(n) + " đồng chí"; }

Table member_list(const BadgeDocInput& in) {
  Table t;
  t.id = "badge_list";
  t.title = "Danh sách đảng viên";
  t.header = {"STT",           "Họ và tên",      "Năm sinh",          "Chi bộ",
              "Ngày vào Đảng", "Huy hiệu (năm)", "Ngày đủ tuổi Đảng", "Ghi chú"};
  t.compact = true;
  int number = 0;
  for (const auto& r : in.rows) {
    std::vector<std::string> notes;
    if (!r.ground.empty()) notes.push_back(r.ground);
    if (r.gap) notes.push_back("Trừ thời gian gián đoạn");
    if (r.overdue) notes.push_back("Từ đợt trước");
    std::string note;
    for (const auto& n : notes) note += (note.empty() ? "" : "; ") + n;
    t.rows.push_back({Cell::of_text(std::to_string(++number)), Cell::of_text(r.name),
                      Cell::of_text(std::to_string(r.birth.year())),
                      Cell::of_text(branch(r.org_name)), Cell::of_text(r.first_admission.vi()),
                      Cell::of_integer(static_cast<double>(r.years)), Cell::of_text(r.due.vi()),
                      Cell::of_text(note)});
  }
  return t;
}

}  // namespace

Document build_badge_proposal(const BadgeDocInput& in) {
  Document d;
  const Issuer& i = in.issuer;
  d.superior = text::to_upper_vi(i.superior);
  d.issuer = text::to_upper_vi(i.committee);
  d.number = "Số       -TTr/" + i.symbol;
  d.place_date = place_date_line(i.place, in.dated);
  d.kind_title = "TỜ TRÌNH";
  d.title = "Đề nghị tặng Huy hiệu Đảng đợt " + occasion_vi(in.occasion);
  const std::string above =
      i.superior_recipient.empty() ? std::string("cấp ủy cấp trên") : i.superior_recipient;
  Section body{"", 1, {}};
  body.blocks.push_back(paragraph("Kính gửi: " + above + "."));
  body.blocks.push_back(paragraph(
      "Căn cứ Quy định của Ban Chấp hành Trung ương và hướng dẫn của Ban Bí thư về Huy hiệu "
      "Đảng;"));
  body.blocks.push_back(paragraph(
      "Căn cứ kết quả rà soát tuổi Đảng của đảng viên trong Đảng bộ (tính từ ngày quyết định "
      "kết nạp, trừ thời gian không sinh hoạt Đảng),"));
  int total = 0, overdue = 0;
  for (const auto& [years, n] : in.by_years) total += n;
  for (const auto& r : in.rows) overdue += r.overdue ? 1 : 0;
  if (total == 0) {
    body.blocks.push_back(paragraph("Đợt " + occasion_vi(in.occasion) + ", " + i.committee +
                                    " không có đảng viên đủ điều kiện đề nghị tặng Huy hiệu "
                                    "Đảng."));
  } else {
    std::string kinds;
    for (auto it = in.by_years.rbegin(); it != in.by_years.rend(); ++it) {
      kinds += (kinds.empty() ? "" : "; ") + count_words(it->second) + " Huy hiệu " +
               std::to_string(it->first) + " năm tuổi Đảng";
    }
    body.blocks.push_back(paragraph(i.committee + " đề nghị " + above +
                                    " xem xét, quyết định tặng Huy hiệu Đảng đợt " +
                                    occasion_vi(in.occasion) + " cho " + count_words(total) +
                                    ", gồm: " + kinds + " (có danh sách kèm theo)."));
    if (overdue > 0) {
      body.blocks.push_back(paragraph("Trong đó có " + count_words(overdue) +
                                      " đủ tuổi Đảng từ các đợt trước nhưng chưa được tặng "
                                      "Huy hiệu."));
    }
  }
  body.blocks.push_back(paragraph("Kính đề nghị " + above + " xem xét, quyết định./."));
  d.sections.push_back(std::move(body));
  d.signer_authority = i.authority;
  d.signer_title = i.signer_title;
  d.signer_name = i.signer_name;
  d.recipients.push_back("Như trên,");
  d.recipients.push_back(archive_line(i));
  if (!in.rows.empty()) {
    d.annex = {
        {"DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG ĐỢT " + occasion_vi(in.occasion),
         1,
         {paragraph("(Kèm theo Tờ trình của " + i.committee + ")"), table_block(member_list(in))}}};
  }
  return d;
}

}  // namespace dangvu::report
