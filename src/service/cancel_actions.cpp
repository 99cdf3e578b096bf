// Cancelling a record made by mistake: a meeting, an inspection or supervision, a study session,
// a review conference. History is never edited: a cancellation is an appended row (who, when,
// why), one per record; every figure leaves a cancelled record out, lists show it marked.
#include <nlohmann/json.hpp>

#include "core/audit_labels.h"
#include "service/cancellation.h"
#include "service/registry.h"
#include "text/normalize.h"

namespace dangvu::service {

using nlohmann::json;

std::string org_name_on(const OrgHistory& history, OrgId org, Date d) {
  if (!history.has_org(org)) return {};
  const OrgVersion* v = history.version_at(org, d);
  if (v == nullptr) v = history.latest(org);
  return v ? v->name : std::string();
}

std::optional<std::string> parent_name_on(const OrgHistory& history, OrgId org, Date d) {
  if (!history.has_org(org)) return std::nullopt;
  const OrgVersion* v = history.version_at(org, d);
  if (v == nullptr || !v->parent) return std::nullopt;
  return org_name_on(history, *v->parent, d);
}

CancellationView cancellation_view(const store::CancellationRecord& c) {
  return {c.cancelled_at,
          c.cancelled_by_name.empty() ? actor_label(c.cancelled_by, "") : c.cancelled_by_name,
          c.reason};
}

Result<CancellationViews> cancellation_views(store::Store& store, CancelledKind kind,
                                             const std::vector<std::int64_t>& ids) {
  auto rows = store.cancellations(kind, ids);
  if (!rows.ok()) return rows.error();
  CancellationViews out;
  for (const auto& c : *rows) out.emplace(c.activity, cancellation_view(c));
  return out;
}

std::optional<CancellationView> take(const CancellationViews& views, std::int64_t id) {
  auto it = views.find(id);
  if (it == views.end()) return std::nullopt;
  return it->second;
}

namespace {

// "2026-03-05T18:30:00Z" as Vietnam's day (UTC+7), "06/03/2026"; the text itself if unreadable.
std::string vietnam_day(const std::string& utc) {
  auto day = Date::parse(utc.substr(0, 10));
  if (!day.ok()) return utc;
  const int hour = utc.size() >= 13 ? std::atoi(utc.substr(11, 2).c_str()) : 0;
  return (hour >= 17 ? day->add_days(1) : *day).vi();
}

// The audit action of cancelling a record of `kind` (the recording action's group).
std::string cancel_action(CancelledKind kind) {
  switch (kind) {
    case CancelledKind::meeting: return "meeting.cancel";
    case CancelledKind::oversight: return "oversight.cancel";
    case CancelledKind::study_session: return "study.cancel";
    case CancelledKind::conference: return "conference.cancel";
  }
  return "meeting.cancel";
}

Error unknown_record(CancelledKind kind, long long id) {
  return Error::not_found(
      "id",
      "Trường «id»: không có " + std::string(label_vi(kind)) + " số " + std::to_string(id) + ".",
      "unknown " + std::string(to_string(kind)) + " " + std::to_string(id));
}

}  // namespace

Status Registry::cancel_record(const CancelInput& in) {
  if (in.id <= 0) {
    return Error::invalid("id", "Trường «id»: chưa nhập số hiệu bản ghi cần hủy.",
                          "record id is required");
  }
  auto reason = text::clean_field(in.reason, "reason", 1000);
  if (!reason.ok()) return reason.error();
  switch (in.kind) {
    case CancelledKind::meeting:
      DANGVU_TRY(require_permission(auth::can_record_activities(caller_.role),
                                    "hủy buổi sinh hoạt chi bộ", "cancel meetings"));
      break;
    case CancelledKind::study_session:
      DANGVU_TRY(require_permission(auth::can_record_activities(caller_.role),
                                    "hủy buổi học tập nghị quyết", "cancel study sessions"));
      break;
    case CancelledKind::oversight:
      DANGVU_TRY(require_permission(auth::can_record_oversight(caller_.role),
                                    "hủy cuộc kiểm tra, giám sát", "cancel inspections"));
      break;
    case CancelledKind::conference:
      DANGVU_TRY(require_permission(auth::can_record_conferences(caller_.role), "hủy hội nghị",
                                    "cancel conferences"));
      break;
  }
  return store_.write_transaction([&]() -> Status {
    auto head = store_.activity_head(in.kind, in.id);
    if (!head.ok()) return head.error();
    auto shared_history = figures().history(store_);
    if (!shared_history.ok()) return shared_history.error();
    const std::shared_ptr<const OrgHistory> history = *shared_history;
    // A record outside the caller's subtree is answered as an unknown one: nothing leaks.
    if (!*head || !in_scope(*history, (*head)->org)) return unknown_record(in.kind, in.id);
    auto before = store_.cancellation(in.kind, in.id);
    if (!before.ok()) return before.error();
    if (*before) {
      const CancellationView was = cancellation_view(**before);
      return Error::conflict("id",
                             "Trường «id»: " + std::string(label_vi(in.kind)) + " số " +
                                 std::to_string(in.id) + " đã được hủy ngày " +
                                 vietnam_day(was.on) + " bởi " + was.by + " (lý do: " + was.reason +
                                 ").",
                             "already cancelled");
    }
    store::CancellationRecord c;
    c.kind = in.kind;
    c.activity = in.id;
    c.reason = *reason;
    c.cancelled_by = actor_;
    c.cancelled_at = clock_.now_iso();
    DANGVU_TRY(store_.insert_cancellation(c));
    const std::string org_code = history->code((*head)->org);
    json detail = {
        {"id", in.id}, {"org", org_code}, {"date", (*head)->held_on.iso()}, {"reason", *reason}};
    // The target as the recording wrote it: a conference's number, an activity's org.
    const std::string target =
        in.kind == CancelledKind::conference ? std::to_string(in.id) : org_code;
    return audit(cancel_action(in.kind), target, detail.dump(), (*head)->org);
  });
}

}  // namespace dangvu::service
