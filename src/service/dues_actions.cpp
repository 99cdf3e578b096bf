// Party dues (issue 21): each member's basis, exemptions and reductions, appended and audited; a
// branch's dues book for a year; a month's payments of a branch recorded as one action; a payment
// cancelled by a record of its own. Every figure is computed from the records (core/dues.h,
// core/dues_ledger.h); nothing is stored that the records give.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "service/dues.h"
#include "service/dues_limits.h"
#include "service/registry.h"
#include "service/validate.h"
#include "store/dues_store.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxPayments = 500;  // a month of the largest branch, with room
constexpr Money kMaxPayment = kMaxDuesPayment;
constexpr Money kMaxBase = kMaxDuesBase;

std::string at_index(std::size_t i, const char* key) {
  return "payments[" + std::to_string(i) + "]." + key;
}

Error unknown_member(const std::string& field, const std::string& code) {
  return Error::not_found(field, "Trường «" + field + "»: không có đảng viên mã «" + code + "».",
                          "unknown member code");
}

Result<int> year_of(int year) {
  if (year < 1930 || year > 2200) {
    return Error::invalid("year", "Trường «year»: năm " + std::to_string(year) + " không hợp lệ.",
                          "year out of range");
  }
  return year;
}

// A typed text and where its cleaned form goes (NFC, spaces; at most 200 characters).
struct TypedText {
  const std::string& typed;
  std::string field;
  std::string& out;
};

// Cleans each non-empty text into its target; the first that is refused refuses by its field.
Status clean_texts(std::initializer_list<TypedText> texts) {
  for (const auto& t : texts) {
    if (t.typed.empty()) continue;
    auto clean = text::clean_field(t.typed, t.field, 200);
    if (!clean.ok()) return clean.error();
    t.out = *clean;
  }
  return {};
}

// One month of a member: whether it is in `book`'s book (any org's when none), what is owed, what
// was paid.
DuesMonthView month_view(const DuesLedger& ledger, const MemberHistory& history, Date month,
                         std::optional<OrgId> book, const DuesRules& rules) {
  DuesMonthView v;
  v.month = month;
  const auto org = dues_org_for(history, month);
  v.in_book = org && (!book || *org == *book);
  if (v.in_book) {
    auto owed = dues_owed(rules, ledger.basis_for(month, rules, history));
    if (owed.ok()) {
      v.owed = *owed;
    } else {
      // The basis lacks its category or base; or it names a category, ground or rate the rule
      // set no longer has (an office corrected the rules).
      const std::string& f = owed.error().field;
      v.missing = f == "category" || f == "base" ? f : "rules";
    }
  }
  if (const DuesPayment* p = ledger.paid(month)) v.payment = *p;
  return v;
}

