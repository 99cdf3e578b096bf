#include "report/review_report.h"

#include <cstdint>
#include <map>

#include "report/blocks.h"
#include "report/dues_document.h"
#include "report/format.h"
#include "report/party_format.h"
#include "report/year_results_text.h"
#include "text/case.h"

namespace dangvu::report {
namespace {

const Indicator& ind(std::string_view id) { return *find_indicator(id); }

std::string integer(double v) { return format_integer(static_cast<std::int64_t>(v)); }

Facts minus(Facts a, const Facts& b) {
  for (std::size_t i = 0; i < kFactCount; ++i) a.v[i] -= b.v[i];
  return a;
}

bool any_nonzero(const Facts& f, std::initializer_list<Fact> which) {
  for (Fact x : which) {
    if (f[x] != 0) return true;
  }
  return false;
}

// One row of a table by org: an org below the root, the committee's own work (what the root did
// itself: the total less the orgs below, so the rows add up), or the total.
struct Row {
  std::string name;
  Facts period, year;
  std::optional<OrgId> org;  // none for the committee's own row (no target of its own)
  bool total = false;
};

class Builder {
 public:
  explicit Builder(const ReviewReportInput& in) : in_(in), ev_(in.ev) {
    root_ = ev_.tree().find(ev_.root);
    for (OrgId id : root_->children) {
      rows_.push_back({ev_.tree().find(id)->name, ev_.facts(id), year_of(id), id, false});
    }
    if (!rows_.empty()) {
      Facts below_period, below_year;
      for (const auto& r : rows_) {
        below_period += r.period;
        below_year += r.year;
      }
      Row own{in_.issuer.committee + " (trực tiếp)", minus(ev_.facts(ev_.root), below_period),
              minus(year_of(ev_.root), below_year), std::nullopt, false};
      own_row_ = own;
    }
    total_ = {"Tổng cộng", ev_.facts(ev_.root), year_of(ev_.root), ev_.root, true};
  }

  Document build() const {
    Document d;
    letterhead(d, "BC");
    d.kind_title = "BÁO CÁO";
    d.title = review_report_title(ev_.period, in_.issuer.for_cluster);
    static const std::vector<ReportSection> defaults = RuleSet::defaults().report_outline;
    for (const auto& o : in_.outline != nullptr ? *in_.outline : defaults) {
      Section s{o.heading, o.level, {}};
      if (o.key == "tasks") s.heading += " " + text::to_upper_vi(ev_.period.next().label_vi());
      fill(o.key, s);
      d.sections.push_back(std::move(s));
    }
    recipients(d);
    d.annex = {indicator_annex()};
    return d;
  }

  Document check_sheet() const {
    Document d;
    d.issuer = text::to_upper_vi(in_.issuer.committee);
    d.place_date = place_line();
    d.kind_title = "PHIẾU ĐỐI CHIẾU SỐ LIỆU";
    d.title = "Kèm dự thảo Báo cáo " + lower_first(review_report_title(ev_.period)) +
              " (tài liệu làm việc của văn phòng, không gửi kèm báo cáo)";
    Section s{"", 1, {}};
    if (in_.checks.empty()) {
      s.blocks.push_back(paragraph("Không phát hiện số liệu bất thường."));
    } else {
      s.blocks.push_back(paragraph(
          "Các điểm dưới đây được phát hiện khi đối chiếu số liệu đã ghi nhận, tính đến ngày " +
          ev_.as_of.vi() +
          "; số liệu không được tự động sửa. Đề nghị các tổ chức rà soát, bổ sung trước khi "
          "hoàn thiện báo cáo."));
      Table t;
      t.id = "checks";
      t.title = "Kết quả đối chiếu số liệu";
      t.header = {"Nội dung", "Tổ chức", "Chi tiết"};
      for (const auto& c : in_.checks) {
        t.rows.push_back({Cell::of_text(check_title_vi(c.rule)), Cell::of_text(c.org_name),
                          Cell::of_text(c.message_vi)});
      }
      s.blocks.push_back(table_block(std::move(t)));
    }
    d.sections = {std::move(s)};
    return d;
  }

  // The year's results and the badges awarded, as the organization section states them.
  std::vector<std::string> year_end_sentences() const {
    std::vector<std::string> out;
    if (in_.year_results) out = year_results_sentences(*in_.year_results);
    if (in_.badges) {
      if (auto b = badges_sentence(*in_.badges)) out.push_back(*b);
    }
    return out;
  }

