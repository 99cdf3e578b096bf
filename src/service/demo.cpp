#include "service/demo.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "service/demo_badges.h"
#include "service/demo_conference.h"
#include "service/demo_dossier.h"
#include "service/demo_dues.h"
#include "service/demo_names.h"
#include "service/demo_rating.h"
#include "service/demo_rng.h"
#include "service/demo_work.h"
#include "store/badge_store.h"
#include "store/dossier_store.h"
#include "store/dues_store.h"
#include "store/org_result_store.h"
#include "store/rating_store.h"

namespace dangvu::service {
namespace {

using demo::Rng;

struct Shape {
  int provinces;   // 1: the province is the root; more: a national root above them
  int clusters;    // per province bloc committee
  int committees;  // grassroots committees per cluster
  int branches;    // grassroots branches per cluster
  int sub_min, sub_max;
  int members_min, members_max;  // per branch (grassroots branch or sub-branch)
};

Shape shape_of(DemoScale s) {
  switch (s) {
    case DemoScale::small: return {1, 2, 11, 7, 4, 9, 8, 25};
    case DemoScale::province: return {1, 8, 60, 40, 4, 16, 20, 40};
    case DemoScale::nation: return {34, 10, 100, 62, 4, 12, 10, 28};
  }
  return {1, 2, 11, 7, 4, 9, 8, 25};
}

const Date kFounded = Date::from_ymd(1975, 1, 1).value();
const Date kReorganized = Date::from_ymd(2025, 7, 1).value();
const Date kLastEvent = Date::from_ymd(2026, 10, 31).value();
const Date kWorkFrom = Date::from_ymd(2026, 1, 1).value();
const Date kFirstAdmission = Date::from_ymd(1976, 1, 1).value();

struct Branch {
  OrgId id;
};

class Generator {
 public:
  Generator(Registry& r, DemoScale scale, std::uint64_t seed,
            const std::function<void(const std::string&)>& progress)
      : r_(r), store_(r.store()), shape_(shape_of(scale)), rng_(seed), progress_(progress) {}

  // In pieces, each one write transaction (generate_here): the national root and the documents;
  // each province; the audit entry. The nation's data committed province by province keeps the
  // SQLite WAL to one province's pages (one transaction held 5.5 GB of WAL, read back through
  // its index, and slowed as it grew: bench/RESULTS.md).
  Status start(DemoSummary& summary);
  int provinces() const { return shape_.provinces; }
  Status province(int p) { return build_province(p, national_); }
  Status finish();

 private:
  Result<OrgId> create(const std::string& code, const std::string& name, OrgKind kind,
                       std::optional<OrgId> parent, Date date);
  Status record(const std::string& kind, const Result<OrgChange>& change, nlohmann::json payload);
  Status build_province(int p, std::optional<OrgId> national_root);
  Status reorganize(int p, OrgId province, OrgId bloc, const std::vector<OrgId>& clusters,
                    const std::vector<std::pair<OrgId, bool>>& grassroots,
                    const std::vector<OrgId>& merge_pair, const std::string& prefix);
  Status members_of_branch(OrgId branch, const std::vector<OrgId>& province_branches);
  std::vector<MemberEvent> life(Person& person, OrgId home, const std::vector<OrgId>& others,
                                bool& candidate_only);
  Person person(bool male);
  // The grassroots org `org` sat in on `d` (itself, or the committee above a sub-branch).
  std::optional<OrgId> grassroots_on(std::optional<OrgId> org, Date d) const {
    for (int depth = 0; org && depth < 64; ++depth) {
      const OrgVersion* v = history_.version_at(*org, d);
      if (v == nullptr) return std::nullopt;
      if (v->kind == OrgKind::grassroots_committee || v->kind == OrgKind::grassroots_branch) {
        return org;
      }
      org = v->parent;
    }
    return std::nullopt;
  }
  Date random_date(Date from, Date to) {
    if (to <= from) return from;
    return from.add_days(rng_.below(to.days() - from.days() + 1));
  }

