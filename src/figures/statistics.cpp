#include "figures/statistics.h"

#include <charconv>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/dossier.h"
#include "core/rollup.h"
#include "figures/badge_counts.h"
#include "figures/stocks.h"
#include "store/statistics_store.h"

namespace dangvu::figures {
namespace {

std::string num(std::int64_t n) { return std::to_string(n); }

// A count as the forms print it: 2.465.
std::string shown(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// The orgs of the subtree on `to`, and whether a row's org (as recorded; an ended one stands
// for its successor) counts for it.
class Subtree {
 public:
  Subtree(const StatisticsInput& in) : in_(in) {
    for (OrgId id : in.tree_at_end.subtree(in.root)) orgs_.insert(id);
  }
  // A row of the members on `to` counts by its org; one of the admitted, by its org's place on
  // the day (an org that came into the subtree later brought its new members with it).
  bool counts(OrgId org, const std::optional<Date>& on) const {
    if (on) return within_on(in_.history, org, in_.root, *on);
    if (orgs_.count(org) > 0) return true;
    auto known = elsewhere_.find(org);
    if (known != elsewhere_.end()) return known->second;
    auto standing = resolve_org_at(in_.history, org, in_.to);
    const bool inside = standing && orgs_.count(*standing) > 0;
    elsewhere_.emplace(org, inside);
    return inside;
  }

 private:
  const StatisticsInput& in_;
  std::unordered_set<OrgId> orgs_;
  mutable std::unordered_map<OrgId, bool> elsewhere_;  // orgs outside it, asked once each
};

// What the analysis of a set of members adds up: per person and per dossier value.
struct Analysis {
  std::int64_t total = 0, women = 0, probationary = 0, youth = 0, age_sum = 0;
  std::vector<std::int64_t> bands, eras;
  std::map<std::pair<std::string, std::string>, std::int64_t> values;  // (field, value) → count
};

// A string key looked up by its view (a profile's "field\tvalue" without a copy).
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Adds up, one member profile at a time, the members on the period's end (or those admitted in
// the period) who count for the subtree, analysed as of the period's end.
class Analyser {
 public:
  Analyser(const StatisticsInput& in, bool admitted, const std::vector<std::string>& fields)
      : in_(in),
        subtree_(in),
        admitted_(admitted),
        day_(in.to),
        day_iso_(in.to.iso()),
        rules_(in.rules.statistics) {
    a_.bands.assign(rules_.age_band_upper.size() + 1, 0);
    a_.eras.assign(rules_.admission_eras.size(), 0);
    for (const auto& f : fields) fields_.insert(f);
    for (std::size_t i = 1; i < rules_.admission_eras.size(); ++i) {
      era_starts_.push_back(rules_.admission_eras[i].from);
    }
  }

  void add(const ProfileView& p) {
    if (!admitted_) {
      const ProfileView::Period* period = p.period_on(day_);
      if (period != nullptr && subtree_.counts(*period->org, std::nullopt)) {
        add_person(p, period->status);
      }
      return;
    }
    for (const auto& adm : p.admissions) {
      if (!adm.org || adm.on < in_.from || adm.on > day_) continue;
      if (subtree_.counts(*adm.org, adm.on)) add_person(p, MemberStatus::probationary);
    }
  }

  Analysis result() const {
    Analysis out = a_;
    for (const auto& [key, slot] : values_) {
      if (slot.counted) out.values[{slot.field, slot.value}] += slot.n;
    }
    return out;
  }

 private:
  // Age in whole years on the period's end (one born on 29/02 is a year older on 01/03).
  int age_of(Date birth) const {
    const bool before_birthday =
        std::pair(birth.month(), birth.day()) > std::pair(day_.month(), day_.day());
    return day_.year() - birth.year() - (before_birthday ? 1 : 0);
  }

  std::size_t era_of(std::optional<Date> first_admission) const {
    const std::size_t last = a_.eras.size() - 1;
    if (!first_admission) return last;
    for (std::size_t i = 0; i < era_starts_.size(); ++i) {
      if (*first_admission < era_starts_[i]) return i;
    }
    return last;
  }

  void add_person(const ProfileView& p, MemberStatus status) {
    const int age = age_of(p.birth);
    ++a_.total;
    a_.age_sum += age;
    if (p.gender == Gender::female) ++a_.women;
    if (status == MemberStatus::probationary) ++a_.probationary;
    std::size_t band = 0;
    while (band < rules_.age_band_upper.size() && age > rules_.age_band_upper[band]) ++band;
    ++a_.bands[band];
    ++a_.eras[era_of(p.first_admission())];
    bool youth_union = false;
    for (const auto& f : p.facts) {
      if (f.from > day_ || f.to <= day_) continue;
      if (f.field == "youth_union_joined") {
        youth_union = youth_union || f.value <= day_iso_;  // an ISO date
        continue;
      }
      // One lookup per fact: whether its field is counted is settled the first time its value
      // is met.
      auto it = values_.find(f.key);
      if (it == values_.end()) {
        it = values_
                 .emplace(std::string(f.key), Slot{fields_.count(f.field) > 0, 0,
                                                   std::string(f.field), std::string(f.value)})
                 .first;
      }
      if (it->second.counted) ++it->second.n;
    }
    if (youth_union && age <= rules_.youth_union_max_age) ++a_.youth;
  }

  const StatisticsInput& in_;
  Subtree subtree_;
  bool admitted_;
  Date day_;
  std::string day_iso_;
  const StatisticsRules& rules_;
  std::vector<Date> era_starts_;  // the eras' first days but the first's
  std::unordered_set<std::string, KeyHash, std::equal_to<>> fields_;
  struct Slot {
    bool counted = false;  // a field the analysis counts
    std::int64_t n = 0;
    std::string field, value;
  };
  std::unordered_map<std::string, Slot, KeyHash, std::equal_to<>> values_;  // by "tag\tvalue"
  Analysis a_;
};

std::int64_t value_count(const Analysis& a, const std::string& field, const std::string& value) {
  auto it = a.values.find({field, value});
  return it == a.values.end() ? 0 : it->second;
}

// The members whose `field` holds a value of `group` in its catalog.
std::int64_t group_count(const Analysis& a, const Catalog& catalog, const std::string& field,
                         const std::string& group) {
  std::int64_t n = 0;
  for (const auto& item : catalog.items) {
    if (item.group == group) n += value_count(a, field, item.code);
  }
  return n;
}

// The fields the analysis reads, and how their lines are laid out.
struct Breakdown {
  const char* field;
  const char* heading;
  // Lines by the catalog's groups (with these labels, in this order), else one per item.
  std::vector<std::pair<std::string, std::string>> groups;
};

const std::vector<Breakdown>& breakdowns() {
  static const std::vector<Breakdown> list = {
      {"occupation", "Nghề nghiệp", {}},
      {"general_education",
       "Trình độ giáo dục phổ thông",
       {{"literate", "Biết đọc, biết viết"},
        {"primary", "Tiểu học"},
        {"lower_secondary", "Trung học cơ sở"},
        {"upper_secondary", "Trung học phổ thông"}}},
      {"professional_qualification", "Trình độ chuyên môn", {}},
      {"degree", "Học vị", {{"master", "Thạc sĩ"}, {"doctor", "Tiến sĩ"}}},
      {"academic_title", "Học hàm", {}},
      {"political_theory",
       "Trình độ lý luận chính trị",
       {{"elementary", "Sơ cấp"}, {"intermediate", "Trung cấp"}, {"advanced", "Cao cấp, cử nhân"}}},
  };
  return list;
}

std::string band_label(const StatisticsRules& rules, std::size_t i) {
  const auto& upper = rules.age_band_upper;
  if (i == upper.size()) return "Trên " + num(upper.back()) + " tuổi";
  const int low = i == 0 ? 18 : upper[i - 1] + 1;
  return "Từ " + num(low) + " đến " + num(upper[i]) + " tuổi";
}

// The lines of an analysis (biểu 3 for all members, biểu 2 for the new ones). Each breakdown
// ends with its members of no recorded value, so that it adds up to the total.
void analysis_lines(StatTable& t, const Analysis& a, const RuleSet& rules, bool with_eras) {
  auto line = [&](std::string id, std::string label, int level, std::int64_t v) {
    t.lines.push_back({std::move(id), std::move(label), level, v, std::nullopt});
  };
  const Catalogs& cat = rules.catalogs;
  line("total", "Tổng số", 0, a.total);
  line("women", "Đảng viên nữ", 2, a.women);
  line("probationary", "Đảng viên dự bị", 2, a.probationary);
  line("minority", "Người dân tộc thiểu số", 2,
       group_count(a, *cat.find("ethnicity"), "ethnicity", "minority"));
  line("religious", "Người có đạo", 2,
       group_count(a, *cat.find("religion"), "religion", "religious"));
  line("youth_union", "Đoàn viên thanh niên", 2, a.youth);
  line("age", "Độ tuổi", 0, a.total);
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    line("age." + num(static_cast<std::int64_t>(i)), band_label(rules.statistics, i), 1,
         a.bands[i]);
  }
  StatLine average{"age.average", "Tuổi bình quân", 1, 0, std::nullopt};
  if (a.total > 0) {
    average.decimal = static_cast<double>(a.age_sum) / static_cast<double>(a.total);
  }
  t.lines.push_back(average);
  if (with_eras) {
    line("era", "Thời kỳ vào Đảng", 0, a.total);
    for (std::size_t i = 0; i < a.eras.size(); ++i) {
      line("era." + num(static_cast<std::int64_t>(i)), rules.statistics.admission_eras[i].label, 1,
           a.eras[i]);
    }
  }
  for (const auto& b : breakdowns()) {
    const Catalog* c = cat.find(b.field);
    if (c == nullptr) continue;
    line(b.field, b.heading, 0, a.total);
    std::int64_t recorded = 0;
    if (b.groups.empty()) {
      for (const auto& item : c->items) {
        const std::int64_t n = value_count(a, b.field, item.code);
        recorded += n;
        line(std::string(b.field) + "." + item.code, item.label, 1, n);
      }
    } else {
      for (const auto& [group, label] : b.groups) {
        const std::int64_t n = group_count(a, *c, b.field, group);
        recorded += n;
        line(std::string(b.field) + "." + group, label, 1, n);
      }
      // Items of groups the form has no line for (an office's own) still count as recorded.
      std::set<std::string> shown;
      for (const auto& g : b.groups) shown.insert(g.first);
      for (const auto& item : c->items) {
        if (shown.count(item.group) == 0) recorded += value_count(a, b.field, item.code);
      }
    }
    // A degree or an academic title is held by few: the rest hold none rather than lack a record.
    const bool few_hold =
        std::string(b.field) == "degree" || std::string(b.field) == "academic_title";
    line(std::string(b.field) + ".unrecorded", few_hold ? "Không có" : "Chưa có thông tin", 1,
         a.total - recorded);
  }
}

StatCheck check(std::string id, std::int64_t expected, std::int64_t got, const std::string& what) {
  StatCheck c{std::move(id), expected == got, ""};
  c.message = c.holds ? what + ": " + shown(got) + " — khớp."
                      : what + ": cần bằng " + shown(expected) + " nhưng là " + shown(got) +
                            " (chênh " + shown(got - expected) + ").";
  return c;
}

// Members whose period changed in the period, grouped by the change: from (org, status) to (org,
// status) on a day; a first period, or one after a gap, changes from nothing.
struct TransitionCount {
  std::optional<OrgId> from_org;
  MemberStatus from_status = MemberStatus::none;
  std::optional<OrgId> to_org;
  MemberStatus to_status = MemberStatus::none;
  Date on;
  std::int64_t count = 0;
};

// Adds up, one member profile at a time, the changes of period that start in the period (every
// member's: whether one crosses the subtree's edge is decided by increase_decrease).
class Transitions {
 public:
  explicit Transitions(const StatisticsInput& in) : from_(in.from), to_(in.to) {}

