// SVG marks (see svg_marks.hpp).
#include "cli/svg_marks.hpp"

#include <fmt/format.h>

#include "cli/html_escape.hpp"

namespace rapport::cli {

std::vector<std::string> label_lines(const std::string& label, std::size_t chars) {
  std::vector<std::string> lines{""};
  std::size_t start = 0;
  while (start < label.size()) {
    auto end = label.find(' ', start);
    if (end == std::string::npos) end = label.size();
    const std::string word = label.substr(start, end - start);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > chars) {
      if (lines.size() == 2) {
        lines.back() += "…";
        return lines;
      }
      lines.emplace_back();
    }
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    start = end + 1;
  }
  return lines;
}

std::string svg_circle(double x, double y, std::string_view fill, const std::string& title) {
  return fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="6.5" fill="{}" stroke="{}" stroke-width="1.5"><title>{}</title></circle>)",
                     x, y, fill, fill, escape(title));
}

std::string svg_square(double x, double y, std::string_view stroke, const std::string& title) {
  return fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="12" height="12" fill="#fff" stroke="{}" stroke-width="2.5"><title>{}</title></rect>)",
                     x - 6, y - 6, stroke, escape(title));
}

std::string svg_diamond(double x, double y, bool filled, std::string_view colour, const std::string& title) {
  return fmt::format(R"(<path d="M{:.1f} {:.1f}l5 6l-5 6l-5 -6z" fill="{}" stroke="{}" stroke-width="1.5"><title>{}</title></path>)",
                     x, y - 6, filled ? colour : std::string_view("#fff"), colour, escape(title));
}

std::string svg_text(double x, double y, std::string_view anchor, std::string_view css_class, const std::string& content) {
  return fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="{}" class="{}">{}</text>)", x, y, anchor, css_class,
                     escape(content));
}

}  // namespace rapport::cli
