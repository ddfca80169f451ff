// Distribution: percentiles and percentile ranks read from fixed histograms, checked against the exact
// figures computed from the sorted values, on random data; merging; memory that does not grow.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "engine/distribution.hpp"

namespace rapport::engine {
namespace {

constexpr int kPercentiles[] = {0, 1, 10, 25, 50, 75, 90, 99, 100};

// The nearest-rank percentile: the value at rank ceil(p·N/100) (at least 1) of the sorted values.
double exact_percentile(std::vector<double> values, int p) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  const std::size_t rank = std::max<std::size_t>(1, (static_cast<std::size_t>(p) * n + 99) / 100);
  return values[rank - 1];
}

Distribution filled(Distribution d, const std::vector<double>& values) {
  for (double v : values) d.add(v);
  return d;
}

std::vector<double> uniform(std::mt19937_64& random, std::size_t n, double low, double high) {
  std::uniform_real_distribution<double> pick(low, high);
  std::vector<double> values(n);
  for (auto& v : values) v = pick(random);
  return values;
}

}  // namespace

TEST_CASE("share percentiles are within 0.05 percentage points of the exact ones on random data", "[distribution]") {
  std::mt19937_64 random(7);
  for (std::size_t n : {1u, 2u, 3u, 7u, 10u, 99u, 1000u, 20000u}) {
    const auto values = uniform(random, n, 0, 1);
    const Distribution d = filled(Distribution::linear(0, 1, 1000), values);
    REQUIRE(d.count() == n);
    CHECK(d.precision().absolute == Approx(0.0005));
    for (int p : kPercentiles) {
      INFO("n = " << n << ", p" << p);
      CHECK(std::abs(d.percentile(p) - exact_percentile(values, p)) <= 0.0005 + 1e-12);
    }
  }
}

TEST_CASE("shares on a 0.1-point grid, as surveys report them, come back exactly", "[distribution]") {
  std::mt19937_64 random(11);
  std::uniform_int_distribution<int> permille(0, 1000);
  std::vector<double> values(5000);
  for (auto& v : values) v = permille(random) / 1000.0;
  const Distribution d = filled(Distribution::linear(0, 1, 1000), values);
  for (int p : kPercentiles) CHECK(d.percentile(p) == Approx(exact_percentile(values, p)).margin(1e-12));
}

TEST_CASE("scale and gap percentiles are within half a bin of the exact ones", "[distribution]") {
  std::mt19937_64 random(3);
  const auto scale = uniform(random, 4000, 1, 5);
  const Distribution on_scale = filled(Distribution::linear(1, 5, 1000), scale);
  const auto gaps = uniform(random, 4000, -0.7, 0.4);
  const Distribution of_gaps = filled(Distribution::linear(-1, 1, 2000), gaps);
  CHECK(on_scale.precision().absolute == Approx(0.002));
  CHECK(of_gaps.precision().absolute == Approx(0.0005));
  for (int p : kPercentiles) {
    INFO("p" << p);
    CHECK(std::abs(on_scale.percentile(p) - exact_percentile(scale, p)) <= 0.002 + 1e-12);
    CHECK(std::abs(of_gaps.percentile(p) - exact_percentile(gaps, p)) <= 0.0005 + 1e-12);
  }
}

TEST_CASE("number percentiles are within half a percent of the exact ones, negatives and zeros included",
          "[distribution]") {
  std::mt19937_64 random(5);
  std::lognormal_distribution<double> magnitude(0, 3);
  std::bernoulli_distribution negative(0.2), zero(0.05);
  std::vector<double> values(20000);
  for (auto& v : values) v = zero(random) ? 0.0 : (negative(random) ? -1 : 1) * magnitude(random);
  const Distribution d = filled(Distribution::logarithmic(), values);
  CHECK(d.precision().relative == Distribution::kRelativeAccuracy);
  for (int p : kPercentiles) {
    const double exact = exact_percentile(values, p);
    INFO("p" << p << ": exact " << exact << ", read " << d.percentile(p));
    CHECK(std::abs(d.percentile(p) - exact) <= Distribution::kRelativeAccuracy * std::abs(exact) + 1e-12);
  }
}

