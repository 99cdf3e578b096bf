#include "core/dues.h"

#include <nlohmann/json.hpp>

namespace dangvu {
namespace {

using nlohmann::json;

Error bad(const std::string& key, const std::string& why_vi, const std::string& why_en) {
  return Error::invalid("rules.dues", "Tệp quy tắc, khóa «dues." + key + "»: " + why_vi,
                        "rules file, key 'dues." + key + "': " + why_en);
}

// base × rate (basis points) or amount × percent, rounded half up to `round_to` đồng.
Money rounded(Money numerator, Money denominator, Money round_to) {
  const Money unit = denominator * round_to;
  return (numerator + unit / 2) / unit * round_to;
}

constexpr Money kMaxBase = 10'000'000'000'000;  // 10^13 đồng: nobody's salary; no overflow

Status read_categories(const json& value, std::vector<DuesCategory>& out) {
  if (!value.is_array() || value.empty()) {
    return bad("categories", "phải là danh sách khác rỗng.", "must be a non-empty array");
  }
  std::vector<DuesCategory> read;
  std::set<std::string> codes;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const json& c = value[i];
    const std::string key = "categories[" + std::to_string(i) + "]";
    if (!c.is_object() || !c.contains("code") || !c["code"].is_string() || !c.contains("label") ||
        !c["label"].is_string() || c["code"].get<std::string>().empty() ||
        c["label"].get<std::string>().empty()) {
      return bad(key, "cần «code» và «label» khác rỗng.", "needs a non-empty code and label");
    }
    DuesCategory cat;
    cat.code = c["code"].get<std::string>();
    cat.label = c["label"].get<std::string>();
    if (!codes.insert(cat.code).second) {
      return bad(key, "mã «" + cat.code + "» viết hai lần.", "code written twice");
    }
    for (const auto& [k, v] : c.items()) {
      if (k == "code" || k == "label") continue;
      if (k == "rate_bp" || k == "fixed") {
        if (!v.is_number_integer() || v.get<Money>() < 0 || v.get<Money>() > 100'000'000) {
          return bad(key + "." + k, "phải là số nguyên không âm.",
                     "must be a non-negative integer");
        }
        if (k == "rate_bp") cat.rate_bp = v.get<int>();
        if (k == "fixed") cat.fixed = v.get<Money>();
      } else if (k == "base_of_month_before" || k == "marked_default") {
        if (!v.is_boolean()) return bad(key + "." + k, "phải là true hoặc false.", "not a boolean");
        (k == "marked_default" ? cat.marked_default : cat.base_of_month_before) = v.get<bool>();
      } else {
        return bad(key + "." + k, "khóa không được hỗ trợ.", "unknown key");
      }
    }
    if ((cat.rate_bp > 0) == (cat.fixed > 0)) {
      return bad(key, "cần đúng một trong «rate_bp» (tỷ lệ) và «fixed» (số tiền).",
                 "needs exactly one of rate_bp and fixed");
    }
    read.push_back(std::move(cat));
  }
  out = std::move(read);
  return {};
}

}  // namespace

DuesRules DuesRules::defaults() {
  DuesRules r;
  r.categories = {
      {"insured", "Đảng viên tham gia bảo hiểm xã hội bắt buộc", 100, 0, true, false},
      {"sickness_maternity", "Đảng viên nghỉ ốm đau, thai sản hưởng trợ cấp bảo hiểm xã hội", 100,
       0, false, false},
      {"pensioner", "Đảng viên hưởng lương hưu", 50, 0, false, false},
      {"student", "Đảng viên là học sinh, sinh viên", 0, 5000, false, false},
      // The amounts of these two were not in the text at hand (docs/rules.md).
      {"abroad", "Đảng viên ở nước ngoài", 100, 0, false, true},
      {"other", "Đảng viên khác (nông dân, lao động tự do …)", 0, 5000, false, true},
  };
  r.exemption_grounds = {
      {"social_pension", "Hưởng trợ cấp hưu trí xã hội"},
      {"poor_household", "Thuộc hộ nghèo"},
      {"near_poor_household", "Thuộc hộ cận nghèo"},
      {"serious_illness", "Mắc bệnh hiểm nghèo theo danh mục của Bộ Y tế"},
  };
  // A marked default, after the shares under Quyết định 342-QĐ/TW: a branch under a grassroots
  // committee keeps 30%, a grassroots org half; a cluster holds no money.
  r.kept_bp = {{OrgKind::sub_branch, 3000},
               {OrgKind::grassroots_branch, 5000},
               {OrgKind::grassroots_committee, 5000},
               {OrgKind::upper_committee, 5000},
               {OrgKind::cluster, 0}};
  return r;
}

