// Organizations' results of a year (issue 22): an org's self-assessment for its quality rating
// (Quy định 366-QĐ/TW: a score out of 100, its tasks done late and beyond what was asked, a unit
// below or a committee member disciplined), the decision of the standing committee directly above
// on a list of its orgs; a registration for an emulation title («Chi bộ bốn tốt», …: the rule
// set's `emulation`) and the committee above's recognition or not; a mistaken record cancelled;
// the results of the orgs of a subtree for a year, with their members' and sub-orgs' results.
#include <algorithm>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "core/org_result.h"
#include "service/registry.h"
#include "service/validate.h"
#include "store/org_result_store.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxOrgDecision = 2000;

Date round_end_of(int year) { return *Date::from_ymd(year, 12, 31); }

Status check_year(int year, int last) {
  if (year < 2000 || year > last) {
    return Error::invalid(
        "year",
        "Năm " + std::to_string(year) + " không hợp lệ (từ 2000 đến " + std::to_string(last) + ").",
        "year out of range");
  }
  return {};
}

Result<int> percent_of(int value, const char* field, const char* label) {
  if (value < 0 || value > 100) {
    return Error::invalid(
        field,
        std::string(label) + ": ghi từ 0 đến 100 (%), không phải " + std::to_string(value) + ".",
        "percent out of 0-100");
  }
  return value;
}

Result<std::string> clean_note(const std::string& text, const char* field) {
  if (text.empty()) return std::string();
  return text::clean_field(text, field, 500);
}

Result<Date> decision_day(const std::string& text, int year, Date today) {
  if (text.empty()) return Error::invalid("decided_on", "Ngày quyết định: chưa ghi.", "missing");
  auto d = Date::parse(text, "decided_on");
  if (!d.ok()) return d.error();
  if (*d > today) {
    return Error::invalid("decided_on", "Ngày quyết định (" + d->vi() + ") chưa tới.",
                          "decision in the future");
  }
  if (d->year() < year) {
    return Error::invalid(
        "decided_on", "Ngày quyết định (" + d->vi() + ") trước năm " + std::to_string(year) + ".",
        "decision before the year");
  }
  return *d;
}

std::string org_name_at(const OrgHistory& history, OrgId id, Date at) {
  const OrgVersion* v = history.version_at(id, at);
  if (v == nullptr) v = history.latest(id);
  return v == nullptr ? std::string() : v->name;
}

}  // namespace

