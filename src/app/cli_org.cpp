// dangvu org add|rename|move|merge|split|dissolve (and issuer, set-issuer, holder: cli_issuer.cpp)
#include <CLI/CLI.hpp>
#include <array>
#include <iostream>
#include <memory>

#include "app/context.h"

namespace dangvu::app {
namespace {

// "CODE:Tên tổ chức" → part; the name may contain ':' after the first one.
Result<service::SplitPartInput> parse_part(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0) {
    return Error::invalid("into",
                          "Trường «into»: mỗi tổ chức mới ghi dạng MÃ:Tên (ví dụ CB01:Chi bộ 1).",
                          "split part must be CODE:Name");
  }
  return service::SplitPartInput{text.substr(0, colon), text.substr(colon + 1), ""};
}

}  // namespace

void add_org_commands(CLI::App& app, Options& opt) {
  auto* org = app.add_subcommand(
      "org", "Tổ chức đảng: thêm, đổi tên, chuyển, hợp nhất, chia tách, giải thể");
  org->require_subcommand(1);

  auto* add = org->add_subcommand("add", "Thêm tổ chức đảng");
  auto add_in_p = std::make_shared<service::AddOrgInput>();
  auto& add_in = *add_in_p;
  add->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  add->add_option("--code", add_in.code, "Org code")->required();
  add->add_option("--name", add_in.name, "Name")->required();
  add->add_option("--kind", add_in.kind,
                  "upper_committee|cluster|grassroots_committee|grassroots_branch|sub_branch")
      ->required();
  add->add_option("--parent", add_in.parent_code, "Parent org code (none for the root)");
  add->add_option("--date", add_in.date, "Effective date YYYY-MM-DD")->required();
  add->callback([&opt, add_in_p] {
    opt.exit_code = with_registry(opt, false, [add_in_p](service::Registry& r) -> Status {
      auto id = r.add_org(*add_in_p);
      if (!id.ok()) return id.error();
      std::cout << "Đã thêm tổ chức «" << add_in_p->code << "».\n";
      return {};
    });
  });

  auto* rename = org->add_subcommand("rename", "Đổi tên tổ chức");
  auto rn = std::make_shared<std::array<std::string, 3>>();
  auto& [rename_code, rename_name, rename_date] = *rn;
  rename->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  rename->add_option("--code", rename_code, "Org code")->required();
  rename->add_option("--name", rename_name, "New name")->required();
  rename->add_option("--date", rename_date, "Effective date YYYY-MM-DD")->required();
  rename->callback([&opt, rn] {
    opt.exit_code = with_registry(opt, false, [rn](service::Registry& r) -> Status {
      DANGVU_TRY(r.rename_org((*rn)[0], (*rn)[1], (*rn)[2]));
      std::cout << "Đã đổi tên tổ chức «" << (*rn)[0] << "».\n";
      return {};
    });
  });

  auto* move = org->add_subcommand("move", "Chuyển tổ chức sang tổ chức cấp trên khác");
  auto mv = std::make_shared<std::array<std::string, 3>>();
  auto& [move_code, move_parent, move_date] = *mv;
  move->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  move->add_option("--code", move_code, "Org code")->required();
  move->add_option("--parent", move_parent, "New parent org code (empty: make it a root)")
      ->required();
  move->add_option("--date", move_date, "Effective date YYYY-MM-DD")->required();
  move->callback([&opt, mv] {
    opt.exit_code = with_registry(opt, false, [mv](service::Registry& r) -> Status {
      DANGVU_TRY(r.move_org((*mv)[0], (*mv)[1], (*mv)[2]));
      std::cout << "Đã chuyển tổ chức «" << (*mv)[0] << "».\n";
      return {};
    });
  });

  auto* merge = org->add_subcommand("merge", "Hợp nhất/sáp nhập tổ chức");
  auto mg = std::make_shared<service::MergeInput>();
  auto& merge_in = *mg;
  merge->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  merge->add_option("--from", merge_in.from, "Codes of the orgs merged (comma separated)")
      ->required()
      ->delimiter(',');
  merge->add_option("--into", merge_in.into, "Code of the target org")->required();
  merge->add_option("--new-name", merge_in.new_name, "Create the target with this name");
  merge->add_option("--kind", merge_in.new_kind,
                    "Kind of a new target (default: the first source's)");
  merge->add_option("--parent", merge_in.new_parent_code,
                    "Parent of a new target (default: the first source's)");
  merge->add_option("--date", merge_in.date, "Effective date YYYY-MM-DD")->required();
  merge->callback([&opt, mg] {
    opt.exit_code = with_registry(opt, false, [mg](service::Registry& r) -> Status {
      DANGVU_TRY(r.merge_orgs(*mg));
      std::cout << "Đã hợp nhất vào tổ chức «" << mg->into << "».\n";
      return {};
    });
  });

  auto* split = org->add_subcommand("split", "Chia tách tổ chức");
  struct SplitArgs {
    service::SplitInput in;
    std::vector<std::string> parts, assign;
  };
  auto sp = std::make_shared<SplitArgs>();
  auto& split_in = sp->in;
  auto& split_parts = sp->parts;
  auto& split_assign = sp->assign;
  split->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  split->add_option("--code", split_in.code, "Org code")->required();
  split->add_option("--into", split_parts, "New orgs as CODE:Name (repeat)")->required();
  split->add_option("--assign", split_assign, "CHILD=PART: where a sub-organization goes (repeat)");
  split->add_option("--members-to", split_in.members_to,
                    "Part that receives the members (default: the first)");
  split->add_option("--date", split_in.date, "Effective date YYYY-MM-DD")->required();
  split->callback([&opt, sp] {
    opt.exit_code = with_registry(opt, false, [sp](service::Registry& r) -> Status {
      for (const auto& p : sp->parts) {
        auto part = parse_part(p);
        if (!part.ok()) return part.error();
        sp->in.parts.push_back(*part);
      }
      for (const auto& a : sp->assign) {
        auto eq = a.find('=');
        if (eq == std::string::npos) {
          return Error::invalid("assign",
                                "Trường «assign»: ghi dạng MÃ_TỔ_CHỨC_TRỰC_THUỘC=MÃ_TỔ_CHỨC_MỚI.",
                                "assign must be CHILD=PART");
        }
        sp->in.assign[a.substr(0, eq)] = a.substr(eq + 1);
      }
      DANGVU_TRY(r.split_org(sp->in));
      std::cout << "Đã chia tách tổ chức «" << sp->in.code << "».\n";
      return {};
    });
  });

  auto* dissolve = org->add_subcommand("dissolve", "Giải thể tổ chức");
  auto ds = std::make_shared<std::array<std::string, 2>>();
  auto& [dissolve_code, dissolve_date] = *ds;
  dissolve->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  dissolve->add_option("--code", dissolve_code, "Org code")->required();
  dissolve->add_option("--date", dissolve_date, "Effective date YYYY-MM-DD")->required();
  dissolve->callback([&opt, ds] {
    opt.exit_code = with_registry(opt, false, [ds](service::Registry& r) -> Status {
      DANGVU_TRY(r.dissolve_org((*ds)[0], (*ds)[1]));
      std::cout << "Đã giải thể tổ chức «" << (*ds)[0] << "».\n";
      return {};
    });
  });

  add_org_issuer_commands(*org, opt);
}

}  // namespace dangvu::app
