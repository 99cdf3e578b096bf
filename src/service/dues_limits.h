#pragma once
// The bounds of what a dues record or payment may hold, shared by the use cases that take them
// (dues_actions.cpp, dues_import.cpp, dues_remittances.cpp): past them an amount is a typing slip,
// not a payment.
#include "core/dues.h"

namespace dangvu::service {

constexpr Money kMaxDuesPayment = 100'000'000;  // đồng, for one month
constexpr Money kMaxDuesBase = 10'000'000'000;  // đồng: no salary or pension is near it
// đồng sent up at once: a province's quarter of dues is some tens of billions
constexpr Money kMaxDuesRemittance = 1'000'000'000'000;

}  // namespace dangvu::service
