// The checker's diagnostics about declarations and their fields: required fields, fields given
// twice or in the wrong kind of declaration, and values that cannot be right (scales, benchmarks).
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {
namespace code = dsl::code;

TEST_CASE("a missing required field is reported at the declaration's id", "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
end
finding a
  title "A"
  severity low
  when true
  evidence s "q"
end
)");
  const auto& d = rules.only(code::missing_field);
  CHECK(at(d) == "4:9");
  CHECK(d.message == "finding 'a' has no 'narrative'");
  CHECK(d.help == "add a line such as `narrative \"...\"`");
}

TEST_CASE("every required field of a recommendation is asked for", "[checker][fields]") {
  const CheckedRules rules("recommendation r\n  title \"R\"\nend\n");
  const auto missing = rules.with_code(code::missing_field);
  REQUIRE(missing.size() == 5);
  CHECK(missing[0]->message == "recommendation 'r' has no 'owner'");
  CHECK(missing[1]->message == "recommendation 'r' has no 'horizon'");
  CHECK(missing[2]->message == "recommendation 'r' has no 'when'");
  CHECK(missing[3]->message == "recommendation 'r' has no 'priority'");
  CHECK(missing[4]->message == "recommendation 'r' has no 'action'");
  for (const auto* d : missing) CHECK(at(*d) == "1:16");
}

TEST_CASE("a single-valued field given twice is reported at the second with a note at the first",
          "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
  title "T"
end
)");
  const auto& d = rules.only(code::duplicate_field);
  CHECK(at(d) == "3:3");
  CHECK(d.message == "'title' is given twice in source 's'");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "first given here");
  CHECK(at(*d.notes[0].where) == "2:3");
}

TEST_CASE("repeatable fields (evidence, action, benchmark) may be given many times", "[checker][fields]") {
  const CheckedRules rules(rules_with("it.sat < 30%"));
  CHECK(rules.with_code(code::duplicate_field).empty());
}

TEST_CASE("a field of another kind of declaration is not allowed", "[checker][fields]") {
  // The parser already refuses such fields, so the syntax tree is completed by hand: the checker
  // must hold for any tree, not only for the ones today's parser builds.
  const dsl::SourceFile source("test.rules", "source s\n  title \"S\"\n  # severity high\nend\n");
  auto parsed = dsl::parse_rule_file(source);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.declarations.size() == 1);
  const auto begin = static_cast<std::uint32_t>(source.text().find("severity"));
  parsed.file.declarations[0].fields.push_back(dsl::SeverityField{dsl::Severity::High, {begin, begin + 13}});
  const auto result = check({{&source, parsed.file}});
  REQUIRE(result.diagnostics.size() == 2);  // and the unused source
  const auto& d = result.diagnostics[1];
  CHECK(d.code == code::field_not_allowed);
  CHECK(at(d) == "3:5");
  CHECK(d.message == "'severity' is not a field of a source");
  CHECK(d.help == "a source has these fields: title, by, year, sample, url, note");
  CHECK_FALSE(result.rules.has_value());
}

TEST_CASE("a metric without a kind is reported once, not again wherever it is used", "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
end
metric m
  question "Q"
  asked company
end
finding f
  title "F"
  severity low
  when m and m > 3
  evidence s "q"
  narrative "n"
end
)");
  CHECK(rules.only(code::missing_field).message == "metric 'm' has no 'kind'");
  CHECK(rules.with_code(code::type_error).empty());
}

TEST_CASE("a scale whose low end is not below its high end is a bad value", "[checker][fields]") {
  const CheckedRules rules(R"(metric m
  question "Q"
  kind scale 5 to 1
  asked it
end
)");
  const auto& d = rules.only(code::bad_value);
  CHECK(at(d) == "3:3");
  CHECK(d.message == "a scale runs from its lowest answer to its highest, but 5 to 1 does not");
}

TEST_CASE("a benchmark for a group the metric is not asked of is reported", "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
end
metric m
  question "Q"
  kind share
  asked marketing
  benchmark it about 10% from s
end
)");
  const auto& d = rules.only(code::group_not_asked);
  CHECK(at(d) == "8:3");
  CHECK(d.message == "metric 'm' is not asked of it, so it has no it figure to compare with a benchmark");
  REQUIRE(d.notes.size() == 1);
  CHECK(at(*d.notes[0].where) == "7:3");
}

TEST_CASE("a share's benchmark written as a plain number outside 0..1 suggests a percentage", "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
end
metric m
  question "Q"
  kind share
  asked it
  benchmark it 50 from s
end
)");
  const auto& d = rules.only(code::bad_value);
  CHECK(at(d) == "8:16");
  CHECK(d.message == "benchmark 50 is outside the range of metric 'm' (0% to 100%)");
  CHECK(d.help == "a share is written as a percentage: did you mean 50%?");
}

