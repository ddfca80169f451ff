// The survey import: responses sorted into groups, answers read through the mapping into counts, means
// and standard deviations, rows a survey tool marks as not real left out, and small cuts suppressed.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "engine/survey_answers.hpp"
#include "survey_fixture.hpp"

namespace {

using rapport::dsl::DiagSeverity;
using rapport::engine::Audience;
using rapport::engine::has_choice;
using rapport::engine::testing::figure;
using rapport::engine::testing::kPlainCsv;
using rapport::engine::testing::kPlainMapping;
using rapport::engine::testing::place;
using rapport::engine::testing::SurveyCase;
namespace code = rapport::dsl::code;

const std::string kQualtricsHead =
    "StartDate,Status,Progress,Finished,ResponseId,Q1,Q2\n"
    "Start Date,Response Type,Progress,Finished,Response ID,Department,Satisfied?\n"
    "{\"ImportId\":\"startDate\"},{\"ImportId\":\"status\"},{\"ImportId\":\"progress\"},{\"ImportId\":\"finished\"},"
    "{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\"}\n";

const std::string kQualtricsMapping =
    "[company]\nname = \"N\"\n[group]\ncolumn = \"Q1\"\nit = [\"IT\"]\nmarketing = [\"Marketing\"]\n"
    "[metrics.satisfied]\ncolumn = \"Department\"\nagree = [\"IT\"]\n";

}  // namespace

TEST_CASE("shares count the agreeing of those who answered; scales and numbers get a mean and a sample sd",
          "[survey_import]") {
  const SurveyCase c(kPlainCsv, kPlainMapping);
  const auto imported = c.import();
  CHECK(imported.it_respondents == 5);
  CHECK(imported.marketing_respondents == 3);

  const auto& it_satisfied = figure(imported, "satisfied", Audience::It);  // Yes, No, "yes ", Maybe (unread), Yes
  CHECK(it_satisfied.n == 4);
  CHECK(it_satisfied.count == 3);
  CHECK_FALSE(it_satisfied.suppressed);
  const auto& marketing_satisfied = figure(imported, "satisfied", Audience::Marketing);  // Yes, Don't know, No
  CHECK(marketing_satisfied.n == 2);
  CHECK(marketing_satisfied.count == 1);

  // IT trust 4, 2, 1, 4, 5: mean 16/5 = 3.2; squared deviations 0.64 + 1.44 + 4.84 + 0.64 + 3.24 = 10.8,
  // over n - 1 = 4 is 2.7, so sd = sqrt(2.7) = 1.643168.
  const auto& trust = figure(imported, "trust", Audience::It);
  CHECK(trust.n == 5);
  CHECK(trust.mean == Approx(3.2).epsilon(1e-12));
  REQUIRE(trust.sd);
  CHECK(*trust.sd == Approx(1.6431676725154984).epsilon(1e-12));
  CHECK(trust.count == 0);  // a scale has no count

  // Marketing hours "3,5" (a decimal comma), 4, 6: mean 4.5; (1 + 0.25 + 2.25) / 2 = 1.75, sd = 1.322876.
  const auto& hours = figure(imported, "hours", Audience::Marketing);
  CHECK(hours.n == 3);
  CHECK(hours.mean == Approx(4.5).epsilon(1e-12));
  CHECK(*hours.sd == Approx(1.3228756555322954).epsilon(1e-12));
}

TEST_CASE("a choose-all-that-apply cell counts a respondent who chose the option; a blank one is missing",
          "[survey_import]") {
  const SurveyCase c(kPlainCsv, kPlainMapping);
  const auto imported = c.import();
  const auto& it_tools = figure(imported, "tools_shared", Audience::It);  // "CRM, Analytics", CRM, no, CRM, CRM
  CHECK(it_tools.n == 5);
  CHECK(it_tools.count == 4);
  const auto& marketing_tools = figure(imported, "tools_shared", Audience::Marketing);  // Analytics, blank, Analytics
  CHECK(marketing_tools.n == 2);
  CHECK(marketing_tools.count == 0);

  CHECK(has_choice("CRM,Analytics", "analytics"));                     // Qualtrics: no space after the comma
  CHECK(has_choice("Know our customers, Raise performance", "Raise performance"));
  CHECK(has_choice("Data, analytics and reporting, CRM", "Data, analytics and reporting"));  // an option with a comma
  CHECK_FALSE(has_choice("Analytics platform", "Analytics"));          // a word inside another option
  CHECK_FALSE(has_choice("", "CRM"));
}