Result<OrgResultId> Registry::record_org_rating(const OrgRatingInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role),
                                "ghi tự đánh giá, xếp loại tổ chức đảng",
                                "record an org's self-assessment"));
  const Date today = clock_.today();
  DANGVU_TRY(check_year(in.year, today.year()));
  if (in.score.empty()) return Error::invalid("score", "Điểm đánh giá: chưa ghi.", "missing score");
  auto score = parse_score(in.score, "score");
  if (!score.ok()) return score.error();
  auto category = parse_rating_category(in.category);
  if (!category) {
    return Error::invalid("category",
                          "Mức xếp loại «" + in.category +
                              "» không hợp lệ (excellent, good, completed, not_completed).",
                          "unknown rating category");
  }
  auto late = percent_of(in.tasks_late_percent, "tasks_late_percent", "Nhiệm vụ chậm tiến độ");
  if (!late.ok()) return late.error();
  auto exceeding =
      percent_of(in.tasks_exceeding_percent, "tasks_exceeding_percent", "Nhiệm vụ vượt yêu cầu");
  if (!exceeding.ok()) return exceeding.error();
  auto note = clean_note(in.note, "note");
  if (!note.ok()) return note.error();
  OrgResultId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    DANGVU_TRY(require_in_scope(**history, *org, "org", in.org_code));
    const Date round_end = round_end_of(in.year);
    const Date as_of = std::min(round_end, today);
    const OrgVersion* version = (*history)->version_at(*org, as_of);
    const OrgVersion* first = (*history)->earliest(*org);
    if (version == nullptr || first == nullptr) {
      return Error::refused("org", "rating.org_absent",
                            "«" + in.org_code + "» không còn vào ngày " + as_of.vi() +
                                ": không xếp loại năm " + std::to_string(in.year) + ".",
                            "org does not stand on the round's day");
    }
    if (version->kind == OrgKind::cluster) {
      return Error::refused("org", "rating.not_party_org",
                            "«" + version->name +
                                "» là cụm thi đua, không phải tổ chức đảng: không tự đánh giá, xếp "
                                "loại.",
                            "a cluster is not rated");
    }
    if (org_too_new(first->valid_from, round_end, rules_.rating)) {
      return Error::refused("org", "rating.org_new",
                            "«" + version->name + "» thành lập ngày " + first->valid_from.vi() +
                                ", chưa đủ " + std::to_string(rules_.rating.org_min_months) +
                                " tháng: không xếp loại năm " + std::to_string(in.year) + ".",
                            "org too new to be rated");
    }
    DANGVU_TRY(check_org_rating_category(*category, {*score, *late, *exceeding, in.disciplined},
                                         rules_.rating, "category"));
    store::OrgResultStore results(store_);
    auto log = results.records(*org);
    if (!log.ok()) return log.error();
    const OrgResult now = org_result_of(*log, in.year, kRatingSubject);
    if (now.decision) {
      return Error::conflict("org",
                             "Đã có quyết định xếp loại năm " + std::to_string(in.year) + " (số " +
                                 now.decision->decision_no + "): hủy quyết định trước khi ghi lại.",
                             "the year is decided");
    }
    OrgResultRecord r;
    r.org = *org;
    r.year = in.year;
    r.subject = std::string(kRatingSubject);
    r.step = OrgResultStep::proposal;
    r.category = *category;
    r.score = *score;
    r.tasks_late_percent = *late;
    r.tasks_exceeding_percent = *exceeding;
    r.disciplined = in.disciplined;
    r.note = *note;
    r.recorded_at = clock_.now_iso();
    r.recorded_by = actor_;
    auto appended = results.append(r);
    if (!appended.ok()) return appended.error();
    id = *appended;
    return audit("rating.org_record", in.org_code,
                 json{{"id", id},
                      {"year", in.year},
                      {"score", score_vi(*score)},
                      {"category", std::string(to_string(*category))}}
                     .dump(),
                 *org);
  }));
  return id;
}

Result<OrgResultId> Registry::register_emulation(const EmulationInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  DANGVU_TRY(require_permission(auth::can_write_members(caller_.role), "đăng ký danh hiệu thi đua",
                                "register for an emulation title"));
  const Date today = clock_.today();
  // A title is registered for at the start of its year, or late in the year before.
  DANGVU_TRY(check_year(in.year, today.year() + 1));
  const EmulationTitle* title = rules_.emulation.find(in.title);
  if (title == nullptr) {
    std::string known;
    for (const auto& t : rules_.emulation.titles) known += (known.empty() ? "" : ", ") + t.code;
    return Error::refused("title", "emulation.unknown",
                          "Danh hiệu «" + in.title + "» không có trong quy tắc (" + known + ").",
                          "unknown emulation title");
  }
  auto note = clean_note(in.note, "note");
  if (!note.ok()) return note.error();
  OrgResultId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    DANGVU_TRY(require_in_scope(**history, *org, "org", in.org_code));
    const OrgVersion* version = (*history)->version_at(*org, today);
    if (version == nullptr) {
      return Error::refused("org", "emulation.org_absent",
                            "«" + in.org_code + "» không còn hoạt động: không đăng ký thi đua.",
                            "org ended");
    }
    if (std::find(title->org_kinds.begin(), title->org_kinds.end(), version->kind) ==
        title->org_kinds.end()) {
      return Error::refused("title", "emulation.kind",
                            "«" + version->name + "» (" + std::string(label_vi(version->kind)) +
                                ") không đăng ký danh hiệu «" + title->label + "».",
                            "title not for this kind of org");
    }
    store::OrgResultStore results(store_);
    auto log = results.records(*org);
    if (!log.ok()) return log.error();
    if (org_result_of(*log, in.year, title->code).proposal) {
      return Error::conflict("title",
                             "«" + version->name + "» đã đăng ký «" + title->label + "» năm " +
                                 std::to_string(in.year) + ".",
                             "registered already");
    }
    OrgResultRecord r;
    r.org = *org;
    r.year = in.year;
    r.subject = title->code;
    r.step = OrgResultStep::proposal;
    r.note = *note;
    r.recorded_at = clock_.now_iso();
    r.recorded_by = actor_;
    auto appended = results.append(r);
    if (!appended.ok()) return appended.error();
    id = *appended;
    return audit("emulation.register", in.org_code,
                 json{{"id", id}, {"year", in.year}, {"title", title->code}}.dump(), *org);
  }));
  return id;
}