  ReportHighlights highlights() const {
    ReportHighlights h{review_report_title(ev_.period, in_.issuer.for_cluster), {}, {}};
    for (auto s :
         {situation_text(), organization_text(), meetings_text(), oversight_text(), study_text()}) {
      if (!s.empty()) h.sentences.push_back(std::move(s));
    }
    for (auto& s : year_end_sentences()) h.sentences.push_back(std::move(s));
    h.public_sentences = public_sentences();
    return h;
  }

  std::vector<std::string> public_sentences() const {
    std::vector<std::string> out;
    const double members = f(Fact::members_official) + f(Fact::members_probationary);
    if (members > 0) {
      out.push_back("Tính đến ngày " + ev_.as_of.vi() + ", " + root_->name + " có " +
                    integer(members) + " đảng viên.");
    }
    std::vector<std::string> done;
    if (f(Fact::admitted) > 0)
      done.push_back("kết nạp " + integer(f(Fact::admitted)) + " đảng viên mới");
    if (f(Fact::recognized) > 0) {
      done.push_back("công nhận đảng viên chính thức cho " + integer(f(Fact::recognized)) +
                     " đồng chí");
    }
    if (f(Fact::study_sessions) > 0) {
      done.push_back("tổ chức " + integer(f(Fact::study_sessions)) +
                     " buổi học tập, quán triệt nghị quyết, chỉ thị của Đảng");
    }
    if (f(Fact::meetings_thematic) > 0) {
      done.push_back("tổ chức " + integer(f(Fact::meetings_thematic)) +
                     " buổi sinh hoạt chuyên đề");
    }
    // "kiểm tra 3 tổ chức đảng và 5 đảng viên", naming only what is not zero.
    auto whom = [&](Fact of_orgs, Fact of_members) -> std::string {
      std::vector<std::string> parts;
      if (f(of_orgs) > 0) parts.push_back(integer(f(of_orgs)) + " tổ chức đảng");
      if (f(of_members) > 0) parts.push_back(integer(f(of_members)) + " đảng viên");
      if (parts.empty()) return {};
      return parts.size() == 2 ? parts[0] + " và " + parts[1] : parts[0];
    };
    if (auto w = whom(Fact::inspected_orgs, Fact::inspected_members); !w.empty()) {
      done.push_back("kiểm tra " + w);
    }
    if (auto w = whom(Fact::supervised_orgs, Fact::supervised_members); !w.empty()) {
      done.push_back("giám sát " + w);
    }
    if (!done.empty()) {
      std::string t = "Trong " + label() + ", các tổ chức đảng đã ";
      for (std::size_t i = 0; i < done.size(); ++i) t += (i == 0 ? "" : "; ") + done[i];
      out.push_back(t + ".");
    }
    return out;
  }

 private:
  static std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
  }

  Facts year_of(OrgId org) const {
    auto it = ev_.year_facts.find(org);
    return it == ev_.year_facts.end() ? Facts{} : it->second;
  }
  double f(Fact fact) const { return ev_.facts(ev_.root)[fact]; }
  double y(Fact fact) const { return year_of(ev_.root)[fact]; }
  std::string label() const { return ev_.period.label_vi(); }
  bool year_first() const { return ev_.period.first == ev_.period.year_first(); }

  std::string place_line() const { return place_date_line(in_.issuer.place, in_.dated); }

  void letterhead(Document& d, const std::string& type) const {
    d.superior = text::to_upper_vi(in_.issuer.superior);
    d.issuer = text::to_upper_vi(in_.issuer.committee);
    d.number = "Số       -" + type + "/" + in_.issuer.symbol;
    d.place_date = place_line();
    d.signer_authority = in_.issuer.authority;
    d.signer_title = in_.issuer.signer_title;
    d.signer_name = in_.issuer.signer_name;
  }

  void recipients(Document& d) const {
    const Issuer& i = in_.issuer;
    if (!i.superior_recipient.empty()) {
      d.recipients.push_back(i.superior_recipient + " (để báo cáo),");
    } else if (i.symbol == "TU") {
      // A province's or a centrally governed city's committee reports to the Secretariat.
      d.recipients.push_back("Ban Bí thư Trung ương Đảng (để báo cáo),");
      d.recipients.push_back("Văn phòng Trung ương Đảng,");
    }
    if (!i.for_cluster.empty()) {
      d.recipients.push_back("Các tổ chức đảng trong cụm,");
    } else if (!root_->children.empty()) {
      d.recipients.push_back("Các tổ chức đảng trực thuộc,");
    }
    d.recipients.push_back(archive_line(i));
  }

