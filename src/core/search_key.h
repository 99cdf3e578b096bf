#pragma once
// The keys a person is found by in a name search: a folded full name ("dam van chinh") and each
// of its word suffixes ("van chinh", "chinh"), each once. text::name_search_keys folds the name
// (ICU) and takes these; the store takes them again from a stored folded name.
#include <string>
#include <string_view>
#include <vector>

namespace dangvu {

std::vector<std::string> word_suffix_keys(std::string_view folded);

}  // namespace dangvu
