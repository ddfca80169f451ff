// The checker's diagnostics about names: unknown ids (with suggestions), duplicate ids, ids of
// the wrong kind, groups a metric is not asked of, functions and their arguments, sources.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {
namespace code = dsl::code;

TEST_CASE("the standard fixture checks clean, without errors or warnings", "[checker]") {
  const CheckedRules rules(rules_with("it.sat < 30%"));
  INFO(rules.dump());
  CHECK(rules.diagnostics().empty());
  CHECK(rules.rules().findings.size() == 1);
}

TEST_CASE("an unknown metric is reported at its name with the closest id as a suggestion", "[checker][names]") {
  const CheckedRules rules(rules_with("it.sta < 30%"));
  const auto& d = rules.only(code::unknown_id);
  CHECK(d.severity == dsl::DiagSeverity::Error);
  CHECK(d.where.file == "test.rules");
  CHECK(at(d) == "23:11");
  CHECK(d.where.length == 3);
  CHECK(d.message == "unknown metric 'sta'");
  CHECK(d.help == "did you mean 'sat'?");
  CHECK_FALSE(rules.result().rules.has_value());
}

TEST_CASE("an unknown name far from every id gets no suggestion", "[checker][names]") {
  const CheckedRules rules(rules_with("zzzzzzzz"));
  const auto& d = rules.only(code::unknown_id);
  CHECK(at(d) == "23:8");
  CHECK(d.message == "unknown name 'zzzzzzzz'");
  CHECK(d.help.empty());
}

TEST_CASE("a misspelt finding name suggests the finding", "[checker][names]") {
  const CheckedRules rules(rules_with("it.sat < 30%", "50", "ff"));
  const auto& d = rules.only(code::unknown_id);
  CHECK(at(d) == "31:8");
  CHECK(d.help == "did you mean 'f'?");
}

TEST_CASE("a duplicate id names both places and notes the first declaration", "[checker][names]") {
  const CheckedRules rules({{"a.rules", "source shared\n  title \"S\"\nend\n"},
                            {"b.rules", "# the same id again\nmetric shared\n  question \"Q\"\n  kind flag\n  asked company\nend\n"}});
  const auto& d = rules.only(code::duplicate_id);
  CHECK(d.where.file == "b.rules");
  CHECK(at(d) == "2:8");
  CHECK(d.message == "'shared' is declared twice: this metric and the source at a.rules:1:8");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "first declared here");
  REQUIRE(d.notes[0].where.has_value());
  CHECK(d.notes[0].where->file == "a.rules");
  CHECK(at(*d.notes[0].where) == "1:8");
}

TEST_CASE("a source used where a metric is expected is the wrong kind of id", "[checker][names]") {
  const CheckedRules rules(rules_with("it.accenture < 30%"));
  const auto& d = rules.only(code::wrong_kind_of_id);
  CHECK(at(d) == "23:11");
  CHECK(d.message == "'accenture' is a source, not a metric");
  REQUIRE(d.notes.size() == 1);
  CHECK(at(*d.notes[0].where) == "1:8");
}

TEST_CASE("a recommendation cannot be used in an expression", "[checker][names]") {
  const CheckedRules rules(rules_with("r"));
  const auto& d = rules.only(code::wrong_kind_of_id);
  CHECK(at(d) == "23:8");
  CHECK(d.message == "'r' is a recommendation, but an expression can only use metrics and findings");
}

TEST_CASE("a group reference to a group the metric is not asked of is reported with the way to write it",
          "[checker][names]") {
  const CheckedRules rules(rules_with("marketing.score > 3"));
  const auto& d = rules.only(code::group_not_asked);
  CHECK(at(d) == "23:8");
  CHECK(d.where.length == 15);
  CHECK(d.message == "metric 'score' is not asked of marketing");
  CHECK(d.help == "write it.score instead of marketing.score");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "'score' is asked of it here");
  CHECK(at(*d.notes[0].where) == "18:3");
}

TEST_CASE("a group reference to a company-level metric says to write its plain name", "[checker][names]") {
  const CheckedRules rules(rules_with("it.meetings > 1"));
  const auto& d = rules.only(code::group_not_asked);
  CHECK(at(d) == "23:8");
  CHECK(d.help == "write meetings instead of it.meetings");
}

