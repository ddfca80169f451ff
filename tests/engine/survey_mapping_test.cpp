// The survey mapping: read from TOML, resolved against the export's columns and checked against the
// rules' metrics; every mistake a positioned diagnostic with a way out.
#include <catch2/catch.hpp>

#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "survey_fixture.hpp"

namespace {

using rapport::engine::answer_key;
using rapport::engine::Audience;
using rapport::engine::Reading;
using rapport::engine::testing::kPlainCsv;
using rapport::engine::testing::kPlainMapping;
using rapport::engine::testing::place;
using rapport::engine::testing::survey_rules;
using rapport::engine::testing::SurveyCase;
namespace code = rapport::dsl::code;

const std::string kHead = R"([company]
name = "Northwind Retail"
[group]
column = "Department"
it = ["IT"]
marketing = ["Marketing"]
)";  // six lines: what follows starts on line 7

// The mapping's one error, for a mapping of kHead plus `rest`.
rapport::dsl::Diagnostic error_of(const std::string& rest) {
  const SurveyCase c(kPlainCsv, kHead + rest);
  return c.only_error();
}

}  // namespace

TEST_CASE("answers are compared as people compare them: case, spacing and curly apostrophes aside",
          "[survey_mapping]") {
  CHECK(answer_key("  Don\xE2\x80\x99t   KNOW \n") == "don't know");
  rapport::engine::AnswerSet set;
  set.add("Strongly agree");
  set.add("strongly  AGREE");  // the same answer: kept once
  CHECK(set.written() == std::vector<std::string>{"Strongly agree"});
  CHECK(set.contains("STRONGLY agree "));
  CHECK_FALSE(set.contains("Agree"));
}

TEST_CASE("a complete mapping resolves its columns and keeps the company, codings and company metrics",
          "[survey_mapping]") {
  const SurveyCase c(kPlainCsv, kPlainMapping);
  const auto& mapping = c.mapping();
  CHECK(c.diagnostics().empty());
  CHECK(mapping.company.name == "Northwind Retail");
  CHECK(mapping.company.assessed_on == "2026-10-15");
  CHECK(mapping.group.column == 0);
  CHECK(mapping.group.it.contains("it"));
  CHECK(mapping.missing.contains("Don't know"));
  REQUIRE(mapping.metrics.size() == 4);  // rule-set order: satisfied, trust, tools_shared, hours
  CHECK(mapping.metrics[0].reading == Reading::Agree);
  CHECK(mapping.metrics[0].groups.size() == 2);
  CHECK(mapping.metrics[1].reading == Reading::Coded);
  CHECK(mapping.metrics[1].coding.value_of("4") == 4);
  CHECK_FALSE(mapping.metrics[1].coding.numbers);
  CHECK(mapping.metrics[2].reading == Reading::Choice);
  CHECK(mapping.metrics[2].choice == "CRM");
  CHECK(mapping.metrics[3].coding.numbers);  // a number without a coding takes numeric answers
  CHECK(mapping.metrics[3].groups.front().columns == std::vector<std::size_t>{3});
  REQUIRE(mapping.company_metrics.size() == 3);
  CHECK(mapping.company_metrics[2].second == Approx(0.58));  // "58%", read as a profile reads it
}

TEST_CASE("a mapping's TOML syntax error is placed where the parser stopped", "[survey_mapping]") {
  const auto& error = error_of("[metrics.satisfied\ncolumn = \"Q1\"\n");
  CHECK(error.code == code::profile_syntax);
  CHECK(place(error.where) == "survey.toml:7:19");
  CHECK(error.message.find("invalid TOML") == 0);
}

TEST_CASE("an unknown table, key or metric in a mapping gets a suggestion", "[survey_mapping]") {
  auto error = error_of("[metric.satisfied]\ncolumn = \"Satisfied?\"\n");
  CHECK(error.code == code::unknown_key);
  CHECK(place(error.where) == "survey.toml:7:2");
  CHECK(error.help == "did you mean 'metrics'?");

  error = error_of("[metrics.satisfied]\ncolumn = \"Satisfied?\"\nagree = [\"Yes\"]\nagre = [\"No\"]\n");
  CHECK(error.code == code::unknown_key);
  CHECK(place(error.where) == "survey.toml:10:1");
  CHECK(error.help == "did you mean 'agree'?");

  error = error_of("[metrics.satisfed]\ncolumn = \"Satisfied?\"\nagree = [\"Yes\"]\n");
  CHECK(error.code == code::unknown_key);
  CHECK(place(error.where) == "survey.toml:7:10");
  CHECK(error.message == "unknown metric 'satisfed' in [metrics]");
  CHECK(error.help == "did you mean 'satisfied'?");

  const SurveyCase group(kPlainCsv, "[company]\nname = \"N\"\n[group]\ncolumn = \"Department\"\nit = [\"IT\"]\n"
                                    "marketting = [\"Marketing\"]\n[metrics.hours]\ncolumn = \"Hours\"\n");
  CHECK(place(group.only_error().where) == "survey.toml:6:1");
  CHECK(group.only_error().help == "did you mean 'marketing'?");
}