const DuesCategory* DuesRules::category(std::string_view code) const {
  for (const auto& c : categories) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

const DuesGround* DuesRules::exemption_ground(std::string_view code) const {
  for (const auto& g : exemption_grounds) {
    if (g.code == code) return &g;
  }
  return nullptr;
}

Status DuesRules::merge_json(std::string_view json_text) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return bad("", "phải là một đối tượng.", "must be an object");
  }
  for (const auto& [key, value] : root.items()) {
    int* number = key == "exempt_party_age_years" ? &exempt_party_age_years
                  : key == "reduction_max_months" ? &reduction_max_months
                  : key == "unpaid_months_flag"   ? &unpaid_months_flag
                                                  : nullptr;
    if (number != nullptr) {
      if (!value.is_number_integer() || value.get<int>() < 1 || value.get<int>() > 120) {
        return bad(key, "phải là số nguyên từ 1 đến 120.", "must be an integer 1-120");
      }
      *number = value.get<int>();
    } else if (key == "categories") {
      DANGVU_TRY(read_categories(value, categories));
    } else if (key == "exemption_grounds") {
      if (!value.is_object() || value.empty()) {
        return bad(key, "phải là đối tượng {mã: nhãn} khác rỗng.", "must be a non-empty object");
      }
      std::vector<DuesGround> grounds;
      for (const auto& [code, label] : value.items()) {
        if (code.empty() || !label.is_string() || label.get<std::string>().empty()) {
          return bad(key + "." + code, "cần mã và nhãn khác rỗng.", "empty code or label");
        }
        grounds.push_back({code, label.get<std::string>()});
      }
      exemption_grounds = std::move(grounds);
    } else if (key == "reduction_percents") {
      if (!value.is_array() || value.empty()) {
        return bad(key, "phải là danh sách khác rỗng.", "must be a non-empty array");
      }
      std::set<int> percents;
      for (const auto& p : value) {
        if (!p.is_number_integer() || p.get<int>() < 1 || p.get<int>() > 99) {
          return bad(key, "mỗi mức giảm là số nguyên từ 1 đến 99 (%).", "each 1-99");
        }
        percents.insert(p.get<int>());
      }
      reduction_percents = std::move(percents);
    } else if (key == "kept_bp") {
      if (!value.is_object()) return bad(key, "phải là một đối tượng.", "must be an object");
      for (const auto& [kind_name, bp] : value.items()) {
        auto kind = parse_org_kind(kind_name);
        if (!kind) return bad(key + "." + kind_name, "loại tổ chức không tồn tại.", "unknown kind");
        if (!bp.is_number_integer() || bp.get<int>() < 0 || bp.get<int>() > 10000) {
          return bad(key + "." + kind_name, "phải là số nguyên từ 0 đến 10000 (phần vạn).",
                     "must be 0-10000");
        }
        kept_bp[*kind] = bp.get<int>();
      }
    } else if (key == "round_to") {
      if (!value.is_number_integer() || value.get<Money>() < 1 || value.get<Money>() > 10000) {
        return bad(key, "phải là số nguyên từ 1 đến 10000 (đồng).", "must be 1-10000");
      }
      round_to = value.get<Money>();
    } else {
      return bad(key, "khóa không được hỗ trợ.", "unknown key");
    }
  }
  return {};
}

std::string DuesRules::to_json() const {
  json cats = json::array();
  for (const auto& c : categories) {
    json j = {{"code", c.code}, {"label", c.label}};
    if (c.rate_bp > 0) j["rate_bp"] = c.rate_bp;
    if (c.fixed > 0) j["fixed"] = c.fixed;
    if (c.base_of_month_before) j["base_of_month_before"] = true;
    if (c.marked_default) j["marked_default"] = true;
    cats.push_back(std::move(j));
  }
  json grounds = json::object();
  for (const auto& g : exemption_grounds) grounds[g.code] = g.label;
  json kept = json::object();
  for (const auto& [kind, bp] : kept_bp) kept[std::string(to_string(kind))] = bp;
  return json{{"categories", cats},
              {"exempt_party_age_years", exempt_party_age_years},
              {"exemption_grounds", grounds},
              {"reduction_percents", reduction_percents},
              {"reduction_max_months", reduction_max_months},
              {"unpaid_months_flag", unpaid_months_flag},
              {"kept_bp", kept},
              {"round_to", round_to}}
      .dump();
}