  // "45/74 tổ chức (đạt 60,8% kế hoạch năm)"; in a period that is not the year's start, the
  // period's count first, then the year so far. Without a target, the count alone.
  std::string against_plan(std::string_view id) const {
    const Indicator& i = ind(id);
    auto target = ev_.target(i, ev_.root);
    const double period = f(i.fact);
    if (!target) return integer(period) + " " + std::string(i.unit_vi);
    std::string s =
        y(i.fact) == 0
            ? "0 " + std::string(i.unit_vi) + " (kế hoạch năm: " + integer(*target) + ")"
            : integer(y(i.fact)) + "/" + integer(*target) + " " + std::string(i.unit_vi) +
                  " (đạt " + plan_percent(*ev_.plan_pct(i, ev_.root)) + " kế hoạch năm)";
    if (!year_first()) {
      s = integer(period) + " " + std::string(i.unit_vi) + " trong kỳ, lũy kế từ đầu năm " + s;
    }
    return s;
  }

  std::string situation_text() const {
    const double committees = f(Fact::grassroots_committees);
    const double branches = f(Fact::grassroots_branches);
    const double subs = f(Fact::sub_branches);
    std::string orgs;  // what the subtree holds, as far as there is anything to say
    if (root_->kind == OrgKind::grassroots_committee) {
      if (subs > 0) orgs = integer(subs) + " chi bộ trực thuộc";
    } else if (root_->kind == OrgKind::upper_committee || root_->kind == OrgKind::cluster) {
      std::vector<std::string> parts;
      if (committees > 0) {
        parts.push_back(integer(committees) + " đảng bộ cơ sở" +
                        (subs > 0 ? " với " + integer(subs) + " chi bộ trực thuộc" : ""));
      }
      if (branches > 0) parts.push_back(integer(branches) + " chi bộ cơ sở");
      if (parts.size() == 2) {
        orgs = integer(committees + branches) + " tổ chức cơ sở đảng (" + parts[0] + ", " +
               parts[1] + ")";
      } else if (parts.size() == 1) {
        orgs = parts[0];
      }
    }
    const std::string members = "tổng số đảng viên là " +
                                integer(f(Fact::members_official) + f(Fact::members_probationary)) +
                                " đồng chí (" + integer(f(Fact::members_official)) +
                                " chính thức, " + integer(f(Fact::members_probationary)) +
                                " dự bị), tính đến ngày " + ev_.as_of.vi() + ".";
    return root_->name + " có " + (orgs.empty() ? members : orgs + "; " + members);
  }

  std::string admitted_phrase() const {
    const Indicator& i = ind("admitted");
    auto target = ev_.target(i, ev_.root);
    const double period = f(i.fact);
    if (!target) return integer(period) + " đảng viên mới";
    std::string s = integer(period) + " đảng viên mới (";
    if (!year_first())
      s += "lũy kế từ đầu năm " + integer(y(i.fact)) + "/" + integer(*target) + ", ";
    return s + "đạt " + plan_percent(*ev_.plan_pct(i, ev_.root)) + " kế hoạch năm)";
  }

  std::string organization_text() const {
    std::string t = "Trong " + label() + ", đã kết nạp " + admitted_phrase() +
                    ", công nhận đảng viên chính thức cho " + integer(f(Fact::recognized)) +
                    " đảng viên dự bị.";
    if (f(Fact::probation_overdue) > 0) {
      t += " Còn " + integer(f(Fact::probation_overdue)) +
           " đảng viên dự bị quá hạn chưa được xét công nhận chính thức.";
    }
    return t;
  }

  // "60,8%", "166,7%": as the report's tables write it (a rounded "167%" beside "166,7%" in the
  // table read as two figures).
  static std::string plan_percent(double p) { return format_percent(p); }

  bool has_meetings() const {
    return any_nonzero(ev_.facts(ev_.root), {Fact::meetings_regular, Fact::meetings_thematic});
  }
  bool has_oversight() const {
    return any_nonzero(year_of(ev_.root), {Fact::inspected_orgs, Fact::inspected_members,
                                           Fact::supervised_orgs, Fact::supervised_members});
  }
  bool has_study() const { return f(Fact::study_sessions) > 0; }

