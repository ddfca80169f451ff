// rapport fmt's engine (see format.hpp): walks the declarations and fields of a parsed file and
// writes them in the canonical layout; expressions go through format_expr, comments through the writer.
#include "dsl/format.hpp"

#include <stdexcept>
#include <variant>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/format_equivalence.hpp"
#include "dsl/format_expr.hpp"
#include "dsl/format_writer.hpp"
#include "dsl/lexical_scan.hpp"
#include "dsl/parser.hpp"
#include "dsl/text_encoding.hpp"

namespace rapport::dsl {
namespace {

using format::Blank;
using format::Break;
using format::inline_break;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr unsigned kFieldIndent = 2;
constexpr unsigned kContinuationIndent = 4;  // a quote on a line of its own; a field cut by a comment

// Between declarations: one blank line (before the comments above the next one, if any).
constexpr Break kBetweenDeclarations{0, 0, Blank::Always, Blank::Keep, true};
constexpr Break kFileStart{0, 0, Blank::Keep, Blank::Keep, true};

class FileFormatter {
 public:
  FileFormatter(const SourceFile& file, const RuleFile& parsed, const FormatOptions& options)
      : source_(file.text()), parsed_(parsed), options_(options), out_(source_, parsed.comments) {}

  std::string run() {
    const auto& declarations = parsed_.declarations;
    for (std::size_t i = 0; i < declarations.size(); ++i) {
      out_.new_line(i == 0 ? kFileStart : kBetweenDeclarations);
      write_declaration(declarations[i]);
    }
    std::string text = out_.finish(declarations.empty() ? kFileStart : kBetweenDeclarations);
    return source_.starts_with(kByteOrderMark) ? std::string(kByteOrderMark) + text : text;
  }

 private:
  // KEYWORD ID, the fields indented, `end` at column 1. No blank line right after the header or
  // right before `end`; blank lines between fields (and their comments) are kept, one at most.
  void write_declaration(const Declaration& decl) {
    write_tokens(decl.span.begin, decl.id.span.end);
    for (std::size_t i = 0; i < decl.fields.size(); ++i) {
      const Blank first = i == 0 ? Blank::Never : Blank::Keep;
      out_.new_line({kFieldIndent, kFieldIndent, first, Blank::Keep, true});
      std::visit([this](const auto& field) { write_field(field); }, decl.fields[i]);
    }
    const Blank first = decl.fields.empty() ? Blank::Never : Blank::Keep;
    out_.new_line({0, kFieldIndent, first, Blank::Keep, false});
    out_.token("end", decl.span.end - 3, decl.span.end, false);
  }

  // title "text" / narrative "text {placeholder}" "continued": literals aligned under the first.
  void write_field(const TextField& field) {
    write_tokens(field.span.begin, field.text.span.begin);
    write_literals(field.text, true);
  }

  // evidence SOURCE "quote" / benchmark GROUP [BOUND] NUMBER from SOURCE ["quote"]: the quote
  // stays on the field's line when its first literal fits, else it goes below, indented.
  void write_field(const EvidenceField& field) {
    write_tokens(field.span.begin, field.quote.span.begin);
    write_quote(field.quote);
  }
  void write_field(const BenchmarkField& field) {
    write_tokens(field.span.begin, field.has_quote ? field.quote.span.begin : field.span.end);
    if (field.has_quote) write_quote(field.quote);
  }

  // when / priority EXPRESSION, wrapped with its continuation lines aligned after the keyword.
  void write_field(const ExprField& field) {
    write_tokens(field.span.begin, field.expr.span.begin);
    const unsigned start = out_.next_column(true);
    out_.push_continuation(start);
    format::write_expression(out_, source_, field.expr, options_.width, options_.clarify_and_in_or);
    out_.pop_continuation();
  }

  // year, sample, kind, asked, severity, owner, horizon: their words and numbers as written.
  template <typename Field>
  void write_field(const Field& field) {
    write_tokens(field.span.begin, field.span.end);
  }

