// Spread rows (see portfolio_spread.hpp): percentiles as text, withheld when too few profiles give them,
// the published benchmark and the highlighted client placed in the distribution.
#include "cli/portfolio_spread.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

using engine::Distribution;
using engine::Unit;

SpreadStanding standing_of(std::uint64_t count, int min_group_size) {
  if (count == 0) return SpreadStanding::Empty;
  if (count < static_cast<std::uint64_t>(min_group_size)) return SpreadStanding::Withheld;
  return count < kFewProfiles ? SpreadStanding::Few : SpreadStanding::Shown;
}

std::string standing_text(SpreadStanding standing, std::uint64_t count, int min_group_size) {
  switch (standing) {
    case SpreadStanding::Withheld:
      return fmt::format("withheld: {} profile{}, fewer than {}", count, count == 1 ? "" : "s", min_group_size);
    case SpreadStanding::Few: return fmt::format("rough: only {} profiles", count);
    case SpreadStanding::Empty: return "no profile gives it";
    case SpreadStanding::Shown: return "";
  }
  return "";
}

bool visible(const SpreadRow& row) {
  return row.standing == SpreadStanding::Shown || row.standing == SpreadStanding::Few;
}

void fill_distribution(SpreadRow& row, const Distribution& values, Unit unit, int min_group_size) {
  row.count = values.count();
  row.count_text = thousands(row.count);
  row.standing = standing_of(row.count, min_group_size);
  row.standing_text = standing_text(row.standing, row.count, min_group_size);
  row.percentile_texts.fill("–");
  row.min_text = row.max_text = "–";
  if (!visible(row)) return;
  for (std::size_t i = 0; i < kSummaryPercentiles.size(); ++i) {
    row.percentiles[i] = values.percentile(kSummaryPercentiles[i]);
    row.percentile_texts[i] = format_value(row.percentiles[i], unit);
  }
  row.min_text = format_value(values.min(), unit);
  row.max_text = format_value(values.max(), unit);
}

// Where a value sits in the portfolio: its percentile rank, as a whole number from 0 to 100.
int percentile_rank(const Distribution& values, double value) {
  return static_cast<int>(std::lround(std::clamp(values.rank_of(value), 0.0, 1.0) * 100));
}

void place_highlight(SpreadRow& row, const Distribution& values, double value, std::string text) {
  row.highlight_text = std::move(text);
  if (engine::is_unknown(value)) return;
  row.highlight = value;
  if (!visible(row)) return;
  row.highlight_rank = percentile_rank(values, value);
  row.highlight_rank_text = std::to_string(*row.highlight_rank);
}

// 1, 2 or 5 times a power of ten: the least at or above `value` (> 0).
double nice_ceiling(double value) {
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (step * power >= value * (1 - 1e-12)) return step * power;
  }
  return 10 * power;
}

// The least of ±10%, 25%, 50% or 100% of `range` that holds `extent`.
double symmetric_zoom(double extent, double range) {
  for (double fraction : {0.1, 0.25, 0.5}) {
    if (extent <= fraction * range) return fraction * range;
  }
  return range;
}

// The largest magnitude a row's chart must hold: its 10th and 90th percentiles and its highlighted client.
double extent_of(const SpreadRow& row) {
  double extent = 0;
  if (visible(row)) extent = std::max(std::abs(row.percentiles.front()), std::abs(row.percentiles.back()));
  if (row.highlight) extent = std::max(extent, std::abs(*row.highlight));
  return extent;
}

// A number metric has no declared range: the axis runs from 0 (or below, for negative values) to a round
// number past the 90th percentile, the benchmark and the highlighted client.
SpreadAxis number_axis(const SpreadRow& row) {
  double low = 0, high = 0;
  auto include = [&](double v) {
    low = std::min(low, v);
    high = std::max(high, v);
  };
  if (visible(row)) {
    include(row.percentiles.front());
    include(row.percentiles.back());
  }
  if (row.benchmark) include(*row.benchmark);
  if (row.highlight) include(*row.highlight);
  return {low < 0 ? -nice_ceiling(-low) : 0, high > 0 ? nice_ceiling(high) : 1, Unit::Plain};
}

