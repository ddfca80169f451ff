// The condition prover: abstract evaluation of a node over a box of slot values, and a
// depth-first branch and bound that splits the box (and shared comparisons) until every cell
// either cannot reach the target truth value or shows a concrete witness that does.
#include "engine/condition_analysis.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <random>

namespace rapport::engine::analysis {

// ---------------------------------------------------------------- one question's view of the graph

// The nodes one root reaches, renumbered from 0 in topological order (the root last), with
// what the search needs to know about them.
struct Prover::Query {
  std::vector<Node> nodes;                 // kids are local indices
  std::vector<std::uint32_t> slots;        // slots read, sorted
  std::vector<bool> shared;                // a comparison reached along two paths or more
  std::vector<std::uint32_t> sensitive;    // slots under known() or default(): missing changes the value
  std::map<std::uint32_t, std::vector<double>> split_points;  // per slot: constants it is compared with
};

namespace {

using Values = std::vector<Abstract>;
using Assumed = std::vector<std::pair<std::uint32_t, TruthSet>>;

bool is_comparison(NodeKind kind) { return kind == NodeKind::Less || kind == NodeKind::Equal; }

// The slot a comparison side stands for, when it is the slot itself (or its default).
const Node* compared_slot(const std::vector<Node>& nodes, const Node& side) {
  if (side.kind == NodeKind::Slot) return &side;
  if (side.kind == NodeKind::Default && nodes[side.kids[0]].kind == NodeKind::Slot) return &nodes[side.kids[0]];
  return nullptr;
}

TruthSet differ(TruthSet a, TruthSet b) {
  TruthSet r = (a & b) ? kFalse : 0;
  for (const TruthSet x : {kTrue, kFalse, kUnknownTruth})
    for (const TruthSet y : {kTrue, kFalse, kUnknownTruth})
      if ((a & x) && (b & y) && x != y) r |= kTrue;
  return r;
}

Abstract evaluate_node(const Node& n, const Values& v, const Box& box) {
  const auto arg = [&](std::size_t i) -> const Abstract& { return v[n.kids[i]]; };
  const auto truths = [&](std::size_t i) { return truths_of(v[n.kids[i]]); };
  switch (n.kind) {
    case NodeKind::Constant: return constant(n.value);
    case NodeKind::Slot: return {box[n.slot].known, box[n.slot].unknown, false};
    case NodeKind::Neg: return negate(arg(0));
    case NodeKind::Abs: return absolute(arg(0));
    case NodeKind::Add: return add(arg(0), arg(1));
    case NodeKind::Sub: return subtract(arg(0), arg(1));
    case NodeKind::Mul: return multiply(arg(0), arg(1));
    case NodeKind::Div: return divide(arg(0), arg(1));
    case NodeKind::Min:
    case NodeKind::Max: {
      std::vector<Abstract> args;
      for (const auto kid : n.kids) args.push_back(v[kid]);
      return n.kind == NodeKind::Min ? minimum(args) : maximum(args);
    }
    case NodeKind::Known: return known_of(arg(0));
    case NodeKind::Default: return default_of(arg(0), arg(1));
    case NodeKind::Not: return from_truths(kleene_not(truths(0)));
    case NodeKind::And:
    case NodeKind::Or: {
      TruthSet r = truths(0);
      for (std::size_t i = 1; i < n.kids.size(); ++i)
        r = n.kind == NodeKind::And ? kleene_and(r, truths(i)) : kleene_or(r, truths(i));
      return from_truths(r);
    }
    case NodeKind::Less: return from_truths(less(arg(0), arg(1)));
    case NodeKind::Equal: return from_truths(equal(arg(0), arg(1)));
    case NodeKind::Differ: return from_truths(differ(truths(0), truths(1)));
  }
  return {};
}

// Evaluates every node of the query bottom-up. A comparison assumed to take one truth value
// takes it; if the box rules that value out, the cell is infeasible and `false` is returned.
bool run(const std::vector<Node>& nodes, const Box& box, const Assumed& assumed, Values& values) {
  values.resize(nodes.size());
  std::vector<TruthSet> assumption(nodes.size(), 0);
  for (const auto& [node, truth] : assumed) assumption[node] = truth;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    values[i] = evaluate_node(nodes[i], values, box);
    if (assumption[i] == 0) continue;
    if (!(truths_of(values[i]) & assumption[i])) return false;
    values[i] = from_truths(assumption[i]);
  }
  return true;
}

// A value inside a non-empty interval, away from unbounded ends.
double middle(const Interval& i) {
  if (std::isinf(i.lo) && std::isinf(i.hi)) return 0;
  if (std::isinf(i.lo)) return i.hi - std::max(1.0, std::abs(i.hi));
  if (std::isinf(i.hi)) return i.lo + std::max(1.0, std::abs(i.lo));
  return i.lo / 2 + i.hi / 2;
}

bool reaches(const std::vector<Node>& nodes, const Box& point, TruthSet target) {
  Values values;
  run(nodes, point, {}, values);
  const TruthSet got = truths_of(values.back());
  return got != 0 && (got & ~target) == 0;
}

// A few points of the cell: its middle, flags at their other value, and missing values where
// the cell allows them. Each is a real profile; if one reaches the target, the answer is Possible.
bool point_witness(const Prover& prover, const Prover::Query& q, const Box& box, TruthSet target) {
  for (int variant = 0; variant < 3; ++variant) {
    Box point = box;
    for (const auto s : q.slots) {
      const SlotBox& in = box[s];
      if (in.known.is_empty() || (variant == 2 && in.unknown)) {
        point[s] = {Interval::empty(), true};
        continue;
      }
      const bool flag = prover.range(s).flag;  // a flag is 0 or 1, never in between
      const bool top = variant == 1 && std::isfinite(in.known.hi);  // an unbounded end is no profile's value
      const double value = top ? in.known.hi : flag ? in.known.lo : middle(in.known);
      point[s] = {Interval::point(value), false};
    }
    if (reaches(q.nodes, point, target)) return true;
  }
  return false;
}

// Random profiles inside the box, favouring the constants the slots are compared with: most
// conditions that can reach the target show it here, before any splitting.
bool sample_witness(const Prover& prover, const Prover::Query& q, const Box& box, TruthSet target) {
  std::mt19937 random(20240611u);
  constexpr int kSamples = 24;
  for (int sample = 0; sample < kSamples; ++sample) {
    Box point = box;
    for (const auto s : q.slots) {
      const SlotBox& in = box[s];
      if (in.known.is_empty() || (in.unknown && random() % 4 == 0)) {
        point[s] = {Interval::empty(), true};
        continue;
      }
      double value = middle(in.known);
      const auto found = q.split_points.find(s);
      const unsigned pick = random() % 4;
      if (pick == 0 && found != q.split_points.end()) {
        value = found->second[random() % found->second.size()];
      } else if (pick == 1) {
        value = in.known.lo;
      } else if (pick == 2) {
        value = in.known.hi;
      } else if (!in.known.unbounded()) {
        value = in.known.lo + (in.known.hi - in.known.lo) * std::uniform_real_distribution<double>(0, 1)(random);
      }
      if (!std::isfinite(value) || !in.known.contains(value)) value = middle(in.known);
      if (prover.range(s).flag) value = random() % 2 == 0 ? in.known.lo : in.known.hi;
      point[s] = {Interval::point(value), false};
    }
    if (reaches(q.nodes, point, target)) return true;
  }
  return false;
}

struct Cell {
  Box box;
  Assumed assumed;
  std::uint32_t depth = 0;
};

}  // namespace

