// The portfolio summary's charts (see portfolio_charts.hpp). Geometry is in viewBox units; each SVG scales
// to its box, as the perception-gap chart does (svg_chart.cpp).
#include "cli/portfolio_charts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/html_escape.hpp"
#include "cli/report_css.hpp"
#include "cli/svg_marks.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

constexpr double kWidth = 760;
constexpr double kValueX = 752;  // the right-hand column of figures, right-aligned
constexpr double kTop = 64;      // room for the legend and the axis labels
constexpr std::string_view kGrey = "#5b6470";
constexpr std::string_view kUndecided = "#c9d0d8";

std::string svg_open(double height, std::string_view title, std::string_view accent) {
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.0f} {:.0f}" role="img" aria-label="{}">)", kWidth,
      height, escape(title));
  out += fmt::format("<title>{}</title>", escape(title));
  out += fmt::format(
      "<style>text{{font-family:\"Liberation Sans\",Arial,sans-serif;fill:#1d232b}}.label{{font-size:13.5px}}"
      ".group{{font-size:11px;fill:{1}}}.tick,.range{{font-size:11.5px;fill:{1}}}.key{{font-size:12.5px}}"
      ".value{{font-size:13.5px;font-weight:600}}.n{{font-size:10.5px;fill:{1}}}"
      ".missing{{font-size:11px;fill:{1};font-style:italic}}.grid{{stroke:#e3e7ec;stroke-width:1}}"
      ".baseline{{stroke:#c9d0d8;stroke-width:1}}.zero{{stroke:{1};stroke-width:1;stroke-dasharray:3 3}}"
      ".whisker{{stroke:{0};stroke-width:1.5;fill:none}}.box{{fill:{2};stroke:{0};stroke-width:1.5}}"
      ".box.rough{{stroke-dasharray:4 3}}.median{{stroke:{0};stroke-width:3}}</style>",
      accent, kGrey, tint(accent, 0.7));
  return out;
}

std::string rect(double x, double y, double width, double height, std::string_view style, const std::string& title) {
  return fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" {}><title>{}</title></rect>)", x, y,
                     std::max(width, 0.0), height, style, escape(title));
}

std::string line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  return fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" class="{}"/>)", x1, y1, x2, y2, css_class);
}

// The highlighted client's mark: a dot in the marketing colour, ringed in white so a median or bar edge
// under it still shows.
std::string client_dot(double x, double y, const std::string& title) {
  return fmt::format(
      R"(<circle cx="{:.1f}" cy="{:.1f}" r="5.5" fill="{}" stroke="#fff" stroke-width="1.5"><title>{}</title></circle>)",
      x, y, kMarketingColour, escape(title));
}

// The client's name in a legend: one line, cut with "…" past about 24 characters.
std::string legend_name(std::string_view client) {
  const auto lines = label_lines(std::string(client), 24);
  return lines.size() == 1 ? lines.front() : lines.front() + "…";
}

// Row labels: at most two lines, right-aligned at `right`, centred on the row.
std::string label(const std::string& text, double right, double y, std::size_t chars) {
  const auto lines = label_lines(text, chars);
  std::string out;
  const double first = y + 4 - static_cast<double>(lines.size() - 1) * 7.5;
  for (std::size_t i = 0; i < lines.size(); ++i) out += svg_text(right, first + i * 15, "end", "label", lines[i]);
  return out;
}

// ---- Frequency bars -------------------------------------------------------------------------------------

constexpr double kBarLabelRight = 292, kBarDotX = 302, kBarLeft = 314, kBarRight = 680;
constexpr double kBarRow = 36;

// Tentative shares: the accent, lighter, with a dashed outline (as the reports' tentative badges).
std::string tentative_style(std::string_view accent) {
  return fmt::format(R"(fill="{0}" fill-opacity=".35" stroke="{0}" stroke-dasharray="3 2")", accent);
}

double bar_x(double share) { return kBarLeft + std::clamp(share, 0.0, 1.0) * (kBarRight - kBarLeft); }

std::string bar_legend(bool undecided, std::string_view client, std::string_view accent) {
  std::string out = R"(<g class="legend">)";
  out += rect(kBarLeft, 10, 14, 12, fmt::format(R"(fill="{}")", accent), "Applies") +
         svg_text(kBarLeft + 20, 20, "start", "key", "applies");
  out += rect(kBarLeft + 84, 10, 14, 12, tentative_style(accent),
              "Tentative: applies only thanks to gaps that may be chance") +
         svg_text(kBarLeft + 104, 20, "start", "key", "tentative");
  double x = kBarLeft + 184;
  if (undecided) {
    out += rect(x, 10, 14, 12, fmt::format(R"(fill="{}")", kUndecided), "Not decided: data missing or too few answers") +
           svg_text(x + 20, 20, "start", "key", "not decided");
    x += 110;
  }
  if (!client.empty()) {
    out += client_dot(x + 6, 16, std::string(client) + " has it") +
           svg_text(x + 18, 20, "start", "key", legend_name(client) + " has it");
  }
  return out + "</g>";
}

