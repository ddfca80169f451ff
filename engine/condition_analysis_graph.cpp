// The prover's graph of shared expression nodes: interning, and comparisons in canonical form.
#include <algorithm>
#include <cstring>

#include "engine/condition_analysis.hpp"

namespace rapport::engine::analysis {

std::uint32_t ConditionGraph::intern(Node node) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &node.value, sizeof bits);
  auto key = std::make_tuple(node.kind, bits, node.slot, node.kids);
  const auto found = index_.find(key);
  if (found != index_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back(std::move(node));
  index_.emplace(std::move(key), id);
  return id;
}

std::uint32_t ConditionGraph::constant(double value) { return intern({NodeKind::Constant, value, 0, {}}); }

std::uint32_t ConditionGraph::slot(std::uint32_t slot) { return intern({NodeKind::Slot, 0, slot, {}}); }

std::uint32_t ConditionGraph::make(NodeKind kind, std::vector<std::uint32_t> kids) {
  return intern({kind, 0, 0, std::move(kids)});
}

std::uint32_t ConditionGraph::negation(std::uint32_t a) {
  if (nodes_[a].kind == NodeKind::Not) return nodes_[a].kids.front();  // not not x = x, also for unknown
  return make(NodeKind::Not, {a});
}

// Every comparison becomes a < b or a = b, possibly negated: `a >= b` is exactly `not a < b`
// in program.cpp (equal values snap before comparing; unknown stays unknown under `not`).
std::uint32_t ConditionGraph::compare(dsl::Op op, std::uint32_t a, std::uint32_t b) {
  switch (op) {
    case dsl::Op::Lt: return make(NodeKind::Less, {a, b});
    case dsl::Op::Gt: return make(NodeKind::Less, {b, a});
    case dsl::Op::Le: return negation(make(NodeKind::Less, {b, a}));
    case dsl::Op::Ge: return negation(make(NodeKind::Less, {a, b}));
    case dsl::Op::Ne: return negation(make(NodeKind::Equal, {std::min(a, b), std::max(a, b)}));
    default: return make(NodeKind::Equal, {std::min(a, b), std::max(a, b)});
  }
}

}  // namespace rapport::engine::analysis
