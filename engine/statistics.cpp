// Small-sample statistics for survey answers (engine/statistics.hpp). Quantiles and tail
// probabilities come from Boost.Math; every input is checked first, so Boost never throws.
#include "engine/statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <boost/math/distributions/complement.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace rapport::engine::statistics {
namespace {

double root_sum_of_squares(double x, double y) { return std::sqrt(x * x + y * y); }

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool valid_level(double level) { return std::isfinite(level) && level > 0.0 && level < 1.0; }

ConfidenceInterval no_interval(double level) { return {kNaN, kNaN, level}; }

// The two-sided critical value: z such that P(|Z| > z) = 1 − confidence. Every interval of an
// assessment uses the same level, and the quantile is costly: keep the last one (per thread).
double normal_critical(double confidence) {
  thread_local double cached_confidence = kNaN, cached_z = kNaN;
  if (confidence != cached_confidence) {
    const boost::math::normal standard;
    cached_z = boost::math::quantile(boost::math::complement(standard, (1.0 - confidence) / 2.0));
    cached_confidence = confidence;
  }
  return cached_z;
}

// Whole degrees of freedom (n − 1 of a question's answers) recur from one question and one profile to
// the next: keep their critical values for the level in use (per thread). Welch's fractional ones do not.
double t_critical(double confidence, double degrees_of_freedom) {
  constexpr std::size_t kCached = 1024;
  thread_local double cached_confidence = kNaN;
  thread_local std::array<double, kCached> cached{};
  const bool whole = degrees_of_freedom >= 1 && degrees_of_freedom < kCached &&
                     degrees_of_freedom == std::floor(degrees_of_freedom);
  auto compute = [&] {
    const boost::math::students_t t(degrees_of_freedom);
    return boost::math::quantile(boost::math::complement(t, (1.0 - confidence) / 2.0));
  };
  if (!whole) return compute();
  if (confidence != cached_confidence) {
    cached.fill(kNaN);
    cached_confidence = confidence;
  }
  double& value = cached[static_cast<std::size_t>(degrees_of_freedom)];
  if (std::isnan(value)) value = compute();
  return value;
}

// P(|Z| > |z|) = erfc(|z| / √2): the C library's erfc is exact to a unit in the last place, and cheap.
double two_sided_normal_p(double z) { return std::min(1.0, std::erfc(std::fabs(z) / std::sqrt(2.0))); }

double two_sided_t_p(double t, double degrees_of_freedom) {
  const boost::math::students_t dist(degrees_of_freedom);
  return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t))));
}

ShareSummary share_failure(Status status, int n, double confidence) {
  return {status, n, kNaN, kNaN, no_interval(confidence)};
}

ScaleSummary scale_failure(Status status, int n, double confidence) {
  return {status, n, kNaN, kNaN, no_interval(confidence)};
}

GapTest gap_failure(Status status, double confidence) {
  return {status, kNaN, no_interval(confidence), kNaN, kNaN, kNaN, kNaN};
}

Status first_failure(Status it, Status marketing, double confidence) {
  if (!valid_level(confidence)) return Status::invalid_input;
  return sufficient(it) ? marketing : it;
}

// Newcombe (1998), method 10: each end combines the two groups' Wilson intervals.
ConfidenceInterval newcombe_interval(const ShareSummary& it, const ShareSummary& marketing,
                                     double confidence) {
  // The summaries' own Wilson intervals, when they are at this level (they are, from gather_evidence).
  const auto a = it.ci.level == confidence ? it.ci : wilson_interval(it.successes, it.n, confidence);
  const auto b = marketing.ci.level == confidence ? marketing.ci
                                                   : wilson_interval(marketing.successes, marketing.n, confidence);
  const double difference = it.share - marketing.share;
  // Shares lie in 0..1, so the squares cannot overflow: the plain root is exact enough and several times
  // cheaper than std::hypot, which guards against overflow (this runs for every gap of every profile).
  const double below = root_sum_of_squares(it.share - a.low, b.high - marketing.share);
  const double above = root_sum_of_squares(a.high - it.share, marketing.share - b.low);
  return {difference - below, difference + above, confidence};
}

}  // namespace

ConfidenceInterval wilson_interval(double successes, int n, double confidence) {
  if (n <= 0 || !valid_level(confidence) || !std::isfinite(successes) || successes < 0.0 ||
      successes > n)
    return no_interval(confidence);
  // Wilson (1927): the p for which |p̂ − p| = z·√(p(1 − p)/n), solved for p.
  const double z = normal_critical(confidence);
  const double z2 = z * z;
  const double count = n;
  const double centre = (successes + z2 / 2.0) / (count + z2);
  const double half = z / (count + z2) * std::sqrt(successes * (count - successes) / count + z2 / 4.0);
  // At p̂ = 0 or 1 the bound is exactly 0 or 1; rounding must not push it past.
  const double low = successes == 0.0 ? 0.0 : std::max(0.0, centre - half);
  const double high = successes == count ? 1.0 : std::min(1.0, centre + half);
  return {low, high, confidence};
}

