// Word wrapping (see text_wrap.hpp).
#include "cli/text_wrap.hpp"

#include <fmt/format.h>

#include "cli/report.hpp"

#include <vector>

namespace rapport::cli {

int display_width(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b) {  // skip an ANSI escape: ESC [ ... letter
      while (i < text.size() && !((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) ++i;
      continue;
    }
    if ((c & 0xC0) != 0x80) ++width;  // count lead bytes only
  }
  return width;
}

std::string wrap(std::string_view text, int width, std::string_view first_indent, std::string_view indent) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == ' ') ++start;
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end;
  }
  std::string out(first_indent);
  int column = display_width(first_indent);
  bool line_empty = true;
  for (auto word : words) {
    int word_width = display_width(word);
    if (!line_empty && column + 1 + word_width > width) {
      out += '\n';
      out += indent;
      column = display_width(indent);
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word_width;
    line_empty = false;
  }
  return out;
}

std::string TextStyle::paint(const char* code, std::string_view text) const {
  if (!color) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

}  // namespace rapport::cli
