// The profile loader: TOML in, a Profile or positioned diagnostics out.
// The rule set is built by hand so these tests need only the loader.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"
#include "engine/profile.hpp"
#include "engine/suggest.hpp"
#include "profile_fixture.hpp"

namespace {

using rapport::dsl::Diagnostic;
using rapport::dsl::SourceFile;
using rapport::engine::Audience;
using rapport::engine::is_unknown;
using rapport::engine::Metric;
using rapport::engine::MetricKind;
using rapport::engine::ProfileResult;
using rapport::engine::RuleSet;
using rapport::engine::Slot;
namespace code = rapport::dsl::code;

const RuleSet& rules() { return rapport::engine::testing::profile_rules(); }

ProfileResult load(const std::string& toml) {
  const SourceFile file("client.toml", toml);
  return rapport::engine::load_profile(file, rules());
}

const std::string kCompany = "[company]\nname = \"Northwind Retail\"\n";

// The only diagnostic of a profile that should fail exactly once.
Diagnostic only_error(const std::string& toml) {
  const ProfileResult result = load(toml);
  CHECK_FALSE(result.profile);
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics.front();
}

std::string place(const Diagnostic& d) {
  return d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.col);
}

}  // namespace

// ---------------------------------------------------------------- the happy path

TEST_CASE("a complete profile fills every slot with normalised values", "[profile]") {
  const ProfileResult result = load(R"([company]
name = "Northwind Retail"
industry = "Retail"
assessed_on = 2026-10-15

[respondents]
it = 14
marketing = 22

[it]
satisfied_with_collaboration = 0.18
alignment_score = 4

[marketing]
satisfied_with_collaboration = "9%"
alignment_score = 2.5
budget_share = "58.5 %"

[company_metrics]
cio_cmo_meetings_per_month = 0.5
shared_kpis = true
)");
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.profile);
  const auto& p = *result.profile;
  CHECK(p.company.name == "Northwind Retail");
  CHECK(p.company.industry == "Retail");
  CHECK(p.company.assessed_on == "2026-10-15");
  CHECK(p.it_respondents == 14);
  CHECK(p.marketing_respondents == 22);
  REQUIRE(p.values.size() == 7);
  CHECK(p.values[0] == 0.18);
  CHECK(p.values[1] == Approx(0.09));
  CHECK(p.values[2] == 4);
  CHECK(p.values[3] == 2.5);
  CHECK(p.values[4] == Approx(0.585));
  CHECK(p.values[5] == 0.5);
  CHECK(p.values[6] == 1);
}

TEST_CASE("metrics the profile leaves out are unknown", "[profile]") {
  const ProfileResult result = load(kCompany + "[it]\nsatisfied_with_collaboration = 1\n");
  REQUIRE(result.profile);
  const auto& values = result.profile->values;
  REQUIRE(values.size() == rules().slots.size());
  CHECK(values[0] == 1);
  for (std::size_t slot = 1; slot < values.size(); ++slot) CHECK(is_unknown(values[slot]));
  CHECK_FALSE(result.profile->it_respondents);
  CHECK(result.profile->company.assessed_on.empty());
}

TEST_CASE("a share may be written as a whole percentage or as the fraction 0 or 1", "[profile]") {
  const ProfileResult result = load(kCompany + R"([it]
satisfied_with_collaboration = "100%"
[marketing]
satisfied_with_collaboration = 0
)");
  REQUIRE(result.profile);
  CHECK(result.profile->values[0] == 1);
  CHECK(result.profile->values[1] == 0);
}

TEST_CASE("a false flag is stored as 0", "[profile]") {
  const ProfileResult result = load(kCompany + "[company_metrics]\nshared_kpis = false\n");
  REQUIRE(result.profile);
  CHECK(result.profile->values[6] == 0);
}

TEST_CASE("assessed_on may be a string and respondents may be a float with no fraction", "[profile]") {
  const ProfileResult result = load(R"([company]
name = "Northwind"
assessed_on = "autumn 2026"
[respondents]
it = 0
marketing = 22.0
)");
  REQUIRE(result.profile);
  CHECK(result.profile->company.assessed_on == "autumn 2026");
  CHECK(result.profile->it_respondents == 0);
  CHECK(result.profile->marketing_respondents == 22);
}

