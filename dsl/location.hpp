// A place in a named text, as shown to people: file:line:col.
#pragma once

#include <cstdint>
#include <string>

namespace rapport::dsl {

struct Location {
  std::string file;
  std::uint32_t line = 0;    // 1-based; 0 means "no position" (the whole file or none)
  std::uint32_t col = 0;     // 1-based, in code points
  std::uint32_t length = 1;  // how many code points the caret underlines

  bool has_position() const { return line > 0; }
  friend bool operator==(const Location&, const Location&) = default;
};

inline bool operator<(const Location& a, const Location& b) {
  if (a.file != b.file) return a.file < b.file;
  if (a.line != b.line) return a.line < b.line;
  return a.col < b.col;
}

}  // namespace rapport::dsl
