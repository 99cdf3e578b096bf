#include "core/search_key.h"

#include <algorithm>

namespace dangvu {

std::vector<std::string> word_suffix_keys(std::string_view folded) {
  std::vector<std::string> keys;
  if (folded.empty()) return keys;
  keys.emplace_back(folded);
  for (std::size_t pos = folded.find(' '); pos != std::string_view::npos;
       pos = folded.find(' ', pos + 1)) {
    std::string suffix(folded.substr(pos + 1));
    if (std::find(keys.begin(), keys.end(), suffix) == keys.end()) keys.push_back(suffix);
  }
  return keys;
}

}  // namespace dangvu
