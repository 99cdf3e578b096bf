// The yearly quality rating of members (issue 22; Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW):
// the member's self-assessment and the branch's proposal (a score out of 100, the category it
// gives, whether every task was done on time), the decision of the competent level — the
// committee of the member's grassroots organization — for a list, a mistaken record cancelled;
// the round of an org's subtree for a year (who is rated, who is reviewed but not and why, the
// results by category, the quota warning); a member's results across the years.
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/rating.h"
#include "service/registry.h"
#include "service/subtree_members.h"
#include "service/validate.h"
#include "store/dossier_store.h"
#include "store/rating_store.h"
#include "text/collate.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxRatingDecision = 2000;
const std::vector<std::string> kStandingFields = {"exemption", "suspension", "discipline"};

Date round_end_of(int year) { return *Date::from_ymd(year, 12, 31); }

Status check_year(int year, Date today) {
  if (year < 2000 || year > today.year()) {
    return Error::invalid(
        "year", "Năm đánh giá " + std::to_string(year) + " không hợp lệ (từ 2000 đến năm nay).",
        "rating year out of range");
  }
  return {};
}

// The grassroots org of `org` on the tree's day: its committee decides its members' ratings.
std::optional<OrgId> grassroots_of(const OrgTree& tree, OrgId org) {
  std::optional<OrgId> cur = org;
  for (int depth = 0; cur && depth < 64; ++depth) {
    const OrgTree::Node* node = tree.find(*cur);
    if (node == nullptr) return std::nullopt;
    if (node->kind == OrgKind::grassroots_committee || node->kind == OrgKind::grassroots_branch) {
      return node->id;
    }
    cur = node->parent;
  }
  return std::nullopt;
}

Error not_rated(const std::string& field, const std::string& code, int year, NotRatedReason why) {
  return Error::refused(field, "rating.not_rated",
                        "«" + code + "» được kiểm điểm nhưng không xếp loại năm " +
                            std::to_string(year) + ": " + std::string(label_vi(why)) + ".",
                        "a member not rated this year");
}

std::optional<Date> last_admission_of(const MemberHistory& h) {
  std::optional<Date> last;
  for (const auto& m : h.milestones) {
    if (m.kind == MemberEventKind::admission || m.kind == MemberEventKind::readmission) {
      if (!last || m.date > *last) last = m.date;
    }
  }
  return last;
}

}  // namespace