  // Empty when nothing is recorded: no records is no figure, never a failure.
  std::string meetings_text() const {
    if (!has_meetings()) return {};
    std::string t = "Các chi bộ đã tổ chức " + integer(f(Fact::meetings_regular)) +
                    " buổi sinh hoạt định kỳ và " + integer(f(Fact::meetings_thematic)) +
                    " buổi sinh hoạt chuyên đề; tỷ lệ đảng viên dự sinh hoạt đạt " +
                    pct("meeting_attendance_pct") + ".";
    if (ev_.required_months > 0) {
      t += " Có " + integer(f(Fact::branches_meeting_monthly)) + "/" + integer(f(Fact::branches)) +
           " chi bộ sinh hoạt định kỳ đủ hằng tháng (đạt " + pct("meeting_compliance_pct") + ").";
    }
    return t;
  }

  std::string oversight_text() const {
    if (!has_oversight()) return {};
    std::string t = "Các cấp ủy, tổ chức đảng đã kiểm tra được " + against_plan("inspected_orgs") +
                    " và " + against_plan("inspected_members") + "; giám sát được " +
                    against_plan("supervised_orgs") + " và " + against_plan("supervised_members") +
                    ".";
    if (f(Fact::oversight_on_signs) > 0) {
      t += " Trong đó có " + integer(f(Fact::oversight_on_signs)) +
           " cuộc kiểm tra, giám sát khi có dấu hiệu vi phạm.";
    }
    return t;
  }

  std::string study_text() const {
    if (!has_study()) return {};
    return "Đã tổ chức " + integer(f(Fact::study_sessions)) +
           " buổi học tập, quán triệt, triển khai nghị quyết, chỉ thị của Đảng; tỷ lệ đảng viên "
           "tham dự đạt " +
           pct("study_attendance_pct") + ".";
  }

  std::string pct(std::string_view id) const {
    auto v = ev_.value(ind(id), ev_.root);
    return v ? format_percent(*v) : "—";
  }

  template <typename CellsOf>
  Table per_org_table(std::string id, std::string title, std::vector<std::string> header,
                      CellsOf cells, std::initializer_list<Fact> own_facts) const {
    Table t;
    t.id = std::move(id);
    t.title = std::move(title);
    t.header = std::move(header);
    auto add = [&](const Row& r) {
      std::vector<Cell> row{Cell::of_text(r.name)};
      for (auto& c : cells(r)) row.push_back(std::move(c));
      t.rows.push_back(std::move(row));
    };
    for (const auto& r : rows_) add(r);
    bool own_plan = false;
    for (Fact fact : own_facts) {
      for (const auto& i : indicators()) own_plan = own_plan || (i.fact == fact && own_target(i));
    }
    if (own_row_ && (any_nonzero(own_row_->period, own_facts) ||
                     any_nonzero(own_row_->year, own_facts) || own_plan)) {
      add(*own_row_);
    }
    add(total_);
    t.last_row_is_total = true;
    return t;
  }

  Table members_table() const {
    return per_org_table(
        "members", "Biểu 1. Đảng viên và phát triển đảng viên",
        {"Tổ chức", "Tổng số đảng viên", "Chính thức", "Dự bị", "Kết nạp", "Công nhận chính thức"},
        [](const Row& r) {
          const Facts& x = r.period;
          return std::vector<Cell>{
              Cell::of_integer(x[Fact::members_official] + x[Fact::members_probationary]),
              Cell::of_integer(x[Fact::members_official]),
              Cell::of_integer(x[Fact::members_probationary]), Cell::of_integer(x[Fact::admitted]),
              Cell::of_integer(x[Fact::recognized])};
        },
        {Fact::members_official, Fact::members_probationary, Fact::admitted, Fact::recognized});
  }

  Table meetings_table() const {
    return per_org_table("meetings", "Biểu 2. Sinh hoạt chi bộ",
                         {"Tổ chức", "Số chi bộ", "Sinh hoạt đủ hằng tháng", "Buổi định kỳ",
                          "Buổi chuyên đề", "Tỷ lệ dự sinh hoạt"},
                         [](const Row& r) {
                           const Facts& x = r.period;
                           return std::vector<Cell>{
                               Cell::of_integer(x[Fact::branches]),
                               Cell::of_integer(x[Fact::branches_meeting_monthly]),
                               Cell::of_integer(x[Fact::meetings_regular]),
                               Cell::of_integer(x[Fact::meetings_thematic]),
                               Cell::of_percent(value_of(ind("meeting_attendance_pct"), x))};
                         },
                         {Fact::branches, Fact::meetings_regular, Fact::meetings_thematic});
  }