TEST_CASE("an empty rule set accepts a profile with only a company", "[profile]") {
  const SourceFile file("client.toml", kCompany);
  const ProfileResult result = rapport::engine::load_profile(file, RuleSet{});
  REQUIRE(result.profile);
  CHECK(result.profile->values.empty());
}

// ---------------------------------------------------------------- TOML syntax

TEST_CASE("a TOML syntax error is reported at its line and column", "[profile]") {
  const Diagnostic d = only_error("[company]\nname = \"Northwind\" Retail\n");
  CHECK(d.code == code::profile_syntax);
  CHECK(place(d) == "client.toml:2:20");
  CHECK(d.message.starts_with("invalid TOML: "));
  CHECK_FALSE(d.message.starts_with("invalid TOML: Error while parsing"));
  CHECK_FALSE(d.help.empty());
}

TEST_CASE("a key given twice is a TOML syntax error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nalignment_score = 3\nalignment_score = 4\n");
  CHECK(d.code == code::profile_syntax);
  CHECK(d.where.line == 5);
}

// ---------------------------------------------------------------- tables and keys

TEST_CASE("an unknown table is reported at its name with the nearest table suggested", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[marketting]\nbudget_share = 0.5\n");
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "client.toml:3:2");
  CHECK(d.where.length == 10);
  CHECK(d.message == "unknown table [marketting]");
  CHECK(d.help == "did you mean [marketing]?");
}

TEST_CASE("an unknown table far from every name lists the tables a profile has", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[survey]\n");
  CHECK(d.code == code::unknown_key);
  CHECK(d.help == "a profile's tables are [company], [respondents], [it], [marketing] and [company_metrics]");
}

TEST_CASE("a metric written outside any table is told which table it belongs in", "[profile]") {
  const Diagnostic d = only_error("budget_share = 0.5\n" + kCompany);
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "client.toml:1:1");
  CHECK(d.message == "unknown key 'budget_share' outside any table");
  CHECK(d.help == "put 'budget_share' under [marketing]");
}

TEST_CASE("a company key written before [company] is told to move under it", "[profile]") {
  const ProfileResult result = load("industry = \"Retail\"\n" + kCompany);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].help == "put 'industry' under [company]");
}

TEST_CASE("an unknown key in [company] is reported at the key with a suggestion", "[profile]") {
  const Diagnostic d = only_error(kCompany + "industy = \"Retail\"\n");
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "client.toml:3:1");
  CHECK(d.message == "unknown key 'industy' in [company]");
  CHECK(d.help == "did you mean 'industry'?");
}

TEST_CASE("an unknown key in [respondents] is reported at the key", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[respondents]\nmarketing = 3\ntotal = 5\n");
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "client.toml:5:1");
  CHECK(d.help == "[respondents] takes it and marketing");
}

TEST_CASE("an unknown metric id is reported at the key with the nearest id", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nsatisfied_with_colaboration = 0.2\n");
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "client.toml:4:1");
  CHECK(d.where.length == 27);
  CHECK(d.message == "unknown metric 'satisfied_with_colaboration' in [it]");
  CHECK(d.help == "did you mean 'satisfied_with_collaboration'?");
}

TEST_CASE("an unknown metric id with nothing near says which ids belong there", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[company_metrics]\nheadcount = 200\n");
  CHECK(d.code == code::unknown_key);
  CHECK(d.help == "use the id of a metric the rules ask of the company as a whole");
}

TEST_CASE("a metric under a group it is not asked of names the groups it is asked of", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nbudget_share = 0.4\n");
  CHECK(d.code == code::group_not_asked);
  CHECK(place(d) == "client.toml:4:1");
  CHECK(d.message == "'budget_share' is not asked of the IT group");
  CHECK(d.help == "'budget_share' is asked of the marketing group; put it under [marketing]");
}