  void write_quote(const Text& quote) {
    const std::string_view first = literal_text(lexical::next_token(source_, quote.span.begin, quote.span.end));
    const bool fits = out_.next_column(true) + format::text_width(first) <= options_.width;
    if (!fits) out_.new_line(inline_break(kContinuationIndent));
    write_literals(quote, fits);
  }

  // One string literal per line, aligned with the first; literals are copied as written, so
  // escapes and placeholders stay exactly as the author spelled them.
  void write_literals(const Text& text, bool on_this_line) {
    const unsigned align = on_this_line ? out_.next_column(true) : kContinuationIndent;
    out_.push_continuation(align);
    bool first = true;
    for (lexical::Token token = lexical::next_token(source_, text.span.begin, text.span.end);
         token.kind != lexical::TokenKind::End; token = lexical::next_token(source_, token.end, text.span.end)) {
      if (token.kind != lexical::TokenKind::String) continue;
      if (!first) out_.new_line(inline_break(align));
      out_.token(literal_text(token), token.begin, token.end, true);
      first = false;
    }
    out_.pop_continuation();
  }

  // The tokens of [begin, end) as written, one space apart, except before ',' and after a
  // leading '-' (kind scale -2 to 2).
  void write_tokens(std::size_t begin, std::size_t end) {
    out_.push_continuation(kContinuationIndent);
    bool space = false;
    for (lexical::Token token = lexical::next_token(source_, begin, end); token.kind != lexical::TokenKind::End;
         token = lexical::next_token(source_, token.end, end)) {
      if (token.kind == lexical::TokenKind::Comment) continue;
      const std::string_view text = literal_text(token);
      out_.token(text, token.begin, token.end, space && text != ",");
      space = text != "-";
    }
    out_.pop_continuation();
  }

  std::string_view literal_text(const lexical::Token& token) const {
    return source_.substr(token.begin, token.end - token.begin);
  }

  std::string_view source_;
  const RuleFile& parsed_;
  FormatOptions options_;
  format::Writer out_;
};

}  // namespace

std::string format_rule_file(const SourceFile& file, const RuleFile& parsed, const FormatOptions& options) {
  return FileFormatter(file, parsed, options).run();
}

namespace {

// The problem with formatting `parsed` as `text`, or "" if there is none: `text` must parse and say
// exactly what `parsed` says.
std::string problem_with(const SourceFile& file, const RuleFile& parsed, const std::string& text,
                         bool& too_deep) {
  const SourceFile formatted(file.path(), text);
  const ParseResult again = parse_rule_file(formatted);
  if (again.diagnostics.empty()) return syntax_difference(parsed, again.file);
  too_deep = again.diagnostics.front().code == code::nesting_too_deep;
  return "the result does not parse: " + again.diagnostics.front().message;
}

}  // namespace

FormatResult format_source(const SourceFile& file, const FormatOptions& options) {
  FormatResult result;
  if (auto problem = text_problem(file)) {
    result.diagnostics.push_back(std::move(*problem));
    return result;
  }
  ParseResult parsed = parse_rule_file(file);
  if (!parsed.diagnostics.empty()) {
    result.diagnostics = std::move(parsed.diagnostics);
    return result;
  }
  FormatOptions chosen = options;
  std::string text = format_rule_file(file, parsed.file, chosen);
  bool too_deep = false;
  std::string problem = problem_with(file, parsed.file, text, too_deep);
  if (too_deep && chosen.clarify_and_in_or) {
    // The parentheses added around `and` inside `or` took an expression past the nesting limit:
    // the file keeps only the parentheses it needs (it had at least those).
    chosen.clarify_and_in_or = false;
    text = format_rule_file(file, parsed.file, chosen);
    problem = problem_with(file, parsed.file, text, too_deep);
  }
  if (!problem.empty()) {
    throw std::logic_error("formatting " + file.path() + " would change what it says (" + problem +
                           "); the file was left as it is");
  }
  result.text = std::move(text);
  return result;
}

}  // namespace rapport::dsl