TEST_CASE("a SurveyMonkey question with a column per option is read with choice", "[survey_import]") {
  const std::string monkey =
      "Respondent ID,Collector ID,Department,Which tools do you share?,,\n"
      ",,Response,CRM,Analytics,Other (please specify)\n"
      "1,9,IT,CRM,,\n"                    // line 3: chose CRM
      "2,9,IT,,Analytics,\n"              // 4: answered, not CRM
      "3,9,IT,,,\n"                       // 5: skipped the question
      "4,9,IT,,,Our own spreadsheet\n"    // 6: answered with another tool
      "5,9,Marketing,CRM,Analytics,\n";   // 7
  const SurveyCase c(monkey, "[company]\nname = \"N\"\n[group]\ncolumn = \"Department\"\nit = [\"IT\"]\n"
                             "marketing = [\"Marketing\"]\n[metrics.tools_shared]\n"
                             "column = \"Which tools do you share?\"\nchoice = \"CRM\"\n");
  const auto imported = c.import();
  const auto& it = figure(imported, "tools_shared", Audience::It);
  CHECK(it.n == 3);
  CHECK(it.count == 1);
  CHECK(figure(imported, "tools_shared", Audience::Marketing).count == 1);
}

TEST_CASE("an answer the mapping cannot read is a warning at its cell, and the rest of the row is imported",
          "[survey_import]") {
  const SurveyCase c(kPlainCsv, kPlainMapping);
  const auto imported = c.import();
  CHECK(imported.answers_left_out == 1);
  const rapport::dsl::Diagnostic* maybe = nullptr;
  for (const auto& d : imported.diagnostics)
    if (d.code == code::unmappable_answer) maybe = &d;
  REQUIRE(maybe);
  CHECK(maybe->severity == DiagSeverity::Warning);
  CHECK(place(maybe->where) == "responses.csv:8:4");
  CHECK(maybe->where.length == 5);
  CHECK(maybe->message == "'Maybe' in column 'Satisfied?' is not an answer the mapping reads for 'satisfied'; it is "
                          "left out of that metric");
  CHECK(maybe->help.find("expected 'Yes' or 'No' (agree or disagree)") == 0);
  // Row 8's other answers still count: its trust 4 is in IT's five.
  CHECK(figure(imported, "trust", Audience::It).n == 5);
}

TEST_CASE("a scale answer outside the scale, or a label the coding lacks, cannot be read", "[survey_import]") {
  const SurveyCase c("Department,Trust\nIT,4\nIT,6\nIT,Very high\nIT,\n",
                     "[company]\nname = \"N\"\n[group]\ncolumn = \"Department\"\nit = [\"IT\"]\n"
                     "[metrics.trust]\ncolumn = \"Trust\"\nscale = { Low = 1, High = 5 }\nnumbers = true\n");
  const auto imported = c.import();
  CHECK(figure(imported, "trust", Audience::It).n == 1);
  REQUIRE(imported.diagnostics.size() == 2);
  CHECK(place(imported.diagnostics[0].where) == "responses.csv:3:4");
  CHECK(imported.diagnostics[0].help.find("expected a number from 1 to 5") == 0);
  CHECK(place(imported.diagnostics[1].where) == "responses.csv:4:4");
  CHECK(imported.diagnostics[1].help.find("expected 'Low' or 'High', or a number from 1 to 5") == 0);
}

TEST_CASE("a response without a known group is reported and left out; an ignored group is left out quietly",
          "[survey_import]") {
  const SurveyCase c(kPlainCsv, kPlainMapping);
  const auto imported = c.import();
  CHECK(imported.skipped.unknown_group == 1);
  CHECK(imported.skipped.no_group == 1);
  REQUIRE(imported.diagnostics.size() == 3);
  CHECK(imported.diagnostics[0].code == code::unknown_group);
  CHECK(place(imported.diagnostics[0].where) == "responses.csv:7:1");
  CHECK(imported.diagnostics[0].message == "'Finance' in column 'Department' is not a group the mapping lists; this "
                                           "response is left out");
  CHECK(imported.diagnostics[2].code == code::no_group);
  CHECK(place(imported.diagnostics[2].where) == "responses.csv:9:1");

  std::string ignoring = kPlainMapping;
  ignoring.insert(ignoring.find("[answers]"), "ignore = [\"Finance\"]\n");
  const SurveyCase quiet(kPlainCsv, ignoring);
  const auto without_finance = quiet.import();
  CHECK(without_finance.skipped.other_group == 1);
  CHECK(without_finance.skipped.unknown_group == 0);
  CHECK(without_finance.diagnostics.size() == 2);
}