  Table oversight_table() const {
    auto plan_cells = [&](const Row& r, std::string_view id) {
      const Indicator& i = ind(id);
      const double done = r.year[i.fact];
      auto target = r.org ? ev_.target(i, *r.org) : own_target(i);
      return std::vector<Cell>{
          Cell::of_integer(done), target ? Cell::of_integer(*target) : Cell::of_text("—"),
          target ? Cell::of_percent(done * 100.0 / *target) : Cell::of_text("—")};
    };
    return per_org_table("oversight",
                         "Biểu 3. Kiểm tra, giám sát (lũy kế từ đầu năm so với kế hoạch năm)",
                         {"Tổ chức", "Kiểm tra tổ chức", "Kế hoạch", "Đạt", "Kiểm tra đảng viên",
                          "Kế hoạch", "Đạt", "Giám sát tổ chức", "Giám sát đảng viên"},
                         [&](const Row& r) {
                           auto cells = plan_cells(r, "inspected_orgs");
                           for (auto& c : plan_cells(r, "inspected_members"))
                             cells.push_back(std::move(c));
                           cells.push_back(Cell::of_integer(r.year[Fact::supervised_orgs]));
                           cells.push_back(Cell::of_integer(r.year[Fact::supervised_members]));
                           return cells;
                         },
                         {Fact::inspected_orgs, Fact::inspected_members, Fact::supervised_orgs,
                          Fact::supervised_members});
  }

  // The committee's own plan: its subtree's plan less the plans of the orgs below it (where plans
  // add up the tree; an outcome of the whole subtree has no own part).
  std::optional<double> own_target(const Indicator& i) const {
    if (i.target_covers_subtree) return std::nullopt;
    const double all = ev_.target(i, ev_.root).value_or(0);
    double below = 0;
    for (OrgId child : root_->children) below += ev_.target(i, child).value_or(0);
    if (all - below <= 0) return std::nullopt;
    return all - below;
  }

  void fill(std::string_view key, Section& s) const {
    const bool tables = !rows_.empty();
    if (key == "situation") {
      s.blocks.push_back(paragraph(situation_text()));
      s.blocks.push_back(
          draft("Đặc điểm tình hình chính trị, kinh tế - xã hội của cơ quan, đơn vị trong kỳ; "
                "những thuận lợi, khó khăn."));
    } else if (key == "political_tasks") {
      s.blocks.push_back(
          draft("Kết quả lãnh đạo cơ quan, đơn vị thực hiện nhiệm vụ chính trị, chuyên môn "
                "trong kỳ."));
    } else if (key == "ideology") {
      if (has_study()) {
        s.blocks.push_back(paragraph(study_text() + " Các văn bản được học tập, quán triệt:"));
        for (const auto& doc : in_.studied) {
          s.blocks.push_back(bullet(cite_document(doc) + " (" +
                                    integer(static_cast<double>(doc.sessions)) + " buổi);"));
        }
        if (!s.blocks.empty() && s.blocks.back().kind == Block::Kind::bullet) {
          auto& last = s.blocks.back().text;
          last.back() = '.';
        }
      } else {
        s.blocks.push_back(paragraph("Học tập, quán triệt nghị quyết: chưa có số liệu."));
      }
      s.blocks.push_back(
          draft("Tình hình tư tưởng của cán bộ, đảng viên; việc học tập và làm theo tư tưởng, "
                "đạo đức, phong cách Hồ Chí Minh."));
    } else if (key == "organization") {
      s.blocks.push_back(paragraph(organization_text()));
      if (tables) s.blocks.push_back(table_block(members_table()));
      if (in_.dues && in_.dues->owed > 0) {
        const double percent =
            static_cast<double>(in_.dues->collected) * 100.0 / static_cast<double>(in_.dues->owed);
        s.blocks.push_back(paragraph(*dues_rate_sentence(*in_.dues, percent)));
      }
      for (const auto& sentence : year_end_sentences()) s.blocks.push_back(paragraph(sentence));
      s.blocks.push_back(draft("Công tác cán bộ; củng cố, kiện toàn tổ chức trong kỳ."));
    } else if (key == "meetings") {
      if (has_meetings()) {
        s.blocks.push_back(paragraph(meetings_text()));
        if (tables) s.blocks.push_back(table_block(meetings_table()));
      } else {
        s.blocks.push_back(paragraph("Sinh hoạt chi bộ: chưa có số liệu."));
      }
      s.blocks.push_back(draft("Chất lượng sinh hoạt chi bộ; các chuyên đề đã sinh hoạt."));
    } else if (key == "oversight") {
      if (has_oversight()) {
        s.blocks.push_back(paragraph(oversight_text()));
        if (tables) s.blocks.push_back(table_block(oversight_table()));
      } else {
        s.blocks.push_back(paragraph("Kiểm tra, giám sát: chưa có số liệu."));
      }
    } else if (key == "mass_mobilization") {
      s.blocks.push_back(
          draft("Lãnh đạo công đoàn, đoàn thanh niên, hội phụ nữ, hội cựu chiến binh; công tác "
                "dân vận."));
    } else if (key == "strengths") {
      s.blocks.push_back(draft("Những ưu điểm nổi bật trong kỳ."));
    } else if (key == "weaknesses") {
      weaknesses(s);
    } else if (key == "causes") {
      s.blocks.push_back(draft("Nguyên nhân của ưu điểm, hạn chế (khách quan, chủ quan)."));
    } else if (key == "tasks") {
      tasks(s);
    } else if (key == "recommendations") {
      s.blocks.push_back(draft("Đề xuất, kiến nghị với cấp ủy cấp trên (nếu có)."));
    }
  }

