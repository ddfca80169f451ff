// Turns the ways a parse can stop into positioned "expected X after 'Y'" diagnostics.
#include "dsl/syntax_error.hpp"

#include "dsl/diagnostic_codes.hpp"
#include "dsl/grammar.hpp"
#include "dsl/lexical_scan.hpp"

namespace rapport::dsl {
namespace {

// A long previous token (a narrative string) is shortened to its first code points.
std::string shown(std::string_view token) {
  constexpr std::size_t kMaxCodePoints = 24;
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if ((static_cast<unsigned char>(token[i]) & 0xC0) == 0x80) continue;
    if (++code_points > kMaxCodePoints) {
      const bool is_string = token.starts_with('"');
      return std::string(token.substr(0, i)) + (is_string ? "…\"" : "…");
    }
  }
  return std::string(token);
}

}  // namespace

Diagnostic error_at(const SourceFile& file, std::size_t offset, const char* code, std::string message,
                    std::string help) {
  Diagnostic diag;
  diag.code = code;
  diag.message = std::move(message);
  diag.help = std::move(help);
  diag.where = file.locate(static_cast<std::uint32_t>(offset));
  return diag;
}

Diagnostic expected_here(const SourceFile& file, ParseRegion region, std::size_t stopped, std::string_view what) {
  const std::string_view text = file.text();
  std::size_t at = lexical::skip_blanks(text, stopped, region.end);
  const lexical::Token previous = lexical::previous_token(text, region.begin, at);
  if (at >= text.size() && previous.kind != lexical::TokenKind::End) at = previous.end;

  std::string message = "expected " + std::string(what);
  if (previous.kind != lexical::TokenKind::End) {
    message += " after '" + shown(text.substr(previous.begin, previous.end - previous.begin)) + "'";
  }
  return error_at(file, at, code::syntax, std::move(message));
}

std::optional<Diagnostic> catch_syntax_error(const SourceFile& file, ParseRegion region,
                                             const std::function<void()>& parse) {
  const char* text = file.text().data();
  try {
    parse();
  } catch (const boost::spirit::x3::expectation_failure<grammar::iterator_type>& failure) {
    return expected_here(file, region, static_cast<std::size_t>(failure.where() - text), failure.which());
  } catch (const grammar::SyntaxError& error) {
    return error_at(file, static_cast<std::size_t>(error.where - text), error.code, error.what(), error.help);
  }
  return std::nullopt;
}

}  // namespace rapport::dsl
