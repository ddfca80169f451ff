// Parsing rule test files: the cases and expectations read from TOML, and every mistake a rule writer
// can make reported at its place, in the profile loader's words where a value is at fault.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "tester_fixture.hpp"

using namespace rapport::engine;
using namespace rapport::engine::testing;
namespace code = rapport::dsl::code;

namespace {

const std::string kCase = "[[case]]\nname = \"c\"\n";

std::string place(const rapport::dsl::Diagnostic& d) { return at(d); }

}  // namespace

TEST_CASE("a test file's cases keep their names, places, values and expectations in the order written",
          "[tester]") {
  const RuleTestFile file = parse_tests(R"(# two cases
[[case]]
name = "a quarter of IT satisfied is unhappy"
[case.it]
satisfied = "25%"
[case.company_metrics]
meetings = 2
[case.expect]
recommended = ["close_gap"]
fired = ["unhappy"]
not_fired = ["silent", "distrust"]

[[case]]
name = "the client, ranked"
profile = "../client.toml"
missing = ["it.trust", "meetings"]
[case.expect]
unknown = ["distrust"]
not_recommended = ["talk"]
order = ["close_gap", "rebuild_trust"]
)");
  INFO(dump(file.diagnostics));
  REQUIRE(file.diagnostics.empty());
  REQUIRE(file.cases.size() == 2);

  const RuleTestCase& first = file.cases[0];
  CHECK(first.name == "a quarter of IT satisfied is unhappy");
  CHECK(at(first.where) == "2:1");
  CHECK_FALSE(first.base_profile);
  const RuleSet& rules = tester_rules();
  CHECK(first.values.values[slot_named(rules, "satisfied", Audience::It)] == Approx(0.25));
  CHECK(first.values.values[slot_named(rules, "meetings", Audience::Company)] == 2);
  CHECK(is_unknown(first.values.values[slot_named(rules, "satisfied", Audience::Marketing)]));
  // Written order (file position), not the alphabetical order TOML tables keep.
  REQUIRE(first.expectations.size() == 4);
  CHECK(first.expectations[0].expect == Expect::Recommended);
  CHECK(first.expectations[0].id == recommendation_index(rules, "close_gap"));
  CHECK(at(first.expectations[0].where) == "9:16");
  CHECK(first.expectations[1].expect == Expect::Fired);
  CHECK(first.expectations[2].expect == Expect::NotFired);
  CHECK(first.expectations[2].id == finding_index(rules, "silent"));
  CHECK(first.expectations[3].id == finding_index(rules, "distrust"));
  CHECK_FALSE(first.order);

  const RuleTestCase& second = file.cases[1];
  CHECK(at(second.where) == "13:1");
  CHECK(second.base_profile == "../client.toml");
  CHECK(at(second.base_profile_where) == "15:11");
  CHECK(second.missing == std::vector<std::uint32_t>{slot_named(rules, "trust", Audience::It),
                                                     slot_named(rules, "meetings", Audience::Company)});
  REQUIRE(second.order);
  CHECK(second.order->recommendations == std::vector<std::uint32_t>{recommendation_index(rules, "close_gap"),
                                                                    recommendation_index(rules, "rebuild_trust")});
  CHECK(at(second.order->where) == "20:1");
}

TEST_CASE("a case may leave out [company], and may give one without a name", "[tester]") {
  const RuleTestFile file =
      parse_tests(kCase + "[case.company]\nindustry = \"Retail\"\n[case.expect]\nfired = [\"silent\"]\n");
  INFO(dump(file.diagnostics));
  REQUIRE(file.cases.size() == 1);
  CHECK(file.cases[0].values.company.name.empty());
  CHECK(file.cases[0].values.company.industry == "Retail");
}

TEST_CASE("a bad value in a case reads exactly like a bad value in a profile, at its place", "[tester]") {
  const auto d = only_error(kCase + "[case.it]\nsatisfied = 58\n[case.expect]\nfired = [\"unhappy\"]\n");
  CHECK(d.code == code::out_of_range);
  CHECK(place(d) == "4:13");
  CHECK(d.where.file == "cases.test.toml");
  CHECK(d.message == "'satisfied' is 58, outside 0 to 1 (shares are fractions)");
  CHECK(d.help == "write 0.58 or \"58%\"");
}

TEST_CASE("a misspelt metric in a case names the case's table and suggests the metric", "[tester]") {
  const auto d = only_error(kCase + "[case.it]\nsatisfed = 0.5\n[case.expect]\nfired = [\"unhappy\"]\n");
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "4:1");
  CHECK(d.message == "unknown metric 'satisfed' in [case.it]");
  CHECK(d.help == "did you mean 'satisfied'?");
}

TEST_CASE("a metric written straight into a case is told which tables take it", "[tester]") {
  const auto d = only_error(kCase + "satisfied = 0.5\n[case.expect]\nfired = [\"unhappy\"]\n");
  CHECK(d.code == code::unknown_key);
  CHECK(place(d) == "3:1");
  CHECK(d.help == "put 'satisfied' under [case.it] or [case.marketing]");
}

