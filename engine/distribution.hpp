// The distribution of one value across many profiles, in memory fixed when it is made: a histogram whose
// bins are set by the value's range, never by how many values it holds. Counts are integers, so merging
// two distributions gives exactly what adding all their values to one would have given: how profiles are
// split among threads cannot change a percentile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rapport::engine {

// How far a percentile read from a distribution may be from the exact one: at most `absolute`, or, for a
// logarithmic distribution, at most `relative` times the value (and `absolute` near zero).
struct Precision {
  double absolute = 0;
  double relative = 0;
};

class Distribution {
 public:
  // Bins centred on low, low + w, ..., high, with w = (high − low) / steps: a percentile is off by at
  // most w / 2, and values on that grid (58% on a 0.1-point grid) come back exactly. Values outside
  // low..high count in the end bins. Needs low < high and steps > 0.
  static Distribution linear(double low, double high, std::uint32_t steps);

  // For values with no declared range (number metrics): bins whose width grows with the magnitude
  // (DDSketch's mapping, Masson, Rim and Lee 2019), so a percentile is off by at most kRelativeAccuracy of
  // its value. Magnitudes below kSmallest count as zero; beyond kLargest they share the end bins, where
  // only the exact minimum and maximum stay right.
  static Distribution logarithmic();
  static constexpr double kRelativeAccuracy = 0.005;
  static constexpr double kSmallest = 1e-6;
  static constexpr double kLargest = 1e9;

  void add(double value);  // a finite value; NaN and infinities are ignored
  // Adds every value `other` holds. Both must come from the same factory call with the same arguments;
  // anything else is a bug (std::logic_error).
  void merge(const Distribution& other);

  std::uint64_t count() const { return count_; }
  double min() const;  // exact; NaN when empty
  double max() const;  // exact; NaN when empty

  // The nearest-rank percentile: the value at rank ceil(p × N / 100) of the N values in order, to within
  // precision() (and never outside min..max). p is 0..100; NaN when empty.
  double percentile(int p) const;

  // Where `value` sits: the share of values below it (0..1), values in its bin counting half. That is the
  // percentile rank, with values closer than a bin's width taken as ties. NaN when empty.
  double rank_of(double value) const;

  // How many values fell in the bin `value` falls in: for a flag's distribution, how many said yes (1).
  std::uint64_t count_at(double value) const;

  Precision precision() const;
  std::size_t bins() const { return counts_.size(); }  // fixed at construction: the memory it takes

 private:
  enum class Scale : std::uint8_t { Linear, Logarithmic };
  Distribution(Scale scale, double low, double width, std::size_t bins);

  std::size_t bin_of(double value) const;
  std::size_t logarithmic_bin(double value) const;  // apart, so the linear path stays small enough to inline
  double value_of(std::size_t bin) const;  // the value a bin stands for

  Scale scale_;
  double low_;    // linear: the first bin's centre
  double width_;  // linear: the bins' width; logarithmic: ln γ
  double per_width_;  // 1 / width_: a multiplication per value instead of a division
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  double min_, max_;
};

}  // namespace rapport::engine
