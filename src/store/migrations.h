#pragma once
// The schema as numbered migrations. Each is applied once, in order, inside one transaction, and
// recorded in schema_version. Never edit a released migration; add the next one.
#include <string>
#include <vector>

namespace dangvu::store {

struct Migration {
  int version;
  std::vector<std::string> statements;
};

const std::vector<Migration>& migrations();

}  // namespace dangvu::store
