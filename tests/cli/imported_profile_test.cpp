// The profile `rapport import` writes: it loads back with load_profile against the same rules, with the
// same figures, whatever the company's name holds, and suppressed or unanswered figures stay out.
#include <catch2/catch.hpp>

#include <string>

#include "../engine/survey_fixture.hpp"
#include "cli/imported_profile.hpp"
#include "engine/profile.hpp"

namespace {

using rapport::engine::Audience;
using rapport::engine::MetricFigure;
using rapport::engine::SurveyImport;
using rapport::engine::SurveyMapping;
using rapport::engine::testing::survey_rules;

std::uint32_t metric(const std::string& id) { return survey_rules().metric_ids.at(id); }

MetricFigure share(const std::string& id, Audience group, int count, int n, bool suppressed = false) {
  MetricFigure f;
  f.metric = metric(id);
  f.group = group;
  f.count = count;
  f.n = n;
  f.suppressed = suppressed;
  return f;
}

MetricFigure scale(const std::string& id, Audience group, double mean, std::optional<double> sd, int n) {
  MetricFigure f;
  f.metric = metric(id);
  f.group = group;
  f.mean = mean;
  f.sd = sd;
  f.n = n;
  return f;
}

struct Written {
  SurveyMapping mapping;
  SurveyImport imported;
  std::string text;
};

Written written() {
  Written w;
  w.mapping.company = {"Smith \"&\" Sons \\ Ltd\nBranch", "Retail", "autumn 2026"};  // a line break too
  w.mapping.company_metrics = {{metric("meetings"), 0.5}, {metric("charter"), 1}, {metric("budget_share"), 0.58}};
  w.imported.it_respondents = 14;
  w.imported.marketing_respondents = 22;
  w.imported.min_group_size = 5;
  w.imported.figures = {share("satisfied", Audience::It, 3, 14),
                        share("satisfied", Audience::Marketing, 0, 4, true),
                        scale("trust", Audience::It, 10.0 / 3, 0.8944271909999159, 12),
                        scale("trust", Audience::Marketing, 3, std::nullopt, 0),
                        scale("hours", Audience::It, -2, 0, 6)};
  w.text = rapport::cli::render_imported_profile(w.mapping, w.imported, survey_rules(),
                                                 {"responses.csv", "survey.toml", rapport::engine::Dialect::Plain});
  return w;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("an imported profile loads back against the same rules with the same figures", "[imported_profile]") {
  const Written w = written();
  const rapport::dsl::SourceFile file("imported.toml", w.text);
  const auto loaded = rapport::engine::load_profile(file, survey_rules());
  INFO(w.text);
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.profile);
  const auto& profile = *loaded.profile;
  CHECK(profile.company.name == w.mapping.company.name);
  CHECK(profile.company.assessed_on == "autumn 2026");
  CHECK(profile.it_respondents == 14);
  const auto& rules = survey_rules();
  const auto it_satisfied = *rules.slot_of(metric("satisfied"), Audience::It);
  CHECK(profile.values[it_satisfied] == Approx(3.0 / 14));
  CHECK(profile.samples[it_satisfied].count == 3);
  CHECK(profile.samples[it_satisfied].n == 14);
  const auto it_trust = *rules.slot_of(metric("trust"), Audience::It);
  CHECK(profile.values[it_trust] == Approx(3.3333).margin(1e-9));  // written to four decimals
  CHECK(profile.samples[it_trust].sd == Approx(0.8944).margin(1e-9));
  CHECK(profile.values[*rules.slot_of(metric("hours"), Audience::It)] == -2);
  CHECK(profile.values[*rules.slot_of(metric("budget_share"), Audience::Company)] == Approx(0.58));
  CHECK(profile.values[*rules.slot_of(metric("charter"), Audience::Company)] == 1);
  CHECK(rapport::engine::is_unknown(profile.values[*rules.slot_of(metric("satisfied"), Audience::Marketing)]));
}

TEST_CASE("an imported profile notes each figure left out where it would be", "[imported_profile]") {
  const std::string text = written().text;
  CHECK(contains(text, "# marketing.satisfied: suppressed, only 4 answered, fewer than 5 (--min-group-size)\n"));
  CHECK(contains(text, "# marketing.trust: nobody in marketing answered it\n"));
  CHECK(contains(text, "trust = { mean = 3.3333, sd = 0.8944, n = 12 }\n"));
  CHECK(contains(text, "hours = { mean = -2.0, sd = 0.0, n = 6 }\n"));
  CHECK(contains(text, "charter = true\n"));
  CHECK(contains(text, "name = \"Smith \\\"&\\\" Sons \\\\ Ltd\\nBranch\"\n"));
  CHECK(text.find("# Smith \"&\" Sons \\ Ltd Branch: a profile") == 0);  // the comment stays one line
  CHECK(contains(text, "assessed_on = \"autumn 2026\"\n"));
}
