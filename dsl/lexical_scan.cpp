// Token-level scans of rule text that need no grammar (see lexical_scan.hpp).
#include "dsl/lexical_scan.hpp"

#include <array>
#include <cstring>
#include <string>

namespace rapport::dsl::lexical {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t scan_word(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && is_ident_char(text[i])) ++i;
  // A dotted reference is one token, and so is a dangling "it." (shown as "after 'it.'").
  while (i < end && text[i] == '.') {
    ++i;
    while (i < end && is_ident_char(text[i])) ++i;
  }
  return i;
}

std::size_t scan_number(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && is_digit(text[i])) ++i;
  if (i + 1 < end && text[i] == '.' && is_digit(text[i + 1])) {
    ++i;
    while (i < end && is_digit(text[i])) ++i;
  }
  if (i < end && text[i] == '%') return i + 1;
  if (i + 1 < end && text[i] == 'p' && text[i + 1] == 'p' && (i + 2 >= end || !is_ident_char(text[i + 2]))) {
    return i + 2;
  }
  return i;
}

std::size_t scan_string(std::string_view text, std::size_t i, std::size_t end) {
  for (++i; i < end && text[i] != '\n'; ++i) {
    if (text[i] == '"') return i + 1;
    if (text[i] == '\\' && i + 1 < end && text[i + 1] != '\n') ++i;
  }
  return i;
}

std::size_t scan_comment(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && text[i] != '\n') ++i;
  if (i > 0 && text[i - 1] == '\r') --i;
  return i;
}

std::size_t scan_symbol(std::string_view text, std::size_t i, std::size_t end) {
  static constexpr std::array<std::string_view, 4> kTwoCharOperators = {"==", "!=", "<=", ">="};
  for (std::string_view op : kTwoCharOperators) {
    if (text.substr(i, std::min(end - i, op.size())) == op) return i + 2;
  }
  ++i;
  while (i < end && is_continuation_byte(text[i])) ++i;  // one code point, not one byte
  return i;
}

bool is_declaration_keyword(std::string_view word) {
  return word == "source" || word == "metric" || word == "finding" || word == "recommendation";
}

}  // namespace

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

Token next_token(std::string_view text, std::size_t pos, std::size_t end) {
  end = std::min(end, text.size());
  while (pos < end && is_blank(text[pos])) ++pos;
  if (pos >= end) return {TokenKind::End, end, end};
  const char c = text[pos];
  if (c == '#') return {TokenKind::Comment, pos, scan_comment(text, pos, end)};
  if (c == '"') return {TokenKind::String, pos, scan_string(text, pos, end)};
  if (is_ident_start(c)) return {TokenKind::Word, pos, scan_word(text, pos, end)};
  if (is_digit(c)) return {TokenKind::Number, pos, scan_number(text, pos, end)};
  return {TokenKind::Symbol, pos, scan_symbol(text, pos, end)};
}

std::size_t skip_blanks(std::string_view text, std::size_t pos, std::size_t end) {
  for (;;) {
    const Token token = next_token(text, pos, end);
    if (token.kind != TokenKind::Comment) return token.begin;
    pos = token.end;
  }
}

// No token spans two lines (strings and comments stop at the end of theirs), so a line start is a token
// boundary: the scans below tokenise only the lines that matter, not everything before them. The parser
// asks for the last token of every field it reads, so scanning from `from` made parsing quadratic in
// the length of a declaration.
Token previous_token(std::string_view text, std::size_t from, std::size_t at) {
  at = std::min(at, text.size());
  // The common case, a field's last line with no string or comment on it: every blank is a token
  // boundary there, so tokenising from the last blank before the last word finds the same token.
  std::size_t last = at;
  while (last > from && is_blank(text[last - 1]) && text[last - 1] != '\n') --last;
  if (last > from && text[last - 1] != '\n') {
    const void* newline = last > from ? memrchr(text.data() + from, '\n', last - from) : nullptr;
    const std::size_t line = newline ? static_cast<const char*>(newline) - text.data() + 1 : from;
    const char* segment = text.data() + line;
    if (!std::memchr(segment, '"', at - line) && !std::memchr(segment, '#', at - line)) {
      std::size_t start = last - 1;
      while (start > line && !is_blank(text[start - 1])) --start;
      Token previous;
      for (Token token = next_token(text, start, at); token.kind != TokenKind::End; token = next_token(text, token.end, at))
        previous = token;
      return previous;
    }
  }
  std::size_t end = at;  // tokens starting before this, on the line being looked at
  while (end > from) {
    const void* newline = memrchr(text.data() + from, '\n', end - from);
    const std::size_t line = newline ? static_cast<const char*>(newline) - text.data() + 1 : from;
    Token previous;
    for (Token token = next_token(text, line, at); token.kind != TokenKind::End && token.begin < end;
         token = next_token(text, token.end, at)) {
      if (token.kind != TokenKind::Comment) previous = token;
    }
    if (previous.kind != TokenKind::End || line == from) return previous;
    end = line - 1;  // the line before, up to its '\n'
  }
  return {};
}

std::vector<std::size_t> declaration_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  std::size_t line = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (line < text.size()) {
    std::size_t i = line;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t word_end = i;
    while (word_end < text.size() && is_ident_char(text[word_end])) ++word_end;
    if (is_declaration_keyword(text.substr(i, word_end - i))) starts.push_back(i);
    const std::size_t newline = text.find('\n', line);
    if (newline == std::string_view::npos) break;
    line = newline + 1;
  }
  return starts;
}

std::size_t too_deep_parenthesis(std::string_view text, std::size_t begin, std::size_t end, std::size_t limit) {
  // Depth never exceeds the number of '(' bytes, strings and comments included: when that is within the
  // limit (as it is in nearly every rule file), there is nothing to tokenise.
  end = std::min(end, text.size());
  std::size_t opening = 0;
  for (std::size_t i = begin; i < end; ++i) opening += text[i] == '(';
  if (opening <= limit) return std::string_view::npos;
  std::size_t depth = 0;
  for (Token token = next_token(text, begin, end); token.kind != TokenKind::End;
       token = next_token(text, token.end, end)) {
    if (token.kind != TokenKind::Symbol) continue;
    if (text[token.begin] == '(' && ++depth > limit) return token.begin;
    if (text[token.begin] == ')' && depth > 0) --depth;
  }
  return std::string_view::npos;
}

std::vector<Comment> comments(std::string_view text) {
  std::vector<Comment> found;
  // Only a line with a '#' can hold a comment; tokenising it from its start tells a comment from a '#'
  // inside a string (see previous_token on why a line start is a token boundary).
  for (std::size_t line = 0; line < text.size();) {
    std::size_t line_end = text.find('\n', line);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (text.substr(line, line_end - line).find('#') != std::string_view::npos) {
      for (Token token = next_token(text, line, line_end); token.kind != TokenKind::End;
           token = next_token(text, token.end, line_end)) {
        if (token.kind != TokenKind::Comment) continue;
        found.push_back({std::string(text.substr(token.begin, token.end - token.begin)),
                         {static_cast<std::uint32_t>(token.begin), static_cast<std::uint32_t>(token.end)}});
      }
    }
    line = line_end + 1;
  }
  return found;
}

}  // namespace rapport::dsl::lexical
