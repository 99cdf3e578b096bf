#pragma once
// The lists of categories a member's dossier takes (the 54 ethnic groups, the recognized
// religions, occupations, education and qualification levels, degrees, academic titles, political
// theory, forms of discipline), as data: part of the rule set, which an office corrects with its
// JSON file (`catalogs`) without a code change. Each item has a stable code (stored), a Vietnamese
// label (shown) and a group the statistics count it under (an ethnic minority, a religion,
// "upper secondary" for 12/12). docs/rules.md says where each list comes from and which are
// marked defaults.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace dangvu {

struct CatalogItem {
  std::string code;   // "tay", "12/12"
  std::string label;  // "Tày", "12/12"
  std::string
      group;  // what the statistics count it as: "minority", "upper_secondary"; may be empty
};

struct Catalog {
  std::string label;  // "Dân tộc"
  std::vector<CatalogItem> items;
  const CatalogItem* find(std::string_view code) const;
};

struct Catalogs {
  std::map<std::string, Catalog> lists;  // by name: "ethnicity", "religion", …
  const Catalog* find(std::string_view name) const;
  // The label of `code` in list `name`, or the code itself when it is not there.
  std::string label_of(std::string_view name, std::string_view code) const;

  static Catalogs defaults();
  // Replaces the lists named in a JSON object `{"religion": [{"code", "label", "group"}…]}`; a
  // list not named keeps its default. Refused naming the key on anything malformed (an empty
  // code or label, a code twice, an unknown list name).
  Status merge_json(std::string_view json_text);
  std::string to_json() const;
};

}  // namespace dangvu
