// The spread rows of a portfolio summary: one metric slot's or one IT−marketing gap's distribution as a
// reader sees it (percentiles, benchmark, the highlighted client), and the axes the charts draw them on.
#pragma once

#include <cstdint>
#include <vector>

#include "cli/portfolio_model.hpp"
#include "engine/portfolio.hpp"

namespace rapport::cli {

SpreadRow slot_spread(const engine::Portfolio& portfolio, std::uint32_t slot);
SpreadRow gap_spread(const engine::Portfolio& portfolio, const engine::GapTally& gap);

// One axis for all the share-gap rows, so they compare at a glance: symmetric about zero and zoomed to
// ±10, 25, 50 or 100 points, the least that holds every row's 10th and 90th percentiles and highlighted
// client. Rows of share gaps get it as their axis.
SpreadAxis share_gap_axis(std::vector<SpreadRow>& gaps);

}  // namespace rapport::cli