TEST_CASE("a plain name for a metric asked of groups says to write it.x or marketing.x", "[checker][names]") {
  const CheckedRules rules(rules_with("sat < 30%"));
  const auto& d = rules.only(code::group_not_asked);
  CHECK(at(d) == "23:8");
  CHECK(d.message == "metric 'sat' is asked of it and marketing, not of the company as a whole");
  CHECK(d.help == "write it.sat or marketing.sat instead of sat");
}

TEST_CASE("an unknown function suggests the closest function name", "[checker][names]") {
  const CheckedRules rules(rules_with("abss(gap(sat)) > 10pp"));
  const auto& d = rules.only(code::unknown_function);
  CHECK(at(d) == "23:8");
  CHECK(d.message == "unknown function 'abss'");
  CHECK(d.help == "did you mean 'abs'?");
}

TEST_CASE("an unknown function far from every name lists the functions", "[checker][names]") {
  const CheckedRules rules(rules_with("frobnicate(it.sat) > 10%"));
  const auto& d = rules.only(code::unknown_function);
  CHECK(d.help == "the functions are gap, abs, min, max, known, default, all, any, benchmark, weight, n, ci_low, "
                  "ci_high, p_value, significant");
}

TEST_CASE("a function given the wrong number of arguments says how many it takes", "[checker][names]") {
  SECTION("too few for a variadic function") {
    const CheckedRules rules(rules_with("min(it.sat) < 10%"));
    const auto& d = rules.only(code::wrong_arguments);
    CHECK(at(d) == "23:8");
    CHECK(d.message == "'min' takes at least 2 arguments, but is given 1");
    CHECK(d.help == "write min(a, b, ...)");
  }
  SECTION("too many for a fixed one") {
    const CheckedRules rules(rules_with("gap(sat, sat) > 10pp"));
    const auto& d = rules.only(code::wrong_arguments);
    CHECK(at(d) == "23:8");
    CHECK(d.message == "'gap' takes 1 argument, but is given 2");
  }
  SECTION("none for known") {
    const CheckedRules rules(rules_with("known()"));
    CHECK(rules.only(code::wrong_arguments).message == "'known' takes 1 argument, but is given 0");
  }
}

TEST_CASE("gap takes a metric's bare name", "[checker][names]") {
  const CheckedRules rules(rules_with("gap(it.sat) > 10pp"));
  const auto& d = rules.only(code::wrong_arguments);
  CHECK(at(d) == "23:12");
  CHECK(d.help == "gap already compares it with marketing: write gap(sat)");
}

TEST_CASE("gap needs a metric asked of both groups", "[checker][names]") {
  const CheckedRules rules(rules_with("gap(score) > 1"));
  const auto& d = rules.only(code::group_not_asked);
  CHECK(at(d) == "23:12");
  CHECK(d.message == "gap(score) needs metric 'score' asked of both it and marketing, but it is asked of it");
}

TEST_CASE("benchmark of a group without a published figure is reported", "[checker][names]") {
  const CheckedRules rules(rules_with("it.sat < benchmark(marketing.sat)"));
  const auto& d = rules.only(code::no_benchmark);
  CHECK(at(d) == "23:17");
  CHECK(d.message == "metric 'sat' has no marketing benchmark");
}

TEST_CASE("benchmark of a plain name needs a company-level metric", "[checker][names]") {
  const CheckedRules rules(rules_with("it.sat < benchmark(sat)"));
  const auto& d = rules.only(code::group_not_asked);
  CHECK(at(d) == "23:27");
  CHECK(d.help == "write it.sat or marketing.sat instead of sat");
}

TEST_CASE("an unknown source in evidence is reported at the source name with a suggestion", "[checker][names]") {
  const CheckedRules rules(R"(source accenture
  title "S"
end
finding a
  title "A"
  severity low
  when true
  evidence acenture "one in ten"
  narrative "n"
end
)");
  const auto& d = rules.only(code::unknown_id);
  CHECK(at(d) == "8:12");
  CHECK(d.message == "unknown source 'acenture'");
  CHECK(d.help == "did you mean 'accenture'?");
}

TEST_CASE("a metric named as a benchmark's source is the wrong kind of id", "[checker][names]") {
  const CheckedRules rules(R"(metric m
  question "Q"
  kind share
  asked it
  benchmark it 10% from m
end
)");
  const auto& d = rules.only(code::wrong_kind_of_id);
  CHECK(at(d) == "5:25");
  CHECK(d.message == "'m' is a metric, not a source");
}

}  // namespace rapport::engine::testing
