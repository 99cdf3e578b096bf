#include "report/review_report.h"

#include <cstdint>
#include <map>

#include "report/format.h"
#include "report/party_format.h"
#include "text/case.h"

namespace dangvu::report {
namespace {

const Indicator& ind(std::string_view id) { return *find_indicator(id); }

std::string integer(double v) { return format_integer(static_cast<std::int64_t>(v)); }

Block para(std::string t) { return {Block::Kind::paragraph, std::move(t), {}}; }
Block bullet(std::string t) { return {Block::Kind::bullet, std::move(t), {}}; }
Block draft(std::string t) { return {Block::Kind::draft, std::move(t), {}}; }
Block table(Table t) { return {Block::Kind::table, {}, std::move(t)}; }

class Builder {
 public:
  explicit Builder(const ReviewReportInput& in) : in_(in), ev_(in.ev) {
    root_ = ev_.tree().find(ev_.root);
    // The rows of the tables: the orgs directly below the root as of the period's end.
    rows_ = root_->children;
  }

  Document build() {
    Document d;
    if (root_->parent) {
      d.superior = text::to_upper_vi(ev_.tree().find(*root_->parent)->name);
    }
    d.issuer = text::to_upper_vi(root_->name);
    d.number = "Số       -BC/" + issuer_abbreviation(root_->kind);
    d.place_date = place_date_line(in_.today);
    d.kind_title = "BÁO CÁO";
    d.title = review_report_title(ev_.period);
    d.sections = {situation(),    {"II. KẾT QUẢ THỰC HIỆN CÔNG TÁC XÂY DỰNG ĐẢNG", 1, {}},
                  organization(), meetings(),
                  oversight(),    study(),
                  limitations(),  tasks()};
    if (root_->parent) {
      d.recipients.push_back("Ban Thường vụ " + ev_.tree().find(*root_->parent)->name +
                             " (để b/c),");
    }
    if (!rows_.empty()) d.recipients.push_back("Các tổ chức đảng trực thuộc,");
    d.recipients.push_back("Lưu Văn phòng.");
    d.signer_authority = signer_authority(root_->kind);
    d.signer_title = "BÍ THƯ";
    d.annex = {indicator_annex(), checks_annex()};
    return d;
  }

  ReportHighlights highlights() const {
    return {
        review_report_title(ev_.period),
        {situation_text(), organization_text(), meetings_text(), oversight_text(), study_text()}};
  }

 private:
  double f(Fact fact) const { return ev_.facts(ev_.root)[fact]; }
  std::string pct(std::string_view id, OrgId org) const {
    auto v = ev_.value(ind(id), org);
    return v ? format_percent(*v) : "—";
  }
  std::string label() const { return ev_.period.label_vi(); }

  // "62/80 tổ chức (đạt 77,5% kế hoạch năm)", or "62 tổ chức" without a target.
  std::string against_plan(std::string_view id) const {
    const Indicator& i = ind(id);
    auto target = ev_.target(i, ev_.root);
    const double period = f(i.fact);
    if (!target) return integer(period) + " " + std::string(i.unit_vi);
    const double year = ev_.year_done(i, ev_.root).value_or(0);
    std::string s = integer(year) + "/" + integer(*target) + " " + std::string(i.unit_vi) +
                    " (đạt " + format_percent(*ev_.plan_pct(i, ev_.root)) + " kế hoạch năm)";
    if (ev_.period.first != ev_.period.year_first()) {
      s = integer(period) + " " + std::string(i.unit_vi) + " trong kỳ, lũy kế từ đầu năm " + s;
    }
    return s;
  }

  std::string situation_text() const {
    std::string t = root_->name + " ";
    const double grassroots = f(Fact::grassroots_committees) + f(Fact::grassroots_branches);
    if (grassroots > 0) {
      t += "có " + integer(grassroots) + " tổ chức cơ sở đảng, trong đó có " +
           integer(f(Fact::grassroots_committees)) + " đảng bộ cơ sở với " +
           integer(f(Fact::sub_branches)) + " chi bộ trực thuộc và " +
           integer(f(Fact::grassroots_branches)) + " chi bộ cơ sở; ";
    } else if (f(Fact::sub_branches) > 0) {
      t += "có " + integer(f(Fact::sub_branches)) + " chi bộ trực thuộc; ";
    }
    t += "tổng số đảng viên là " +
         integer(f(Fact::members_official) + f(Fact::members_probationary)) + " đồng chí (" +
         integer(f(Fact::members_official)) + " chính thức, " +
         integer(f(Fact::members_probationary)) + " dự bị), tính đến ngày " + ev_.as_of.vi() + ".";
    return t;
  }

