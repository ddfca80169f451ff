// The generator of the differential fuzzer (see random_rules.hpp). Every expression is fully
// parenthesised when rendered, so the text means exactly the tree whatever the precedence table says.
#include "fuzz/random_rules.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <string>

namespace rapport::fuzz {

namespace {

constexpr int kMaxDepth = 5;
constexpr const char* kInputNames[kInputs] = {"it.m0", "marketing.m0", "it.m1", "marketing.m1",
                                             "it.s0", "marketing.s0", "c0", "flag0"};
constexpr const char* kGapMetrics[] = {"m0", "m1", "s0"};
constexpr const char* kSeverities[] = {"info", "low", "medium", "high", "critical"};

class Generator {
 public:
  Generator(ByteSource& in, std::uint32_t earlier_findings) : in_(in), findings_(earlier_findings) {}

  Expr number(int depth) {
    const bool leaf = depth >= kMaxDepth || in_.chance(3);
    if (leaf) {
      switch (in_.below(findings_ > 0 ? 5 : 4)) {
        case 0: return literal();
        case 1: return {Kind::Value, 0, {}, in_.below(7), {}};  // a number input: not the flag
        case 2: return {Kind::Gap, 0, {}, in_.below(3), {}};
        case 3: return {Kind::N, 0, {}, in_.below(6), {}};      // a group input
        default: return {Kind::Weight, 0, {}, in_.below(findings_), {}};
      }
    }
    switch (in_.below(9)) {
      case 0: return node(Kind::Neg, {number(depth + 1)});
      case 1: return node(Kind::Add, {number(depth + 1), number(depth + 1)});
      case 2: return node(Kind::Sub, {number(depth + 1), number(depth + 1)});
      case 3: return node(Kind::Mul, {number(depth + 1), number(depth + 1)});
      case 4: return node(Kind::Div, {number(depth + 1), number(depth + 1)});
      case 5: return node(Kind::Abs, {number(depth + 1)});
      case 6: return node(in_.chance(2) ? Kind::Min : Kind::Max, several(depth, 2, &Generator::number));
      case 7: return node(Kind::DefaultNumber, {number(depth + 1), number(depth + 1)});
      default: return literal();
    }
  }

  Expr truth(int depth) {
    const bool leaf = depth >= kMaxDepth || in_.chance(4);
    if (leaf) {
      switch (in_.below(findings_ > 0 ? 3 : 2)) {
        case 0: return {Kind::Truth, static_cast<double>(in_.below(2)), {}, 0, {}};
        case 1: return {Kind::Flag, 0, {}, static_cast<std::uint32_t>(Input::F0), {}};
        default: return {Kind::Finding, 0, {}, in_.below(findings_), {}};
      }
    }
    switch (in_.below(12)) {
      case 0: return node(Kind::Less, {number(depth + 1), number(depth + 1)});
      case 1: return node(Kind::LessEqual, {number(depth + 1), number(depth + 1)});
      case 2: return node(Kind::Greater, {number(depth + 1), number(depth + 1)});
      case 3: return node(Kind::GreaterEqual, {number(depth + 1), number(depth + 1)});
      case 4: {
        const Kind kind = in_.chance(2) ? Kind::Equal : Kind::NotEqual;
        if (in_.chance(2)) return node(kind, {number(depth + 1), number(depth + 1)});
        return node(kind, {truth(depth + 1), truth(depth + 1)});
      }
      case 5: return node(Kind::And, {truth(depth + 1), truth(depth + 1)});
      case 6: return node(Kind::Or, {truth(depth + 1), truth(depth + 1)});
      case 7: return node(Kind::Not, {truth(depth + 1)});
      case 8: return node(Kind::All, several(depth, 1, &Generator::truth));
      case 9: return node(Kind::Any, several(depth, 1, &Generator::truth));
      case 10: return node(Kind::Known, {in_.chance(2) ? number(depth + 1) : truth(depth + 1)});
      default: return node(Kind::DefaultTruth, {truth(depth + 1), truth(depth + 1)});
    }
  }

 private:
  static Expr node(Kind kind, std::vector<Expr> args) { return {kind, 0, {}, 0, std::move(args)}; }

  std::vector<Expr> several(int depth, std::uint32_t at_least, Expr (Generator::*make)(int)) {
    std::vector<Expr> args;
    const std::uint32_t count = at_least + in_.below(3);
    for (std::uint32_t i = 0; i < count; ++i) args.push_back((this->*make)(depth + 1));
    return args;
  }

  // Mostly small literals; now and then 10^100, 10^200 or 10^300 (written out: the language has no
  // exponents), so that products and quotients overflow and the evaluators must agree on that too.
  Expr literal() {
    if (in_.below(16) == 0) {
      const std::string text = "1" + std::string(100 * (1 + in_.below(3)), '0');
      return {Kind::Literal, std::strtod(text.c_str(), nullptr), text, 0, {}};
    }
    const std::uint32_t whole = in_.below(101);
    switch (in_.below(4)) {
      case 0: return {Kind::Literal, static_cast<double>(whole), fmt::format("{}", whole), 0, {}};
      case 1: return {Kind::Literal, whole / 100.0, fmt::format("{}%", whole), 0, {}};
      case 2: return {Kind::Literal, whole / 100.0, fmt::format("{}pp", whole), 0, {}};
      default: {
        const std::uint32_t tenth = in_.below(10);
        return {Kind::Literal, whole + tenth / 10.0, fmt::format("{}.{}", whole, tenth), 0, {}};
      }
    }
  }

