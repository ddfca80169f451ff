// The X3 grammar's public face: its entry rules, the one parse context they are instantiated for,
// and the errors its semantic actions throw. The rules themselves: grammar_def.hpp (built by grammar.cpp).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include <boost/spirit/home/x3.hpp>

#include "dsl/ast.hpp"

namespace rapport::dsl::grammar {

namespace x3 = boost::spirit::x3;

// What semantic actions need to know: where the file's text starts (spans are offsets from
// there) and how deep an expression tree may grow before it is refused.
struct ParseState {
  const char* text_begin = nullptr;
  std::uint32_t max_depth = 0;
};

// A syntax error found by a semantic action or a hand-written parser, with its own message
// (an X3 expectation_failure only knows "expected <rule name>").
struct SyntaxError : std::runtime_error {
  SyntaxError(const char* where, const char* code, const std::string& message, std::string help = {})
      : std::runtime_error(message), where(where), code(code), help(std::move(help)) {}
  const char* where;
  const char* code;
  std::string help;
};

// ---------------------------------------------------------------- the configuration instantiated in grammar.cpp

struct state_tag;
using iterator_type = const char*;

// Whitespace and `#` comments (a comment on the last line needs no newline). Explicit character
// sets rather than x3::space, so UTF-8 bytes never reach the C library's classification.
inline const auto skipper = x3::char_(" \t\r\n\f\v") | x3::lexeme['#' >> *(x3::char_ - x3::eol)];
using skipper_type = std::remove_const_t<decltype(skipper)>;
using skipper_context_type = x3::context<x3::skipper_tag, const skipper_type>;
using context_type = x3::context<state_tag, const ParseState, skipper_context_type>;

// ---------------------------------------------------------------- entry rules

struct declaration_class;
struct expression_class;
using declaration_type = x3::rule<declaration_class, Declaration>;
using expression_type = x3::rule<expression_class, Expr>;
BOOST_SPIRIT_DECLARE(declaration_type, expression_type)

// declaration := source ... end | metric ... end | finding ... end | recommendation ... end
const declaration_type& declaration();
// expression := or_expr          (a whole condition, priority or placeholder)
const expression_type& expression();

// Run an entry rule from `first` with the skipper and `state` in context. Leaves `first` where
// parsing stopped; throws x3::expectation_failure<iterator_type> or SyntaxError on a syntax error.
template <typename Rule, typename Attribute>
bool parse_with(const Rule& rule, iterator_type& first, iterator_type last, const ParseState& state,
                Attribute& attribute) {
  const skipper_context_type skipping(skipper);
  const context_type context(state, skipping);
  return rule.parse(first, last, context, x3::unused, attribute);
}

}  // namespace rapport::dsl::grammar
