// The checker's type rules: truth where conditions and logic need it, numbers where arithmetic,
// ordering and priorities need them, one kind on both sides of = and !=; and finding cycles.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {
namespace code = dsl::code;

TEST_CASE("a number where 'and' needs truth is a type error at that operand", "[checker][types]") {
  const CheckedRules rules(rules_with("it.sat and meetings > 1"));
  const auto& d = rules.only(code::type_error);
  CHECK(at(d) == "23:8");
  CHECK(d.where.length == 6);
  CHECK(d.message == "'and' needs a truth value, but 'it.sat' is a percentage");
  CHECK(d.help == "compare it with a threshold, e.g. `it.sat < 30%`");
}

TEST_CASE("a condition that is a number is a type error", "[checker][types]") {
  const CheckedRules rules(rules_with("meetings + 1"));
  const auto& d = rules.only(code::type_error);
  CHECK(at(d) == "23:8");
  CHECK(d.message == "a 'when' condition must be true or false, but this is a number");
  CHECK(d.help == "compare it with a threshold, e.g. `meetings + 1 < 3`");
}

TEST_CASE("truth where a comparison needs a number is a type error", "[checker][types]") {
  const CheckedRules rules(rules_with("meetings > true"));
  const auto& d = rules.only(code::type_error);
  CHECK(at(d) == "23:19");
  CHECK(d.message == "'>' needs a number, but 'true' is a truth value");
}

TEST_CASE("= compares values of one kind only", "[checker][types]") {
  const CheckedRules rules(rules_with("it.sat = true"));
  const auto& d = rules.only(code::type_error);
  CHECK(at(d) == "23:17");
  CHECK(d.message == "'=' compares values of one kind, but 'it.sat' is a percentage and 'true' is a truth value");
}

TEST_CASE("not, all and any need truth values", "[checker][types]") {
  SECTION("not") {
    const CheckedRules rules(rules_with("not meetings"));
    const auto& d = rules.only(code::type_error);
    CHECK(at(d) == "23:12");
    CHECK(d.message == "'not' needs a truth value, but 'meetings' is a number");
  }
  SECTION("all") {
    const CheckedRules rules(rules_with("all(true, it.sat)"));
    const auto& d = rules.only(code::type_error);
    CHECK(at(d) == "23:18");
    CHECK(d.message == "'all' needs a truth value, but 'it.sat' is a percentage");
  }
}

TEST_CASE("arithmetic on truth values is a type error", "[checker][types]") {
  const CheckedRules rules(rules_with("f + 1 > 0"));
  const auto type_errors = rules.with_code(code::type_error);
  REQUIRE(type_errors.size() == 1);
  CHECK(at(*type_errors[0]) == "23:8");
  CHECK(type_errors[0]->message == "'+' needs a number, but 'f' is a truth value");
}

TEST_CASE("default's fallback must be of the same kind as its value", "[checker][types]") {
  const CheckedRules rules(rules_with("default(it.sat, true) > 10%"));
  const auto& d = rules.only(code::type_error);
  CHECK(at(d) == "23:24");
}

TEST_CASE("a priority that is a truth value is a type error", "[checker][types]") {
  const CheckedRules rules(rules_with("it.sat < 30%", "f"));
  const auto& d = rules.only(code::type_error);
  CHECK(at(d) == "32:12");
  CHECK(d.message == "a priority must be a number, but this is a truth value");
}

TEST_CASE("an unknown name is reported once, not again as a type error above it", "[checker][types]") {
  const CheckedRules rules(rules_with("sta + 1 < 2 and zz"));
  CHECK(rules.with_code(code::unknown_id).size() == 2);
  CHECK(rules.with_code(code::type_error).empty());
}

// Findings a and b read each other; c reads itself. Positions are where the reads are written.
const char* const kCycles = R"(source s
  title "S"
end
finding a
  title "A"
  severity low
  when b
  evidence s "q"
  narrative "n"
end
finding b
  title "B"
  severity low
  when not a
  evidence s "q"
  narrative "n"
end
finding c
  title "C"
  severity low
  when true and c
  evidence s "q"
  narrative "n"
end
)";

TEST_CASE("findings that read each other are a cycle, listed in the message", "[checker][cycles]") {
  const CheckedRules rules(kCycles);
  const auto cycles = rules.with_code(code::finding_cycle);
  REQUIRE(cycles.size() == 2);
  CHECK(at(*cycles[0]) == "7:8");
  CHECK(cycles[0]->message == "findings depend on each other in a cycle: a -> b -> a");
  REQUIRE(cycles[0]->notes.size() == 1);
  CHECK(cycles[0]->notes[0].message == "'b' uses 'a' here");
  CHECK(at(*cycles[0]->notes[0].where) == "14:12");
  CHECK(at(*cycles[1]) == "21:17");
  CHECK(cycles[1]->message == "findings depend on each other in a cycle: c -> c");
  CHECK_FALSE(rules.result().rules.has_value());
}

TEST_CASE("a longer cycle is reported once, from its first finding", "[checker][cycles]") {
  std::string text = "source s\n  title \"S\"\nend\n";
  text += finding_text("x", "true") + finding_text("a", "x and c") + finding_text("b", "a") +
          finding_text("c", "b or x");
  const CheckedRules rules(text);
  const auto& d = rules.only(code::finding_cycle);
  CHECK(d.message == "findings depend on each other in a cycle: a -> c -> b -> a");
  CHECK(d.notes.size() == 2);
}

TEST_CASE("findings reading findings without a cycle are fine", "[checker][cycles]") {
  std::string text = "source s\n  title \"S\"\nend\n";
  text += finding_text("a", "b and c") + finding_text("b", "c") + finding_text("c", "true");
  const CheckedRules rules(text);
  CHECK(rules.with_code(code::finding_cycle).empty());
  CHECK_FALSE(rules.with_code(code::unused_finding).empty());  // no recommendation: only warnings
  CHECK(rules.result().rules.has_value());
}

}  // namespace rapport::engine::testing