Result<RatingRecordId> Registry::record_rating(const RatingInput& in) {
  DANGVU_TRY(check_code(in.member_code, "member"));
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role),
                                "ghi đánh giá, xếp loại đảng viên", "record member ratings"));
  const Date today = clock_.today();
  DANGVU_TRY(check_year(in.year, today));
  auto step = parse_rating_step(in.step);
  if (!step || (*step != RatingStep::self && *step != RatingStep::proposal)) {
    return Error::invalid("step",
                          "Bước đánh giá «" + in.step +
                              "» không hợp lệ (self: đảng viên tự đánh giá; proposal: chi bộ đề "
                              "xuất).",
                          "unknown rating step");
  }
  if (in.score.empty()) {
    return Error::invalid("score", "Điểm đánh giá: chưa ghi.", "missing score");
  }
  auto score = parse_score(in.score, "score");
  if (!score.ok()) return score.error();
  auto category = parse_rating_category(in.category);
  if (!category) {
    return Error::invalid("category",
                          "Mức xếp loại «" + in.category +
                              "» không hợp lệ (excellent, good, completed, not_completed).",
                          "unknown rating category");
  }
  std::string note;
  if (!in.note.empty()) {
    auto clean = text::clean_field(in.note, "note", 500);
    if (!clean.ok()) return clean.error();
    note = *clean;
  }
  RatingRecordId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto member = held_member(in.member_code, **history);
    if (!member.ok()) return member.error();
    const Date round_end = round_end_of(in.year);
    const Date as_of = std::min(round_end, today);
    if (!is_member(member->history.state_at(as_of).status)) {
      return Error::refused("member", "rating.not_member",
                            "«" + in.member_code + "» không là đảng viên ngày " + as_of.vi() +
                                ": không đánh giá, xếp loại năm " + std::to_string(in.year) + ".",
                            "not a member in the round");
    }
    // A year's rating reaches the member's org on that year's end: never one outside today's
    // scope (a member who came from another subtree is rated for that year by the org it left).
    if (!scope(**history).holds_member_at(member->history, as_of)) {
      return history_outside_scope(in.member_code, as_of, ScopeBreach::reaches);
    }
    auto dossier = store::DossierStore(store_).records(member->record.id);
    if (!dossier.ok()) return dossier.error();
    const RatingStanding standing = rating_standing(
        last_admission_of(member->history), Dossier(*dossier), in.year, round_end, rules_.rating);
    if (standing.not_rated) {
      return not_rated("member", in.member_code, in.year, *standing.not_rated);
    }
    DANGVU_TRY(check_rating_category(*category, {*score, in.tasks_on_time, standing.disciplined},
                                     rules_.rating, "category"));
    store::RatingStore ratings(store_);
    auto records = ratings.records(member->record.id);
    if (!records.ok()) return records.error();
    const MemberRating now = rating_of(*records, in.year);
    if (now.decision) {
      return Error::conflict("member",
                             "Đã có quyết định xếp loại năm " + std::to_string(in.year) + " (số " +
                                 now.decision->decision_no + "): hủy quyết định trước khi ghi lại.",
                             "the year is decided");
    }
    RatingRecord r;
    r.year = in.year;
    r.step = *step;
    r.score = *score;
    r.category = *category;
    r.tasks_on_time = in.tasks_on_time;
    r.note = note;
    r.recorded_at = clock_.now_iso();
    r.recorded_by = actor_;
    auto appended = ratings.append(member->record.id, r);
    if (!appended.ok()) return appended.error();
    id = *appended;
    return audit("rating.record", in.member_code,
                 json{{"id", id},
                      {"year", in.year},
                      {"step", std::string(to_string(*step))},
                      {"score", score_vi(*score)},
                      {"category", std::string(to_string(*category))}}
                     .dump(),
                 member->history.state_at(as_of).org);
  }));
  return id;
}

