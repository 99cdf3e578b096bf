// dangvu document | plan | meeting | oversight | study | cancel | activities | indicators
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <sstream>
#include <tuple>

#include "app/context.h"
#include "app/render.h"

namespace dangvu::app {
namespace {

std::string indicators_text(const service::IndicatorsView& v) {
  std::ostringstream out;
  out << "Chỉ tiêu của " << v.org_name << " [" << v.org_code << "], " << v.period_label << " ("
      << v.from << " → " << v.to << ", số liệu tính đến " << v.as_of << ")\n";
  for (const auto& r : v.rows) {
    out << "  " << r.label << ": " << r.shown;
    if (r.kind != "ratio") out << " " << r.unit;
    if (!r.plan_shown.empty()) out << " — lũy kế năm " << r.plan_shown;
    out << "\n";
  }
  if (!v.checks.empty()) out << "Kiểm tra số liệu (" << v.checks.size() << "):\n";
  for (const auto& c : v.checks) {
    out << "  ! " << c.title << " — " << c.org_name << " [" << c.org_code << "]: " << c.message
        << "\n";
  }
  return out.str();
}

std::string cancelled_text(const std::optional<service::CancellationView>& c) {
  if (!c) return {};
  return " [ĐÃ HỦY: " + c->reason + " — " + c->by + ", " + c->on + "]";
}

std::string activities_text(const service::ActivitiesView& v) {
  std::ostringstream out;
  out << "Hoạt động của [" << v.org_code << "] từ " << v.from << " đến " << v.to << "\n";
  out << "Sinh hoạt chi bộ (" << v.meetings.size() << "):\n";
  for (const auto& m : v.meetings) {
    out << "  #" << m.id << " " << m.date << " [" << m.org_code << "] " << m.kind_vi << ": "
        << m.topic << " — có mặt " << m.present << "/" << m.expected << ", chất lượng "
        << m.quality_vi << cancelled_text(m.cancelled) << "\n";
  }
  out << "Kiểm tra, giám sát (" << v.oversights.size() << "):\n";
  for (const auto& o : v.oversights) {
    out << "  #" << o.id << " " << o.date << " [" << o.org_code << "] " << o.kind_vi << " "
        << o.basis_vi << ": " << o.subject << " — " << o.conclusion << cancelled_text(o.cancelled)
        << "\n";
  }
  out << "Học tập nghị quyết (" << v.study_sessions.size() << "):\n";
  for (const auto& s : v.study_sessions) {
    out << "  #" << s.id << " " << s.date << " [" << s.org_code << "] " << s.document_number << " "
        << s.document_title << " — dự " << s.present << "/" << s.expected
        << cancelled_text(s.cancelled) << "\n";
  }
  return out.str();
}

}  // namespace

void add_work_commands(CLI::App& app, Options& opt) {
  auto* document = app.add_subcommand("document", "Sổ văn bản của Đảng (nghị quyết, chỉ thị …)");
  document->require_subcommand(1);
  auto* doc_add = document->add_subcommand("add", "Ghi một văn bản vào sổ");
  auto doc = std::make_shared<service::DocumentInput>();
  doc_add->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  doc_add->add_option("--number", doc->number, "Number, e.g. 15-NQ/TU")->required();
  doc_add->add_option("--issued-on", doc->issued_on, "Issue date YYYY-MM-DD")->required();
  doc_add->add_option("--title", doc->title, "Title (trích yếu)")->required();
  doc_add->add_option("--issuing-body", doc->issuing_body, "Issuing body")->required();
  doc_add->callback([&opt, doc] {
    opt.exit_code = with_registry(opt, false, [doc](service::Registry& r) -> Status {
      DANGVU_TRY(r.add_document(*doc));
      std::cout << "Đã ghi văn bản «" << doc->number << "».\n";
      return {};
    });
  });
  auto* doc_list = document->add_subcommand("list", "Danh sách văn bản");
  auto doc_q = std::make_shared<std::string>();
  doc_list->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  doc_list->add_option("--q", *doc_q, "Part of the number or title");
  doc_list->add_flag("--json", opt.json, "JSON output");
  doc_list->callback([&opt, doc_q] {
    opt.exit_code = with_registry(opt, false, [&opt, doc_q](service::Registry& r) -> Status {
      auto docs = r.list_documents(*doc_q, 500);
      if (!docs.ok()) return docs.error();
      for (const auto& d : *docs) {
        std::cout << (opt.json ? to_json(d).dump()
                               : d.number + "  " + d.issued_on + "  " + d.title + " (" +
                                     d.issuing_body + ")")
                  << "\n";
      }
      return {};
    });
  });

  auto* plan = app.add_subcommand("plan", "Kế hoạch năm: chỉ tiêu theo từng chỉ số");
  plan->require_subcommand(1);
  auto* plan_set = plan->add_subcommand("set", "Đặt chỉ tiêu năm cho một tổ chức");
  auto target = std::make_shared<service::PlanTargetInput>();
  plan_set->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  plan_set->add_option("--org", target->org_code, "Org code")->required();
  plan_set->add_option("--year", target->year, "Year")->required();
  plan_set
      ->add_option("--indicator", target->indicator,
                   "inspected_orgs|inspected_members|supervised_orgs|supervised_members|"
                   "admitted|meetings_thematic|study_sessions")
      ->required();
  plan_set->add_option("--target", target->target, "Target (whole number)")->required();
  plan_set->callback([&opt, target] {
    opt.exit_code = with_registry(opt, false, [target](service::Registry& r) -> Status {
      DANGVU_TRY(r.set_plan_target(*target));
      std::cout << "Đã đặt chỉ tiêu «" << target->indicator << "» năm " << target->year << " của ["
                << target->org_code << "] là " << target->target << ".\n";
      return {};
    });
  });
  auto* plan_show = plan->add_subcommand("show", "Xem chỉ tiêu năm của một tổ chức");
  auto plan_q = std::make_shared<std::pair<std::string, int>>("", 0);
  plan_show->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  plan_show->add_option("--org", plan_q->first, "Org code")->required();
  plan_show->add_option("--year", plan_q->second, "Year")->required();
  plan_show->add_flag("--json", opt.json, "JSON output");
  plan_show->callback([&opt, plan_q] {
    opt.exit_code = with_registry(opt, false, [&opt, plan_q](service::Registry& r) -> Status {
      auto v = r.plan(plan_q->first, plan_q->second);
      if (!v.ok()) return v.error();
      if (opt.json) {
        std::cout << to_json(*v).dump(2) << "\n";
        return {};
      }
      std::cout << "Kế hoạch năm " << v->year << " của " << v->org_name << "\n";
      for (const auto& row : v->rows) {
        std::cout << "  " << row.label << ": "
                  << (row.target ? format_count(*row.target) + " " + row.unit : "chưa đặt") << "\n";
      }
      return {};
    });
  });

  auto* meeting = app.add_subcommand("meeting", "Ghi một buổi sinh hoạt chi bộ");
  auto m = std::make_shared<service::MeetingInput>();
  auto absent = std::make_shared<std::vector<std::string>>();
  meeting->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  meeting->add_option("--org", m->org_code, "Branch code")->required();
  meeting->add_option("--date", m->date, "Date YYYY-MM-DD")->required();
  meeting->add_option("--kind", m->kind, "regular (default) | thematic");
  meeting->add_option("--topic", m->topic, "Topic (required for a thematic meeting)");
  meeting->add_option("--quality", m->quality, "good|fair|average|poor")->required();
  meeting->add_option("--absent", *absent, "MEMBER:reason, once per absent member");
  meeting->callback([&opt, m, absent] {
    for (const auto& a : *absent) {
      const auto colon = a.find(':');
      m->absent.push_back(
          {a.substr(0, colon), colon == std::string::npos ? "" : a.substr(colon + 1)});
    }
    opt.exit_code = with_registry(opt, false, [m](service::Registry& r) -> Status {
      auto id = r.record_meeting(*m);
      if (!id.ok()) return id.error();
      std::cout << "Đã ghi buổi sinh hoạt #" << *id << " của [" << m->org_code << "].\n";
      return {};
    });
  });

  // dangvu cancel meeting|oversight|study --id N --reason "…": a record made by mistake.
  auto* cancel = app.add_subcommand("cancel", "Hủy một bản ghi hoạt động ghi nhầm (ghi kèm lý do)");
  cancel->require_subcommand(1);
  for (const auto& [name, kind, help] :
       {std::tuple{"meeting", CancelledKind::meeting, "Hủy buổi sinh hoạt chi bộ ghi nhầm"},
        std::tuple{"oversight", CancelledKind::oversight, "Hủy cuộc kiểm tra, giám sát ghi nhầm"},
        std::tuple{"study", CancelledKind::study_session,
                   "Hủy buổi học tập nghị quyết ghi nhầm"}}) {
    auto* sub = cancel->add_subcommand(name, help);
    auto in = std::make_shared<service::CancelInput>();
    in->kind = kind;
    sub->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
    sub->add_option("--id", in->id, "The record's number (#)")->required();
    sub->add_option("--reason", in->reason, "Why it is cancelled")->required();
    sub->callback([&opt, in] {
      opt.exit_code = with_registry(opt, false, [in](service::Registry& r) -> Status {
        DANGVU_TRY(r.cancel_record(*in));
        std::cout << "Đã hủy " << label_vi(in->kind) << " #" << in->id << ".\n";
        return {};
      });
    });
  }

  auto* oversight = app.add_subcommand("oversight", "Ghi một cuộc kiểm tra hoặc giám sát");
  auto o = std::make_shared<service::OversightInput>();
  oversight->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  oversight->add_option("--org", o->org_code, "Org that holds it")->required();
  oversight->add_option("--kind", o->kind, "inspection|supervision")->required();
  oversight->add_option("--basis", o->basis, "planned (default) | signs_of_violation");
  oversight->add_option("--date", o->date, "Date YYYY-MM-DD")->required();
  oversight->add_option("--subject-org", o->subject_org_code, "Org inspected");
  oversight->add_option("--subject-member", o->subject_member_code, "Member inspected");
  oversight->add_option("--conclusion", o->conclusion, "Conclusion")->required();
  oversight->callback([&opt, o] {
    opt.exit_code = with_registry(opt, false, [o](service::Registry& r) -> Status {
      auto id = r.record_oversight(*o);
      if (!id.ok()) return id.error();
      std::cout << "Đã ghi cuộc " << (o->kind == "supervision" ? "giám sát" : "kiểm tra") << " #"
                << *id << ".\n";
      return {};
    });
  });

  auto* study = app.add_subcommand("study", "Ghi một buổi học tập, quán triệt văn bản");
  auto s = std::make_shared<service::StudySessionInput>();
  study->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  study->add_option("--org", s->org_code, "Branch code")->required();
  study->add_option("--date", s->date, "Date YYYY-MM-DD")->required();
  study->add_option("--document", s->document_number, "Document number, e.g. 15-NQ/TU")->required();
  study->add_option("--attendee", s->attendees, "Member code, once per attendee");
  study->callback([&opt, s] {
    opt.exit_code = with_registry(opt, false, [s](service::Registry& r) -> Status {
      auto id = r.record_study_session(*s);
      if (!id.ok()) return id.error();
      std::cout << "Đã ghi buổi học tập #" << *id << ".\n";
      return {};
    });
  });

  auto* activities = app.add_subcommand("activities", "Hoạt động của một tổ chức và cấp dưới");
  auto a = std::make_shared<service::ActivitiesInput>();
  activities->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  activities->add_option("--org", a->org_code, "Org code")->required();
  activities->add_option("--from", a->from, "From YYYY-MM-DD (default: 1 January)");
  activities->add_option("--to", a->to, "To YYYY-MM-DD (default: today)");
  activities->add_option("--limit", a->limit, "Rows of each kind (1–500, default 100)");
  activities->add_flag("--json", opt.json, "JSON output");
  activities->callback([&opt, a] {
    opt.exit_code = with_registry(opt, false, [&opt, a](service::Registry& r) -> Status {
      auto v = r.activities(*a);
      if (!v.ok()) return v.error();
      std::cout << (opt.json ? to_json(*v).dump(2) + "\n" : activities_text(*v));
      return {};
    });
  });

  auto* indicators =
      app.add_subcommand("indicators", "Các chỉ tiêu và kiểm tra số liệu của một kỳ");
  auto iq = std::make_shared<std::pair<std::string, std::string>>();
  indicators->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  indicators->add_option("--org", iq->first, "Org code")->required();
  indicators->add_option("--period", iq->second, "2026-03 | 2026-Q1 | 2026-H1 | 2026 | 2020-2025")
      ->required();
  indicators->add_flag("--json", opt.json, "JSON output");
  indicators->callback([&opt, iq] {
    opt.exit_code = with_registry(opt, false, [&opt, iq](service::Registry& r) -> Status {
      auto v = r.indicators(iq->first, iq->second);
      if (!v.ok()) return v.error();
      std::cout << (opt.json ? to_json(*v).dump(2) + "\n" : indicators_text(*v));
      return {};
    });
  });
}

}  // namespace dangvu::app