  void add(const ProfileView& p) {
    const ProfileView::Period* before = nullptr;
    for (const auto& now : p.periods) {  // in order of their start
      if (now.from >= from_ && now.from <= to_) {
        const bool follows = before != nullptr && before->to == now.from;
        ++counts_[{follows ? before->org : std::nullopt,
                   follows ? before->status : MemberStatus::none, now.org, now.status, now.from}];
      }
      before = &now;
    }
  }

  std::vector<TransitionCount> result() const {
    std::vector<TransitionCount> out;
    out.reserve(counts_.size());
    for (const auto& [k, n] : counts_) {
      out.push_back(
          {std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), n});
    }
    return out;
  }

 private:
  Date from_, to_;
  using Key =
      std::tuple<std::optional<OrgId>, MemberStatus, std::optional<OrgId>, MemberStatus, Date>;
  std::map<Key, std::int64_t> counts_;
};

// Members carried across the subtree's edge with their org (an org moved under another
// committee, as in the 2025 reorganization): no event of theirs records it. An org counts when it
// stood both the day before and the day of a change of the tree, inside the subtree on one and
// outside on the other (an org that ends or begins that day does not: its members move by events).
struct OrgMoves {
  std::int64_t in = 0, out = 0;
};

Result<OrgMoves> org_moves(store::Store& store, const StatisticsInput& in) {
  OrgMoves moves;
  const std::vector<OrgVersion> versions = in.history.all_versions();
  std::set<Date> days;
  for (const auto& v : versions) {
    if (v.valid_from >= in.from && v.valid_from <= in.to) days.insert(v.valid_from);
  }
  for (Date d : days) {
    const Date before = d.add_days(-1);
    std::vector<OrgId> came, left;
    std::set<OrgId> seen;
    for (const auto& v : versions) {
      if (!v.valid_at(d) || !seen.insert(v.org).second) continue;
      if (in.history.version_at(v.org, before) == nullptr) continue;
      const bool was = within_on(in.history, v.org, in.root, before);
      const bool is = within_on(in.history, v.org, in.root, d);
      if (is && !was) came.push_back(v.org);
      if (was && !is) left.push_back(v.org);
    }
    auto count = [&](Date on, const std::vector<OrgId>& orgs) -> Result<std::int64_t> {
      if (orgs.empty()) return std::int64_t{0};
      auto stocks = MemberStocks::read(store, on, in.rules, store::OrgFilter(orgs));
      if (!stocks.ok()) return stocks.error();
      std::int64_t n = 0;
      for (OrgId org : orgs) {
        if (const OrgStock* s = stocks->find(org)) n += s->official + s->probationary;
      }
      return n;
    };
    // The members each org brought or took: those in it the day before (a member's own event
    // that day is counted as such).
    auto n_in = count(before, came);
    if (!n_in.ok()) return n_in.error();
    auto n_out = count(before, left);
    if (!n_out.ok()) return n_out.error();
    moves.in += *n_in;
    moves.out += *n_out;
  }
  return moves;
}

// Biểu 1: A, the increases and decreases by kind (from the changes of each member's period
// that cross the subtree's edge), D.
StatTable increase_decrease(const StatisticsInput& in, const std::vector<TransitionCount>& moves,
                            const OrgMoves& with_orgs, std::vector<StatCheck>& checks) {
  std::int64_t admitted = 0, readmitted = 0, moved_in = 0;
  std::int64_t died = 0, expelled = 0, removed = 0, removed_probationary = 0, resigned = 0,
               moved_out = 0;
  for (const auto& m : moves) {
    const bool was_member = m.from_org && is_member(m.from_status);
    const bool is_now = m.to_org && is_member(m.to_status);
    // A day's changes of the tree come before its members' events: the org a member leaves
    // stands where the tree puts it that day (the day before, if it ended that day).
    const bool in_before =
        was_member &&
        within_on(in.history, *m.from_org, in.root,
                  in.history.version_at(*m.from_org, m.on) != nullptr ? m.on : m.on.add_days(-1));
    const bool in_after = is_now && within_on(in.history, *m.to_org, in.root, m.on);
    if (!in_before && in_after) {
      if (is_ended(m.from_status)) {
        readmitted += m.count;
      } else if (!m.from_org || m.from_status == MemberStatus::none ||
                 m.from_status == MemberStatus::candidate) {
        admitted += m.count;
      } else {
        moved_in += m.count;
      }
    } else if (in_before && !in_after) {
      switch (m.to_status) {
        case MemberStatus::deceased: died += m.count; break;
        case MemberStatus::expelled: expelled += m.count; break;
        case MemberStatus::removed:
          removed += m.count;
          if (m.from_status == MemberStatus::probationary) removed_probationary += m.count;
          break;
        case MemberStatus::resigned: resigned += m.count; break;
        default: moved_out += m.count; break;
      }
    }
  }
  moved_in += with_orgs.in;
  moved_out += with_orgs.out;
  const std::int64_t b = admitted + moved_in + readmitted;
  const std::int64_t c = died + expelled + removed + resigned + moved_out;
  StatTable t{"increase_decrease", "Biểu 1. Tăng, giảm đảng viên", {}};
  auto line = [&](const char* id, const char* label, int level, std::int64_t v) {
    t.lines.push_back({id, label, level, v, std::nullopt});
  };
  line("a", "A. Đảng viên đầu kỳ", 0, in.members_at_start);
  line("b", "B. Tăng trong kỳ", 0, b);
  line("b.admitted", "Kết nạp mới", 1, admitted);
  line("b.transferred_in", "Chuyển đến", 1, moved_in);
  line("b.org_moved_in", "Trong đó: theo tổ chức đảng chuyển đến", 2, with_orgs.in);
  line("b.readmitted", "Kết nạp lại", 1, readmitted);
  line("c", "C. Giảm trong kỳ", 0, c);
  line("c.died", "Từ trần", 1, died);
  line("c.expelled", "Khai trừ", 1, expelled);
  line("c.removed", "Xóa tên", 1, removed);
  line("c.removed_probationary", "Trong đó: đảng viên dự bị", 2, removed_probationary);
  line("c.resigned", "Ra khỏi Đảng", 1, resigned);
  line("c.transferred_out", "Chuyển đi", 1, moved_out);
  line("c.org_moved_out", "Trong đó: theo tổ chức đảng chuyển đi", 2, with_orgs.out);
  line("d", "D. Đảng viên cuối kỳ", 0, in.members_at_end);
  checks.push_back(
      check("identity.d", in.members_at_end, in.members_at_start + b - c, "Biểu 1: A + B − C = D"));
  return t;
}

StatTable orgs_by_kind(const StatisticsInput& in) {
  std::map<OrgKind, std::int64_t> n;
  for (OrgId id : in.tree_at_end.subtree(in.root)) {
    if (id == in.root) continue;
    if (const OrgVersion* v = in.history.version_at(id, in.to)) ++n[v->kind];
  }
  StatTable t{"organizations", "Biểu 5. Tổ chức đảng trực thuộc", {}};
  // A cluster (cụm thi đua) is not a Party organization: not counted.
  std::int64_t total = 0;
  for (auto kind : kAllOrgKinds) {
    if (kind != OrgKind::cluster) total += n[kind];
  }
  t.lines.push_back({"total", "Tổng số tổ chức đảng trực thuộc", 0, total, std::nullopt});
  for (auto kind : kAllOrgKinds) {
    if (kind == OrgKind::cluster) continue;
    t.lines.push_back({"kind." + std::string(to_string(kind)), std::string(label_vi(kind)), 1,
                       n[kind], std::nullopt});
  }
  return t;
}

std::vector<std::string> analysed_fields() {
  std::vector<std::string> fields = {"ethnicity", "religion"};
  for (const auto& b : breakdowns()) fields.emplace_back(b.field);
  return fields;
}

// A table's lines with the values of the catalog's items of `field` (the new members by
// ethnicity, by religion), each with its count; the rest "Chưa có thông tin".
StatTable by_item(std::string id, std::string title, const Analysis& a, const Catalog& c,
                  const std::string& field) {
  StatTable t{std::move(id), std::move(title), {}};
  t.lines.push_back({"total", "Tổng số", 0, a.total, std::nullopt});
  std::int64_t recorded = 0;
  for (const auto& item : c.items) {
    const std::int64_t n = value_count(a, field, item.code);
    recorded += n;
    if (n > 0) t.lines.push_back({field + "." + item.code, item.label, 1, n, std::nullopt});
  }
  t.lines.push_back(
      {field + ".unrecorded", "Chưa có thông tin", 1, a.total - recorded, std::nullopt});
  return t;
}

// Each breakdown of an analysis table adds up to its total.
void check_breakdowns(const StatTable& t, const std::string& what, std::vector<StatCheck>& checks) {
  std::int64_t total = 0, sum = 0;
  std::string heading, label;
  auto close = [&] {
    if (heading.empty()) return;
    checks.push_back(check("identity." + t.id + "." + heading, total, sum,
                           what + ", " + label + ": tổng các dòng = tổng số"));
  };
  for (const auto& l : t.lines) {
    if (l.id == "total") total = l.value;
    if (l.level == 0 && l.id != "total") {
      close();
      heading = l.id;
      label = l.label;
      sum = 0;
    } else if (l.level == 1 && !l.decimal) {
      sum += l.value;
    }
  }
  close();
}

}  // namespace

