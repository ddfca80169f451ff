// A one-line progress bar on standard error for long runs (`rapport batch`): how many profiles, how
// fast, and, when the input's size is known, how far along and how long to go. Drawn only when
// standard error is a terminal, and at most ten times a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace rapport::cli {

class ProgressBar {
 public:
  // `total_units`: the input's size in the units update() counts (bytes, files), when known.
  ProgressBar(bool enabled, std::optional<std::uint64_t> total_units);
  ~ProgressBar() { clear(); }

  // Redraws when the last drawing is 100 ms old (and the first time).
  void update(std::uint64_t profiles, std::uint64_t units_done);
  // Erases the bar, so that other text can go to standard error; the next update draws it again.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::optional<std::uint64_t> total_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point drawn_{};
  bool shown_ = false;
};

// Whether standard error is a terminal, the one place a progress bar belongs.
bool stderr_is_terminal();

}  // namespace rapport::cli
