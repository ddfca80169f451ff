// check(): runs the checker's passes in order over all rule files and returns the rule set
// (when there are no errors) with every diagnostic, sorted by location.
#include "engine/checker.hpp"

#include <string_view>

#include "engine/check_passes.hpp"

namespace rapport::engine {

namespace {

using checking::CheckState;

struct Pass {
  std::string_view name;
  void (*run)(CheckState&);
  bool needs_clean;  // runs only when no earlier pass reported an error
  bool is_lint;      // only warns: left out unless checking for everything
};

// The order matters; each line says why a pass comes where it does.
constexpr Pass kPasses[] = {
    // First: every later pass looks ids up in the symbol table this one fills, across all files.
    {"declare", checking::declare, false, false},
    // Before types: the type of a name depends on what it denotes (share metric, finding, ...).
    {"resolve", checking::resolve, false, false},
    // After resolve, so unknown names are reported once, by resolve, and not again as type errors.
    {"types", checking::check_types, false, false},
    // Needs the finding references resolve recorded; must precede the evaluation order of compile.
    {"cycles", checking::find_cycles, false, false},
    // Only a clean rule set is compiled: slots and programs assume every name and type is right.
    {"compile", checking::compile, true, false},
    // After the passes whose uses and units it reads; warnings block nothing, so it runs on errors too.
    {"lint", checking::lint, false, true},
    // Last: proofs about what conditions can do. They translate names through the compiled rule set
    // (slots, evaluation order), so they need a clean one; slower, yet bounded by the prover's budget.
    {"lint conditions", checking::lint_conditions, true, true},
};

}  // namespace

CheckResult check(const std::vector<ParsedFile>& files, CheckFor purpose) {
  CheckState state(files, purpose);
  for (const Pass& pass : kPasses) {
    if (pass.needs_clean && state.has_errors()) continue;
    if (pass.is_lint && purpose != CheckFor::Everything) continue;
    pass.run(state);
  }
  CheckResult result;
  if (!state.has_errors()) result.rules = std::move(state.rules);
  result.diagnostics = std::move(state.diagnostics);
  dsl::sort_by_location(result.diagnostics);
  return result;
}

}  // namespace rapport::engine
