// The checked, compiled rule set: what the engine evaluates and what reports describe.
// Built by check() from the syntax trees; immutable afterwards.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/location.hpp"
#include "engine/program.hpp"

namespace rapport::engine {

using dsl::Audience;
using dsl::Bound;
using dsl::MetricKind;
using dsl::Owner;
using dsl::Severity;

struct Source {
  std::string id;
  std::string title;
  std::string by;               // publisher or authors
  std::optional<int> year;
  std::vector<std::pair<Audience, int>> sample;  // respondents per group (Company = total)
  std::string url;
  std::string note;
  dsl::Location where;
};

struct Benchmark {
  Audience group = Audience::It;
  double value = 0;             // normalised like profile values (shares 0..1)
  Bound bound = Bound::Exact;
  std::uint32_t source = 0;     // index into RuleSet::sources
  std::string quote;            // may be empty
};

struct Metric {
  std::string id;
  std::string question;
  std::string label;            // short name for tables and charts (defaults to the id)
  MetricKind kind = MetricKind::Share;
  double low = 0, high = 1;     // valid range: share 0..1, scale as declared, flag 0..1, number ±inf
  std::vector<Audience> asked;  // in declaration order
  std::vector<Benchmark> benchmarks;
  dsl::Location where;

  bool asked_of(Audience a) const;
  const Benchmark* benchmark_for(Audience a) const;
};

// A text whose {placeholders} are compiled expressions.
struct TemplatePiece {
  std::string text;             // literal text, when !value
  std::optional<Program> value; // a placeholder
};
struct Template {
  std::vector<TemplatePiece> pieces;
  std::string source_text;      // as written, placeholders verbatim
};

// A compiled condition or priority as written, for explain: one node per sub-expression, in
// post-order (children before their parent, the root last), each tied to the instruction of its
// Program that computes its value. Built by the compiler next to the Program it describes.
struct ExprNode {
  enum class Kind : std::uint8_t {
    Literal,    // 30%, 3, true
    Metric,     // it.m, marketing.m or m; `ref` is the slot
    Finding,    // a finding's verdict; `ref` is the finding
    Gap,        // gap(m): children it.m and marketing.m; `ref` is the metric
    Benchmark,  // benchmark(it.m), a published figure; `ref` is the metric
    Weight,     // weight(f): child the finding f; `ref` is the finding
    Operator,   // not, -, +, *, <, and, ... (`op`)
    Call,       // abs, min, max, known, default, all, any (`op`)
    Statistic,  // n(it.m), ci_low(gap(m)), significant(gap(m)), ...: `ref` is the input (InputLayout)
  };
  Kind kind = Kind::Literal;
  std::string text;             // as written, on one line (comments dropped, spaces collapsed)
  dsl::Location where;
  Unit unit = Unit::Plain;
  OpCode op = OpCode::PushConst;        // the instruction that computes it
  std::uint32_t instr = 0;              // its index in Program::code
  std::uint32_t ref = 0;
  std::vector<std::uint32_t> children;  // node indices, in the order written
};
struct ExprTree {
  std::vector<ExprNode> nodes;  // post-order; empty when the expression was not compiled
  std::uint32_t root() const { return static_cast<std::uint32_t>(nodes.size() - 1); }
};

struct Citation {
  std::uint32_t source = 0;     // index into RuleSet::sources
  std::string quote;            // the figures quoted, exactly as in the study
};

struct Finding {
  std::string id;
  std::string title;
  Severity severity = Severity::Info;
  dsl::Expr condition_ast;      // the syntax, for tools that read it (not kept when checking for evaluation)
  Program condition;
  ExprTree condition_tree;      // for explain
  std::vector<Citation> evidence;
  Template narrative;
  dsl::Location where;
};

struct Recommendation {
  std::string id;
  std::string title;
  Owner owner = Owner::Both;
  int horizon_days = 0;
  dsl::Expr condition_ast;
  Program condition;
  ExprTree condition_tree;      // for explain
  dsl::Expr priority_ast;
  Program priority;
  ExprTree priority_tree;
  std::vector<Template> actions;
  std::string rationale;        // the intent behind the advice (may be empty)
  std::vector<std::uint32_t> findings_used;  // findings its condition or priority reads
  dsl::Location where;
};

// A metric slot: one (metric, audience) pair a profile can fill.
struct Slot {
  std::uint32_t metric = 0;
  Audience audience = Audience::It;
};

// The statistics a rule can read about one group's value, and about the gap between the groups.
enum class SlotStatistic : std::uint8_t { N, CiLow, CiHigh };
enum class GapStatistic : std::uint8_t { CiLow, CiHigh, PValue, Significant, Trust };

// Where each value a compiled program loads sits in the evaluation inputs: the profile's metric values
// first, one per slot, then the statistics behind them. The compiler emits loads against this layout;
// gather_evidence() (evidence.hpp) fills it. A gap's Trust is 1 when the gap may be believed; the
// tentative pass sets it unknown for gaps that are not significant, and every gap(m) reads it (Doubt).
struct InputLayout {
  std::uint32_t slots = 0;
  std::uint32_t metrics = 0;

  std::uint32_t value(std::uint32_t slot) const { return slot; }
  std::uint32_t of(SlotStatistic s, std::uint32_t slot) const {
    return slots * (1 + static_cast<std::uint32_t>(s)) + slot;
  }
  std::uint32_t of(GapStatistic g, std::uint32_t metric) const {
    return slots * 4 + metrics * static_cast<std::uint32_t>(g) + metric;
  }
  std::uint32_t size() const { return slots * 4 + metrics * 5; }
};

struct RuleSet {
  std::vector<Source> sources;
  std::vector<Metric> metrics;
  std::vector<Finding> findings;               // declaration order (files in path order)
  std::vector<Recommendation> recommendations; // declaration order
  std::vector<std::uint32_t> finding_order;    // evaluation order: dependencies first
  std::vector<Slot> slots;

  // Load-time look-ups (never used during evaluation).
  std::optional<std::uint32_t> metric_index(const std::string& id) const;
  std::optional<std::uint32_t> slot_of(std::uint32_t metric, Audience audience) const;
  InputLayout layout() const {
    return {static_cast<std::uint32_t>(slots.size()), static_cast<std::uint32_t>(metrics.size())};
  }

  std::map<std::string, std::uint32_t> metric_ids;
  std::map<std::pair<std::uint32_t, Audience>, std::uint32_t> slot_ids;
};

}  // namespace rapport::engine