// What the record's kind needs, checked before the transaction (the member's history comes in
// it). Fills the parsed months.
Status check_record_shape(const DuesRecordInput& in, const DuesRules& rules, DuesRecord& r) {
  auto kind = parse_dues_record_kind(in.kind);
  if (!kind) {
    return Error::invalid("kind",
                          "Trường «kind»: loại bản ghi đảng phí «" + in.kind +
                              "» không có (basis, exemption, reduction).",
                          "unknown dues record kind");
  }
  r.kind = *kind;
  r.voids = in.voids;
  if (in.replaces) r.replaces = *in.replaces;
  if (in.voids) {
    if (!in.replaces) {
      return Error::invalid("replaces", "Hủy một bản ghi đảng phí cần số của bản ghi đó.",
                            "voids without replaces");
    }
    return {};
  }
  auto from = parse_month(in.from, "from");
  if (!from.ok()) return from.error();
  r.from = *from;
  if (!in.to.empty()) {
    auto to = parse_month(in.to, "to");
    if (!to.ok()) return to.error();
    if (*to < *from) {
      return Error::invalid(
          "to", "Đến tháng " + month_vi(*to) + " trước từ tháng " + month_vi(*from) + ".",
          "to before from");
    }
    r.to = *to;
  }
  switch (r.kind) {
    case DuesRecordKind::basis: {
      if (r.to) {
        return Error::invalid("to",
                              "Đối tượng và mức căn cứ đóng đảng phí áp dụng đến khi có bản ghi "
                              "mới; không ghi «đến tháng».",
                              "a basis has no end month");
      }
      const DuesCategory* cat = rules.category(in.category);
      if (cat == nullptr) {
        return Error::invalid(
            "category", "Đối tượng đóng đảng phí «" + in.category + "» không có trong quy định.",
            "unknown dues category");
      }
      r.category = cat->code;
      if (cat->rate_bp > 0) {
        if (!in.base) {
          return Error::invalid("base", "Mức căn cứ tính đảng phí: cần ghi (" + cat->label + ").",
                                "a rate category needs a base");
        }
        if (*in.base < 0 || *in.base > kMaxBase) {
          return Error::invalid("base",
                                "Mức căn cứ tính đảng phí: " + money_vi(*in.base) +
                                    " không hợp lệ (từ 0 đến " + money_vi(kMaxBase) + ").",
                                "base out of range");
        }
        r.base = *in.base;
      }
      return {};
    }
    case DuesRecordKind::exemption:
      if (in.ground.empty()) {
        return Error::invalid("ground", "Miễn đảng phí: cần ghi lý do miễn.",
                              "an exemption needs its ground");
      }
      if (rules.exemption_ground(in.ground) == nullptr) {
        return Error::invalid("ground",
                              "Lý do miễn đảng phí «" + in.ground + "» không có trong quy định.",
                              "unknown exemption ground");
      }
      r.ground = in.ground;
      break;
    case DuesRecordKind::reduction: {
      if (!r.to) {
        return Error::invalid("to", "Giảm đảng phí: cần ghi đến tháng nào.",
                              "a reduction needs its end month");
      }
      DANGVU_TRY(check_dues_reduction(rules, in.percent, r.from, *r.to));
      r.percent = in.percent;
      break;
    }
  }
  if (in.decision_no.empty()) {
    return Error::invalid("decision_no", "Số quyết định: cần ghi (quyết định miễn, giảm).",
                          "an exemption or reduction needs its decision");
  }
  if (in.decided_by.empty()) {
    return Error::invalid("decided_by", "Cấp quyết định: cần ghi.",
                          "an exemption or reduction needs the deciding level");
  }
  return {};
}

}  // namespace

Result<DuesRecordId> Registry::record_dues(const DuesRecordInput& in) {
  DANGVU_TRY(check_code(in.member_code, "member"));
  DANGVU_TRY(
      require_permission(auth::can_record_dues(caller_.role), "ghi đảng phí", "record party dues"));
  DuesRecord r;
  DANGVU_TRY(check_record_shape(in, rules_.dues, r));
  DANGVU_TRY(clean_texts({{in.decision_no, "decision_no", r.decision_no},
                          {in.decided_by, "decided_by", r.decided_by},
                          {in.note, "note", r.note}}));
  DuesRecordId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto member = held_member(in.member_code, **history);
    if (!member.ok()) return member.error();
    store::DuesStore dues(store_);
    auto records = dues.records(member->record.id);
    if (!records.ok()) return records.error();
    const DuesLedger ledger(*records, {});
    std::vector<Date> reaches;
    if (r.replaces) {
      const DuesRecord* target = ledger.record(*r.replaces);
      if (target == nullptr || target->kind != r.kind || target->voids) {
        return Error::not_found("replaces",
                                "Đảng phí của đảng viên này không có bản ghi số " +
                                    std::to_string(*r.replaces) + " cùng loại.",
                                "replaced dues record is not this member's, or of another kind");
      }
      if (ledger.replaced(target->id)) {
        return Error::conflict("replaces",
                               "Bản ghi số " + std::to_string(target->id) +
                                   " đã được sửa hoặc hủy; hãy sửa bản ghi mới nhất.",
                               "dues record already replaced");
      }
      reaches.push_back(target->from);
      if (r.voids) {
        r.kind = target->kind;
        r.from = target->from;
        r.to = target->to;
        r.category = target->category;
      }
    }
    if (!r.voids) {
      // Dues begin with the admission: a record before it has nothing to rest on.
      const auto admitted = member->history.first_admission;
      if (!admitted || r.from < month_of(*admitted)) {
        return Error::refused("from", "dues.before_admission",
                              admitted
                                  ? "Từ tháng " + month_vi(r.from) + " trước tháng kết nạp (" +
                                        month_vi(month_of(*admitted)) + ")."
                                  : "Người này chưa được kết nạp vào Đảng: chưa đóng đảng phí.",
                              "dues record before the admission");
      }
      const Date latest = month_of(clock_.today()).add_months(12);
      if (r.from > latest) {
        return Error::invalid("from",
                              "Từ tháng " + month_vi(r.from) + ": quá 12 tháng kể từ tháng này.",
                              "dues record more than 12 months ahead");
      }
      reaches.push_back(r.from);
    }
    const Scope held = scope(**history);
    for (Date d : reaches) {
      if (!held.holds_member_at(member->history, d)) {
        return history_outside_scope(member->record.code, d, ScopeBreach::reaches);
      }
    }
    r.recorded_at = clock_.now_iso();
    r.recorded_by = actor_;
    auto appended = dues.append(member->record.id, r);
    if (!appended.ok()) return appended.error();
    id = *appended;
    json detail = {{"id", id}, {"kind", std::string(to_string(r.kind))}};
    if (r.voids) {
      detail["voids"] = *r.replaces;
    } else {
      detail["from"] = month_iso(r.from);
      if (r.to) detail["to"] = month_iso(*r.to);
      if (!r.category.empty()) detail["category"] = r.category;
      if (r.base) detail["base"] = *r.base;
      if (!r.ground.empty()) detail["ground"] = r.ground;
      if (r.percent != 0) detail["percent"] = r.percent;
      if (!r.decision_no.empty()) detail["decision_no"] = r.decision_no;
      if (!r.decided_by.empty()) detail["decided_by"] = r.decided_by;
      if (r.replaces) detail["replaces"] = *r.replaces;
    }
    if (!r.note.empty()) detail["note"] = r.note;
    return audit("member.dues", member->record.code, detail.dump(), member->history.current().org);
  }));
  return id;
}

