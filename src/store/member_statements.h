#pragma once
// Private to store/: the member statements a use case runs for every member it touches, prepared
// once per connection and bound to the fields below (set the inputs, execute, read the outputs).
// SOCI's one-shot `sql << …` parses the SQL each time: that parsing was half of an import's time
// (bench/import_members.sh).
#include <soci/soci.h>

#include <string>

namespace dangvu::store {

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

  // member_events / append_member_event / replace_member_derived: the member.
  long long member = 0;
  long long event_id = 0;
  std::string kind, date, payload, recorded_at, recorded_by;
  long long org = 0, temp_org = 0;
  soci::indicator org_ind = soci::i_null, temp_ind = soci::i_null;
  soci::statement events;
  soci::statement append_event;

  // The id an INSERT … RETURNING id gave back.
  long long last_id = 0;

  // insert_member / insert_new_member and its search keys; the current state (status, org,
  // card) is written with the member.
  std::string code, family, middle, given, gender, search_name, sort_key, status;
  std::string card;
  soci::indicator card_ind = soci::i_null;
  std::string search_key;
  soci::statement insert;
  soci::statement insert_search;

  // replace_member_derived.
  std::string valid_from, valid_to, probation;
  soci::indicator probation_ind = soci::i_null;
  soci::statement delete_periods;
  soci::statement delete_milestones;
  soci::statement insert_period;
  soci::statement insert_milestone;
  soci::statement update_current;
};

}  // namespace dangvu::store