const StatLine* StatTable::find(const std::string& line_id) const {
  for (const auto& l : lines) {
    if (l.id == line_id) return &l;
  }
  return nullptr;
}

const StatTable* MemberStatistics::find(const std::string& table_id) const {
  for (const auto& t : tables) {
    if (t.id == table_id) return &t;
  }
  return nullptr;
}

std::vector<ComparedTable> compare(const MemberStatistics& now, const MemberStatistics* last_year) {
  std::vector<ComparedTable> out;
  auto value_of = [](const StatLine& l) -> std::optional<double> {
    if (l.id == "age.average") return l.decimal;
    return static_cast<double>(l.value);
  };
  for (const auto& t : now.tables) {
    ComparedTable ct{t.id, t.title, {}};
    const StatTable* old = last_year ? last_year->find(t.id) : nullptr;
    // A line only one year has (a religion of last year's new members alone) is shown with a
    // nought for the other, before the table's "no record" line.
    std::vector<StatLine> lines = t.lines;
    if (old != nullptr) {
      for (const auto& o : old->lines) {
        if (t.find(o.id) != nullptr) continue;
        StatLine none = o;
        none.value = 0;
        none.decimal.reset();
        auto at = lines.end();
        if (!lines.empty() && lines.back().id.ends_with(".unrecorded")) --at;
        lines.insert(at, none);
      }
    }
    for (const auto& l : lines) {
      ComparedLine c{l.id,        l.label,      l.level,     l.id == "age.average",
                     value_of(l), std::nullopt, std::nullopt};
      if (old != nullptr) {
        const StatLine* o = old->find(l.id);
        c.last_year = o != nullptr ? value_of(*o) : std::optional<double>(0.0);
      }
      if (!c.decimal && c.value && c.last_year && *c.last_year != 0) {
        c.percent = *c.value / *c.last_year * 100.0;
      }
      ct.lines.push_back(std::move(c));
    }
    out.push_back(std::move(ct));
  }
  return out;
}

