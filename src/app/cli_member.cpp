// dangvu member add|event|show|list
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"
#include "app/render.h"

namespace dangvu::app {
namespace {

// The fields of one event, shared by `member add` (first event) and `member event`.
void add_event_options(CLI::App* cmd, service::EventInput& e) {
  cmd->add_option("--date", e.date, "Effective date YYYY-MM-DD (admission: decision date)");
  cmd->add_option("--org", e.org_code, "Org code (registration, admission, transfer target)");
  cmd->add_option("--mode", e.mode, "Transfer: permanent|temporary|temporary_end");
  cmd->add_option("--decision", e.decision_no, "Decision number");
  cmd->add_option("--ceremony-date", e.ceremony_date, "Admission ceremony date YYYY-MM-DD");
  cmd->add_option("--vote-date", e.vote_date, "Branch vote date YYYY-MM-DD (age is checked on it)");
  cmd->add_option("--age-exception", e.age_exception_ref,
                  "Provincial committee decision allowing admission over the age limit");
  cmd->add_option("--card", e.card_number, "Party card number (12 digits)");
  cmd->add_option("--reason", e.reason, "Reason or note");
  cmd->add_option("--ground", e.ground,
                  "Removal, expulsion, resignation: the ground (catalog leaving_ground)");
}

}  // namespace

void add_member_commands(CLI::App& app, Options& opt) {
  auto* member = app.add_subcommand("member", "Đảng viên và quần chúng ưu tú");
  member->require_subcommand(1);

  auto* add = member->add_subcommand("add", "Thêm người (đăng ký quần chúng ưu tú hoặc kết nạp)");
  auto in = std::make_shared<service::AddMemberInput>();
  in->first.kind = "candidate_registration";
  add->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  add->add_option("--code", in->code, "Member code (stable; e.g. the party card number)")
      ->required();
  add->add_option("--family", in->family, "Family name (họ)")->required();
  add->add_option("--middle", in->middle, "Middle name (tên đệm)");
  add->add_option("--given", in->given, "Given name (tên)")->required();
  add->add_option("--birth-date", in->birth_date, "Birth date YYYY-MM-DD")->required();
  add->add_option("--gender", in->gender, "male|female|unknown");
  add->add_option("--kind", in->first.kind,
                  "First event: candidate_registration (default) or admission");
  add_event_options(add, in->first);
  add->callback([&opt, in] {
    opt.exit_code = with_registry(opt, false, [in](service::Registry& r) -> Status {
      auto id = r.add_member(*in);
      if (!id.ok()) return id.error();
      std::cout << "Đã thêm «" << in->code << "».\n";
      return {};
    });
  });

  auto* event = member->add_subcommand("event", "Ghi một sự kiện vào lịch sử đảng viên");
  auto ev = std::make_shared<service::EventInput>();
  event->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  event->add_option("--member", ev->member_code, "Member code or card number")->required();
  event
      ->add_option("--kind", ev->kind,
                   "admission|recognition|transfer|removal|expulsion|resignation|death|"
                   "readmission|correction")
      ->required();
  add_event_options(event, *ev);
  event->add_option("--corrects", ev->corrects, "Correction: number of the event corrected");
  event->add_flag("--void", ev->voids, "Correction: the corrected event did not happen");
  event->add_option("--new-date", ev->new_date, "Correction: the right date");
  event->add_option("--new-org", ev->new_org_code, "Correction: the right org");
  event->add_option("--new-ceremony-date", ev->new_ceremony_date,
                    "Correction: the right ceremony date");
  event->add_option("--new-decision", ev->new_decision_no, "Correction: the right decision number");
  event->add_option("--new-card", ev->new_card_number, "Correction: the right card number");
  event->callback([&opt, ev] {
    opt.exit_code = with_registry(opt, false, [ev](service::Registry& r) -> Status {
      auto id = r.record_event(*ev);
      if (!id.ok()) return id.error();
      std::cout << "Đã ghi sự kiện #" << *id << " cho «" << ev->member_code << "».\n";
      return {};
    });
  });

  add_member_dossier_command(member, opt);

  auto* show = member->add_subcommand("show", "Xem hồ sơ và lịch sử một người");
  auto sh = std::make_shared<std::pair<std::string, std::string>>();
  show->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  show->add_option("--member", sh->first, "Member code or card number")->required();
  show->add_option("--at", sh->second, "As of date YYYY-MM-DD (default: today)");
  show->add_flag("--json", opt.json, "JSON output");
  show->callback([&opt, sh] {
    opt.exit_code = with_registry(opt, false, [&opt, sh](service::Registry& r) -> Status {
      auto v = r.show_member(sh->first, sh->second);
      if (!v.ok()) return v.error();
      std::cout << (opt.json ? to_json(*v).dump(2) + "\n" : to_text(*v));
      return {};
    });
  });

  auto* list = member->add_subcommand("list", "Danh sách theo thứ tự tên tiếng Việt");
  auto ls = std::make_shared<service::ListMembersInput>();
  list->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  list->add_option("--org", ls->org_code, "Only this org's subtree");
  list->add_option("--at", ls->at, "As of date YYYY-MM-DD (default: today)");
  list->add_option("--q", ls->q, "Name search, with or without diacritics (any part of the name)");
  list->add_option("--status", ls->status, "active (default), all, or one status");
  list->add_option("--limit", ls->limit, "Rows (1–10000, default 100)");
  list->add_option("--offset", ls->offset, "Rows to skip");
  list->add_flag("--json", opt.json, "JSON output");
  list->callback([&opt, ls] {
    opt.exit_code = with_registry(opt, false, [&opt, ls](service::Registry& r) -> Status {
      auto v = r.list_members(*ls);
      if (!v.ok()) return v.error();
      std::cout << (opt.json ? to_json(*v).dump(2) + "\n" : to_text(*v));
      return {};
    });
  });
}

}  // namespace dangvu::app
