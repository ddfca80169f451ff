// Reading a fuzzer's bytes as choices: each call takes what it needs from the front, and an exhausted
// input reads as zeros, so every byte string is a valid (if dull) sequence of choices. A tiny stand-in
// for libFuzzer's FuzzedDataProvider that also builds with GCC, for the replay tests.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rapport::fuzz {

class ByteSource {
 public:
  ByteSource(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
  // A number in [0, count), count > 0.
  std::uint32_t below(std::uint32_t count) {
    const std::uint32_t wide = static_cast<std::uint32_t>(byte()) << 8 | byte();
    return wide % count;
  }
  bool chance(std::uint32_t in) { return below(in) == 0; }  // true about once in `in` times
  bool empty() const { return at_ >= size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace rapport::fuzz