TEST_CASE("a column the export lacks is an error with the nearest column id", "[survey_mapping]") {
  const auto& error = error_of("[metrics.satisfied]\ncolumn = \"Satisfed?\"\nagree = [\"Yes\"]\n");
  CHECK(error.code == code::unknown_column);
  CHECK(place(error.where) == "survey.toml:8:10");
  CHECK(error.message == "the export has no column 'Satisfed?'");
  CHECK(error.help == "did you mean 'Satisfied?'?");
}

TEST_CASE("a question text that names several columns is ambiguous unless a choice picks the option",
          "[survey_mapping]") {
  const std::string monkey =
      "Respondent ID,Collector ID,Department,Which tools do you share?,,\n"
      ",,Response,CRM,Analytics,Other (please specify)\n"
      "1,9,IT,CRM,,\n2,9,Marketing,,Analytics,\n";
  const SurveyCase ambiguous(monkey, kHead + "[metrics.tools_shared]\ncolumn = \"Which tools do you share?\"\n"
                                            "agree = [\"CRM\"]\n");
  const auto& error = ambiguous.only_error();
  CHECK(error.code == code::ambiguous_column);
  CHECK(place(error.where) == "survey.toml:8:10");
  CHECK(error.message.find("names 3 columns") != std::string::npos);

  const SurveyCase options(monkey, kHead + "[metrics.tools_shared]\ncolumn = \"Which tools do you share?\"\n"
                                          "choice = \"CRM\"\n");
  CHECK(options.mapping().metrics.front().groups.front().columns == std::vector<std::size_t>{3, 4, 5});
}

TEST_CASE("a company metric in [metrics] and a flag asked of a group are refused", "[survey_mapping]") {
  const auto& error = error_of("[metrics.meetings]\ncolumn = \"Hours\"\n");
  CHECK(error.code == code::group_not_asked);
  CHECK(place(error.where) == "survey.toml:7:10");
  CHECK(error.help == "give its value under [company_metrics], e.g. meetings = ...");
}

TEST_CASE("a share needs the answers that count as yes, and takes no coding", "[survey_mapping]") {
  auto error = error_of("[metrics.satisfied]\ncolumn = \"Satisfied?\"\n");
  CHECK(error.code == code::missing_field);
  CHECK(place(error.where) == "survey.toml:7:1");

  error = error_of("[metrics.satisfied]\ncolumn = \"Satisfied?\"\nagree = [\"Yes\"]\nscale = { Yes = 1 }\n");
  CHECK(error.code == code::field_not_allowed);
  CHECK(place(error.where) == "survey.toml:10:9");

  error = error_of("[metrics.satisfied]\ncolumn = \"Satisfied?\"\nagree = [\"Yes\"]\ndisagree = [\"No\", \"yes\"]\n");
  CHECK(error.code == code::bad_value);
  CHECK(error.message == "'Yes' of 'satisfied' is listed both as agree and as disagree");

  error = error_of("[metrics.tools_shared]\ncolumn = \"Tools\"\nchoice = \"CRM\"\nagree = [\"CRM\"]\n");
  CHECK(error.code == code::bad_value);
  CHECK(place(error.where) == "survey.toml:10:9");
}

TEST_CASE("a scale needs a coding whose numbers lie inside the scale", "[survey_mapping]") {
  auto error = error_of("[metrics.trust]\ncolumn = \"Trust\"\nnumbers = false\n");
  CHECK(error.code == code::missing_field);
  CHECK(place(error.where) == "survey.toml:9:11");

  const SurveyCase c(kPlainCsv, kHead + "[answers]\nagree7 = { \"Disagree\" = 1, \"Agree\" = 7 }\n"
                                        "[metrics.trust]\ncolumn = \"Trust\"\nscale = \"agree7\"\n");
  const auto& range = c.only_error();
  CHECK(range.code == code::out_of_range);
  CHECK(place(range.where) == "survey.toml:8:38");
  CHECK(range.message == "'Agree' is coded 7, outside 'trust', a scale from 1 to 5");
  REQUIRE(range.notes.size() == 1);
  CHECK(range.notes[0].where->line == 11);

  error = error_of("[metrics.trust]\ncolumn = \"Trust\"\nscale = \"agree5\"\n");
  CHECK(error.code == code::unknown_key);
  CHECK(error.message == "no coding named 'agree5' in [answers]");

  error = error_of("[metrics.trust]\ncolumn = \"Trust\"\nscale = { Low = 1, High = \"5\" }\n");
  CHECK(error.code == code::wrong_type);
  CHECK(place(error.where) == "survey.toml:9:27");

  error = error_of("[metrics.trust]\ncolumn = \"Trust\"\nscale = { Low = 1 }\nagree = [\"High\"]\n");
  CHECK(error.code == code::field_not_allowed);
}