  Section situation() const {
    Section s{"I. ĐẶC ĐIỂM, TÌNH HÌNH", 1, {}};
    s.blocks.push_back(para(situation_text()));
    s.blocks.push_back(
        draft("Đặc điểm tình hình chính trị, kinh tế - xã hội của cơ quan, đơn vị "
              "trong kỳ; những thuận lợi, khó khăn."));
    return s;
  }

  // A table with one row per org below the root and a total row; `cells` gives one org's cells.
  template <typename CellsOf>
  Table per_org_table(std::string id, std::string title, std::vector<std::string> header,
                      CellsOf cells) const {
    Table t;
    t.id = std::move(id);
    t.title = std::move(title);
    t.header = std::move(header);
    for (OrgId org : rows_) {
      std::vector<Cell> row{Cell::of_text(ev_.tree().find(org)->name)};
      for (auto& c : cells(org)) row.push_back(std::move(c));
      t.rows.push_back(std::move(row));
    }
    std::vector<Cell> total{Cell::of_text("Tổng cộng")};
    for (auto& c : cells(ev_.root)) total.push_back(std::move(c));
    t.rows.push_back(std::move(total));
    t.last_row_is_total = true;
    return t;
  }

  Cell count_cell(OrgId org, Fact fact) const { return Cell::of_integer(ev_.facts(org)[fact]); }

  std::string organization_text() const {
    std::string t = "Trong " + label() + ", các tổ chức đảng đã kết nạp " + admitted_phrase() +
                    ", công nhận đảng viên chính thức cho " + integer(f(Fact::recognized)) +
                    " đảng viên dự bị.";
    if (f(Fact::probation_overdue) > 0) {
      t += " Còn " + integer(f(Fact::probation_overdue)) +
           " đảng viên dự bị quá hạn xét công nhận chính thức.";
    }
    return t;
  }

  Section organization() const {
    Section s{"1. Công tác tổ chức, đảng viên", 2, {}};
    s.blocks.push_back(para(organization_text()));
    if (!rows_.empty()) {
      s.blocks.push_back(table(per_org_table(
          "members", "Biểu 1. Đảng viên và công tác phát triển đảng viên",
          {"Tổ chức", "Tổng số đảng viên", "Chính thức", "Dự bị", "Kết nạp trong kỳ",
           "Công nhận chính thức trong kỳ"},
          [&](OrgId org) {
            const Facts& x = ev_.facts(org);
            return std::vector<Cell>{
                Cell::of_integer(x[Fact::members_official] + x[Fact::members_probationary]),
                count_cell(org, Fact::members_official),
                count_cell(org, Fact::members_probationary), count_cell(org, Fact::admitted),
                count_cell(org, Fact::recognized)};
          })));
    }
    return s;
  }

  std::string admitted_phrase() const {
    const Indicator& i = ind("admitted");
    auto target = ev_.target(i, ev_.root);
    const double period = f(i.fact);
    if (!target) return integer(period) + " đảng viên mới";
    return integer(period) + " đảng viên mới (lũy kế từ đầu năm " +
           integer(ev_.year_done(i, ev_.root).value_or(0)) + "/" + integer(*target) + ", đạt " +
           format_percent(*ev_.plan_pct(i, ev_.root)) + " kế hoạch năm)";
  }

  std::string meetings_text() const {
    std::string t = "Các chi bộ đã tổ chức " + integer(f(Fact::meetings_regular)) +
                    " buổi sinh hoạt định kỳ và " + integer(f(Fact::meetings_thematic)) +
                    " buổi sinh hoạt chuyên đề; tỷ lệ đảng viên dự sinh hoạt đạt " +
                    pct("meeting_attendance_pct", ev_.root) + ".";
    if (ev_.required_months > 0) {
      t += " Có " + integer(f(Fact::branches_meeting_monthly)) + "/" + integer(f(Fact::branches)) +
           " chi bộ sinh hoạt định kỳ đủ hằng tháng (" + pct("meeting_compliance_pct", ev_.root) +
           ").";
    }
    return t;
  }

  Section meetings() const {
    Section s{"2. Sinh hoạt chi bộ", 2, {}};
    s.blocks.push_back(para(meetings_text()));
    if (!rows_.empty()) {
      s.blocks.push_back(table(per_org_table(
          "meetings", "Biểu 2. Sinh hoạt chi bộ",
          {"Tổ chức", "Số chi bộ", "Sinh hoạt đủ hằng tháng", "Buổi định kỳ", "Buổi chuyên đề",
           "Tỷ lệ dự sinh hoạt"},
          [&](OrgId org) {
            return std::vector<Cell>{
                count_cell(org, Fact::branches), count_cell(org, Fact::branches_meeting_monthly),
                count_cell(org, Fact::meetings_regular), count_cell(org, Fact::meetings_thematic),
                Cell::of_percent(ev_.value(ind("meeting_attendance_pct"), org))};
          })));
    }
    return s;
  }