std::string percent_axis(double y) {
  std::string out;
  for (int i = 0; i <= 4; ++i) {
    out += svg_text(kBarLeft + i * (kBarRight - kBarLeft) / 4, y, "middle", "tick", std::to_string(i * 25) + "%");
  }
  return out;
}

std::string bar_row(const FrequencyRow& row, double y, bool undecided, std::string_view client, std::string_view accent) {
  std::string summary = fmt::format("{}: applies to {} of profiles ({})", row.title, row.share_text, row.count_text);
  if (row.tentative_share > 0) summary += fmt::format(", tentative for {}", row.tentative_text);
  if (undecided) summary += fmt::format("; not decided for {}", row.unknown_text);
  std::string out = fmt::format("<g class=\"row\"><title>{}</title>", escape(summary));
  out += label(row.title, kBarLabelRight, y, 44);
  const double certain = row.share - row.tentative_share;
  out += rect(kBarLeft, y - 8, bar_x(certain) - kBarLeft, 16, fmt::format(R"(fill="{}")", accent),
              fmt::format("{}: applies to {}", row.title, row.share_text));
  if (row.tentative_share > 0) {
    out += rect(bar_x(certain), y - 8, bar_x(row.share) - bar_x(certain), 16,
                tentative_style(accent), fmt::format("{}: tentative for {}", row.title, row.tentative_text));
  }
  if (undecided && row.unknown_share > 0) {
    out += rect(bar_x(row.share), y - 8, bar_x(row.share + row.unknown_share) - bar_x(row.share), 16,
                fmt::format(R"(fill="{}")", kUndecided), fmt::format("{}: not decided for {}", row.title, row.unknown_text));
  }
  if (row.highlighted) out += client_dot(kBarDotX, y, std::string(client) + " has it");
  out += svg_text(kValueX, y + 4, "end", "value", row.share_text);
  return out + "</g>";
}

// ---- Spread box plots -----------------------------------------------------------------------------------

constexpr double kSpreadLabelRight = 236, kSpreadLeft = 252, kSpreadRight = 632;
constexpr double kSpreadRow = 50;

double spread_x(const SpreadAxis& axis, double value) {
  const double t = std::clamp((value - axis.low) / (axis.high - axis.low), 0.0, 1.0);
  return kSpreadLeft + t * (kSpreadRight - kSpreadLeft);
}

std::string axis_ticks(const SpreadAxis& axis, double y, std::string_view css_class, int steps) {
  std::string out;
  for (int i = 0; i <= steps; ++i) {
    const double value = axis.low + (axis.high - axis.low) * i / steps;
    out += svg_text(spread_x(axis, value), y, "middle", css_class, format_value(value, axis.unit));
  }
  return out;
}

std::string spread_legend(std::string_view client) {
  std::string out = R"(<g class="legend">)";
  out += line(kSpreadLeft, 16, kSpreadLeft + 36, 16, "whisker");
  out += rect(kSpreadLeft + 9, 10, 18, 12, R"(class="box")", "Box: 25th to 75th percentile; whiskers: 10th to 90th") +
         line(kSpreadLeft + 18, 9, kSpreadLeft + 18, 23, "median") +
         svg_text(kSpreadLeft + 44, 20, "start", "key", "10th–25th–median–75th–90th percentile");
  out += svg_diamond(kSpreadLeft + 296, 16, true, kGrey, "Published benchmark") +
         svg_text(kSpreadLeft + 306, 20, "start", "key", "benchmark");
  if (!client.empty()) {
    out += client_dot(kSpreadLeft + 392, 16, std::string(client)) +
           svg_text(kSpreadLeft + 404, 20, "start", "key", legend_name(client));
  }
  return out + "</g>";
}

std::string row_summary(const SpreadRow& row, const std::string& name, std::string_view client) {
  std::string text = name + ": ";
  if (!row.standing_text.empty() && row.standing != SpreadStanding::Few) {
    text += row.standing_text;
  } else {
    text += fmt::format("10th percentile {}, 25th {}, median {}, 75th {}, 90th {}; {} profiles",
                        row.percentile_texts[0], row.percentile_texts[1], row.percentile_texts[2],
                        row.percentile_texts[3], row.percentile_texts[4], row.count_text);
  }
  if (!row.benchmark_text.empty()) text += "; published benchmark " + row.benchmark_text;
  if (!client.empty() && !row.highlight_text.empty()) text += fmt::format("; {} {}", client, row.highlight_text);
  return text;
}

