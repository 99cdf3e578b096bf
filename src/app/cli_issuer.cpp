// dangvu org issuer | set-issuer | holder: who issues and signs an org's documents.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/context.h"

namespace dangvu::app {

void add_org_issuer_commands(CLI::App& org, Options& opt) {
  auto* show = org.add_subcommand(
      "issuer", "Cơ quan ban hành, ký hiệu, thể thức ký và người ký văn bản của tổ chức");
  auto show_in = std::make_shared<std::pair<std::string, std::string>>();
  show->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  show->add_option("--org", show_in->first, "Org code")->required();
  show->add_option("--at", show_in->second, "The document's date YYYY-MM-DD (default: today)");
  show->callback([&opt, show_in] {
    opt.exit_code = with_registry(opt, false, [show_in](service::Registry& r) -> Status {
      auto v = r.issuer(show_in->first, show_in->second);
      if (!v.ok()) return v.error();
      std::cout << "Cơ quan ban hành: " << v->committee << " (ký hiệu " << v->symbol << ")\n";
      if (!v->superior.empty()) std::cout << "Cấp trên: " << v->superior << "\n";
      std::cout << "Thể thức ký: " << v->authority << " / " << v->signer_title << " "
                << (v->signer_name.empty() ? "(chưa ghi người giữ chức vụ)" : v->signer_name)
                << "\n";
      std::cout << "Địa danh: " << (v->place.empty() ? "(chưa ghi)" : v->place) << "\n";
      if (v->issued_by != v->org_code) {
        std::cout << "Văn bản của cụm do tổ chức «" << v->issued_by << "» ban hành.\n";
      }
      return {};
    });
  });

  auto* set = org.add_subcommand(
      "set-issuer", "Ghi tên cấp ủy, ký hiệu, thể thức ký, địa danh trên văn bản (từ một ngày)");
  auto set_in = std::make_shared<service::IssuerProfileInput>();
  set->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  set->add_option("--org", set_in->org_code, "Org code")->required();
  set->add_option("--date", set_in->date, "From YYYY-MM-DD")->required();
  set->add_option("--committee", set_in->committee_name, "The committee's name (Tỉnh ủy …)");
  set->add_option("--symbol", set_in->symbol, "Symbol in document numbers (TU, ĐUK, ĐU, CB …)");
  set->add_option("--authority", set_in->signing_authority,
                  "Signing formula (T/M BAN THƯỜNG VỤ, T/M ĐẢNG ỦY, T/M CHI BỘ …)");
  set->add_option("--place", set_in->place, "Place name in the date line");
  set->callback([&opt, set_in] {
    opt.exit_code = with_registry(opt, false, [set_in](service::Registry& r) -> Status {
      DANGVU_TRY(r.set_issuer_profile(*set_in));
      std::cout << "Đã ghi thông tin ban hành văn bản của «" << set_in->org_code << "» từ ngày "
                << set_in->date << ".\n";
      return {};
    });
  });

  auto* holder = org.add_subcommand(
      "holder", "Ghi người giữ chức Bí thư, Phó Bí thư của cấp ủy (từ một ngày)");
  auto h = std::make_shared<service::OfficeHolderInput>();
  holder->add_option("--db", opt.db, "Database file or postgresql:// URL")->required();
  holder->add_option("--org", h->org_code, "Org code")->required();
  holder->add_option("--date", h->date, "From YYYY-MM-DD")->required();
  holder->add_option("--position", h->position, "secretary | deputy_secretary")->required();
  holder->add_option("--member", h->member_code, "The member's code");
  holder->add_option("--name", h->name, "A name typed (neither: the post is vacant)");
  holder->callback([&opt, h] {
    opt.exit_code = with_registry(opt, false, [h](service::Registry& r) -> Status {
      DANGVU_TRY(r.record_office_holder(*h));
      std::cout << "Đã ghi chức vụ của «" << h->org_code << "» từ ngày " << h->date << ".\n";
      return {};
    });
  });
}

}  // namespace dangvu::app