Result<DuesMemberView> Registry::member_dues(const std::string& code, int year) {
  DANGVU_TRY(check_code(code, "member"));
  auto y = year_of(year);
  if (!y.ok()) return y.error();
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  auto member = held_member(code, **history);
  if (!member.ok()) return member.error();
  store::DuesStore dues(store_);
  auto records = dues.records(member->record.id);
  if (!records.ok()) return records.error();
  auto payments = dues.payments(member->record.id);
  if (!payments.ok()) return payments.error();
  const DuesLedger ledger(*records, *payments);
  DuesMemberView v;
  v.member_code = member->record.code;
  v.year = year;
  v.records = ledger.records();
  for (const auto& r : v.records) {
    if (ledger.replaced(r.id)) v.replaced.push_back(r.id);
  }
  v.payments = ledger.payments();
  for (const auto& p : v.payments) {
    if (ledger.cancelled(p.id)) v.cancelled.push_back(p.id);
  }
  const Date first = *Date::from_ymd(year, 1, 1);
  for (int m = 0; m < 12; ++m) {
    v.months.push_back(
        month_view(ledger, member->history, first.add_months(m), std::nullopt, rules_.dues));
  }
  return v;
}

Result<DuesBookView> Registry::dues_book(const std::string& org_code, int year) {
  DANGVU_TRY(check_code(org_code, "org"));
  auto y = year_of(year);
  if (!y.ok()) return y.error();
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  auto org = require_org(org_code, "org");
  if (!org.ok()) return org.error();
  DANGVU_TRY(require_in_scope(**history, *org, "org", org_code));
  const Date first = *Date::from_ymd(year, 1, 1);
  const Date this_month = month_of(clock_.today());
  DuesBookView v;
  v.org_code = org_code;
  v.year = year;
  v.last_month = std::min(first.add_months(11), this_month);
  const OrgVersion* version = (*history)->version_at(*org, std::min(v.last_month, this_month));
  if (version == nullptr) version = (*history)->latest(*org);
  v.org_name = version != nullptr ? version->name : org_code;
  for (int m = 0; m < 12; ++m) v.months.push_back(first.add_months(m));

  store::DuesStore dues(store_);
  auto ids = dues.members_in(*org, first, first.add_months(12));
  if (!ids.ok()) return ids.error();
  auto records = dues.records_of(*ids);
  if (!records.ok()) return records.error();
  auto payments = dues.payments_of(*ids);
  if (!payments.ok()) return payments.error();
  std::map<MemberId, std::vector<DuesRecord>> records_by;
  std::map<MemberId, std::vector<DuesPayment>> payments_by;
  for (auto& [m, r] : *records) records_by[m].push_back(std::move(r));
  for (auto& [m, p] : *payments) payments_by[m].push_back(std::move(p));
  for (MemberId id : *ids) {
    auto record = store_.member_by_id(id);
    if (!record.ok()) return record.error();
    auto events = store_.member_events(id);
    if (!events.ok()) return events.error();
    auto folded = fold(record->person, *events, **history);
    if (!folded.ok()) return folded.error();
    const DuesLedger ledger(records_by[id], payments_by[id]);
    DuesBookRow row;
    row.member_code = record->code;
    row.name = record->person.full_name();
    for (Date month : v.months) {
      DuesMonthView m = month_view(ledger, *folded, month, *org, rules_.dues);
      if (m.in_book && month <= v.last_month) {
        if (m.owed) row.owed += m.owed->amount;
        if (m.payment) row.paid += m.payment->amount;
        // A month whose basis is not recorded is the office's gap, not the member's debt: the
        // book shows it as such and does not count it towards the flag.
        const bool owes = m.owed && m.owed->amount > 0;
        if (owes && !m.payment && month < this_month) ++row.unpaid_months;
      }
      row.months.push_back(std::move(m));
    }
    if (const DuesRecord* basis = ledger.in_force(DuesRecordKind::basis, v.last_month)) {
      row.category = basis->category;
    }
    row.flagged = row.unpaid_months >= rules_.dues.unpaid_months_flag;
    // This month and the next, as the branch plans its collection.
    if (v.year == this_month.year() || v.year == next_month(this_month).year()) {
      for (Date m : {this_month, next_month(this_month)}) {
        if (dues_org_for(*folded, m) != *org) continue;
        const int years = rules_.dues.exempt_party_age_years;
        if (folded->party_age_years(m) >= years &&
            folded->party_age_years(m.add_months(-1)) < years) {
          row.notices.push_back(
              {"dues.party_age_exempt", "Đủ " + std::to_string(years) +
                                            " năm tuổi Đảng: miễn đóng đảng phí từ tháng " +
                                            month_vi(m) + "."});
        }
        const DuesRecord* reduction = ledger.in_force(DuesRecordKind::reduction, m);
        if (reduction != nullptr && reduction->to && *reduction->to == m) {
          row.notices.push_back(
              {"dues.reduction_ending", "Giảm " + std::to_string(reduction->percent) +
                                            "% đảng phí đến hết tháng " + month_vi(m) +
                                            " (quyết định " + reduction->decision_no + ")."});
        }
      }
    }
    v.owed += row.owed;
    v.paid += row.paid;
    v.rows.push_back(std::move(row));
  }
  std::sort(v.rows.begin(), v.rows.end(), [](const DuesBookRow& a, const DuesBookRow& b) {
    return a.name != b.name ? a.name < b.name : a.member_code < b.member_code;
  });
  return v;
}