Result<DuesOwed> dues_owed(const DuesRules& rules, const DuesBasis& basis) {
  if (basis.category.empty()) {
    return Error::invalid("category", "Chưa ghi đối tượng đóng đảng phí.", "no dues category");
  }
  const DuesCategory* cat = rules.category(basis.category);
  if (cat == nullptr) {
    return Error::invalid(
        "category", "Đối tượng đóng đảng phí «" + basis.category + "» không có trong quy định.",
        "unknown dues category");
  }
  DuesOwed out;
  if (cat->rate_bp > 0) {
    if (!basis.base) {
      return Error::invalid("base",
                            "Chưa ghi mức tiền làm căn cứ đóng đảng phí (" + cat->label + ").",
                            "no base for a rate category");
    }
    if (*basis.base < 0 || *basis.base > kMaxBase) {
      return Error::invalid("base", "Mức tiền làm căn cứ đóng đảng phí không hợp lệ.",
                            "base out of range");
    }
    out.full = rounded(*basis.base * cat->rate_bp, 10000, rules.round_to);
  } else {
    out.full = cat->fixed;
  }
  out.amount = out.full;
  if (basis.party_age_years >= rules.exempt_party_age_years) {
    out.amount = 0;
    out.why = DuesOwed::Why::party_age;
  } else if (basis.exemption) {
    if (rules.exemption_ground(*basis.exemption) == nullptr) {
      return Error::invalid(
          "exemption", "Lý do miễn đảng phí «" + *basis.exemption + "» không có trong quy định.",
          "unknown exemption ground");
    }
    out.amount = 0;
    out.why = DuesOwed::Why::exemption;
  } else if (basis.reduction_percent != 0) {
    if (rules.reduction_percents.count(basis.reduction_percent) == 0) {
      return Error::invalid("reduction", "Mức giảm đảng phí không có trong quy định.",
                            "unknown reduction rate");
    }
    out.amount = rounded(out.full * (100 - basis.reduction_percent), 100, rules.round_to);
    out.why = DuesOwed::Why::reduction;
  }
  return out;
}

Money dues_share(const DuesRules& rules, Money amount, int bp) {
  return rounded(amount * bp, 10'000, rules.round_to);
}

Status check_dues_reduction(const DuesRules& rules, int percent, Date from, Date to) {
  if (rules.reduction_percents.count(percent) == 0) {
    std::string allowed;
    for (int p : rules.reduction_percents) {
      allowed += (allowed.empty() ? "" : ", ") + std::to_string(p) + "%";
    }
    return Error::refused("reduction_percent", "dues.reduction_rate",
                          "Trường «reduction_percent» (mức giảm): chỉ được giảm " + allowed + ".",
                          "reduction rate not in the rule set");
  }
  if (to < from) {
    return Error::invalid("to", "Trường «to» (giảm đến tháng): trước tháng bắt đầu giảm.",
                          "reduction ends before it starts");
  }
  const int months = (to.year() - from.year()) * 12 + (to.month() - from.month()) + 1;
  if (months > rules.reduction_max_months) {
    return Error::refused("to", "dues.reduction_months",
                          "Trường «to» (giảm đến tháng): mỗi quyết định giảm đảng phí tối đa " +
                              std::to_string(rules.reduction_max_months) + " tháng; từ tháng " +
                              std::to_string(from.month()) + "/" + std::to_string(from.year()) +
                              " đến tháng " + std::to_string(to.month()) + "/" +
                              std::to_string(to.year()) + " là " + std::to_string(months) +
                              " tháng.",
                          "reduction longer than the rule set allows");
  }
  return {};
}

std::string money_vi(Money m) {
  const std::string digits = std::to_string(m < 0 ? -m : m);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (m < 0 ? "-" : "") + out + " đ";
}

}  // namespace dangvu
