// The compiler's output: a dense slot per (metric, audience) asked, flat postfix programs that
// load slots and findings by index, the evaluation order, and what each recommendation reads.
#include <catch2/catch.hpp>

#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

std::string chain_rules(const std::string& recommendation_when = "c") {
  // c is declared first but reads b, which reads a: evaluation must run a, b, c.
  return R"(source s
  title "S"
end
metric sat
  question "Q"
  kind share
  asked marketing, it
  benchmark marketing about 10% from s
end
metric meetings
  question "Q"
  kind number
  asked company
end
finding c
  title "C"
  severity low
  when b and meetings < 1
  evidence s "q"
  narrative "n"
end
finding b
  title "B"
  severity low
  when a or gap(sat) > 10pp
  evidence s "q"
  narrative "n"
end
finding a
  title "A"
  severity low
  when marketing.sat < benchmark(marketing.sat)
  evidence s "q"
  narrative "n"
end
recommendation r
  title "R"
  owner cmo
  horizon 60 days
  when )" + recommendation_when + R"(
  priority 10 * default(meetings, 0)
  action "a"
end
)";
}

}  // namespace

TEST_CASE("each metric gets one slot per audience it is asked of, in declaration order", "[compile]") {
  const CheckedRules checked(rules_with("it.sat < 30%"));
  const RuleSet& rules = checked.rules();
  REQUIRE(rules.slots.size() == 4);
  CHECK(rules.slots[0].metric == 0);
  CHECK(rules.slots[0].audience == Audience::It);
  CHECK(rules.slots[1].metric == 0);
  CHECK(rules.slots[1].audience == Audience::Marketing);
  CHECK(rules.slots[2].metric == 1);
  CHECK(rules.slots[2].audience == Audience::Company);
  CHECK(rules.slots[3].metric == 2);
  CHECK(rules.slots[3].audience == Audience::It);
  CHECK(rules.slot_of(0, Audience::Marketing) == 1u);
  CHECK_FALSE(rules.slot_of(2, Audience::Marketing).has_value());
  CHECK(rules.metric_index("meetings") == 1u);
  CHECK_FALSE(rules.metric_index("nope").has_value());
}

TEST_CASE("a condition compiles to postfix code over slot indices and constants", "[compile]") {
  const CheckedRules checked(rules_with("it.sat < 30%"));
  const Program& p = checked.rules().findings[0].condition;
  REQUIRE(p.code.size() == 3);
  CHECK(p.code[0].op == OpCode::LoadSlot);
  CHECK(p.code[0].arg == 0);
  CHECK(p.code[1].op == OpCode::PushConst);
  CHECK(p.constants.at(p.code[1].arg) == Approx(0.30));
  CHECK(p.code[2].op == OpCode::Lt);
  CHECK(p.slots == std::vector<std::uint32_t>{0});
  CHECK(p.findings.empty());
}

TEST_CASE("gap compiles to it minus marketing, benchmark to a constant", "[compile]") {
  const CheckedRules checked(rules_with("gap(sat) > benchmark(it.sat)"));
  const RuleSet& rules = checked.rules();
  const Program& p = rules.findings[0].condition;
  REQUIRE(p.code.size() == 6);
  CHECK(p.code[0].op == OpCode::LoadSlot);
  CHECK(p.code[0].arg == 0);  // it.sat
  CHECK(p.code[1].op == OpCode::LoadSlot);
  CHECK(p.code[1].arg == 1);  // marketing.sat
  CHECK(p.code[2].op == OpCode::Sub);
  // the gap is believed only while its trust input is known (the tentative pass withdraws it)
  CHECK(p.code[3].op == OpCode::Doubt);
  CHECK(p.code[3].arg == rules.layout().of(GapStatistic::Trust, *rules.metric_index("sat")));
  CHECK(p.code[4].op == OpCode::PushConst);
  CHECK(p.constants.at(p.code[4].arg) == Approx(0.10));
  CHECK(p.code[5].op == OpCode::Gt);
  CHECK(p.slots == std::vector<std::uint32_t>{0, 1});
  CHECK(p.gaps == std::vector<std::uint32_t>{*rules.metric_index("sat")});
}

TEST_CASE("the benchmark of a company-level metric is its published figure", "[compile]") {
  const CheckedRules checked(R"(source s
  title "S"
end
metric meetings
  question "Q"
  kind number
  asked company
  benchmark company about 2.5 from s
end
recommendation r
  title "R"
  owner both
  horizon 30 days
  when meetings < benchmark(meetings)
  priority 1
  action "a"
end
)");
  const Program& p = checked.rules().recommendations[0].condition;
  REQUIRE(p.code.size() == 3);
  CHECK(p.code[1].op == OpCode::PushConst);
  CHECK(p.constants.at(p.code[1].arg) == 2.5);
}

TEST_CASE("variadic functions carry their operand count", "[compile]") {
  const CheckedRules checked(rules_with("any(it.sat < 10%, it.sat > 90%, meetings < 1) and max(it.score, 2, 3) > 4"));
  const auto& code = checked.rules().findings[0].condition.code;
  bool saw_any = false, saw_max = false;
  for (const auto& in : code) {
    if (in.op == OpCode::Any) saw_any = in.arg == 3;
    if (in.op == OpCode::Max) saw_max = in.arg == 3;
  }
  CHECK(saw_any);
  CHECK(saw_max);
}

TEST_CASE("findings are evaluated after the findings they read", "[compile]") {
  const CheckedRules checked(chain_rules());
  const RuleSet& rules = checked.rules();
  const auto a = finding_index(rules, "a"), b = finding_index(rules, "b"), c = finding_index(rules, "c");
  CHECK(rules.finding_order == std::vector<std::uint32_t>{a, b, c});
  CHECK(rules.findings[c].condition.findings == std::vector<std::uint32_t>{b});
}

TEST_CASE("a recommendation's findings_used are the findings it reads directly", "[compile]") {
  const CheckedRules checked(chain_rules("c and not a"));
  const RuleSet& rules = checked.rules();
  const auto a = finding_index(rules, "a"), c = finding_index(rules, "c");
  std::vector<std::uint32_t> want{a, c};
  std::sort(want.begin(), want.end());
  CHECK(rules.recommendations[0].findings_used == want);  // not b: c reads it, r does not
}

}  // namespace rapport::engine::testing