TEST_CASE("the minimum and maximum are exact, and percentiles never leave them", "[distribution]") {
  Distribution d = Distribution::logarithmic();
  for (double v : {2e12, 3e12, 0.25}) d.add(v);  // beyond kLargest: the end bin, but min and max stay right
  CHECK(d.min() == 0.25);
  CHECK(d.max() == 3e12);
  CHECK(d.percentile(100) <= 3e12);
  CHECK(d.percentile(0) == Approx(0.25).epsilon(0.005));
}

TEST_CASE("an empty distribution has no percentiles, minimum or rank", "[distribution]") {
  const Distribution d = Distribution::linear(0, 1, 1000);
  CHECK(d.count() == 0);
  CHECK(std::isnan(d.percentile(50)));
  CHECK(std::isnan(d.min()));
  CHECK(std::isnan(d.max()));
  CHECK(std::isnan(d.rank_of(0.5)));
}

TEST_CASE("non-finite values are not counted", "[distribution]") {
  Distribution d = Distribution::linear(0, 1, 1000);
  d.add(std::nan(""));
  d.add(INFINITY);
  d.add(0.5);
  CHECK(d.count() == 1);
  CHECK(d.percentile(50) == Approx(0.5));
}

TEST_CASE("the percentile rank is the share below, ties counting half, as exact as the bins allow", "[distribution]") {
  std::mt19937_64 random(13);
  std::uniform_int_distribution<int> permille(0, 1000);
  std::vector<double> values(3000);
  for (auto& v : values) v = permille(random) / 1000.0;
  const Distribution d = filled(Distribution::linear(0, 1, 1000), values);
  for (double at : {0.0, 0.1, 0.333, 0.5, 0.77, 1.0}) {
    const auto below = std::count_if(values.begin(), values.end(), [&](double v) { return v < at - 1e-9; });
    const auto equal = std::count_if(values.begin(), values.end(), [&](double v) { return std::abs(v - at) < 1e-9; });
    INFO("at " << at);
    CHECK(d.rank_of(at) == Approx((below + equal / 2.0) / values.size()));
  }
  Distribution three = filled(Distribution::linear(0, 1, 1000), {0.2, 0.4, 0.6});
  CHECK(three.rank_of(0.4) == Approx(0.5));
  CHECK(three.rank_of(0.1) == 0);
  CHECK(three.rank_of(0.9) == 1);
}

TEST_CASE("merged distributions hold exactly what one fed every value holds", "[distribution]") {
  std::mt19937_64 random(17);
  const auto values = uniform(random, 3001, 0, 1);
  const Distribution whole = filled(Distribution::linear(0, 1, 1000), values);
  Distribution first = filled(Distribution::linear(0, 1, 1000), {values.begin(), values.begin() + 1000});
  const Distribution second = filled(Distribution::linear(0, 1, 1000), {values.begin() + 1000, values.end()});
  Distribution reversed = second;
  reversed.merge(first);
  first.merge(second);
  for (const Distribution* merged : {&first, &reversed}) {
    CHECK(merged->count() == whole.count());
    CHECK(merged->min() == whole.min());
    CHECK(merged->max() == whole.max());
    for (int p : kPercentiles) CHECK(merged->percentile(p) == whole.percentile(p));
    CHECK(merged->rank_of(0.42) == whole.rank_of(0.42));
  }
  Distribution empty = Distribution::linear(0, 1, 1000);
  empty.merge(whole);
  CHECK(empty.min() == whole.min());
}

TEST_CASE("distributions with different bins refuse to merge", "[distribution]") {
  Distribution share = Distribution::linear(0, 1, 1000);
  CHECK_THROWS_AS(share.merge(Distribution::linear(1, 5, 1000)), std::logic_error);
  CHECK_THROWS_AS(share.merge(Distribution::logarithmic()), std::logic_error);
}

TEST_CASE("a distribution's memory is fixed when it is made, whatever it is fed", "[distribution]") {
  Distribution share = Distribution::linear(0, 1, 1000);
  Distribution number = Distribution::logarithmic();
  const auto share_bins = share.bins(), number_bins = number.bins();
  CHECK(share_bins == 1001);
  CHECK(number_bins < 10000);
  std::mt19937_64 random(19);
  for (double v : uniform(random, 100000, -1e6, 1e6)) {
    share.add(v);
    number.add(v);
  }
  CHECK(share.bins() == share_bins);
  CHECK(number.bins() == number_bins);
}

}  // namespace rapport::engine