  Registry& r_;
  store::Store& store_;
  Shape shape_;
  Rng rng_;
  const std::function<void(const std::string&)>& progress_;
  OrgHistory history_;
  store::DossierStore dossiers_{store_};
  store::DuesStore dues_{store_};
  demo::DemoToSend to_send_;  // the province's books' shares to send up, as members load
  std::vector<std::pair<MemberId, BadgeRecord>> badges_;  // the province's, as members load
  std::string badge_committee_;                           // who decides the province's badges
  std::optional<OrgId> rated_;     // the grassroots committee whose 2025 rating round is decided
  std::vector<OrgId> rated_subs_;  // its sub-branches, rated by it (demo_rating.h)
  int province_ = 0;               // the province being built (1…), for the dossiers' citizen IDs
  std::int64_t in_province_ = 0;   // people of that province so far
  std::optional<OrgId> national_;
  DemoSummary* summary_ = nullptr;
  std::int64_t next_card_ = 1;
  std::int64_t next_candidate_ = 1;
  std::string province_card_prefix_ = "01";
  bool named_example_done_ = false;
};

Result<OrgId> Generator::create(const std::string& code, const std::string& name, OrgKind kind,
                                std::optional<OrgId> parent, Date date) {
  auto id = store_.insert_org(code);
  if (!id.ok()) return id.error();
  history_.add_org(*id, code);
  NewOrg org{*id, code, name, kind, parent, true};
  DANGVU_TRY(record("create", history_.plan_create(org, date, r_.rules()),
                    {{"code", code}, {"name", name}, {"kind", std::string(to_string(kind))}}));
  ++summary_->orgs;
  return *id;
}

Status Generator::record(const std::string& kind, const Result<OrgChange>& change,
                         nlohmann::json payload) {
  if (!change.ok()) return change.error();
  payload["date"] = change->date.iso();
  auto event =
      store_.append_org_event(kind, change->date, payload.dump(), "demo", r_.clock().now_iso());
  if (!event.ok()) return event.error();
  DANGVU_TRY(store_.apply_org_change(*change, *event));
  history_.apply(*change);
  return {};
}

Person Generator::person(bool male) {
  Person p;
  int total = 0;
  for (const auto& f : demo::family_names()) total += f.weight;
  int roll = rng_.below(total);
  for (const auto& f : demo::family_names()) {
    if ((roll -= f.weight) < 0) {
      p.family = std::string(f.text);
      break;
    }
  }
  p.middle = std::string(rng_.pick(male ? demo::male_middle_names() : demo::female_middle_names()));
  p.given = std::string(rng_.pick(male ? demo::male_given_names() : demo::female_given_names()));
  p.gender = male ? Gender::male : Gender::female;
  return p;
}

// One person's life in the Party, as events in date order; every event is on or before kLastEvent.
std::vector<MemberEvent> Generator::life(Person& p, OrgId home, const std::vector<OrgId>& others,
                                         bool& candidate_only) {
  std::vector<MemberEvent> events;
  candidate_only = rng_.chance(0.04);
  if (candidate_only) {
    Date reg = random_date(kLastEvent.add_years(-2), kLastEvent.add_days(-20));
    p.birth_date = reg.add_years(-rng_.between(19, 35)).add_days(-rng_.below(365));
    MemberEvent e;
    e.kind = MemberEventKind::candidate_registration;
    e.date = reg;
    e.org = home;
    events.push_back(e);
    return events;
  }
  // Admissions spread over fifty years, somewhat more in recent ones.
  Date admitted = rng_.chance(0.25)
                      ? random_date(kLastEvent.add_years(-6), kLastEvent.add_days(-15))
                      : random_date(kFirstAdmission, kLastEvent.add_days(-15));
  int age = rng_.chance(0.8) ? rng_.between(19, 35) : rng_.between(36, 55);
  p.birth_date = admitted.add_years(-age).add_days(-rng_.below(360));
  if (rng_.chance(0.3) && admitted.add_months(-9) > kFounded) {
    MemberEvent reg;
    reg.kind = MemberEventKind::candidate_registration;
    reg.date = admitted.add_months(-rng_.between(6, 18));
    if (reg.date < kFounded) reg.date = kFounded;
    reg.org = home;
    events.push_back(reg);
  }
  MemberEvent adm;
  adm.kind = MemberEventKind::admission;
  adm.date = admitted;
  adm.org = home;
  adm.decision_no = std::to_string(rng_.between(1, 480)) + "-QĐ/ĐU";
  Date ceremony =
      admitted.add_working_days(rng_.chance(0.01) ? rng_.between(32, 45) : rng_.between(3, 20));
  adm.ceremony_date = ceremony > kLastEvent ? kLastEvent : ceremony;
  adm.card_number = province_card_prefix_ + std::to_string(10000000000LL + next_card_).substr(1);
  ++next_card_;
  events.push_back(adm);
  Date last = *adm.ceremony_date;
  OrgId current = home;
  Date due = adm.ceremony_date->add_months(12);
  Date recognized = due.add_days(rng_.between(0, 25));
  // A few recent probationary members are left without a decision: the overdue flag's cases.
  const bool overdue = due > kLastEvent.add_years(-1) && rng_.chance(0.15);
  if (recognized <= kLastEvent && !overdue) {
    MemberEvent rec;
    rec.kind = MemberEventKind::recognition;
    rec.date = recognized;
    rec.decision_no = std::to_string(rng_.between(1, 480)) + "-QĐ/ĐU";
    events.push_back(rec);
    last = recognized;
    if (rng_.chance(0.12) && !others.empty()) {
      Date moved = random_date(last.add_days(30), kLastEvent);
      OrgId to = rng_.pick(others);
      if (moved <= kLastEvent && to != current) {
        MemberEvent tr;
        tr.kind = MemberEventKind::transfer;
        tr.mode = TransferMode::permanent;
        tr.date = moved;
        tr.org = to;
        tr.reason = "Chuyển công tác";
        events.push_back(tr);
        current = to;
        last = moved;
      }
    }
    if (rng_.chance(0.02) && !others.empty()) {
      Date away = random_date(last.add_days(10), kLastEvent);
      OrgId to = rng_.pick(others);
      if (away <= kLastEvent && to != current) {
        MemberEvent tr;
        tr.kind = MemberEventKind::transfer;
        tr.mode = TransferMode::temporary;
        tr.date = away;
        tr.org = to;
        tr.reason = "Đi học tập trung";
        events.push_back(tr);
        last = away;
        Date back = away.add_months(rng_.between(3, 24));
        if (back <= kLastEvent) {
          MemberEvent end;
          end.kind = MemberEventKind::transfer;
          end.mode = TransferMode::temporary_end;
          end.date = back;
          events.push_back(end);
          last = back;
        }
      }
    }
    const bool elderly = p.birth_date.year() < 1960;
    MemberEventKind end_kind = MemberEventKind::correction;
    if (elderly && rng_.chance(0.05))
      end_kind = MemberEventKind::death;
    else if (rng_.chance(0.01))
      end_kind = MemberEventKind::removal;
    else if (rng_.chance(0.004))
      end_kind = MemberEventKind::resignation;
    if (end_kind != MemberEventKind::correction) {
      Date ended = random_date(last.add_days(30), kLastEvent);
      if (ended <= kLastEvent && ended > last) {
        MemberEvent end;
        end.kind = end_kind;
        end.date = ended;
        end.reason = end_kind == MemberEventKind::removal ? "Bỏ sinh hoạt 3 tháng trong năm" : "";
        events.push_back(end);
        last = ended;
        if (end_kind != MemberEventKind::death && rng_.chance(0.2)) {
          Date again = random_date(ended.add_months(r_.rules().readmission_min_months), kLastEvent);
          if (again <= kLastEvent && again > ended &&
              whole_years_between(p.birth_date, again) < 60) {
            MemberEvent re;
            re.kind = MemberEventKind::readmission;
            re.date = again;
            re.org = current;
            re.ceremony_date =
                again.add_working_days(5) > kLastEvent ? again : again.add_working_days(5);
            re.decision_no = std::to_string(rng_.between(1, 480)) + "-QĐ/ĐU";
            events.push_back(re);
          }
        }
      }
    }
  }
  return events;
}

Status Generator::members_of_branch(OrgId branch, const std::vector<OrgId>& province_branches) {
  int n = rng_.between(shape_.members_min, shape_.members_max);
  std::vector<demo::Colleague> colleagues;  // the branch's official members so far: sponsors
  for (int i = 0; i < n; ++i) {
    bool male = rng_.chance(0.58);
    Person p = person(male);
    if (!named_example_done_ && summary_->members == 6) {
      // One known person, so that searching "dam van chinh" in the demo finds Đàm Văn Chính.
      p = Person{"Đàm", "Văn", "Chính", {}, Gender::male};
      male = true;
      named_example_done_ = true;
    }
    bool candidate_only = false;
    std::vector<OrgId> others;
    for (int k = 0; k < 3 && !province_branches.empty(); ++k)
      others.push_back(rng_.pick(province_branches));
    auto events = life(p, branch, others, candidate_only);
    // Members are known by their card number; candidates by a training register code.
    std::string code;
    if (candidate_only) code = "QC" + std::to_string(10000000 + next_candidate_++).substr(1);
    for (const auto& e : events) {
      if (!e.card_number.empty()) code = e.card_number;
    }
    auto id = r_.load_member_with_events(code, p, events, history_);
    if (!id.ok()) {
      Error e = id.error();
      e.detail_en = "demo member " + code + ": " + e.detail_en;
      return e;
    }
    // The person's dossier, from a random stream of its own (demo_dossier.h).
    auto records = demo::dossier_of(p, events, province_, ++in_province_, kLastEvent, colleagues);
    if (auto c = demo::official_in(code, events, branch)) colleagues.push_back(std::move(*c));
    for (std::size_t k = 0; k < records.size(); ++k) {
      records[k].id = static_cast<DossierRecordId>(k + 1);
      records[k].recorded_at = r_.clock().now_iso();
      records[k].recorded_by = "demo";
    }
    DANGVU_TRY(dossiers_.insert_loaded(*id, records, Dossier(records).spans()));
    // A year of dues, in the book of the branch of each month (demo_dues.h).
    const OrgKindAt kind_at = [this](OrgId org, Date d) -> std::optional<OrgKind> {
      const OrgVersion* v = history_.version_at(org, d);
      return v ? std::optional<OrgKind>(v->kind) : std::nullopt;
    };
    auto folded = fold_member(p, events, r_.rules(), kind_at, r_.clock().today());
    if (!folded.ok()) return folded.error();
    const auto dues = demo::dues_of(*folded, records, province_, in_province_, kLastEvent,
                                    r_.rules().dues, r_.clock().now_iso());
    DANGVU_TRY(dues_.insert_loaded(*id, dues.records, dues.payments));
    demo::add_to_send(to_send_, dues.payments, history_, r_.rules().dues);
    // The 2025 rating round, for the members of the committee it holds (demo_rating.h).
    const Date round_end = *Date::from_ymd(demo::kRatedYear, 12, 31);
    if (rated_ && grassroots_on(folded->state_at(round_end).org, round_end) == rated_) {
      store::RatingStore ratings(store_);
      for (const auto& r : demo::rating_round_of(*folded, records, *rated_, province_, in_province_,
                                                 r_.rules(), r_.clock().now_iso())) {
        auto appended = ratings.append(*id, r);
        if (!appended.ok()) return appended.error();
      }
    }
    // The badges it reached (demo_badges.h).
    for (auto& b : demo::badges_of(*folded, province_, in_province_, kLastEvent, r_.rules(),
                                   badge_committee_, r_.clock().now_iso())) {
      badges_.emplace_back(*id, std::move(b));
    }
    ++summary_->members;
    summary_->events += static_cast<std::int64_t>(events.size());
    if (progress_ && summary_->members % 50000 == 0) {
      progress_("  " + std::to_string(summary_->members) + " members");
    }
  }
  return {};
}

Status Generator::build_province(int p, std::optional<OrgId> national_root) {
  const std::string province_name(
      demo::province_names()[static_cast<std::size_t>(p) % demo::province_names().size()]);
  const std::string prefix =
      shape_.provinces > 1 ? "P" + std::to_string(100 + p).substr(1) + "-" : "";
  province_card_prefix_ = std::to_string(100 + (p % 99) + 1).substr(1);
  next_card_ = 1;
  province_ = p + 1;
  in_province_ = 0;
  auto province = create(prefix.empty() ? "TU" : prefix + "TU", "Đảng bộ tỉnh " + province_name,
                         OrgKind::upper_committee, national_root, kFounded);
  if (!province.ok()) return province.error();
  auto bloc =
      create(prefix + "DBK", "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh " + province_name,
             OrgKind::upper_committee, *province, kFounded);
  if (!bloc.ok()) return bloc.error();

  static const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  std::vector<OrgId> clusters;
  std::vector<std::pair<OrgId, bool>> grassroots;  // id, belongs with the Party agencies
  std::vector<OrgId> branches;                     // every org that holds members
  std::vector<OrgId> merge_pair;
  int agency = 0;
  rated_subs_.clear();
  const auto& agencies = demo::agencies();
  for (int c = 0; c < shape_.clusters; ++c) {
    auto cluster =
        create(prefix + "CUM" + std::to_string(c + 1),
               std::string("Cụm thi đua số ") + kRoman[c % 10], OrgKind::cluster, *bloc, kFounded);
    if (!cluster.ok()) return cluster.error();
    clusters.push_back(*cluster);
    for (int g = 0; g < shape_.committees + shape_.branches; ++g, ++agency) {
      const bool committee = g < shape_.committees;
      const auto& a = agencies[static_cast<std::size_t>(agency) % agencies.size()];
      std::string name(a.name);
      if (agency >= static_cast<int>(agencies.size()))
        name += " – đơn vị " + std::to_string(agency + 1);
      const bool party =
          agency < static_cast<int>(agencies.size()) ? a.party_bloc : agency % 3 == 0;
      // Three digits at least (DB001); the nation's 1,620 per province run to four (DB1000).
      std::string number = std::to_string(agency + 1);
      if (number.size() < 3) number.insert(0, 3 - number.size(), '0');
      std::string code = prefix + (committee ? "DB" : "CB") + number;
      auto org = create(code, (committee ? "Đảng bộ " : "Chi bộ ") + name,
                        committee ? OrgKind::grassroots_committee : OrgKind::grassroots_branch,
                        *cluster, kFounded);
      if (!org.ok()) return org.error();
      grassroots.emplace_back(*org, party);
      if (committee && agency == 0) rated_ = *org;
      if (committee && (agency == 1 || agency == 2)) merge_pair.push_back(*org);
      if (!committee) {
        branches.push_back(*org);
        continue;
      }
      int subs = rng_.between(shape_.sub_min, shape_.sub_max);
      for (int s = 0; s < subs; ++s) {
        std::string dept(
            demo::departments()[static_cast<std::size_t>(s) % demo::departments().size()]);
        if (s >= static_cast<int>(demo::departments().size())) dept += " " + std::to_string(s + 1);
        auto sub = create(code + "." + std::to_string(100 + s + 1).substr(1), "Chi bộ " + dept,
                          OrgKind::sub_branch, *org, kFounded);
        if (!sub.ok()) return sub.error();
        branches.push_back(*sub);
        if (rated_ == *org) rated_subs_.push_back(*sub);
      }
    }
  }
  DANGVU_TRY(reorganize(p, *province, *bloc, clusters, grassroots, merge_pair, prefix));
  if (progress_) {
    progress_("Tỉnh " + province_name + ": " + std::to_string(summary_->orgs) +
              " tổ chức; đang tạo đảng viên…");
  }
  to_send_.clear();
  badges_.clear();
  badge_committee_ = "Ban Thường vụ Tỉnh ủy " + province_name;
  for (OrgId b : branches) DANGVU_TRY(members_of_branch(b, branches));
  DANGVU_TRY(store::BadgeStore(store_).insert_loaded(badges_, kLastEvent));
  if (rated_) {
    store::OrgResultStore results(store_);
    for (const auto& r :
         demo::org_results_of(*rated_, rated_subs_, province_, r_.rules(), r_.clock().now_iso())) {
      auto appended = results.append(r);
      if (!appended.ok()) return appended.error();
    }
  }
  for (const auto& r :
       demo::remittances_of(to_send_, history_, province_, kLastEvent, r_.clock().now_iso())) {
    auto sent = dues_.append_remittance(r);
    if (!sent.ok()) return sent.error();
  }
  if (progress_) progress_("Tỉnh " + province_name + ": đang tạo kế hoạch và hoạt động năm 2026…");
  demo::WorkGenerator work(store_, history_, r_.rules(), rng_, r_.clock().now_iso());
  return work.run(*province, kWorkFrom, kLastEvent, *summary_);
}

// The 2025 reorganization: two new provincial committees take the bloc's grassroots orgs, two
// grassroots committees merge into one, and the clusters and the bloc committee are dissolved.
Status Generator::reorganize(int p, OrgId province, OrgId bloc, const std::vector<OrgId>& clusters,
                             const std::vector<std::pair<OrgId, bool>>& grassroots,
                             const std::vector<OrgId>& merge_pair, const std::string& prefix) {
  (void)p;
  const std::string province_name =
      history_.latest(province)->name.substr(std::string("Đảng bộ tỉnh ").size());
  auto party = create(prefix + "DBCQD", "Đảng bộ các cơ quan Đảng tỉnh " + province_name,
                      OrgKind::upper_committee, province, kReorganized);
  if (!party.ok()) return party.error();
  auto government = create(prefix + "DBUB", "Đảng bộ Ủy ban nhân dân tỉnh " + province_name,
                           OrgKind::upper_committee, province, kReorganized);
  if (!government.ok()) return government.error();
  const RuleSet& rules = r_.rules();
  // Each new committee groups its grassroots organizations in two emulation clusters.
  std::vector<OrgId> party_clusters, government_clusters;
  for (int c = 1; c <= 2; ++c) {
    auto pc = create(prefix + "CQD-CUM" + std::to_string(c),
                     "Cụm thi đua số " + std::to_string(c) + " – Đảng bộ các cơ quan Đảng tỉnh",
                     OrgKind::cluster, *party, kReorganized);
    if (!pc.ok()) return pc.error();
    party_clusters.push_back(*pc);
    auto gc = create(prefix + "UB-CUM" + std::to_string(c),
                     "Cụm thi đua số " + std::to_string(c) + " – Đảng bộ Ủy ban nhân dân tỉnh",
                     OrgKind::cluster, *government, kReorganized);
    if (!gc.ok()) return gc.error();
    government_clusters.push_back(*gc);
  }
  std::size_t moved = 0;
  for (const auto& [org, party_bloc] : grassroots) {
    if (std::find(merge_pair.begin(), merge_pair.end(), org) != merge_pair.end()) continue;
    const auto& clusters_of = party_bloc ? party_clusters : government_clusters;
    OrgId to = clusters_of[moved++ % clusters_of.size()];
    DANGVU_TRY(record("move", history_.plan_move(org, to, kReorganized, rules),
                      {{"code", history_.code(org)}, {"parent", history_.code(to)}}));
  }
  if (merge_pair.size() == 2) {
    auto merged_id = store_.insert_org(prefix + "DBNNMT");
    if (!merged_id.ok()) return merged_id.error();
    history_.add_org(*merged_id, prefix + "DBNNMT");
    NewOrg merged{*merged_id,
                  prefix + "DBNNMT",
                  "Đảng bộ Sở Nông nghiệp và Môi trường",
                  OrgKind::grassroots_committee,
                  government_clusters.front(),
                  true};
    DANGVU_TRY(record(
        "merge", history_.plan_merge(merge_pair, std::nullopt, merged, kReorganized, rules, {}),
        {{"from", {history_.code(merge_pair[0]), history_.code(merge_pair[1])}},
         {"into", prefix + "DBNNMT"}}));
    ++summary_->orgs;
  }
  for (OrgId c : clusters) {
    DANGVU_TRY(record("dissolve", history_.plan_dissolve(c, kReorganized, {}),
                      {{"code", history_.code(c)}}));
  }
  return record("dissolve", history_.plan_dissolve(bloc, kReorganized, {}),
                {{"code", history_.code(bloc)}});
}

Status Generator::start(DemoSummary& summary) {
  summary_ = &summary;
  summary.reorganized_on = kReorganized;
  summary.last_event_on = kLastEvent;
  if (r_.clock().today() < kLastEvent) {
    return Error::invalid(
        "today",
        "Dữ liệu mẫu có sự kiện đến ngày " + kLastEvent.vi() + "; ngày hôm nay của máy sớm hơn.",
        "the demo's events end after today");
  }
  if (shape_.provinces > 1) {
    auto root =
        create("TW", "Đảng Cộng sản Việt Nam", OrgKind::upper_committee, std::nullopt, kFounded);
    if (!root.ok()) return root.error();
    national_ = *root;
    summary.root_code = "TW";
  } else {
    summary.root_code = "TU";
  }
  return demo::register_documents(store_, r_.clock().now_iso());
}

Status Generator::finish() {
  const DemoSummary& summary = *summary_;
  nlohmann::json detail = {{"orgs", summary.orgs},
                           {"members", summary.members},
                           {"events", summary.events},
                           {"meetings", summary.meetings},
                           {"oversights", summary.oversights},
                           {"study_sessions", summary.study_sessions}};
  store::AuditEntry entry;
  entry.at = r_.clock().now_iso();
  entry.actor = "demo";
  entry.action = "demo.generate";
  entry.target = summary.root_code;
  entry.detail_json = detail.dump();
  entry.address = "cli";
  return store_.append_audit(entry);
}

}  // namespace

Result<DemoScale> parse_demo_scale(const std::string& text) {
  if (text == "small") return DemoScale::small;
  if (text == "province") return DemoScale::province;
  if (text == "nation") return DemoScale::nation;
  return Error::invalid("scale", "Trường «scale»: chọn small, province hoặc nation.",
                        "unknown scale");
}

namespace {

Result<DemoSummary> generate_here(Registry& registry, DemoScale scale, std::uint64_t seed,
                                  const std::function<void(const std::string&)>& progress) {
  DemoSummary summary;
  Generator gen(registry, scale, seed, progress);
  {
    // The nation's indexes run to gigabytes: keep more of them in memory while writing.
    const store::Store::BulkWrite bulk(registry.store(), scale == DemoScale::nation ? 2048 : 128);
    auto& store = registry.store();
    DANGVU_TRY(store.write_transaction([&]() -> Status { return gen.start(summary); }));
    for (int p = 0; p < gen.provinces(); ++p) {
      DANGVU_TRY(store.write_transaction([&]() -> Status { return gen.province(p); }));
    }
    DANGVU_TRY(store.write_transaction([&]() -> Status { return gen.finish(); }));
  }
  // A past conference of the party agencies' first grassroots committee, recorded as an office
  // would (the national scale has none: its trees are for measuring).
  if (scale != DemoScale::nation) {
    if (progress) progress("Đang ghi bí thư, phó bí thư các cấp ủy và cụm trưởng cụm thi đua…");
    auto secretaries = demo::add_office_holders(registry);
    if (!secretaries.ok()) return secretaries.error();
    DANGVU_TRY(demo::add_cluster_briefing(registry, "CQD-CUM1", "DB001"));
    if (progress) progress("Đang ghi hội nghị sơ kết quý I năm 2026 của Đảng bộ DB001…");
    DANGVU_TRY(demo::add_past_conference(registry, "DB001", (*secretaries)["DB001"]));
    summary.conferences = 2;
  }
  return summary;
}

}  // namespace

Result<DemoSummary> generate_demo(Registry& registry, DemoScale scale, std::uint64_t seed,
                                  const std::function<void(const std::string&)>& progress) {
  if (registry.store().engine() != store::Engine::postgresql) {
    return generate_here(registry, scale, seed, progress);
  }
  // A server gets the demo at full speed: generated into a staging file by the same write path
  // (one transaction, prepared statements), then moved with COPY in one transaction. Row by row
  // over the network, the nation's tens of millions of rows would take hours.
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path staging =
      fs::temp_directory_path(ec) /
      ("dangvu-demo-" + std::to_string(::getpid()) + "-" +
       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".db");
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::remove(path.string() + suffix, ignored);
      }
    }
  } cleanup{staging};
  auto staged =
      store::Store::open(staging.string(), store::OpenMode::create_new, registry.clock().now_iso());
  if (!staged.ok()) return staged.error();
  Registry here(**staged, registry.rules(), registry.clock(), registry.caller());
  auto summary = generate_here(here, scale, seed, progress);
  if (!summary.ok()) return summary.error();
  if (progress) progress("Đang chép sang máy chủ PostgreSQL (COPY)…");
  auto copied = (*staged)->copy_to(registry.store(), false);
  if (!copied.ok()) return copied.error();
  return summary;
}

}  // namespace dangvu::service
