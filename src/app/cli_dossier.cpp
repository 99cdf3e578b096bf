// dangvu member dossier: a member's dossier as of a date (with, for a candidate, what the admission
// file lacks), or appended facts — `--set field=value` any number of times, all from one date, in
// one action.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"

namespace dangvu::app {
namespace {

struct DossierOptions {
  std::string member, at, from, note;
  std::vector<std::string> sets;
};

void print(const service::DossierView& v) {
  std::cout << "Hồ sơ của «" << v.member_code << "» ngày " << v.at.vi() << "\n";
  for (const auto& fact : v.facts) {
    const DossierField* f = find_dossier_field(fact.field);
    const std::string label = f ? std::string(f->label) : fact.field;
    if (fact.current) {
      std::cout << "  " << label << ": " << fact.current->value_label << " (từ "
                << fact.current->record.from.vi() << ")\n";
      continue;
    }
    for (const auto& r : fact.history) {
      std::cout << "  " << label << ": " << r.value_label << " (" << r.record.from.vi() << ")\n";
    }
  }
  if (v.admission_gaps) {
    if (v.admission_gaps->empty()) {
      std::cout << "Hồ sơ kết nạp đã đủ để chi bộ xét.\n";
    } else {
      std::cout << "Hồ sơ kết nạp còn thiếu:\n";
      for (const auto& g : *v.admission_gaps) std::cout << "  - " << g.message_vi << "\n";
    }
  }
}

}  // namespace

void add_member_dossier_command(CLI::App* member, Options& opt) {
  auto* cmd = member->add_subcommand("dossier", "Xem hoặc ghi thêm hồ sơ đảng viên");
  auto o = std::make_shared<DossierOptions>();
  cmd->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  cmd->add_option("--member", o->member, "Member code or card number")->required();
  cmd->add_option("--at", o->at, "Show as of date YYYY-MM-DD (default: today)");
  cmd->add_option("--set", o->sets, "field=value to record (repeatable; see /labels)");
  cmd->add_option("--from", o->from, "The date the recorded values hold from YYYY-MM-DD");
  cmd->add_option("--note", o->note, "The decision or paper the records rest on");
  cmd->callback([&opt, o] {
    opt.exit_code = with_registry(opt, false, [o](service::Registry& r) -> Status {
      if (o->sets.empty()) {
        auto v = r.dossier(o->member, o->at);
        if (!v.ok()) return v.error();
        print(*v);
        return {};
      }
      service::DossierInput in;
      in.member_code = o->member;
      for (const auto& s : o->sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos) {
          return Error::invalid("set", "Tham số «--set»: cần dạng mục=giá trị, ví dụ sponsor=MA01.",
                                "--set needs field=value");
        }
        in.changes.push_back({s.substr(0, eq), s.substr(eq + 1), o->from, o->note, std::nullopt});
      }
      auto ids = r.record_dossier(in);
      if (!ids.ok()) return ids.error();
      std::cout << "Đã ghi " << ids->size() << " mục vào hồ sơ của «" << o->member << "».\n";
      return {};
    });
  });
}

}  // namespace dangvu::app
