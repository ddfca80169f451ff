// Printing expressions for the formatter (see format_expr.hpp): parentheses from the precedence
// table of grammar_def.hpp, greedy wrapping, comments kept through the writer.
#include "dsl/format_expr.hpp"

#include <vector>

#include "dsl/lexical_scan.hpp"

namespace rapport::dsl::format {
namespace {

// The levels of grammar_def.hpp's precedence table: 1 or, 2 and, 3 not, 4 comparison, 5 + -,
// 6 * /, 7 prefix -, 8 operands.
int level(const Expr& e) {
  if (e.kind == ExprKind::Unary) return e.op == Op::Not ? 3 : 7;
  if (e.kind != ExprKind::Binary) return 8;
  switch (e.op) {
    case Op::Or: return 1;
    case Op::And: return 2;
    case Op::Add:
    case Op::Sub: return 5;
    case Op::Mul:
    case Op::Div: return 6;
    default: return 4;
  }
}

// An operand of a chain of binary operators of one level (`a + b - c`), and the operator before it.
struct Link {
  Op op = Op::Or;  // unused for the first operand
  const Expr* expr = nullptr;
  bool parens = false;
};

// `a + b - c` is Sub(Add(a, b), c): walk down the left operands of the same level, then list the
// operands left to right. A comparison takes exactly two operands.
std::vector<Link> chain_of(const Expr& e, bool clarify) {
  std::vector<const Expr*> nodes{&e};
  if (level(e) != 4) {
    while (nodes.back()->args[0].kind == ExprKind::Binary && level(nodes.back()->args[0]) == level(e)) {
      nodes.push_back(&nodes.back()->args[0]);
    }
  }
  std::vector<Link> links;
  const Expr& deepest = *nodes.back();
  links.push_back({Op::Or, &deepest.args[0], needs_parentheses(deepest.args[0], deepest, false, clarify)});
  for (auto node = nodes.rbegin(); node != nodes.rend(); ++node) {
    links.push_back({(*node)->op, &(*node)->args[1], needs_parentheses((*node)->args[1], **node, true, clarify)});
  }
  return links;
}

void flat_into(std::string& out, const Expr& e, bool parens, bool clarify) {
  if (parens) out += '(';
  switch (e.kind) {
    case ExprKind::Number: out += e.spelling; break;
    case ExprKind::Truth: out += e.truth ? "true" : "false"; break;
    case ExprKind::GroupRef: out += (e.group == Group::It ? "it." : "marketing.") + e.name; break;
    case ExprKind::Name: out += e.name; break;
    case ExprKind::Call:
      out += e.name + "(";
      for (std::size_t i = 0; i < e.args.size(); ++i) {
        if (i > 0) out += ", ";
        flat_into(out, e.args[i], false, clarify);
      }
      out += ')';
      break;
    case ExprKind::Unary:
      out += e.op == Op::Not ? "not " : (e.args[0].kind == ExprKind::Unary && e.args[0].op == Op::Neg ? "- " : "-");
      flat_into(out, e.args[0], needs_parentheses(e.args[0], e, false, clarify), clarify);
      break;
    case ExprKind::Binary:
      flat_into(out, e.args[0], needs_parentheses(e.args[0], e, false, clarify), clarify);
      out += ' ';
      out += spelling(e.op);
      out += ' ';
      flat_into(out, e.args[1], needs_parentheses(e.args[1], e, true, clarify), clarify);
      break;
  }
  if (parens) out += ')';
}

std::string flat(const Expr& e, bool parens, bool clarify) {
  std::string out;
  flat_into(out, e, parens, clarify);
  return out;
}

bool is_negation(const Expr& e) { return e.kind == ExprKind::Unary && e.op == Op::Neg; }

// How much of `e` must stay on the line it starts on: up to its first place to break.
unsigned head_width(const Expr& e, bool parens, bool clarify) {
  const unsigned open = parens ? 1 : 0;
  switch (e.kind) {
    case ExprKind::Binary: {
      const Link first = chain_of(e, clarify).front();
      return open + head_width(*first.expr, first.parens, clarify);
    }
    case ExprKind::Call:
      if (e.args.empty()) break;
      return open + text_width(e.name) + 1 + head_width(e.args[0], false, clarify);
    case ExprKind::Unary: {
      const unsigned prefix = e.op == Op::Not ? 4 : (is_negation(e.args[0]) ? 2 : 1);
      return open + prefix + head_width(e.args[0], needs_parentheses(e.args[0], e, false, clarify), clarify);
    }
    default: break;
  }
  return text_width(flat(e, parens, clarify));
}

class ExpressionWriter {
 public:
  ExpressionWriter(Writer& out, std::string_view source, unsigned width, bool clarify)
      : out_(out), source_(source), width_(width), clarify_(clarify) {}

