// dangvu conference create | site | invite | attend | attach-report | contribution | conclude |
// cancel | decision | task | task-status | show | list | overdue | prepare (and the documents:
// cli_conference_docs.cpp)
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/context.h"
#include "app/render.h"

namespace dangvu::app {
namespace {

std::string dmy(const std::string& iso) {
  auto d = Date::parse(iso);
  return d.ok() ? d->vi() : iso;
}

std::string task_line(const service::TaskView& t) {
  std::ostringstream out;
  out << "#" << t.id << " [" << t.owner_org_code << "] " << t.title << " — hạn " << dmy(t.due_on)
      << ", " << t.status_vi;
  if (!t.done_on.empty()) {
    out << " ngày " << dmy(t.done_on) << (t.done_late ? " (chậm hạn)" : "");
  }
  if (t.days_overdue > 0) out << " " << t.days_overdue << " ngày";
  return out.str();
}

std::string conference_text(const service::ConferenceView& v) {
  std::ostringstream out;
  const auto& h = v.head;
  out << "Hội nghị #" << h.id << ": " << h.title << "\n";
  if (h.cancelled) {
    out << "ĐÃ HỦY ngày " << h.cancelled->on << " bởi " << h.cancelled->by << ": "
        << h.cancelled->reason << "\n";
  }
  out << "  Tổ chức: " << h.org_name << " [" << h.org_code << "]; loại: " << h.kind_vi
      << "; kỳ: " << h.period_label << "\n";
  out << "  Thời gian: " << (h.start_time.empty() ? "" : h.start_time + " ") << "ngày "
      << dmy(h.date) << "\n";
  if (!v.chair.empty()) out << "  Chủ trì: " << v.chair << "\n";
  if (!v.secretary.empty()) out << "  Thư ký: " << v.secretary << "\n";
  out << "  Báo cáo: "
      << (v.report_org_code.empty()
              ? std::string("chưa gắn")
              : v.report_org_name + " [" + v.report_org_code + "], " + v.report_period_label)
      << "\n";
  out << "Điểm cầu (" << v.sites.size() << "):\n";
  for (const auto& s : v.sites) {
    out << "  " << s.number << ". " << s.name << " (" << s.mode_vi << ")"
        << (s.address.empty() ? "" : ", " + s.address) << (s.link.empty() ? "" : ", " + s.link)
        << (s.host_org_code.empty() ? "" : ", đơn vị đăng cai " + s.host_org_name) << " — có mặt "
        << s.present << ", đến muộn " << s.late << ", vắng " << s.absent << "\n";
  }
  const auto& q = v.quorum;
  out << "Đại biểu: " << q.invited << " đảng viên được mời, " << v.guests << " khách mời; "
      << v.unrecorded << " người chưa điểm danh\n";
  if (q.invited == 0) {
    out << "Số lượng dự: chưa mời đảng viên nào\n";
  } else {
    out << "Số lượng dự: " << q.present << "/" << q.invited << " đảng viên (cần "
        << (q.more_than ? "trên " : "ít nhất ") << q.numerator << "/" << q.denominator
        << " số được mời, tức ít nhất " << q.required << ") — "
        << (q.reached ? "đủ số lượng để tiến hành hội nghị" : "chưa đủ số lượng") << "\n";
  }
  for (const auto& p : v.participants) {
    out << "  #" << p.id << " " << p.name;
    if (!p.member_code.empty()) out << " [" << p.member_code << "]";
    if (!p.title.empty()) out << ", " << p.title;
    if (!p.organization.empty()) out << ", " << p.organization;
    out << " — " << p.attendance_vi;
    if (p.site > 0) out << " (điểm cầu " << p.site << ")";
    if (!p.reason.empty()) out << ": " << p.reason;
    out << "\n";
  }
  out << "Chương trình (" << v.items.size() << "):\n";
  for (const auto& i : v.items) {
    out << "  " << i.seq << ". [" << i.kind_vi << "] ";
    if (!i.speaker.empty()) {
      out << i.speaker << (i.speaker_title.empty() ? "" : ", " + i.speaker_title)
          << (i.speaker_org.empty() ? "" : " (" + i.speaker_org + ")") << ": ";
    }
    out << i.title;
    if (!i.file_name.empty()) out << " [tệp " << i.file_name << "]";
    if (!i.summary.empty()) out << (i.title.empty() ? "" : " — ") << i.summary;
    out << "\n";
  }
  out << "Kết luận: " << (v.conclusion.empty() ? "chưa ghi" : v.conclusion) << "\n";
  out << "Quyết nghị (" << v.decisions.size() << "):\n";
  for (const auto& d : v.decisions) out << "  " << d.seq << ". " << d.text << "\n";
  out << "Nhiệm vụ trọng tâm (" << v.tasks.size() << ", trạng thái ngày " << dmy(v.as_of) << "):\n";
  for (const auto& t : v.tasks) out << "  " << task_line(t) << "\n";
  return out.str();
}

std::string summary_line(const service::ConferenceSummaryView& c) {
  return "#" + std::to_string(c.id) + "  " + dmy(c.date) + "  [" + c.org_code + "] " + c.title +
         " (" + c.kind_vi + ", " + c.period_label + ")" +
         (c.cancelled ? " [ĐÃ HỦY: " + c.cancelled->reason + "]" : "");
}

}  // namespace

void add_conference_commands(CLI::App& app, Options& opt) {
  auto* conf = app.add_subcommand("conference", "Hội nghị sơ kết, tổng kết, giao ban cụm");
  conf->require_subcommand(1);

  auto* create = conf->add_subcommand("create", "Tạo một hội nghị");
  auto conf_in = std::make_shared<service::ConferenceInput>();
  create->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  create->add_option("--org", conf_in->org_code, "Organizing org code")->required();
  create
      ->add_option("--kind", conf_in->kind,
                   "quarterly_review|half_year_review|year_review|cluster_briefing|thematic")
      ->required();
  create->add_option("--period", conf_in->period, "2026-Q1 | 2026-H1 | 2026 | 2026-03")->required();
  create->add_option("--date", conf_in->date, "Date YYYY-MM-DD")->required();
  create->add_option("--time", conf_in->start_time, "Start time HH:MM");
  create->add_option("--title", conf_in->title, "Title (default by kind and period)");
  create->add_option("--chair", conf_in->chair_code, "Chair: member code");
  create->add_option("--chair-name", conf_in->chair_name, "Chair: name and title, as text");
  create->add_option("--secretary", conf_in->secretary_code, "Secretary: member code");
  create->add_option("--secretary-name", conf_in->secretary_name, "Secretary: name, as text");
  create->add_option("--agenda", conf_in->agenda, "Agenda point, once per point, in order");
  create->add_flag("--json", opt.json, "JSON output");
  create->callback([&opt, conf_in] {
    opt.exit_code = with_registry(opt, false, [&opt, conf_in](service::Registry& r) -> Status {
      auto id = r.create_conference(*conf_in);
      if (!id.ok()) return id.error();
      if (opt.json) {
        std::cout << nlohmann::json{{"id", *id}}.dump() << "\n";
      } else {
        std::cout << "Đã tạo hội nghị #" << *id << " của [" << conf_in->org_code << "].\n";
      }
      return {};
    });
  });

  auto* site = conf->add_subcommand("site", "Thêm một điểm cầu");
  auto site_in = std::make_shared<service::SiteInput>();
  site->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  site->add_option("--conference", site_in->conference, "Conference number")->required();
  site->add_option("--mode", site_in->mode, "in_person (default) | online");
  site->add_option("--name", site_in->name, "Site name, e.g. Điểm cầu Hà Nội")->required();
  site->add_option("--address", site_in->address, "Address (in person)");
  site->add_option("--link", site_in->link, "Link (online)");
  site->add_option("--host", site_in->host_org_code, "Host org code");
  site->callback([&opt, site_in] {
    opt.exit_code = with_registry(opt, false, [site_in](service::Registry& r) -> Status {
      auto n = r.add_conference_site(*site_in);
      if (!n.ok()) return n.error();
      std::cout << "Đã thêm điểm cầu số " << *n << " vào hội nghị #" << site_in->conference
                << ".\n";
      return {};
    });
  });

  auto* invite = conf->add_subcommand("invite", "Mời đại biểu");
  auto inv = std::make_shared<service::InviteInput>();
  auto guests = std::make_shared<std::vector<std::string>>();
  invite->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  invite->add_option("--conference", inv->conference, "Conference number")->required();
  invite->add_option("--member", inv->member_codes, "Member code, once per member");
  invite->add_option("--org", inv->org_codes,
                     "Org code: every active member of its subtree on the day");
  invite->add_option("--guest", *guests, "Guest as 'name|title|organization', once per guest");
  invite->add_flag("--json", opt.json, "JSON output");
  invite->callback([&opt, inv, guests] {
    for (const auto& g : *guests) {
      service::GuestInput guest;
      const auto a = g.find('|');
      guest.name = g.substr(0, a);
      if (a != std::string::npos) {
        const auto b = g.find('|', a + 1);
        guest.title = g.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
        if (b != std::string::npos) guest.organization = g.substr(b + 1);
      }
      inv->guests.push_back(guest);
    }
    opt.exit_code = with_registry(opt, false, [&opt, inv](service::Registry& r) -> Status {
      auto res = r.invite(*inv);
      if (!res.ok()) return res.error();
      if (opt.json) {
        std::cout << to_json(*res).dump() << "\n";
      } else {
        std::cout << "Đã mời thêm " << res->added << " đại biểu";
        if (res->already > 0) std::cout << " (" << res->already << " người đã được mời trước)";
        std::cout << ".\n";
      }
      return {};
    });
  });

  auto* attend = conf->add_subcommand("attend", "Điểm danh một đại biểu tại một điểm cầu");
  auto attend_in = std::make_shared<service::AttendanceInput>();
  attend->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  attend->add_option("--conference", attend_in->conference, "Conference number")->required();
  attend->add_option("--member", attend_in->member_code, "Member code");
  attend->add_option("--participant", attend_in->participant, "Participant number (guests)");
  attend->add_option("--site", attend_in->site, "Site number")->required();
  attend->add_option("--status", attend_in->status, "present|late|absent")->required();
  attend->add_option("--reason", attend_in->reason, "Reason of an absence");
  attend->callback([&opt, attend_in] {
    opt.exit_code = with_registry(opt, false, [attend_in](service::Registry& r) -> Status {
      DANGVU_TRY(r.record_attendance(*attend_in));
      std::cout << "Đã điểm danh tại điểm cầu số " << attend_in->site << ".\n";
      return {};
    });
  });

  auto* attach = conf->add_subcommand("attach-report", "Gắn báo cáo của kỳ vào hội nghị");
  auto ar = std::make_shared<service::AttachReportInput>();
  attach->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  attach->add_option("--conference", ar->conference, "Conference number")->required();
  attach->add_option("--org", ar->org_code, "Org of the report (default: the organizer)");
  attach->add_option("--period", ar->period, "Period of the report (default: the conference's)");
  attach->callback([&opt, ar] {
    opt.exit_code = with_registry(opt, false, [ar](service::Registry& r) -> Status {
      DANGVU_TRY(r.attach_report(*ar));
      std::cout << "Đã gắn báo cáo vào hội nghị #" << ar->conference << ".\n";
      return {};
    });
  });

  auto* contribution = conf->add_subcommand(
      "contribution", "Ghi tham luận, phát biểu chỉ đạo hoặc mục chương trình");
  auto item = std::make_shared<service::ConferenceItemInput>();
  contribution->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  contribution->add_option("--conference", item->conference, "Conference number")->required();
  contribution->add_option("--kind", item->kind,
                           "contribution (default) | directing_speech | agenda");
  contribution->add_option("--speaker", item->speaker_code, "Speaker: member code");
  contribution->add_option("--speaker-name", item->speaker_name, "Speaker: name, as text");
  contribution->add_option("--speaker-title", item->speaker_title, "Speaker's position");
  contribution->add_option("--speaker-org", item->speaker_org, "Speaker's organization");
  contribution->add_option("--title", item->title, "Title");
  contribution->add_option("--file", item->file_name, "File name of the paper");
  contribution->add_option("--summary", item->summary, "Summary (required for a speech)");
  contribution->callback([&opt, item] {
    opt.exit_code = with_registry(opt, false, [item](service::Registry& r) -> Status {
      auto n = r.add_conference_item(*item);
      if (!n.ok()) return n.error();
      std::cout << "Đã ghi mục số " << *n << " của hội nghị #" << item->conference << ".\n";
      return {};
    });
  });

  auto* cancel = conf->add_subcommand("cancel", "Hủy hội nghị ghi nhầm (ghi kèm lý do)");
  auto ci = std::make_shared<service::CancelInput>();
  ci->kind = CancelledKind::conference;
  cancel->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  cancel->add_option("--conference", ci->id, "Conference number")->required();
  cancel->add_option("--reason", ci->reason, "Why it is cancelled")->required();
  cancel->callback([&opt, ci] {
    opt.exit_code = with_registry(opt, false, [ci](service::Registry& r) -> Status {
      DANGVU_TRY(r.cancel_record(*ci));
      std::cout << "Đã hủy hội nghị #" << ci->id << ".\n";
      return {};
    });
  });

  auto* conclude = conf->add_subcommand("conclude", "Ghi kết luận hội nghị");
  auto cl = std::make_shared<service::ConclusionInput>();
  conclude->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  conclude->add_option("--conference", cl->conference, "Conference number")->required();
  conclude->add_option("--text", cl->text, "Conclusion")->required();
  conclude->callback([&opt, cl] {
    opt.exit_code = with_registry(opt, false, [cl](service::Registry& r) -> Status {
      DANGVU_TRY(r.conclude_conference(*cl));
      std::cout << "Đã ghi kết luận hội nghị #" << cl->conference << ".\n";
      return {};
    });
  });

  auto* decision = conf->add_subcommand("decision", "Ghi quyết nghị (và cụm trưởng, cụm phó)");
  auto decision_in = std::make_shared<service::DecisionInput>();
  decision->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  decision->add_option("--conference", decision_in->conference, "Conference number")->required();
  decision->add_option("--text", decision_in->text, "Text of the decision");
  decision->add_option("--cluster", decision_in->cluster_code, "Cluster (default: the organizer)");
  decision->add_option("--leading", decision_in->leading_code, "Next leading org (cụm trưởng)");
  decision->add_option("--deputy", decision_in->deputy_code, "Next deputy org (cụm phó)");
  decision->add_option("--for-period", decision_in->for_period,
                       "Period of the rotation (default: next)");
  decision->callback([&opt, decision_in] {
    opt.exit_code = with_registry(opt, false, [decision_in](service::Registry& r) -> Status {
      auto n = r.add_decision(*decision_in);
      if (!n.ok()) return n.error();
      std::cout << "Đã ghi quyết nghị số " << *n << " của hội nghị #" << decision_in->conference
                << ".\n";
      return {};
    });
  });

  auto* task = conf->add_subcommand("task", "Giao một nhiệm vụ trọng tâm");
  auto task_in = std::make_shared<service::TaskInput>();
  task->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  task->add_option("--conference", task_in->conference, "Conference number")->required();
  task->add_option("--owner", task_in->owner_org_code, "Owner org code")->required();
  task->add_option("--title", task_in->title, "Task")->required();
  task->add_option("--due", task_in->due, "Due date YYYY-MM-DD")->required();
  task->add_flag("--json", opt.json, "JSON output");
  task->callback([&opt, task_in] {
    opt.exit_code = with_registry(opt, false, [&opt, task_in](service::Registry& r) -> Status {
      auto id = r.add_task(*task_in);
      if (!id.ok()) return id.error();
      if (opt.json) {
        std::cout << nlohmann::json{{"id", *id}}.dump() << "\n";
      } else {
        std::cout << "Đã giao nhiệm vụ #" << *id << " cho [" << task_in->owner_org_code << "].\n";
      }
      return {};
    });
  });

  auto* task_status = conf->add_subcommand("task-status", "Cập nhật trạng thái một nhiệm vụ");
  auto ts = std::make_shared<service::TaskStatusInput>();
  task_status->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  task_status->add_option("--task", ts->task, "Task number")->required();
  task_status->add_option("--status", ts->status, "done|cancelled|reopened")->required();
  task_status->add_option("--date", ts->date, "Date YYYY-MM-DD (default: today)");
  task_status->add_option("--note", ts->note, "Note (the reason, when cancelled)");
  task_status->callback([&opt, ts] {
    opt.exit_code = with_registry(opt, false, [ts](service::Registry& r) -> Status {
      DANGVU_TRY(r.set_task_status(*ts));
      std::cout << "Đã cập nhật nhiệm vụ #" << ts->task << ".\n";
      return {};
    });
  });

  auto* show = conf->add_subcommand("show", "Xem một hội nghị");
  auto sq = std::make_shared<std::pair<long long, std::string>>(0, "");
  show->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  show->add_option("--id", sq->first, "Conference number")->required();
  show->add_option("--at", sq->second, "Task statuses as of YYYY-MM-DD (default: today)");
  show->add_flag("--json", opt.json, "JSON output");
  show->callback([&opt, sq] {
    opt.exit_code = with_registry(opt, false, [&opt, sq](service::Registry& r) -> Status {
      auto v = r.show_conference(sq->first, sq->second);
      if (!v.ok()) return v.error();
      std::cout << (opt.json ? to_json(*v).dump(2) + "\n" : conference_text(*v));
      return {};
    });
  });

  auto* list = conf->add_subcommand("list", "Các hội nghị của một tổ chức và cấp dưới");
  auto lq = std::make_shared<service::ConferenceListInput>();
  list->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  list->add_option("--org", lq->org_code, "Org code")->required();
  list->add_option("--from", lq->from, "From YYYY-MM-DD (default: 1 January)");
  list->add_option("--to", lq->to, "To YYYY-MM-DD (default: 31 December)");
  list->add_option("--kind", lq->kind, "Only this kind");
  list->add_flag("--json", opt.json, "JSON output");
  list->callback([&opt, lq] {
    opt.exit_code = with_registry(opt, false, [&opt, lq](service::Registry& r) -> Status {
      auto rows = r.list_conferences(*lq);
      if (!rows.ok()) return rows.error();
      if (opt.json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& c : *rows) j.push_back(to_json(c));
        std::cout << j.dump(2) << "\n";
        return {};
      }
      std::cout << "Hội nghị (" << rows->size() << "):\n";
      for (const auto& c : *rows) std::cout << "  " << summary_line(c) << "\n";
      return {};
    });
  });

