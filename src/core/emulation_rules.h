#pragma once
// The emulation titles organizations register for at the start of a year and the committee above
// recognizes at its end (`emulation` in the rule set's JSON file): "Chi bộ bốn tốt", "Đảng bộ cơ
// sở bốn tốt", the «Dân vận khéo» model (seeds 001, 003, 004). Each title says which kinds of org
// may register for it and its criteria, as the committee's plan for the movement writes them.
// The defaults are marked in docs/rules.md: provinces word the criteria of "bốn tốt" differently.
#include <string>
#include <string_view>
#include <vector>

#include "core/org.h"
#include "core/result.h"

namespace dangvu {

struct EmulationTitle {
  std::string code;   // "chi_bo_bon_tot": stored with each registration, the API's name
  std::string label;  // "Chi bộ bốn tốt"
  std::vector<OrgKind> org_kinds;  // who may register for it
  std::string criteria;            // what the committee recognizes it for
  std::string source;              // the plan or regulation it comes from
};

struct EmulationRules {
  std::vector<EmulationTitle> titles = defaults();

  const EmulationTitle* find(std::string_view code) const;
  static std::vector<EmulationTitle> defaults();
  // Reads `{"titles": [{"code": …, "label": …, "org_kinds": […], "criteria": …, "source": …}]}`
  // in place of the titles, refusing a malformed one by its key.
  Status merge_json(std::string_view json_text);
  std::string to_json() const;
};

}  // namespace dangvu
