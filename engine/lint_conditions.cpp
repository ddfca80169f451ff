// The condition lint: warnings backed by a proof of the condition prover — comparisons that are
// always or never true over a metric's range, conditions that never or always hold, and
// recommendations that only unknown-prone metrics can trigger (equivalences: lint_equivalence.cpp).
#include <algorithm>
#include <cmath>

#include "dsl/diagnostic_codes.hpp"
#include "engine/check_passes.hpp"
#include "engine/lint_conditions.hpp"

namespace rapport::engine::checking {

namespace {

using analysis::kFalse;
using analysis::kTrue;
using analysis::Verdict;
using dsl::DeclKind;
using dsl::Expr;
using dsl::Op;

bool is_comparison(Op op) {
  return op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge;
}

// `value > 5` read the other way round: `5 < value`.
Op mirrored(Op op) {
  switch (op) {
    case Op::Lt: return Op::Gt;
    case Op::Le: return Op::Ge;
    case Op::Gt: return Op::Lt;
    case Op::Ge: return Op::Le;
    default: return op;
  }
}

// lint.cpp's suspicious-threshold (`it.share > 50`) already explains such a comparison.
bool suspicious(const CheckState& state, const Expr& value, const Expr& literal) {
  if (literal.kind != dsl::ExprKind::Number || literal.unit != dsl::NumberUnit::Plain || literal.number <= 1) return false;
  const auto unit = state.units.find(&value);
  return unit != state.units.end() && (unit->second == Unit::Percent || unit->second == Unit::Points);
}

// A value as a rule writer would write it: 30%, -8pp, 5.
std::string written_value(double v, Unit unit) {
  const auto tidy = [](double x) {
    const double rounded = std::round(x * 1e6) / 1e6;
    return spell(rounded == 0 ? 0.0 : rounded);
  };
  switch (unit) {
    case Unit::Percent: return tidy(v * 100) + "%";
    case Unit::Points: return tidy(v * 100) + "pp";
    case Unit::Truth: return v != 0 ? "true" : "false";
    case Unit::Plain: break;
  }
  return tidy(v);
}

// The kind of values a metric reference or gap stands for, or "" for any other expression.
std::string subject_phrase(const CheckState& state, const Expr& e) {
  const auto it = state.meanings.find(&e);
  if (it == state.meanings.end()) return {};
  if (it->second.kind == Meaning::Kind::Gap) return "a gap between two shares";
  if (it->second.kind != Meaning::Kind::Slot) return {};
  const Metric& metric = state.rules.metrics[it->second.index];
  switch (metric.kind) {
    case MetricKind::Share: return "a share";
    case MetricKind::Scale: return "a scale from " + spell(metric.low) + " to " + spell(metric.high);
    case MetricKind::Flag: return "a flag";
    case MetricKind::Number: break;
  }
  return {};
}

class ConditionJudge {
 public:
  explicit ConditionJudge(ConditionLint& lint)
      : lint_(lint), state_(lint.state), prover_(lint.prover),
        finding_verdict_(state_.rules.findings.size(), Verdict::GaveUp) {}

  // threshold-out-of-range: every comparison in every expression, on its own.
  void comparisons() {
    for (const ExprRoot& root : state_.roots) walk(root, *root.expr);
  }

  // condition-never-holds / condition-always-holds, findings first (in evaluation order, so a
  // warning can point at the findings it reads), then recommendations.
  void conditions() {
    for (const std::uint32_t f : state_.rules.finding_order) {
      const auto& syntax = state_.finding_syntax[f];
      judge(DeclKind::Finding, f, syntax.file, *syntax.when, lint_.conditions.findings[f]);
    }
    for (std::uint32_t r = 0; r < state_.recommendation_syntax.size(); ++r) {
      const auto& syntax = state_.recommendation_syntax[r];
      judge(DeclKind::Recommendation, r, syntax.file, *syntax.when, lint_.conditions.recommendations[r]);
    }
  }

