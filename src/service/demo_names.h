#pragma once
// Vocabulary for demo data: Vietnamese person names and agency names, as they really occur.
#include <string_view>
#include <vector>

namespace dangvu::service::demo {

struct Weighted {
  std::string_view text;
  int weight;
};

const std::vector<Weighted>& family_names();
const std::vector<std::string_view>& male_middle_names();
const std::vector<std::string_view>& female_middle_names();
const std::vector<std::string_view>& male_given_names();
const std::vector<std::string_view>& female_given_names();

struct Agency {
  std::string_view name;  // without "Đảng bộ"/"Chi bộ"
  bool party_bloc;        // after 7/2025 under the committee of Party agencies (else government)
};
const std::vector<Agency>& agencies();
const std::vector<std::string_view>& departments();
const std::vector<std::string_view>& province_names();

}  // namespace dangvu::service::demo