Result<OrgDecisionResult> Registry::decide_orgs(const OrgDecisionInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  const bool rating = in.title.empty();
  DANGVU_TRY(require_permission(
      auth::can_decide_ratings(caller_.role),
      rating ? "quyết định xếp loại tổ chức đảng" : "quyết định công nhận danh hiệu thi đua",
      "decide on orgs' results"));
  const Date today = clock_.today();
  DANGVU_TRY(check_year(in.year, today.year()));
  const EmulationTitle* title = rating ? nullptr : rules_.emulation.find(in.title);
  if (!rating && title == nullptr) {
    return Error::refused("title", "emulation.unknown",
                          "Danh hiệu «" + in.title + "» không có trong quy tắc.",
                          "unknown emulation title");
  }
  const std::string subject = rating ? std::string(kRatingSubject) : title->code;
  auto decision_no = text::clean_field(in.decision_no, "decision_no", 100);
  if (!decision_no.ok()) return decision_no.error();
  auto decided_on = decision_day(in.decided_on, in.year, today);
  if (!decided_on.ok()) return decided_on.error();
  if (in.orgs.empty()) {
    return Error::invalid("orgs", "Quyết định: chưa có tổ chức đảng nào.", "no org");
  }
  if (in.orgs.size() > kMaxOrgDecision) {
    return Error::invalid(
        "orgs", "Một quyết định ghi tối đa " + std::to_string(kMaxOrgDecision) + " tổ chức.",
        "too many orgs in one decision");
  }
  OrgDecisionResult result;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    result = {};
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto decider = require_org(in.org_code, "org");
    if (!decider.ok()) return decider.error();
    DANGVU_TRY(require_in_scope(**history, *decider, "org", in.org_code));
    const Date as_of = std::min(round_end_of(in.year), today);
    const OrgTree tree = OrgTree::build((*history)->all_versions(), as_of);
    const OrgTree::Node* deciding = tree.find(*decider);
    if (deciding == nullptr || (deciding->kind != OrgKind::upper_committee &&
                                deciding->kind != OrgKind::grassroots_committee)) {
      return Error::refused(
          "org", "rating.not_competent",
          "«" + in.org_code + "» không phải cấp ủy có ban thường vụ: không quyết định.",
          "only a committee decides on its orgs");
    }
    store::OrgResultStore results(store_);
    std::set<std::string> seen;
    int excellent = 0, good = 0;
    for (std::size_t i = 0; i < in.orgs.size(); ++i) {
      const auto& item = in.orgs[i];
      const std::string prefix = "orgs[" + std::to_string(i) + "].";
      DANGVU_TRY(check_code(item.org_code, prefix + "org"));
      if (!seen.insert(item.org_code).second) {
        return Error::invalid(prefix + "org",
                              "Tổ chức «" + item.org_code + "» đã có trong danh sách.",
                              "org twice in one decision");
      }
      auto org = store_.find_org(item.org_code);
      if (!org.ok()) return org.error();
      if (!*org || !in_scope(**history, **org)) {
        return Error::not_found(prefix + "org", "Không có tổ chức «" + item.org_code + "».",
                                "unknown org");
      }
      const OrgTree::Node* node = tree.find(**org);
      if (node == nullptr || node->kind == OrgKind::cluster ||
          committee_above(tree, **org) != *decider) {
        return Error::refused(prefix + "org", "rating.not_competent",
                              "«" + item.org_code + "» không trực thuộc «" + deciding->name +
                                  "» ngày " + as_of.vi() + ": cấp ủy này không quyết định.",
                              "the org is another committee's to decide");
      }
      auto log = results.records(**org);
      if (!log.ok()) return log.error();
      const OrgResult now = org_result_of(*log, in.year, subject);
      if (now.decision) {
        return Error::conflict(prefix + "org",
                               "«" + node->name + "» đã có quyết định năm " +
                                   std::to_string(in.year) + " (số " + now.decision->decision_no +
                                   ").",
                               "decided already");
      }
      OrgResultRecord r;
      r.org = **org;
      r.year = in.year;
      r.subject = subject;
      r.step = OrgResultStep::decision;
      r.decision_no = *decision_no;
      r.decided_on = *decided_on;
      r.decided_by = *decider;
      r.recorded_at = clock_.now_iso();
      r.recorded_by = actor_;
      json detail = {{"year", in.year},
                     {"decision_no", *decision_no},
                     {"decided_on", decided_on->iso()},
                     {"org", in.org_code}};
      if (rating) {
        if (!now.proposal) {
          return Error::refused(prefix + "org", "rating.no_proposal",
                                "«" + node->name + "» chưa có bản tự đánh giá, xếp loại năm " +
                                    std::to_string(in.year) + ".",
                                "no self-assessment to decide on");
        }
        RatingCategory category = now.proposal->category.value_or(RatingCategory::completed);
        if (!item.category.empty()) {
          auto c = parse_rating_category(item.category);
          if (!c) {
            return Error::invalid(prefix + "category",
                                  "Mức xếp loại «" + item.category + "» không hợp lệ.",
                                  "unknown rating category");
          }
          category = *c;
        }
        DANGVU_TRY(check_org_rating_category(
            category,
            {now.proposal->score.value_or(0), now.proposal->tasks_late_percent,
             now.proposal->tasks_exceeding_percent, now.proposal->disciplined},
            rules_.rating, prefix + "category"));
        excellent += category == RatingCategory::excellent ? 1 : 0;
        good += category == RatingCategory::good ? 1 : 0;
        r.category = category;
        r.score = now.proposal->score;
        r.tasks_late_percent = now.proposal->tasks_late_percent;
        r.tasks_exceeding_percent = now.proposal->tasks_exceeding_percent;
        r.disciplined = now.proposal->disciplined;
        detail["category"] = std::string(to_string(category));
      } else {
        if (!now.proposal) {
          return Error::refused(prefix + "org", "emulation.not_registered",
                                "«" + node->name + "» không đăng ký «" + title->label + "» năm " +
                                    std::to_string(in.year) + ".",
                                "not registered for the title");
        }
        r.recognized = item.recognized;
        detail["title"] = title->code;
        detail["recognized"] = item.recognized;
      }
      auto id = results.append(r);
      if (!id.ok()) return id.error();
      result.ids.push_back(*id);
      detail["id"] = *id;
      DANGVU_TRY(audit(rating ? "rating.org_decide" : "emulation.decide", item.org_code,
                       detail.dump(), **org));
    }
    if (rating) result.quota_warning = org_excellent_quota_warning(excellent, good, rules_.rating);
    return {};
  }));
  return result;
}

