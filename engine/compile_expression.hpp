// Turns one checked expression into a flat postfix Program: names become slot and finding
// indices, gap() a subtraction of two slots, benchmark() a constant, weight() a finding's verdict
// times its severity weight.
#pragma once

#include "engine/check_state.hpp"
#include "engine/program.hpp"

namespace rapport::engine::checking {

// Requires a clean check: every name resolved, every node typed, slots assigned.
Program compile_expression(const CheckState& state, const dsl::Expr& root);

}  // namespace rapport::engine::checking
