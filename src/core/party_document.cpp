#include "core/party_document.h"

#include <array>
#include <utility>

namespace dangvu {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes = {{
    {"NQ", "nghị quyết"},
    {"CT", "chỉ thị"},
    {"KL", "kết luận"},
    {"QĐ", "quy định, quyết định"},
    {"QC", "quy chế"},
    {"HD", "hướng dẫn"},
    {"KH", "kế hoạch"},
    {"BC", "báo cáo"},
    {"TB", "thông báo"},
    {"CTr", "chương trình"},
    {"TTr", "tờ trình"},
    {"BB", "biên bản"},
    {"CV", "công văn"},
    {"ĐA", "đề án"},
    {"TC", "thông tri"},
    {"GM", "giấy mời"},
    {"PC", "phiếu chuyển"},
}};

Error bad(std::string_view field, std::string_view text, const std::string& why_vi,
          const std::string& why_en) {
  return Error::invalid(std::string(field),
                        "Trường «" + std::string(field) + "»: số văn bản «" + std::string(text) +
                            "» không hợp lệ: " + why_vi +
                            ". Số văn bản có dạng số-loại/cơ quan ban hành, ví dụ 15-NQ/TU.",
                        "field '" + std::string(field) + "': invalid document number '" +
                            std::string(text) + "': " + why_en);
}

// Capital ASCII letters, digits and the capital Đ (U+0110, C4 90 in UTF-8).
bool issuer_ok(std::string_view s) {
  int letters = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      ++letters;
    } else if (static_cast<unsigned char>(c) == 0xC4 && i + 1 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x90) {
      ++letters;
      ++i;
    } else {
      return false;
    }
  }
  return letters >= 1 && letters <= 12;
}

}  // namespace

Result<DocumentNumber> parse_document_number(std::string_view text, std::string_view field) {
  const auto dash = text.find('-');
  const auto slash = text.find('/');
  if (dash == std::string_view::npos || slash == std::string_view::npos || slash < dash) {
    return bad(field, text, "thiếu dấu «-» hoặc «/»", "missing '-' or '/'");
  }
  const auto num = text.substr(0, dash);
  const auto type = text.substr(dash + 1, slash - dash - 1);
  const auto issuer = text.substr(slash + 1);
  if (num.empty() || num.size() > 4) {
    return bad(field, text, "phần số phải có từ 1 đến 4 chữ số", "the number needs 1-4 digits");
  }
  int n = 0;
  for (char c : num) {
    if (c < '0' || c > '9') {
      return bad(field, text, "phần số chỉ gồm chữ số", "the number must be digits");
    }
    n = n * 10 + (c - '0');
  }
  if (n == 0) return bad(field, text, "phần số phải lớn hơn 0", "the number must be positive");
  if (document_type_label_vi(type).empty()) {
    return bad(field, text, "loại văn bản «" + std::string(type) + "» không có trong danh mục",
               "unknown document type '" + std::string(type) + "'");
  }
  if (!issuer_ok(issuer)) {
    return bad(field, text,
               "cơ quan ban hành «" + std::string(issuer) +
                   "» phải là chữ viết tắt in hoa (ví dụ TW, TU, ĐU)",
               "issuer '" + std::string(issuer) + "' must be 1-12 capital letters or digits");
  }
  DocumentNumber d;
  d.number = n;
  d.type = std::string(type);
  d.issuer = std::string(issuer);
  d.text = std::string(text);
  return d;
}

std::string_view document_type_label_vi(std::string_view type) {
  for (const auto& [code, label] : kTypes) {
    if (code == type) return label;
  }
  return {};
}

}  // namespace dangvu
