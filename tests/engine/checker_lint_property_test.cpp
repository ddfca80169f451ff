// A property of the condition lint: its warnings are proofs. For random small rule sets, every
// "never holds", "always holds" and "equivalent" claim is tested against the real evaluator on
// thousands of random profiles, with values drawn at and around every threshold.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

// One numeric expression the generator can compare, and thresholds of its unit.
struct Operand {
  std::string text;
  std::vector<std::string> thresholds;
};

const std::vector<Operand>& operands() {
  static const std::vector<Operand> all = {
      {"it.sat", {"0%", "30%", "40%", "60%", "100%"}},
      {"marketing.sat", {"0%", "30%", "60%"}},
      {"default(it.sat, 50%)", {"30%", "50%"}},
      {"min(it.sat, marketing.sat)", {"30%", "40%"}},
      {"gap(sat)", {"-20pp", "0pp", "10pp", "100pp"}},
      {"abs(gap(sat))", {"0pp", "10pp", "30pp"}},
      {"it.sat - marketing.sat", {"0pp", "10pp"}},
      {"it.score", {"1", "3", "5", "7"}},
      {"meetings", {"0", "1", "2"}},
      {"meetings / it.score", {"0", "1"}},
  };
  return all;
}

const char* const kOps[] = {"<", "<=", ">", ">=", "=", "!="};

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  std::string condition(int depth, int findings_before) {
    const unsigned pick = random_() % (depth <= 0 ? 3 : 9);
    if (pick < 2) return comparison();
    if (pick == 2) return findings_before > 0 && random_() % 2 == 0 ? "f" + std::to_string(random_() % findings_before)
                                                                     : "known(" + operand().text + ")";
    if (pick <= 4) return "(" + condition(depth - 1, findings_before) + " and " + condition(depth - 1, findings_before) + ")";
    if (pick <= 6) return "(" + condition(depth - 1, findings_before) + " or " + condition(depth - 1, findings_before) + ")";
    if (pick == 7) return "not " + condition(0, findings_before);
    return "charter";
  }

  // An earlier condition written differently but meaning the same: equivalence claims to test.
  std::string rewrite(const std::string& condition) {
    switch (random_() % 3) {
      case 0: return "not not (" + condition + ")";
      case 1: return "(" + condition + " and true)";
      default: return "(" + condition + " or false)";
    }
  }

  unsigned next() { return random_(); }

 private:
  const Operand& operand() { return operands()[random_() % operands().size()]; }

  std::string comparison() {
    const Operand& o = operand();
    const std::string& threshold = o.thresholds[random_() % o.thresholds.size()];
    const std::string op = kOps[random_() % 6];
    return random_() % 2 == 0 ? o.text + " " + op + " " + threshold : threshold + " " + op + " " + o.text;
  }

  std::mt19937 random_;
};

const char* const kMetrics = R"(source s
  title "Study"
end
metric sat
  question "Q"
  kind share
  asked both
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
metric charter
  question "Q"
  kind flag
  asked company
end
)";

// Values at and near every threshold the generator writes, and a few in between.
double sample(std::mt19937& random, const std::vector<double>& special, double low, double high) {
  const unsigned pick = random() % 3;
  if (pick == 0) return special[random() % special.size()];
  if (pick == 1) return std::clamp(special[random() % special.size()] + (random() % 2 ? 1e-10 : -1e-10), low, high);
  return low + (high - low) * std::uniform_real_distribution<double>(0, 1)(random);
}

Profile random_profile(const RuleSet& rules, std::mt19937& random) {
  std::map<std::string, double> values;
  const auto maybe = [&](const std::string& key, double value) {
    if (random() % 5 != 0) values[key] = value;
  };
  const std::vector<double> shares{0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1};
  maybe("it.sat", sample(random, shares, 0, 1));
  maybe("marketing.sat", sample(random, shares, 0, 1));
  maybe("it.score", sample(random, {1, 3, 5}, 1, 5));
  maybe("meetings", sample(random, {0, 1, 2, 3, 5}, -2, 6));
  maybe("charter", static_cast<double>(random() % 2));
  return profile_of(rules, values);
}