// ---------------------------------------------------------------- the prover

Prover::Prover(const ConditionGraph& graph, std::vector<SlotRange> slots) : graph_(graph), slots_(std::move(slots)) {}

Prover::~Prover() = default;

Box Prover::full_box(bool may_be_unknown) const {
  Box box;
  for (const SlotRange& r : slots_) box.push_back({Interval::of(r.low, r.high), may_be_unknown});
  return box;
}

namespace {

// The nodes `root` reaches, in topological order, with their kids renumbered to match.
std::vector<Node> reachable(const ConditionGraph& graph, std::uint32_t root) {
  std::vector<std::uint32_t> reached{root}, todo{root};
  std::vector<bool> seen(graph.size(), false);
  seen[root] = true;
  while (!todo.empty()) {
    const auto id = todo.back();
    todo.pop_back();
    for (const auto kid : graph.node(id).kids)
      if (!seen[kid]) {
        seen[kid] = true;
        reached.push_back(kid);
        todo.push_back(kid);
      }
  }
  std::sort(reached.begin(), reached.end());
  std::unordered_map<std::uint32_t, std::uint32_t> local;
  for (std::uint32_t i = 0; i < reached.size(); ++i) local[reached[i]] = i;
  std::vector<Node> nodes;
  for (const auto id : reached) {
    nodes.push_back(graph.node(id));
    for (auto& kid : nodes.back().kids) kid = local.at(kid);
  }
  return nodes;
}

// Which comparisons are met along two paths or more (they must take one value both times) and
// which slots are read under known() or default().
void mark_sharing(Prover::Query& q) {
  const std::size_t n = q.nodes.size();
  std::vector<std::uint8_t> paths(n, 0);  // from the root, counted up to two
  std::vector<bool> guarded(n, false);
  paths[n - 1] = 1;
  for (std::size_t i = n; i-- > 0;) {
    const Node& node = q.nodes[i];
    const bool guards = node.kind == NodeKind::Known || node.kind == NodeKind::Default;
    for (const auto kid : node.kids) {
      paths[kid] = static_cast<std::uint8_t>(std::min(2, paths[kid] + paths[i]));
      if (guarded[i] || guards) guarded[kid] = true;
    }
  }
  q.shared.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    q.shared[i] = is_comparison(q.nodes[i].kind) && paths[i] >= 2;
    if (q.nodes[i].kind == NodeKind::Slot && guarded[i]) q.sensitive.push_back(q.nodes[i].slot);
  }
}

