// The checker's passes, one file each; checker.cpp runs them in order (and says why that order).
#pragma once

#include "engine/check_state.hpp"

namespace rapport::engine::checking {

void declare(CheckState& state);       // check_declarations.cpp
void resolve(CheckState& state);       // resolve_names.cpp
void check_types(CheckState& state);   // check_types.cpp
void find_cycles(CheckState& state);   // check_cycles.cpp
void compile(CheckState& state);       // compile.cpp
void lint(CheckState& state);          // lint.cpp
void lint_conditions(CheckState& state);  // lint_conditions.cpp (with lint_equivalence.cpp)

}  // namespace rapport::engine::checking