Result<OrgResultId> Registry::cancel_org_result(const OrgResultCancelInput& in) {
  DANGVU_TRY(check_code(in.org_code, "org"));
  auto reason = text::clean_field(in.reason, "reason", 200);
  if (!reason.ok()) return reason.error();
  OrgResultId id = 0;
  DANGVU_TRY(store_.write_transaction([&]() -> Status {
    auto history = figures().history(store_);
    if (!history.ok()) return history.error();
    auto org = require_org(in.org_code, "org");
    if (!org.ok()) return org.error();
    DANGVU_TRY(require_in_scope(**history, *org, "org", in.org_code));
    store::OrgResultStore results(store_);
    auto log = results.records(*org);
    if (!log.ok()) return log.error();
    const OrgResultRecord* target = nullptr;
    for (const auto& r : *log) {
      if (r.id == in.record && r.step != OrgResultStep::cancellation) target = &r;
    }
    if (target == nullptr) {
      return Error::not_found(
          "record",
          "Tổ chức này không có bản ghi xếp loại, thi đua số " + std::to_string(in.record) + ".",
          "record is not this org's");
    }
    const bool allowed = target->step == OrgResultStep::decision
                             ? auth::can_decide_ratings(caller_.role)
                             : auth::can_write_members(caller_.role);
    DANGVU_TRY(require_permission(allowed, "hủy bản ghi xếp loại, thi đua của tổ chức",
                                  "cancel an org's result"));
    if (org_result_cancelled(*log, target->id)) {
      return Error::conflict("record", "Bản ghi số " + std::to_string(target->id) + " đã được hủy.",
                             "record cancelled");
    }
    OrgResultRecord c = *target;
    c.step = OrgResultStep::cancellation;
    c.refers = target->id;
    c.note = *reason;
    c.recorded_at = clock_.now_iso();
    c.recorded_by = actor_;
    auto appended = results.append(c);
    if (!appended.ok()) return appended.error();
    id = *appended;
    const bool rating = target->subject == kRatingSubject;
    return audit(rating ? "rating.org_cancel" : "emulation.cancel", in.org_code,
                 json{{"id", id},
                      {"cancels", target->id},
                      {"year", target->year},
                      {"subject", target->subject},
                      {"step", std::string(to_string(target->step))},
                      {"reason", *reason}}
                     .dump(),
                 *org);
  }));
  return id;
}

