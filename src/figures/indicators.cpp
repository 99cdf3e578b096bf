#include "figures/indicators.h"

namespace dangvu::figures {

namespace {

using K = IndicatorKind;

Indicator stock(std::string_view id, std::string_view label, std::string_view unit, Fact fact,
                std::optional<Fact> also = std::nullopt) {
  Indicator i;
  i.id = id;
  i.label_vi = label;
  i.kind = K::stock;
  i.unit_vi = unit;
  i.fact = fact;
  i.also = also;
  return i;
}

enum class Plannable { no, yes };

Indicator flow(std::string_view id, std::string_view label, std::string_view unit, Fact fact,
               Plannable plannable = Plannable::no) {
  Indicator i = stock(id, label, unit, fact);
  i.kind = K::flow;
  i.plannable = plannable == Plannable::yes;
  return i;
}

// Ratios here are all bounded: attendance and compliance can never pass 100%.
Indicator ratio(std::string_view id, std::string_view label, Fact numerator, Fact denominator) {
  Indicator i = stock(id, label, "%", numerator);
  i.kind = K::ratio;
  i.denominator = denominator;
  i.bounded = true;
  return i;
}

Indicator covering_subtree(Indicator i) {
  i.target_covers_subtree = true;
  return i;
}

std::vector<Indicator> make() {
  const auto yes = Plannable::yes;
  return {
      stock("members", "Tổng số đảng viên", "đảng viên", Fact::members_official,
            Fact::members_probationary),
      stock("members_official", "Đảng viên chính thức", "đảng viên", Fact::members_official),
      stock("members_probationary", "Đảng viên dự bị", "đảng viên", Fact::members_probationary),
      stock("candidates", "Quần chúng ưu tú đang theo dõi", "người", Fact::candidates),
      stock("grassroots_orgs", "Tổ chức cơ sở đảng", "tổ chức", Fact::grassroots_committees,
            Fact::grassroots_branches),
      stock("grassroots_committees", "Đảng bộ cơ sở", "tổ chức", Fact::grassroots_committees),
      stock("grassroots_branches", "Chi bộ cơ sở", "tổ chức", Fact::grassroots_branches),
      stock("sub_branches", "Chi bộ trực thuộc", "tổ chức", Fact::sub_branches),
      stock("branches_below_minimum", "Chi bộ có dưới 3 đảng viên chính thức", "chi bộ",
            Fact::branches_below_minimum),
      stock("probation_overdue", "Đảng viên dự bị quá hạn xét công nhận chính thức", "đảng viên",
            Fact::probation_overdue),
      covering_subtree(flow("admitted", "Kết nạp đảng viên mới", "đảng viên", Fact::admitted, yes)),
      flow("recognized", "Công nhận đảng viên chính thức", "đảng viên", Fact::recognized),
      flow("meetings_regular", "Buổi sinh hoạt chi bộ định kỳ", "buổi", Fact::meetings_regular),
      flow("meetings_thematic", "Buổi sinh hoạt chi bộ chuyên đề", "buổi", Fact::meetings_thematic,
           yes),
      ratio("meeting_attendance_pct", "Tỷ lệ đảng viên dự sinh hoạt chi bộ", Fact::meeting_present,
            Fact::meeting_expected),
      flow("branches_meeting_monthly", "Chi bộ sinh hoạt định kỳ đủ hằng tháng", "chi bộ",
           Fact::branches_meeting_monthly),
      ratio("meeting_compliance_pct", "Tỷ lệ chi bộ sinh hoạt định kỳ đủ hằng tháng",
            Fact::branches_meeting_monthly, Fact::branches),
      flow("inspected_orgs", "Tổ chức đảng được kiểm tra", "tổ chức", Fact::inspected_orgs, yes),
      flow("inspected_members", "Đảng viên được kiểm tra", "đảng viên", Fact::inspected_members,
           yes),
      flow("supervised_orgs", "Tổ chức đảng được giám sát", "tổ chức", Fact::supervised_orgs, yes),
      flow("supervised_members", "Đảng viên được giám sát", "đảng viên", Fact::supervised_members,
           yes),
      flow("oversight_on_signs", "Kiểm tra, giám sát khi có dấu hiệu vi phạm", "cuộc",
           Fact::oversight_on_signs),
      flow("study_sessions", "Buổi học tập, quán triệt nghị quyết", "buổi", Fact::study_sessions,
           yes),
      ratio("study_attendance_pct", "Tỷ lệ đảng viên dự học tập, quán triệt", Fact::study_present,
            Fact::study_expected),
  };
}

}  // namespace

const std::vector<Indicator>& indicators() {
  static const std::vector<Indicator> list = make();
  return list;
}

const Indicator* find_indicator(std::string_view id) {
  for (const auto& ind : indicators()) {
    if (ind.id == id) return &ind;
  }
  return nullptr;
}

std::optional<double> value_of(const Indicator& ind, const Facts& facts) {
  double v = facts[ind.fact];
  if (ind.also) v += facts[*ind.also];
  if (ind.kind != IndicatorKind::ratio) return v;
  const double d = ind.denominator ? facts[*ind.denominator] : 0;
  if (d <= 0) return std::nullopt;
  return v * 100.0 / d;
}

}  // namespace dangvu::figures