bool within_on(const OrgHistory& history, OrgId org, OrgId root, Date on) {
  OrgId cur = org;
  for (int depth = 0; depth < 64; ++depth) {
    if (cur == root) return true;
    const OrgVersion* v = history.version_at(cur, on);
    if (v == nullptr || !v->parent) return false;
    cur = *v->parent;
  }
  return false;
}

namespace {

// One period's tables from its two analyses (the members on its end, the members it admitted).
Result<MemberStatistics> statistics_of(store::Store& store, const StatisticsInput& in,
                                       const Analysis& members, const Analysis& joined,
                                       const std::vector<TransitionCount>& moves) {
  MemberStatistics out;
  out.from = in.from;
  out.to = in.to;
  auto with_orgs = org_moves(store, in);
  if (!with_orgs.ok()) return with_orgs.error();
  out.tables.push_back(increase_decrease(in, moves, *with_orgs, out.checks));

  StatTable all_members{"all_members", "Biểu 3. Phân tích đội ngũ đảng viên", {}};
  analysis_lines(all_members, members, in.rules, true);
  out.checks.push_back(check("identity.all_members.total", in.members_at_end, members.total,
                             "Biểu 3: tổng số = D của biểu 1"));
  check_breakdowns(all_members, "Biểu 3", out.checks);

  StatTable new_members{"new_members", "Biểu 2. Phân tích đảng viên mới kết nạp", {}};
  analysis_lines(new_members, joined, in.rules, false);
  const StatLine* b_admitted = out.tables.front().find("b.admitted");
  const StatLine* b_readmitted = out.tables.front().find("b.readmitted");
  out.checks.push_back(check("identity.new_members.total", b_admitted->value + b_readmitted->value,
                             joined.total,
                             "Biểu 2: tổng số = kết nạp mới và kết nạp lại của biểu 1"));
  check_breakdowns(new_members, "Biểu 2", out.checks);

  out.tables.push_back(std::move(new_members));
  out.tables.push_back(std::move(all_members));
  out.tables.push_back(by_item("new_by_ethnicity", "Biểu 4a. Đảng viên mới kết nạp theo dân tộc",
                               joined, *in.rules.catalogs.find("ethnicity"), "ethnicity"));
  out.tables.push_back(by_item("new_by_religion", "Biểu 4b. Đảng viên mới kết nạp theo tôn giáo",
                               joined, *in.rules.catalogs.find("religion"), "religion"));
  out.tables.push_back(orgs_by_kind(in));
  auto badges = badges_table(store, in);
  if (!badges.ok()) return badges.error();
  out.tables.push_back(std::move(*badges));
  return out;
}

// The orgs whose members count for any of `inputs` (none: every org's): those counting for the
// subtree on a period's end, and those inside it on the day before the period or on a day the tree
// changed in it (a member who left such an org while it was inside is one of the decreases).
store::OrgFilter orgs_of(const std::vector<StatisticsInput>& inputs) {
  std::set<OrgId> orgs;
  for (const auto& in : inputs) {
    const store::OrgFilter some = orgs_counting_for(in.history, in.tree_at_end, in.root, in.to);
    if (!some) return std::nullopt;
    orgs.insert(some->begin(), some->end());
    const std::vector<OrgVersion> versions = in.history.all_versions();
    std::set<Date> days{in.from.add_days(-1)};
    for (const auto& v : versions) {
      if (v.valid_from >= in.from && v.valid_from <= in.to) days.insert(v.valid_from);
    }
    for (const auto& v : versions) {
      if (orgs.count(v.org) > 0) continue;
      for (Date d : days) {
        if (v.valid_at(d) && within_on(in.history, v.org, in.root, d)) {
          orgs.insert(v.org);
          break;
        }
      }
    }
    const std::size_t limit = std::min(
        kMaxNamedOrgs, std::max(kAlwaysNamedOrgs, in.history.org_count() / kNamedShareDivisor));
    if (orgs.size() > limit) return std::nullopt;
  }
  return std::vector<OrgId>(orgs.begin(), orgs.end());
}

}  // namespace

