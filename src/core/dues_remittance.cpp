#include "core/dues_remittance.h"

#include <algorithm>

namespace dangvu {

std::vector<DuesRemittance> standing_remittances(const std::vector<DuesRemittance>& all) {
  std::vector<DuesRemittanceId> cancelled;
  for (const auto& r : all) {
    if (r.cancels) cancelled.push_back(*r.cancels);
  }
  std::vector<DuesRemittance> out;
  for (const auto& r : all) {
    if (r.cancels || std::find(cancelled.begin(), cancelled.end(), r.id) != cancelled.end()) {
      continue;
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace dangvu
