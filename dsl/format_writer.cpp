// The formatter's output writer (see format_writer.hpp). Comments are never lost: each is written
// before the first token that follows it in the source; one that followed code on its line stays
// at the end of the output line, one that stood on its own line keeps a line of its own.
#include "dsl/format_writer.hpp"

#include <algorithm>

namespace rapport::dsl::format {
std::string_view without_trailing_blanks(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\f' || text.back() == '\v')) {
    text.remove_suffix(1);
  }
  return text;
}

unsigned text_width(std::string_view text) {
  unsigned width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

Writer::Writer(std::string_view source, const std::vector<Comment>& comments) : source_(source), comments_(comments) {}

void Writer::new_line(const Break& brk) {
  pending_ = brk;
  has_pending_ = true;
  first_after_break_ = true;
}

void Writer::token(std::string_view text, std::size_t flush_at, std::size_t source_end, bool space_before) {
  flush_comments(flush_at);
  if (has_pending_) {
    const Blank policy = !pending_.blank_before_token ? Blank::Never
                         : first_after_break_        ? pending_.first
                                                     : pending_.rest;
    start_line(pending_.indent, blank_before(policy, flush_at));
    has_pending_ = false;
  } else if (ended_) {
    start_line(continuation(), false);
  } else if (space_before && !line_empty_) {
    append(" ");
  }
  ended_ = false;
  append(text);
  line_empty_ = false;
  last_end_ = std::max(last_end_, source_end);
}

void Writer::glue(std::string_view text) {
  if (has_pending_ || ended_) {
    start_line(has_pending_ ? pending_.indent : continuation(), false);
    has_pending_ = ended_ = false;
  }
  append(text);
  line_empty_ = false;
}

unsigned Writer::next_column(bool space_before) const {
  if (has_pending_) return pending_.indent;
  if (ended_) return continuation();
  return column_ + (space_before && !line_empty_ ? 1 : 0);
}

std::string Writer::finish(const Break& brk) {
  new_line(brk);
  flush_comments(source_.size() + 1);
  if (!out_.empty()) out_ += '\n';
  return std::move(out_);
}

void Writer::flush_comments(std::size_t before) {
  while (next_comment_ < comments_.size() && comments_[next_comment_].span.begin < before) {
    write_comment(comments_[next_comment_]);
    ++next_comment_;
  }
}

// A comment that followed code on its source line follows the last token written; any other
// comment gets a line of its own, where the pending break (or the construct it is in) puts it.
void Writer::write_comment(const Comment& comment) {
  const std::string_view text = without_trailing_blanks(comment.text);
  if (trailing_in_source(comment) && !line_empty_ && !ended_) {
    append(" ");
  } else if (has_pending_) {
    const Blank policy = first_after_break_ ? pending_.first : pending_.rest;
    start_line(pending_.comment_indent, blank_before(policy, comment.span.begin));
    first_after_break_ = false;
  } else {
    start_line(continuation(), false);
  }
  append(text);
  line_empty_ = false;
  ended_ = true;
  last_end_ = std::max<std::size_t>(last_end_, comment.span.end);
}

void Writer::start_line(unsigned indent, bool blank) {
  if (out_.empty()) {  // the first line of the file: no break before it
    line_empty_ = true;
  } else {
    out_.resize(without_trailing_blanks(out_).size());
    out_ += blank ? "\n\n" : "\n";
  }
  out_.append(indent, ' ');
  column_ = indent;
  line_empty_ = true;
}

bool Writer::blank_before(Blank policy, std::size_t item_begin) const {
  if (policy == Blank::Always) return true;
  if (policy == Blank::Never || item_begin <= last_end_) return false;
  // A blank line: two line breaks with nothing but blanks between them. A token the formatter
  // dropped (a redundant parenthesis) between two line breaks makes no blank line.
  bool line_blank = false;  // the current line of the gap so far, after a line break
  for (std::size_t i = last_end_; i < std::min(item_begin, source_.size()); ++i) {
    const char c = source_[i];
    if (c == '\n') {
      if (line_blank) return true;
      line_blank = true;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
      line_blank = false;
    }
  }
  return false;
}

bool Writer::trailing_in_source(const Comment& comment) const {
  for (std::size_t i = comment.span.begin; i > 0; --i) {
    const char c = source_[i - 1];
    if (c == '\n') return false;
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return true;
  }
  return false;
}

void Writer::append(std::string_view text) {
  out_ += text;
  column_ += text_width(text);
}

}  // namespace rapport::dsl::format