  std::string oversight_text() const {
    std::string t = "Các tổ chức đảng đã kiểm tra được " + against_plan("inspected_orgs") +
                    ", kiểm tra được " + against_plan("inspected_members") + "; giám sát " +
                    against_plan("supervised_orgs") + " và " + against_plan("supervised_members") +
                    ".";
    if (f(Fact::oversight_on_signs) > 0) {
      t += " Trong đó có " + integer(f(Fact::oversight_on_signs)) +
           " cuộc kiểm tra, giám sát khi có dấu hiệu vi phạm.";
    }
    return t;
  }

  Section oversight() const {
    Section s{"3. Công tác kiểm tra, giám sát", 2, {}};
    s.blocks.push_back(para(oversight_text()));
    if (!rows_.empty()) {
      auto plan_cells = [&](OrgId org, std::string_view id) {
        const Indicator& i = ind(id);
        auto target = ev_.target(i, org);
        return std::vector<Cell>{Cell::of_integer(ev_.year_done(i, org).value_or(0)),
                                 target ? Cell::of_integer(*target) : Cell::of_text("—"),
                                 Cell::of_percent(ev_.plan_pct(i, org))};
      };
      s.blocks.push_back(table(per_org_table(
          "oversight", "Biểu 3. Kiểm tra, giám sát (lũy kế từ đầu năm so với kế hoạch năm)",
          {"Tổ chức", "Tổ chức được kiểm tra", "Kế hoạch", "Đạt", "Đảng viên được kiểm tra",
           "Kế hoạch", "Đạt", "Tổ chức được giám sát", "Đảng viên được giám sát"},
          [&](OrgId org) {
            auto cells = plan_cells(org, "inspected_orgs");
            for (auto& c : plan_cells(org, "inspected_members")) cells.push_back(std::move(c));
            cells.push_back(
                Cell::of_integer(ev_.year_done(ind("supervised_orgs"), org).value_or(0)));
            cells.push_back(
                Cell::of_integer(ev_.year_done(ind("supervised_members"), org).value_or(0)));
            return cells;
          })));
    }
    return s;
  }

  std::string study_text() const {
    return "Các tổ chức đảng đã tổ chức " + integer(f(Fact::study_sessions)) +
           " buổi học tập, quán triệt; tỷ lệ đảng viên tham dự đạt " +
           pct("study_attendance_pct", ev_.root) + ".";
  }

  Section study() const {
    Section s{"4. Học tập, quán triệt, triển khai thực hiện nghị quyết", 2, {}};
    s.blocks.push_back(para(study_text()));
    for (const auto& doc : in_.studied) {
      s.blocks.push_back(bullet(doc.number + ": " + doc.title + " (" +
                                integer(static_cast<double>(doc.sessions)) + " buổi)."));
    }
    s.blocks.push_back(
        draft("Công tác giáo dục chính trị tư tưởng, dân vận và các mặt công tác "
              "khác trong kỳ."));
    return s;
  }

  std::map<std::string, int> check_counts() const {
    std::map<std::string, int> n;
    for (const auto& c : in_.checks) ++n[c.rule];
    return n;
  }

  Section limitations() const {
    Section s{"III. HẠN CHẾ, NGUYÊN NHÂN", 1, {}};
    auto n = check_counts();
    if (n["meeting.monthly_missing"] > 0) {
      s.blocks.push_back(bullet("Còn " + std::to_string(n["meeting.monthly_missing"]) +
                                " chi bộ chưa sinh hoạt định kỳ đủ hằng tháng (chi tiết tại "
                                "Phụ lục)."));
    }
    if (f(Fact::probation_overdue) > 0) {
      s.blocks.push_back(bullet(integer(f(Fact::probation_overdue)) +
                                " đảng viên dự bị quá hạn nhưng chưa được xét công nhận chính "
                                "thức."));
    }
    if (n["plan.no_targets"] > 0) {
      s.blocks.push_back(
          bullet(std::to_string(n["plan.no_targets"]) + " tổ chức chưa có chỉ tiêu kế hoạch năm."));
    }
    if (n["branch.below_minimum"] > 0) {
      s.blocks.push_back(bullet(std::to_string(n["branch.below_minimum"]) +
                                " chi bộ có dưới 3 đảng viên chính thức."));
    }
    s.blocks.push_back(draft("Đánh giá hạn chế khác và nguyên nhân (chủ quan, khách quan)."));
    return s;
  }