  // "Kiểm tra thêm 446 đảng viên": what is left of a plan, as a task.
  static std::string still_to_do(const Indicator& i, double left) {
    static const std::map<std::string_view, std::pair<const char*, const char*>> kTodo = {
        {"admitted", {"Kết nạp thêm ", "đảng viên mới"}},
        {"inspected_orgs", {"Kiểm tra thêm ", "tổ chức đảng"}},
        {"inspected_members", {"Kiểm tra thêm ", "đảng viên"}},
        {"supervised_orgs", {"Giám sát thêm ", "tổ chức đảng"}},
        {"supervised_members", {"Giám sát thêm ", "đảng viên"}},
        {"meetings_thematic", {"Tổ chức thêm ", "buổi sinh hoạt chuyên đề"}},
        {"study_sessions", {"Tổ chức thêm ", "buổi học tập, quán triệt nghị quyết"}},
    };
    const auto todo = kTodo.find(i.id);
    if (todo == kTodo.end()) {
      return "Thực hiện thêm " + integer(left) + " " + std::string(i.unit_vi) + " (" +
             std::string(i.label_vi) + ")";
    }
    return todo->second.first + integer(left) + " " + todo->second.second;
  }

  void weaknesses(Section& s) const {
    std::map<std::string, int> n;
    for (const auto& c : in_.checks) ++n[c.rule];
    if (has_meetings() && n["meeting.monthly_missing"] > 0) {
      s.blocks.push_back(bullet("Còn " + std::to_string(n["meeting.monthly_missing"]) +
                                " chi bộ chưa sinh hoạt định kỳ đủ hằng tháng."));
    }
    if (has_meetings() && n["meeting.thematic_missing"] > 0) {
      s.blocks.push_back(bullet("Còn " + std::to_string(n["meeting.thematic_missing"]) +
                                " chi bộ chưa sinh hoạt chuyên đề đủ mỗi quý một lần."));
    }
    if (f(Fact::probation_overdue) > 0) {
      s.blocks.push_back(bullet("Còn " + integer(f(Fact::probation_overdue)) +
                                " đảng viên dự bị quá hạn chưa được xét công nhận chính thức."));
    }
    if (f(Fact::branches_below_minimum) > 0) {
      s.blocks.push_back(bullet(integer(f(Fact::branches_below_minimum)) +
                                " chi bộ có dưới 3 đảng viên chính thức."));
    }
    s.blocks.push_back(draft("Những hạn chế, khuyết điểm khác trong kỳ."));
  }

