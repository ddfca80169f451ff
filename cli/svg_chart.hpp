// The perception-gap chart: an inline SVG dumbbell chart, IT against marketing, one row per metric.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/report_model.hpp"

namespace rapport::cli {

// IT is a filled circle and marketing a hollow square, so the chart reads in greyscale too; each
// published benchmark is a diamond in its group's style.
// Where the profile gives sample sizes, whiskers show each value's confidence interval and the gap column
// adds the test's p-value, starred when significant. Shares share a 0–100% axis; other metrics are
// drawn on their own range, labelled under the row. Every mark has a <title>. `accent` is a hex colour.
std::string render_gap_chart(const std::vector<GapRow>& rows, std::string_view accent);

}  // namespace rapport::cli