TEST_CASE("an expectation written straight into a case is told to go under [case.expect]", "[tester]") {
  const auto d = only_error(kCase + "fired = [\"unhappy\"]\n");
  CHECK(d.message == "unknown key 'fired' in a case");
  CHECK(d.help == "put 'fired' under [case.expect]");
}

TEST_CASE("an unknown finding is reported at the id, with the nearest finding suggested", "[tester]") {
  const auto d = only_error(kCase + "[case.expect]\nfired = [\"silent\", \"unhapy\"]\n");
  CHECK(d.code == code::unknown_id);
  CHECK(place(d) == "4:20");
  CHECK(d.where.length == 8);
  CHECK(d.message == "unknown finding 'unhapy' in fired");
  CHECK(d.help == "did you mean 'unhappy'?");
}

TEST_CASE("an unknown recommendation in order is reported with the nearest recommendation", "[tester]") {
  const auto file = parse_tests(kCase + "[case.expect]\norder = [\"talk\", \"close_gaps\", \"rebuild_trust\"]\n");
  INFO(dump(file.diagnostics));
  REQUIRE(file.diagnostics.size() == 1);
  CHECK(file.diagnostics[0].message == "unknown recommendation 'close_gaps' in order");
  CHECK(file.diagnostics[0].help == "did you mean 'close_gap'?");
  CHECK(place(file.diagnostics[0]) == "4:18");
}

TEST_CASE("an id far from every known one says no such id is declared", "[tester]") {
  const auto d = only_error(kCase + "[case.expect]\nnot_recommended = [\"hire_a_consultant\"]\n");
  CHECK(d.code == code::unknown_id);
  CHECK(d.help == "no recommendation by that name is declared in the rules");
}

TEST_CASE("a recommendation listed as a finding, or the reverse, says where it belongs", "[tester]") {
  auto d = only_error(kCase + "[case.expect]\nfired = [\"talk\"]\n");
  CHECK(d.code == code::wrong_kind_of_id);
  CHECK(d.message == "'talk' is a recommendation, not a finding");
  CHECK(d.help == "list it under recommended or not_recommended");
  d = only_error(kCase + "[case.expect]\nrecommended = [\"silent\"]\n");
  CHECK(d.message == "'silent' is a finding, not a recommendation");
  CHECK(d.help == "list it under fired, not_fired or unknown");
  d = only_error(kCase + "[case.expect]\nunknown = [\"meetings\"]\n");
  CHECK(d.message == "'meetings' is a metric, not a finding");
}

TEST_CASE("a finding expected both fired and not fired is a contradiction, with a note at the first",
          "[tester]") {
  const auto d = only_error(kCase + "[case.expect]\nfired = [\"silent\"]\nnot_fired = [\"silent\"]\n");
  CHECK(d.code == code::bad_value);
  CHECK(place(d) == "5:14");
  CHECK(d.message == "'silent' is expected both fired and not fired");
  REQUIRE(d.notes.size() == 1);
  REQUIRE(d.notes[0].where);
  CHECK(at(*d.notes[0].where) == "4:10");
}

TEST_CASE("a recommendation both recommended and not, or ranked and not recommended, is a contradiction",
          "[tester]") {
  auto d = only_error(kCase + "[case.expect]\nrecommended = [\"talk\"]\nnot_recommended = [\"talk\"]\n");
  CHECK(d.message == "'talk' is expected both recommended and not recommended");
  d = only_error(kCase + "[case.expect]\norder = [\"talk\", \"close_gap\"]\nnot_recommended = [\"talk\"]\n");
  CHECK(d.message == "'talk' is expected not recommended, but order ranks it");
  CHECK(place(d) == "5:20");
}

TEST_CASE("an id listed twice in one list is reported at the repeat", "[tester]") {
  auto d = only_error(kCase + "[case.expect]\nfired = [\"silent\", \"silent\"]\n");
  CHECK(d.code == code::duplicate_id);
  CHECK(place(d) == "4:20");
  d = only_error(kCase + "[case.expect]\norder = [\"talk\", \"close_gap\", \"talk\"]\n");
  CHECK(d.message == "'talk' is listed twice in order");
}

TEST_CASE("an order of one recommendation is refused: recommended says that", "[tester]") {
  const auto d = only_error(kCase + "[case.expect]\norder = [\"talk\"]\n");
  CHECK(d.code == code::bad_value);
  CHECK(d.message == "an order needs at least two recommendations");
  CHECK(place(d) == "4:9");
}

TEST_CASE("expectations must be lists of text", "[tester]") {
  auto d = only_error(kCase + "[case.expect]\nfired = \"silent\"\n");
  CHECK(d.code == code::wrong_type);
  CHECK(d.message == "'fired' takes a list of ids, not a string");
  CHECK(d.help == "write the ids in square brackets, e.g. fired = [\"low_trust\"]");
  d = only_error(kCase + "[case.expect]\nfired = [\"silent\", 3]\n");
  CHECK(d.message == "'fired' lists ids, which are text, not an integer");
  CHECK(place(d) == "4:20");
  d = only_error(kCase + "expect = 3\n");
  CHECK(d.message == "'expect' must be a table, not an integer");
}