  void tasks(Section& s) const {
    const Period next = ev_.period.next();
    if (next.last.year() == ev_.as_of.year()) {
      for (const auto& i : indicators()) {
        auto target = ev_.target(i, ev_.root);
        if (!target) continue;
        const double left = *target - y(i.fact);
        if (left > 0) {
          s.blocks.push_back(bullet(still_to_do(i, left) + " để hoàn thành kế hoạch năm " +
                                    std::to_string(ev_.as_of.year()) + "."));
        }
      }
    }
    if (f(Fact::probation_overdue) > 0) {
      s.blocks.push_back(bullet("Xét công nhận chính thức cho " +
                                integer(f(Fact::probation_overdue)) +
                                " đảng viên dự bị đã quá hạn."));
    }
    s.blocks.push_back(draft("Các nhiệm vụ trọng tâm khác của " + next.label_vi() + "."));
  }

  Section indicator_annex() const {
    Table t;
    t.id = "indicators";
    t.title = "Biểu 4. Các chỉ tiêu của " + root_->name + ", " + label();
    // A period that starts the year is the year so far: one column, not the same one twice.
    const bool to_date = !year_first();
    t.header = {"Chỉ tiêu", "Đơn vị", "Trong kỳ"};
    if (to_date) t.header.push_back("Lũy kế từ đầu năm");
    t.header.push_back("Kế hoạch năm");
    t.header.push_back("Đạt % kế hoạch năm");
    for (const auto& i : indicators()) {
      std::vector<Cell> row{Cell::of_text(std::string(i.label_vi)),
                            Cell::of_text(std::string(i.unit_vi))};
      auto v = ev_.value(i, ev_.root);
      row.push_back(i.kind == IndicatorKind::ratio ? Cell::of_percent(v)
                                                   : Cell::of_integer(v.value_or(0)));
      if (to_date && i.kind == IndicatorKind::flow) {
        row.push_back(Cell::of_integer(ev_.year_done(i, ev_.root).value_or(0)));
      } else if (to_date) {
        row.push_back(Cell::of_text(""));
      }
      auto target = ev_.target(i, ev_.root);
      row.push_back(target ? Cell::of_integer(*target) : Cell::of_text(""));
      auto p = ev_.plan_pct(i, ev_.root);
      row.push_back(p ? Cell::of_percent(p) : Cell::of_text(""));
      t.rows.push_back(std::move(row));
    }
    return {"CÁC CHỈ TIÊU", 1, {table_block(std::move(t))}};
  }

  const ReviewReportInput& in_;
  const Evaluation& ev_;
  const OrgTree::Node* root_ = nullptr;
  std::vector<Row> rows_;
  std::optional<Row> own_row_;
  Row total_;
};

}  // namespace

std::string cite_document(const StudiedDocument& d) {
  // "Nghị quyết về X" → "Nghị quyết số N, ngày D của B về X"; other titles keep their words and
  // take the reference after them.
  std::string when = d.issued_on ? ", ngày " + d.issued_on->vi() : std::string();
  std::string by = d.issuing_body.empty() ? std::string() : " của " + d.issuing_body;
  std::size_t first = d.title.find(' ');
  std::size_t second = first == std::string::npos ? first : d.title.find(' ', first + 1);
  const std::string about = " về ";
  if (second != std::string::npos && d.title.compare(second, about.size(), about) == 0) {
    return d.title.substr(0, second) + " số " + d.number + when + by + d.title.substr(second);
  }
  return d.title + " (số " + d.number + when + by + ")";
}

std::string review_report_title(const Period& period, const std::string& of) {
  const std::string next = period.next().label_vi();
  const std::string whose = of.empty() ? std::string() : " của " + of;
  switch (period.kind) {
    case PeriodKind::month:
    case PeriodKind::quarter:
      return "Kết quả công tác xây dựng Đảng " + period.label_vi() + whose +
             ", nhiệm vụ trọng tâm " + next;
    case PeriodKind::half_year:
      return "Sơ kết công tác xây dựng Đảng " + period.label_vi() + whose +
             ", phương hướng, nhiệm vụ " + next;
    case PeriodKind::year:
      return "Tổng kết công tác xây dựng Đảng " + period.label_vi() + whose +
             ", phương hướng, nhiệm vụ " + next;
    case PeriodKind::term: return "Tổng kết công tác xây dựng Đảng " + period.label_vi() + whose;
  }
  return period.label_vi();
}

Document build_review_report(const ReviewReportInput& in) { return Builder(in).build(); }

Document build_check_sheet(const ReviewReportInput& in) { return Builder(in).check_sheet(); }

ReportHighlights review_report_highlights(const ReviewReportInput& in) {
  return Builder(in).highlights();
}

}  // namespace dangvu::report