TEST_CASE("a group metric under [company_metrics] is sent to both group tables", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[company_metrics]\nalignment_score = 3\n");
  CHECK(d.code == code::group_not_asked);
  CHECK(d.help == "'alignment_score' is asked of the IT group and the marketing group; "
                  "put it under [it] and [marketing]");
}

TEST_CASE("a known table that is not a table is a type error at its value", "[profile]") {
  const Diagnostic d = only_error("it = 0.5\n" + kCompany);
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:1:6");
  CHECK(d.message == "'it' must be a table, not a number");
}

TEST_CASE("an array of tables where one table belongs asks for single brackets", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[[marketing]]\nbudget_share = 0.5\n");
  CHECK(d.code == code::wrong_type);
  CHECK(d.where.line == 3);
  CHECK(d.help == "write [marketing] with single brackets; it is one table");
}

// ---------------------------------------------------------------- [company]

TEST_CASE("a profile without [company] is an error about the whole file", "[profile]") {
  const Diagnostic d = only_error("[it]\nalignment_score = 3\n");
  CHECK(d.code == code::missing_field);
  CHECK(d.where.file == "client.toml");
  CHECK_FALSE(d.where.has_position());
  CHECK(d.message == "the profile has no [company] table");
  CHECK(d.help == "add a [company] table with at least name = \"Northwind Retail\"");
}

TEST_CASE("a [company] without a name is reported at the table", "[profile]") {
  const Diagnostic d = only_error("# client\n[company]\nindustry = \"Retail\"\n");
  CHECK(d.code == code::missing_field);
  CHECK(place(d) == "client.toml:2:2");
  CHECK(d.message == "[company] has no name");
}

TEST_CASE("a company name that is not text is a type error at the value", "[profile]") {
  const Diagnostic d = only_error("[company]\nname = 42\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:2:8");
  CHECK(d.message == "'name' takes text, not an integer");
  CHECK(d.help == "write the text in double quotes, e.g. name = \"Northwind Retail\"");
}

TEST_CASE("an empty company name is a bad value", "[profile]") {
  const Diagnostic d = only_error("[company]\nname = \"\"\n");
  CHECK(d.code == code::bad_value);
  CHECK(place(d) == "client.toml:2:8");
}

TEST_CASE("assessed_on that is neither a date nor text is a type error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "assessed_on = 20261015\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:3:15");
  CHECK(d.help == "write a date such as assessed_on = 2026-10-15");
}

// ---------------------------------------------------------------- [respondents]

TEST_CASE("a negative number of respondents is out of range", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[respondents]\nit = -3\n");
  CHECK(d.code == code::out_of_range);
  CHECK(place(d) == "client.toml:4:6");
  CHECK(d.message == "the number of IT respondents is -3, which is not a count of people");
}

TEST_CASE("a fractional number of respondents is a type error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[respondents]\nmarketing = 14.5\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:4:13");
  CHECK(d.message == "the number of marketing respondents must be a whole number, not 14.5");
}

TEST_CASE("respondents written as text are a type error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[respondents]\nit = \"14\"\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:4:6");
  CHECK(d.help == "write a count without quotes, e.g. it = 14");
}

TEST_CASE("an infinite number of respondents is not finite", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[respondents]\nit = inf\n");
  CHECK(d.code == code::not_finite);
  CHECK(place(d) == "client.toml:4:6");
}

// ---------------------------------------------------------------- shares

TEST_CASE("a share above 1 suggests the fraction and the percentage it probably meant", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nsatisfied_with_collaboration = 58\n");
  CHECK(d.code == code::out_of_range);
  CHECK(place(d) == "client.toml:4:32");
  CHECK(d.where.length == 2);
  CHECK(d.message == "'satisfied_with_collaboration' is 58, outside 0 to 1 (shares are fractions)");
  CHECK(d.help == "write 0.58 or \"58%\"");
}

TEST_CASE("a share above 1 with a fraction only hedges its suggestion", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nsatisfied_with_collaboration = 1.4\n");
  CHECK(d.code == code::out_of_range);
  CHECK(d.help == "if you meant 1.4%, write 0.014 or \"1.4%\"");
}