  auto* overdue = conf->add_subcommand("overdue", "Nhiệm vụ quá hạn của một tổ chức và cấp dưới");
  auto oq = std::make_shared<std::pair<std::string, std::string>>();
  overdue->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  overdue->add_option("--org", oq->first, "Org code")->required();
  overdue->add_option("--at", oq->second, "As of YYYY-MM-DD (default: today)");
  overdue->add_flag("--json", opt.json, "JSON output");
  overdue->callback([&opt, oq] {
    opt.exit_code = with_registry(opt, false, [&opt, oq](service::Registry& r) -> Status {
      auto rows = r.overdue_tasks(oq->first, oq->second);
      if (!rows.ok()) return rows.error();
      if (opt.json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& t : *rows) j.push_back(to_json(t));
        std::cout << j.dump(2) << "\n";
        return {};
      }
      std::cout << "Nhiệm vụ quá hạn (" << rows->size() << "):\n";
      for (const auto& t : *rows) std::cout << "  " << task_line(t) << "\n";
      return {};
    });
  });

  auto* prepare = conf->add_subcommand("prepare", "Chuẩn bị hội nghị kỳ tới: nhiệm vụ kỳ trước");
  auto pq = std::make_shared<std::pair<std::string, std::string>>();
  prepare->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  prepare->add_option("--org", pq->first, "Org code")->required();
  prepare->add_option("--at", pq->second, "As of YYYY-MM-DD (default: today)");
  prepare->add_flag("--json", opt.json, "JSON output");
  prepare->callback([&opt, pq] {
    opt.exit_code = with_registry(opt, false, [&opt, pq](service::Registry& r) -> Status {
      auto v = r.prepare_next_conference(pq->first, pq->second);
      if (!v.ok()) return v.error();
      if (opt.json) {
        std::cout << to_json(*v).dump(2) << "\n";
        return {};
      }
      if (v->rotation) {
        std::cout << "Cụm trưởng " << v->rotation->for_period_label << ": "
                  << v->rotation->leading_name << " [" << v->rotation->leading_code
                  << "]; cụm phó: " << v->rotation->deputy_name << " [" << v->rotation->deputy_code
                  << "]\n";
      }
      if (!v->previous) {
        std::cout << v->org_name << " chưa có hội nghị nào trước ngày " << dmy(v->as_of) << ".\n";
        return {};
      }
      std::cout << "Hội nghị kỳ trước: " << summary_line(*v->previous) << "\n";
      std::cout << "Nhiệm vụ (" << v->tasks.size() << ", ngày " << dmy(v->as_of) << "): hoàn thành "
                << v->done << ", đang thực hiện " << v->open << ", quá hạn " << v->overdue
                << ", đã hủy " << v->cancelled << "\n";
      for (const auto& t : v->tasks) std::cout << "  " << task_line(t) << "\n";
      return {};
    });
  });

  add_conference_document_commands(*conf, opt);
}

}  // namespace dangvu::app
