// member_profile: each member as the statistics read them (core/member_profile.h), derived again
// before COMMIT for every member whose periods, milestones or dossier the transaction changed.
#include <algorithm>
#include <span>
#include <unordered_map>

#include "core/member_profile.h"
#include "store/rows_insert.h"
#include "store/store_impl.h"

namespace dangvu::store {
namespace {

struct ProfileRow {
  long long member = 0;
  std::string profile;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", :p" + n + ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(profile));
  }
};

// Members read and written at a time: an IN list short enough for every engine's planner.
constexpr std::size_t kBatch = 500;

// The dossier fields the profiles keep, as an SQL list (our own field codes).
const std::string& read_fields() {
  static const std::string list = [] {
    std::string out = "(";
    for (const auto& f : dossier_fields()) {
      if (!read_by_statistics(f)) continue;
      out += (out.size() > 1 ? ", '" : "'") + std::string(f.code) + "'";
    }
    return out + ")";
  }();
  return list;
}

Date date_of(const std::string& iso) { return Date::parse(iso).value(); }

// The profiles of `ids` derived from their rows now, in id order (a member not there: none).
std::vector<std::pair<long long, std::string>> derive_batch(Store::Impl& impl,
                                                            std::span<const long long> ids) {
  auto& sql = impl.sql;
  const std::string in = id_list(ids);
  std::unordered_map<long long, ProfileSource> sources;
  long long member = 0, org = 0;
  std::string a, b, c, d;
  soci::indicator org_ind = soci::i_null;
  {
    soci::statement st =
        (sql.prepare << "SELECT id, gender, birth_date FROM member WHERE id IN " + in,
         soci::into(member), soci::into(a), soci::into(b));
    st.execute();
    while (st.fetch()) {
      auto& s = sources[member];
      s.gender = parse_gender(a).value_or(Gender::unknown);
      s.birth = date_of(b);
    }
  }
  {
    soci::statement st =
        (sql.prepare << "SELECT member_id, valid_from, valid_to, status, org_id FROM member_period "
                        "WHERE member_id IN " +
                            in + " ORDER BY member_id, valid_from",
         soci::into(member), soci::into(a), soci::into(b), soci::into(c), soci::into(org, org_ind));
    st.execute();
    while (st.fetch()) {
      MemberPeriod p;
      p.from = date_of(a);
      p.to = date_of(b);
      p.status = parse_member_status(c).value_or(MemberStatus::none);
      if (org_ind == soci::i_ok) p.org = org;
      sources[member].periods.push_back(p);
    }
  }
  {
    soci::statement st =
        (sql.prepare << "SELECT member_id, kind, on_date, org_id FROM member_milestone WHERE "
                        "member_id IN " +
                            in +
                            " AND kind IN ('admission', 'readmission') ORDER BY member_id, on_date",
         soci::into(member), soci::into(a), soci::into(b), soci::into(org, org_ind));
    st.execute();
    while (st.fetch()) {
      MemberMilestone m;
      m.kind = parse_member_event_kind(a).value_or(MemberEventKind::admission);
      m.date = date_of(b);
      if (org_ind == soci::i_ok) m.org = org;
      sources[member].milestones.push_back(m);
    }
  }
  {
    soci::statement st =
        (sql.prepare << "SELECT member_id, field, value, valid_from, valid_to FROM dossier_span "
                        "WHERE member_id IN " +
                            in + " AND field IN " + read_fields() +
                            " ORDER BY member_id, field, valid_from",
         soci::into(member), soci::into(a), soci::into(b), soci::into(c), soci::into(d));
    st.execute();
    while (st.fetch()) {
      sources[member].spans.push_back({a, b, date_of(c), date_of(d)});
    }
  }
  std::vector<std::pair<long long, std::string>> out;
  for (long long id : ids) {
    auto it = sources.find(id);
    if (it != sources.end()) out.emplace_back(id, encode_profile(it->second));
  }
  return out;
}

std::vector<long long> all_members(Store::Impl& impl) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st = (impl.sql.prepare << "SELECT id FROM member ORDER BY id", soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

void write_profiles(Store::Impl& impl, std::vector<long long> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  RowsInsert<ProfileRow> upsert(
      impl.sql, "INSERT INTO member_profile (member_id, profile) VALUES ",
      " ON CONFLICT (member_id) DO UPDATE SET profile = excluded.profile");
  for (std::size_t at = 0; at < ids.size(); at += kBatch) {
    const auto rows = derive_batch(
        impl, std::span<const long long>(ids).subspan(at, std::min(kBatch, ids.size() - at)));
    upsert.insert_all(rows, [&](ProfileRow& row, const auto& r) {
      row.member = r.first;
      row.profile = r.second;
    });
  }
}

}  // namespace

void write_member_profiles(Store::Impl& impl) {
  if (impl.profiles_stale.empty()) return;
  write_profiles(impl, {impl.profiles_stale.begin(), impl.profiles_stale.end()});
  impl.profiles_stale.clear();
}

void profile_stale(Store::Impl& impl, long long member) {
  impl.profiles_stale.insert(member);
  if (!impl.in_transaction) write_member_profiles(impl);
}

void write_all_member_profiles(Store::Impl& impl) { write_profiles(impl, all_members(impl)); }

std::vector<MemberId> member_profiles_out_of_date(Store::Impl& impl) {
  const std::vector<long long> ids = all_members(impl);
  std::vector<MemberId> out;
  for (std::size_t at = 0; at < ids.size(); at += kBatch) {
    const auto batch =
        std::span<const long long>(ids).subspan(at, std::min(kBatch, ids.size() - at));
    std::unordered_map<long long, std::string> stored;
    long long member = 0;
    std::string text;
    soci::statement st = (impl.sql.prepare << "SELECT member_id, profile FROM member_profile WHERE "
                                              "member_id IN " +
                                                  id_list(batch),
                          soci::into(member), soci::into(text));
    st.execute();
    while (st.fetch()) stored[member] = text;
    for (const auto& [id, derived] : derive_batch(impl, batch)) {
      auto it = stored.find(id);
      if (it == stored.end() || it->second != derived) out.push_back(id);
    }
  }
  return out;
}

}  // namespace dangvu::store
