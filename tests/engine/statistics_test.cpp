// The statistics engine (engine/statistics.hpp) against published worked examples, each cited;
// where a published figure is rounded we also check the full-precision value, computed
// independently in Python with mpmath (30 digits; closed forms, its own incomplete beta and erfc).
// Every Approx sets its tolerance: Catch's default relative epsilon (~1e-5) would hide errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "engine/statistics.hpp"

namespace rapport::engine::statistics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> yes_no(int yes, int no) {
  std::vector<double> answers(static_cast<std::size_t>(yes), 1.0);
  answers.insert(answers.end(), static_cast<std::size_t>(no), 0.0);
  return answers;
}

void check_interval(const ConfidenceInterval& ci, double low, double high, double margin) {
  CHECK(ci.low == Approx(low).epsilon(0).margin(margin));
  CHECK(ci.high == Approx(high).epsilon(0).margin(margin));
}

// Student (1908), Biometrika 6:1–25: extra hours of sleep under two drugs, ten patients (the data
// of R's `sleep` data set, whose documentation prints these t-test results).
const std::vector<double> kSleepDrug1{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
const std::vector<double> kSleepDrug2{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
const std::vector<double> kSleepDifferences{1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4};

}  // namespace

TEST_CASE("the Wilson interval matches Newcombe's Table I", "[statistics][wilson]") {
  // Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison of
  // seven methods. Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity
  // correction), published to 4 decimals; then the same to 1e-10 from the closed form in mpmath.
  check_interval(wilson_interval(81, 263), 0.2553, 0.3662, 5e-5);
  check_interval(wilson_interval(15, 148), 0.0624, 0.1605, 5e-5);
  check_interval(wilson_interval(0, 20), 0.0000, 0.1611, 5e-5);
  check_interval(wilson_interval(1, 29), 0.0061, 0.1718, 5e-5);
  check_interval(wilson_interval(81, 263), 0.255288519878, 0.366209576983, 1e-10);
  check_interval(wilson_interval(15, 148), 0.0623863995307, 0.160487241723, 1e-10);
  check_interval(wilson_interval(0, 20), 0.0, 0.161125158053, 1e-10);
  check_interval(wilson_interval(1, 29), 0.00611321429276, 0.171755218793, 1e-10);
}

TEST_CASE("the Wilson interval at p̂ = 0 or 1 has the closed form z²/(n + z²)", "[statistics][wilson]") {
  // Wilson (1927), JASA 22:209–212: at x = 0 the interval is [0, z²/(n + z²)], at x = n it is
  // [n/(n + z²), 1]. z(0.975) = 1.959963984540054, z(0.995) = 2.5758293035489004.
  const double z95 = 1.959963984540054;
  const double z99 = 2.5758293035489004;
  check_interval(wilson_interval(29, 29), 29 / (29 + z95 * z95), 1.0, 1e-12);
  check_interval(wilson_interval(0, 20, 0.99), 0.0, z99 * z99 / (20 + z99 * z99), 1e-12);
  CHECK(wilson_interval(0, 20).low == 0.0);
  CHECK(wilson_interval(29, 29).high == 1.0);
}

TEST_CASE("a share from raw answers skips missing ones and gives n, successes and Wilson", "[statistics][share]") {
  auto answers = yes_no(81, 182);
  answers.insert(answers.begin() + 40, 3, kNaN);
  const auto s = summarize_share(answers);
  REQUIRE(s.status == Status::ok);
  CHECK(s.n == 263);
  CHECK(s.successes == Approx(81.0).epsilon(1e-12));
  CHECK(s.share == Approx(81.0 / 263).epsilon(1e-12));
  check_interval(s.ci, 0.255288519878, 0.366209576983, 1e-10);
  CHECK(s.ci.level == 0.95);
}

TEST_CASE("a share from a profile's percentage and respondents uses p̂·n successes", "[statistics][share]") {
  const auto s = share_from_aggregate(15.0 / 148, 148);
  REQUIRE(s.status == Status::ok);
  CHECK(s.successes == Approx(15.0).epsilon(1e-12));
  check_interval(s.ci, 0.0623863995307, 0.160487241723, 1e-10);
  // A rounded percentage gives fractional successes; the interval still holds p̂.
  const auto rounded = share_from_aggregate(0.58, 14);
  REQUIRE(rounded.status == Status::ok);
  CHECK(rounded.successes == Approx(8.12).epsilon(1e-12));
  CHECK(rounded.ci.low < 0.58);
  CHECK(rounded.ci.high > 0.58);
}

TEST_CASE("a share with no answers or bad input is insufficient, never NaN with status ok", "[statistics][share]") {
  CHECK(summarize_share(std::vector<double>{}).status == Status::no_answers);
  CHECK(summarize_share(std::vector<double>{kNaN, kNaN}).status == Status::no_answers);
  CHECK(share_from_aggregate(0.5, 0).status == Status::no_answers);
  CHECK(std::isnan(share_from_aggregate(0.5, 0).ci.low));
  CHECK(summarize_share(std::vector<double>{1, 0, 2}).status == Status::invalid_input);
  CHECK(summarize_share(std::vector<double>{1, 0.5}).status == Status::invalid_input);
  CHECK(share_from_aggregate(1.2, 10).status == Status::invalid_input);
  CHECK(share_from_aggregate(-0.1, 10).status == Status::invalid_input);
  CHECK(share_from_aggregate(kNaN, 10).status == Status::invalid_input);
  CHECK(share_from_aggregate(0.5, -3).status == Status::invalid_input);
  CHECK(share_from_aggregate(0.5, 10, 1.0).status == Status::invalid_input);
  CHECK(share_from_aggregate(0.5, 10, kNaN).status == Status::invalid_input);
  CHECK(std::isnan(wilson_interval(11, 10).low));
  // A single answer is enough for Wilson: 1/1 gives [1/(1 + z²), 1].
  const auto one = summarize_share(std::vector<double>{1});
  REQUIRE(one.status == Status::ok);
  CHECK(one.ci.high == 1.0);
}

TEST_CASE("the Wilson interval holds p̂, mirrors under yes/no and narrows with n", "[statistics][wilson]") {
  for (int n : {1, 2, 5, 14, 30, 263}) {
    for (int x = 0; x <= n; ++x) {
      const auto ci = wilson_interval(x, n);
      const auto mirrored = wilson_interval(n - x, n);
      const double share = static_cast<double>(x) / n;
      CHECK(ci.low <= share);
      CHECK(ci.high >= share);
      CHECK(ci.low >= 0.0);
      CHECK(ci.high <= 1.0);
      CHECK(ci.low == Approx(1.0 - mirrored.high).epsilon(0).margin(1e-12));
      const auto wider = wilson_interval(x, n, 0.99);
      CHECK(wider.low <= ci.low);
      CHECK(wider.high >= ci.high);
    }
  }
  for (int n = 2; n < 200; n += 2)
    CHECK(wilson_interval(n, 2 * n).high - wilson_interval(n, 2 * n).low <
          wilson_interval(n / 2, n).high - wilson_interval(n / 2, n).low);
}

TEST_CASE("the t interval for a mean matches NIST's worked example", "[statistics][scale]") {
  // NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.5.2 Confidence Limits for the Mean,
  // ZARR13.DAT: N = 195, mean 9.261460, sd 0.022789, 95% limits 9.258242 and 9.264679 (printed
  // to 6 decimals from unrounded inputs, hence the margin of 1e-6).
  const auto s = scale_from_aggregate(9.261460, 0.022789, 195);
  REQUIRE(s.status == Status::ok);
  check_interval(s.ci, 9.258242, 9.264679, 1e-6);
}

TEST_CASE("the t interval from raw answers matches Student's sleep data", "[statistics][scale]") {
  // Differences drug 2 − drug 1 (Student 1908). R's t.test on them prints mean 1.58 and the 95%
  // interval 0.7001142 to 2.4598858; the sd and the 99% interval are from mpmath.
  const auto s = summarize_scale(kSleepDifferences);
  REQUIRE(s.status == Status::ok);
  CHECK(s.n == 10);
  CHECK(s.mean == Approx(1.58).epsilon(1e-12));
  CHECK(s.sd == Approx(1.229995483279873).epsilon(1e-12));
  check_interval(s.ci, 0.7001142, 2.4598858, 1e-7);
  check_interval(summarize_scale(kSleepDifferences, 0.99).ci, 0.3159481149, 2.844051885, 1e-9);
}

TEST_CASE("a scale with too few answers keeps what it can and says why", "[statistics][scale]") {
  CHECK(summarize_scale(std::vector<double>{kNaN}).status == Status::no_answers);
  const auto one = summarize_scale(std::vector<double>{4, kNaN});
  CHECK(one.status == Status::too_few);
  CHECK(one.n == 1);
  CHECK(one.mean == 4.0);
  CHECK(std::isnan(one.sd));
  CHECK(std::isnan(one.ci.low));
  const auto mean_only = scale_from_aggregate(3.4, kNaN, 12);
  CHECK(mean_only.status == Status::no_spread);
  CHECK(mean_only.mean == 3.4);
  CHECK(summarize_scale(std::vector<double>{1, std::numeric_limits<double>::infinity()}).status ==
        Status::invalid_input);
  CHECK(scale_from_aggregate(3.0, -1.0, 10).status == Status::invalid_input);
  CHECK(scale_from_aggregate(kNaN, 1.0, 10).status == Status::invalid_input);
  CHECK(scale_from_aggregate(3.0, 1.0, -1).status == Status::invalid_input);
  // No spread in the answers: the t interval collapses to the mean, as its formula says.
  const auto flat = summarize_scale(std::vector<double>{4, 4, 4});
  REQUIRE(flat.status == Status::ok);
  CHECK(flat.sd == 0.0);
  check_interval(flat.ci, 4.0, 4.0, 0.0);
}

TEST_CASE("Welch's test matches R's output for Student's sleep data", "[statistics][welch]") {
  // R: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939,
  // 95% interval -3.3654832 to 0.2054832. Full precision from mpmath.
  const auto test = scale_gap_test(summarize_scale(kSleepDrug1), summarize_scale(kSleepDrug2));
  REQUIRE(test.status == Status::ok);
  CHECK(test.difference == Approx(-1.58).epsilon(1e-12));
  CHECK(test.statistic == Approx(-1.8608).epsilon(0).margin(5e-5));
  CHECK(test.degrees_of_freedom == Approx(17.776).epsilon(0).margin(5e-4));
  CHECK(test.p_value == Approx(0.07939).epsilon(0).margin(5e-6));
  check_interval(test.ci, -3.3654832, 0.2054832, 1e-7);
  CHECK(test.statistic == Approx(-1.86081346749).epsilon(1e-10));
  CHECK(test.degrees_of_freedom == Approx(17.7764735162).epsilon(1e-10));
  CHECK(test.p_value == Approx(0.0793941401874).epsilon(1e-9));
  CHECK(test.standard_error == Approx(0.849091017239).epsilon(1e-10));
  CHECK_FALSE(significant(test));
  CHECK(significant(test, 0.10));
}

TEST_CASE("Welch's test matches NIST's two-sample example from summary statistics", "[statistics][welch]") {
  // NIST/SEMATECH e-Handbook, 1.3.5.3 Two-Sample t-Test for Equal Means, AUTO83B.DAT: US cars
  // N 249, mean 20.14458, sd 6.41470; Japanese cars N 79, mean 30.48101, sd 6.10771. Unequal
  // variances: T = -12.94627, degrees of freedom 136.8750.
  const auto test = scale_gap_test(scale_from_aggregate(20.14458, 6.41470, 249),
                                   scale_from_aggregate(30.48101, 6.10771, 79));
  REQUIRE(test.status == Status::ok);
  CHECK(test.statistic == Approx(-12.94627).epsilon(0).margin(5e-5));
  CHECK(test.degrees_of_freedom == Approx(136.8750).epsilon(0).margin(5e-4));
  CHECK(test.p_value == Approx(1.57090461546e-25).epsilon(1e-6));  // mpmath
  CHECK(significant(test));
}

TEST_CASE("Welch's test with one constant group has n − 1 degrees of freedom of the other", "[statistics][welch]") {
  // Closed form: with s₁ = 0 the Satterthwaite formula reduces to n₂ − 1.
  const auto test = scale_gap_test(summarize_scale(std::vector<double>{5, 5, 5}),
                                   summarize_scale(kSleepDrug1));
  REQUIRE(test.status == Status::ok);
  CHECK(test.degrees_of_freedom == Approx(9.0).epsilon(1e-12));
  CHECK(test.standard_error == Approx(1.789009657759162 / std::sqrt(10.0)).epsilon(1e-12));
}

TEST_CASE("Welch's test on degenerate groups is insufficient or shows no gap", "[statistics][welch]") {
  const auto four = summarize_scale(std::vector<double>{4, 4});
  const auto five = summarize_scale(std::vector<double>{5, 5});
  const auto same = scale_gap_test(four, four);
  REQUIRE(same.status == Status::ok);
  CHECK(same.p_value == 1.0);
  CHECK(same.difference == 0.0);
  CHECK_FALSE(significant(same));
  const auto apart = scale_gap_test(four, five);
  CHECK(apart.status == Status::no_variation);
  CHECK(std::isnan(apart.p_value));
  CHECK_FALSE(significant(apart));
  const auto spread = summarize_scale(kSleepDrug1);
  CHECK(scale_gap_test(summarize_scale(std::vector<double>{3}), spread).status == Status::too_few);
  CHECK(scale_gap_test(spread, summarize_scale(std::vector<double>{})).status == Status::no_answers);
  CHECK(scale_gap_test(spread, scale_from_aggregate(3, kNaN, 9)).status == Status::no_spread);
  CHECK(scale_gap_test(spread, spread, 0.0).status == Status::invalid_input);
}

TEST_CASE("the two-proportion z-test matches independent computations", "[statistics][ztest]") {
  // The Physicians' Health Study aspirin table used throughout Agresti, Categorical Data Analysis:
  // myocardial infarction in 189 of 11034 on placebo and 104 of 11037 on aspirin. No published z is
  // relied on: z and p are from mpmath (erfc), and z² must equal Pearson's X² for the 2×2 table,
  // a textbook identity checked here from the counts.
  const auto test = share_gap_test(share_from_aggregate(189.0 / 11034, 11034),
                                   share_from_aggregate(104.0 / 11037, 11037));
  REQUIRE(test.status == Status::ok);
  CHECK(test.difference == Approx(0.007706023976).epsilon(1e-9));
  CHECK(test.statistic == Approx(5.00138820401).epsilon(1e-10));
  CHECK(test.p_value == Approx(5.69189697374e-7).epsilon(1e-7));
  CHECK(test.degrees_of_freedom == std::numeric_limits<double>::infinity());
  const double cells[2][2] = {{189, 11034 - 189}, {104, 11037 - 104}};
  const double total = 11034 + 11037;
  double x2 = 0;
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 2; ++c) {
      const double expected = (cells[r][0] + cells[r][1]) * (cells[0][c] + cells[1][c]) / total;
      x2 += (cells[r][c] - expected) * (cells[r][c] - expected) / expected;
    }
  CHECK(test.statistic * test.statistic == Approx(x2).epsilon(1e-10));
}

