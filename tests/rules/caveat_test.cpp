// The article warns that the study over-emphasized differences of a few percentage points.
// The rule base must not repeat that: a few points of gap alone never drive a high priority.
#include <catch2/catch.hpp>

#include "engine/assessment.hpp"
#include "engine/profile.hpp"
#include "rule_base_fixture.hpp"

using namespace rapport;

namespace {

// Priority of a recommendation for a profile that gives only the two groups' answers on one share metric.
std::optional<double> priority_with(const std::string& metric, double it, double marketing,
                                    const std::string& recommendation) {
  const auto& rules = *test::bundled_rule_base().checked.rules;
  dsl::SourceFile toml("gap.toml", "[company]\nname = \"Gap test\"\n[it]\n" + metric + " = " + std::to_string(it) +
                                       "\n[marketing]\n" + metric + " = " + std::to_string(marketing) + "\n");
  auto loaded = engine::load_profile(toml, rules);
  REQUIRE(loaded.profile.has_value());
  auto assessment = engine::evaluate(rules, *loaded.profile);
  for (auto index : assessment.ranking) {
    if (rules.recommendations[index].id == recommendation) return assessment.recommendations[index].priority;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("the study's own 9-point priority gap fires the finding but adds nothing to the priority", "[rules]") {
  auto few_points = priority_with("marketing_requests_top_priority", 0.45, 0.36, "trust_builds_trust");
  REQUIRE(few_points.has_value());
  CHECK(*few_points == Approx(40 + 5 * 3));  // base + the weight of one medium finding, no gap term
}

TEST_CASE("a gap of only a few points does not fire the priority finding at all", "[rules]") {
  CHECK_FALSE(priority_with("marketing_requests_top_priority", 0.45, 0.41, "trust_builds_trust").has_value());
}

TEST_CASE("priority grows with the part of a gap beyond ten points", "[rules]") {
  auto twelve = priority_with("marketing_requests_top_priority", 0.48, 0.36, "trust_builds_trust");
  auto thirty = priority_with("marketing_requests_top_priority", 0.60, 0.30, "trust_builds_trust");
  REQUIRE(twelve.has_value());
  REQUIRE(thirty.has_value());
  CHECK(*twelve == Approx(55 + 2));
  CHECK(*thirty == Approx(55 + 20));
}

TEST_CASE("an 8-point objective gap alone yields only a low-priority recommendation", "[rules]") {
  auto roadmap = priority_with("objective_social_analysis", 0.37, 0.29, "joint_analytics_roadmap");
  REQUIRE(roadmap.has_value());
  CHECK(*roadmap == Approx(25 + 5 * 2));  // one low-severity finding
  CHECK(*roadmap < 40);
}
