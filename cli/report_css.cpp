// The HTML report's stylesheet (see report_css.hpp). Only system fonts: the report fetches nothing.
#include "cli/report_css.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>

namespace rapport::cli {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::array<int, 3> rgb_of(std::string_view hex) {
  std::array<int, 3> rgb{0, 0, 0};
  const bool short_form = hex.size() == 4;
  for (std::size_t i = 0; i < 3; ++i) {
    if (short_form) {
      rgb[i] = hex_digit(hex[1 + i]) * 17;
    } else {
      rgb[i] = hex_digit(hex[1 + 2 * i]) * 16 + hex_digit(hex[2 + 2 * i]);
    }
  }
  return rgb;
}

// The sheet, with @ACCENT@, @TINT@ and @WASH@ standing for the brand's colours.
constexpr std::string_view kSheet = R"css(
:root { --accent: @ACCENT@; --tint: @TINT@; --wash: @WASH@; --ink: #1d232b; --muted: #5b6470; --rule: #d8dde3; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #eef0f3; color: var(--ink);
  font-family: "Source Sans 3", "Segoe UI", "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
  font-size: 11pt; line-height: 1.55; }
main { max-width: 210mm; margin: 24px auto; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.12); }
section { padding: 18mm 18mm 14mm; border-top: 1px solid var(--rule); }
h1, h2, h3 { font-family: Georgia, "DejaVu Serif", "Liberation Serif", serif; font-weight: normal; color: var(--accent);
  line-height: 1.25; }
h2 { font-size: 20pt; margin: 0 0 6mm; padding-bottom: 3mm; border-bottom: 2px solid var(--accent); }
h2 .number { color: var(--muted); font-size: 13pt; margin-right: .6em; }
h3 { font-size: 14pt; margin: 0 0 2mm; }
h4 { font-size: 9pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 5mm 0 1.5mm; }
p { margin: 0 0 3mm; }
.lead { color: var(--muted); margin-bottom: 6mm; }
.muted { color: var(--muted); }
.cover { border-top: none; min-height: 270mm; display: flex; flex-direction: column; padding-top: 22mm; }
.cover .brand { display: flex; align-items: center; gap: 5mm; padding-bottom: 6mm; border-bottom: 3px solid var(--accent); }
.cover .brand img { max-height: 16mm; max-width: 60mm; }
.cover .firm { font-size: 12pt; letter-spacing: .12em; text-transform: uppercase; color: var(--accent); font-weight: 600; }
.cover .kicker { margin-top: 48mm; font-size: 10pt; letter-spacing: .14em; text-transform: uppercase; color: var(--muted); }
.cover h1 { font-size: 34pt; margin: 3mm 0 4mm; color: var(--ink); }
.cover .subtitle { font-size: 15pt; color: var(--accent); margin-bottom: 16mm; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 10mm; margin: 0; font-size: 10.5pt; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.cover .confidential { margin-top: auto; font-size: 9pt; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 3mm; }
.summary-item { display: grid; grid-template-columns: 12mm 1fr; gap: 0 4mm; margin-bottom: 6mm; }
.rank { font-family: Georgia, "DejaVu Serif", serif; font-size: 20pt; color: var(--accent); line-height: 1; text-align: right; }
.summary-item h3 { font-size: 13pt; }
.recommendation { border-left: 4px solid var(--accent); background: var(--wash); padding: 5mm 6mm 4mm; margin-bottom: 7mm;
  break-inside: avoid; page-break-inside: avoid; }
.recommendation .meta, .finding .meta { display: flex; flex-wrap: wrap; gap: 2mm 6mm; font-size: 9.5pt; color: var(--muted); margin-bottom: 3mm; }
.meta strong { color: var(--ink); font-weight: 600; }
.recommendation ol { margin: 0 0 2mm; padding-left: 6mm; }
.recommendation li { margin-bottom: 1mm; }
.because { border-top: 1px solid var(--rule); padding-top: 2mm; margin-top: 3mm; }
.because h5 { font-size: 10.5pt; margin: 2mm 0 1mm; font-weight: 600; }
.finding { padding: 4mm 0 5mm; border-bottom: 1px solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
.finding:last-of-type { border-bottom: none; }
.finding h3 { display: flex; align-items: baseline; gap: 3mm; }
.badge { display: inline-block; font-family: "Liberation Sans", Arial, sans-serif; font-size: 7.5pt; font-weight: 700; letter-spacing: .08em;
  text-transform: uppercase; padding: .5mm 2mm; border-radius: 2px; border: 1px solid currentColor; white-space: nowrap; vertical-align: middle; }
.badge.critical { background: #7f1d1d; border-color: #7f1d1d; color: #fff; }
.badge.high { background: #b45309; border-color: #b45309; color: #fff; }
.badge.medium { color: #92400e; background: #fef3c7; }
.badge.low { color: #1e3a5f; background: #e0ecf7; }
.badge.info { color: var(--muted); background: #f3f4f6; }
.badge.tentative { color: #5b6470; background: #fff; border-style: dashed; }
.certainty { font-size: 9.5pt; color: var(--muted); font-style: italic; border-left: 2px dashed var(--rule); padding-left: 3mm; }
.ci { display: block; font-size: 8pt; color: var(--muted); }
td.significant { font-weight: 700; }
th.num { white-space: normal; }
blockquote { margin: 2mm 0; padding: 1mm 0 1mm 4mm; border-left: 2px solid var(--tint); color: #333; font-style: italic; }
blockquote cite { display: block; font-style: normal; font-size: 9pt; color: var(--muted); margin-top: .5mm; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin: 1mm 0 3mm; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--accent); padding: 1.5mm 2mm; }
td { border-bottom: 1px solid var(--rule); padding: 1.5mm 2mm; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; color: var(--muted); }
figure { margin: 0 0 6mm; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 9pt; color: var(--muted); margin-top: 2mm; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: 1mm 0; border-bottom: 1px solid var(--rule); }
.sources li { margin-bottom: 3mm; }
.sources .title { font-weight: 600; }
.sources .url { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; color: var(--muted); word-break: break-all; }
footer { padding: 6mm 18mm 10mm; font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--rule); }
@page { size: A4; margin: 16mm 16mm 18mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; box-shadow: none; }
  section { padding: 0; border-top: none; break-before: page; page-break-before: always; }
  section.cover { break-before: auto; page-break-before: auto; min-height: 255mm; padding-top: 4mm; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  figure { break-inside: avoid; page-break-inside: avoid; }
  footer { padding: 6mm 0 0; }
}
)css";

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

bool is_hex_colour(std::string_view text) {
  if ((text.size() != 4 && text.size() != 7) || text[0] != '#') return false;
  for (char c : text.substr(1)) {
    if (hex_digit(c) < 0) return false;
  }
  return true;
}

std::string tint(std::string_view hex_colour, double amount) {
  const auto rgb = rgb_of(hex_colour);
  auto mix = [amount](int channel) { return static_cast<int>(std::lround(channel + (255 - channel) * amount)); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(rgb[0]), mix(rgb[1]), mix(rgb[2]));
}

std::string report_css(std::string_view accent) {
  std::string sheet = replace_all(std::string(kSheet), "@ACCENT@", accent);
  sheet = replace_all(std::move(sheet), "@TINT@", tint(accent, 0.55));
  return replace_all(std::move(sheet), "@WASH@", tint(accent, 0.95));
}

}  // namespace rapport::cli
