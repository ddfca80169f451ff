// The intended reading of each example profile, in code: its three highest-ranked recommendations, and
// for the two study populations the disconnects their articles describe. examples/README.md explains why
// each ranking is right; the golden tests (golden_examples_test.cpp) pin the full reports.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_rapport.hpp"

using rapport::test::run_rapport;

namespace {

nlohmann::json assess(const std::string& example) {
  const auto result = run_rapport({"assess", "examples/" + example + ".toml", "-r", "rules", "-f", "json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

// The ids of the (at most) three highest-ranked recommendations.
std::vector<std::string> top3(const nlohmann::json& report) {
  std::vector<std::string> ids;
  for (const auto& rec : report["recommendations"]) {
    if (ids.size() == 3) break;
    ids.push_back(rec["id"]);
  }
  return ids;
}

std::string status_of(const nlohmann::json& report, const std::string& finding) {
  for (const auto& f : report["findings"]) {
    if (f["id"] == finding) return f["status"];
  }
  return "absent";
}

}  // namespace

TEST_CASE(
    "Northwind Retail, whose marketing runs its own stack, is told first to agree standards, then to "
    "charter the digital agenda, then to treat IT as a partner",
    "[examples]") {
  CHECK(top3(assess("northwind-retail")) ==
        std::vector<std::string>{"agree_shared_standards", "digital_leadership_charter", "it_as_strategic_partner"});
}

TEST_CASE(
    "Meridian Bank, where marketing has lost trust in an all-controlling IT, is told first to rebuild trust, "
    "then to treat IT as a partner, then to hold a standing forum",
    "[examples]") {
  CHECK(top3(assess("meridian-bank")) ==
        std::vector<std::string>{"trust_builds_trust", "it_as_strategic_partner", "standing_forum"});
}

TEST_CASE(
    "Harbor Logistics, a well-aligned company, gets a single minor recommendation and its strength is "
    "reported",
    "[examples]") {
  const auto report = assess("harbor-logistics");
  CHECK(top3(report) == std::vector<std::string>{"cross_competence"});
  CHECK(report["recommendations"][0]["priority"].get<double>() == Approx(40));
  CHECK(status_of(report, "shared_customer_focus") == "fired");
  CHECK(report["not_assessed"].empty());
}

TEST_CASE(
    "Fjord Labs, with tiny samples and patchy data, gets the three recommendations its few answers support "
    "and many items not assessed",
    "[examples]") {
  const auto report = assess("fjord-startup");
  CHECK(top3(report) ==
        std::vector<std::string>{"self_service_data_platform", "agree_shared_standards", "cross_competence"});
  CHECK(report["recommendations"].size() == 3);
  CHECK(report["not_assessed"].size() >= 15);
}

TEST_CASE(
    "the Accenture study population is told first to build trust, then to draw up a joint analytics "
    "roadmap, then to treat IT as a partner",
    "[examples]") {
  CHECK(top3(assess("accenture-sample")) ==
        std::vector<std::string>{"trust_builds_trust", "joint_analytics_roadmap", "it_as_strategic_partner"});
}

TEST_CASE("the Accenture study population shows every disconnect the article describes", "[examples]") {
  const auto report = assess("accenture-sample");
  for (const std::string finding :
       {"collaboration_dissatisfaction", "collaboration_at_study_low", "digital_readiness_gap",
        "relationship_importance_asymmetric", "priority_confidence_crisis", "standards_conflict", "self_service_demand",
        "objective_gap_marketing_performance", "objective_gap_web_analytics", "objective_gap_social_analysis",
        "shared_customer_focus"}) {
    INFO(finding);
    CHECK(status_of(report, finding) == "fired");
  }
  // The article gives no figure for these, so they stay not assessed rather than absent.
  for (const std::string finding : {"shadow_it", "marketing_outspends_it", "functions_not_talking"}) {
    INFO(finding);
    CHECK(status_of(report, finding) == "unknown");
  }
}

TEST_CASE(
    "the CMO Council survey population is told to write a digital-leadership charter, then to make the CMO "
    "the Chief Experience Officer",
    "[examples]") {
  CHECK(top3(assess("cmo-council-sample")) ==
        std::vector<std::string>{"digital_leadership_charter", "cmo_as_chief_experience_officer"});
}

TEST_CASE("the CMO Council survey population shows the contested digital agenda the blog post describes",
          "[examples]") {
  const auto report = assess("cmo-council-sample");
  CHECK(status_of(report, "digital_agenda_contested") == "fired");
  CHECK(status_of(report, "leadership_unacknowledged") == "fired");
  CHECK(report["respondents"]["it"].is_null());
}
