// The rule set's model as check() fills it from the syntax: sources, metrics (ranges, labels,
// benchmarks), findings (evidence, narrative) and recommendations.
#include <catch2/catch.hpp>

#include <cmath>

#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

const char* const kModel = R"(source accenture_disconnect
  title "The CMO–CIO disconnect"
  by "Brian Whipple and Baiju Shah, Accenture"
  year 2013
  sample marketing 405, it 252, total 657
  url "https://example.com/disconnect"
  note "Worldwide survey"
end
metric satisfied
  question "I am satisfied with the way IT and marketing collaborate"
  label "Satisfied with collaboration"
  kind share
  asked both
  benchmark it about 10% from accenture_disconnect "only one in ten ... is satisfied"
  benchmark marketing under 12% from accenture_disconnect
end
metric score
  question "Rate the partnership"
  kind scale 1 to 7
  asked it
end
metric count
  question "How many joint projects?"
  kind number
  asked company
end
metric has_plan
  question "Is there a joint plan?"
  kind flag
  asked company
end
finding low
  title "Few are satisfied"
  severity critical
  when it.satisfied < 30% or it.score < 3 or count < 1 or not has_plan
  evidence accenture_disconnect "only one in ten of the 405 marketing managers"
  evidence accenture_disconnect "a second figure"
  narrative "Only {it.satisfied} of IT "
            "are satisfied."
end
recommendation talk
  title "Talk more"
  owner cio
  horizon 30 days
  when low
  priority 50
  action "Meet"
  action "Publish"
  rationale "Trust builds trust"
end
)";

}  // namespace

TEST_CASE("a source keeps its title, authors, year, sample, url and note", "[model]") {
  const CheckedRules checked(kModel);
  const Source& s = checked.rules().sources.at(0);
  CHECK(s.id == "accenture_disconnect");
  CHECK(s.title == "The CMO–CIO disconnect");
  CHECK(s.by == "Brian Whipple and Baiju Shah, Accenture");
  CHECK(s.year == 2013);
  using Count = std::pair<Audience, int>;
  CHECK(s.sample == std::vector<Count>{{Audience::Marketing, 405}, {Audience::It, 252}, {Audience::Company, 657}});
  CHECK(s.url == "https://example.com/disconnect");
  CHECK(s.note == "Worldwide survey");
  CHECK(s.where.line == 1);
  CHECK(s.where.col == 8);
}

TEST_CASE("a metric's range follows its kind", "[model]") {
  const CheckedRules checked(kModel);
  const auto& metrics = checked.rules().metrics;
  REQUIRE(metrics.size() == 4);
  CHECK(metrics[0].kind == MetricKind::Share);
  CHECK(metrics[0].low == 0);
  CHECK(metrics[0].high == 1);
  CHECK(metrics[1].kind == MetricKind::Scale);
  CHECK(metrics[1].low == 1);
  CHECK(metrics[1].high == 7);
  CHECK(metrics[2].kind == MetricKind::Number);
  CHECK(std::isinf(metrics[2].low));
  CHECK(metrics[2].low < 0);
  CHECK(std::isinf(metrics[2].high));
  CHECK(metrics[3].kind == MetricKind::Flag);
  CHECK(metrics[3].low == 0);
  CHECK(metrics[3].high == 1);
}

TEST_CASE("a metric's label defaults to its id", "[model]") {
  const CheckedRules checked(kModel);
  const auto& metrics = checked.rules().metrics;
  CHECK(metrics[0].label == "Satisfied with collaboration");
  CHECK(metrics[1].label == "score");
  CHECK(metrics[0].question == "I am satisfied with the way IT and marketing collaborate");
}

TEST_CASE("a metric knows whom it is asked of and its benchmarks, normalised like profile values", "[model]") {
  const CheckedRules checked(kModel);
  const Metric& m = checked.rules().metrics[0];
  CHECK(m.asked == std::vector<Audience>{Audience::It, Audience::Marketing});
  CHECK(m.asked_of(Audience::It));
  CHECK_FALSE(m.asked_of(Audience::Company));
  const Benchmark* it = m.benchmark_for(Audience::It);
  REQUIRE(it != nullptr);
  CHECK(it->value == Approx(0.10));
  CHECK(it->bound == Bound::About);
  CHECK(it->source == 0);
  CHECK(it->quote == "only one in ten ... is satisfied");
  const Benchmark* marketing = m.benchmark_for(Audience::Marketing);
  REQUIRE(marketing != nullptr);
  CHECK(marketing->value == Approx(0.12));
  CHECK(marketing->bound == Bound::Under);
  CHECK(marketing->quote.empty());
  CHECK(checked.rules().metrics[1].benchmark_for(Audience::It) == nullptr);
}

TEST_CASE("a finding keeps its severity, its evidence quoted verbatim and its narrative as written", "[model]") {
  const CheckedRules checked(kModel);
  const Finding& f = checked.rules().findings.at(0);
  CHECK(f.id == "low");
  CHECK(f.title == "Few are satisfied");
  CHECK(f.severity == Severity::Critical);
  REQUIRE(f.evidence.size() == 2);
  CHECK(f.evidence[0].source == 0);
  CHECK(f.evidence[0].quote == "only one in ten of the 405 marketing managers");
  CHECK(f.evidence[1].quote == "a second figure");
  CHECK(f.narrative.source_text == "Only {it.satisfied} of IT are satisfied.");
  CHECK(f.condition_ast.kind == dsl::ExprKind::Binary);
  CHECK(f.condition_ast.op == dsl::Op::Or);
  CHECK(f.where.line == 32);
}

TEST_CASE("a recommendation keeps its owner, horizon, actions and rationale", "[model]") {
  const CheckedRules checked(kModel);
  const Recommendation& r = checked.rules().recommendations.at(0);
  CHECK(r.id == "talk");
  CHECK(r.title == "Talk more");
  CHECK(r.owner == Owner::Cio);
  CHECK(r.horizon_days == 30);
  REQUIRE(r.actions.size() == 2);
  CHECK(r.actions[0].source_text == "Meet");
  CHECK(r.actions[1].source_text == "Publish");
  CHECK(r.rationale == "Trust builds trust");
  CHECK(r.priority_ast.kind == dsl::ExprKind::Number);
  CHECK(r.findings_used == std::vector<std::uint32_t>{0});
}

TEST_CASE("ids are global across files, and declaration order follows the order of the files", "[model]") {
  const CheckedRules checked({{"b.rules", rules_with("it.sat < 30%")},
                              {"a.rules", "recommendation second\n  title \"S\"\n  owner cmo\n  horizon 10 days\n"
                                          "  when f and it.sat < 10%\n  priority 1\n  action \"x\"\nend\n"}});
  const RuleSet& rules = checked.rules();
  REQUIRE(rules.recommendations.size() == 2);
  CHECK(rules.recommendations[0].id == "r");
  CHECK(rules.recommendations[1].id == "second");
  CHECK(rules.recommendations[1].where.file == "a.rules");
}

}  // namespace rapport::engine::testing
