// What a portfolio summary shows, whatever its format: how often each recommendation and finding came out,
// the spread of every metric and IT−marketing gap, and where a highlighted client sits. Built once from an
// engine::Portfolio, with numbers for the charts and the text a reader sees; the Markdown and HTML
// renderers only lay it out (as report_model.hpp does for one client).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/portfolio.hpp"
#include "engine/value.hpp"

namespace rapport::cli {

// What the summary is made from, besides the portfolio itself.
struct PortfolioSummaryInput {
  const engine::Portfolio& portfolio;
  std::vector<std::string> rule_files;
  std::string rules_fingerprint;   // identifies the rule set's content (see RuleInput)
  std::string date;                // the day the summary is made, e.g. "2026-11-02"
  std::uint64_t rejected = 0;      // input records that could not be read, so are not in the portfolio
};

// Below this many profiles, a distribution's 10th and 90th percentiles are its smallest and largest
// values: such spreads are marked as rough.
inline constexpr std::uint64_t kFewProfiles = 10;

// The percentiles every spread shows, in order.
inline constexpr std::array<int, 5> kSummaryPercentiles = {10, 25, 50, 75, 90};

struct PortfolioCover {
  std::uint64_t profiles = 0;
  std::string profiles_text;       // "1,204"
  std::string rejected_text;       // "12 records could not be read and are not counted", or ""
  std::string rules_version;       // "8 files, fingerprint 3f2a9c1b"
  std::string date;
  std::size_t findings = 0, recommendations = 0, metrics = 0;
  std::string highlight;           // the client asked for with --highlight, or ""
};

// How often one recommendation or finding came out across the portfolio.
struct FrequencyRow {
  std::string id;
  std::string title;
  std::string detail;              // a recommendation's owner ("CIO and CMO"), a finding's severity ("high")
  std::uint64_t count = 0;         // profiles it applied to (fired for)
  double share = 0;                // count / profiles
  std::string share_text;          // "34%"
  std::string count_text;          // "412"
  double tentative_share = 0;      // of all profiles: applied (fired) but tentative
  std::string tentative_text;      // "3%" of all profiles
  double unknown_share = 0;        // findings: profiles that lacked the data to decide
  std::string unknown_text;        // "8%", findings only
  std::string mean_rank_text;      // recommendations: its mean place in the rankings it is in ("2.3", "–")
  std::string top3_text;           // recommendations: profiles with it among their first three ("28%")
  bool highlighted = false;        // it applies to (fired for) the highlighted client
};

// How a spread can be shown.
enum class SpreadStanding : std::uint8_t {
  Shown,     // enough profiles
  Few,       // shown, but from fewer than kFewProfiles: rough
  Withheld,  // from fewer than --min-group-size profiles: only the count is shown
  Empty,     // no profile gives it
};

// A chart axis: its ends and the unit its ticks read in.
struct SpreadAxis {
  double low = 0, high = 1;
  engine::Unit unit = engine::Unit::Percent;
  bool operator==(const SpreadAxis&) const = default;
};

// The spread of one metric (one group's values) or one IT−marketing gap across the portfolio.
struct SpreadRow {
  std::string reference;           // "it.satisfied_with_collaboration" or "gap(satisfied_with_collaboration)"
  std::string label;               // "Satisfied with collaboration"
  std::string group;               // "IT", "marketing", "company", "IT − marketing"
  bool flag = false;               // yes/no: shown as how often yes, not as percentiles
  SpreadStanding standing = SpreadStanding::Empty;
  std::string standing_text;       // "withheld: 3 profiles, fewer than 5" / "rough: 7 profiles", or ""
  std::uint64_t count = 0;
  std::string count_text;          // profiles giving it: "1,180"
  std::string set_aside_text;      // "24": given, but from too few answers to use; "" when none
  SpreadAxis axis;
  std::array<double, 5> percentiles{};  // kSummaryPercentiles, when Shown or Few
  std::array<std::string, 5> percentile_texts;  // "21%", "+12 pp", "3.1"; "–" when not shown
  std::string min_text, max_text;  // exact
  std::string yes_text;            // flags: "40%" of those giving it said yes
  std::optional<double> benchmark;
  std::string benchmark_text;      // "about 10%", or "" when none is published
  std::string benchmark_rank_text; // "41%": profiles below the benchmark, or ""
  std::optional<double> highlight; // the highlighted client's value
  std::string highlight_text;      // "21%", "n/a", "withheld"
  std::string highlight_rank_text; // "34": its percentile rank, or "" when not shown
  std::optional<int> highlight_rank;  // the same as a number
};

// One of the highlighted client's recommendations or findings, with how common it is.
struct HighlightItem {
  std::string title;
  std::string detail;              // its rank ("1") for a recommendation, severity for a finding
  std::string share_text;          // "34%" of the portfolio share it, or "withheld"
  bool tentative = false;
};

// A value or gap where the highlighted client is in the portfolio's bottom or top tenth.
struct Standout {
  std::string label;               // "Satisfied with collaboration (IT)"
  std::string value;               // "21%"
  int rank = 0;                    // its percentile rank: at most 10, or at least 90
};

struct HighlightView {
  std::string name;                // as asked for
  bool found = false;
  std::string position_text;       // "12th": its place among the profiles assessed, in input order
  std::string industry, assessed_on;
  std::vector<HighlightItem> recommendations;  // its ranking
  std::vector<HighlightItem> findings;         // its fired findings, declaration order
  std::vector<Standout> standouts;             // the most extreme first
  std::vector<std::string> notes;  // duplicates, withheld ranks
};

struct PortfolioReport {
  PortfolioCover cover;
  int min_group_size = 5;
  bool withheld = false;           // fewer profiles than min_group_size: frequencies and spreads not shown
  std::vector<FrequencyRow> recommendations;  // most often applied first, then declaration order
  std::vector<FrequencyRow> findings;         // most often fired first, then by severity, then declaration order
  std::vector<SpreadRow> metrics;             // one per slot, declaration order; flags among them
  std::vector<SpreadRow> gaps;                // one per metric asked of IT and marketing
  SpreadAxis metric_axis;                     // the axis the share rows share
  SpreadAxis gap_axis;                        // the axis the share-gap rows share (zoomed symmetrically)
  std::optional<HighlightView> highlight;     // when --highlight was given
  std::vector<std::string> method;            // how it was counted, and the percentiles' precision
};

PortfolioReport build_portfolio_report(const PortfolioSummaryInput& input);

// 1234567 → "1,234,567": portfolio counts are read at a glance.
std::string thousands(std::uint64_t n);

// 1 → "1st", 12 → "12th", 22 → "22nd", 1003 → "1,003rd".
std::string ordinal(std::uint64_t n);

// A share of profiles as a reader sees it: "34%", "<1%" for a few, ">99%" for nearly all.
std::string profile_share(std::uint64_t count, std::uint64_t total);

}  // namespace rapport::cli
