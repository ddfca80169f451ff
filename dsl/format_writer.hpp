// The formatter's output: tokens and line breaks, with every comment of the source put back
// in order (before the first token that follows it in the source) and blank lines kept or made.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"

namespace rapport::dsl::format {

// Whether a line break puts a blank line before what comes next.
enum class Blank : std::uint8_t {
  Never,   // never
  Keep,    // when the source had one there (runs of blank lines become one)
  Always,  // always
};

// A requested line break. Comments found before the next token go on lines of their own at
// `comment_indent`. `first` says whether a blank line goes before whatever comes first after the
// break (a comment or the token), `rest` before each thing after that; `blank_before_token`
// false means never one right before the token (`end` follows its last field directly).
struct Break {
  unsigned indent = 0;
  unsigned comment_indent = 0;
  Blank first = Blank::Never;
  Blank rest = Blank::Never;
  bool blank_before_token = true;
};

// A break inside a field (wrapped expression, next string): no blank lines at all.
inline Break inline_break(unsigned indent) { return {indent, indent, Blank::Never, Blank::Never, false}; }

class Writer {
 public:
  // `source` is the text the comments were found in (offsets are into it).
  Writer(std::string_view source, const std::vector<Comment>& comments);

  // The next token starts a new line.
  void new_line(const Break& brk);
  // Writes a token. Every comment that starts before `flush_at` in the source is written first.
  // `source_end` is where the token ends in the source (0 if it has no single place there).
  void token(std::string_view text, std::size_t flush_at, std::size_t source_end, bool space_before);
  // Writes text that flushes no comment: a closing parenthesis, a comma.
  void glue(std::string_view text);

  // The column (0-based, in code points) the next token would start at.
  unsigned next_column(bool space_before) const;

  // Where a token goes when a comment ends the line in the middle of a construct.
  void push_continuation(unsigned indent) { continuation_.push_back(indent); }
  void pop_continuation() { continuation_.pop_back(); }

  // Writes the comments left after the last token (after `brk`) and returns the whole text,
  // ending with one newline (or empty).
  std::string finish(const Break& brk);

 private:
  void flush_comments(std::size_t before);
  void write_comment(const Comment& comment);
  void start_line(unsigned indent, bool blank);
  bool blank_before(Blank policy, std::size_t item_begin) const;
  bool trailing_in_source(const Comment& comment) const;
  unsigned continuation() const { return continuation_.empty() ? 0 : continuation_.back(); }
  void append(std::string_view text);

  std::string_view source_;
  const std::vector<Comment>& comments_;
  std::size_t next_comment_ = 0;
  std::size_t last_end_ = 0;     // where the last source item written ends in the source

  std::string out_;
  unsigned column_ = 0;          // of the end of out_
  bool line_empty_ = true;       // nothing written on the current line yet
  bool ended_ = false;           // a comment ended the current line
  bool has_pending_ = false;     // a line break was requested and not yet made
  bool first_after_break_ = false;
  Break pending_;
  std::vector<unsigned> continuation_;
};

// Display width of UTF-8 text: one column per code point.
unsigned text_width(std::string_view text);

// `text` without the blanks at its end: how a comment is written out.
std::string_view without_trailing_blanks(std::string_view text);

}  // namespace rapport::dsl::format
