// The condition prover behind `rapport check`'s lint: decides, by interval reasoning with
// branch and bound, whether an expression over metric values can take a truth value at all.
// An answer of Impossible is a proof; Possible comes with a witness; GaveUp when the budget ran out.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "dsl/ast.hpp"
#include "engine/interval.hpp"

namespace rapport::engine::analysis {

enum class NodeKind : std::uint8_t {
  Constant, Slot,                 // leaves: a number, a metric slot of the profile
  Neg, Abs, Add, Sub, Mul, Div, Min, Max, Known, Default,
  Not, And, Or,                   // Kleene logic; And/Or take any number of operands
  Less, Equal,                    // the only comparisons: the others are rewritten into them
  Differ,                         // true when its two operands have different three-valued values
};

struct Node {
  NodeKind kind = NodeKind::Constant;
  double value = 0;                  // Constant
  std::uint32_t slot = 0;            // Slot
  std::vector<std::uint32_t> kids;   // always created before their parent: ids are a topological order
};

// Expressions as one graph of shared nodes: equal subexpressions get one node, so a finding read
// twice, or `it.x < 30%` written as `not it.x >= 30%`, is the same node everywhere.
class ConditionGraph {
 public:
  std::uint32_t constant(double value);
  std::uint32_t slot(std::uint32_t slot);
  std::uint32_t make(NodeKind kind, std::vector<std::uint32_t> kids);
  std::uint32_t negation(std::uint32_t a);                              // not a, without double negation
  std::uint32_t compare(dsl::Op op, std::uint32_t a, std::uint32_t b);  // any comparison operator
  const Node& node(std::uint32_t id) const { return nodes_[id]; }
  std::size_t size() const { return nodes_.size(); }

 private:
  std::uint32_t intern(Node node);
  std::vector<Node> nodes_;
  std::map<std::tuple<NodeKind, std::uint64_t, std::uint32_t, std::vector<std::uint32_t>>, std::uint32_t> index_;
};

// What a metric slot may hold when it is known.
struct SlotRange {
  double low = 0;
  double high = 1;
  bool flag = false;  // only 0 or 1
};

// One metric slot in a box: the interval of its known values (empty: never known) and whether
// it may be missing from the profile.
struct SlotBox {
  Interval known;
  bool unknown = false;
};
using Box = std::vector<SlotBox>;  // indexed by slot

enum class Verdict : std::uint8_t { Possible, Impossible, GaveUp };

// The work one question may take; past it the prover gives up (and the lint stays silent).
struct Budget {
  std::uint32_t cells = 4000;       // boxes examined
  std::uint32_t depth = 64;         // splits on one path
  std::uint64_t work = 4'000'000;   // node evaluations
};

class Prover {
 public:
  Prover(const ConditionGraph& graph, std::vector<SlotRange> slots);
  ~Prover();
  Prover(const Prover&) = delete;
  Prover& operator=(const Prover&) = delete;

  // Every slot over its whole range; known-only, or possibly missing too.
  Box full_box(bool may_be_unknown) const;
  // Can `node` take one of the `target` truth values for some profile inside `box`?
  Verdict can_be(std::uint32_t node, TruthSet target, const Box& box, const Budget& budget = {}) const;
  // What `node` may be over the box, without splitting it (exact when the box is a point).
  Abstract evaluate(std::uint32_t node, const Box& box) const;
  // The slots `node` reads, through any findings it inlines.
  std::vector<std::uint32_t> slots_read(std::uint32_t node) const;
  const SlotRange& range(std::uint32_t slot) const { return slots_[slot]; }

  struct Query;  // what the search needs to know about one root (condition_analysis.cpp)

 private:
  const Query& query(std::uint32_t node) const;

  const ConditionGraph& graph_;
  std::vector<SlotRange> slots_;
  mutable std::unordered_map<std::uint32_t, std::unique_ptr<Query>> queries_;  // prepared once per node
};

}  // namespace rapport::engine::analysis
