// Parses the expression inside a {placeholder}: the raw, undecoded bytes between the braces go
// through the same grammar instantiation as conditions, so spans point into the file.
#include "dsl/placeholder.hpp"

#include "dsl/grammar.hpp"
#include "dsl/lexical_scan.hpp"
#include "dsl/nesting.hpp"
#include "dsl/syntax_error.hpp"

namespace rapport::dsl {

std::optional<Expr> parse_placeholder(const SourceFile& file, std::size_t begin, std::size_t end,
                                      const ParseLimits& limits, Diagnostics& diags) {
  if (auto too_deep = check_nesting(file, begin, end, limits.max_nesting)) {
    diags.push_back(std::move(*too_deep));
    return std::nullopt;
  }
  const char* text = file.text().data();
  const grammar::ParseState state{text, static_cast<std::uint32_t>(limits.max_depth)};
  const ParseRegion region{begin, end};
  grammar::iterator_type first = text + begin;
  Expr expr;
  bool parsed = false;
  auto error = catch_syntax_error(file, region, [&] {
    parsed = grammar::parse_with(grammar::expression(), first, text + end, state, expr);
  });
  if (error) {
    diags.push_back(std::move(*error));
    return std::nullopt;
  }
  if (!parsed) {
    diags.push_back(expected_here(file, region, begin, "an expression"));
    return std::nullopt;
  }
  const std::size_t rest = lexical::skip_blanks(file.text(), static_cast<std::size_t>(first - text), end);
  if (rest != end) {
    diags.push_back(expected_here(file, region, rest, "an operator or '}'"));
    return std::nullopt;
  }
  return expr;
}

}  // namespace rapport::dsl