TEST_CASE("a negative share is out of range with the general advice", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[marketing]\nbudget_share = -0.2\n");
  CHECK(d.code == code::out_of_range);
  CHECK(place(d) == "client.toml:4:16");
  CHECK(d.help == "write a fraction such as 0.58 or a percentage such as \"58%\"");
}

TEST_CASE("a percentage above 100% is out of range", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[marketing]\nbudget_share = \"140%\"\n");
  CHECK(d.code == code::out_of_range);
  CHECK(place(d) == "client.toml:4:16");
  CHECK(d.message == "'budget_share' is \"140%\", outside 0% to 100%");
}

TEST_CASE("a negative percentage is out of range", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[marketing]\nbudget_share = \"-5%\"\n");
  CHECK(d.code == code::out_of_range);
}

TEST_CASE("a share string that is not a percentage is a type error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[marketing]\nbudget_share = \"about half\"\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:4:16");
  CHECK(d.message == "'budget_share' is the string \"about half\", which is not a percentage");
  CHECK(d.help == "write a fraction such as 0.58 or a percentage such as \"58%\"");
}

TEST_CASE("a share string without a percent sign suggests both spellings", "[profile]") {
  CHECK(only_error(kCompany + "[marketing]\nbudget_share = \"58\"\n").help == "write 0.58 or \"58%\"");
  CHECK(only_error(kCompany + "[marketing]\nbudget_share = \"0.58\"\n").help ==
        "write 0.58 without quotes, or \"58%\"");
}

TEST_CASE("a percent string with an exponent or a second dot does not parse", "[profile]") {
  CHECK(only_error(kCompany + "[marketing]\nbudget_share = \"5e1%\"\n").code == code::wrong_type);
  CHECK(only_error(kCompany + "[marketing]\nbudget_share = \"5.8.1%\"\n").code == code::wrong_type);
  CHECK(only_error(kCompany + "[marketing]\nbudget_share = \"%\"\n").code == code::wrong_type);
}

TEST_CASE("a boolean for a share is a type error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[marketing]\nbudget_share = true\n");
  CHECK(d.code == code::wrong_type);
  CHECK(d.message == "'budget_share' is a share, so it takes a fraction or a percentage, not a boolean");
}

TEST_CASE("a share that is NaN or infinite is not finite", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nsatisfied_with_collaboration = nan\n");
  CHECK(d.code == code::not_finite);
  CHECK(place(d) == "client.toml:4:32");
  CHECK(d.message == "'satisfied_with_collaboration' is nan, not a finite number");
  CHECK(d.help == "leave 'satisfied_with_collaboration' out if its value is unknown");
  CHECK(only_error(kCompany + "[it]\nsatisfied_with_collaboration = -inf\n").code == code::not_finite);
}

TEST_CASE("a number too large for a double is not finite, at the number rather than after it", "[profile][numbers]") {
  const Diagnostic d = only_error(kCompany + "[it]\nsatisfied_with_collaboration = 1e999\n");
  CHECK(d.code == code::not_finite);
  CHECK(place(d) == "client.toml:4:32");
  CHECK(d.where.length == 5);
  CHECK(d.message == "'1e999' is too large to be a finite number");
  CHECK(d.help == "write the figure itself; no survey value is beyond 1e308");
  CHECK(place(only_error(kCompany + "[respondents]\nit = -1_000e1_000\n")) == "client.toml:4:6");
}

TEST_CASE("NaN and infinity in a sample are not finite, at the key's value", "[profile][numbers]") {
  const Diagnostic sd = only_error(kCompany + "[it]\nalignment_score = { mean = 3.1, sd = nan, n = 12 }\n");
  CHECK(sd.code == code::not_finite);
  CHECK(place(sd) == "client.toml:4:38");
  const Diagnostic n = only_error(kCompany + "[it]\nalignment_score = { mean = 3.1, sd = 1, n = inf }\n");
  CHECK(n.code == code::not_finite);
  CHECK(place(n) == "client.toml:4:45");
  const Diagnostic mean = only_error(kCompany + "[it]\nalignment_score = { mean = -inf, sd = 1, n = 12 }\n");
  CHECK(mean.code == code::not_finite);
  CHECK(place(mean) == "client.toml:4:28");
}

