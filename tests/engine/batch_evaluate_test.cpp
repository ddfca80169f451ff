// The block evaluator and BatchEvaluator must say exactly what the per-profile evaluator says: every
// operator on every awkward value (unknown, infinite, zero, nearly equal), and every verdict, priority,
// ranking and tentative mark on random profiles of the bundled rule base.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "../rules/rule_base_fixture.hpp"
#include "engine/assessment.hpp"
#include "engine/batch_evaluate.hpp"
#include "engine/block_program.hpp"
#include "rules_fixture.hpp"

using namespace rapport::engine;
using rapport::engine::testing::CheckedRules;

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Awkward values for an input: unknown, infinities, zero of both signs, values a hair apart.
const std::vector<double> kAwkward{kUnknown, 0.0, -0.0, 1.0, 0.3, 0.3 + 1e-12, 0.5, -2.5, 1e308,
                                   std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};

// Runs every finding of `rules` with run() and with the block evaluator on blocks whose inputs are drawn
// from `draw`, and requires identical results.
template <typename Draw>
void require_block_matches_run(const RuleSet& rules, Draw draw, int blocks) {
  const InputLayout layout = rules.layout();
  FindingsBlockProgram program(rules, BlockLayout::identity(layout.size()));
  BlockScratch scratch;
  BlockColumns columns;
  for (int b = 0; b < blocks; ++b) {
    columns.inputs.assign(layout.size() * kBlockSize, kUnknown);
    columns.count = kBlockSize;
    for (std::size_t i = 0; i < layout.size(); ++i)
      for (std::size_t p = 0; p < kBlockSize; ++p) columns.inputs[i * kBlockSize + p] = draw();
    program.run(columns, scratch);
    std::vector<double> inputs(layout.size()), findings(rules.findings.size());
    for (std::size_t p = 0; p < kBlockSize; ++p) {
      for (std::size_t i = 0; i < layout.size(); ++i) inputs[i] = columns.inputs[i * kBlockSize + p];
      std::fill(findings.begin(), findings.end(), kUnknown);
      for (const auto f : rules.finding_order) {
        findings[f] = run(rules.findings[f].condition, inputs.data(), findings.data());
        const double block = columns.findings[f * kBlockSize + p];
        if (!same(findings[f], block)) {
          INFO("finding " << rules.findings[f].id << ", profile " << p << ": run() " << findings[f] << ", block "
                          << block);
          REQUIRE(same(findings[f], block));
        }
      }
    }
  }
}

// Every operator of the language, over two scales and a share, in findings that read each other too.
std::string operator_rules() {
  const std::vector<std::string> conditions{
      "it.a < it.b",
      "it.a <= 3 and it.b > 2",
      "it.a >= it.b or not (it.a == 3)",
      "it.a != it.b",
      "all(it.a > 1, it.b < 4, known(it.s))",
      "any(it.a / it.b > 1, -it.a + it.b * 2 < 3)",
      "min(it.a, it.b, 3) >= max(it.a - 1, 2)",
      "default(it.a, 0) - abs(it.b - 3) > 0.5",
      "gap(s) >= 10pp or f1 and not f2",
      "any(f3) or all(f4)",
      // Connectives over comparisons with a constant, which the block evaluator fuses into one pass each:
      // first operand a comparison, a finding, a flag-like known(), nested, and chained.
      "all(it.a > 1, it.b < 4, it.s >= 0.4)",
      "any(f1, it.a == 3, it.b != 2)",
      "it.a < 2 or it.b >= 3 or it.s < 0.2",
      "all(any(it.a < 2, it.b > 3), it.s <= 0.5, it.a >= 1)",
      "known(it.s) and it.a > 2 and it.b <= 4",
      "any(all(it.a > 4, it.b > 4), not f2, it.s > 0.9)"};
  std::string text = "source src\n  title \"S\"\nend\n";
  text += "metric a\n  question \"Q\"\n  kind scale 1 to 5\n  asked it\nend\n";
  text += "metric b\n  question \"Q\"\n  kind scale 1 to 5\n  asked it\nend\n";
  text += "metric s\n  question \"Q\"\n  kind share\n  asked both\nend\n";
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    text += "finding f" + std::to_string(i + 1) + "\n  title \"F\"\n  severity low\n  when " + conditions[i] +
            "\n  evidence src \"q\"\n  narrative \"n\"\nend\n";
  }
  return text;
}

}  // namespace

TEST_CASE("the block evaluator gives run()'s result for every operator on unknown, infinite and nearly equal values",
          "[batch][block]") {
  CheckedRules checked(operator_rules());
  const RuleSet& rules = checked.rules();
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, kAwkward.size() - 1);
  std::uniform_real_distribution<double> scale(0.5, 5.5);
  std::bernoulli_distribution awkward(0.4);
  require_block_matches_run(rules, [&] { return awkward(random) ? kAwkward[pick(random)] : scale(random); }, 20);
}

TEST_CASE("the block evaluator folds comparisons with a constant into all/any/and/or without extra passes",
          "[batch][block]") {
  CheckedRules checked(operator_rules());
  const RuleSet& rules = checked.rules();
  const BlockLayout layout = BlockLayout::identity(rules.layout().size());
  auto kinds_of = [&](const std::string& id) {
    std::vector<BlockProgram::Op> kinds;
    for (const auto& finding : rules.findings)
      if (finding.id == id)
        for (const auto& in : compile_block(finding.condition, layout).code) kinds.push_back(in.kind);
    return kinds;
  };
  using Op = BlockProgram::Op;
  // all(it.a > 1, it.b < 4, it.s >= 0.4): one comparison, then two folded in.
  CHECK(kinds_of("f11") == std::vector<Op>{Op::CompareConst, Op::AndCompareConst, Op::AndCompareConst});
  // any(f1, it.a == 3, it.b != 2): the finding's column, then two folded in.
  CHECK(kinds_of("f12") == std::vector<Op>{Op::FindingColumn, Op::OrCompareConst, Op::OrCompareConst});
  // it.a < it.b compares two columns: nothing to fold.
  CHECK(kinds_of("f1") == std::vector<Op>{Op::Column, Op::Column, Op::Binary});
}