Result<std::vector<DuesPaymentId>> Registry::record_dues_month(const DuesMonthInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  DANGVU_TRY(
      require_permission(auth::can_record_dues(caller_.role), "ghi đảng phí", "record party dues"));
  auto month = parse_month(in.month, "month");
  if (!month.ok()) return month.error();
  const Date this_month = month_of(clock_.today());
  if (*month > this_month.add_months(12)) {
    return Error::invalid("month", "Tháng " + month_vi(*month) + ": quá 12 tháng kể từ tháng này.",
                          "month more than 12 months ahead");
  }
  if (in.payments.empty() || in.payments.size() > kMaxPayments) {
    return Error::invalid(
        "payments",
        "Trường «payments»: cần từ 1 đến " + std::to_string(kMaxPayments) + " đảng viên đã nộp.",
        "1 to 500 payments");
  }
  // Everything that needs no registry, before the transaction.
  struct Checked {
    std::string member_code;
    std::optional<Money> amount;
    Date paid_on;
    DuesChannel channel = DuesChannel::cash;
    std::string reference, note;
  };
  std::vector<Checked> checked;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.payments.size(); ++i) {
    const auto& p = in.payments[i];
    Checked c;
    DANGVU_TRY(check_code(p.member_code, at_index(i, "member").c_str()));
    if (!seen.insert(p.member_code).second) {
      return Error::invalid(at_index(i, "member"),
                            "Đảng viên «" + p.member_code + "» có hai lần trong danh sách.",
                            "one member twice");
    }
    c.member_code = p.member_code;
    if (p.amount) {
      if (*p.amount <= 0 || *p.amount > kMaxPayment) {
        return Error::invalid(at_index(i, "amount"),
                              "Số tiền nộp của «" + p.member_code + "»: " + money_vi(*p.amount) +
                                  " không hợp lệ (từ 1 đ đến " + money_vi(kMaxPayment) + ").",
                              "amount out of range");
      }
      c.amount = *p.amount;
    }
    if (p.paid_on.empty()) {
      c.paid_on = clock_.today();
    } else {
      auto d = Date::parse(p.paid_on, at_index(i, "paid_on"));
      if (!d.ok()) return d.error();
      if (*d > clock_.today()) {
        return Error::invalid(at_index(i, "paid_on"),
                              "Ngày nộp của «" + p.member_code + "» (" + d->vi() + ") chưa tới.",
                              "paid in the future");
      }
      c.paid_on = *d;
    }
    auto channel = parse_dues_channel(p.channel.empty() ? "cash" : p.channel);
    if (!channel) {
      return Error::invalid(
          at_index(i, "channel"),
          "Hình thức nộp «" + p.channel +
              "» không có (cash: tiền mặt tại chi bộ, portal: Cổng Dịch vụ công).",
          "unknown channel");
    }
    c.channel = *channel;
    DANGVU_TRY(clean_texts({{p.reference, at_index(i, "reference"), c.reference},
                            {p.note, at_index(i, "note"), c.note}}));
    checked.push_back(std::move(c));
  }
  std::vector<DuesPaymentId> ids;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    ids.clear();
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    DANGVU_TRY(require_in_scope(**history, *org, "org", in.org_code));
    store::DuesStore dues(store_);
    json detail = json::array();
    for (std::size_t i = 0; i < checked.size(); ++i) {
      const Checked& c = checked[i];
      auto member = store_.find_member(c.member_code);
      if (!member.ok()) return member.error();
      if (!*member) return unknown_member(at_index(i, "member"), c.member_code);
      auto events = store_.member_events((*member)->id);
      if (!events.ok()) return events.error();
      auto folded = fold((*member)->person, *events, **history);
      if (!folded.ok()) return folded.error();
      const std::string who = (*member)->person.full_name() + " (" + c.member_code + ")";
      const auto owing_org = dues_org_for(*folded, *month);
      if (!owing_org) {
        return Error::refused(at_index(i, "member"), "dues.not_member",
                              who + " không là đảng viên trong tháng " + month_vi(*month) +
                                  ": không có đảng phí của tháng này.",
                              "not a member in the month");
      }
      if (*owing_org != *org) {
        // The month belongs to another org's book: unknown to a caller who does not hold it.
        const std::string other = (*history)->code(*owing_org);
        return Error::refused(at_index(i, "member"), "dues.other_book",
                              who + " sinh hoạt ở tổ chức khác trong tháng " + month_vi(*month) +
                                  (in_scope(**history, *owing_org) ? " («" + other + "»)" : "") +
                                  ": đảng phí tháng này ghi ở sổ của tổ chức đó.",
                              "the month is in another org's book");
      }
      auto records = dues.records((*member)->id);
      if (!records.ok()) return records.error();
      auto payments = dues.payments((*member)->id);
      if (!payments.ok()) return payments.error();
      const DuesLedger ledger(*records, *payments);
      if (const DuesPayment* paid = ledger.paid(*month)) {
        return Error::conflict(at_index(i, "member"),
                               who + " đã nộp đảng phí tháng " + month_vi(*month) + " (" +
                                   money_vi(paid->amount) + ", ngày " + paid->paid_on.vi() +
                                   "); muốn ghi lại thì hủy lần nộp đó trước.",
                               "month already paid");
      }
      auto owed = dues_owed(rules_.dues, ledger.basis_for(*month, rules_.dues, *folded));
      Money amount = 0;
      if (c.amount) {
        amount = *c.amount;
        if (owed.ok() && amount < owed->amount) {
          return Error::refused(at_index(i, "amount"), "dues.short",
                                who + ": nộp " + money_vi(amount) + ", ít hơn số phải nộp " +
                                    money_vi(owed->amount) + " của tháng " + month_vi(*month) + ".",
                                "paid less than owed");
        }
      } else if (!owed.ok()) {
        return Error::refused(at_index(i, "amount"), "dues.no_basis",
                              who + ": chưa tính được số phải nộp tháng " + month_vi(*month) +
                                  " (" + owed.error().message_vi +
                                  "); hãy ghi số tiền đã nộp hoặc ghi đối tượng đóng đảng phí.",
                              "no amount and no basis to compute it");
      } else if (owed->amount == 0) {
        return Error::refused(at_index(i, "amount"), "dues.nothing_owed",
                              who + " không phải nộp đảng phí tháng " + month_vi(*month) +
                                  "; nếu tự nguyện nộp thì ghi số tiền.",
                              "nothing owed and no amount");
      } else {
        amount = owed->amount;
      }
      DuesPayment p;
      p.month = *month;
      p.amount = amount;
      p.paid_on = c.paid_on;
      p.channel = c.channel;
      p.org = *org;
      p.reference = c.reference;
      p.note = c.note;
      p.recorded_at = clock_.now_iso();
      p.recorded_by = actor_;
      auto id = dues.append((*member)->id, p);
      if (!id.ok()) return id.error();
      ids.push_back(*id);
      json one = {{"member", c.member_code},
                  {"id", *id},
                  {"amount", amount},
                  {"paid_on", c.paid_on.iso()},
                  {"channel", std::string(to_string(c.channel))}};
      if (!c.reference.empty()) one["reference"] = c.reference;
      detail.push_back(std::move(one));
    }
    return audit("dues.month", in.org_code,
                 json{{"month", month_iso(*month)}, {"payments", detail}}.dump(), *org);
  }));
  return ids;
}