TEST_CASE("a column per group is read only for groups the metric is asked of", "[survey_mapping]") {
  const SurveyCase both(kPlainCsv, kHead + "[metrics.satisfied]\ncolumn = { it = \"Satisfied?\", marketing = "
                                           "\"Tools\" }\nagree = [\"Yes\"]\n");
  const auto& groups = both.mapping().metrics.front().groups;
  REQUIRE(groups.size() == 2);
  CHECK((groups[0].group == Audience::It && groups[0].columns.front() == 1));
  CHECK((groups[1].group == Audience::Marketing && groups[1].columns.front() == 4));

  auto error = error_of("[metrics.ignores_standards]\ncolumn = { marketing = \"Tools\" }\nagree = [\"Yes\"]\n");
  CHECK(error.code == code::group_not_asked);
  CHECK(place(error.where) == "survey.toml:8:24");
  CHECK(error.message == "'ignores_standards' is not asked of the marketing group");

  error = error_of("[metrics.satisfied]\ncolumn = { itt = \"Tools\" }\nagree = [\"Yes\"]\n");
  CHECK(error.code == code::unknown_key);
  CHECK(error.help == "did you mean 'it'?");

  const SurveyCase one(kPlainCsv, kHead + "[metrics.wants_data]\ncolumn = \"Satisfied?\"\nagree = [\"Yes\"]\n");
  REQUIRE(one.mapping().metrics.front().groups.size() == 1);
  CHECK(one.mapping().metrics.front().groups.front().group == Audience::Marketing);
}

TEST_CASE("answer lists are arrays of text or the name of a list in [answers]", "[survey_mapping]") {
  const SurveyCase named(kPlainCsv, kHead + "[answers]\nyes = [\"Yes\", \"Y\"]\n"
                                            "[metrics.satisfied]\ncolumn = \"Satisfied?\"\nagree = \"yes\"\n");
  CHECK(named.mapping().metrics.front().agree.contains("y"));

  auto error = error_of("[metrics.satisfied]\ncolumn = \"Satisfied?\"\nagree = \"Yes\"\n");
  CHECK(error.code == code::unknown_key);
  CHECK(place(error.where) == "survey.toml:9:9");
  CHECK(error.help == "a text names a list in [answers]; write a single answer in brackets: agree = [\"Yes\"]");

  error = error_of("[metrics.satisfied]\ncolumn = \"Satisfied?\"\nagree = [\"Yes\", 1]\n");
  CHECK(error.code == code::wrong_type);
  CHECK(place(error.where) == "survey.toml:9:17");

  error = error_of("[answers]\nmissing = \"n/a\"\n[metrics.hours]\ncolumn = \"Hours\"\n");
  CHECK(error.code == code::wrong_type);
  CHECK(place(error.where) == "survey.toml:8:11");

  error = error_of("[answers]\nmissing = [\"Yes\"]\n[metrics.satisfied]\ncolumn = \"Satisfied?\"\nagree = [\"Yes\"]\n");
  CHECK(error.code == code::bad_value);
  CHECK(error.message == "'Yes' of 'satisfied' is listed both as agree and as missing in [answers]");
}

TEST_CASE("the group table names its column and gives each answer to one group only", "[survey_mapping]") {
  const SurveyCase no_column(kPlainCsv, "[company]\nname = \"N\"\n[group]\nit = [\"IT\"]\n[metrics.hours]\n"
                                        "column = \"Hours\"\n");
  CHECK(no_column.only_error().code == code::missing_field);
  CHECK(place(no_column.only_error().where) == "survey.toml:3:2");

  const SurveyCase twice(kPlainCsv, "[company]\nname = \"N\"\n[group]\ncolumn = \"Department\"\nit = [\"IT\"]\n"
                                    "marketing = [\"Marketing\", \"it\"]\n[metrics.hours]\ncolumn = \"Hours\"\n");
  CHECK(twice.only_error().code == code::bad_value);
  CHECK(twice.only_error().message == "'IT' is listed under both it and marketing in [group]");
}

TEST_CASE("a mapping without its company, group or metrics says which table to add", "[survey_mapping]") {
  const SurveyCase c(kPlainCsv, "[metrics.hours]\ncolumn = \"Hours\"\n");
  const auto& diags = c.diagnostics();
  CHECK_FALSE(c.result().mapping);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].message == "the mapping has no [company] table");
  CHECK(diags[1].message == "the mapping has no [group] table");
  CHECK(diags[0].where.line == 0);
}

TEST_CASE("company values in a mapping are checked as a profile checks them", "[survey_mapping]") {
  auto error = error_of("[metrics.hours]\ncolumn = \"Hours\"\n[company_metrics]\nbudget_share = 58\n");
  CHECK(error.code == code::out_of_range);
  CHECK(place(error.where) == "survey.toml:10:16");

  error = error_of("[metrics.hours]\ncolumn = \"Hours\"\n[company_metrics]\nsatisfied = 0.5\n");
  CHECK(error.code == code::group_not_asked);
  CHECK(place(error.where) == "survey.toml:10:1");
}