Result<RatingDecisionResult> Registry::decide_ratings(const RatingDecisionInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  DANGVU_TRY(require_permission(auth::can_decide_ratings(caller_.role),
                                "quyết định xếp loại đảng viên", "decide member ratings"));
  const Date today = clock_.today();
  DANGVU_TRY(check_year(in.year, today));
  auto decision_no = text::clean_field(in.decision_no, "decision_no", 100);
  if (!decision_no.ok()) return decision_no.error();
  if (in.decided_on.empty()) {
    return Error::invalid("decided_on", "Ngày quyết định: chưa ghi.", "missing day");
  }
  auto decided_on = Date::parse(in.decided_on, "decided_on");
  if (!decided_on.ok()) return decided_on.error();
  if (*decided_on > today) {
    return Error::invalid("decided_on", "Ngày quyết định (" + decided_on->vi() + ") chưa tới.",
                          "decision in the future");
  }
  if (decided_on->year() < in.year) {
    return Error::invalid("decided_on",
                          "Ngày quyết định (" + decided_on->vi() + ") trước năm đánh giá " +
                              std::to_string(in.year) + ".",
                          "decision before the year");
  }
  if (in.members.empty()) {
    return Error::invalid("members", "Quyết định xếp loại: chưa có đảng viên nào.", "no member");
  }
  if (in.members.size() > kMaxRatingDecision) {
    return Error::invalid(
        "members",
        "Một quyết định ghi tối đa " + std::to_string(kMaxRatingDecision) + " đảng viên.",
        "too many members in one decision");
  }
  RatingDecisionResult result;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    result = {};
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    DANGVU_TRY(require_in_scope(**history, *org, "org", in.org_code));
    const Date round_end = round_end_of(in.year);
    const Date as_of = std::min(round_end, today);
    const OrgTree tree = OrgTree::build((*history)->all_versions(), as_of);
    const OrgTree::Node* decider = tree.find(*org);
    if (decider == nullptr || (decider->kind != OrgKind::grassroots_committee &&
                               decider->kind != OrgKind::grassroots_branch)) {
      return Error::refused("org", "rating.not_competent",
                            "«" + in.org_code +
                                "» không phải tổ chức cơ sở đảng: không quyết định xếp loại đảng "
                                "viên năm " +
                                std::to_string(in.year) + ".",
                            "only a grassroots org decides its members' ratings");
    }
    store::RatingStore ratings(store_);
    store::DossierStore dossiers(store_);
    std::set<std::string> seen;
    int excellent = 0, good = 0;
    for (std::size_t i = 0; i < in.members.size(); ++i) {
      const auto& m = in.members[i];
      const std::string prefix = "members[" + std::to_string(i) + "].";
      DANGVU_TRY(check_code(m.member_code, prefix + "member"));
      if (!seen.insert(m.member_code).second) {
        return Error::invalid(prefix + "member",
                              "Đảng viên «" + m.member_code + "» đã có trong danh sách.",
                              "member twice in one decision");
      }
      auto member = held_member(m.member_code, **history);
      if (!member.ok()) {
        Error e = member.error();
        e.field = prefix + "member";
        return e;
      }
      const MemberPeriod period = member->history.state_at(as_of);
      const auto competent =
          period.org && is_member(period.status) ? grassroots_of(tree, *period.org) : std::nullopt;
      if (competent != *org) {
        return Error::refused(prefix + "member", "rating.not_competent",
                              "«" + m.member_code + "» không sinh hoạt trong «" + decider->name +
                                  "» ngày " + as_of.vi() +
                                  ": cấp ủy này không quyết định xếp loại đảng viên đó.",
                              "the member's rating is another level's to decide");
      }
      auto dossier = dossiers.records(member->record.id);
      if (!dossier.ok()) return dossier.error();
      const RatingStanding standing = rating_standing(
          last_admission_of(member->history), Dossier(*dossier), in.year, round_end, rules_.rating);
      if (standing.not_rated) {
        return not_rated(prefix + "member", m.member_code, in.year, *standing.not_rated);
      }
      auto records = ratings.records(member->record.id);
      if (!records.ok()) return records.error();
      const MemberRating now = rating_of(*records, in.year);
      if (now.decision) {
        return Error::conflict(prefix + "member",
                               "«" + m.member_code + "» đã có quyết định xếp loại năm " +
                                   std::to_string(in.year) + " (số " + now.decision->decision_no +
                                   ").",
                               "the year is decided");
      }
      if (!now.proposal) {
        return Error::refused(prefix + "member", "rating.no_proposal",
                              "«" + m.member_code + "» chưa có đề xuất xếp loại của chi bộ năm " +
                                  std::to_string(in.year) + ".",
                              "no proposal to decide on");
      }
      RatingCategory category = now.proposal->category;
      if (!m.category.empty()) {
        auto c = parse_rating_category(m.category);
        if (!c) {
          return Error::invalid(prefix + "category",
                                "Mức xếp loại «" + m.category + "» không hợp lệ.",
                                "unknown rating category");
        }
        category = *c;
      }
      DANGVU_TRY(check_rating_category(
          category,
          {now.proposal->score.value_or(0), now.proposal->tasks_on_time, standing.disciplined},
          rules_.rating, prefix + "category"));
      excellent += category == RatingCategory::excellent ? 1 : 0;
      good += category == RatingCategory::good ? 1 : 0;
      RatingRecord r;
      r.year = in.year;
      r.step = RatingStep::decision;
      r.score = now.proposal->score;
      r.category = category;
      r.tasks_on_time = now.proposal->tasks_on_time;
      r.decision_no = *decision_no;
      r.decided_on = *decided_on;
      r.decided_by = *org;
      r.recorded_at = clock_.now_iso();
      r.recorded_by = actor_;
      auto id = ratings.append(member->record.id, r);
      if (!id.ok()) return id.error();
      result.ids.push_back(*id);
      DANGVU_TRY(audit("rating.decide", m.member_code,
                       json{{"id", *id},
                            {"year", in.year},
                            {"category", std::string(to_string(category))},
                            {"decision_no", *decision_no},
                            {"decided_on", decided_on->iso()},
                            {"org", in.org_code}}
                           .dump(),
                       period.org));
    }
    result.quota_warning = excellent_quota_warning(excellent, good, rules_.rating);
    return {};
  }));
  return result;
}

