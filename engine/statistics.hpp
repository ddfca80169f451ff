// Small-sample statistics for survey answers: per-group summaries with confidence intervals
// (Wilson for shares, Student's t for scales) and tests of the IT−marketing gap. Pure functions.
#pragma once

#include <cstdint>
#include <span>

namespace rapport::engine::statistics {

inline constexpr double kDefaultConfidence = 0.95;
inline constexpr double kDefaultAlpha = 0.05;

// Whether a result could be computed, and if not, why. Fields that cannot be computed are NaN;
// callers check the status rather than discovering NaN. See docs/statistics.md.
enum class Status : std::uint8_t {
  ok,
  no_answers,     // n = 0: nothing is known about the group
  too_few,        // a scale with one answer: a mean but no sd and no interval; a Welch test needs 2
  no_spread,      // a scale aggregate gave a mean but no standard deviation: no interval, no test
  no_variation,   // Welch: every answer in both groups is the same, yet the means differ
  invalid_input,  // non-finite or out-of-range input: negative n, a share outside 0..1, ...
};

inline bool sufficient(Status s) { return s == Status::ok; }

struct ConfidenceInterval {
  double low;
  double high;
  double level;  // e.g. 0.95
};

// A share (proportion) answered by one group. successes = share · n; it need not be whole
// when it comes from a rounded percentage in a hand-typed profile.
struct ShareSummary {
  Status status;
  int n;
  double successes;
  double share;             // p̂
  ConfidenceInterval ci;    // Wilson score interval
};

// A scale or number answered by one group. The mean is known when n ≥ 1; sd and ci when n ≥ 2.
struct ScaleSummary {
  Status status;
  int n;
  double mean;
  double sd;                // sample standard deviation (divisor n − 1)
  ConfidenceInterval ci;    // mean ± t(1 − α/2, n − 1) · sd / √n
};

// The gap it − marketing, its confidence interval and the test of "no difference".
struct GapTest {
  Status status;
  double difference;          // it − marketing
  ConfidenceInterval ci;      // Newcombe's hybrid score interval (shares) or Welch's (scales)
  double standard_error;      // pooled (z-test) or unpooled (Welch)
  double statistic;           // z or t
  double degrees_of_freedom;  // Welch–Satterthwaite; +infinity for the z-test
  double p_value;             // two-sided
};

// Shares: from raw answers (1 = yes/agree, 0 = no, NaN = missing and skipped; anything else is
// invalid input) or from a profile's aggregate (p̂ and n from [respondents]).
ShareSummary summarize_share(std::span<const double> answers, double confidence = kDefaultConfidence);
ShareSummary share_from_aggregate(double share, int n, double confidence = kDefaultConfidence);
// The Wilson score interval for successes out of n (successes may be fractional, 0 ≤ x ≤ n).
ConfidenceInterval wilson_interval(double successes, int n, double confidence = kDefaultConfidence);

// Scales and numbers: from raw answers (NaN = missing and skipped; ±infinity is invalid) or from
// an aggregate mean, sd and n (sd may be NaN when unknown: then there is no interval).
ScaleSummary summarize_scale(std::span<const double> answers, double confidence = kDefaultConfidence);
ScaleSummary scale_from_aggregate(double mean, double sd, int n,
                                  double confidence = kDefaultConfidence);

// Two-sided two-proportion z-test with the pooled standard error.
GapTest share_gap_test(const ShareSummary& it, const ShareSummary& marketing,
                       double confidence = kDefaultConfidence);
// Welch's unequal-variance t-test with Welch–Satterthwaite degrees of freedom.
GapTest scale_gap_test(const ScaleSummary& it, const ScaleSummary& marketing,
                       double confidence = kDefaultConfidence);

// True when the test was computed and p < alpha. An insufficient test is never significant.
bool significant(const GapTest& test, double alpha = kDefaultAlpha);
bool significant(double p_value, double alpha = kDefaultAlpha);

}  // namespace rapport::engine::statistics
