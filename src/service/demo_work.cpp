#include "service/demo_work.h"

#include <algorithm>
#include <array>

#include "core/party_document.h"

namespace dangvu::service::demo {
namespace {

struct DemoDocument {
  const char* number;
  const char* issued_on;
  const char* title;
  const char* body;
};

constexpr std::array<DemoDocument, 6> kDocuments = {{
    {"05-CT/TW", "2016-05-15",
     "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "Bộ Chính trị"},
    {"57-NQ/TW", "2024-12-22",
     "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
     "quốc gia",
     "Bộ Chính trị"},
    {"66-NQ/TW", "2025-04-30",
     "Nghị quyết về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển "
     "đất nước trong kỷ nguyên mới",
     "Bộ Chính trị"},
    {"68-NQ/TW", "2025-05-04", "Nghị quyết về phát triển kinh tế tư nhân", "Bộ Chính trị"},
    {"294-QĐ/TW", "2025-05-26", "Quy định về thi hành Điều lệ Đảng", "Ban Chấp hành Trung ương"},
    {"01-NQ/TU", "2025-10-10",
     "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ nhất, nhiệm kỳ 2025 – 2030",
     "Ban Chấp hành Đảng bộ tỉnh"},
}};

constexpr std::array<const char*, 5> kAbsenceReasons = {"Ốm", "Đi công tác", "Nghỉ phép",
                                                        "Việc gia đình", "Đi học tập trung"};

constexpr std::array<const char*, 6> kThematicTopics = {
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Chuyển đổi số trong cơ quan, đơn vị",
    "Phòng, chống lãng phí",
    "Công tác phát triển đảng viên",
    "Thực hành tiết kiệm, chống lãng phí",
};

constexpr std::array<const char*, 4> kConclusions = {
    "Thực hiện tốt các nội dung được kiểm tra.",
    "Thực hiện cơ bản tốt; cần khắc phục một số hạn chế về hồ sơ, sổ sách.",
    "Có hạn chế, khuyết điểm; yêu cầu kiểm điểm, rút kinh nghiệm.",
    "Chấp hành đúng quy định; đề nghị phát huy.",
};

MeetingQuality random_quality(Rng& rng) {
  const int r = rng.below(100);
  return r < 60   ? MeetingQuality::good
         : r < 90 ? MeetingQuality::fair
         : r < 99 ? MeetingQuality::average
                  : MeetingQuality::poor;
}

}  // namespace

Status register_documents(store::Store& store, const std::string& now_iso) {
  for (const auto& d : kDocuments) {
    auto number = parse_document_number(d.number);
    if (!number.ok()) return number.error();
    store::PartyDocumentRecord r{0,
                                 number->text,
                                 number->type,
                                 number->issuer,
                                 number->number,
                                 *Date::parse(d.issued_on),
                                 d.title,
                                 d.body};
    auto id = store.insert_party_document(r, "demo", now_iso);
    if (!id.ok()) return id.error();
  }
  return {};
}

Status WorkGenerator::run(OrgId root, Date from, Date to, DemoSummary& summary) {
  const OrgTree tree = history_.tree_as_of(to);
  // The province's own orgs: the nation's earlier provinces would be counted again each time.
  auto statuses = store_.count_by_org_and_status(to, tree.subtree(root));
  if (!statuses.ok()) return statuses.error();
  std::unordered_map<OrgId, std::int64_t> members;
  for (const auto& row : *statuses) {
    if (row.status == MemberStatus::official || row.status == MemberStatus::probationary) {
      members[row.org] += row.count;
    }
  }
  for (OrgId id : tree.subtree(root)) {
    const auto kind = tree.find(id)->kind;
    std::int64_t below = 0;
    for (OrgId s : tree.subtree(id)) below += members[s];
    if (kind != OrgKind::sub_branch && kind != OrgKind::cluster) {
      DANGVU_TRY(plan(id, from.year(), tree, below));
    }
    if (rules_.holds_members(kind)) {
      DANGVU_TRY(meetings(id, from, to, summary));
      DANGVU_TRY(studies(id, from, to, summary));
    }
    // Committees inspect and supervise; a cluster (no Party body) never does.
    if (kind != OrgKind::sub_branch && kind != OrgKind::cluster) {
      DANGVU_TRY(oversights(id, tree, from, to, summary));
    }
  }
  return {};
}

// Targets in proportion to the org's size: inspect half of the orgs directly below and one member
// in ten each year, supervise a third, admit one or two per hundred members.
Status WorkGenerator::plan(OrgId org, int year, const OrgTree& tree, std::int64_t members) {
  const auto children = static_cast<std::int64_t>(tree.find(org)->children.size());
  const std::int64_t branches = rules_.holds_members(tree.find(org)->kind) ? 1 : children;
  const std::vector<std::pair<const char*, std::int64_t>> targets = {
      {"inspected_orgs", (children + 1) / 2},
      {"inspected_members", std::max<std::int64_t>(1, members / 10)},
      {"supervised_orgs", (children + 2) / 3},
      {"supervised_members", std::max<std::int64_t>(1, members / 15)},
      {"admitted", std::max<std::int64_t>(1, members * rng_.between(1, 2) / 100)},
      {"meetings_thematic", 4 * branches},
      {"study_sessions", 3 * branches},
  };
  // A few organizations have not entered their plan.
  if (rng_.chance(0.03)) return {};
  for (const auto& [indicator, target] : targets) {
    if (target <= 0) continue;
    DANGVU_TRY(store_.set_plan_target({org, year, indicator, target}, "demo", now_));
  }
  return {};
}

Status WorkGenerator::meetings(OrgId branch, Date from, Date to, DemoSummary& summary) {
  for (Date month = from; month <= to; month = month.add_months(1)) {
    const Date last = std::min(to, month.add_months(1).add_days(-1));
    for (const bool thematic : {false, true}) {
      // Monthly regular meetings (a few months missed); a thematic one in most quarters.
      if (!thematic && rng_.chance(0.04)) continue;
      if (thematic && (month.month() % 3 != 0 || rng_.chance(0.15))) continue;
      const Date held = random_date(month.add_days(2), last);
      auto active = store_.active_members_of(branch, held);
      if (!active.ok()) return active.error();
      store::MeetingRecord m;
      m.org = branch;
      m.held_on = held;
      m.kind = thematic ? MeetingKind::thematic : MeetingKind::regular;
      m.topic = thematic ? std::string(kThematicTopics[static_cast<std::size_t>(
                               rng_.below(static_cast<int>(kThematicTopics.size())))])
                         : "Sinh hoạt chi bộ định kỳ tháng " + std::to_string(held.month()) + "/" +
                               std::to_string(held.year());
      m.quality = random_quality(rng_);
      m.recorded_by = "demo";
      const int absent = std::min<int>(rng_.between(0, 3), static_cast<int>(active->size()));
      std::vector<MemberId> pool = *active;
      for (int a = 0; a < absent; ++a) {
        const auto k = static_cast<std::size_t>(rng_.below(static_cast<int>(pool.size())));
        m.absences.emplace_back(pool[k], kAbsenceReasons[static_cast<std::size_t>(rng_.below(
                                             static_cast<int>(kAbsenceReasons.size())))]);
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(k));
      }
      m.expected = static_cast<std::int64_t>(active->size());
      m.present = m.expected - absent;
      auto id = store_.insert_meeting(m, now_);
      if (!id.ok()) return id.error();
      ++summary.meetings;
    }
  }
  return {};
}

Status WorkGenerator::studies(OrgId branch, Date from, Date to, DemoSummary& summary) {
  const int sessions = rng_.between(1, 3);
  for (int i = 0; i < sessions; ++i) {
    const auto& d =
        kDocuments[static_cast<std::size_t>(rng_.below(static_cast<int>(kDocuments.size())))];
    auto doc = store_.find_party_document(d.number);
    if (!doc.ok()) return doc.error();
    const Date held = random_date(std::max(from, (*doc)->issued_on), to);
    auto active = store_.active_members_of(branch, held);
    if (!active.ok()) return active.error();
    store::StudySessionRecord s;
    s.org = branch;
    s.held_on = held;
    s.document_id = (*doc)->id;
    s.recorded_by = "demo";
    for (MemberId m : *active) {
      if (!rng_.chance(0.08)) s.attendees.push_back(m);
    }
    s.expected = static_cast<std::int64_t>(active->size());
    s.present = static_cast<std::int64_t>(s.attendees.size());
    auto id = store_.insert_study_session(s, now_);
    if (!id.ok()) return id.error();
    ++summary.study_sessions;
  }
  return {};
}

// Committees inspect and supervise the orgs directly below them and some of their members, about
// three quarters of the year's plan by the end of October.
Status WorkGenerator::oversights(OrgId holder, const OrgTree& tree, Date from, Date to,
                                 DemoSummary& summary) {
  auto record = [&](OversightKind kind, std::optional<OrgId> org,
                    std::optional<MemberId> member) -> Status {
    store::OversightRecord o;
    o.org = holder;
    o.kind = kind;
    o.basis = rng_.chance(0.05) ? OversightBasis::signs_of_violation : OversightBasis::planned;
    o.held_on = random_date(from, to);
    o.subject_org = org;
    o.subject_member = member;
    o.conclusion =
        kConclusions[static_cast<std::size_t>(rng_.below(static_cast<int>(kConclusions.size())))];
    o.recorded_by = "demo";
    auto id = store_.insert_oversight(o, now_);
    if (!id.ok()) return id.error();
    ++summary.oversights;
    return {};
  };
  for (OrgId child : tree.find(holder)->children) {
    if (rng_.chance(0.4)) DANGVU_TRY(record(OversightKind::inspection, child, std::nullopt));
    if (rng_.chance(0.25)) DANGVU_TRY(record(OversightKind::supervision, child, std::nullopt));
  }
  // Members of the holder's own branches (a grassroots branch, or a committee's sub-branches).
  std::vector<OrgId> branches;
  for (OrgId id : tree.subtree(holder)) {
    if (rules_.holds_members(tree.find(id)->kind) && tree.depth(id) <= tree.depth(holder) + 1) {
      branches.push_back(id);
    }
  }
  for (OrgId b : branches) {
    auto active = store_.active_members_of(b, to);
    if (!active.ok()) return active.error();
    for (MemberId m : *active) {
      if (rng_.chance(0.075)) DANGVU_TRY(record(OversightKind::inspection, std::nullopt, m));
      if (rng_.chance(0.05)) DANGVU_TRY(record(OversightKind::supervision, std::nullopt, m));
    }
  }
  return {};
}

}  // namespace dangvu::service::demo