TEST_CASE("Qualtrics previews, tests, spam and unfinished responses are counted and left out", "[survey_import]") {
  const SurveyCase c(kQualtricsHead +
                         "2026-10-01,Survey Preview,100,True,R_1,IT,Yes\n"
                         "2026-10-01,IP Address,100,True,R_2,IT,Yes\n"
                         "2026-10-01,Survey Test,100,True,R_3,IT,Yes\n"
                         "2026-10-01,Spam,100,True,R_4,Marketing,Yes\n"
                         "2026-10-01,IP Address,40,False,R_5,Marketing,Yes\n"
                         "2026-10-01,1,100,1,R_6,IT,Yes\n"     // the numeric export: 1 is a preview
                         "2026-10-01,9,100,1,R_7,IT,Yes\n"     // 9: a preview flagged as spam
                         "2026-10-01,0,100,0,R_8,IT,Yes\n"     // unfinished
                         "2026-10-01,4,100,1,R_9,Marketing,Yes\n",  // 4: imported, a real response
                     kQualtricsMapping);
  const auto imported = c.import();
  CHECK(imported.skipped.preview == 2);
  CHECK(imported.skipped.test == 1);
  CHECK(imported.skipped.spam == 2);
  CHECK(imported.skipped.unfinished == 2);
  CHECK(imported.it_respondents == 1);
  CHECK(imported.marketing_respondents == 1);
  CHECK(imported.diagnostics.empty());
}

TEST_CASE("a group smaller than the threshold has every figure suppressed, a small cut its own",
          "[survey_import]") {
  const SurveyCase c(kPlainCsv, kPlainMapping);
  const auto imported = c.import(5);
  CHECK_FALSE(imported.it_suppressed);
  CHECK(imported.marketing_suppressed);  // 3 respondents
  CHECK(imported.marketing_respondents == 3);
  const auto& small = figure(imported, "satisfied", Audience::It);  // 4 answered
  CHECK(small.suppressed);
  CHECK(small.n == 4);
  CHECK(small.count == 0);  // nothing about the few is kept
  const auto& trust = figure(imported, "trust", Audience::It);  // 5 answered
  CHECK_FALSE(trust.suppressed);
  CHECK(trust.mean == Approx(3.2));
  for (const auto& f : imported.figures) {
    if (f.group != Audience::Marketing) continue;
    CHECK(f.suppressed);
    CHECK(f.mean == 0);
    CHECK_FALSE(f.sd);
  }
}

TEST_CASE("an import that leaves nobody in either group is an error", "[survey_import]") {
  const SurveyCase wrong_labels(kPlainCsv, "[company]\nname = \"N\"\n[group]\ncolumn = \"Department\"\n"
                                           "it = [\"Information technology\"]\n[metrics.hours]\ncolumn = \"Hours\"\n");
  const auto imported = wrong_labels.import();
  REQUIRE(rapport::dsl::has_errors(imported.diagnostics));
  const auto& error = imported.diagnostics.back();
  CHECK(error.code == code::no_responses);
  CHECK(error.message == "none of the 10 responses in the export could be imported");
  CHECK(place(error.where) == "survey.toml:4:10");

  const SurveyCase empty("Department,Hours\n", "[company]\nname = \"N\"\n[group]\ncolumn = \"Department\"\n"
                                                "it = [\"IT\"]\n[metrics.hours]\ncolumn = \"Hours\"\n");
  CHECK(empty.import().diagnostics.back().message == "the export holds no responses, only its header rows");
}

TEST_CASE("rows the CSV reader could not read are counted as malformed", "[survey_import]") {
  const SurveyCase c("Department,Hours\nIT,4\nIT,5,6\nIT,\"7\n",
                     "[company]\nname = \"N\"\n[group]\ncolumn = \"Department\"\nit = [\"IT\"]\n"
                     "[metrics.hours]\ncolumn = \"Hours\"\n");
  const auto imported = c.import();
  CHECK(imported.skipped.malformed == 2);
  CHECK(imported.it_respondents == 1);
}