ShareSummary share_from_aggregate(double share, int n, double confidence) {
  if (n < 0 || !valid_level(confidence) || !std::isfinite(share) || share < 0.0 || share > 1.0)
    return share_failure(Status::invalid_input, std::max(n, 0), confidence);
  if (n == 0) return share_failure(Status::no_answers, 0, confidence);
  const double successes = share * n;
  return {Status::ok, n, successes, share, wilson_interval(successes, n, confidence)};
}

ShareSummary summarize_share(std::span<const double> answers, double confidence) {
  int n = 0;
  int yes = 0;
  for (const double answer : answers) {
    if (std::isnan(answer)) continue;  // missing
    if (answer != 0.0 && answer != 1.0) return share_failure(Status::invalid_input, 0, confidence);
    ++n;
    yes += answer == 1.0 ? 1 : 0;
  }
  if (n == 0) return share_from_aggregate(0.0, 0, confidence);  // checks the confidence too
  return share_from_aggregate(static_cast<double>(yes) / n, n, confidence);
}

ScaleSummary scale_from_aggregate(double mean, double sd, int n, double confidence) {
  const bool sd_valid = std::isnan(sd) || (std::isfinite(sd) && sd >= 0.0);
  if (n < 0 || !valid_level(confidence) || !std::isfinite(mean) || !sd_valid)
    return scale_failure(Status::invalid_input, std::max(n, 0), confidence);
  if (n == 0) return scale_failure(Status::no_answers, 0, confidence);
  if (n == 1) return {Status::too_few, 1, mean, kNaN, no_interval(confidence)};
  if (std::isnan(sd)) return {Status::no_spread, n, mean, kNaN, no_interval(confidence)};
  const double half = t_critical(confidence, n - 1.0) * sd / std::sqrt(static_cast<double>(n));
  return {Status::ok, n, mean, sd, {mean - half, mean + half, confidence}};
}

ScaleSummary summarize_scale(std::span<const double> answers, double confidence) {
  int n = 0;
  double sum = 0.0;
  for (const double answer : answers) {
    if (std::isnan(answer)) continue;
    if (!std::isfinite(answer)) return scale_failure(Status::invalid_input, 0, confidence);
    ++n;
    sum += answer;
  }
  if (n == 0) return scale_from_aggregate(0.0, kNaN, 0, confidence);
  const double mean = sum / n;
  // Two passes: the sum of squared deviations from the mean loses less precision than Σx² − n·x̄².
  double squares = 0.0;
  for (const double answer : answers)
    if (!std::isnan(answer)) squares += (answer - mean) * (answer - mean);
  const double sd = n > 1 ? std::sqrt(squares / (n - 1)) : kNaN;
  return scale_from_aggregate(mean, sd, n, confidence);
}

GapTest share_gap_test(const ShareSummary& it, const ShareSummary& marketing, double confidence) {
  if (const auto status = first_failure(it.status, marketing.status, confidence); !sufficient(status))
    return gap_failure(status, confidence);
  const double n1 = it.n;
  const double n2 = marketing.n;
  const double difference = it.share - marketing.share;
  const auto ci = newcombe_interval(it, marketing, confidence);
  const double pooled = (it.successes + marketing.successes) / (n1 + n2);
  // Pooled share 0 or 1: both groups answered alike (all no or all yes), so z is 0/0. There is
  // no evidence of a gap: we report z = 0 and p = 1.
  if (pooled <= 0.0 || pooled >= 1.0) return {Status::ok, 0.0, ci, 0.0, 0.0, kInfinity, 1.0};
  const double se = std::sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
  const double z = difference / se;
  return {Status::ok, difference, ci, se, z, kInfinity, two_sided_normal_p(z)};
}

GapTest scale_gap_test(const ScaleSummary& it, const ScaleSummary& marketing, double confidence) {
  if (const auto status = first_failure(it.status, marketing.status, confidence); !sufficient(status))
    return gap_failure(status, confidence);
  const double v1 = it.sd * it.sd / it.n;
  const double v2 = marketing.sd * marketing.sd / marketing.n;
  const double difference = it.mean - marketing.mean;
  if (v1 + v2 == 0.0) {
    // Every answer in each group is the same. Equal constants show no gap (t = 0, p = 1, the
    // interval a point, as the formula gives); unequal ones would make t infinite on as few as two
    // answers each, which we refuse to call certain.
    if (difference != 0.0) return gap_failure(Status::no_variation, confidence);
    return {Status::ok, 0.0, {0.0, 0.0, confidence}, 0.0, 0.0, it.n + marketing.n - 2.0, 1.0};
  }
  const double se = std::sqrt(v1 + v2);
  // Welch (1947), Satterthwaite (1946): a group with no variance contributes no term.
  const double df = (v1 + v2) * (v1 + v2) /
                    (v1 * v1 / (it.n - 1.0) + v2 * v2 / (marketing.n - 1.0));
  const double t = difference / se;
  const double half = t_critical(confidence, df) * se;
  return {Status::ok, difference, {difference - half, difference + half, confidence}, se, t, df,
          two_sided_t_p(t, df)};
}

bool significant(double p_value, double alpha) {
  return valid_level(alpha) && std::isfinite(p_value) && p_value < alpha;
}

bool significant(const GapTest& test, double alpha) {
  return sufficient(test.status) && significant(test.p_value, alpha);
}

}  // namespace rapport::engine::statistics
