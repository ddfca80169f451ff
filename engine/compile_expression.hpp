// Turns one checked expression into a flat postfix Program: names become slot and finding
// indices, gap() a subtraction of two slots, benchmark() a constant, weight() a finding's verdict
// times its severity weight.
#pragma once

#include "engine/check_state.hpp"
#include "engine/program.hpp"

namespace rapport::engine::checking {

// Requires a clean check: every name resolved, every node typed, slots assigned.
Program compile_expression(const CheckState& state, const dsl::Expr& root);
// The same program, and the tree of its sub-expressions as written in `file` (for explain).
Program compile_expression(const CheckState& state, const dsl::Expr& root, std::uint32_t file, ExprTree& tree);

}  // namespace rapport::engine::checking
