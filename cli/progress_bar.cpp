// The progress bar (see progress_bar.hpp).
#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include <fmt/format.h>

namespace rapport::cli {

namespace {

// 1234567 -> "1,234,567"
std::string grouped(std::uint64_t number) {
  const std::string digits = std::to_string(number);
  std::string out;  // built forwards: GCC 12 warns falsely (-Wrestrict) about string::insert here
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string duration(double seconds) {
  const auto whole = static_cast<std::uint64_t>(seconds + 0.5);
  if (whole >= 3600) return fmt::format("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) != 0; }

ProgressBar::ProgressBar(bool enabled, std::optional<std::uint64_t> total_units)
    : enabled_(enabled), total_(total_units) {
  if (total_ && *total_ == 0) total_.reset();
}

void ProgressBar::update(std::uint64_t profiles, std::uint64_t units_done) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  if (shown_ && now - drawn_ < std::chrono::milliseconds(100)) return;
  drawn_ = now;
  shown_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = fmt::format("{} profiles", grouped(profiles));
  if (seconds > 0.05) line += fmt::format("  {}/s", grouped(static_cast<std::uint64_t>(profiles / seconds)));
  if (total_) {
    const double done = std::min(1.0, static_cast<double>(units_done) / static_cast<double>(*total_));
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(done * kWidth);
    line = fmt::format("[{}{}] {:3}%  {}", std::string(filled, '#'), std::string(kWidth - filled, '-'),
                       static_cast<int>(done * 100), line);
    if (done > 0.001 && seconds > 0.05) line += fmt::format("  ETA {}", duration(seconds * (1 - done) / done));
  }
  fmt::print(stderr, "\r{}\x1b[K", line);
  std::fflush(stderr);
}

void ProgressBar::clear() {
  if (!shown_) return;
  fmt::print(stderr, "\r\x1b[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace rapport::cli