TEST_CASE("small-sample z-tests fall either side of alpha = 0.05", "[statistics][ztest]") {
  // mpmath: 9/14 vs 4/15 gives z = 2.03556406489, p = 0.0417941493146;
  // 12/20 vs 6/20 gives z = 1.90692517849, p = 0.0565302771674.
  const auto real = share_gap_test(summarize_share(yes_no(9, 5)), summarize_share(yes_no(4, 11)));
  REQUIRE(real.status == Status::ok);
  CHECK(real.statistic == Approx(2.03556406489).epsilon(1e-10));
  CHECK(real.p_value == Approx(0.0417941493146).epsilon(1e-9));
  CHECK(significant(real));
  const auto tentative = share_gap_test(summarize_share(yes_no(12, 8)), summarize_share(yes_no(6, 14)));
  CHECK(tentative.p_value == Approx(0.0565302771674).epsilon(1e-9));
  CHECK_FALSE(significant(tentative));
  CHECK(significant(tentative, 0.10));
}

TEST_CASE("the interval of a gap in shares is Newcombe's hybrid score interval", "[statistics][ztest]") {
  // Newcombe RG (1998), Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Statistics in Medicine 17:873–890, Table II, example (a)
  // 56/70 − 48/80, method 10: 0.0524 to 0.3339. Full precision from mpmath.
  const auto test = share_gap_test(share_from_aggregate(0.8, 70), share_from_aggregate(0.6, 80));
  REQUIRE(test.status == Status::ok);
  check_interval(test.ci, 0.0524, 0.3339, 5e-5);
  check_interval(test.ci, 0.0524314724024, 0.333872654037, 1e-10);
}

