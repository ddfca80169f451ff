// Tracing: the evaluator's hook records the value of every instruction, the compiler ties every
// sub-expression to the instruction that computes it, and the traced values are exactly the values
// evaluate() uses — on every bundled rule and every example profile.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>

#include "../rules/rule_base_fixture.hpp"
#include "engine/explain.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Node texts of a tree in post-order, the order the compiler emits them.
std::vector<std::string> texts(const ExprTree& tree) {
  std::vector<std::string> out;
  for (const auto& node : tree.nodes) out.push_back(node.text);
  return out;
}

TEST_CASE("tracing a program records what every instruction leaves on the stack and returns run()'s result",
          "[trace]") {
  Program p;
  p.constants = {0.3};
  p.code = {{OpCode::LoadSlot, 0}, {OpCode::PushConst, 0}, {OpCode::Lt, 0}, {OpCode::LoadSlot, 1}, {OpCode::Or, 0}};
  const double slots[] = {0.12, kUnknown};
  std::vector<double> values;
  const double result = trace(p, slots, nullptr, values);
  REQUIRE(values.size() == 5);
  CHECK(values[0] == 0.12);
  CHECK(values[1] == 0.3);
  CHECK(values[2] == 1.0);
  CHECK(std::isnan(values[3]));
  CHECK(values[4] == 1.0);
  CHECK(same(result, run(p, slots, nullptr)));
}

TEST_CASE("every sub-expression of a condition is a node tied to the instruction that computes it", "[trace]") {
  CheckedRules checked(rules_with("it.sat < 30% or meetings < 1"));
  const RuleSet& rules = checked.rules();
  const Finding& f = rules.findings[0];
  const ExprTree& tree = f.condition_tree;
  CHECK(texts(tree) == std::vector<std::string>{"it.sat", "30%", "it.sat < 30%", "meetings", "1", "meetings < 1",
                                                "it.sat < 30% or meetings < 1"});
  REQUIRE(tree.nodes.size() == f.condition.code.size());
  for (std::uint32_t i = 0; i < tree.nodes.size(); ++i) {
    CHECK(tree.nodes[i].instr == i);
    CHECK(tree.nodes[i].op == f.condition.code[i].op);
  }
  const ExprNode& root = tree.nodes[tree.root()];
  CHECK(root.children == std::vector<std::uint32_t>{2, 5});
  CHECK(root.unit == Unit::Truth);
  CHECK(at(root.where) == "23:8");
  CHECK(tree.nodes[0].kind == ExprNode::Kind::Metric);
  CHECK(tree.nodes[0].ref == slot_named(rules, "sat", Audience::It));
  CHECK(tree.nodes[0].unit == Unit::Percent);
  CHECK(tree.nodes[1].kind == ExprNode::Kind::Literal);
  CHECK(at(tree.nodes[3].where) == "23:24");
}

TEST_CASE("gap() gets one node per side and weight() a node for the finding's verdict", "[trace]") {
  CheckedRules checked(rules_with("gap(sat) >= 8pp", "40 + 5 * weight(f)"));
  const RuleSet& rules = checked.rules();
  const ExprTree& when = rules.findings[0].condition_tree;
  CHECK(texts(when) == std::vector<std::string>{"it.sat", "marketing.sat", "gap(sat)", "8pp", "gap(sat) >= 8pp"});
  CHECK(when.nodes[2].kind == ExprNode::Kind::Gap);
  CHECK(when.nodes[2].children == std::vector<std::uint32_t>{0, 1});
  CHECK(when.nodes[2].unit == Unit::Points);
  CHECK(when.nodes[1].ref == slot_named(rules, "sat", Audience::Marketing));

  const ExprTree& priority = rules.recommendations[0].priority_tree;
  CHECK(texts(priority) == std::vector<std::string>{"40", "5", "f", "weight(f)", "5 * weight(f)", "40 + 5 * weight(f)"});
  const ExprNode& weight = priority.nodes[3];
  CHECK(weight.kind == ExprNode::Kind::Weight);
  CHECK(priority.nodes[weight.children.front()].kind == ExprNode::Kind::Finding);
}

TEST_CASE("a node's text is the expression as written on one line, without comments", "[trace]") {
  CheckedRules checked(rules_with("it.sat < 30%   # too few\n    or (meetings < 1\n        and it.score < 3)"));
  const ExprTree& tree = checked.rules().findings[0].condition_tree;
  CHECK(tree.nodes[tree.root()].text == "it.sat < 30% or (meetings < 1 and it.score < 3)");
  CHECK(tree.nodes[tree.root() - 1].text == "(meetings < 1 and it.score < 3)");
}

// The bundled examples, each loaded against the bundled rules.
std::vector<Profile> example_profiles(const RuleSet& rules) {
  std::vector<Profile> profiles;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".toml") continue;
    const dsl::SourceFile source(entry.path().string(), test::read_file(entry.path()));
    ProfileResult loaded = load_profile(source, rules);
    INFO(entry.path());
    REQUIRE(loaded.profile.has_value());
    profiles.push_back(std::move(*loaded.profile));
  }
  return profiles;
}

TEST_CASE("explain traces exactly the verdicts and priorities evaluate() reports, on every example and rule",
          "[trace][examples]") {
  const auto& base = test::bundled_rule_base();
  REQUIRE(base.checked.rules.has_value());
  const RuleSet& rules = *base.checked.rules;
  const auto profiles = example_profiles(rules);
  REQUIRE(profiles.size() >= 6);
  for (const Profile& profile : profiles) {
    INFO(profile.company.name);
    const Assessment assessment = evaluate(rules, profile);
    const Explanation explanation = explain(rules, profile);
    REQUIRE(explanation.findings.size() == rules.findings.size());
    REQUIRE(explanation.recommendations.size() == rules.recommendations.size());
    for (const auto& f : explanation.findings) {
      INFO(rules.findings[f.finding].id);
      CHECK(f.decision.verdict == assessment.findings[f.finding].verdict);
      CHECK(same(f.condition.nodes.front().value, f.condition.value));
    }
    for (const auto& r : explanation.recommendations) {
      INFO(rules.recommendations[r.recommendation].id);
      const auto& outcome = assessment.recommendations[r.recommendation];
      CHECK(r.decision.verdict == outcome.verdict);
      REQUIRE(r.priority.has_value() == (outcome.verdict == Verdict::Fired));
      if (r.priority) {
        CHECK(same(r.priority->expression.value, outcome.priority));
        CHECK(assessment.ranking.at(r.priority->rank - 1) == r.recommendation);
      }
    }
  }
}

}  // namespace

}  // namespace rapport::engine::testing
