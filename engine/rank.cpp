// Ranking fired recommendations by priority, deterministically.
#include "engine/rank.hpp"

#include <algorithm>

namespace rapport::engine {

std::vector<std::uint32_t> rank(const std::vector<RecommendationOutcome>& outcomes) {
  std::vector<std::uint32_t> ranking;
  for (std::uint32_t r = 0; r < outcomes.size(); ++r)
    if (outcomes[r].verdict == Verdict::Fired) ranking.push_back(r);
  // A stable sort over declaration order keeps ties in that order.
  std::stable_sort(ranking.begin(), ranking.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double pa = outcomes[a].priority;
    const double pb = outcomes[b].priority;
    if (is_unknown(pa) || is_unknown(pb)) return !is_unknown(pa) && is_unknown(pb);
    return pa > pb;
  });
  return ranking;
}

}  // namespace rapport::engine
