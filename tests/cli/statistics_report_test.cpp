// The statistics as a consultant meets them in `rapport assess`: n, intervals and p-values in JSON,
// tentative items and withheld answers in every format, and the options that set the thresholds.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "run_rapport.hpp"

using rapport::test::run_rapport;

namespace {

nlohmann::json assess_json(const std::string& example, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"assess", "examples/" + example + ".toml", "-r", "rules", "-f", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_rapport(args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

const nlohmann::json& metric(const nlohmann::json& report, const std::string& id) {
  for (const auto& m : report["metrics"])
    if (m["id"] == id) return m;
  FAIL("no metric " << id);
  return report;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the JSON report carries n, the confidence intervals and the gap's p-value for every metric",
          "[e2e][statistics]") {
  const auto report = assess_json("northwind-retail");
  CHECK(report["statistics"]["significance_level"] == 0.05);
  const auto& leads = metric(report, "says_it_leads_digital");
  CHECK(leads["n"]["it"] == 14);
  CHECK(leads["n"]["marketing"] == 22);
  REQUIRE(leads["ci"]["it"].is_array());
  CHECK(leads["ci"]["it"][0].get<double>() < 0.64);
  CHECK(leads["ci"]["it"][1].get<double>() > 0.64);
  REQUIRE(leads["ci"]["gap"].is_array());
  CHECK(leads["p_value"].get<double>() < 0.05);
  CHECK(leads["significant"] == true);
  const auto& performance = metric(report, "objective_marketing_performance");
  CHECK(performance["p_value"].get<double>() > 0.05);
  CHECK(performance["significant"] == false);
  // a finding that rests only on that gap is tentative, and says which gap
  for (const auto& f : report["findings"]) {
    if (f["id"] != "objective_gap_marketing_performance") continue;
    CHECK(f["status"] == "fired");
    CHECK(f["tentative"] == true);
    CHECK(f["doubted_gaps"] == nlohmann::json::array({"objective_marketing_performance"}));
  }
}

TEST_CASE("a stricter significance level makes more findings tentative", "[e2e][statistics]") {
  auto tentative = [](const nlohmann::json& report) {
    int count = 0;
    for (const auto& f : report["findings"]) count += f["tentative"] == true ? 1 : 0;
    return count;
  };
  const int at_5 = tentative(assess_json("northwind-retail"));
  const int at_1 = tentative(assess_json("northwind-retail", {"--significance-level", "0.001"}));
  CHECK(at_5 >= 1);
  CHECK(at_1 > at_5);
}

TEST_CASE("an answer from fewer people than the anonymity threshold is never shown, in any format",
          "[e2e][statistics]") {
  // Fjord Labs: only 4 engineers rated their trust in marketing (mean 3.7).
  const auto json = assess_json("fjord-startup");
  const auto& trust = metric(json, "trust_in_other_function");
  CHECK(trust["values"]["it"].is_null());
  CHECK(trust["standing"]["it"] == "withheld");
  CHECK(trust["n"]["it"] == 4);
  REQUIRE(json["insufficient_evidence"].size() == 1);
  CHECK(json["insufficient_evidence"][0]["id"] == "low_trust");
  CHECK(json["insufficient_evidence"][0]["insufficient"] == nlohmann::json::array({"it.trust_in_other_function"}));
  CHECK_FALSE(contains(json.dump(), "3.7"));
  for (const char* format : {"text", "markdown", "html"}) {
    INFO(format);
    const auto result = run_rapport({"assess", "examples/fjord-startup.toml", "-r", "rules", "-f", format});
    REQUIRE(result.exit_code == 0);
    CHECK_FALSE(contains(result.out, "3.7"));
    CHECK(contains(result.out, "withheld"));
  }
  const auto text = run_rapport({"assess", "examples/fjord-startup.toml", "-r", "rules"}).out;
  CHECK(contains(text, "INSUFFICIENT EVIDENCE (1)"));
  CHECK(contains(text, "only 4 people answered, fewer than\n    5"));
}

TEST_CASE("raising the minimum n sets more answers aside as insufficient evidence", "[e2e][statistics]") {
  const auto report = assess_json("northwind-retail", {"--min-n", "15"});
  CHECK(report["statistics"]["min_n"] == 15);
  CHECK(metric(report, "says_it_leads_digital")["standing"]["it"] == "insufficient");
  CHECK(metric(report, "says_it_leads_digital")["standing"]["marketing"] == "measured");
  CHECK(report["insufficient_evidence"].size() > 5);
}

TEST_CASE("a significance level that is not a probability below one half is a usage error", "[e2e][statistics]") {
  for (const char* level : {"0", "0.5", "abc", "-0.1"}) {
    INFO(level);
    const auto result = run_rapport({"assess", "examples/northwind-retail.toml", "--significance-level", level});
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "the significance level must be above 0 and below 0.5"));
  }
  CHECK(run_rapport({"assess", "examples/northwind-retail.toml", "--min-n", "0"}).exit_code == 2);
}

TEST_CASE("the text report marks tentative items and explains why", "[e2e][statistics]") {
  const auto result = run_rapport({"assess", "examples/northwind-retail.toml", "-r", "rules"});
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "[tentative]"));
  CHECK(contains(result.out, "Tentative: it rests on the gap in \"Objective: marketing performance\" (-28 pp, p = 0.10)"));
  CHECK(contains(result.out, "Says IT leads digital          64%        14%  +50 pp  14/22  0.002 *"));
}

