// The reference evaluator (see reference_evaluator.hpp).
#include "fuzz/reference_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rapport::fuzz {

namespace {

constexpr double kUnknownValue = std::numeric_limits<double>::quiet_NaN();
constexpr int kMinAnswers = 5;  // --min-n and --min-group-size, both 5 by default

bool unknown(double v) { return std::isnan(v); }
double truth(bool b) { return b ? 1.0 : 0.0; }

// A number that is not finite (an overflow, or unknown already) is unknown.
double settled(double v) { return std::isfinite(v) ? v : kUnknownValue; }

class Reference {
 public:
  Reference(const RandomProfile& profile, const std::vector<double>& findings, const std::vector<int>& severities)
      : profile_(profile), findings_(findings), severities_(severities) {}

  double eval(const Expr& e) const {
    switch (e.kind) {
      case Kind::Literal:
      case Kind::Truth: return e.number;
      case Kind::Value:
      case Kind::Flag: return value(static_cast<Input>(e.index));
      case Kind::Finding: return findings_[e.index];
      case Kind::Weight: return findings_[e.index] == 1.0 ? severities_[e.index] : 0.0;
      case Kind::N: return answers(static_cast<Input>(e.index));
      case Kind::Gap: return value(static_cast<Input>(2 * e.index)) - value(static_cast<Input>(2 * e.index + 1));
      case Kind::Neg: return -eval(e.args[0]);
      // "arithmetic whose result is too large for a number ... gives unknown, never an infinity"
      case Kind::Add: return settled(eval(e.args[0]) + eval(e.args[1]));
      case Kind::Sub: return settled(eval(e.args[0]) - eval(e.args[1]));
      case Kind::Mul: return settled(eval(e.args[0]) * eval(e.args[1]));
      case Kind::Div: {
        const double a = eval(e.args[0]), b = eval(e.args[1]);
        return b == 0 ? kUnknownValue : settled(a / b);  // "A division by zero ... gives unknown"
      }
      case Kind::Abs: return std::fabs(eval(e.args[0]));
      case Kind::Min:
      case Kind::Max: {
        double best = eval(e.args[0]);
        for (const Expr& arg : e.args) {
          const double v = eval(arg);
          if (unknown(v)) return kUnknownValue;  // "unknown if any operand is"
          best = e.kind == Kind::Min ? std::min(best, v) : std::max(best, v);
        }
        return best;
      }
      case Kind::DefaultNumber:
      case Kind::DefaultTruth: {
        const double v = eval(e.args[0]);
        return unknown(v) ? eval(e.args[1]) : v;
      }
      case Kind::Known: return truth(!unknown(eval(e.args[0])));
      case Kind::Less: return compare(e, [](double a, double b) { return a < b; });
      case Kind::LessEqual: return compare(e, [](double a, double b) { return a <= b; });
      case Kind::Greater: return compare(e, [](double a, double b) { return a > b; });
      case Kind::GreaterEqual: return compare(e, [](double a, double b) { return a >= b; });
      case Kind::Equal: return compare(e, [](double a, double b) { return a == b; });
      case Kind::NotEqual: return compare(e, [](double a, double b) { return a != b; });
      case Kind::Not: {
        const double v = eval(e.args[0]);
        return unknown(v) ? kUnknownValue : truth(v == 0);
      }
      case Kind::And:
      case Kind::All: {  // false wins, then unknown
        bool some_unknown = false;
        for (const Expr& arg : e.args) {
          const double v = eval(arg);
          if (v == 0) return 0;
          some_unknown |= unknown(v);
        }
        return some_unknown ? kUnknownValue : 1;
      }
      case Kind::Or:
      case Kind::Any: {  // true wins, then unknown
        bool some_unknown = false;
        for (const Expr& arg : e.args) {
          const double v = eval(arg);
          if (!unknown(v) && v != 0) return 1;
          some_unknown |= unknown(v);
        }
        return some_unknown ? kUnknownValue : 0;
      }
    }
    return kUnknownValue;
  }

 private:
  // "Two numbers closer than one part in a billion count as equal"; an unknown side makes it unknown.
  template <typename Holds>
  double compare(const Expr& e, Holds holds) const {
    double a = eval(e.args[0]);
    const double b = eval(e.args[1]);
    if (unknown(a) || unknown(b)) return kUnknownValue;
    if (std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)})) a = b;
    return truth(holds(a, b));
  }

  // How many answered behind a group's value: its sample's n, else the group's respondents; -1 if neither.
  int people(Input input) const {
    const int i = static_cast<int>(input);
    if (profile_.sample_n[i]) return *profile_.sample_n[i];
    const std::optional<int>& group = is_it_input(input) ? profile_.it_respondents : profile_.marketing_respondents;
    return group ? *group : -1;
  }

  // A value counts only when given and, for a group, with at least kMinAnswers behind it (or no count).
  double value(Input input) const {
    const auto& given = profile_.values[static_cast<int>(input)];
    if (!given) return kUnknownValue;
    if (!is_group_input(input)) return *given;
    const int n = people(input);
    return n >= 0 && n < kMinAnswers ? kUnknownValue : *given;
  }

  double answers(Input input) const {
    if (!profile_.values[static_cast<int>(input)]) return kUnknownValue;
    const int n = people(input);
    return n >= 0 ? n : kUnknownValue;
  }

  const RandomProfile& profile_;
  const std::vector<double>& findings_;
  const std::vector<int>& severities_;
};

}  // namespace

ReferenceResult reference_evaluate(const RandomRules& rules, const RandomProfile& profile) {
  ReferenceResult out;
  std::vector<int> severities;
  for (const auto& finding : rules.findings) severities.push_back(finding.severity);
  const Reference reference(profile, out.findings, severities);
  // Findings read only earlier findings, so declaration order is dependency order.
  for (const auto& finding : rules.findings) out.findings.push_back(settled(reference.eval(finding.condition)));
  for (std::uint32_t r = 0; r < rules.recommendations.size(); ++r) {
    const double condition = settled(reference.eval(rules.recommendations[r].condition));
    out.conditions.push_back(condition);
    const bool fired = !unknown(condition) && condition != 0;
    out.priorities.push_back(fired ? settled(reference.eval(rules.recommendations[r].priority)) : kUnknownValue);
    if (fired) out.ranking.push_back(r);
  }
  std::stable_sort(out.ranking.begin(), out.ranking.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double pa = out.priorities[a], pb = out.priorities[b];
    if (unknown(pa) || unknown(pb)) return !unknown(pa) && unknown(pb);
    return pa > pb;
  });
  return out;
}

}  // namespace rapport::fuzz
