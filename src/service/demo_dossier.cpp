#include "service/demo_dossier.h"

#include <string>

#include "service/demo_rng.h"

namespace dangvu::service::demo {
namespace {

struct Weighted {
  const char* code;
  double weight;
};

const char* pick(Rng& rng, std::initializer_list<Weighted> choices) {
  double total = 0;
  for (const auto& c : choices) total += c.weight;
  double x = static_cast<double>(rng.next() >> 11) * 0x1.0p-53 * total;
  for (const auto& c : choices) {
    if (x < c.weight) return c.code;
    x -= c.weight;
  }
  return choices.begin()->code;
}

Date clamp(Date d, Date lo, Date hi) { return d < lo ? lo : (d > hi ? hi : d); }

}  // namespace

std::optional<Colleague> official_in(const std::string& code,
                                     const std::vector<MemberEvent>& events, OrgId branch) {
  std::optional<Colleague> c;
  OrgId at = 0;
  for (const auto& e : events) {
    if (c && c->to == Date::max() &&
        (e.kind == MemberEventKind::removal || e.kind == MemberEventKind::expulsion ||
         e.kind == MemberEventKind::resignation || e.kind == MemberEventKind::death ||
         (e.kind == MemberEventKind::transfer && e.mode == TransferMode::permanent))) {
      c->to = e.date;
    }
    if (e.org && (e.kind == MemberEventKind::admission || e.kind == MemberEventKind::readmission ||
                  (e.kind == MemberEventKind::transfer && e.mode == TransferMode::permanent))) {
      at = *e.org;
    }
    if (e.kind == MemberEventKind::recognition && at == branch && !c) {
      c = Colleague{code, e.date, Date::max()};
    }
  }
  return c;
}

std::vector<DossierRecord> dossier_of(const Person& p, const std::vector<MemberEvent>& events,
                                      int province, std::int64_t serial, Date last,
                                      const std::vector<Colleague>& colleagues) {
  Rng rng(0x5EED0000ULL ^ (static_cast<std::uint64_t>(province) << 40) ^
          static_cast<std::uint64_t>(serial) * 0x9E3779B97F4A7C15ULL);
  std::vector<DossierRecord> out;
  const Date birth = p.birth_date;
  auto add = [&](const char* field, std::string value, Date from, std::string note = {}) {
    if (from > last) return;
    DossierRecord r;
    r.field = field;
    r.value = std::move(value);
    r.from = clamp(from, birth, last);
    r.note = std::move(note);
    out.push_back(std::move(r));
  };
  std::optional<Date> admitted;
  for (const auto& e : events) {
    if (e.kind == MemberEventKind::admission && !admitted) admitted = e.date;
  }
  const int born = birth.year();

  add("ethnicity",
      pick(rng, {{"01", 85},
                 {"02", 4},
                 {"03", 3},
                 {"06", 2.5},
                 {"05", 2},
                 {"07", 1.5},
                 {"08", 1},
                 {"09", 0.5},
                 {"10", 0.3},
                 {"17", 0.2}}),
      birth);
  add("religion",
      pick(rng, {{"none", 88},
                 {"buddhism", 6},
                 {"catholicism", 4},
                 {"protestantism", 1},
                 {"cao_dai", 0.5},
                 {"hoa_hao", 0.5}}),
      birth);
  // Three in five have their citizen ID recorded: the province's code, the century and gender
  // digit, the birth year's last two digits, then the person's number in the province.
  if (rng.chance(0.6)) {
    const int century_gender = (born >= 2000 ? 2 : 0) + (p.gender == Gender::female ? 1 : 0);
    std::string id = std::to_string(1000 + province).substr(1) + std::to_string(century_gender) +
                     std::to_string(100 + born % 100).substr(1) +
                     std::to_string(1000000 + serial % 1000000).substr(1);
    add("citizen_id", id, birth.add_years(14));
  }
  const bool old = born < 1965;
  add("general_education",
      old ? pick(rng, {{"10/10", 60}, {"7/10", 25}, {"12/12", 15}})
          : pick(rng, {{"12/12", 92}, {"9/12", 8}}),
      birth.add_years(old ? 17 : 18).add_months(5));
  const bool graduate = rng.chance(0.72);
  if (graduate) {
    add("professional_qualification",
        pick(rng, {{"university", 80}, {"college", 12}, {"intermediate", 8}}),
        birth.add_years(22).add_months(rng.between(0, 30)));
    if (rng.chance(0.09)) {
      add("degree", rng.chance(0.12) ? "doctor" : "master", birth.add_years(rng.between(27, 40)));
    }
  } else if (rng.chance(0.5)) {
    add("professional_qualification", "elementary", birth.add_years(20));
  }
  const Date working = birth.add_years(22);
  add("occupation",
      pick(rng, {{"civil_servant", 34},
                 {"public_employee", 26},
                 {"worker", 8},
                 {"farmer", 10},
                 {"army", 3},
                 {"police", 3},
                 {"enterprise_employee", 9},
                 {"private_owner", 2},
                 {"self_employed", 5}}),
      working);
  if (old && last.year() - born >= 60) add("occupation", "retired", birth.add_years(60));
  if (rng.chance(0.85)) {
    const Date joined = birth.add_years(16).add_days(rng.between(0, 3 * 365));
    add("youth_union_joined", joined.iso(), joined);
  }
  if (admitted) {
    // Political theory comes with years in the Party; some finish a course in the demo's year.
    const int years = whole_years_between(*admitted, last);
    const char* level =
        years >= 15
            ? pick(rng,
                   {{"intermediate", 55}, {"advanced", 12}, {"bachelor", 3}, {"elementary", 30}})
        : years >= 3 ? pick(rng, {{"elementary", 70}, {"intermediate", 30}})
                     : pick(rng, {{"elementary", 40}, {"", 60}});
    if (*level) {
      const Date from = admitted->add_months(rng.between(6, 36));
      add("political_theory", level, from, "Giấy chứng nhận tốt nghiệp");
      if (std::string(level) == "elementary" && years >= 3 && rng.chance(0.08)) {
        add("political_theory", "intermediate", Date::from_ymd(last.year(), 6, 30).value(),
            "Bằng tốt nghiệp trung cấp lý luận chính trị");
      }
    }
  }
  // The admission file of a person registered as a candidate: the course, the background check,
  // the Youth Union's introduction of the young, and the sponsors of the branch. One in eight
  // candidates still waits for something, so the candidate's page has gaps to show.
  std::optional<Date> registered;
  for (const auto& e : events) {
    if (e.kind == MemberEventKind::candidate_registration) registered = e.date;
  }
  if (registered) {
    const Date vote = admitted ? admitted->add_days(-rng.between(10, 25)) : last;
    const bool waits = !admitted && rng.chance(0.125);
    Date course = registered->add_months(rng.between(1, 3));
    if (course > vote.add_days(-20)) course = vote.add_days(-20);
    add("party_course", std::to_string(rng.between(10, 990)) + "/GCN-TTCT", course,
        "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng");
    const Date checked =
        admitted ? vote.add_days(-rng.between(15, 60)) : registered->add_months(rng.between(4, 9));
    if (!waits || rng.chance(0.5)) {
      add("background_check", "yes", checked, "Kết luận thẩm tra lý lịch");
    }
    const bool young = whole_years_between(birth, vote) <= 30 && rng.chance(0.7);
    if (young) add("youth_union_introduction", "yes", checked, "Nghị quyết giới thiệu của Đoàn");
    std::size_t wanted = young ? 1 : 2;
    if (waits && wanted > 0) --wanted;
    for (const auto& c : colleagues) {
      if (wanted == 0) break;
      if (c.from <= vote && vote < c.to) {
        add("sponsor", c.code, vote.add_months(-rng.between(13, 48)));
        --wanted;
      }
    }
  }
  return out;
}

}  // namespace dangvu::service::demo