// ---------------------------------------------------------------- scales, numbers, flags

TEST_CASE("a scale value outside its bounds is out of range", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nalignment_score = 7\n");
  CHECK(d.code == code::out_of_range);
  CHECK(place(d) == "client.toml:4:19");
  CHECK(d.message == "'alignment_score' is 7, outside its scale of 1 to 5");
  CHECK(d.help == "write a number from 1 to 5");
  CHECK(only_error(kCompany + "[it]\nalignment_score = 0.5\n").code == code::out_of_range);
}

TEST_CASE("a scale value written as text is a type error that suggests dropping the quotes", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nalignment_score = \"4\"\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:4:19");
  CHECK(d.message == "'alignment_score' is a scale of 1 to 5, so it takes a number, not a string");
  CHECK(d.help == "write 4 without quotes");
}

TEST_CASE("a scale's sample gives its mean, not a value", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[it]\nalignment_score = { value = 4, n = 12 }\n");
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "client.toml:4:21");
  CHECK(d.message == "unknown key 'value' in the sample of 'alignment_score'");
  CHECK(d.help == "a scale's sample gives its mean: write mean = 4");
}

TEST_CASE("a table for a company figure is a type error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[company_metrics]\ncio_cmo_meetings_per_month = { value = 4 }\n");
  CHECK(d.code == code::wrong_type);
  CHECK(d.message == "'cio_cmo_meetings_per_month' takes a number, not a table");
}

TEST_CASE("a number metric written as text is a type error", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[company_metrics]\ncio_cmo_meetings_per_month = \"twice\"\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:4:30");
  CHECK(d.message == "'cio_cmo_meetings_per_month' takes a number, not a string");
}

TEST_CASE("a number metric that is infinite is not finite", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[company_metrics]\ncio_cmo_meetings_per_month = inf\n");
  CHECK(d.code == code::not_finite);
  CHECK(place(d) == "client.toml:4:30");
}

TEST_CASE("a number for a flag is a type error that suggests true or false", "[profile]") {
  const Diagnostic d = only_error(kCompany + "[company_metrics]\nshared_kpis = 1\n");
  CHECK(d.code == code::wrong_type);
  CHECK(place(d) == "client.toml:4:15");
  CHECK(d.message == "'shared_kpis' is a flag, so it takes true or false, not an integer");
  CHECK(d.help == "write true instead of 1");
  CHECK(only_error(kCompany + "[company_metrics]\nshared_kpis = \"false\"\n").help == "write false without quotes");
  CHECK(only_error(kCompany + "[company_metrics]\nshared_kpis = \"yes\"\n").help ==
        "write true or false, without quotes");
}

// ---------------------------------------------------------------- collecting errors

TEST_CASE("every error in a profile is reported, sorted by place", "[profile]") {
  const ProfileResult result = load(R"([company]
nme = "Northwind"

[it]
satisfied_with_collaboration = 58
alignment_score = 9

[marketing]
budget_share = "lots"
satisfied = 0.2

[company_metrics]
shared_kpis = 1
)");
  CHECK_FALSE(result.profile);
  REQUIRE(result.diagnostics.size() == 7);
  std::vector<std::string> seen;
  for (const auto& d : result.diagnostics) seen.push_back(place(d) + " " + d.code);
  CHECK(seen == std::vector<std::string>{
                    "client.toml:1:2 missing-field",
                    "client.toml:2:1 unknown-key",
                    "client.toml:5:32 out-of-range",
                    "client.toml:6:19 out-of-range",
                    "client.toml:9:16 wrong-type",
                    "client.toml:10:1 unknown-key",
                    "client.toml:13:15 wrong-type",
                });
}

TEST_CASE("a profile with errors still reports positions in a file with non-ASCII text", "[profile]") {
  const Diagnostic d = only_error("[company]\nname = \"Café Müller\" # “quoted”\n[it]\nalignment_score = \"é\"\n");
  CHECK(place(d) == "client.toml:4:19");
  CHECK(d.where.length == 3);
}