  Section tasks() const {
    const Period next = ev_.period.next();
    Section s{"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM " + text::to_upper_vi(next.label_vi()), 1, {}};
    if (next.last.year() == ev_.as_of.year()) {
      for (const auto& i : indicators()) {
        auto target = ev_.target(i, ev_.root);
        if (!target) continue;
        const double left = *target - ev_.year_done(i, ev_.root).value_or(0);
        if (left > 0) {
          s.blocks.push_back(bullet("Hoàn thành chỉ tiêu «" + std::string(i.label_vi) + "»: còn " +
                                    integer(left) + " " + std::string(i.unit_vi) +
                                    " theo kế hoạch năm " + std::to_string(ev_.as_of.year()) +
                                    "."));
        }
      }
    }
    if (f(Fact::probation_overdue) > 0) {
      s.blocks.push_back(bullet("Xét công nhận chính thức cho " +
                                integer(f(Fact::probation_overdue)) +
                                " đảng viên dự bị đã quá hạn."));
    }
    s.blocks.push_back(draft("Các nhiệm vụ trọng tâm khác của " + next.label_vi() + "."));
    return s;
  }

  Section indicator_annex() const {
    Table t;
    t.id = "indicators";
    t.title = "Biểu 4. Các chỉ tiêu của " + root_->name + ", " + label();
    t.header = {"Chỉ tiêu",          "Đơn vị",       "Trong kỳ",
                "Lũy kế từ đầu năm", "Kế hoạch năm", "Đạt % kế hoạch năm"};
    for (const auto& i : indicators()) {
      std::vector<Cell> row{Cell::of_text(std::string(i.label_vi)),
                            Cell::of_text(std::string(i.unit_vi))};
      auto v = ev_.value(i, ev_.root);
      row.push_back(i.kind == IndicatorKind::ratio ? Cell::of_percent(v)
                                                   : Cell::of_integer(v.value_or(0)));
      if (i.kind == IndicatorKind::flow) {
        row.push_back(Cell::of_integer(ev_.year_done(i, ev_.root).value_or(0)));
      } else {
        row.push_back(Cell::of_text(""));
      }
      auto target = ev_.target(i, ev_.root);
      row.push_back(target ? Cell::of_integer(*target) : Cell::of_text(""));
      auto p = ev_.plan_pct(i, ev_.root);
      row.push_back(p ? Cell::of_percent(p) : Cell::of_text(""));
      t.rows.push_back(std::move(row));
    }
    return {"PHỤ LỤC 1. CÁC CHỈ TIÊU", 1, {table(std::move(t))}};
  }

  Section checks_annex() const {
    Section s{"PHỤ LỤC 2. KIỂM TRA SỐ LIỆU", 1, {}};
    if (in_.checks.empty()) {
      s.blocks.push_back(para("Không phát hiện số liệu bất thường."));
      return s;
    }
    s.blocks.push_back(
        para("Các điểm dưới đây do hệ thống phát hiện khi đối chiếu số liệu; "
             "số liệu không được tự động sửa."));
    Table t;
    t.id = "checks";
    t.title = "Biểu 5. Kết quả kiểm tra số liệu";
    t.header = {"Nội dung kiểm tra", "Tổ chức", "Chi tiết"};
    for (const auto& c : in_.checks) {
      t.rows.push_back({Cell::of_text(check_title_vi(c.rule)), Cell::of_text(c.org_name),
                        Cell::of_text(c.message_vi)});
    }
    s.blocks.push_back(table(std::move(t)));
    return s;
  }

  const ReviewReportInput& in_;
  const Evaluation& ev_;
  const OrgTree::Node* root_ = nullptr;
  std::vector<OrgId> rows_;
};

}  // namespace

std::string review_report_title(const Period& period) {
  const std::string next = period.next().label_vi();
  switch (period.kind) {
    case PeriodKind::month:
    case PeriodKind::quarter:
      return "Kết quả công tác xây dựng Đảng " + period.label_vi() + ", nhiệm vụ trọng tâm " + next;
    case PeriodKind::half_year:
      return "Sơ kết công tác xây dựng Đảng " + period.label_vi() + ", phương hướng, nhiệm vụ " +
             next;
    case PeriodKind::year:
      return "Tổng kết công tác xây dựng Đảng " + period.label_vi() + ", phương hướng, nhiệm vụ " +
             next;
    case PeriodKind::term: return "Tổng kết công tác xây dựng Đảng " + period.label_vi();
  }
  return period.label_vi();
}

Document build_review_report(const ReviewReportInput& in) { return Builder(in).build(); }

ReportHighlights review_report_highlights(const ReviewReportInput& in) {
  return Builder(in).highlights();
}

}  // namespace dangvu::report