// The constants each slot is compared with, where the box is best split.
void find_split_points(Prover::Query& q) {
  for (const Node& node : q.nodes) {
    if (!is_comparison(node.kind)) continue;
    for (int side = 0; side < 2; ++side) {
      const Node* s = compared_slot(q.nodes, q.nodes[node.kids[side]]);
      const Node& other = q.nodes[node.kids[1 - side]];
      if (s != nullptr && other.kind == NodeKind::Constant) q.split_points[s->slot].push_back(other.value);
    }
  }
  for (auto& [slot, points] : q.split_points) {
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
  }
}

}  // namespace

const Prover::Query& Prover::query(std::uint32_t root) const {
  auto& cached = queries_[root];
  if (cached) return *cached;
  auto q = std::make_unique<Query>();
  q->nodes = reachable(graph_, root);
  for (const Node& n : q->nodes)
    if (n.kind == NodeKind::Slot) q->slots.push_back(n.slot);
  std::sort(q->slots.begin(), q->slots.end());
  q->slots.erase(std::unique(q->slots.begin(), q->slots.end()), q->slots.end());
  mark_sharing(*q);
  find_split_points(*q);
  cached = std::move(q);
  return *cached;
}

std::vector<std::uint32_t> Prover::slots_read(std::uint32_t node) const { return query(node).slots; }

Abstract Prover::evaluate(std::uint32_t node, const Box& box) const {
  const Query& q = query(node);
  Values values;
  run(q.nodes, box, {}, values);
  return values.back();
}

namespace {

// How far a slot's interval is from a point, relative to its whole range: the widest is split first.
double relative_width(const Interval& known, const SlotRange& range) {
  if (known.unbounded()) return 1;
  const double whole = range.high - range.low;
  if (std::isfinite(whole) && whole > 0) return (known.hi - known.lo) / whole;
  return std::min(1.0, (known.hi - known.lo) / std::max({1.0, std::abs(known.lo), std::abs(known.hi)}));
}

// The children of a cell whose slot `s` is split at `at` (lo < at < hi); with `point`, the
// value `at` itself gets its own cell, so a witness exactly at a threshold is found.
void split_slot(const Cell& cell, std::uint32_t s, double at, bool point, std::vector<Cell>& out) {
  const SlotBox in = cell.box[s];
  std::vector<Interval> parts{Interval::of(in.known.lo, at)};
  if (point) parts.push_back(Interval::point(at));
  parts.push_back(Interval::of(at, in.known.hi));
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Cell child{cell.box, cell.assumed, cell.depth + 1};
    child.box[s] = {parts[i], in.unknown && i == 0};  // the missing value goes to one child only
    out.push_back(std::move(child));
  }
}

}  // namespace