TEST_CASE("an unknown key in [case.expect] suggests the nearest expectation", "[tester]") {
  const auto file = parse_tests(kCase + "[case.expect]\nfired = [\"silent\"]\nnot_fire = [\"unhappy\"]\n");
  INFO(dump(file.diagnostics));
  REQUIRE(file.diagnostics.size() == 1);
  CHECK(file.diagnostics[0].message == "unknown key 'not_fire' in [case.expect]");
  CHECK(file.diagnostics[0].help == "did you mean 'not_fired'?");
}

TEST_CASE("a case without a name, or expecting nothing, is reported at its header", "[tester]") {
  const auto file = parse_tests("# header\n[[case]]\n[case.it]\nsatisfied = 0.5\n\n[[case]]\nname = \"empty\"\n"
                                "[case.expect]\nfired = []\n");
  INFO(dump(file.diagnostics));
  REQUIRE(file.diagnostics.size() == 3);
  CHECK(place(file.diagnostics[0]) == "2:1");
  CHECK(file.diagnostics[0].message == "the case has no name");
  CHECK(file.diagnostics[0].where.length == 8);
  CHECK(place(file.diagnostics[1]) == "2:1");
  CHECK(file.diagnostics[1].message == "the case expects nothing, so it could never fail");
  CHECK(place(file.diagnostics[2]) == "6:1");
  CHECK(file.diagnostics[2].code == code::missing_field);
}

TEST_CASE("a value listed as missing must name a metric value, of the right group", "[tester]") {
  auto d = only_error(kCase + "missing = [\"it.satisfed\"]\n[case.expect]\nfired = [\"silent\"]\n");
  CHECK(d.code == code::unknown_id);
  CHECK(place(d) == "3:12");
  CHECK(d.help == "did you mean 'it.satisfied'?");
  d = only_error(kCase + "missing = [\"trust\"]\n[case.expect]\nfired = [\"silent\"]\n");
  CHECK(d.message == "'trust' is not asked of the company as a whole");
  CHECK(d.help == "say which group's value is missing: it.trust or marketing.trust");
}

TEST_CASE("a case cannot both give a value and list it as missing", "[tester]") {
  const auto d = only_error(kCase + "missing = [\"meetings\"]\n[case.company_metrics]\nmeetings = 2\n"
                                    "[case.expect]\nfired = [\"silent\"]\n");
  CHECK(d.code == code::bad_value);
  CHECK(place(d) == "3:12");
  CHECK(d.message == "the case both gives a value for 'meetings' and lists it as missing");
}

TEST_CASE("a base profile is named by a non-empty path", "[tester]") {
  auto d = only_error(kCase + "profile = 3\n[case.expect]\nfired = [\"silent\"]\n");
  CHECK(d.code == code::wrong_type);
  CHECK(d.message == "'profile' takes a path, not an integer");
  d = only_error(kCase + "profile = \"\"\n[case.expect]\nfired = [\"silent\"]\n");
  CHECK(d.message == "the base profile's path is empty");
}

TEST_CASE("a test file holds only [[case]] tables", "[tester]") {
  auto d = only_error("[case]\nname = \"c\"\n");
  CHECK(d.code == code::wrong_type);
  CHECK(d.help == "write [[case]] with double brackets, once before each case");
  d = only_error("[cases]\nx = 1\n");
  CHECK(d.message == "unknown key 'cases' outside any case");
  CHECK(d.help == "did you mean 'case'?");
  d = only_error("name = \"loose\"\n");
  CHECK(d.help == "put 'name' in a case, below a [[case]] header");
}

TEST_CASE("a test file with no cases, or that is not TOML, is one error", "[tester]") {
  auto d = only_error("# nothing here\n");
  CHECK(d.code == code::missing_field);
  CHECK(d.message == "the test file has no cases");
  CHECK_FALSE(d.where.has_position());
  d = only_error("[[case]]\nname = \"unclosed\n");
  CHECK(d.code == code::profile_syntax);
  CHECK(d.where.line == 2);
  CHECK(d.message.rfind("invalid TOML: ", 0) == 0);
}

TEST_CASE("every error in a test file is reported, not only the first, and no case is returned", "[tester]") {
  const auto file = parse_tests(kCase + "[case.it]\nsatisfied = 58\n[case.expect]\nfired = [\"unhapy\"]\n\n" + kCase +
                                "[case.expect]\nrecommended = [\"silent\"]\n");
  INFO(dump(file.diagnostics));
  CHECK(file.cases.empty());
  REQUIRE(file.diagnostics.size() == 3);
  CHECK(place(file.diagnostics[0]) == "4:13");
  CHECK(place(file.diagnostics[1]) == "6:10");
  CHECK(place(file.diagnostics[2]) == "11:16");
}