std::string highlight_text(const engine::HighlightedProfile& client, std::uint32_t slot, Unit unit) {
  switch (client.standing[slot]) {
    case engine::Standing::Absent: return "n/a";
    case engine::Standing::Suppressed: return "withheld";
    case engine::Standing::TooFew: return "too few answers";
    case engine::Standing::Measured: return format_value(client.values[slot], unit);
  }
  return "n/a";
}

}  // namespace

SpreadRow slot_spread(const engine::Portfolio& portfolio, std::uint32_t slot) {
  const engine::RuleSet& rules = portfolio.rules();
  const engine::Slot& s = rules.slots[slot];
  const engine::Metric& metric = rules.metrics[s.metric];
  const engine::SlotTally& tally = portfolio.slots()[slot];
  const Unit unit = unit_of(metric);
  const int min_group_size = portfolio.options().evidence.min_group_size;
  SpreadRow row;
  row.reference = slot_reference(rules, slot);
  row.label = metric.label;
  row.group = audience_name(s.audience);
  row.flag = metric.kind == engine::MetricKind::Flag;
  fill_distribution(row, tally.values, unit, min_group_size);
  if (tally.set_aside > 0) row.set_aside_text = thousands(tally.set_aside);
  if (row.flag && visible(row)) row.yes_text = profile_share(tally.values.count_at(1), row.count);
  if (const engine::Benchmark* b = metric.benchmark_for(s.audience)) {
    row.benchmark = b->value;
    row.benchmark_text = format_benchmark(*b, metric);
    if (visible(row)) row.benchmark_rank_text = std::to_string(percentile_rank(tally.values, b->value)) + "%";
  }
  if (const auto& client = portfolio.highlighted()) {
    place_highlight(row, tally.values, client->values[slot], highlight_text(*client, slot, unit));
  }
  const bool ranged = std::isfinite(metric.low) && std::isfinite(metric.high) && metric.low < metric.high;
  row.axis = ranged ? SpreadAxis{metric.low, metric.high, unit} : number_axis(row);
  return row;
}

SpreadRow gap_spread(const engine::Portfolio& portfolio, const engine::GapTally& gap) {
  const engine::Metric& metric = portfolio.rules().metrics[gap.metric];
  const bool share = metric.kind == engine::MetricKind::Share;
  const Unit unit = share ? Unit::Points : Unit::Plain;
  SpreadRow row;
  row.reference = "gap(" + metric.id + ")";
  row.label = metric.label;
  row.group = "IT − marketing";
  fill_distribution(row, gap.values, unit, portfolio.options().evidence.min_group_size);
  if (const auto& client = portfolio.highlighted()) {
    const double value = client->gap(gap);
    place_highlight(row, gap.values, value, format_value(value, unit));
  }
  const bool ranged = std::isfinite(metric.low) && std::isfinite(metric.high) && metric.low < metric.high;
  if (ranged) {
    const double zoom = symmetric_zoom(extent_of(row), metric.high - metric.low);
    row.axis = {-zoom, zoom, unit};
  } else {
    const double zoom = extent_of(row) > 0 ? nice_ceiling(extent_of(row)) : 1;
    row.axis = {-zoom, zoom, unit};
  }
  return row;
}

SpreadAxis share_gap_axis(std::vector<SpreadRow>& gaps) {
  double extent = 0;
  for (const auto& row : gaps) {
    if (row.axis.unit == Unit::Points) extent = std::max(extent, extent_of(row));
  }
  const double zoom = symmetric_zoom(extent, 1.0);
  const SpreadAxis axis{-zoom, zoom, Unit::Points};
  for (auto& row : gaps) {
    if (row.axis.unit == Unit::Points) row.axis = axis;
  }
  return axis;
}

}  // namespace rapport::cli