  // unknown-prone-trigger: recommendations that, with every unknown-prone metric missing, are never made.
  void unknown_prone() {
    // Company figures are unknown-prone next to survey answers; a rule set without any survey
    // question has nothing more reliable to offer instead.
    const auto surveyed = [](const Metric& m) { return m.asked_of(Audience::It) || m.asked_of(Audience::Marketing); };
    if (std::none_of(state_.rules.metrics.begin(), state_.rules.metrics.end(), surveyed)) return;
    for (std::uint32_t r = 0; r < state_.recommendation_syntax.size(); ++r) {
      if (lint_.recommendation_reported[r]) continue;
      const std::uint32_t node = lint_.conditions.recommendations[r];
      analysis::Box box = prover_.full_box(true);
      std::vector<std::string> prone;
      for (const std::uint32_t s : prover_.slots_read(node)) {
        if (s >= state_.rules.slots.size()) continue;  // a statistic, not a company figure
        const Slot& slot = state_.rules.slots[s];
        const Metric& metric = state_.rules.metrics[slot.metric];
        if (slot.audience != Audience::Company || metric.kind == MetricKind::Flag) continue;
        box[s] = {analysis::Interval::empty(), true};
        prone.push_back("'" + metric.id + "'");
      }
      if (prone.empty() || prover_.can_be(node, kTrue, box) != Verdict::Impossible) continue;
      const auto& syntax = state_.recommendation_syntax[r];
      state_.warning(dsl::code::unknown_prone_trigger, state_.locate(syntax.file, syntax.when->span),
                     "only company figures can trigger " + declaration_name(state_, DeclKind::Recommendation, r) +
                         ": with " + listed(prone) + " missing it is never made, whatever the survey answers",
                     "company figures are often missing from a profile; let a survey answer trigger it too, "
                     "or expect it to be reported as not assessed");
      lint_.recommendation_reported[r] = true;
    }
  }

 private:
  static std::string listed(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
      text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return text;
  }

  void walk(const ExprRoot& root, const Expr& e) {
    for (const auto& arg : e.args) walk(root, arg);
    if (e.kind != dsl::ExprKind::Binary || !is_comparison(e.op)) return;
    if (suspicious(state_, e.args[0], e.args[1]) || suspicious(state_, e.args[1], e.args[0])) {
      mark(root);
      return;
    }
    const std::uint32_t node = lint_.conditions.nodes.at(&e);
    const bool never = prover_.can_be(node, kTrue, prover_.full_box(true)) == Verdict::Impossible;
    // Never false, even with values missing: a default() that makes it false without data is deliberate.
    const bool always = !never && prover_.can_be(node, kFalse, prover_.full_box(true)) == Verdict::Impossible &&
                        prover_.can_be(node, kTrue, prover_.full_box(false)) == Verdict::Possible;
    if (!never && !always) return;
    mark(root);
    state_.warning(dsl::code::threshold_out_of_range, state_.locate(root.file, e.span),
                   state_.quote(root.file, e.span) +
                       (always ? " is always true whenever its data is known" : " is never true"),
                   comparison_help(root.file, e, always));
  }

  void mark(const ExprRoot& root) {
    if (root.role != Role::Condition) return;
    auto& reported = root.owner_kind == DeclKind::Finding ? lint_.finding_reported : lint_.recommendation_reported;
    reported[root.owner] = true;
  }

  // Why the comparison is decided: the bound of its non-constant side that settles it.
  std::string comparison_help(std::uint32_t file, const Expr& e, bool always) const {
    const auto& graph = lint_.conditions.graph;
    const auto constant = [&](const Expr& side) {
      return graph.node(lint_.conditions.nodes.at(&side)).kind == analysis::NodeKind::Constant;
    };
    const std::string verdict = always ? "always true" : "never true";
    if (constant(e.args[0]) == constant(e.args[1])) return "whatever the profile says, it is " + verdict;
    const int subject = constant(e.args[1]) ? 0 : 1;
    const Expr& side = e.args[subject];
    const auto unit_found = state_.units.find(&side);
    const Unit unit = unit_found == state_.units.end() ? Unit::Plain : unit_found->second;
    const auto range = prover_.evaluate(lint_.conditions.nodes.at(&side), prover_.full_box(false)).known;
    const Op op = subject == 0 ? e.op : mirrored(e.op);
    const std::string what = subject_phrase(state_, side);
    const std::string intro = what.empty() ? state_.quote(file, side.span) : "this comparison is " + verdict + " for " + what;
    if (op == Op::Eq || op == Op::Ne || range.is_empty()) {
      if (range.is_empty() || range.unbounded()) return "whatever the profile says, it is " + verdict;
      const std::string span = written_value(range.lo, unit) + " to " + written_value(range.hi, unit);
      return what.empty() ? intro + " is always within " + span : intro + ": its values run from " + span;
    }
    const bool highest = always == (op == Op::Lt || op == Op::Le);
    const double bound = highest ? range.hi : range.lo;
    if (!std::isfinite(bound)) return "whatever the profile says, it is " + verdict;
    if (what.empty()) return intro + (highest ? " is never above " : " is never below ") + written_value(bound, unit);
    return intro + ": " + written_value(bound, unit) + " is its " + (highest ? "highest" : "lowest") + " value";
  }