Result<std::vector<MemberStatistics>> member_statistics(
    store::Store& store, const std::vector<StatisticsInput>& inputs) {
  const std::vector<std::string> fields = analysed_fields();
  // Every analysis and every change of period of every period from one scan of the member
  // profiles: the members of the subtree's orgs, and everyone admitted in a period (whether an
  // admission counts is its org's place on the day).
  std::vector<Analyser> members, joined;
  std::vector<Transitions> moves;
  members.reserve(inputs.size());
  joined.reserve(inputs.size());
  moves.reserve(inputs.size());
  Date first = Date::max(), last;
  for (const auto& in : inputs) {
    members.emplace_back(in, false, fields);
    joined.emplace_back(in, true, fields);
    moves.emplace_back(in);
    first = std::min(first, in.from);
    last = std::max(last, in.to);
  }
  if (inputs.empty()) return std::vector<MemberStatistics>{};
  store::StatisticsStore stats(store);
  auto read = stats.each_profile(orgs_of(inputs), first, last, [&](const ProfileView& p) {
    for (auto& a : members) a.add(p);
    for (auto& a : joined) a.add(p);
    for (auto& m : moves) m.add(p);
  });
  if (!read.ok()) return read.error();
  std::vector<MemberStatistics> out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto one =
        statistics_of(store, inputs[i], members[i].result(), joined[i].result(), moves[i].result());
    if (!one.ok()) return one.error();
    out.push_back(std::move(*one));
  }
  return out;
}

}  // namespace dangvu::figures
