// The renderers of `rapport explain`: one Explanation as text for a terminal (trees drawn with box
// characters, values aligned) or as JSON for tools (docs/json-output.md).
#pragma once

#include <string>
#include <string_view>

#include "cli/report.hpp"  // TextStyle
#include "engine/explain.hpp"

namespace rapport::cli {

struct ExplainInput {
  const engine::RuleSet& rules;
  const engine::Explanation& explanation;
  std::string profile_path;
  std::string company;
  std::string rules_fingerprint;
};

std::string render_explain_text(const ExplainInput& input, const TextStyle& style);
std::string render_explain_json(const ExplainInput& input);

// A traced expression as a tree, one line per node: the node as written, its value, and a note
// (the comparison with its values put in, what is missing), under a line with `keyword` ("when") —
// and the whole expression, wrapped, when the tree's first line is too narrow to show it.
// Every line starts with `indent`.
std::string draw_tree(const engine::RuleSet& rules, const engine::TracedExpression& expression,
                      const TextStyle& style, std::string_view indent, std::string_view keyword);

}  // namespace rapport::cli