TEST_CASE("explain says a withheld answer is too few to use, not missing, and why a finding is tentative",
          "[e2e][statistics]") {
  const auto fjord = run_rapport({"explain", "examples/fjord-startup.toml", "low_trust", "-r", "rules"});
  REQUIRE(fjord.exit_code == 0);
  CHECK(contains(fjord.out, "it.trust_in_other_function has\n    too few answers to use"));
  CHECK_FALSE(contains(fjord.out, "not in the profile"));
  CHECK_FALSE(contains(fjord.out, "3.7"));

  const auto northwind =
      run_rapport({"explain", "examples/northwind-retail.toml", "objective_gap_marketing_performance", "-r", "rules",
                   "-f", "json"});
  REQUIRE(northwind.exit_code == 0);
  const auto json = nlohmann::json::parse(northwind.out);
  const auto& decision = json["findings"][0];
  CHECK(decision["tentative"] == true);
  CHECK(decision["doubted_gaps"] == nlohmann::json::array({"objective_marketing_performance"}));
}

TEST_CASE("every report format marks the same findings tentative, with the gap that makes them so",
          "[e2e][statistics]") {
  const std::string why = "rests on the gap in \"Objective: marketing performance\" (-28 pp, p = 0.10)";
  const auto markdown = run_rapport({"assess", "examples/northwind-retail.toml", "-r", "rules", "-f", "markdown"});
  REQUIRE(markdown.exit_code == 0);
  CHECK(contains(markdown.out, "### Marketing performance matters more to marketing than to IT (low) *(tentative)*"));
  CHECK(contains(markdown.out, why));
  CHECK(contains(markdown.out, "| Says IT leads digital | 64% | 14% | +50 pp | 14/22 | 0.002 \\* | 58% | 19% |"));
  const auto html = run_rapport({"assess", "examples/northwind-retail.toml", "-r", "rules", "-f", "html"});
  REQUIRE(html.exit_code == 0);
  CHECK(contains(html.out, "<span>Marketing performance matters more to marketing than to IT</span> <span "
                           "class=\"badge tentative\">tentative</span>"));
  CHECK(contains(html.out, "rests on the gap in &quot;Objective: marketing performance&quot; (-28 pp, p = 0.10)"));
  CHECK(contains(html.out, "class=\"whisker\""));
  // The same count of tentative findings in every format as in JSON.
  const auto json = assess_json("northwind-retail");
  int tentative = 0;
  for (const auto& f : json["findings"]) tentative += f["tentative"] == true ? 1 : 0;
  auto count = [](const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
  };
  const auto findings_md = markdown.out.substr(markdown.out.find("## Findings"));
  CHECK(count(findings_md.substr(0, findings_md.find("## Perception gap")), "*(tentative)*") == tentative);
  const auto findings_html = html.out.substr(html.out.find("<section id=\"findings\""));
  CHECK(count(findings_html.substr(0, findings_html.find("</section>")), "badge tentative") == tentative);
}

TEST_CASE("Markdown and HTML keep insufficient evidence apart from not assessed", "[e2e][statistics]") {
  const auto markdown = run_rapport({"assess", "examples/fjord-startup.toml", "-r", "rules", "-f", "markdown"});
  REQUIRE(markdown.exit_code == 0);
  CHECK(contains(markdown.out, "## Insufficient evidence (1)\n\n- **Finding** “One function does not trust the other "
                               "to deliver” (`low_trust`): too few answers for it.trust\\_in\\_other\\_function (4 "
                               "answered)"));
  const auto html = run_rapport({"assess", "examples/fjord-startup.toml", "-r", "rules", "-f", "html"});
  REQUIRE(html.exit_code == 0);
  CHECK(contains(html.out, "<h3 id=\"insufficient-evidence\">Insufficient evidence</h3>"));
  CHECK(contains(html.out, "only 4 people answered, fewer than 5"));
}
