// Decodes string literals: escapes, adjacent strings joined, {placeholders} parsed (see text_literal.hpp).
#include "dsl/text_literal.hpp"

#include <charconv>
#include <string_view>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/lexical_scan.hpp"
#include "dsl/placeholder.hpp"
#include "dsl/size_limit.hpp"
#include "dsl/syntax_error.hpp"

namespace rapport::dsl {
namespace {

constexpr const char* kEscapesHelp = "the escapes are \\\" \\\\ \\n \\t \\{ \\} and \\u{hex code point}";

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Builds value and parts while walking the raw bytes of one or more string literals.
class TextDecoder {
 public:
  TextDecoder(Text& text, const SourceFile& file, const ParseLimits& limits, Diagnostics& diags)
      : text_(text), file_(file), raw_(file.text()), limits_(limits), diags_(diags) {}

  // [begin, end): the bytes between one literal's quotes.
  void decode_literal(std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i < end) {
      const char c = raw_[i];
      if (c == '\\') {
        i = escape(i, end);
      } else if (c == '{' && i + 1 < end && raw_[i + 1] == '{') {
        literal("{");
        i += 2;
      } else if (c == '}' && i + 1 < end && raw_[i + 1] == '}') {
        literal("}");
        i += 2;
      } else if (c == '{') {
        i = placeholder(i, end);
      } else if (c == '}') {
        report(code::bad_placeholder, i, "unmatched '}' in a string", "write '}}' for a literal '}'");
        literal("}");
        ++i;
      } else {
        literal(raw_.substr(i, 1));
        ++i;
      }
    }
  }

  void finish() {
    if (!run_.empty() || text_.parts.empty()) flush();
  }

 private:
  void literal(std::string_view decoded) {
    run_ += decoded;
    text_.value += decoded;
  }

  void flush() {
    TemplatePart part;
    part.text = std::move(run_);
    text_.parts.push_back(std::move(part));
    run_.clear();
  }

  void report(const char* code, std::size_t at, std::string message, std::string help) {
    diags_.push_back(error_at(file_, at, code, std::move(message), std::move(help)));
  }

  // At a backslash; returns the offset after the escape.
  std::size_t escape(std::size_t at, std::size_t end) {
    if (at + 1 >= end) {  // cannot happen: the grammar never ends a literal on a backslash
      literal("\\");
      return end;
    }
    switch (raw_[at + 1]) {
      case '"': literal("\""); return at + 2;
      case '\\': literal("\\"); return at + 2;
      case 'n': literal("\n"); return at + 2;
      case 't': literal("\t"); return at + 2;
      case '{': literal("{"); return at + 2;
      case '}': literal("}"); return at + 2;
      case 'u': return unicode_escape(at, end);
      default: break;
    }
    const lexical::Token escaped = lexical::next_token(raw_, at + 1, end);
    const std::size_t stop = escaped.kind == lexical::TokenKind::Symbol ? escaped.end : at + 2;
    const std::string_view spelling = raw_.substr(at, stop - at);
    report(code::bad_escape, at, "unknown escape '" + std::string(spelling) + "' in a string", kEscapesHelp);
    literal(spelling);
    return stop;
  }

  // \u{1F600}: one to six hex digits naming a Unicode scalar value.
  std::size_t unicode_escape(std::size_t at, std::size_t end) {
    const std::size_t open = at + 2;
    const std::size_t close = raw_.find('}', open);
    std::uint32_t code_point = 0;
    bool ok = open < end && raw_[open] == '{' && close != std::string_view::npos && close < end &&
              close - open - 1 >= 1 && close - open - 1 <= 6;
    if (ok) {
      const char* first = raw_.data() + open + 1;
      const char* last = raw_.data() + close;
      const auto [stop, error] = std::from_chars(first, last, code_point, 16);
      ok = error == std::errc() && stop == last && code_point <= 0x10FFFF &&
           !(code_point >= 0xD800 && code_point <= 0xDFFF);
    }
    if (!ok) {
      const std::size_t stop = close != std::string_view::npos && close < end ? close + 1 : at + 2;
      const std::string_view spelling = raw_.substr(at, stop - at);
      report(code::bad_escape, at, "bad unicode escape '" + std::string(spelling) + "' in a string",
             "write \\u{...} with 1 to 6 hex digits naming a code point, as in \\u{1F600}");
      literal(spelling);
      return stop;
    }
    std::string encoded;
    append_utf8(encoded, static_cast<char32_t>(code_point));
    literal(encoded);
    return close + 1;
  }

  // At a '{' that is not '{{'; returns the offset after the placeholder.
  std::size_t placeholder(std::size_t open, std::size_t end) {
    const std::size_t close = raw_.find('}', open + 1);
    if (close == std::string_view::npos || close >= end) {
      report(code::bad_placeholder, open, "unclosed '{' in a string",
             "close the placeholder with '}', or write '{{' for a literal '{'");
      literal(raw_.substr(open, end - open));
      return end;
    }
    const std::string_view written = raw_.substr(open, close + 1 - open);
    if (lexical::skip_blanks(raw_, open + 1, close) == close) {
      report(code::bad_placeholder, open, "empty placeholder '" + std::string(written) + "' in a string",
             "put an expression between the braces, or write '{{' and '}}' for literal braces");
      literal(written);
      return close + 1;
    }
    auto expr = parse_placeholder(file_, open + 1, close, limits_, diags_);
    text_.value += written;
    if (!expr) {
      run_ += written;
      return close + 1;
    }
    if (!run_.empty()) flush();
    TemplatePart part;
    part.is_placeholder = true;
    part.expr = std::move(*expr);
    text_.parts.push_back(std::move(part));
    return close + 1;
  }

  Text& text_;
  const SourceFile& file_;
  std::string_view raw_;
  const ParseLimits& limits_;
  Diagnostics& diags_;
  std::string run_;  // the literal text since the last placeholder
};

// The bytes between the quotes of the text's literals, summed: the length the limit is on. One scan of
// the span's tokens, before anything is decoded or allocated.
std::size_t written_length(const Text& text, std::string_view raw) {
  std::size_t length = 0;
  for (lexical::Token token = lexical::next_token(raw, text.span.begin, text.span.end);
       token.kind != lexical::TokenKind::End; token = lexical::next_token(raw, token.end, text.span.end)) {
    if (token.kind == lexical::TokenKind::String) length += token.end - token.begin - 2;
  }
  return length;
}

}  // namespace

void decode_text(Text& text, const SourceFile& file, const ParseLimits& limits, Diagnostics& diags) {
  text.value.clear();
  text.parts.clear();
  TextDecoder decoder(text, file, limits, diags);
  const std::string_view raw = file.text();
  if (const std::size_t length = written_length(text, raw); length > limits.max_text_bytes) {
    diags.push_back(error_at(file, text.span.begin, code::text_too_long,
                             too_large_message("the text", length, limits.max_text_bytes),
                             "shorten it: a report's texts are read by people, a few paragraphs at most"));
    decoder.finish();
    return;
  }
  // The span covers every adjacent literal, with blanks and comments between them.
  for (lexical::Token token = lexical::next_token(raw, text.span.begin, text.span.end);
       token.kind != lexical::TokenKind::End; token = lexical::next_token(raw, token.end, text.span.end)) {
    if (token.kind == lexical::TokenKind::String) decoder.decode_literal(token.begin + 1, token.end - 1);
  }
  decoder.finish();
}

}  // namespace rapport::dsl
