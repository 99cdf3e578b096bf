#pragma once
// Result<T>: a value or an Error, the shape of std::expected. We do not use std::expected itself
// because Debian's clang-tidy 14 cannot parse libstdc++ 12's <expected>; swapping later is
// mechanical. Expected failures (bad input, refused rules) are Results; exceptions are only for
// programmer errors and are never reachable from user input.
#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.h"

namespace dangvu {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> state_;
};

// A Result with no value: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace dangvu

// Returns the error of a failed Result/Status expression from the enclosing function.
#define DANGVU_CONCAT_INNER(a, b) a##b
#define DANGVU_CONCAT(a, b) DANGVU_CONCAT_INNER(a, b)
#define DANGVU_TRY(expr) DANGVU_TRY_IMPL(DANGVU_CONCAT(dangvu_try_, __COUNTER__), expr)
#define DANGVU_TRY_IMPL(name, expr)      \
  do {                                   \
    auto name = (expr);                  \
    if (!name.ok()) return name.error(); \
  } while (false)
