// Running a rule test case: build its profile, evaluate the rules, and check each expectation
// against the verdicts and the ranking.
#include <algorithm>

#include "engine/rule_tests.hpp"

namespace rapport::engine {
namespace {

bool holds(Expect expect, Verdict actual) {
  switch (expect) {
    case Expect::Fired: return actual == Verdict::Fired;
    case Expect::NotFired: return actual == Verdict::NotFired;
    case Expect::Unknown: return actual == Verdict::Unknown;
    case Expect::Recommended: return actual == Verdict::Fired;
    case Expect::NotRecommended: return actual != Verdict::Fired;
  }
  return false;
}

ExpectationResult check(const Assessment& assessment, const IdExpectation& expectation) {
  const Verdict actual = is_finding_expectation(expectation.expect)
                             ? assessment.findings.at(expectation.id).verdict
                             : assessment.recommendations.at(expectation.id).verdict;
  return {expectation, holds(expectation.expect, actual), actual};
}

// Holds when every listed recommendation is in the ranking and they come in the order written.
OrderResult check(const Assessment& assessment, const OrderExpectation& order) {
  OrderResult result;
  result.expected = order.recommendations;
  result.where = order.where;
  for (const std::uint32_t r : assessment.ranking)
    if (std::find(order.recommendations.begin(), order.recommendations.end(), r) != order.recommendations.end())
      result.actual.push_back(r);
  result.held = result.actual == result.expected;
  return result;
}

}  // namespace

bool RuleTestResult::passed() const {
  const bool all_held = std::all_of(expectations.begin(), expectations.end(),
                                    [](const ExpectationResult& e) { return e.held; });
  return all_held && (!order || order->held);
}

Profile case_profile(const RuleSet& rules, const RuleTestCase& test, const Profile* base) {
  Profile profile;
  if (base) profile = *base;
  profile.values.resize(rules.slots.size(), kUnknown);
  profile.samples.resize(rules.slots.size());
  for (std::size_t s = 0; s < profile.values.size() && s < test.values.values.size(); ++s) {
    if (is_unknown(test.values.values[s])) continue;
    profile.values[s] = test.values.values[s];
    profile.samples[s] = s < test.values.samples.size() ? test.values.samples[s] : Sample{};
  }
  for (const std::uint32_t s : test.missing) {
    profile.values.at(s) = kUnknown;
    profile.samples.at(s) = Sample{};
  }
  // The case's own [company] and [respondents], where it gives them, override the base profile's.
  const Company& company = test.values.company;
  if (!company.name.empty()) profile.company.name = company.name;
  if (!company.industry.empty()) profile.company.industry = company.industry;
  if (!company.assessed_on.empty()) profile.company.assessed_on = company.assessed_on;
  if (profile.company.name.empty()) profile.company.name = "Test case";
  if (test.values.it_respondents) profile.it_respondents = test.values.it_respondents;
  if (test.values.marketing_respondents) profile.marketing_respondents = test.values.marketing_respondents;
  return profile;
}

RuleTestResult run_rule_test(const RuleSet& rules, const RuleTestCase& test, const Profile* base) {
  RuleTestResult result;
  result.test = &test;
  result.profile = case_profile(rules, test, base);
  result.assessment = evaluate(rules, result.profile);
  result.expectations.reserve(test.expectations.size());
  for (const auto& expectation : test.expectations)
    result.expectations.push_back(check(result.assessment, expectation));
  if (test.order) result.order = check(result.assessment, *test.order);
  return result;
}

}  // namespace rapport::engine