Result<DuesPaymentId> Registry::cancel_dues_payment(const DuesCancelInput& in) {
  DANGVU_TRY(check_code(in.member_code, "member"));
  DANGVU_TRY(
      require_permission(auth::can_record_dues(caller_.role), "ghi đảng phí", "record party dues"));
  if (in.reason.empty()) {
    return Error::invalid("reason", "Hủy lần nộp đảng phí: cần ghi lý do.",
                          "a cancellation needs its reason");
  }
  auto reason = text::clean_field(in.reason, "reason", 200);
  if (!reason.ok()) return reason.error();
  DuesPaymentId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto member = held_member(in.member_code, **history);
    if (!member.ok()) return member.error();
    store::DuesStore dues(store_);
    auto payments = dues.payments(member->record.id);
    if (!payments.ok()) return payments.error();
    const DuesLedger ledger({}, *payments);
    const DuesPayment* target = nullptr;
    for (const auto& p : ledger.payments()) {
      if (p.id == in.payment && !p.cancels) target = &p;
    }
    if (target == nullptr || !in_scope(**history, target->org)) {
      return Error::not_found(
          "payment",
          "Đảng viên này không có lần nộp đảng phí số " + std::to_string(in.payment) + ".",
          "payment is not this member's");
    }
    if (ledger.cancelled(target->id)) {
      return Error::conflict("payment",
                             "Lần nộp số " + std::to_string(in.payment) + " đã được hủy.",
                             "payment already cancelled");
    }
    DuesPayment c = *target;
    c.cancels = target->id;
    c.paid_on = clock_.today();
    c.note = *reason;
    c.reference.clear();
    c.recorded_at = clock_.now_iso();
    c.recorded_by = actor_;
    auto appended = dues.append(member->record.id, c);
    if (!appended.ok()) return appended.error();
    id = *appended;
    return audit("dues.cancel", member->record.code,
                 json{{"id", id},
                      {"cancels", target->id},
                      {"month", month_iso(target->month)},
                      {"amount", target->amount},
                      {"reason", *reason}}
                     .dump(),
                 target->org);
  }));
  return id;
}

}  // namespace dangvu::service
