// The perception-gap chart (see svg_chart.hpp). Geometry is in viewBox units; the SVG scales to its box.
#include "cli/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "cli/html_escape.hpp"
#include "cli/svg_marks.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

constexpr double kWidth = 760;
constexpr double kLabelRight = 236;   // labels end here (right-aligned)
constexpr double kPlotLeft = 252, kPlotRight = 632;
constexpr double kGapX = 752;         // the gap column, right-aligned
constexpr double kTop = 64;           // room for the legend and the axis labels
constexpr double kRowHeight = 46;
constexpr std::string_view kChartName =
    "Perception gap: how IT and marketing answered the same questions, with the published benchmarks";

struct Row {
  const GapRow& gap;
  double y;  // the row's centre line

  double x(double value) const {
    const double span = gap.high > gap.low ? gap.high - gap.low : 1;
    const double t = std::clamp((value - gap.low) / span, 0.0, 1.0);
    return kPlotLeft + t * (kPlotRight - kPlotLeft);
  }
};

// A confidence interval: a thin bar with end caps, just off the row's line so IT's and marketing's
// intervals stay apart where they overlap.
std::string whisker(const Row& row, const engine::statistics::ConfidenceInterval& ci, double dy, std::string_view colour,
                    const std::string& title) {
  const double y = row.y + dy, left = row.x(ci.low), right = row.x(ci.high);
  return fmt::format(
      R"(<path d="M{0:.1f} {1:.1f}H{2:.1f}M{0:.1f} {3:.1f}v6M{2:.1f} {3:.1f}v6" class="whisker" stroke="{4}"><title>{5}</title></path>)",
      left, y, right, y - 3, colour, escape(title));
}

std::string tick_label(const GapRow& gap, double fraction) {
  const double value = gap.low + fraction * (gap.high - gap.low);
  return gap.is_share ? format_number(value * 100) + "%" : format_number(value);
}

std::string gridlines(double bottom) {
  std::string out;
  for (int i = 0; i <= 4; ++i) {
    const double x = kPlotLeft + i * (kPlotRight - kPlotLeft) / 4;
    out += fmt::format(R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" class="grid"/>)", x, kTop - 8, bottom);
  }
  return out;
}

std::string share_axis(double y) {
  std::string out;
  for (int i = 0; i <= 4; ++i) {
    out += svg_text(kPlotLeft + i * (kPlotRight - kPlotLeft) / 4, y, "middle", "tick", std::to_string(i * 25) + "%");
  }
  return out;
}

std::string legend(std::string_view accent) {
  std::string out = R"(<g class="legend">)";
  out += svg_circle(258, 16, accent, "IT (filled circle)") + svg_text(270, 20, "start", "key", "IT");
  out += svg_square(316, 16, kMarketingColour, "Marketing (hollow square)") + svg_text(328, 20, "start", "key", "Marketing");
  out += svg_diamond(420, 16, true, accent, "IT benchmark (filled diamond)") + svg_text(431, 20, "start", "key", "IT benchmark");
  out += svg_diamond(536, 16, false, kMarketingColour, "Marketing benchmark (hollow diamond)") +
         svg_text(547, 20, "start", "key", "Marketing benchmark");
  out += svg_text(kGapX, 20, "end", "key", "Gap");
  return out + "</g>";
}

std::string row_marks(const Row& row, std::string_view accent) {
  const GapRow& g = row.gap;
  std::string out = "<g class=\"row\">";
  std::string summary = fmt::format("{}: IT {}, marketing {}, gap {}", g.label, g.it_text, g.marketing_text, g.gap_text);
  if (!g.p_text.empty()) {
    summary += fmt::format(" ({}, {})", g.p_text, g.significant.value_or(false) ? "significant" : "not significant");
  }
  out += fmt::format("<title>{}</title>", escape(summary));
  const auto lines = label_lines(g.label);
  const double first = row.y + 4 - (lines.size() - 1) * 7.5;
  for (std::size_t i = 0; i < lines.size(); ++i) out += svg_text(kLabelRight, first + i * 15, "end", "label", lines[i]);
  out += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" class="baseline"/>)", kPlotLeft, row.y,
                     kPlotRight, row.y);
  if (!g.is_share) {
    for (double f : {0.0, 0.5, 1.0}) {
      out += svg_text(kPlotLeft + f * (kPlotRight - kPlotLeft), row.y + 19, "middle", "range", tick_label(g, f));
    }
  }
  if (g.it_benchmark) {
    out += svg_diamond(row.x(*g.it_benchmark), row.y - 13, true, accent, "IT benchmark: " + g.it_benchmark_text);
  }
  if (g.marketing_benchmark) {
    out += svg_diamond(row.x(*g.marketing_benchmark), row.y + 13, false, kMarketingColour,
                   "Marketing benchmark: " + g.marketing_benchmark_text);
  }
  if (g.it && g.marketing) {
    out += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" class="span"/>)", row.x(*g.it), row.y,
                       row.x(*g.marketing), row.y);
  }
  if (g.it_ci && g.it) out += whisker(row, *g.it_ci, -4, accent, "IT confidence interval: " + g.it_ci_text);
  if (g.marketing_ci && g.marketing) {
    out += whisker(row, *g.marketing_ci, 4, kMarketingColour, "Marketing confidence interval: " + g.marketing_ci_text);
  }
  if (g.marketing) out += svg_square(row.x(*g.marketing), row.y, kMarketingColour, "Marketing: " + g.marketing_text);
  if (g.it) out += svg_circle(row.x(*g.it), row.y, accent, "IT: " + g.it_text);
  if (!g.it || !g.marketing) {
    const std::string note = !g.it && !g.marketing ? "no data" : !g.it ? "IT: n/a" : "Marketing: n/a";
    out += svg_text(kPlotLeft + 4, row.y - 7, "start", "missing", note);
  }
  out += svg_text(kGapX, row.y + 4, "end", "gap", g.gap_text + (g.significant.value_or(false) ? "*" : ""));
  if (!g.p_text.empty()) out += svg_text(kGapX, row.y + 18, "end", "p", g.p_text);
  return out + "</g>";
}

}  // namespace

std::string render_gap_chart(const std::vector<GapRow>& rows, std::string_view accent) {
  const double bottom = kTop + rows.size() * kRowHeight;
  const double height = bottom + 26;
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.0f} {:.0f}" role="img" aria-label="{}">)",
      kWidth, height, kChartName);
  out += fmt::format("<title>{}</title>", kChartName);
  out += fmt::format(
      "<style>text{{font-family:\"Liberation Sans\",Arial,sans-serif;fill:#1d232b}}.label{{font-size:13.5px}}"
      ".tick,.range{{font-size:11.5px;fill:#5b6470}}.key{{font-size:12.5px}}.gap{{font-size:13.5px;font-weight:600}}"
      ".missing{{font-size:11px;fill:#5b6470;font-style:italic}}.p{{font-size:10.5px;fill:#5b6470}}"
      ".whisker{{fill:none;stroke-width:1.5;stroke-opacity:.7}}.grid{{stroke:#e3e7ec;stroke-width:1}}"
      ".baseline{{stroke:#c9d0d8;stroke-width:1}}.span{{stroke:{};stroke-width:3;stroke-opacity:.35}}</style>",
      accent);
  out += legend(accent);
  out += share_axis(kTop - 14);
  out += gridlines(bottom);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += row_marks(Row{rows[i], kTop + kRowHeight * (i + 0.5)}, accent);
  }
  out += share_axis(bottom + 16);
  return out + "</svg>";
}

}  // namespace rapport::cli
