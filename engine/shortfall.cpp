// shortfall_of(): follows an item's unknown findings down to the inputs they lack.
#include "engine/shortfall.hpp"

#include <algorithm>

namespace rapport::engine {

namespace {

void append(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

Shortfall shortfall_of(const Assessment& assessment, const Grounds& grounds) {
  Shortfall out;
  std::vector<bool> seen(assessment.findings.size(), false);
  std::vector<const Grounds*> pending{&grounds};
  while (!pending.empty()) {
    const Grounds* g = pending.back();
    pending.pop_back();
    append(out.missing, g->missing_slots);
    append(out.thin, g->thin_slots);
    append(out.unsampled, g->unsampled_slots);
    for (const std::uint32_t f : g->unknown_findings) {
      if (f >= seen.size() || seen[f]) continue;
      seen[f] = true;
      pending.push_back(&assessment.findings[f]);
    }
  }
  for (auto* list : {&out.missing, &out.thin, &out.unsampled}) sort_unique(*list);
  return out;
}

}  // namespace rapport::engine
