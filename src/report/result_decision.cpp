#include "report/result_decision.h"

#include "report/blocks.h"
#include "report/format.h"
#include "report/party_format.h"
#include "text/case.h"

namespace dangvu::report {
namespace {

std::string count_words(long long n, const std::string& unit) {
  return format_integer(n) + " " + unit;
}

// A label inside a sentence: "mới kết nạp chưa đủ 6 tháng" (labels begin with an ASCII capital
// or "Đ").
std::string in_sentence(std::string_view label) {
  std::string out(label);
  if (out.starts_with("Đ")) {
    out.replace(0, std::string("Đ").size(), "đ");
  } else if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}

// "- Hoàn thành tốt nhiệm vụ: 118 đồng chí;" for each category, the last ending the list.
void category_lines(const std::map<RatingCategory, long long>& counts, const std::string& unit,
                    std::vector<Block>& out) {
  for (RatingCategory c : kAllRatingCategories) {
    const auto n = counts.find(c);
    const bool last = c == RatingCategory::not_completed;
    out.push_back(paragraph("- " + std::string(label_vi(c)) + ": " +
                            count_words(n == counts.end() ? 0 : n->second, unit) +
                            (last ? "." : ";")));
  }
}

// "BAN THƯỜNG VỤ ĐẢNG ỦY …": the body that decides, above "QUYẾT ĐỊNH:".
std::string deciding_body(const Issuer& i) {
  std::string authority = i.authority;
  if (authority.starts_with("T/M ")) authority = authority.substr(4);
  const std::string committee = text::to_upper_vi(i.committee);
  return authority.starts_with("BAN THƯỜNG VỤ") ? authority + " " + committee : committee;
}

std::string number_line(const DecisionHead& h) {
  return h.decision_no.empty() ? "Số       -QĐ/" + h.issuer.symbol : "Số " + h.decision_no;
}

// "(Kèm theo Quyết định số 45-QĐ/ĐU, ngày 26/12/2025 của Đảng ủy …)".
std::string attached_to(const DecisionHead& h) {
  const std::string number = h.decision_no.empty() ? "      -QĐ/" + h.issuer.symbol : h.decision_no;
  return "(Kèm theo Quyết định số " + number + ", ngày " + h.dated.vi() + " của " +
         h.issuer.committee + ")";
}

// The frame every decision shares: letterhead, title, grounds, "QUYẾT ĐỊNH:", the articles, the
// signature and recipients, the list as the annex.
Document frame(const DecisionHead& h, const std::string& title, const std::string& grounds,
               const std::string& proposals, std::vector<Block> articles,
               const std::string& list_title, std::vector<Table> lists) {
  Document d;
  const Issuer& i = h.issuer;
  d.superior = text::to_upper_vi(i.superior);
  d.issuer = text::to_upper_vi(i.committee);
  d.number = number_line(h);
  d.place_date = place_date_line(i.place, h.dated);
  d.kind_title = "QUYẾT ĐỊNH";
  d.title = title;
  Section body{"", 1, {}};
  body.blocks.push_back(centered(deciding_body(i)));
  body.blocks.push_back(paragraph("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"));
  if (grounds.empty()) {
    body.blocks.push_back(paragraph(
        "- Căn cứ Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, "
        "xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị;"));
    body.blocks.push_back(paragraph(
        "- Căn cứ Hướng dẫn số 43-HD/BTCTW, ngày 31/10/2025 của Ban Tổ chức Trung ương;"));
  } else {
    body.blocks.push_back(paragraph("- " + grounds + ";"));
  }
  body.blocks.push_back(paragraph("- " + proposals + ","));
  body.blocks.push_back(centered("QUYẾT ĐỊNH:"));
  for (auto& b : articles) body.blocks.push_back(std::move(b));
  d.sections.push_back(std::move(body));
  d.signer_authority = i.authority;
  d.signer_title = i.signer_title;
  d.signer_name = i.signer_name;
  d.recipients.push_back("Như Điều 3,");
  if (!i.superior_recipient.empty()) d.recipients.push_back(i.superior_recipient + " (báo cáo),");
  d.recipients.push_back(archive_line(i));
  Section annex{list_title, 1, {paragraph(attached_to(h))}};
  for (auto& list : lists) {
    if (list.rows.empty()) continue;
    annex.blocks.push_back(table_block(std::move(list)));
  }
  if (annex.blocks.size() > 1) d.annex = {std::move(annex)};
  return d;
}

std::string score_cell(const std::optional<int>& score) {
  return score ? score_vi(*score) : std::string();
}

}  // namespace

Document build_member_rating_decision(const MemberRatingDecisionInput& in) {
  const std::string year = std::to_string(in.head.year);
  std::map<RatingCategory, long long> by_category;
  for (const auto& r : in.rows) ++by_category[r.category];
  std::vector<Block> articles;
  articles.push_back(paragraph("Điều 1. Xếp loại chất lượng năm " + year + " đối với " +
                               count_words(static_cast<long long>(in.rows.size()), "đảng viên") +
                               " (có danh sách kèm theo), cụ thể:"));
  category_lines(by_category, "đồng chí", articles);
  long long not_rated = 0;
  std::string reasons;
  for (const auto& [reason, n] : in.not_rated) {
    if (n == 0) continue;
    not_rated += n;
    reasons += (reasons.empty() ? "" : "; ") + in_sentence(label_vi(reason)) + ": " +
               count_words(n, "đồng chí");
  }
  if (not_rated > 0) {
    articles.push_back(paragraph("Điều 2. Không xếp loại chất lượng năm " + year + " đối với " +
                                 count_words(not_rated, "đồng chí") + " (" + reasons + ")."));
  } else {
    articles.push_back(
        paragraph("Điều 2. Kết quả xếp loại là căn cứ để đánh giá, bố trí, sử "
                  "dụng, khen thưởng đảng viên theo quy định."));
  }
  articles.push_back(
      paragraph("Điều 3. Các chi bộ trực thuộc và các đồng chí có tên tại Điều 1 "
                "chịu trách nhiệm thi hành Quyết định này./."));
  // One table a branch, under its name, as the branches proposed them.
  std::vector<Table> lists;
  for (const auto& r : in.rows) {
    if (lists.empty() || lists.back().title != r.branch) {
      Table t;
      t.id = "member_ratings_" + std::to_string(lists.size() + 1);
      t.title = r.branch;
      t.header = {"STT", "Họ và tên", "Điểm", "Mức xếp loại"};
      t.compact = true;
      lists.push_back(std::move(t));
    }
    Table& t = lists.back();
    t.rows.push_back({Cell::of_text(std::to_string(t.rows.size() + 1)), Cell::of_text(r.name),
                      Cell::of_text(score_cell(r.score)),
                      Cell::of_text(std::string(label_vi(r.category)))});
  }
  return frame(in.head, "Về việc xếp loại chất lượng đảng viên năm " + year, "",
               "Xét đề nghị của các chi bộ trực thuộc", std::move(articles),
               "DANH SÁCH KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM " + year, std::move(lists));
}

Document build_org_decision(const OrgDecisionDocInput& in) {
  const std::string year = std::to_string(in.head.year);
  const bool rating = in.title_label.empty();
  std::vector<Block> articles;
  Table t;
  t.compact = true;
  int number = 0;
  if (rating) {
    std::map<RatingCategory, long long> by_category;
    for (const auto& r : in.rows) {
      if (r.category) ++by_category[*r.category];
    }
    articles.push_back(paragraph("Điều 1. Xếp loại chất lượng năm " + year + " đối với " +
                                 count_words(static_cast<long long>(in.rows.size()), "tổ chức") +
                                 " đảng trực thuộc (có danh sách kèm theo), cụ thể:"));
    category_lines(by_category, "tổ chức", articles);
    t.id = "org_ratings";
    t.title = "Kết quả xếp loại";
    t.header = {"STT", "Tổ chức đảng", "Điểm", "Mức xếp loại"};
    for (const auto& r : in.rows) {
      t.rows.push_back(
          {Cell::of_text(std::to_string(++number)), Cell::of_text(r.org_name),
           Cell::of_text(score_cell(r.score)),
           Cell::of_text(r.category ? std::string(label_vi(*r.category)) : std::string())});
    }
  } else {
    long long recognized = 0;
    for (const auto& r : in.rows) recognized += r.recognized ? 1 : 0;
    articles.push_back(paragraph("Điều 1. Công nhận danh hiệu «" + in.title_label + "» năm " +
                                 year + " đối với " + count_words(recognized, "tổ chức") +
                                 " đảng (có danh sách kèm theo)."));
    t.id = "emulation";
    t.title = "Tổ chức đảng được công nhận";
    t.header = {"STT", "Tổ chức đảng"};
    for (const auto& r : in.rows) {
      if (!r.recognized) continue;
      t.rows.push_back({Cell::of_text(std::to_string(++number)), Cell::of_text(r.org_name)});
    }
    if (const long long refused = static_cast<long long>(in.rows.size()) - recognized;
        refused > 0) {
      articles.push_back(paragraph("Không công nhận đối với " + count_words(refused, "tổ chức") +
                                   " đảng đăng ký nhưng chưa đạt tiêu chí."));
    }
  }
  articles.push_back(
      paragraph("Điều 2. Kết quả là căn cứ để đánh giá, khen thưởng tổ chức đảng "
                "theo quy định."));
  articles.push_back(
      paragraph("Điều 3. Văn phòng, các ban của cấp ủy và các tổ chức đảng có tên "
                "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."));
  const std::string title =
      rating ? "Về việc xếp loại chất lượng tổ chức đảng năm " + year
             : "Về việc công nhận danh hiệu «" + in.title_label + "» năm " + year;
  const std::string list_title =
      rating ? "DANH SÁCH KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM " + year
             : "DANH SÁCH TỔ CHỨC ĐẢNG ĐƯỢC CÔNG NHẬN «" + text::to_upper_vi(in.title_label) +
                   "» NĂM " + year;
  return frame(in.head, title,
               rating ? std::string()
                      : "Căn cứ tiêu chí công nhận danh hiệu «" + in.title_label +
                            "» trong kế hoạch thực hiện phong trào thi đua của cấp ủy",
               rating ? "Xét báo cáo tự đánh giá, xếp loại của các tổ chức đảng trực thuộc"
                      : "Xét đăng ký và kết quả thực hiện của các tổ chức đảng trực thuộc",
               std::move(articles), list_title, std::vector<Table>{std::move(t)});
}

}  // namespace dangvu::report