TEST_CASE("a z-test where both groups answered alike shows no gap; a missing group is insufficient", "[statistics][ztest]") {
  for (const auto& [a, b] : {std::pair{yes_no(0, 10), yes_no(0, 12)}, std::pair{yes_no(7, 0), yes_no(5, 0)}}) {
    const auto test = share_gap_test(summarize_share(a), summarize_share(b));
    REQUIRE(test.status == Status::ok);
    CHECK(test.difference == 0.0);
    CHECK(test.statistic == 0.0);
    CHECK(test.p_value == 1.0);
    CHECK(test.ci.low < 0.0);
    CHECK(test.ci.high > 0.0);
  }
  const auto some = share_from_aggregate(0.5, 10);
  CHECK(share_gap_test(some, share_from_aggregate(0.5, 0)).status == Status::no_answers);
  CHECK(share_gap_test(share_from_aggregate(2.0, 10), some).status == Status::invalid_input);
  CHECK(share_gap_test(some, some, 1.5).status == Status::invalid_input);
  CHECK_FALSE(significant(share_gap_test(some, share_from_aggregate(0.5, 0))));
}

TEST_CASE("swapping the groups negates the gap and keeps its p-value", "[statistics][symmetry]") {
  const auto a = share_from_aggregate(0.3, 20);
  const auto b = share_from_aggregate(0.65, 17);
  const auto ab = share_gap_test(a, b);
  const auto ba = share_gap_test(b, a);
  CHECK(ab.difference == Approx(-ba.difference).epsilon(1e-12));
  CHECK(ab.statistic == Approx(-ba.statistic).epsilon(1e-12));
  CHECK(ab.p_value == Approx(ba.p_value).epsilon(1e-12));
  CHECK(ab.ci.low == Approx(-ba.ci.high).epsilon(1e-12));
  const auto x = summarize_scale(kSleepDrug1);
  const auto y = summarize_scale(kSleepDrug2);
  const auto xy = scale_gap_test(x, y);
  const auto yx = scale_gap_test(y, x);
  CHECK(xy.statistic == Approx(-yx.statistic).epsilon(1e-12));
  CHECK(xy.degrees_of_freedom == Approx(yx.degrees_of_freedom).epsilon(1e-12));
  CHECK(xy.p_value == Approx(yx.p_value).epsilon(1e-12));
  CHECK(xy.ci.high == Approx(-yx.ci.low).epsilon(1e-12));
}