Result<RatingRecordId> Registry::cancel_rating(const RatingCancelInput& in) {
  DANGVU_TRY(check_code(in.member_code, "member"));
  auto reason = text::clean_field(in.reason, "reason", 200);
  if (!reason.ok()) return reason.error();
  RatingRecordId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto member = held_member(in.member_code, **history);
    if (!member.ok()) return member.error();
    store::RatingStore ratings(store_);
    auto records = ratings.records(member->record.id);
    if (!records.ok()) return records.error();
    const RatingRecord* target = nullptr;
    for (const auto& r : *records) {
      if (r.id == in.record && r.step != RatingStep::cancellation) target = &r;
    }
    if (target == nullptr) {
      return Error::not_found(
          "record", "Đảng viên này không có bản ghi đánh giá số " + std::to_string(in.record) + ".",
          "rating record is not this member's");
    }
    // A decision is the committee's to undo; a self-assessment or proposal, the branch's.
    const bool allowed = target->step == RatingStep::decision
                             ? auth::can_decide_ratings(caller_.role)
                             : auth::can_write_members(caller_.role);
    DANGVU_TRY(
        require_permission(allowed, "hủy bản ghi đánh giá, xếp loại", "cancel a rating record"));
    if (rating_record_cancelled(*records, target->id)) {
      return Error::conflict("record", "Bản ghi số " + std::to_string(target->id) + " đã được hủy.",
                             "rating record cancelled");
    }
    RatingRecord c = *target;
    c.step = RatingStep::cancellation;
    c.refers = target->id;
    c.note = *reason;
    c.recorded_at = clock_.now_iso();
    c.recorded_by = actor_;
    auto appended = ratings.append(member->record.id, c);
    if (!appended.ok()) return appended.error();
    id = *appended;
    return audit("rating.cancel", in.member_code,
                 json{{"id", id},
                      {"cancels", target->id},
                      {"year", target->year},
                      {"step", std::string(to_string(target->step))},
                      {"reason", *reason}}
                     .dump(),
                 member->history.current().org);
  }));
  return id;
}