Result<OrgResultsView> Registry::org_results(const std::string& org_code, int year) {
  if (!org_code.empty()) DANGVU_TRY(check_code(org_code, "org"));
  const Date today = clock_.today();
  DANGVU_TRY(check_year(year, today.year() + 1));
  OrgResultsView v;
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
  auto results = figures::year_results(store_, tree, *root, year, v.as_of, rules_);
  if (!results.ok()) return results.error();
  v.results = std::move(*results);
  const OrgHistory& history = *(*shared)->history;
  // The root, then each org below it in the tree's order.
  std::vector<std::pair<OrgId, int>> order;
  std::function<void(OrgId, int)> walk = [&](OrgId id, int depth) {
    order.emplace_back(id, depth);
    for (OrgId child : tree.find(id)->children) walk(child, depth + 1);
  };
  walk(*root, 0);
  int excellent = 0, good = 0;
  for (const auto& [id, depth] : order) {
    const OrgTree::Node* node = tree.find(id);
    OrgResultRowView row;
    row.org_code = (*shared)->code(id);
    row.org_name = node->name;
    row.kind = node->kind;
    row.depth = depth;
    if (node->parent) row.parent_code = (*shared)->code(*node->parent);
    const bool party_org = node->kind != OrgKind::cluster;  // a cụm thi đua is rated by no one
    if (auto above = party_org ? committee_above(tree, id) : std::nullopt) {
      row.competent_code = (*shared)->code(*above);
      row.competent_name = tree.find(*above) != nullptr ? tree.find(*above)->name : "";
    }
    const OrgVersion* first = history.earliest(id);
    row.too_new =
        party_org && first != nullptr && org_too_new(first->valid_from, v.round_end, rules_.rating);
    if (auto m = v.results.members_of.find(id); m != v.results.members_of.end()) {
      row.members = m->second;
    }
    // The decisions on the orgs it rates: those directly under it, and past a cluster.
    std::vector<OrgId> rated(node->children.begin(), node->children.end());
    for (std::size_t i = 0; i < rated.size(); ++i) {
      const OrgTree::Node* below = tree.find(rated[i]);
      if (below != nullptr && below->kind == OrgKind::cluster) {
        rated.insert(rated.end(), below->children.begin(), below->children.end());
        continue;
      }
      auto r = v.results.org_rating.find(rated[i]);
      if (r != v.results.org_rating.end() && r->second.decision && r->second.decision->category) {
        ++row.orgs_below[*r->second.decision->category];
      }
    }
    if (auto r = v.results.org_rating.find(id); r != v.results.org_rating.end()) {
      row.rating = r->second;
      if (row.rating.decision && row.rating.decision->decided_by) {
        row.decided_by_code = history.code(*row.rating.decision->decided_by);
        row.decided_by_name = org_name_at(history, *row.rating.decision->decided_by, v.as_of);
      }
    }
    if (auto t = v.results.titles_of.find(id); t != v.results.titles_of.end()) {
      row.titles = t->second;
    }
    if (id != *root && party_org) {
      ++(row.too_new ? v.too_new : v.to_rate);
      if (row.rating.decision && row.rating.decision->category) {
        excellent += *row.rating.decision->category == RatingCategory::excellent ? 1 : 0;
        good += *row.rating.decision->category == RatingCategory::good ? 1 : 0;
      }
    }
    v.rows.push_back(std::move(row));
  }
  v.quota_warning = org_excellent_quota_warning(excellent, good, rules_.rating);
  return v;
}

}  // namespace dangvu::service
