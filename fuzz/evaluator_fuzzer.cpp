// Differential fuzzer: random valid rule sets and profiles (random_rules.hpp), evaluated by Rapport's
// evaluate() and its BatchEvaluator, and by the reference evaluator (reference_evaluator.hpp). Any
// disagreement on a finding, a recommendation, a priority or the ranking aborts with both sides shown.
// A rule set the checker refuses aborts too: the generator writes only valid rules.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dsl/parser.hpp"
#include "engine/assessment.hpp"
#include "engine/batch_evaluate.hpp"
#include "engine/checker.hpp"
#include "fuzz/fuzz_input.hpp"
#include "fuzz/random_rules.hpp"
#include "fuzz/reference_evaluator.hpp"

namespace {

using namespace rapport;
using namespace rapport::fuzz;

engine::Profile profile_for(const engine::RuleSet& rules, const RandomProfile& random) {
  engine::Profile profile;
  profile.company.name = "Fuzz";
  profile.values.assign(rules.slots.size(), engine::kUnknown);
  profile.samples.assign(rules.slots.size(), engine::Sample{});
  profile.it_respondents = random.it_respondents;
  profile.marketing_respondents = random.marketing_respondents;
  for (int i = 0; i < kInputs; ++i) {
    const Input input = static_cast<Input>(i);
    const std::uint32_t metric = rules.metric_ids.at(metric_of(input));
    const engine::Audience group = !is_group_input(input) ? engine::Audience::Company
                                   : is_it_input(input)  ? engine::Audience::It
                                                         : engine::Audience::Marketing;
    const std::uint32_t slot = *rules.slot_of(metric, group);
    if (random.values[i]) profile.values[slot] = *random.values[i];
    profile.samples[slot].n = random.sample_n[i];
  }
  return profile;
}

std::string shown(double v) { return std::isnan(v) ? "unknown" : fmt::format("{}", v); }

bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(a));
}

[[noreturn]] void disagree(const std::string& rules, const RandomProfile& p, const std::string& what) {
  std::fprintf(stderr, "evaluator_fuzzer: the engine and the reference disagree: %s\n--- rules\n%s--- profile\n",
               what.c_str(), rules.c_str());
  for (int i = 0; i < kInputs; ++i)
    std::fprintf(stderr, "input %d: %s (sample n %s)\n", i, p.values[i] ? shown(*p.values[i]).c_str() : "absent",
                 p.sample_n[i] ? std::to_string(*p.sample_n[i]).c_str() : "-");
  std::fprintf(stderr, "respondents: it %s, marketing %s\n",
               p.it_respondents ? std::to_string(*p.it_respondents).c_str() : "-",
               p.marketing_respondents ? std::to_string(*p.marketing_respondents).c_str() : "-");
  std::abort();
}

double verdict_value(engine::Verdict v) {
  return v == engine::Verdict::Unknown ? NAN : v == engine::Verdict::Fired ? 1.0 : 0.0;
}

// Truth values as the engine reports them: fired, not fired, unknown.
double as_verdict(double truth) { return std::isnan(truth) ? NAN : truth != 0 ? 1.0 : 0.0; }

void compare_assessment(const std::string& text, const RandomProfile& random, const ReferenceResult& want,
                        const engine::Assessment& got) {
  for (std::size_t f = 0; f < want.findings.size(); ++f)
    if (!same(as_verdict(want.findings[f]), verdict_value(got.findings[f].verdict)))
      disagree(text, random, fmt::format("evaluate(): finding f{} is {}, the reference says {}", f,
                                         shown(verdict_value(got.findings[f].verdict)), shown(want.findings[f])));
  for (std::size_t r = 0; r < want.conditions.size(); ++r) {
    const auto& outcome = got.recommendations[r];
    if (!same(as_verdict(want.conditions[r]), verdict_value(outcome.verdict)))
      disagree(text, random, fmt::format("evaluate(): recommendation r{} is {}, the reference says {}", r,
                                         shown(verdict_value(outcome.verdict)), shown(want.conditions[r])));
    if (outcome.verdict == engine::Verdict::Fired && !same(want.priorities[r], outcome.priority))
      disagree(text, random, fmt::format("evaluate(): r{} has priority {}, the reference says {}", r,
                                         shown(outcome.priority), shown(want.priorities[r])));
  }
  if (got.ranking != want.ranking) disagree(text, random, "evaluate(): the ranking differs");
}

void compare_batch(const std::string& text, const RandomProfile& random, const ReferenceResult& want,
                   const engine::BatchOutcome& got) {
  std::vector<std::uint32_t> fired, unknown;
  for (std::uint32_t f = 0; f < want.findings.size(); ++f) {
    if (std::isnan(want.findings[f])) unknown.push_back(f);
    else if (want.findings[f] != 0) fired.push_back(f);
  }
  if (got.fired_findings != fired) disagree(text, random, "BatchEvaluator: the fired findings differ");
  if (got.unknown_findings != unknown) disagree(text, random, "BatchEvaluator: the unknown findings differ");
  if (got.ranking.size() != want.ranking.size()) disagree(text, random, "BatchEvaluator: the ranking's length differs");
  for (std::size_t i = 0; i < want.ranking.size(); ++i) {
    const auto& ranked = got.ranking[i];
    if (ranked.recommendation != want.ranking[i] || !same(ranked.priority, want.priorities[want.ranking[i]]))
      disagree(text, random, fmt::format("BatchEvaluator: place {} is r{} at {}, the reference says r{} at {}", i,
                                         ranked.recommendation, shown(ranked.priority), want.ranking[i],
                                         shown(want.priorities[want.ranking[i]])));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ByteSource in(data, size);
  const RandomRules random_rules_set = random_rules(in);
  const std::string text = rule_text(random_rules_set);

  const dsl::SourceFile source("fuzz.rules", text);
  dsl::ParseResult parsed = dsl::parse_rule_file(source);
  std::vector<engine::ParsedFile> files{{&source, std::move(parsed.file)}};
  const engine::CheckResult checked = engine::check(files, engine::CheckFor::Evaluation);
  if (!parsed.diagnostics.empty() || !checked.rules) {
    const auto& problems = parsed.diagnostics.empty() ? checked.diagnostics : parsed.diagnostics;
    std::fprintf(stderr, "evaluator_fuzzer: the generated rules were refused:\n%s", text.c_str());
    for (const auto& d : problems)
      std::fprintf(stderr, "%u:%u: %s\n", d.where.line, d.where.col, d.message.c_str());
    std::abort();
  }
  const engine::RuleSet& rules = *checked.rules;

  // Several profiles, so that the batch evaluator's lanes each get a different one.
  std::vector<RandomProfile> randoms;
  std::vector<engine::Profile> profiles;
  const std::uint32_t count = 1 + in.below(9);
  for (std::uint32_t p = 0; p < count; ++p) {
    randoms.push_back(random_profile(in));
    profiles.push_back(profile_for(rules, randoms.back()));
  }
  std::vector<engine::BatchOutcome> outcomes(count);
  engine::BatchEvaluator batch(rules);
  batch.evaluate(profiles, outcomes);
  for (std::uint32_t p = 0; p < count; ++p) {
    const ReferenceResult want = reference_evaluate(random_rules_set, randoms[p]);
    compare_assessment(text, randoms[p], want, engine::evaluate(rules, profiles[p]));
    compare_batch(text, randoms[p], want, outcomes[p]);
  }
  return 0;
}
