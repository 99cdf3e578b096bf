#pragma once
// Private to store/: the member statements a use case runs for every member it touches, prepared
// once per connection and bound to the fields below (set the inputs, execute, read the outputs).
// SOCI's one-shot `sql << …` parses the SQL each time: that parsing was half of an import's time
// (bench/import_members.sh).
#include <soci/soci.h>

#include <string>

#include "store/rows_insert.h"

namespace dangvu::store {

// The rows a member's fold derives, and its search keys, as RowsInsert binds them.
// A search key of a member, with one org the member was ever in (0: none yet): a scoped search
// keeps the keys whose org is in its scope from the index alone (schema v12).
struct SearchKeyRow {
  std::string key;
  long long member = 0;
  long long org = 0;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:k" + n + ", :m" + n + ", :o" + n + ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(key));
    st.exchange(soci::use(member));
    st.exchange(soci::use(org));
  }
};

struct EventRow {
  long long member = 0;
  std::string kind, date, payload, recorded_at, recorded_by;
  long long org = 0;
  soci::indicator org_ind = soci::i_null;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", :k" + n + ", :d" + n + ", :o" + n + ", :p" + n + ", :a" + n + ", :b" + n +
           ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(kind));
    st.exchange(soci::use(date));
    st.exchange(soci::use(org, org_ind));
    st.exchange(soci::use(payload));
    st.exchange(soci::use(recorded_at));
    st.exchange(soci::use(recorded_by));
  }
};

struct PeriodRow {
  long long member = 0;
  std::string valid_from, valid_to, status, probation;
  long long org = 0, temp_org = 0;
  soci::indicator org_ind = soci::i_null, temp_ind = soci::i_null, probation_ind = soci::i_null;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", :f" + n + ", :t" + n + ", :s" + n + ", :o" + n + ", :x" + n + ", :p" + n +
           ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(valid_from));
    st.exchange(soci::use(valid_to));
    st.exchange(soci::use(status));
    st.exchange(soci::use(org, org_ind));
    st.exchange(soci::use(temp_org, temp_ind));
    st.exchange(soci::use(probation, probation_ind));
  }
};

struct MilestoneRow {
  long long member = 0;
  std::string kind, date;
  long long org = 0;
  soci::indicator org_ind = soci::i_null;
  static std::string placeholders(std::size_t i) {
    const std::string n = std::to_string(i);
    return "(:m" + n + ", :k" + n + ", :d" + n + ", :o" + n + ")";
  }
  void bind(soci::statement& st) {
    st.exchange(soci::use(member));
    st.exchange(soci::use(kind));
    st.exchange(soci::use(date));
    st.exchange(soci::use(org, org_ind));
  }
};

// The columns of a member as the finders return them.
struct MemberColumns {
  long long id = 0;
  std::string code, family, middle, given, gender, birth, card;
  soci::indicator card_ind = soci::i_null;
};

struct MemberStatements {
  explicit MemberStatements(soci::session& sql);

  // find_member: by code or card number (the code wins).
  std::string key;
  MemberColumns found;
  soci::statement find;

  // find_members_by_name: the folded full name and the birth date.
  std::string name, birth;
  soci::statement find_by_name;

  // The id an INSERT … RETURNING id gave back.
  long long last_id = 0;

  // member_events / replace_member_derived: the member; what member_events reads.
  long long member = 0;
  long long event_id = 0;
  std::string kind, date, payload, recorded_at;
  long long org = 0;
  soci::indicator org_ind = soci::i_null;
  soci::statement events;
  EventRow appended;  // append_member_event's values
  soci::statement append_event;

  // insert_member / insert_new_member and its search keys; the current state (status, org,
  // card) is written with the member.
  std::string code, family, middle, given, gender, search_name, sort_key, status;
  std::string card;
  soci::indicator card_ind = soci::i_null;
  soci::statement insert;
  RowsInsert<SearchKeyRow> insert_search_keys;
  // replace_member_derived: the keys of a member who came into an org it had not been in.
  RowsInsert<SearchKeyRow> add_search_keys;
  std::string folded_name;
  soci::statement find_search_name;
  RowsInsert<EventRow> insert_events;  // a new member's (append_event gives the id back)

  // replace_member_derived: the rows deleted come back (RETURNING) for the figure change log.
  std::string ended_from, ended_to, ended_status, ended_probation;
  long long ended_org = 0;
  soci::indicator ended_org_ind = soci::i_null, ended_probation_ind = soci::i_null;
  soci::statement delete_periods;
  soci::statement delete_milestones;
  RowsInsert<PeriodRow> insert_periods;
  RowsInsert<MilestoneRow> insert_milestones;
  soci::statement update_current;
};

}  // namespace dangvu::store
