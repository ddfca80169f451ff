// The grammar's semantic actions: they build dsl::Expr nodes and fields directly, record byte
// spans, and refuse expression trees deeper than the limit. Included only by grammar_def.hpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include <boost/fusion/include/at_c.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/grammar.hpp"
#include "dsl/lexical_scan.hpp"

namespace rapport::dsl::grammar {

// ====================================================================== building the tree

// An expression under construction and the depth of its tree, so that depth is checked in
// O(1) per node: a tree deeper than ParseState::max_depth is refused while it is being built,
// before any recursive walk (or destructor) could run out of stack on it.
struct Subtree {
  Expr expr;
  std::uint32_t depth = 1;
};

struct CallArguments {
  std::vector<Subtree> args;
  std::uint32_t end = 0;  // just after the closing parenthesis
};

namespace act {

using x3::_attr;
using x3::_val;
using boost::fusion::at_c;

template <typename Context>
const ParseState& state(const Context& ctx) { return x3::get<state_tag>(ctx); }

template <typename Context>
std::uint32_t offset(const Context& ctx, const char* at) {
  return static_cast<std::uint32_t>(at - state(ctx).text_begin);
}

template <typename Context, typename Range>
Span span(const Context& ctx, const Range& range) {
  return {offset(ctx, range.begin()), offset(ctx, range.end())};
}

// The span of a field or text: X3 skips whitespace before trying an optional part (`-text`, a
// further `or`), and leaves it skipped when the part is absent. The span ends at its last token.
template <typename Context, typename Range>
Span trimmed_span(const Context& ctx, const Range& range) {
  const Span raw = span(ctx, range);
  const std::string_view text(state(ctx).text_begin, raw.end);
  const lexical::Token last = lexical::previous_token(text, raw.begin, raw.end);
  return {raw.begin, last.kind == lexical::TokenKind::End ? raw.end : static_cast<std::uint32_t>(last.end)};
}

template <typename Context>
void check_depth(const Context& ctx, std::uint32_t depth, std::uint32_t begin) {
  const std::uint32_t limit = state(ctx).max_depth;
  if (depth <= limit) return;
  throw SyntaxError(state(ctx).text_begin + begin, code::nesting_too_deep,
                    "expression nested too deeply (more than " + std::to_string(limit) + " levels of operators)",
                    "split it into findings that build on each other");
}

// The value of a literal's digits; a literal beyond the range of a double is an error, not an infinity
// or a 0. A long literal is shown by its first digits.
template <typename Range>
double decimal(std::string_view digits, const Range& literal) {
  double value = 0;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (result.ec != std::errc()) {
    constexpr std::size_t kShown = 24;
    const std::string_view written(literal.begin(), static_cast<std::size_t>(literal.end() - literal.begin()));
    const std::string shown = written.size() > kShown ? std::string(written.substr(0, kShown)) + "…" : std::string(written);
    throw SyntaxError(literal.begin(), code::bad_value, "the number '" + shown + "' is out of range",
                      "a number in a rule lies between about 1e-308 and 1e308 (or is 0); write one in that range");
  }
  return value;
}

inline bool lacks_comparison(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Number:
    case ExprKind::GroupRef: return true;
    case ExprKind::Unary: return e.op == Op::Neg;
    case ExprKind::Binary: return e.op == Op::Add || e.op == Op::Sub || e.op == Op::Mul || e.op == Op::Div;
    default: return false;
  }
}

// ---- generic: fields and values
constexpr auto take = [](auto& ctx) { _val(ctx) = std::move(_attr(ctx)); };
constexpr auto set_span = [](auto& ctx) { _val(ctx).span = trimmed_span(ctx, _attr(ctx)); };
constexpr auto set_key = [](auto& ctx) { _val(ctx).key = _attr(ctx); };
constexpr auto key_is(FieldKey key) { return [key](auto& ctx) { _val(ctx).key = key; }; }
constexpr auto set_value = [](auto& ctx) { _val(ctx).value = std::move(_attr(ctx)); };
constexpr auto set_text = [](auto& ctx) { _val(ctx).text = std::move(_attr(ctx)); };
constexpr auto set_expr = [](auto& ctx) { _val(ctx).expr = std::move(_attr(ctx)); };
constexpr auto set_source = [](auto& ctx) { _val(ctx).source = std::move(_attr(ctx)); };
constexpr auto set_group = [](auto& ctx) { _val(ctx).group = _attr(ctx); };
constexpr auto set_quote = [](auto& ctx) {
  auto& field = _val(ctx);
  field.quote = std::move(_attr(ctx));
  if constexpr (requires { field.has_quote; }) field.has_quote = true;
};
constexpr auto set_decimal = [](auto& ctx) {
  const auto& range = _attr(ctx);
  _val(ctx) = decimal(std::string_view(range.begin(), range.size()), range);
};

// ---- lexical
constexpr auto set_ident = [](auto& ctx) {
  const auto& range = _attr(ctx);
  _val(ctx).name.assign(range.begin(), range.end());
  _val(ctx).span = span(ctx, range);
};

// 58% -> 0.58 (Percent), 10pp -> 0.10 (Points): the exponent is shifted in the text, so the
// value is exactly the double nearest the decimal (no second rounding from a division).
constexpr auto set_number = [](auto& ctx) {
  const auto& range = _attr(ctx);
  Expr& e = _val(ctx).expr;
  e.kind = ExprKind::Number;
  e.span = span(ctx, range);
  e.spelling.assign(range.begin(), range.end());
  std::string digits = e.spelling;
  if (digits.ends_with('%')) {
    e.unit = NumberUnit::Percent;
    digits.resize(digits.size() - 1);
  } else if (digits.ends_with("pp")) {
    e.unit = NumberUnit::Points;
    digits.resize(digits.size() - 2);
  }
  if (e.unit != NumberUnit::Plain) digits += "e-2";
  e.number = decimal(digits, range);
};

// `90 %`: a unit must touch its number; said plainly rather than as "expected an operator".
constexpr auto reject_spaced_unit = [](auto& ctx) {
  const Expr& number = _val(ctx).expr;
  if (number.unit != NumberUnit::Plain) {
    x3::_pass(ctx) = false;  // `58% %`: leave the second '%' to whatever comes next
    return;
  }
  const auto& unit = _attr(ctx);
  const std::string suffix(unit.begin(), unit.end());
  throw SyntaxError(unit.begin(), code::syntax,
                    "a space separates '" + number.spelling + "' from its unit '" + suffix + "'",
                    "write '" + number.spelling + suffix + "'");
};

// ---- expressions
template <typename Context>
void combine(const Context& ctx, Subtree& lhs, Op op, Subtree&& rhs) {
  Subtree node;
  node.expr.kind = ExprKind::Binary;
  node.expr.op = op;
  node.expr.span = {lhs.expr.span.begin, rhs.expr.span.end};
  node.depth = 1 + std::max(lhs.depth, rhs.depth);
  node.expr.args.reserve(2);  // not an initializer list: that would copy both subtrees
  node.expr.args.push_back(std::move(lhs.expr));
  node.expr.args.push_back(std::move(rhs.expr));
  lhs = std::move(node);
  check_depth(ctx, lhs.depth, lhs.expr.span.begin);
}

constexpr auto fold(Op op) {
  return [op](auto& ctx) { combine(ctx, _val(ctx), op, std::move(_attr(ctx))); };
}
constexpr auto fold_operator = [](auto& ctx) {
  combine(ctx, _val(ctx), at_c<0>(_attr(ctx)), std::move(at_c<1>(_attr(ctx))));
};

// `not not x` or `- - x`: the prefixes were collected by a repetition (no recursion while
// parsing); they are applied innermost first.
constexpr auto apply_prefixes(Op op) {
  return [op](auto& ctx) {
    const std::vector<std::uint32_t>& marks = at_c<0>(_attr(ctx));
    Subtree operand = std::move(at_c<1>(_attr(ctx)));
    if (marks.empty()) {
      _val(ctx) = std::move(operand);
      return;
    }
    check_depth(ctx, operand.depth + static_cast<std::uint32_t>(marks.size()), marks.front());
    for (auto mark = marks.rbegin(); mark != marks.rend(); ++mark) {
      Subtree node;
      node.expr.kind = ExprKind::Unary;
      node.expr.op = op;
      node.expr.span = {*mark, operand.expr.span.end};
      node.depth = operand.depth + 1;
      node.expr.args.push_back(std::move(operand.expr));
      operand = std::move(node);
    }
    _val(ctx) = std::move(operand);
  };
}

constexpr auto push_offset = [](auto& ctx) { _val(ctx).push_back(offset(ctx, _attr(ctx).begin())); };

constexpr auto reject_chained_comparison = [](auto& ctx) {
  throw SyntaxError(_attr(ctx).begin(), code::syntax, "comparisons do not chain",
                    "join two comparisons with 'and', as in 'a < b and b < c'");
};

constexpr auto set_truth(bool value) {
  return [value](auto& ctx) {
    Expr& e = _val(ctx).expr;
    e.kind = ExprKind::Truth;
    e.truth = value;
    e.span = span(ctx, _attr(ctx));
  };
}

constexpr auto set_reference_group = [](auto& ctx) {
  const auto& range = _attr(ctx);
  Expr& e = _val(ctx).expr;
  e.kind = ExprKind::GroupRef;
  e.group = *range.begin() == 'i' ? Group::It : Group::Marketing;
  e.span = span(ctx, range);
};
constexpr auto set_reference_metric = [](auto& ctx) {
  Ident& metric = _attr(ctx);
  Expr& e = _val(ctx).expr;
  e.name = std::move(metric.name);
  e.name_span = metric.span;
  e.span.end = metric.span.end;
};

constexpr auto set_name = [](auto& ctx) {
  Ident& id = _attr(ctx);
  Expr& e = _val(ctx).expr;
  e.kind = ExprKind::Name;
  e.name = std::move(id.name);
  e.name_span = id.span;
  e.span = id.span;
};
constexpr auto push_argument = [](auto& ctx) { _val(ctx).args.push_back(std::move(_attr(ctx))); };
constexpr auto close_arguments = [](auto& ctx) { _val(ctx).end = offset(ctx, _attr(ctx).end()); };
constexpr auto make_call = [](auto& ctx) {
  CallArguments& call = _attr(ctx);
  Subtree& t = _val(ctx);
  t.expr.kind = ExprKind::Call;
  t.expr.span.end = call.end;
  t.expr.args.reserve(call.args.size());
  for (Subtree& arg : call.args) {
    t.depth = std::max(t.depth, arg.depth + 1);
    t.expr.args.push_back(std::move(arg.expr));
  }
  check_depth(ctx, t.depth, t.expr.span.begin);
};

// A parenthesised expression's span includes its parentheses.
constexpr auto widen_span = [](auto& ctx) { _val(ctx).expr.span = span(ctx, _attr(ctx)); };
constexpr auto take_expression = [](auto& ctx) { _val(ctx) = std::move(_attr(ctx).expr); };

// ---- fields and declarations
constexpr auto set_count = [](auto& ctx) { _val(ctx).count = _attr(ctx); };
constexpr auto push_count = [](auto& ctx) { _val(ctx).counts.push_back(std::move(_attr(ctx))); };
constexpr auto kind_is(MetricKind kind) { return [kind](auto& ctx) { _val(ctx).kind = kind; }; }
constexpr auto set_kind = [](auto& ctx) { _val(ctx).kind = _attr(ctx); };
constexpr auto set_low = [](auto& ctx) { _val(ctx).low = _attr(ctx); };
constexpr auto set_high = [](auto& ctx) { _val(ctx).high = _attr(ctx); };
constexpr auto take_kind = [](auto& ctx) {
  _val(ctx).kind = _attr(ctx).kind;
  _val(ctx).low = _attr(ctx).low;
  _val(ctx).high = _attr(ctx).high;
};
constexpr auto set_audiences = [](auto& ctx) { _val(ctx).audiences = std::move(_attr(ctx)); };
constexpr auto push_audience = [](auto& ctx) { _val(ctx).push_back(_attr(ctx)); };
constexpr auto both_groups = [](auto& ctx) { _val(ctx) = {Audience::It, Audience::Marketing}; };
constexpr auto set_bound = [](auto& ctx) { _val(ctx).bound = _attr(ctx); };
constexpr auto set_benchmark_value = [](auto& ctx) { _val(ctx).value = std::move(_attr(ctx).expr); };
constexpr auto declaration_is(DeclKind kind) { return [kind](auto& ctx) { _val(ctx).kind = kind; }; }
constexpr auto set_id = [](auto& ctx) { _val(ctx).id = std::move(_attr(ctx)); };
constexpr auto push_field = [](auto& ctx) { _val(ctx).fields.push_back(std::move(_attr(ctx))); };

}  // namespace act

}  // namespace rapport::dsl::grammar