// ---------------------------------------------------------------- suggestions

TEST_CASE("the closest name allows one edit per three letters and ignores case", "[profile]") {
  using rapport::engine::closest;
  CHECK(closest("IT", {"it", "marketing"}) == "it");
  CHECK(closest("marketting", {"it", "marketing"}) == "marketing");
  CHECK(closest("compnay", {"company", "company_metrics"}) == "company");
  CHECK_FALSE(closest("survey", {"company", "it"}));
  CHECK(rapport::engine::edit_distance("abc", "acb") == 1);
}

// ---------------------------------------------------------------- samples: { count, n }, { mean, sd, n }

TEST_CASE("a group value may carry its sample: how many answered, how many agreed, how spread", "[profile][sample]") {
  const auto result = load(kCompany + "[respondents]\nit = 14\nmarketing = 22\n[it]\n"
                                      "satisfied_with_collaboration = { count = 3, n = 14 }\n"
                                      "alignment_score = { mean = 3.4, sd = 0.9, n = 12 }\n"
                                      "[marketing]\nsatisfied_with_collaboration = { value = \"9%\", n = 22 }\n");
  REQUIRE(result.profile);
  const auto& p = *result.profile;
  CHECK(p.values[0] == Approx(3.0 / 14));
  CHECK(p.samples[0].n == 14);
  CHECK(p.samples[0].count == 3);
  CHECK(p.values[1] == Approx(0.09));
  CHECK(p.samples[1].n == 22);
  CHECK_FALSE(p.samples[1].count);
  CHECK(p.values[2] == Approx(3.4));
  CHECK(p.samples[2].sd == Approx(0.9));
}

TEST_CASE("more agreeing than answered is an error at the sample", "[profile][sample]") {
  const Diagnostic d = only_error(kCompany + "[it]\nsatisfied_with_collaboration = { count = 15, n = 14 }\n");
  CHECK(d.code == code::out_of_range);
  CHECK(d.message == "'satisfied_with_collaboration' has count = 15, more than the 14 who answered");
}

TEST_CASE("more answers to a question than the group has respondents is an error at n", "[profile][sample]") {
  const Diagnostic d = only_error(kCompany + "[respondents]\nit = 10\n[it]\nsatisfied_with_collaboration = { count = 3, n = 14 }\n");
  CHECK(d.code == code::out_of_range);
  CHECK(place(d) == "client.toml:6:49");  // at the 14
  CHECK(d.message == "'satisfied_with_collaboration' has n = 14, more than the 10 respondents in the IT group");
  CHECK(d.help == "n counts the people in the IT group who answered this question, so it is at most 10");
}

TEST_CASE("a sample without n, with n = 0, with a negative sd or with both count and value is refused",
          "[profile][sample]") {
  CHECK(only_error(kCompany + "[it]\nsatisfied_with_collaboration = { count = 3 }\n").message ==
        "the sample of 'satisfied_with_collaboration' does not say how many answered (n)");
  CHECK(only_error(kCompany + "[it]\nsatisfied_with_collaboration = { count = 0, n = 0 }\n").message ==
        "'satisfied_with_collaboration' has n = 0: nobody answered it");
  CHECK(only_error(kCompany + "[it]\nalignment_score = { mean = 3, sd = -1, n = 9 }\n").code == code::out_of_range);
  CHECK(only_error(kCompany + "[it]\nsatisfied_with_collaboration = { count = 3, value = 0.2, n = 14 }\n").message ==
        "'satisfied_with_collaboration' gives both a count and a value");
  CHECK(only_error(kCompany + "[it]\nsatisfied_with_collaboration = { count = 3.5, n = 14 }\n").code ==
        code::wrong_type);
}

TEST_CASE("a sample's mean is checked like any value of its scale", "[profile][sample]") {
  const Diagnostic d = only_error(kCompany + "[it]\nalignment_score = { mean = 7, n = 9 }\n");
  CHECK(d.code == code::out_of_range);
  CHECK(d.message == "'alignment_score' is 7, outside its scale of 1 to 5");
}
