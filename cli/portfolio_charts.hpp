// The portfolio summary's charts, as inline SVG: how often each recommendation or finding came out (bars),
// and the spread of each metric or gap (box plots). Every mark has a <title>; text is escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/portfolio_model.hpp"

namespace rapport::cli {

// One bar per row: the share of the portfolio it applied to (fired for), the tentative part lighter; with
// `undecided`, the share where it could not be decided follows in grey, so missing data shows. Rows the
// highlighted client has are marked with a dot in the marketing colour (`client` names it; "" for none).
std::string render_frequency_chart(const std::vector<FrequencyRow>& rows, std::string_view title, bool undecided,
                                   std::string_view client, std::string_view accent);

// One box plot per row: whiskers from the 10th to the 90th percentile, a box from the 25th to the 75th, a
// line at the median, a diamond at the published benchmark and a dot at the highlighted client. Rows on
// `common` share the axis drawn above and below the chart; others carry their own under the row. Rows
// withheld or empty say so in words; rough ones (few profiles) have a dashed box.
std::string render_spread_chart(const std::vector<SpreadRow>& rows, const SpreadAxis& common, std::string_view title,
                                std::string_view client, std::string_view accent);

}  // namespace rapport::cli
