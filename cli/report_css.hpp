// The HTML report's stylesheet: screen and A4 print, coloured with the brand's accent.
#pragma once

#include <string>
#include <string_view>

namespace rapport::cli {

// "#rgb" or "#rrggbb" (either case): the only colours a brand may give.
bool is_hex_colour(std::string_view text);

// The accent mixed with white: `amount` 0 is the accent itself, 1 is white. Expects a hex colour.
std::string tint(std::string_view hex_colour, double amount);

// The whole <style> content. `accent` must pass is_hex_colour (it is written into the CSS as is).
std::string report_css(std::string_view accent);

}  // namespace rapport::cli
