#pragma once
// The rule set: every number and table the core enforces, as data. Defaults follow the rules in
// force in 2026 (Quy định 294-QĐ/TW, Hướng dẫn 06-HD/TW, 366-QĐ/TW, 01-QĐ/TW); an office corrects
// them in a JSON file (`dangvu --rules FILE`) without a code change.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/admission.h"
#include "core/badge_rules.h"
#include "core/catalogs.h"
#include "core/dues.h"
#include "core/emulation_rules.h"
#include "core/member.h"
#include "core/org.h"
#include "core/rating_rules.h"
#include "core/result.h"
#include "core/statistics_rules.h"

namespace dangvu {

// How many of the invited members must be present: more than (or at least) numerator/denominator.
struct QuorumRule {
  int numerator = 1;
  int denominator = 2;
  bool more_than = true;  // true: strictly more than the fraction; false: at least the fraction
};

// One section of the review report (báo cáo sơ kết / tổng kết): which part the report fills
// (`key`, one of kReportSectionKeys), its level (1: "I. …", 2: "1. …") and its heading.
struct ReportSection {
  std::string key;
  int level = 1;
  std::string heading;
};

// The parts the report knows how to fill from the records (report/review_report.cpp).
inline constexpr std::string_view kReportSectionKeys[] = {
    "situation", "results",           "political_tasks", "ideology",  "organization", "meetings",
    "oversight", "mass_mobilization", "assessment",      "strengths", "weaknesses",   "causes",
    "tasks",     "recommendations"};

struct RuleSet {
  int admission_min_age_years = 18;  // on the branch's vote date
  int admission_max_age_years = 60;  // above needs the provincial committee's decision (exception)
  int probation_months = 12;         // from the admission ceremony
  int ceremony_due_working_days = 30;        // after the admission decision
  int recognition_review_working_days = 30;  // after probation ends; later is "overdue"
  int transfer_letter_days = 30;
  int branch_min_official_members = 3;
  int card_number_digits = 12;
  std::vector<int> badge_years = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};
  BadgeRules badges;         // the occasions and how early a proposal may come (core/badges.h)
  RatingRules rating;        // the yearly quality rating's scores and who is rated (core/rating.h)
  EmulationRules emulation;  // the emulation titles orgs register for (core/org_result.h)
  // Which kinds may sit under which; "root" is the key for no parent.
  std::map<OrgKind, std::set<std::string>> allowed_parents = {
      {OrgKind::upper_committee, {"root", "upper_committee"}},
      {OrgKind::cluster, {"upper_committee"}},
      {OrgKind::grassroots_committee, {"upper_committee", "cluster"}},
      {OrgKind::grassroots_branch, {"upper_committee", "cluster"}},
      {OrgKind::sub_branch, {"grassroots_committee"}},
  };
  // Kinds a member's Party activity can be held in.
  std::set<OrgKind> member_org_kinds = {OrgKind::grassroots_branch, OrgKind::sub_branch};
  // Ended statuses after which readmission (kết nạp lại) may be recorded.
  std::set<MemberStatus> readmission_after = {MemberStatus::removed, MemberStatus::resigned};
  // Readmission comes at least this many months after the membership ended (36 under Quy định
  // 24-QĐ/TW of 2021, Điều 4; a marked default until Quy định 294-QĐ/TW's text is checked,
  // docs/rules.md) and only once (`readmission_once`).
  int readmission_min_months = 36;
  bool readmission_once = true;
  // What a candidate's admission file must hold on the branch's vote date (core/admission.h).
  AdmissionRules admission;
  // Party dues under Quy định 01-QĐ/TW (core/dues.h).
  DuesRules dues = DuesRules::defaults();
  // Quorum of a conference, by conference kind (core/conference.h names). Default for every kind:
  // more than half of the invited members present — Quy định 294-QĐ/TW requires more than half
  // of a branch's full members for a valid meeting, and a review conference of a Party
  // organization is held by the same standard. Committee plenums (2/3 of committee members) are
  // not modelled as a conference kind; an office that needs another fraction corrects it here.
  std::map<std::string, QuorumRule> conference_quorum = {
      {"quarterly_review", {1, 2, true}}, {"half_year_review", {1, 2, true}},
      {"year_review", {1, 2, true}},      {"cluster_briefing", {1, 2, true}},
      {"thematic", {1, 2, true}},
  };
  // A review is held within its period or at most this many days after it (a year's review is
  // often held in January or February of the next year: seed 001 held 2023's on 27/02/2024).
  int conference_days_after_period = 120;
  // The review report's sections in order (the outline of a báo cáo sơ kết / tổng kết, as the
  // thuvienphapluat model of a branch's annual report lays it out; docs/domain.md, "Who issues
  // and signs"). An office may reorder, rename or leave out sections; "tasks" takes the next
  // period's name after its heading.
  std::vector<ReportSection> report_outline = {
      {"situation", 1, "I. ĐẶC ĐIỂM TÌNH HÌNH"},
      {"results", 1, "II. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO THỰC HIỆN NHIỆM VỤ"},
      {"political_tasks", 2, "1. Lãnh đạo thực hiện nhiệm vụ chính trị"},
      {"ideology", 2, "2. Công tác chính trị, tư tưởng; học tập, quán triệt nghị quyết"},
      {"organization", 2, "3. Công tác tổ chức, cán bộ và đảng viên"},
      {"meetings", 2, "4. Sinh hoạt chi bộ"},
      {"oversight", 2, "5. Công tác kiểm tra, giám sát"},
      {"mass_mobilization", 2, "6. Lãnh đạo công tác dân vận, các đoàn thể"},
      {"assessment", 1, "III. ĐÁNH GIÁ CHUNG"},
      {"strengths", 2, "1. Ưu điểm"},
      {"weaknesses", 2, "2. Hạn chế, khuyết điểm"},
      {"causes", 2, "3. Nguyên nhân"},
      {"tasks", 1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM"},
      {"recommendations", 1, "V. ĐỀ XUẤT, KIẾN NGHỊ"},
  };

  // The lists of categories the dossier takes (core/catalogs.h); `catalogs` in the JSON file
  // replaces the lists it names.
  Catalogs catalogs = Catalogs::defaults();
  // What the member statistics group by (core/statistics_rules.h).
  StatisticsRules statistics;

  // The defaults above.
  static RuleSet defaults() { return {}; }
  // Reads a JSON object whose keys override the defaults. Unknown keys and values of the wrong
  // type are refused with the key named, so a typo never silently leaves a default in force.
  static Result<RuleSet> from_json(std::string_view json_text);
  std::string to_json() const;

  bool parent_allowed(OrgKind child, const OrgKind* parent) const;
  bool holds_members(OrgKind kind) const { return member_org_kinds.count(kind) > 0; }
};

}  // namespace dangvu
