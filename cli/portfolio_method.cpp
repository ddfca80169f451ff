// The method paragraphs of a portfolio summary (see portfolio_method.hpp).
#include "cli/portfolio_method.hpp"

#include <fmt/format.h>

#include <set>
#include <utility>

#include "cli/portfolio_model.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

std::string counting(const engine::EvidenceOptions& o) {
  return fmt::format(
      "Every profile was assessed with the same rules, and in the same way, as rapport assess would assess it alone. "
      "A finding counts as fired for a profile when its condition held, and as unknown when the profile lacked the "
      "data to decide, or the answers behind it came from too few people: missing data is never counted as a "
      "“no”. A recommendation applies when its condition held; its rank is its place in that profile's own "
      "ranking. Tentative items held only thanks to IT−marketing gaps that were not significant at the {} level.",
      format_value(o.significance_level, engine::Unit::Percent));
}

std::string values(const engine::EvidenceOptions& o) {
  return fmt::format(
      "Distributions use only the values the rules used: a value from fewer than {} people (insufficient "
      "evidence) or fewer than {} (withheld for anonymity) is set aside and counted separately. A gap is IT's "
      "value minus marketing's, from the profiles that give both; the gap distributions show raw differences, "
      "whatever their significance in each profile.",
      o.min_n, o.min_group_size);
}

// How precise the percentiles are, kind by kind, as the distributions' bins make them.
std::string precision(const engine::RuleSet& rules) {
  std::string text =
      "Percentiles are nearest-rank: the p-th percentile of N values is the value at rank ⌈p × N / 100⌉ in "
      "order. They are read from histograms of fixed size, so the summary takes the same memory for ten "
      "profiles as for ten million, and do not depend on how the profiles were split among threads.";
  bool share = false, number = false;
  std::set<std::pair<double, double>> scales;
  for (const auto& metric : rules.metrics) {
    share = share || metric.kind == engine::MetricKind::Share;
    number = number || metric.kind == engine::MetricKind::Number;
    if (metric.kind == engine::MetricKind::Scale) scales.insert({metric.low, metric.high});
  }
  if (share) {
    const double half = engine::Distribution::linear(0, 1, engine::kDistributionSteps).precision().absolute;
    text += fmt::format(" Shares and their gaps are binned in steps of {} percentage point, so each percentile is "
                        "within {} points of the exact one, and exact for shares reported to a tenth of a point.",
                        format_number(200 * half), format_number(100 * half));
  }
  for (const auto& [low, high] : scales) {
    const double half = engine::Distribution::linear(low, high, engine::kDistributionSteps).precision().absolute;
    text += fmt::format(" On a {}–{} scale, values and gaps are within {} of the exact percentile.",
                        format_number(low), format_number(high), fmt::format("{:g}", half));
  }
  if (number) {
    const auto p = engine::Distribution::logarithmic().precision();
    text += fmt::format(" Numbers without a range are binned logarithmically, so each percentile is within {} of "
                        "its value (values nearer zero than {:g} count as zero).",
                        format_value(p.relative, engine::Unit::Percent), p.absolute);
  }
  return text + " The smallest and largest values are exact. A percentile rank is the share of profiles below a "
                "value, those within the same bin counting half.";
}

std::string small_portfolios(int min_group_size) {
  return fmt::format(
      "A summary must not expose one client. A spread drawn from fewer than {0} profiles is withheld, and so is the "
      "whole summary when the portfolio has fewer than {0}: with so few, a percentile is close to one client's own "
      "answer. Spreads from fewer than {1} profiles are marked as rough: their 10th and 90th percentiles are their "
      "smallest and largest values. Frequencies are counts over the whole portfolio and never name a client.",
      min_group_size, kFewProfiles);
}

}  // namespace

std::vector<std::string> portfolio_method(const engine::Portfolio& portfolio) {
  const auto& evidence = portfolio.options().evidence;
  std::vector<std::string> paragraphs{counting(evidence), values(evidence), precision(portfolio.rules()),
                                      small_portfolios(evidence.min_group_size)};
  if (portfolio.options().highlight) {
    paragraphs.push_back(
        "The highlighted client is the first profile in the input with exactly the company name given. Its percentile "
        "ranks place it in the whole portfolio, itself included: rank 50 is the middle.");
  }
  return paragraphs;
}

}  // namespace rapport::cli
