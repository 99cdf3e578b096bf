#pragma once
// Party dues (đảng phí) under Quy định 01-QĐ/TW of 3/2/2026 (in force from 1/2/2026, replacing
// Quyết định 342-QĐ/TW of 2010), as data in the rule set (`dues` in the JSON file): what each
// category of member pays a month (a share of a base — the insured salary of the month before,
// the sickness or maternity allowance, the pension — or a fixed amount), who is exempt (50 full
// years of party age; the grounds a member applies with), the reductions a decision may grant
// and for how long, when a branch should consider a member who has not paid, and what each level
// keeps of what it collects. docs/rules.md names each source and every marked default.
//
// Money is whole đồng in 64-bit integers, never floating point; a rate is in basis points
// (1% = 100).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/org.h"
#include "core/result.h"

namespace dangvu {

using Money = std::int64_t;  // whole đồng

struct DuesCategory {
  std::string code;   // "insured"
  std::string label;  // "Đảng viên tham gia bảo hiểm xã hội bắt buộc"
  int rate_bp = 0;    // of the base, in basis points (100 = 1%); 0: a fixed amount
  Money fixed = 0;    // đồng a month when there is no rate
  // The base is that of the month before (the insured salary), not the month's own.
  bool base_of_month_before = false;
  bool marked_default = false;  // the amount was not in the text at hand (docs/rules.md)
};

struct DuesGround {
  std::string code;   // "poor_household"
  std::string label;  // "Hộ nghèo"
};

struct DuesRules {
  std::vector<DuesCategory> categories;
  int exempt_party_age_years = 50;            // from the month after the member reaches it
  std::vector<DuesGround> exemption_grounds;  // on the member's application
  std::set<int> reduction_percents = {30, 50, 70};
  int reduction_max_months = 12;  // of one decision
  int unpaid_months_flag = 3;     // unpaid months in a calendar year the branch must consider
  // What an org keeps of the dues it collects, in basis points, by kind; the rest goes up.
  // A marked default: the shares of Quy định 01-QĐ/TW were not in the text at hand.
  std::map<OrgKind, int> kept_bp;
  // How a computed amount is rounded: to this many đồng, half up (1: whole đồng). A marked
  // default.
  Money round_to = 1;

  static DuesRules defaults();
  const DuesCategory* category(std::string_view code) const;
  const DuesGround* exemption_ground(std::string_view code) const;
  // Reads `{"categories": […], "exempt_party_age_years": 50, …}` over these values, refusing a
  // malformed one by its key.
  Status merge_json(std::string_view json_text);
  std::string to_json() const;
};

// What a member's dues rest on in a month (the service reads it from the member's records).
struct DuesBasis {
  std::string category = {};  // a code of DuesRules::categories ("" when none is recorded)
  // The category's base for the month (for the insured: the salary of the month before).
  std::optional<Money> base = std::nullopt;
  std::optional<std::string> exemption = std::nullopt;  // a ground of exemption_grounds
  int reduction_percent = 0;  // 0, or one of DuesRules::reduction_percents
  int party_age_years = 0;    // full years of party age on the month's first day
};

struct DuesOwed {
  Money full = 0;    // by the category alone
  Money amount = 0;  // what the member owes: after the exemption or the reduction
  enum class Why { category, party_age, exemption, reduction } why = Why::category;
};

// The amount owed for a month, or an error naming what the basis lacks ("category", "base") or
// holds wrongly (an unknown category, ground or reduction).
Result<DuesOwed> dues_owed(const DuesRules& rules, const DuesBasis& basis);

// The share of `amount` at `bp` basis points (what an org keeps of what it collected), rounded
// as the rule set says.
Money dues_share(const DuesRules& rules, Money amount, int bp);

// An amount as a user reads it: "100.000 đ".
std::string money_vi(Money m);

// Checks a reduction decision: its rate is one of the rule set's, and it lasts at most
// `reduction_max_months` months (from `from` to `to`, inclusive months).
Status check_dues_reduction(const DuesRules& rules, int percent, Date from, Date to);

}  // namespace dangvu