  // `trail`: how many characters must follow `e` on its last line (closing parentheses, a comma).
  void write(const Expr& e, bool parens, unsigned trail, bool space) {
    if (!parens) return write_bare(e, trail, space);
    out_.token("(", first_token(e).begin, 0, space);
    write_bare(e, trail + 1, false);
    out_.glue(")");
  }

 private:
  void write_bare(const Expr& e, unsigned trail, bool space) {
    const lexical::Token first = first_token(e);
    switch (e.kind) {
      case ExprKind::Number:
      case ExprKind::Truth: out_.token(flat(e, false, clarify_), first.begin, first.end, space); break;
      case ExprKind::GroupRef:
      case ExprKind::Name: out_.token(flat(e, false, clarify_), first.begin, e.name_span.end, space); break;
      case ExprKind::Call: write_call(e, trail, space); break;
      case ExprKind::Unary:
        out_.token(e.op == Op::Not ? "not" : "-", first.begin, first.end, space);
        write(e.args[0], needs_parentheses(e.args[0], e, false, clarify_), trail,
              e.op == Op::Not || is_negation(e.args[0]));
        break;
      case ExprKind::Binary: write_chain(e, trail, space); break;
    }
  }

  void write_chain(const Expr& e, unsigned trail, bool space) {
    const std::vector<Link> links = chain_of(e, clarify_);
    const unsigned indent = out_.next_column(space);
    out_.push_continuation(indent);
    write(*links[0].expr, links[0].parens, 0, space);
    for (std::size_t i = 1; i < links.size(); ++i) {
      const Link& link = links[i];
      const unsigned last_trail = i + 1 == links.size() ? trail : 0;
      const std::string_view op = spelling(link.op);
      if (starts_new_line(indent, text_width(op) + 1, *link.expr, link.parens, last_trail)) {
        out_.new_line(inline_break(indent));
      }
      out_.token(op, first_token(*link.expr).begin, 0, true);
      write(*link.expr, link.parens, last_trail, true);
    }
    out_.pop_continuation();
  }

  void write_call(const Expr& e, unsigned trail, bool space) {
    out_.token(e.name, e.name_span.begin, e.name_span.end, space);
    out_.glue("(");
    const unsigned indent = out_.next_column(false);
    out_.push_continuation(indent);
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      const unsigned arg_trail = i + 1 == e.args.size() ? trail + 1 : 1;  // ')' or ','
      if (i > 0) {
        out_.glue(",");
        if (starts_new_line(indent, 0, e.args[i], false, arg_trail)) out_.new_line(inline_break(indent));
      }
      write(e.args[i], false, arg_trail, i > 0);
    }
    out_.glue(")");
    out_.pop_continuation();
  }

  // Where the next operand goes, after `lead` columns of operator: on this line if it fits;
  // else on a new line at `indent` if it fits there; else here if its head fits, to break inside.
  bool starts_new_line(unsigned indent, unsigned lead, const Expr& e, bool parens, unsigned trail) const {
    const unsigned here = out_.next_column(true);
    if (here <= indent) return false;
    const unsigned needed = lead + text_width(flat(e, parens, clarify_)) + trail;
    if (here + needed <= width_) return false;
    if (indent + needed <= width_) return true;
    return here + lead + head_width(e, parens, clarify_) > width_;
  }

  // The expression's first token in the source, past opening parentheses and comments: where
  // the comments that precede it end.
  lexical::Token first_token(const Expr& e) const {
    std::size_t at = e.span.begin;
    for (;;) {
      const lexical::Token token = lexical::next_token(source_, at, source_.size());
      const bool open = token.kind == lexical::TokenKind::Symbol && source_[token.begin] == '(';
      if (token.kind != lexical::TokenKind::Comment && !open) return token;
      at = token.end;
    }
  }

  Writer& out_;
  std::string_view source_;
  unsigned width_;
  bool clarify_;
};

}  // namespace

bool needs_parentheses(const Expr& child, const Expr& parent, bool right_operand, bool clarify_and_in_or) {
  const int inner = level(child);
  const int outer = level(parent);
  if (parent.kind == ExprKind::Unary) return inner < outer;
  if (parent.kind != ExprKind::Binary) return false;
  if (clarify_and_in_or && parent.op == Op::Or && child.kind == ExprKind::Binary && child.op == Op::And) {
    return true;
  }
  if (outer == 4) return inner <= 4;
  return right_operand ? inner <= outer : inner < outer;
}

void write_expression(Writer& out, std::string_view source, const Expr& e, unsigned width, bool clarify_and_in_or) {
  ExpressionWriter(out, source, width, clarify_and_in_or).write(e, false, 0, true);
}

}  // namespace rapport::dsl::format