std::string box(const SpreadRow& row, double y) {
  const auto& p = row.percentiles;
  const SpreadAxis& a = row.axis;
  std::string out =
      fmt::format(R"(<path d="M{0:.1f} {1:.1f}H{2:.1f}M{0:.1f} {3:.1f}v10M{2:.1f} {3:.1f}v10" class="whisker"/>)",
                  spread_x(a, p[0]), y, spread_x(a, p[4]), y - 5);
  out += rect(spread_x(a, p[1]), y - 8, spread_x(a, p[3]) - spread_x(a, p[1]), 16,
              row.standing == SpreadStanding::Few ? R"(class="box rough")" : R"(class="box")",
              fmt::format("25th to 75th percentile: {} to {}", row.percentile_texts[1], row.percentile_texts[3]));
  out += fmt::format(R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" class="median"><title>{3}</title></line>)",
                     spread_x(a, p[2]), y - 10, y + 10, escape("Median: " + row.percentile_texts[2]));
  return out;
}

std::string spread_row(const SpreadRow& row, double y, const SpreadAxis& common, bool groups, std::string_view client) {
  const std::string name = groups ? row.label + " (" + row.group + ")" : row.label;
  std::string out = fmt::format("<g class=\"row\"><title>{}</title>", escape(row_summary(row, name, client)));
  out += label(name, kSpreadLabelRight, y, 32);
  out += line(kSpreadLeft, y, kSpreadRight, y, "baseline");
  if (row.axis.low < 0 && row.axis.high > 0) out += line(spread_x(row.axis, 0), y - 14, spread_x(row.axis, 0), y + 14, "zero");
  if (!(row.axis == common)) out += axis_ticks(row.axis, y + 24, "range", 2);
  const bool shown = row.standing == SpreadStanding::Shown || row.standing == SpreadStanding::Few;
  if (shown) {
    out += box(row, y);
  } else {
    out += svg_text(kSpreadLeft + 4, y - 6, "start", "missing", row.standing_text);
  }
  if (row.benchmark) {
    std::string title = "Published benchmark: " + row.benchmark_text;
    if (!row.benchmark_rank_text.empty()) title += fmt::format(" ({} of profiles below it)", row.benchmark_rank_text);
    out += svg_diamond(spread_x(row.axis, *row.benchmark), y - 17, true, kGrey, title);
  }
  if (row.highlight) {
    std::string title = fmt::format("{}: {}", client, row.highlight_text);
    if (!row.highlight_rank_text.empty()) title += fmt::format(" (percentile rank {})", row.highlight_rank_text);
    out += client_dot(spread_x(row.axis, *row.highlight), y, title);
  }
  if (shown) {
    out += svg_text(kValueX, y + 2, "end", "value", row.percentile_texts[2]);
    out += svg_text(kValueX, y + 16, "end", "n", "n = " + row.count_text);
  }
  return out + "</g>";
}

}  // namespace

std::string render_frequency_chart(const std::vector<FrequencyRow>& rows, std::string_view title, bool undecided,
                                   std::string_view client, std::string_view accent) {
  const double bottom = kTop + static_cast<double>(rows.size()) * kBarRow;
  std::string out = svg_open(bottom + 26, title, accent);
  out += bar_legend(undecided, client, accent);
  out += percent_axis(kTop - 14);
  for (int i = 0; i <= 4; ++i) {
    const double x = kBarLeft + i * (kBarRight - kBarLeft) / 4;
    out += line(x, kTop - 8, x, bottom, "grid");
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += bar_row(rows[i], kTop + kBarRow * (static_cast<double>(i) + 0.5), undecided, client, accent);
  }
  out += percent_axis(bottom + 16);
  return out + "</svg>";
}

std::string render_spread_chart(const std::vector<SpreadRow>& rows, const SpreadAxis& common, std::string_view title,
                                std::string_view client, std::string_view accent) {
  const double bottom = kTop + static_cast<double>(rows.size()) * kSpreadRow;
  const bool groups = std::any_of(rows.begin(), rows.end(), [&](const SpreadRow& r) { return r.group != rows.front().group; });
  const bool shared = std::any_of(rows.begin(), rows.end(), [&](const SpreadRow& r) { return r.axis == common; });
  std::string out = svg_open(bottom + 26, title, accent);
  out += spread_legend(client);
  for (int i = 0; i <= 4; ++i) {
    const double x = kSpreadLeft + i * (kSpreadRight - kSpreadLeft) / 4;
    out += line(x, kTop - 8, x, bottom, "grid");
  }
  if (shared) out += axis_ticks(common, kTop - 14, "tick", 4);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += spread_row(rows[i], kTop + kSpreadRow * (static_cast<double>(i) + 0.5), common, groups, client);
  }
  if (shared) out += axis_ticks(common, bottom + 16, "tick", 4);
  return out + "</svg>";
}

}  // namespace rapport::cli
