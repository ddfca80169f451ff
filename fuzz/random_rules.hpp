// Random, valid rule sets and profiles for the differential fuzzer (evaluator_fuzzer.cpp): a fixed set of
// metrics, then findings and recommendations whose conditions and priorities are random well-typed
// expression trees over them, kept as trees for the reference evaluator and rendered as rule text for
// Rapport.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.hpp"

namespace rapport::fuzz {

// The values an expression can read, as the generated rule text names them.
enum class Input : std::uint8_t { ItM0, MarketingM0, ItM1, MarketingM1, ItS0, MarketingS0, C0, F0 };
inline constexpr int kInputs = 8;

enum class Kind : std::uint8_t {
  // numbers
  Literal, Value, Neg, Add, Sub, Mul, Div, Abs, Min, Max, DefaultNumber, Gap, Weight, N,
  // truth values
  Truth, Flag, Finding, Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual, And, Or, Not, All, Any,
  Known, DefaultTruth,
};

struct Expr {
  Kind kind = Kind::Literal;
  double number = 0;          // Literal's value; Truth's 0 or 1
  std::string written;        // Literal as written ("40%", "2.5", "8pp")
  std::uint32_t index = 0;    // Value/N: an Input; Finding/Weight: a finding; Gap: 0 m0, 1 m1, 2 s0
  std::vector<Expr> args;
};

struct RandomFinding {
  int severity = 1;  // 1 info .. 5 critical, as weight() counts it
  Expr condition;
};

struct RandomRecommendation {
  Expr condition;
  Expr priority;
};

struct RandomRules {
  std::vector<RandomFinding> findings;
  std::vector<RandomRecommendation> recommendations;
};

// A profile's raw figures: a value per input (absent when nullopt), the groups' respondents and, per
// group input, a sample size that overrides them.
struct RandomProfile {
  std::optional<double> values[kInputs];
  std::optional<int> it_respondents, marketing_respondents;
  std::optional<int> sample_n[kInputs];
};

RandomRules random_rules(ByteSource& in);
RandomProfile random_profile(ByteSource& in);

std::string rule_text(const RandomRules& rules);
std::string render(const Expr& expr);

// The metric id and the group of an input, as the rule text declares them.
const char* metric_of(Input input);
bool is_group_input(Input input);  // asked of IT or marketing (not the company)
bool is_it_input(Input input);

}  // namespace rapport::fuzz
