// The import of a file of dues payments (issue 21): the portal's list of dues paid online, or one
// an office typed. Each row is matched to a member by card number or citizen ID and checked as a
// payment recorded by hand is (the month in a book the caller holds, not paid yet, at least what
// is owed, paid on a day that has come); then every payment is recorded in one transaction — all
// or none, or only the valid rows when asked. A row already recorded is left as it is: importing
// the same file again changes nothing.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/member_profile.h"
#include "service/dues.h"
#include "service/dues_limits.h"
#include "service/registry.h"
#include "store/dossier_store.h"
#include "store/dues_store.h"

namespace dangvu::service {
namespace {

using nlohmann::json;

// Members whose periods and dues rows are read at a time.
constexpr std::size_t kMembersPerRead = 500;

// The rows of one member, in file order.
struct MemberRows {
  MemberId member = 0;
  std::vector<std::size_t> rows;  // indexes into the sheet's rows
};

}  // namespace

Result<DuesImportReport> Registry::import_dues(DuesImportInput in) {
  DANGVU_TRY(
      require_permission(auth::can_record_dues(caller_.role), "ghi đảng phí", "record party dues"));
  in.options.this_year = clock_.today().year();
  auto sheet = io::read_dues_sheet(in.data, in.options);
  if (!sheet.ok()) return sheet.error();
  in.data.clear();
  DuesImportReport report;
  report.file_name = in.file_name;
  report.format = sheet->format;
  report.sheet = sheet->sheet;
  report.header_row = sheet->header_row;
  report.rows = static_cast<std::int64_t>(sheet->rows.size());
  report.dry_run = in.dry_run;
  std::vector<io::Problem> problems = std::move(sheet->problems);
  io::OmittedProblems omitted = sheet->omitted;
  std::vector<bool> bad(sheet->rows.size(), false);
  for (std::size_t i = 0; i < sheet->rows.size(); ++i) bad[i] = sheet->rows[i].has_errors;
  auto fail = [&](std::size_t i, const std::string& field, std::string message) {
    const auto& r = sheet->rows[i];
    const std::string who = !r.card_number.empty() ? r.card_number : r.citizen_id;
    io::add_problem(problems, omitted,
                    {sheet->sheet, r.row, "", field, who + ": " + std::move(message), false});
    bad[i] = true;
  };
  const Date today = clock_.today();
  const std::string note = "Nhập từ tệp " + in.file_name;

  std::int64_t recorded = 0, unchanged = 0;
  Money amount = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    recorded = unchanged = 0;
    amount = 0;
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    store::DossierStore dossier(store_);
    store::DuesStore dues(store_);
    // Who each row is: by card number (or the registry's code), else by citizen ID; the codes
    // and cards of the whole file looked up a few hundred at a time.
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < sheet->rows.size(); ++i) {
      if (!bad[i] && !sheet->rows[i].card_number.empty()) {
        keys.push_back(sheet->rows[i].card_number);
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    auto by_card = dues.members_by_code_or_card(keys);
    if (!by_card.ok()) return by_card.error();
    std::unordered_map<std::string, std::optional<MemberId>> by_citizen;
    std::map<MemberId, MemberRows> groups;
    for (std::size_t i = 0; i < sheet->rows.size(); ++i) {
      const auto& r = sheet->rows[i];
      if (bad[i]) continue;
      std::optional<MemberId> card, citizen;
      if (!r.card_number.empty()) {
        if (auto it = by_card->find(r.card_number); it != by_card->end()) card = it->second;
        if (!card) {
          fail(i, "card_number", "không có đảng viên có số thẻ này.");
          continue;
        }
      }
      if (!r.citizen_id.empty()) {
        auto [it, added] = by_citizen.emplace(r.citizen_id, std::nullopt);
        if (added) {
          auto holders = dossier.holders("citizen_id", r.citizen_id, 0);
          if (!holders.ok()) return holders.error();
          if (holders->size() == 1) it->second = holders->front().first;
        }
        citizen = it->second;
        if (!citizen && !card) {
          fail(i, "citizen_id", "không có đảng viên có số định danh cá nhân này.");
          continue;
        }
        if (citizen && card && *citizen != *card) {
          fail(i, "citizen_id",
               "số thẻ đảng viên và số định danh cá nhân là của hai người khác nhau.");
          continue;
        }
      }
      const MemberId id = card ? *card : *citizen;
      groups[id].member = id;
      groups[id].rows.push_back(i);
    }

    // The payments of one member's rows that pass, checked as a payment typed by hand.
    std::vector<std::pair<MemberId, DuesPayment>> to_append;
    auto add_rows = [&](const MemberRows& group, const ProfileView& member,
                        const DuesLedger& ledger, std::optional<Date> admitted,
                        std::optional<OrgId> last_org) {
      std::map<Date, std::size_t> in_file;  // month → the row that pays it in this file
      for (std::size_t i : group.rows) {
        const auto& r = sheet->rows[i];
        const Date month = *r.month;
        const Money paid = *r.amount;
        const auto org = dues_org_in(member.periods, month);
        // A member whose month lies outside the caller's books is as unknown as any other.
        const auto whose = org ? org : last_org;
        if (!whose || !in_scope(**history, *whose)) {
          fail(i, "card_number", "không có đảng viên này trong phạm vi của tài khoản.");
          continue;
        }
        // Already recorded: by its transaction number, or the same month, amount and day.
        const DuesPayment* standing = ledger.paid(month);
        if (standing != nullptr && (r.reference.empty() ? standing->amount == paid && r.paid_on &&
                                                              standing->paid_on == *r.paid_on
                                                        : standing->reference == r.reference)) {
          ++unchanged;
          continue;
        }
        if (!r.paid_on) {
          fail(i, "paid_on", "«Ngày nộp»: cần ghi.");
          continue;
        }
        if (*r.paid_on > today) {
          fail(i, "paid_on", "«Ngày nộp» " + r.paid_on->vi() + " chưa tới.");
          continue;
        }
        if (!org) {
          fail(i, "month",
               "không là đảng viên trong tháng " + month_vi(month) +
                   ": không có đảng phí của tháng này (quy tắc dues.not_member).");
          continue;
        }
        if (standing != nullptr) {
          fail(i, "month",
               "đã nộp đảng phí tháng " + month_vi(month) + " (" + money_vi(standing->amount) +
                   ", ngày " + standing->paid_on.vi() + ").");
          continue;
        }
        if (auto twice = in_file.find(month); twice != in_file.end()) {
          fail(i, "month",
               "tháng " + month_vi(month) + " đã có ở dòng " +
                   std::to_string(sheet->rows[twice->second].row) + " của tệp.");
          continue;
        }
        if (paid <= 0 || paid > kMaxDuesPayment) {
          fail(i, "amount",
               "«Số tiền» " + money_vi(paid) + " không hợp lệ (từ 1 đ đến " +
                   money_vi(kMaxDuesPayment) + ").");
          continue;
        }
        const int age = party_age_years_of(admitted, member.periods, month);
        auto owed = dues_owed(rules_.dues, ledger.basis_for(month, rules_.dues, age));
        if (owed.ok() && paid < owed->amount) {
          fail(i, "amount",
               "nộp " + money_vi(paid) + ", ít hơn số phải nộp " + money_vi(owed->amount) +
                   " của tháng " + month_vi(month) + " (quy tắc dues.short).");
          continue;
        }
        in_file.emplace(month, i);
        DuesPayment p;
        p.month = month;
        p.amount = paid;
        p.paid_on = *r.paid_on;
        p.channel = DuesChannel::portal;
        p.org = *org;
        p.reference = r.reference;
        p.note = note;
        p.recorded_at = clock_.now_iso();
        p.recorded_by = actor_;
        to_append.emplace_back(group.member, std::move(p));
      }
    };

    // The members' periods (their profiles) and dues rows, a few hundred members at a time: of
    // the payments, only those of the file's months.
    std::set<Date> file_months;
    for (std::size_t i = 0; i < sheet->rows.size(); ++i) {
      if (!bad[i]) file_months.insert(*sheet->rows[i].month);
    }
    const std::vector<Date> months(file_months.begin(), file_months.end());
    std::vector<MemberId> ids;
    for (const auto& [id, group] : groups) ids.push_back(id);
    ProfileView view;
    for (std::size_t at = 0; at < ids.size(); at += kMembersPerRead) {
      const std::vector<MemberId> batch(
          ids.begin() + static_cast<std::ptrdiff_t>(at),
          ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + kMembersPerRead)));
      auto profiles = dues.profiles_of(batch);
      if (!profiles.ok()) return profiles.error();
      auto records = dues.records_of(batch);
      if (!records.ok()) return records.error();
      auto payments = dues.payments_of(batch, months);
      if (!payments.ok()) return payments.error();
      std::unordered_map<MemberId, std::vector<DuesRecord>> records_by;
      std::unordered_map<MemberId, std::vector<DuesPayment>> payments_by;
      for (auto& [m, r] : *records) records_by[m].push_back(std::move(r));
      for (auto& [m, p] : *payments) payments_by[m].push_back(std::move(p));
      for (MemberId id : batch) {
        const auto text = profiles->find(id);
        if (text == profiles->end() || !parse_profile(text->second, view)) {
          return Error::io("Dữ liệu của một đảng viên (số nội bộ " + std::to_string(id) +
                               ") không đọc được; hãy báo người quản trị.",
                           "member_profile " + std::to_string(id) + " missing or unreadable");
        }
        const DuesLedger ledger(std::move(records_by[id]), std::move(payments_by[id]));
        const std::optional<Date> admitted = view.first_admission();
        std::optional<OrgId> last_org;
        for (const auto& period : view.periods) {
          if (period.org) last_org = period.org;
        }
        add_rows(groups[id], view, ledger, admitted, last_org);
      }
    }
    std::int64_t rejected = 0;
    for (bool b : bad) rejected += b ? 1 : 0;
    recorded = static_cast<std::int64_t>(to_append.size());
    for (const auto& [m, p] : to_append) amount += p.amount;
    if (in.dry_run || to_append.empty() || (rejected > 0 && !in.valid_only)) return {};
    DANGVU_TRY(dues.append_payments(to_append));
    report.written = true;
    return audit("dues.import", in.file_name,
                 json{{"file", in.file_name},
                      {"rows", report.rows},
                      {"recorded", recorded},
                      {"unchanged", unchanged},
                      {"rejected", rejected},
                      {"amount", amount}}
                     .dump(),
                 caller_.scope);
  }));
  report.recorded = recorded;
  report.unchanged = unchanged;
  report.amount = amount;
  for (bool b : bad) report.rejected += b ? 1 : 0;
  std::stable_sort(problems.begin(), problems.end(),
                   [](const io::Problem& a, const io::Problem& b) { return a.row < b.row; });
  report.problems = std::move(problems);
  report.omitted = omitted;
  return report;
}

}  // namespace dangvu::service
