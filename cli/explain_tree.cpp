// Drawing a traced expression as a tree: box characters for the structure, the expression as written
// on the left, values in one aligned column, and a note on the right that says what a value means.
#include <fmt/format.h>

#include <algorithm>

#include "cli/explain_render.hpp"
#include "cli/explain_wording.hpp"
#include "cli/text_wrap.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {

namespace {

using engine::ExprNode;

constexpr int kValueColumn = 10;   // "not fired" and "+100 pp" fit
constexpr int kShortestLabel = 24; // labels are never cut shorter than this

struct Row {
  std::string branch;  // the box characters leading to the node
  std::uint32_t node = 0;
};

// The rows in pre-order, each with the branches that lead to it.
void collect(const engine::TracedExpression& e, std::uint32_t node, const std::string& lead, const std::string& branch,
             std::vector<Row>& rows) {
  rows.push_back({branch, node});
  const auto& children = e.nodes[node].children;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const bool last = i + 1 == children.size();
    collect(e, children[i], lead + (last ? "   " : "│  "), lead + (last ? "└─ " : "├─ "), rows);
  }
}

// Cuts `text` to `width` columns, marking the cut with an ellipsis.
std::string cut(const std::string& text, int width) {
  if (display_width(text) <= width) return text;
  std::string out;
  int columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && ++columns > width - 1) break;
    out += text[i];
  }
  return out + "…";
}

// The node as written when it fits; otherwise its shape, "… and …" or "max(…)", since the lines
// below it show the operands; failing that, the text cut short.
std::string label(const engine::TracedExpression& e, std::uint32_t node, int width) {
  const ExprNode& written = e.written(node);
  if (display_width(written.text) <= width) return written.text;
  const auto operands = e.nodes[node].children.size();
  std::string shape;
  if (written.kind == ExprNode::Kind::Operator && operands >= 2) {
    const std::string op = " " + std::string(engine::spelling(written.op)) + " ";
    shape = "…";
    for (std::size_t i = 1; i < operands; ++i) shape += op + "…";
    if (written.text.starts_with("(")) shape = "(" + shape + ")";
  } else if (written.kind == ExprNode::Kind::Operator) {
    shape = std::string(engine::spelling(written.op)) + (written.op == engine::OpCode::Not ? " …" : "…");
  } else if (written.kind == ExprNode::Kind::Call) {
    shape = std::string(engine::spelling(written.op)) + "(…)";
  }
  if (!shape.empty() && display_width(shape) <= width) return shape;
  return cut(written.text, width);
}

std::string note(const engine::RuleSet& rules, const engine::TracedExpression& e, std::uint32_t node) {
  const ExprNode& written = e.written(node);
  const engine::TracedNode& traced = e.nodes[node];
  switch (written.kind) {
    case ExprNode::Kind::Metric:
      if (!engine::is_unknown(traced.value)) return "";
      return traced.thin_slots.empty() ? "not in the profile" : "too few answers to use";
    case ExprNode::Kind::Finding:
      return "see FINDINGS";
    case ExprNode::Kind::Weight:
      return fmt::format("{} severity, if it fired", severity_key(rules.findings[written.ref].severity));
    case ExprNode::Kind::Benchmark: return "published benchmark";
    default: break;
  }
  if (engine::is_unknown(traced.value)) {
    std::vector<std::string> lacks;
    if (!traced.missing_slots.empty()) lacks.push_back("missing " + slot_list(rules, traced.missing_slots));
    if (!traced.thin_slots.empty()) lacks.push_back("too few answers for " + slot_list(rules, traced.thin_slots));
    if (!traced.unknown_findings.empty()) lacks.push_back("unknown " + finding_list(rules, traced.unknown_findings));
    return joined(lacks, "; ");
  }
  if (written.op == engine::OpCode::Default && !traced.children.empty() &&
      engine::is_unknown(e.nodes[traced.children.front()].value))
    return "the fallback, as the first value is unknown";
  return substituted(e, node);
}

// Truth in green, falsehood dimmed, unknown in yellow; numbers as they are.
std::string coloured_value(const TextStyle& style, const engine::TracedExpression& e, std::uint32_t node,
                           const std::string& value) {
  const double v = e.nodes[node].value;
  if (engine::is_unknown(v)) return style.paint("33", value);
  if (e.written(node).unit != engine::Unit::Truth && e.written(node).kind != ExprNode::Kind::Finding) return value;
  return style.paint(v != 0 ? "32" : "2", value);
}

}  // namespace

std::string draw_tree(const engine::RuleSet& rules, const engine::TracedExpression& expression,
                      const TextStyle& style, std::string_view indent, std::string_view keyword) {
  if (expression.nodes.empty()) return {};
  std::vector<Row> rows;
  collect(expression, 0, "", "", rows);
  // Labels are cut to the room the line leaves; the value column follows the widest label drawn.
  const int room = std::max(style.width - static_cast<int>(indent.size()) - kValueColumn - 24, kShortestLabel);
  std::vector<std::string> labels;
  int label_width = 0;
  for (const Row& row : rows) {
    labels.push_back(label(expression, row.node, std::max(room - display_width(row.branch), 4)));
    label_width = std::max(label_width, display_width(row.branch) + display_width(labels.back()));
  }
  const std::string& whole = expression.written(0).text;
  const std::string first = std::string(indent) + style.paint("2", keyword);
  std::string out = first + "\n";
  if (whole != labels.front())
    out = wrap(whole, style.width, first + " ", std::string(indent) + std::string(keyword.size() + 1, ' ')) + "\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const std::string& text = labels[i];
    const std::string shown = expression.nodes[row.node].decisive ? style.paint("1", text) : text;
    const std::string gap(static_cast<std::size_t>(label_width - display_width(row.branch) - display_width(text)), ' ');
    const std::string value = traced_value(expression, row.node);
    const std::string pad(static_cast<std::size_t>(std::max(0, kValueColumn - display_width(value))), ' ');
    std::string line = std::string(indent) + style.paint("2", row.branch) + shown + gap + "  " +
                       coloured_value(style, expression, row.node, value);
    const std::string remark = note(rules, expression, row.node);
    if (!remark.empty()) line += pad + "  " + style.paint("2", remark);
    out += line + "\n";
  }
  return out;
}

}  // namespace rapport::cli