Result<RatingRoundView> Registry::rating_round(const std::string& org_code, int year) {
  if (!org_code.empty()) DANGVU_TRY(check_code(org_code, "org"));
  const Date today = clock_.today();
  DANGVU_TRY(check_year(year, today));
  RatingRoundView v;
  v.year = year;
  v.round_end = round_end_of(year);
  v.as_of = std::min(v.round_end, today);
  auto shared = tree_at(v.as_of);
  if (!shared.ok()) return shared.error();
  const OrgTree& tree = (*shared)->tree;
  auto root = readable_root(org_code, tree, v.as_of);
  if (!root.ok()) return root.error();
  v.org_code = (*shared)->code(*root);
  v.org_name = tree.find(*root)->name;
  struct Found {
    MemberId member = 0;
    OrgId org = 0;
    std::optional<Date> last_admission;
  };
  std::vector<Found> found;
  DANGVU_TRY(each_member_on(store_, tree, *root, v.as_of, [&](const ProfileView& p, OrgId org) {
    Found f{p.member, org, std::nullopt};
    for (const auto& a : p.admissions) {
      if (!f.last_admission || a.on > *f.last_admission) f.last_admission = a.on;
    }
    found.push_back(f);
  }));
  std::vector<MemberId> ids;
  ids.reserve(found.size());
  for (const Found& f : found) ids.push_back(f.member);
  auto dossier_rows = store::DossierStore(store_).records_of(ids, kStandingFields);
  if (!dossier_rows.ok()) return dossier_rows.error();
  std::map<MemberId, std::vector<DossierRecord>> dossiers;
  for (auto& [m, r] : *dossier_rows) dossiers[m].push_back(std::move(r));
  auto rating_rows = store::RatingStore(store_).records_of(ids, year);
  if (!rating_rows.ok()) return rating_rows.error();
  std::map<MemberId, std::vector<RatingRecord>> logs;
  for (auto& [m, r] : *rating_rows) logs[m].push_back(std::move(r));

  for (const Found& f : found) {
    auto member = store_.member_by_id(f.member);
    if (!member.ok()) return member.error();
    RatingRowView row;
    row.member_code = member->code;
    row.name = member->person.full_name();
    row.org_code = (*shared)->code(f.org);
    if (const OrgTree::Node* node = tree.find(f.org)) row.org_name = node->name;
    if (auto g = grassroots_of(tree, f.org)) row.competent_code = (*shared)->code(*g);
    const auto d = dossiers.find(f.member);
    const RatingStanding standing = rating_standing(
        f.last_admission, Dossier(d == dossiers.end() ? std::vector<DossierRecord>{} : d->second),
        year, v.round_end, rules_.rating);
    row.not_rated = standing.not_rated;
    row.disciplined = standing.disciplined;
    if (const auto log = logs.find(f.member); log != logs.end()) {
      row.rating = rating_of(log->second, year);
    }
    ++v.members;
    if (row.not_rated) {
      ++v.not_rated[*row.not_rated];
    } else {
      ++v.to_rate;
    }
    if (row.rating.decision) {
      ++v.decided;
      ++v.by_category[row.rating.decision->category];
      if (const auto by = row.rating.decision->decided_by) {
        row.decided_by_code = (*shared)->history->code(*by);
        const OrgVersion* version = (*shared)->history->version_at(*by, v.as_of);
        if (version == nullptr) version = (*shared)->history->latest(*by);
        if (version != nullptr) row.decided_by_name = version->name;
      }
    }
    v.rows.push_back(std::move(row));
  }
  std::stable_sort(v.rows.begin(), v.rows.end(),
                   [](const RatingRowView& a, const RatingRowView& b) {
                     if (a.org_code != b.org_code) return a.org_code < b.org_code;
                     return text::compare_vi(a.name, b.name) < 0;
                   });
  const auto count = [&](RatingCategory c) {
    const auto it = v.by_category.find(c);
    return it == v.by_category.end() ? 0 : it->second;
  };
  v.quota_warning = excellent_quota_warning(count(RatingCategory::excellent),
                                            count(RatingCategory::good), rules_.rating);
  return v;
}

Result<MemberRatingsView> Registry::member_ratings(const std::string& member_code) {
  DANGVU_TRY(check_code(member_code, "member"));
  auto history = history_for_read();
  if (!history.ok()) return history.error();
  auto member = held_member(member_code, **history);
  if (!member.ok()) return member.error();
  auto records = store::RatingStore(store_).records(member->record.id);
  if (!records.ok()) return records.error();
  MemberRatingsView v;
  v.member_code = member->record.code;
  v.name = member->record.person.full_name();
  v.records = *records;
  std::set<int> years;
  for (const auto& r : *records) {
    years.insert(r.year);
    if (rating_record_cancelled(*records, r.id)) v.cancelled.push_back(r.id);
  }
  for (int y : years) v.by_year[y] = rating_of(*records, y);
  return v;
}

}  // namespace dangvu::service
