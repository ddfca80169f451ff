// Printing expressions for the formatter: the parentheses the precedence table requires (and one
// kind a reader needs), and wrapping at binary operators and call arguments to fit a width.
#pragma once

#include <string>
#include <string_view>

#include "dsl/ast.hpp"
#include "dsl/format_writer.hpp"

namespace rapport::dsl::format {

// Whether `child`, an operand of `parent`, must be parenthesised: when it binds more loosely than
// the parent's level (or as loosely, on the right of a left-associative operator or on either side
// of a comparison); and, with `clarify_and_in_or`, `and` directly inside `or`, for readers.
bool needs_parentheses(const Expr& child, const Expr& parent, bool right_operand, bool clarify_and_in_or = true);

// Writes `e` from the writer's position. Binary operators and call arguments wrap greedily: an
// operand goes on the line when it fits within `width`, else on a new line aligned with the
// first operand of its chain (operator first), else it breaks inside.
void write_expression(Writer& out, std::string_view source, const Expr& e, unsigned width,
                      bool clarify_and_in_or = true);

}  // namespace rapport::dsl::format