  ByteSource& in_;
  std::uint32_t findings_;
};

const char* infix(Kind kind) {
  switch (kind) {
    case Kind::Add: return " + ";
    case Kind::Sub: return " - ";
    case Kind::Mul: return " * ";
    case Kind::Div: return " / ";
    case Kind::Less: return " < ";
    case Kind::LessEqual: return " <= ";
    case Kind::Greater: return " > ";
    case Kind::GreaterEqual: return " >= ";
    case Kind::Equal: return " = ";
    case Kind::NotEqual: return " != ";
    case Kind::And: return " and ";
    case Kind::Or: return " or ";
    default: return nullptr;
  }
}

const char* function_name(Kind kind) {
  switch (kind) {
    case Kind::Abs: return "abs";
    case Kind::Min: return "min";
    case Kind::Max: return "max";
    case Kind::DefaultNumber:
    case Kind::DefaultTruth: return "default";
    case Kind::All: return "all";
    case Kind::Any: return "any";
    case Kind::Known: return "known";
    default: return nullptr;
  }
}

}  // namespace

const char* metric_of(Input input) {
  switch (input) {
    case Input::ItM0:
    case Input::MarketingM0: return "m0";
    case Input::ItM1:
    case Input::MarketingM1: return "m1";
    case Input::ItS0:
    case Input::MarketingS0: return "s0";
    case Input::C0: return "c0";
    case Input::F0: return "flag0";
  }
  return "";
}

bool is_group_input(Input input) { return input != Input::C0 && input != Input::F0; }
bool is_it_input(Input input) { return input == Input::ItM0 || input == Input::ItM1 || input == Input::ItS0; }

std::string render(const Expr& e) {
  if (const char* op = infix(e.kind)) return "(" + render(e.args[0]) + op + render(e.args[1]) + ")";
  if (const char* name = function_name(e.kind)) {
    std::string out = std::string(name) + "(";
    for (std::size_t i = 0; i < e.args.size(); ++i) out += (i > 0 ? ", " : "") + render(e.args[i]);
    return out + ")";
  }
  switch (e.kind) {
    case Kind::Literal: return e.written;
    case Kind::Value:
    case Kind::Flag: return kInputNames[e.index];
    case Kind::Neg: return "-(" + render(e.args[0]) + ")";
    case Kind::Not: return "(not (" + render(e.args[0]) + "))";
    case Kind::Gap: return fmt::format("gap({})", kGapMetrics[e.index]);
    case Kind::N: return fmt::format("n({})", kInputNames[e.index]);
    case Kind::Weight: return fmt::format("weight(f{})", e.index);
    case Kind::Finding: return fmt::format("f{}", e.index);
    case Kind::Truth: return e.number != 0 ? "true" : "false";
    default: return "?";
  }
}

RandomRules random_rules(ByteSource& in) {
  RandomRules rules;
  const std::uint32_t findings = 1 + in.below(4);
  for (std::uint32_t f = 0; f < findings; ++f) {
    Generator generate(in, f);  // a finding reads only earlier ones: no cycles
    RandomFinding finding;
    finding.severity = 1 + static_cast<int>(in.below(5));
    finding.condition = generate.truth(0);
    rules.findings.push_back(std::move(finding));
  }
  const std::uint32_t recommendations = 1 + in.below(3);
  for (std::uint32_t r = 0; r < recommendations; ++r) {
    Generator generate(in, findings);
    RandomRecommendation recommendation;
    recommendation.condition = generate.truth(0);
    recommendation.priority = generate.number(0);
    rules.recommendations.push_back(std::move(recommendation));
  }
  return rules;
}

RandomProfile random_profile(ByteSource& in) {
  RandomProfile profile;
  for (int i = 0; i < kInputs; ++i) {
    if (in.chance(4)) continue;  // absent
    const Input input = static_cast<Input>(i);
    switch (input) {
      case Input::ItS0:
      case Input::MarketingS0: profile.values[i] = 1 + in.below(41) / 10.0; break;
      case Input::C0: profile.values[i] = static_cast<double>(in.below(41)) / 2 - 5; break;
      case Input::F0: profile.values[i] = in.below(2); break;
      default: profile.values[i] = in.below(101) / 100.0; break;
    }
    if (is_group_input(input) && in.chance(4)) profile.sample_n[i] = static_cast<int>(in.below(12));
  }
  constexpr int kRespondents[] = {0, 3, 5, 12};
  if (!in.chance(3)) profile.it_respondents = kRespondents[in.below(4)];
  if (!in.chance(3)) profile.marketing_respondents = kRespondents[in.below(4)];
  return profile;
}

std::string rule_text(const RandomRules& rules) {
  std::string text = R"(source s
  title "S"
end
metric m0
  question "Q"
  kind share
  asked both
end
metric m1
  question "Q"
  kind share
  asked both
end
metric s0
  question "Q"
  kind scale 1 to 5
  asked both
end
metric c0
  question "Q"
  kind number
  asked company
end
metric flag0
  question "Q"
  kind flag
  asked company
end
)";
  for (std::size_t f = 0; f < rules.findings.size(); ++f) {
    text += fmt::format("finding f{}\n  title \"F\"\n  severity {}\n  when {}\n  evidence s \"q\"\n  narrative \"n\"\nend\n",
                        f, kSeverities[rules.findings[f].severity - 1], render(rules.findings[f].condition));
  }
  for (std::size_t r = 0; r < rules.recommendations.size(); ++r) {
    const RandomRecommendation& rec = rules.recommendations[r];
    text += fmt::format("recommendation r{}\n  title \"R\"\n  owner both\n  horizon 30 days\n  when {}\n  priority {}\n"
                        "  action \"a\"\nend\n",
                        r, render(rec.condition), render(rec.priority));
  }
  return text;
}

}  // namespace rapport::fuzz
