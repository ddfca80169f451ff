// Distribution (see distribution.hpp): fixed histograms, linear over a known range or logarithmic.
#include "engine/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rapport::engine {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// γ: each logarithmic bin spans magnitudes (s·γ^(j−1), s·γ^j]; its value 2·s·γ^j / (γ + 1) is then within
// kRelativeAccuracy of every magnitude in it.
double gamma() { return (1 + Distribution::kRelativeAccuracy) / (1 - Distribution::kRelativeAccuracy); }

// Bins for one sign: enough for magnitudes kSmallest..kLargest.
std::size_t magnitude_bins() {
  return static_cast<std::size_t>(std::ceil(std::log(Distribution::kLargest / Distribution::kSmallest) /
                                            std::log(gamma()))) + 1;
}

}  // namespace

Distribution::Distribution(Scale scale, double low, double width, std::size_t bins)
    : scale_(scale), low_(low), width_(width), per_width_(1 / width), counts_(bins, 0), min_(kNaN), max_(kNaN) {}

Distribution Distribution::linear(double low, double high, std::uint32_t steps) {
  if (!(low < high) || steps == 0) throw std::logic_error("Distribution::linear needs low < high and steps > 0");
  return Distribution(Scale::Linear, low, (high - low) / steps, std::size_t{steps} + 1);
}

Distribution Distribution::logarithmic() {
  // Negative magnitudes mirrored below the zero bin, positive ones above it: bin order is value order.
  return Distribution(Scale::Logarithmic, 0, std::log(gamma()), 2 * magnitude_bins() + 1);
}

std::size_t Distribution::bin_of(double value) const {
  const std::size_t last = counts_.size() - 1;
  if (scale_ == Scale::Linear) {
    // The nearest bin centre; adding ½ and truncating rounds as std::round does for the positive steps
    // that reach it, without a library call.
    const double step = (value - low_) * per_width_;
    if (!(step > 0)) return 0;
    return step >= static_cast<double>(last) ? last : static_cast<std::size_t>(step + 0.5);
  }
  return logarithmic_bin(value);
}

std::size_t Distribution::logarithmic_bin(double value) const {
  const std::size_t zero = (counts_.size() - 1) / 2;
  const double magnitude = std::abs(value);
  if (magnitude < kSmallest) return zero;
  const double j = std::ceil(std::log(magnitude / kSmallest) * per_width_);
  const auto offset = static_cast<std::size_t>(std::clamp(j, 0.0, static_cast<double>(zero - 1)));
  return value > 0 ? zero + 1 + offset : zero - 1 - offset;
}

double Distribution::value_of(std::size_t bin) const {
  if (scale_ == Scale::Linear) return low_ + static_cast<double>(bin) * width_;
  const std::size_t zero = (counts_.size() - 1) / 2;
  if (bin == zero) return 0;
  const double j = static_cast<double>(bin > zero ? bin - zero - 1 : zero - 1 - bin);
  const double magnitude = kSmallest * std::exp(j * width_) * 2 / (gamma() + 1);
  return bin > zero ? magnitude : -magnitude;
}

void Distribution::add(double value) {
  if (!std::isfinite(value)) return;
  ++counts_[bin_of(value)];
  if (count_++ == 0) {
    min_ = max_ = value;
  } else {
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  }
}

void Distribution::merge(const Distribution& other) {
  if (other.scale_ != scale_ || other.counts_.size() != counts_.size() || other.low_ != low_ ||
      other.width_ != width_) {
    throw std::logic_error("Distribution::merge: the two distributions have different bins");
  }
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = count_ == 0 ? other.max_ : std::max(max_, other.max_);
  count_ += other.count_;
}

double Distribution::min() const { return count_ == 0 ? kNaN : min_; }
double Distribution::max() const { return count_ == 0 ? kNaN : max_; }

double Distribution::percentile(int p) const {
  if (count_ == 0) return kNaN;
  // Integer arithmetic for the rank: ceil(p·N/100), at least 1, so p = 90 of 10 values is exactly the 9th.
  const std::uint64_t percent = static_cast<std::uint64_t>(std::clamp(p, 0, 100));
  const std::uint64_t rank = std::max<std::uint64_t>(1, (percent * count_ + 99) / 100);
  std::uint64_t seen = 0;
  for (std::size_t bin = 0; bin < counts_.size(); ++bin) {
    seen += counts_[bin];
    if (seen >= rank) return std::clamp(value_of(bin), min_, max_);
  }
  return max_;
}

double Distribution::rank_of(double value) const {
  if (count_ == 0 || std::isnan(value)) return kNaN;
  const std::size_t at = bin_of(value);
  std::uint64_t below = 0;
  for (std::size_t bin = 0; bin < at; ++bin) below += counts_[bin];
  return (static_cast<double>(below) + static_cast<double>(counts_[at]) / 2) / static_cast<double>(count_);
}

std::uint64_t Distribution::count_at(double value) const {
  return std::isnan(value) ? 0 : counts_[bin_of(value)];
}

Precision Distribution::precision() const {
  if (scale_ == Scale::Linear) return {width_ / 2, 0};
  return {kSmallest, kRelativeAccuracy};
}

}  // namespace rapport::engine
