#include "service/validate.h"

#include "text/normalize.h"

namespace dangvu::service {

Status check_limit(long long limit, int max) {
  if (limit >= 1 && limit <= max) return {};
  const std::string range = "1 đến " + std::to_string(max);
  return Error::invalid("limit", "Trường «limit»: số dòng phải từ " + range + ".",
                        "limit " + std::to_string(limit) + " outside 1.." + std::to_string(max));
}

Status check_code(std::string_view code, std::string_view field) {
  bool ok = !code.empty() && code.size() <= 32;
  for (char c : code) {
    ok = ok && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-');
  }
  if (!ok) {
    return Error::invalid(std::string(field),
                          "Trường «" + std::string(field) + "»: mã «" + std::string(code) +
                              "» không hợp lệ; mã gồm 1–32 chữ cái không dấu, chữ số, dấu chấm, "
                              "gạch ngang hoặc gạch dưới.",
                          "field '" + std::string(field) + "': invalid code");
  }
  return {};
}

Result<Date> parse_date(std::string_view text, std::string_view field) {
  if (text.empty()) {
    return Error::invalid(std::string(field),
                          "Trường «" + std::string(field) + "»: chưa nhập ngày (dạng NNNN-TT-NN).",
                          "field '" + std::string(field) + "': date is required");
  }
  return Date::parse(text, field);
}

Result<OrgKind> parse_kind(std::string_view text, std::string_view field) {
  if (auto k = parse_org_kind(text)) return *k;
  return Error::invalid(std::string(field),
                        "Trường «" + std::string(field) + "»: loại tổ chức «" + std::string(text) +
                            "» không hợp lệ; chọn một trong upper_committee, cluster, "
                            "grassroots_committee, grassroots_branch, sub_branch.",
                        "field '" + std::string(field) + "': unknown org kind");
}

Result<std::string> clean_name(std::string_view text, std::string_view field) {
  return text::clean_field(text, field, 200);
}

}  // namespace dangvu::service
