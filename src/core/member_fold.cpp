#include "core/member_fold.h"

#include <algorithm>
#include <map>

namespace dangvu {
namespace {

std::string kind_vi(MemberEventKind k) { return std::string(label_vi(k)); }

Error refuse(const MemberEvent& e, const std::string& field, const std::string& rule,
             const std::string& why_vi, const std::string& why_en) {
  return Error::refused(field, rule,
                        "Sự kiện «" + kind_vi(e.kind) + "» ngày " + e.date.vi() + ", trường «" +
                            field + "»: " + why_vi,
                        std::string(to_string(e.kind)) + " on " + e.date.iso() + ": " + why_en);
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Applies corrections: voids or replaces fields of earlier events. Returns the effective events.
Result<std::vector<MemberEvent>> apply_corrections(const std::vector<MemberEvent>& events) {
  std::vector<MemberEvent> out;
  std::map<EventId, std::size_t> index;
  for (const auto& e : events) {
    if (e.kind != MemberEventKind::correction) {
      if (e.id != 0) index[e.id] = out.size();
      out.push_back(e);
      continue;
    }
    auto it = e.corrects ? index.find(*e.corrects) : index.end();
    if (it == index.end()) {
      return Error::invalid(
          "corrects", "Trường «corrects»: không tìm thấy sự kiện cần đính chính của đảng viên này.",
          "correction targets no earlier event of this member");
    }
    MemberEvent& t = out[it->second];
    if (e.voids) {
      t.kind = MemberEventKind::correction;  // marks it void; dropped below
      continue;
    }
    if (e.new_date) t.date = *e.new_date;
    if (e.new_org) t.org = *e.new_org;
    if (e.new_ceremony_date) t.ceremony_date = *e.new_ceremony_date;
    if (!e.new_decision_no.empty()) t.decision_no = e.new_decision_no;
    if (!e.new_card_number.empty()) t.card_number = e.new_card_number;
  }
  out.erase(
      std::remove_if(out.begin(), out.end(),
                     [](const MemberEvent& e) { return e.kind == MemberEventKind::correction; }),
      out.end());
  // Date order; same-day events in recording order (a new event, id 0, last).
  std::stable_sort(out.begin(), out.end(), [](const MemberEvent& a, const MemberEvent& b) {
    if (a.date != b.date) return a.date < b.date;
    EventId ia = a.id == 0 ? INT64_MAX : a.id;
    EventId ib = b.id == 0 ? INT64_MAX : b.id;
    return ia < ib;
  });
  return out;
}

class Folder {
 public:
  Folder(const Person& p, const RuleSet& r, const OrgKindAt& k, Date today)
      : person_(p), rules_(r), org_kind_at_(k), today_(today) {}

  Status step(const MemberEvent& e);
  MemberHistory finish() && {
    if (cur_.status != MemberStatus::none) h_.periods.push_back(cur_);
    return std::move(h_);
  }

 private:
  Status check_org(const MemberEvent& e, std::optional<OrgId> org);
  Status check_age(const MemberEvent& e);
  Status check_readmission(const MemberEvent& e);
  void change(Date d, MemberPeriod next);

  const Person& person_;
  const RuleSet& rules_;
  const OrgKindAt& org_kind_at_;
  Date today_;
  MemberHistory h_;
  MemberPeriod cur_;
  std::string left_for_;  // the ground of the event that ended the membership, if given
};

void Folder::change(Date d, MemberPeriod next) {
  if (cur_.status != MemberStatus::none) {
    cur_.to = d;
    if (cur_.from < cur_.to) h_.periods.push_back(cur_);
  }
  next.from = d;
  next.to = Date::max();
  cur_ = next;
}

Status Folder::check_org(const MemberEvent& e, std::optional<OrgId> org) {
  if (!org) {
    return refuse(e, "org", "member.org_required", "chưa nêu tổ chức đảng.", "org is required");
  }
  auto kind = org_kind_at_(*org, e.date);
  if (!kind) {
    return refuse(e, "org", "org.exists_on_date", "tổ chức không tồn tại vào ngày này.",
                  "org does not exist on the date");
  }
  if (!rules_.holds_members(*kind)) {
    return refuse(
        e, "org", "org.member_org_kinds",
        std::string(label_vi(*kind)) + " không trực tiếp quản lý đảng viên; hãy chọn chi bộ.",
        "org kind does not hold members");
  }
  return {};
}

Status Folder::check_age(const MemberEvent& e) {
  Date on = e.vote_date.value_or(e.date);
  int age = whole_years_between(person_.birth_date, on);
  if (age < rules_.admission_min_age_years) {
    return refuse(e, "birth_date", "admission.min_age",
                  "người được kết nạp mới " + std::to_string(age) + " tuổi vào ngày " + on.vi() +
                      "; phải đủ " + std::to_string(rules_.admission_min_age_years) + " tuổi.",
                  "under the minimum age");
  }
  if (age >= rules_.admission_max_age_years + 1 ||
      (age == rules_.admission_max_age_years &&
       person_.birth_date.add_years(rules_.admission_max_age_years) < on)) {
    if (e.age_exception_ref.empty()) {
      return refuse(e, "age_exception_ref", "admission.max_age",
                    "người được kết nạp đã quá " + std::to_string(rules_.admission_max_age_years) +
                        " tuổi; cần quyết định của cấp ủy cấp tỉnh (nhập số quyết định).",
                    "over the maximum age without an exception");
    }
    h_.flags.push_back({"admission.max_age",
                        "Kết nạp trên " + std::to_string(rules_.admission_max_age_years) +
                            " tuổi theo quyết định " + e.age_exception_ref + ".",
                        e.date});
  }
  return {};
}

// Readmission (kết nạp lại) waits the rule set's months after the membership ended, and comes
// once only.
Status Folder::check_readmission(const MemberEvent& e) {
  if (rules_.readmission_once) {
    for (const auto& m : h_.milestones) {
      if (m.kind == MemberEventKind::readmission) {
        return refuse(e, "kind", "readmission.once",
                      "người này đã được kết nạp lại một lần (ngày " + m.date.vi() +
                          "); chỉ xem xét kết nạp lại một lần.",
                      "readmitted once already");
      }
    }
  }
  const Catalog* grounds = rules_.catalogs.find("leaving_ground");
  const CatalogItem* ground = grounds != nullptr ? grounds->find(left_for_) : nullptr;
  if (ground != nullptr && ground->group == "no_readmission") {
    return refuse(e, "kind", "readmission.excluded_ground",
                  "không xem xét kết nạp lại người đã " +
                      std::string(ended_phrase_vi(cur_.status)) + " vì: " + ground->label +
                      " (ngày " + cur_.from.vi() + ").",
                  "readmission barred by the ground the membership ended for");
  }
  const Date earliest = cur_.from.add_months(rules_.readmission_min_months);
  if (e.date < earliest) {
    return refuse(e, "date", "readmission.min_months",
                  "chưa đủ " + std::to_string(rules_.readmission_min_months) +
                      " tháng kể từ ngày " + cur_.from.vi() + " (" +
                      std::string(ended_phrase_vi(cur_.status)) + "); sớm nhất là ngày " +
                      earliest.vi() + ".",
                  "readmission before the minimum time since the membership ended");
  }
  return {};
}

Status Folder::step(const MemberEvent& e) {
  const MemberStatus s = cur_.status;
  if (e.date > today_) {
    return refuse(e, "date", "date.not_future", "ngày của sự kiện ở tương lai.",
                  "date in the future");
  }
  if (e.date < person_.birth_date) {
    return refuse(e, "date", "date.after_birth", "ngày của sự kiện trước ngày sinh.",
                  "date before birth");
  }
  if (is_ended(s) && e.kind != MemberEventKind::readmission) {
    return refuse(e, "kind", "member.ended_no_events",
                  "người này đã " + std::string(ended_phrase_vi(s)) +
                      "; sau đó chỉ được ghi kết nạp lại hoặc đính chính.",
                  "no event after the membership ended except readmission or correction");
  }
  MemberPeriod next = cur_;
  switch (e.kind) {
    case MemberEventKind::candidate_registration:
      if (s != MemberStatus::none) {
        return refuse(e, "kind", "member.sequence", "người này đã có hồ sơ từ trước.",
                      "registration must be the first event");
      }
      DANGVU_TRY(check_org(e, e.org));
      next.status = MemberStatus::candidate;
      next.org = e.org;
      break;
    case MemberEventKind::admission:
    case MemberEventKind::readmission: {
      const bool re = e.kind == MemberEventKind::readmission;
      if (!re && s != MemberStatus::none && s != MemberStatus::candidate) {
        return refuse(e, "kind", "member.sequence", "người này đã là đảng viên.",
                      "admission needs no status or candidate");
      }
      if (re && rules_.readmission_after.count(s) == 0) {
        return refuse(
            e, "kind", "readmission.allowed_after",
            "chỉ được kết nạp lại người đã " +
                std::string(s == MemberStatus::none ? "ra khỏi Đảng" : ended_phrase_vi(s)) +
                " theo quy định.",
            "readmission not allowed from this status");
      }
      if (re) DANGVU_TRY(check_readmission(e));
      std::optional<OrgId> org = e.org ? e.org : cur_.org;
      DANGVU_TRY(check_org(e, org));
      DANGVU_TRY(check_age(e));
      Date ceremony = e.ceremony_date.value_or(e.date);
      if (ceremony < e.date) {
        return refuse(e, "ceremony_date", "admission.ceremony_after_decision",
                      "ngày lễ kết nạp trước ngày quyết định.", "ceremony before decision");
      }
      if (ceremony > e.date.add_working_days(rules_.ceremony_due_working_days)) {
        h_.flags.push_back({"admission.ceremony_due",
                            "Lễ kết nạp muộn hơn " +
                                std::to_string(rules_.ceremony_due_working_days) +
                                " ngày làm việc sau quyết định.",
                            ceremony});
      }
      if (!e.card_number.empty()) {
        if (!all_digits(e.card_number) ||
            e.card_number.size() != static_cast<std::size_t>(rules_.card_number_digits)) {
          return refuse(e, "card_number", "member.card_number",
                        "số thẻ đảng viên phải gồm đúng " +
                            std::to_string(rules_.card_number_digits) + " chữ số.",
                        "card number has the wrong form");
        }
        h_.card_number = e.card_number;
      }
      if (!h_.first_admission) h_.first_admission = e.date;
      next.status = MemberStatus::probationary;
      next.org = org;
      next.temp_org.reset();
      next.probation_start = ceremony;
      h_.milestones.push_back({e.kind, e.date, org});
      break;
    }
    case MemberEventKind::recognition: {
      if (s != MemberStatus::probationary) {
        return refuse(e, "kind", "member.sequence", "chỉ công nhận chính thức cho đảng viên dự bị.",
                      "recognition needs probationary status");
      }
      Date earliest = cur_.probation_start->add_months(rules_.probation_months);
      if (e.date < earliest) {
        return refuse(e, "date", "probation.min_months",
                      "chưa đủ " + std::to_string(rules_.probation_months) +
                          " tháng dự bị kể từ lễ kết nạp ngày " + cur_.probation_start->vi() +
                          "; sớm nhất là ngày " + earliest.vi() + ".",
                      "recognition before the probation ends");
      }
      next.status = MemberStatus::official;
      next.probation_start.reset();
      h_.milestones.push_back({e.kind, e.date, cur_.org});
      break;
    }
    case MemberEventKind::transfer:
      if (s == MemberStatus::none) {
        return refuse(e, "kind", "member.sequence", "người này chưa có hồ sơ.", "no record yet");
      }
      if (e.mode == TransferMode::temporary_end) {
        if (!cur_.temp_org) {
          return refuse(e, "mode", "transfer.temporary_end",
                        "người này không sinh hoạt tạm thời ở tổ chức nào.", "no temporary org");
        }
        next.temp_org.reset();
        break;
      }
      DANGVU_TRY(check_org(e, e.org));
      if (e.org == cur_.org) {
        return refuse(e, "org", "transfer.changes_org",
                      "tổ chức chuyển đến trùng với nơi đang sinh hoạt chính thức.",
                      "transfer to the current org");
      }
      if (e.mode == TransferMode::temporary) {
        if (cur_.temp_org) {
          return refuse(e, "mode", "member.one_temporary_org",
                        "người này đang sinh hoạt tạm thời ở tổ chức khác; hãy kết thúc trước.",
                        "already has a temporary org");
        }
        next.temp_org = e.org;
      } else {
        next.org = e.org;
        if (next.temp_org == e.org) next.temp_org.reset();
      }
      break;
    case MemberEventKind::removal:
    case MemberEventKind::expulsion:
    case MemberEventKind::resignation:
    case MemberEventKind::death:
      if (!is_member(s) && !(e.kind == MemberEventKind::death && s == MemberStatus::candidate)) {
        return refuse(e, "kind", "member.sequence", "người này không phải là đảng viên.",
                      "membership end needs a member");
      }
      next.status = e.kind == MemberEventKind::removal       ? MemberStatus::removed
                    : e.kind == MemberEventKind::expulsion   ? MemberStatus::expelled
                    : e.kind == MemberEventKind::resignation ? MemberStatus::resigned
                                                             : MemberStatus::deceased;
      next.temp_org.reset();
      next.probation_start.reset();
      left_for_ = e.ground;
      break;
    case MemberEventKind::correction: break;  // applied before folding
  }
  change(e.date, next);
  return {};
}

}  // namespace

Result<MemberHistory> fold_member(const Person& person, const std::vector<MemberEvent>& events,
                                  const RuleSet& rules, const OrgKindAt& org_kind_at, Date today) {
  auto effective = apply_corrections(events);
  if (!effective.ok()) return effective.error();
  if (!effective->empty()) {
    auto first = effective->front().kind;
    if (first != MemberEventKind::candidate_registration && first != MemberEventKind::admission) {
      return refuse(effective->front(), "kind", "member.sequence",
                    "sự kiện đầu tiên phải là đăng ký quần chúng ưu tú hoặc kết nạp.",
                    "the first event must be registration or admission");
    }
  }
  Folder folder(person, rules, org_kind_at, today);
  for (const auto& e : *effective) DANGVU_TRY(folder.step(e));
  MemberHistory h = std::move(folder).finish();
  h.effective_events = std::move(*effective);
  return h;
}

}  // namespace dangvu
