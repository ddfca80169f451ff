// Unit inference (spec "Units"): every compiled expression carries the unit that says how to
// show its value. Checked on the placeholders of one narrative, one unit per placeholder.
#include <catch2/catch.hpp>

#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

// Each row: a placeholder expression and the unit it must have.
struct Case {
  const char* expr;
  Unit unit;
};

const Case kCases[] = {
    {"it.sat", Unit::Percent},                  // share metric
    {"it.score", Unit::Plain},                  // scale metric
    {"meetings", Unit::Plain},                  // number metric
    {"has_cmo", Unit::Truth},                   // flag metric
    {"base", Unit::Truth},                      // finding
    {"10pp", Unit::Points},                     // literal by its unit
    {"gap(sat)", Unit::Points},
    {"it.sat - marketing.sat", Unit::Points},   // Percent - Percent
    {"it.sat + marketing.sat", Unit::Percent},  // same unit
    {"gap(sat) - 10pp", Unit::Points},
    {"it.sat + 0.05", Unit::Percent},           // a Plain literal takes the other side's unit
    {"1 - it.sat", Unit::Percent},
    {"it.sat - 10pp", Unit::Plain},             // mixed units
    {"it.sat - meetings", Unit::Plain},
    {"2 * it.sat", Unit::Plain},                // * and / are Plain
    {"it.sat / marketing.sat", Unit::Plain},
    {"-it.sat", Unit::Percent},
    {"abs(gap(sat))", Unit::Points},            // abs/min/max/default: first argument's unit
    {"min(it.sat, marketing.sat)", Unit::Percent},
    {"max(it.score, 3)", Unit::Plain},
    {"default(it.sat, 0)", Unit::Percent},
    {"benchmark(it.sat)", Unit::Percent},       // the metric's unit
    {"it.sat < 30%", Unit::Truth},              // comparisons and logic
    {"known(meetings)", Unit::Truth},
    {"base or has_cmo", Unit::Truth},
};

std::string rules_for_units() {
  std::string narrative;
  for (const auto& c : kCases) narrative += std::string(narrative.empty() ? "" : "|") + "{" + c.expr + "}";
  return R"(source s
  title "S"
end
metric sat
  question "Q"
  kind share
  asked both
  benchmark it 10% from s
end
metric score
  question "Q"
  kind scale 1 to 5
  asked it
end
metric meetings
  question "Q"
  kind number
  asked company
end
metric has_cmo
  question "Q"
  kind flag
  asked company
end
finding base
  title "B"
  severity low
  when has_cmo
  evidence s "q"
  narrative "n"
end
finding f
  title "F"
  severity low
  when base
  evidence s "q"
  narrative ")" + narrative + R"("
end
recommendation r
  title "R"
  owner both
  horizon 30 days
  when f
  priority 50 + 100 * default(abs(gap(sat)), 0)
  action "a"
end
)";
}

}  // namespace

TEST_CASE("every expression's unit follows the spec's inference rules", "[checker][units]") {
  const CheckedRules checked(rules_for_units());
  const RuleSet& rules = checked.rules();
  const auto& pieces = rules.findings[finding_index(rules, "f")].narrative.pieces;
  std::vector<Unit> units;
  for (const auto& piece : pieces)
    if (piece.value) units.push_back(piece.value->unit);
  REQUIRE(units.size() == std::size(kCases));
  for (std::size_t i = 0; i < units.size(); ++i) {
    INFO(kCases[i].expr);
    CHECK(units[i] == kCases[i].unit);
  }
}

TEST_CASE("conditions are truth values and the priority here is plain", "[checker][units]") {
  const CheckedRules checked(rules_for_units());
  const RuleSet& rules = checked.rules();
  CHECK(rules.findings[0].condition.unit == Unit::Truth);
  CHECK(rules.recommendations[0].condition.unit == Unit::Truth);
  CHECK(rules.recommendations[0].priority.unit == Unit::Plain);
}

TEST_CASE("the literal text between placeholders is kept as text pieces", "[checker][units]") {
  const CheckedRules checked(rules_for_units());
  const auto& pieces = checked.rules().findings[1].narrative.pieces;
  REQUIRE(pieces.size() == 2 * std::size(kCases) - 1);
  CHECK_FALSE(pieces[1].value.has_value());
  CHECK(pieces[1].text == "|");
}

}  // namespace rapport::engine::testing
