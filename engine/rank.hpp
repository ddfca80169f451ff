// The ranking of recommendations, the order in which a report presents them.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/assessment.hpp"

namespace rapport::engine {

// The fired recommendations: priority high to low, unknown priority last, ties by declaration order.
std::vector<std::uint32_t> rank(const std::vector<RecommendationOutcome>& outcomes);

}  // namespace rapport::engine
