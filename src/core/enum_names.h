#pragma once
// One table per enum: the stable English name (storage, API) and the Vietnamese label (pages,
// documents), with the three lookups every such enum needs.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>

namespace dangvu {

template <typename E, std::size_t N>
using EnumNames = std::array<std::tuple<E, std::string_view, std::string_view>, N>;

template <typename E, std::size_t N>
std::string_view name_of(const EnumNames<E, N>& names, E v) {
  for (const auto& [e, name, label] : names) {
    if (e == v) return name;
  }
  return {};
}

template <typename E, std::size_t N>
std::string_view label_of(const EnumNames<E, N>& names, E v) {
  for (const auto& [e, name, label] : names) {
    if (e == v) return label;
  }
  return {};
}

template <typename E, std::size_t N>
std::optional<E> parse_of(const EnumNames<E, N>& names, std::string_view text) {
  for (const auto& [e, name, label] : names) {
    if (name == text) return e;
  }
  return std::nullopt;
}

}  // namespace dangvu
