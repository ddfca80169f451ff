// equivalent-conditions: two findings (or two recommendations) whose conditions take the same
// value — true, false or unknown — for every profile. Conditions are first told apart cheaply by
// their values on a fixed set of random profiles; only look-alikes go to the prover.
#include <cmath>
#include <map>
#include <random>

#include "dsl/diagnostic_codes.hpp"
#include "engine/lint_conditions.hpp"

namespace rapport::engine::checking {

namespace {

using analysis::Box;
using analysis::Interval;
using analysis::SlotBox;
using analysis::TruthSet;
using dsl::DeclKind;

// Random profiles over every slot (a quarter of the values missing), the same for every condition.
std::vector<Box> sample_profiles(const analysis::Prover& prover, std::size_t slots) {
  constexpr int kProfiles = 32;
  std::mt19937 random(7u);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<Box> profiles;
  for (int p = 0; p < kProfiles; ++p) {
    Box box(slots);
    for (std::uint32_t s = 0; s < slots; ++s) {
      const auto& range = prover.range(s);
      if (random() % 4 == 0) {
        box[s] = {Interval::empty(), true};
        continue;
      }
      double value = range.flag ? static_cast<double>(random() % 2) : range.low + (range.high - range.low) * unit(random);
      if (!std::isfinite(value)) value = (unit(random) - 0.5) * 20;
      box[s] = {Interval::point(value), false};
    }
    profiles.push_back(std::move(box));
  }
  return profiles;
}

struct Condition {
  std::uint32_t index = 0;  // the finding or recommendation
  std::uint32_t node = 0;
  std::uint32_t file = 0;
  const dsl::Expr* when = nullptr;
};

void compare_all(ConditionLint& lint, DeclKind kind, const std::vector<Condition>& conditions,
                 const std::vector<Box>& profiles) {
  auto& reported = kind == DeclKind::Finding ? lint.finding_reported : lint.recommendation_reported;
  std::map<std::vector<TruthSet>, std::vector<const Condition*>> alike;
  for (const Condition& c : conditions) {
    if (reported[c.index]) continue;
    std::vector<TruthSet> signature;
    for (const Box& profile : profiles) signature.push_back(analysis::truths_of(lint.prover.evaluate(c.node, profile)));
    alike[signature].push_back(&c);
  }
  for (const auto& [signature, group] : alike) {
    for (std::size_t j = 1; j < group.size(); ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        const Condition& first = *group[i];
        const Condition& second = *group[j];
        if (first.node != second.node) {
          const std::uint32_t differ = lint.conditions.graph.make(analysis::NodeKind::Differ, {first.node, second.node});
          if (lint.prover.can_be(differ, analysis::kTrue, lint.prover.full_box(true)) != analysis::Verdict::Impossible)
            continue;
        }
        auto& diag = lint.state.warning(
            dsl::code::equivalent_conditions, lint.state.locate(second.file, second.when->span),
            "the condition of " + declaration_name(lint.state, kind, second.index) + " is equivalent to that of " +
                declaration_name(lint.state, kind, first.index) + ": they hold for exactly the same profiles",
            kind == DeclKind::Finding ? "merge the two findings, or change one condition so that each says something"
                                      : "merge the two recommendations, or change one condition");
        diag.notes.push_back({"first declared here", lint.state.locate(first.file, first.when->span)});
        break;
      }
    }
  }
}

}  // namespace

void lint_equivalent_conditions(ConditionLint& lint) {
  const CheckState& state = lint.state;
  const std::vector<Box> profiles = sample_profiles(lint.prover, lint.conditions.slots.size());
  std::vector<Condition> findings, recommendations;
  for (std::uint32_t f = 0; f < state.finding_syntax.size(); ++f)
    findings.push_back({f, lint.conditions.findings[f], state.finding_syntax[f].file, state.finding_syntax[f].when});
  for (std::uint32_t r = 0; r < state.recommendation_syntax.size(); ++r)
    recommendations.push_back({r, lint.conditions.recommendations[r], state.recommendation_syntax[r].file,
                               state.recommendation_syntax[r].when});
  compare_all(lint, DeclKind::Finding, findings, profiles);
  compare_all(lint, DeclKind::Recommendation, recommendations, profiles);
}

}  // namespace rapport::engine::checking