TEST_CASE("a scale's benchmark outside its range is a bad value", "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
end
metric m
  question "Q"
  kind scale 1 to 5
  asked it
  benchmark it over 7 from s
end
)");
  const auto& d = rules.only(code::bad_value);
  CHECK(at(d) == "8:21");
  CHECK(d.message == "benchmark 7 is outside the range of metric 'm' (1 to 5)");
}

TEST_CASE("a second benchmark for the same group is a duplicate field", "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
end
metric m
  question "Q"
  kind share
  asked it
  benchmark it 10% from s
  benchmark it 20% from s
end
)");
  const auto& d = rules.only(code::duplicate_field);
  CHECK(at(d) == "9:3");
  CHECK(at(*d.notes.at(0).where) == "8:3");
}

TEST_CASE("a percent literal above 100% is out of range, in a benchmark or a condition", "[checker][fields]") {
  SECTION("benchmark") {
    const CheckedRules rules(R"(source s
  title "S"
end
metric m
  question "Q"
  kind share
  asked it
  benchmark it 120% from s
end
)");
    const auto& d = rules.only(code::percent_out_of_range);
    CHECK(at(d) == "8:16");
    CHECK(d.message == "120% is not between 0% and 100%");
  }
  SECTION("condition") {
    const CheckedRules rules(rules_with("it.sat < 150%"));
    const auto& d = rules.only(code::percent_out_of_range);
    CHECK(at(d) == "23:17");
    CHECK(d.where.length == 4);
  }
  SECTION("points beyond 100pp") {
    const CheckedRules rules(rules_with("gap(sat) > 200pp"));
    const auto& d = rules.only(code::percent_out_of_range);
    CHECK(at(d) == "23:19");
    CHECK(d.message == "200pp is not between -100pp and 100pp");
  }
}

TEST_CASE("a placeholder in a text that is shown as written is reported", "[checker][fields]") {
  const CheckedRules rules("source s\n  title \"About {it.sat}\"\nend\n");
  const auto& d = rules.only(code::bad_placeholder);
  CHECK(at(d) == "2:17");
  CHECK(d.message == "a title is shown as written, so it cannot hold a placeholder");
}

TEST_CASE("a year must be plausible, a sample must list each group once, a horizon must be positive",
          "[checker][fields]") {
  const CheckedRules rules(R"(source s
  title "S"
  year 0
  sample it 5, it 6
end
recommendation r
  title "R"
  owner cio
  horizon 0 days
  when true
  priority 1
  action "a"
end
)");
  const auto bad = rules.with_code(code::bad_value);
  REQUIRE(bad.size() == 3);
  CHECK(at(*bad[0]) == "3:3");
  CHECK(bad[0]->message == "0 is not a year");
  CHECK(at(*bad[1]) == "4:16");
  CHECK(bad[1]->message == "the sample lists it twice");
  CHECK(at(*bad[2]) == "9:3");
  CHECK(bad[2]->message == "a horizon is a whole number of days, not 0");
}

TEST_CASE("a rule set with no declarations at all is an error", "[checker][fields]") {
  const CheckedRules rules("# nothing here yet\n");
  const auto& d = rules.only(code::no_rules);
  CHECK(d.where.file == "test.rules");
  CHECK_FALSE(rules.result().rules.has_value());
}

TEST_CASE("a broken rule set never throws and reports every problem sorted by location", "[checker]") {
  // Catch fails the test on any exception escaping the constructor.
  const CheckedRules rules(rules_with("not sta + 150% and gap(meetings) or zz(1) > true", "f"));
  const auto& diags = rules.diagnostics();
  REQUIRE(diags.size() >= 4);
  for (std::size_t i = 1; i < diags.size(); ++i) CHECK_FALSE(diags[i].where < diags[i - 1].where);
  CHECK_FALSE(rules.result().rules.has_value());
}

TEST_CASE("an expression nested deeper than the checker walks is refused rather than crashed on",
          "[checker][fields]") {
  // The parser caps nesting itself; a tree built by other means must not exhaust the stack either.
  const dsl::SourceFile source("test.rules", rules_with("true"));
  auto parsed = dsl::parse_rule_file(source);
  REQUIRE(parsed.diagnostics.empty());
  dsl::Expr deep;
  deep.kind = dsl::ExprKind::Truth;
  for (int i = 0; i < 5000; ++i) {
    dsl::Expr wrapper;
    wrapper.kind = dsl::ExprKind::Unary;
    wrapper.op = dsl::Op::Not;
    wrapper.args.push_back(std::move(deep));
    deep = std::move(wrapper);
  }
  bool replaced = false;
  for (auto& field : parsed.file.declarations.at(4).fields)
    if (auto* when = std::get_if<dsl::ExprField>(&field); when && when->key == dsl::FieldKey::When) {
      deep.span = when->expr.span;
      when->expr = std::move(deep);
      replaced = true;
    }
  REQUIRE(replaced);
  const auto result = check({{&source, parsed.file}});
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == dsl::code::nesting_too_deep);
  CHECK(at(result.diagnostics[0]) == "23:8");
}

}  // namespace rapport::engine::testing