namespace {

Cell child_of(const Cell& cell) { return {cell.box, cell.assumed, cell.depth + 1}; }

// A comparison met twice that is undecided here: one child per value it may take.
bool split_shared_comparison(const Prover::Query& q, const Cell& cell, const Values& values, std::vector<Cell>& out) {
  for (std::uint32_t i = 0; i < q.nodes.size(); ++i) {
    if (!q.shared[i]) continue;
    const bool assumed = std::any_of(cell.assumed.begin(), cell.assumed.end(), [&](const auto& a) { return a.first == i; });
    const TruthSet truths = truths_of(values[i]);
    if (assumed || std::popcount(truths) < 2) continue;
    for (const TruthSet t : {kTrue, kFalse, kUnknownTruth}) {
      if (!(truths & t)) continue;
      out.push_back(child_of(cell));
      out.back().assumed.emplace_back(i, t);
    }
    return true;
  }
  return false;
}

// A slot under known() or default() that may be missing or known: one child for each.
bool split_missing(const Prover::Query& q, const Cell& cell, std::vector<Cell>& out) {
  for (const auto s : q.sensitive) {
    const SlotBox& in = cell.box[s];
    if (!in.unknown || in.known.is_empty()) continue;
    Cell known = child_of(cell), missing = child_of(cell);
    known.box[s].unknown = false;
    missing.box[s] = {Interval::empty(), true};
    out.push_back(std::move(known));
    out.push_back(std::move(missing));
    return true;
  }
  return false;
}

// The slot to split and where: a flag first, then a slot at the constant nearest its middle that
// it is compared with, then the widest slot at its middle.
bool split_widest_slot(const Prover::Query& q, const Prover& prover, const Cell& cell, std::vector<Cell>& out) {
  double best = 0, best_at = 0;
  std::uint32_t best_slot = 0;
  bool best_point = false;
  for (const auto s : q.slots) {
    const Interval& known = cell.box[s].known;
    if (known.is_empty() || known.is_point()) continue;
    const SlotRange& range = prover.range(s);
    double score = relative_width(known, range);
    double at = range.flag ? 0.5 : middle(known);
    bool point = false;
    if (const auto found = q.split_points.find(s); !range.flag && found != q.split_points.end()) {
      for (const double c : found->second) {
        if (!(known.lo < c && c < known.hi)) continue;
        if (!point || std::abs(c - middle(known)) < std::abs(at - middle(known))) at = c;
        point = true;
      }
    }
    score += range.flag ? 4 : point ? 2 : 0;
    if (!(known.lo < at && at < known.hi) || score <= best) continue;
    best = score;
    best_slot = s;
    best_at = at;
    best_point = point;
  }
  if (best == 0) return false;
  if (!prover.range(best_slot).flag) {
    split_slot(cell, best_slot, best_at, best_point, out);
    return true;
  }
  for (const double v : {0.0, 1.0}) {
    out.push_back(child_of(cell));
    out.back().box[best_slot] = {Interval::point(v), cell.box[best_slot].unknown && v == 0.0};
  }
  return true;
}

// Splits, in order of usefulness: a shared comparison that is undecided, a slot under known() or
// default() that may be missing, then a slot's values. No children when nothing can be split.
std::vector<Cell> split(const Prover::Query& q, const Prover& prover, const Cell& cell, const Values& values) {
  std::vector<Cell> children;
  if (!split_shared_comparison(q, cell, values, children) && !split_missing(q, cell, children))
    split_widest_slot(q, prover, cell, children);
  return children;
}

}  // namespace

Verdict Prover::can_be(std::uint32_t node, TruthSet target, const Box& box, const Budget& budget) const {
  const Query& q = query(node);
  if (sample_witness(*this, q, box, target)) return Verdict::Possible;
  std::vector<Cell> stack{{box, {}, 0}};
  std::uint32_t cells = 0;
  std::uint64_t work = 0;
  Values values;
  while (!stack.empty()) {
    Cell cell = std::move(stack.back());
    stack.pop_back();
    work += 4 * q.nodes.size();  // one evaluation and up to three witness points
    if (++cells > budget.cells || work > budget.work) return Verdict::GaveUp;
    if (!run(q.nodes, cell.box, cell.assumed, values)) continue;  // the assumptions cannot all hold here
    if (!(truths_of(values.back()) & target)) continue;
    if (point_witness(*this, q, cell.box, target)) return Verdict::Possible;
    if (cell.depth >= budget.depth) return Verdict::GaveUp;
    std::vector<Cell> children = split(q, *this, cell, values);
    if (children.empty()) return Verdict::GaveUp;
    for (auto& child : children) stack.push_back(std::move(child));
  }
  return Verdict::Impossible;
}

}  // namespace rapport::engine::analysis