TEST_CASE("a wider gap between groups of the same size gives a smaller p-value", "[statistics][monotonic]") {
  const auto marketing = share_from_aggregate(0.5, 20);
  double previous = 1.1;
  for (int yes = 10; yes <= 20; ++yes) {
    const double p = share_gap_test(share_from_aggregate(yes / 20.0, 20), marketing).p_value;
    CHECK(p < previous);
    previous = p;
  }
  const auto base = scale_from_aggregate(3.0, 1.0, 12);
  previous = 1.1;
  for (double mean = 3.0; mean <= 5.0; mean += 0.25) {
    const double p = scale_gap_test(scale_from_aggregate(mean, 1.0, 12), base).p_value;
    CHECK(p < previous);
    previous = p;
  }
}

TEST_CASE("significance is p below alpha, and never for an unknown p or a bad alpha", "[statistics][significance]") {
  CHECK(significant(0.049));
  CHECK_FALSE(significant(0.05));
  CHECK_FALSE(significant(0.2));
  CHECK(significant(0.009, 0.01));
  CHECK_FALSE(significant(0.011, 0.01));
  CHECK_FALSE(significant(kNaN));
  CHECK_FALSE(significant(0.01, 0.0));
  CHECK_FALSE(significant(0.01, 1.0));
  CHECK_FALSE(significant(0.01, kNaN));
}

}  // namespace rapport::engine::statistics