  void judge(DeclKind kind, std::uint32_t index, std::uint32_t file, const Expr& when, std::uint32_t node) {
    auto& reported = kind == DeclKind::Finding ? lint_.finding_reported : lint_.recommendation_reported;
    // `when true` reads no data: a deliberate constant, with no threshold to fix.
    if (prover_.slots_read(node).empty()) return;
    // A finding whose comparison was reported is judged all the same, silently, so that the
    // recommendations reading it can point at it.
    if (reported[index] && kind != DeclKind::Finding) return;
    const bool never = prover_.can_be(node, kTrue, prover_.full_box(true)) == Verdict::Impossible;
    const bool always = !never && prover_.can_be(node, kFalse, prover_.full_box(true)) == Verdict::Impossible &&
                        prover_.can_be(node, kFalse | analysis::kUnknownTruth, prover_.full_box(false)) ==
                            Verdict::Impossible;
    if (!never && !always) return;
    if (kind == DeclKind::Finding) finding_verdict_[index] = never ? Verdict::Impossible : Verdict::Possible;
    if (reported[index]) return;
    reported[index] = true;
    const std::string name = declaration_name(state_, kind, index);
    const bool finding = kind == DeclKind::Finding;
    auto& diag =
        never ? state_.warning(dsl::code::condition_never_holds, state_.locate(file, when.span),
                               "the condition of " + name + " never holds, whatever the profile says",
                               std::string("no values of the metrics it reads make it true, so ") +
                                   (finding ? "the finding never fires" : "it is never recommended") +
                                   "; check its thresholds and its 'and's")
              : state_.warning(dsl::code::condition_always_holds, state_.locate(file, when.span),
                               "the condition of " + name + " always holds whenever its data is known",
                               std::string(finding ? "it fires for every client whose profile answers it"
                                                   : "it is recommended to every client whose profile answers it") +
                                   ", so it tells them nothing; check its thresholds and its 'or's");
    point_at_findings(diag, when, never);
  }

  // A condition that never (or always) holds because a finding it reads does: say which.
  void point_at_findings(dsl::Diagnostic& diag, const Expr& e, bool never) const {
    if (const auto it = state_.meanings.find(&e); it != state_.meanings.end() && it->second.kind == Meaning::Kind::Finding) {
      const std::uint32_t f = it->second.index;
      const bool same = finding_verdict_[f] == (never ? Verdict::Impossible : Verdict::Possible);
      const std::string noted = "finding '" + state_.rules.findings[f].id + "', which it reads, ";
      const auto& syntax = state_.finding_syntax[f];
      if (same)
        diag.notes.push_back({noted + (never ? "never holds" : "always holds whenever its data is known"),
                              state_.locate(syntax.file, syntax.when->span)});
    }
    for (const auto& arg : e.args) point_at_findings(diag, arg, never);
  }

  ConditionLint& lint_;
  CheckState& state_;
  const analysis::Prover& prover_;
  std::vector<Verdict> finding_verdict_;  // Impossible: never holds; Possible: always holds; GaveUp: neither
};

}  // namespace

std::string declaration_name(const CheckState& state, DeclKind kind, std::uint32_t index) {
  const std::string& id =
      kind == DeclKind::Finding ? state.rules.findings[index].id : state.rules.recommendations[index].id;
  return std::string(kind_name(kind)) + " '" + id + "'";
}

void lint_conditions(CheckState& state) {
  if (state.has_errors()) return;
  RuleConditions conditions = translate_conditions(state);
  const analysis::Prover prover(conditions.graph, conditions.slots);
  ConditionLint lint{state, conditions, prover, std::vector<bool>(state.rules.findings.size()),
                     std::vector<bool>(state.rules.recommendations.size())};
  ConditionJudge judge(lint);
  judge.comparisons();
  judge.conditions();
  judge.unknown_prone();
  lint_equivalent_conditions(lint);
}

}  // namespace rapport::engine::checking