struct Claims {
  std::vector<std::string> never, always;               // finding or recommendation ids
  std::vector<std::pair<std::string, std::string>> same;  // (second, first)
  std::vector<std::string> prone;                         // recommendations only 'meetings' can trigger
};

}  // namespace

TEST_CASE("the lint's never, always and equivalent claims hold on thousands of random profiles",
          "[checker][lint][prover][property]") {
  std::map<std::string, int> claims_tested;  // per kind of claim
  for (unsigned seed = 1; seed <= 120; ++seed) {
    Generator generate(seed);
    std::string text = kMetrics;
    std::map<int, std::string> declared_at;  // the line of each condition -> its id
    std::vector<std::string> conditions;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    constexpr int kFindings = 5;
    for (int f = 0; f < kFindings; ++f) {
      const std::string when = f > 0 && generate.next() % 3 == 0 ? generate.rewrite(conditions[generate.next() % f])
                                                                 : generate.condition(2, f);
      conditions.push_back(when);
      text += finding_text("f" + std::to_string(f), when, "s");
      declared_at[line + 3] = "f" + std::to_string(f);
      line += 7;
    }
    for (int r = 0; r < 2; ++r) {
      text += "recommendation r" + std::to_string(r) + "\n  title \"R\"\n  owner both\n  horizon 30 days\n  when " +
              generate.condition(1, kFindings) + "\n  priority 10\n  action \"A\"\nend\n";
      declared_at[line + 4] = "r" + std::to_string(r);
      line += 8;
    }
    const CheckedRules checked(text);
    INFO("seed " << seed << "\n" << text << "\n" << checked.dump());
    const RuleSet& rules = checked.rules();

    Claims claims;
    for (const auto* d : checked.with_code(dsl::code::condition_never_holds)) claims.never.push_back(declared_at.at(static_cast<int>(d->where.line)));
    for (const auto* d : checked.with_code(dsl::code::condition_always_holds)) claims.always.push_back(declared_at.at(static_cast<int>(d->where.line)));
    for (const auto* d : checked.with_code(dsl::code::equivalent_conditions))
      claims.same.emplace_back(declared_at.at(static_cast<int>(d->where.line)),
                               declared_at.at(static_cast<int>(d->notes.at(0).where->line)));
    for (const auto* d : checked.with_code(dsl::code::unknown_prone_trigger)) claims.prone.push_back(declared_at.at(static_cast<int>(d->where.line)));
    claims_tested["never"] += static_cast<int>(claims.never.size());
    claims_tested["always"] += static_cast<int>(claims.always.size());
    claims_tested["equivalent"] += static_cast<int>(claims.same.size());
    claims_tested["unknown-prone"] += static_cast<int>(claims.prone.size());

    const auto verdict_of = [&](const Assessment& a, const std::string& id) {
      return id[0] == 'f' ? a.findings[finding_index(rules, id)].verdict
                          : a.recommendations[recommendation_index(rules, id)].verdict;
    };
    std::mt19937 random(seed * 7919u);
    for (int p = 0; p < 1500; ++p) {
      const Assessment assessment = evaluate(rules, random_profile(rules, random));
      for (const auto& id : claims.never) REQUIRE(verdict_of(assessment, id) != Verdict::Fired);
      for (const auto& id : claims.always) REQUIRE(verdict_of(assessment, id) != Verdict::NotFired);
      for (const auto& [second, first] : claims.same) REQUIRE(verdict_of(assessment, second) == verdict_of(assessment, first));
      if (claims.prone.empty()) continue;
      Profile without = random_profile(rules, random);
      without.values[slot_named(rules, "meetings", Audience::Company)] = kUnknown;
      const Assessment missing = evaluate(rules, without);
      for (const auto& id : claims.prone) REQUIRE(verdict_of(missing, id) != Verdict::Fired);
    }
  }
  // The property must not hold vacuously: the generator makes plenty of claims to test.
  for (const auto& [kind, count] : claims_tested) {
    INFO(kind << " claims tested: " << count);
    CHECK(count >= 5);
  }
  CHECK(claims_tested.size() == 4);
}

}  // namespace rapport::engine::testing