TEST_CASE("the block evaluator gives run()'s result for every finding of the bundled rule base", "[batch][block]") {
  const auto& base = rapport::test::bundled_rule_base();
  REQUIRE(base.checked.rules.has_value());
  std::mt19937 random(11);
  std::uniform_real_distribution<double> share(0.0, 1.0);
  std::uniform_int_distribution<int> small(0, 40);
  std::bernoulli_distribution missing(0.2);
  // Shares, counts, p-values and flags are all drawn from 0..40: every comparison sees both sides.
  require_block_matches_run(
      *base.checked.rules,
      [&] { return missing(random) ? kUnknown : (small(random) < 30 ? share(random) : double(small(random))); }, 8);
}

namespace {

// A random profile of the bundled rules: some values missing, some with counts small enough to be
// withheld or set aside, so every standing and both passes are exercised.
Profile random_profile(const RuleSet& rules, std::mt19937& random) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> people(2, 40);
  Profile profile;
  profile.company.name = "Random";
  profile.it_respondents = people(random);
  profile.marketing_respondents = people(random);
  profile.values.assign(rules.slots.size(), kUnknown);
  profile.samples.assign(rules.slots.size(), Sample{});
  for (std::uint32_t s = 0; s < rules.slots.size(); ++s) {
    if (unit(random) < 0.15) continue;
    const Metric& metric = rules.metrics[rules.slots[s].metric];
    double value = metric.low + unit(random) * (metric.high - metric.low);
    if (metric.kind == MetricKind::Flag) value = unit(random) < 0.5 ? 0.0 : 1.0;
    if (!std::isfinite(value)) value = unit(random) * 10;
    profile.values[s] = value;
    if (unit(random) < 0.5) {
      profile.samples[s].n = people(random);
      if (metric.kind != MetricKind::Share) profile.samples[s].sd = 0.2 + unit(random);
    }
  }
  return profile;
}

}  // namespace

TEST_CASE("BatchEvaluator reports what evaluate() reports: verdicts, priorities, ranking, tentative marks",
          "[batch]") {
  const auto& base = rapport::test::bundled_rule_base();
  REQUIRE(base.checked.rules.has_value());
  const RuleSet& rules = *base.checked.rules;
  std::mt19937 random(2026);
  // More than one block, and a last block that is not full.
  std::vector<Profile> profiles;
  for (int i = 0; i < 600; ++i) profiles.push_back(random_profile(rules, random));
  BatchEvaluator batch(rules);
  std::vector<BatchOutcome> outcomes(profiles.size());
  batch.evaluate(profiles, outcomes);
  std::size_t tentative = 0, ranked = 0;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    INFO("profile " << i);
    const Assessment expected = evaluate(rules, profiles[i]);
    std::vector<std::uint32_t> fired, unknown, tentative_findings;
    for (const auto& f : expected.findings) {
      if (f.verdict == Verdict::Fired) fired.push_back(f.finding);
      if (f.verdict == Verdict::Unknown) unknown.push_back(f.finding);
      if (f.verdict == Verdict::Fired && f.tentative) tentative_findings.push_back(f.finding);
    }
    CHECK(outcomes[i].fired_findings == fired);
    CHECK(outcomes[i].unknown_findings == unknown);
    CHECK(outcomes[i].tentative_findings == tentative_findings);
    REQUIRE(outcomes[i].ranking.size() == expected.ranking.size());
    for (std::size_t k = 0; k < expected.ranking.size(); ++k) {
      const auto& rec = expected.recommendations[expected.ranking[k]];
      CHECK(outcomes[i].ranking[k].recommendation == expected.ranking[k]);
      CHECK(same(outcomes[i].ranking[k].priority, rec.priority));
      CHECK(outcomes[i].ranking[k].tentative == rec.tentative);
    }
    tentative += tentative_findings.size();
    ranked += expected.ranking.size();
  }
  // The random profiles exercise what they are meant to.
  CHECK(tentative > 0);
  CHECK(ranked > 0);
}

TEST_CASE("BatchEvaluator reuses outcomes: a second batch leaves nothing of the first", "[batch]") {
  const auto& base = rapport::test::bundled_rule_base();
  const RuleSet& rules = *base.checked.rules;
  std::mt19937 random(3);
  std::vector<Profile> profiles{random_profile(rules, random)};
  Profile empty;
  empty.values.assign(rules.slots.size(), kUnknown);
  BatchEvaluator batch(rules);
  std::vector<BatchOutcome> outcomes(1);
  batch.evaluate(profiles, outcomes);
  REQUIRE_FALSE(outcomes[0].fired_findings.empty());
  batch.evaluate(std::vector<Profile>{empty}, outcomes);
  CHECK(outcomes[0].fired_findings.empty());
  CHECK(outcomes[0].tentative_findings.empty());
  CHECK(outcomes[0].ranking.empty());
  CHECK_FALSE(outcomes[0].unknown_findings.empty());
}
