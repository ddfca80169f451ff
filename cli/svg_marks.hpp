// The marks Rapport's SVG charts are drawn with: text, wrapped labels, circles, squares and diamonds, each
// with an escaped <title> so a reader hovering (or a screen reader) gets the figure in words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rapport::cli {

// The IT/marketing colour pair: IT takes the report's accent, marketing this burnt orange.
inline constexpr std::string_view kMarketingColour = "#9a4a12";

// A label broken at spaces into at most two lines of about `chars` characters, "…" when cut.
std::vector<std::string> label_lines(const std::string& label, std::size_t chars = 32);

std::string svg_text(double x, double y, std::string_view anchor, std::string_view css_class, const std::string& content);
std::string svg_circle(double x, double y, std::string_view fill, const std::string& title);
std::string svg_square(double x, double y, std::string_view stroke, const std::string& title);
// A diamond 12 high centred on (x, y): filled in `colour`, or white with a `colour` outline.
std::string svg_diamond(double x, double y, bool filled, std::string_view colour, const std::string& title);

}  // namespace rapport::cli
