#include "report/year_results_text.h"

#include "report/format.h"

namespace dangvu::report {
namespace {

// The category's label inside a sentence: "hoàn thành tốt nhiệm vụ" (every label begins with an
// ASCII capital).
std::string in_sentence(std::string_view label) {
  std::string out(label);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

// "hoàn thành xuất sắc nhiệm vụ 20 đồng chí (16,7%), …" for the categories with any.
std::string by_category(const figures::CategoryCounts& counts, long long total,
                        const std::string& unit) {
  std::string out;
  for (RatingCategory c : kAllRatingCategories) {
    const auto it = counts.find(c);
    if (it == counts.end() || it->second == 0) continue;
    if (!out.empty()) out += ", ";
    out += in_sentence(label_vi(c)) + " " + format_integer(it->second) + unit + " (" +
           format_percent(static_cast<double>(it->second) * 100.0 / static_cast<double>(total)) +
           ")";
  }
  return out;
}

}  // namespace

std::vector<std::string> year_results_sentences(const figures::YearResults& r) {
  std::vector<std::string> out;
  const std::string year = std::to_string(r.year);
  if (const long long n = r.members_decided(); n > 0) {
    out.push_back("Kết quả đánh giá, xếp loại chất lượng đảng viên năm " + year + ": " +
                  format_integer(n) + " đồng chí được xếp loại, trong đó " +
                  by_category(r.members, n, " đồng chí") + ".");
  } else {
    out.push_back("Đánh giá, xếp loại chất lượng đảng viên năm " + year +
                  ": chưa có quyết định xếp loại.");
  }
  if (const long long n = r.orgs_decided(); n > 0) {
    out.push_back("Xếp loại chất lượng tổ chức đảng trực thuộc năm " + year + ": " +
                  format_integer(n) + " tổ chức được xếp loại, trong đó " +
                  by_category(r.orgs, n, "") + ".");
  }
  std::string titles;
  for (const auto& t : r.titles) {
    if (t.registered == 0) continue;
    if (!titles.empty()) titles += "; ";
    titles += "«" + t.label + "»: " + format_integer(t.registered) + " tổ chức đăng ký";
    if (t.recognized + t.not_recognized > 0) {
      titles += ", " + format_integer(t.recognized) + " tổ chức được công nhận";
    }
  }
  if (!titles.empty()) out.push_back("Phong trào thi đua năm " + year + ": " + titles + ".");
  return out;
}

std::optional<std::string> badges_sentence(const figures::StatTable& badges) {
  const figures::StatLine* total = badges.find("badges.awarded");
  if (total == nullptr || total->value == 0) return std::nullopt;
  std::string kinds;
  for (const auto& line : badges.lines) {
    if (line.level != 1 || line.value == 0) continue;
    if (!kinds.empty()) kinds += "; ";
    kinds += line.label + ": " + format_integer(line.value) + " đồng chí";
  }
  std::string out =
      "Trao tặng Huy hiệu Đảng cho " + format_integer(total->value) + " đồng chí (" + kinds + ")";
  if (const auto* posthumous = badges.find("badges.posthumous");
      posthumous != nullptr && posthumous->value > 0) {
    out += ", trong đó truy tặng " + format_integer(posthumous->value) + " đồng chí";
  }
  return out + ".";
}

}  // namespace dangvu::report
