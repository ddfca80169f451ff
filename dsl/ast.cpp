// The few things the syntax tree knows how to say about itself.
#include "dsl/ast.hpp"

namespace rapport::dsl {

std::string_view spelling(Op op) {
  switch (op) {
    case Op::Or: return "or";
    case Op::And: return "and";
    case Op::Not: return "not";
    case Op::Eq: return "=";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Add: return "+";
    case Op::Sub:
    case Op::Neg: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
  }
  return "?";
}

}  // namespace rapport::dsl
