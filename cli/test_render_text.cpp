// The text output of `rapport test` (see test_render.hpp): what a rule writer reads after each run.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/test_render.hpp"
#include "cli/text_wrap.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

using engine::Expect;
using engine::Verdict;

constexpr const char* kDetailIndent = "     ";
constexpr const char* kInputIndent = "       ";

std::string finding_verdict(Verdict verdict) {
  switch (verdict) {
    case Verdict::Fired: return "fired";
    case Verdict::NotFired: return "did not fire";
    case Verdict::Unknown: return "was unknown";
  }
  return "";
}

std::string recommendation_verdict(Verdict verdict) {
  switch (verdict) {
    case Verdict::Fired: return "was recommended";
    case Verdict::NotFired: return "was not recommended";
    case Verdict::Unknown: return "could not be assessed";
  }
  return "";
}

std::string expected_words(Expect expect) {
  switch (expect) {
    case Expect::Fired: return "fired";
    case Expect::NotFired: return "not fired";
    case Expect::Unknown: return "unknown";
    case Expect::Recommended: return "recommended";
    case Expect::NotRecommended: return "not recommended";
  }
  return "";
}

std::string joined_ids(const engine::RuleSet& rules, const std::vector<std::uint32_t>& recommendations,
                       const engine::Assessment* with_priorities = nullptr) {
  std::string out;
  for (const std::uint32_t r : recommendations) {
    if (!out.empty()) out += ", ";
    out += rules.recommendations.at(r).id;
    if (with_priorities)
      out += " (priority " + format_value(with_priorities->recommendations.at(r).priority, engine::Unit::Plain) + ")";
  }
  return out;
}

class TestText {
 public:
  TestText(const RuleTestRun& run, const TestOutputOptions& options)
      : run_(run), rules_(*run.rules), options_(options) {}

  std::string render();

 private:
  void case_result(const TestFileRun& file, const engine::RuleTestResult& result);
  void expectation(const engine::ExpectationResult& checked, const engine::RuleTestResult& result);
  void order(const engine::OrderResult& checked, const engine::RuleTestResult& result);
  std::string inputs(const engine::Program& condition, const engine::RuleTestResult& result) const;
  void coverage();
  void coverage_list(const std::string& title, const std::vector<std::uint32_t>& ids, bool findings);
  void detail(std::uint32_t line, const std::string& text);
  void line(const std::string& text) { out_ += text + "\n"; }

  const RuleTestRun& run_;
  const engine::RuleSet& rules_;
  const TestOutputOptions& options_;
  std::string out_;
};

std::string TestText::render() {
  for (const auto& file : run_.files)
    for (const auto& result : file.results) case_result(file, result);
  line(fmt::format("{} passed, {} failed", run_.passed(), run_.failed()));
  if (options_.coverage && run_.coverage) coverage();
  return std::move(out_);
}

void TestText::case_result(const TestFileRun& file, const engine::RuleTestResult& result) {
  const bool passed = result.passed();
  const std::string status = passed ? options_.style.paint("32", "PASS") : options_.style.paint("1;31", "FAIL");
  line(fmt::format("{} {}:{} {}", status, file.path, result.test->where.line, result.test->name));
  for (const auto& checked : result.expectations)
    if (!checked.held || options_.verbose) expectation(checked, result);
  if (result.order && (!result.order->held || options_.verbose)) order(*result.order, result);
}

void TestText::expectation(const engine::ExpectationResult& checked, const engine::RuleTestResult& result) {
  const auto& e = checked.expectation;
  const bool finding = engine::is_finding_expectation(e.expect);
  const std::string& id = finding ? rules_.findings.at(e.id).id : rules_.recommendations.at(e.id).id;
  if (checked.held) {
    // Not recommended for want of data is weaker than not recommended: coverage counts only the latter.
    const bool unassessed = e.expect == Expect::NotRecommended && checked.actual == Verdict::Unknown;
    detail(e.where.line, options_.style.paint("2", fmt::format("{} {}{}, as expected", id, expected_words(e.expect),
                                                               unassessed ? " (it could not be assessed)" : "")));
    return;
  }
  const std::string actual = finding ? finding_verdict(checked.actual) : recommendation_verdict(checked.actual);
  detail(e.where.line, fmt::format("expected {} {}, but it {}", id, expected_words(e.expect), actual));
  const engine::Program& condition =
      finding ? rules_.findings.at(e.id).condition : rules_.recommendations.at(e.id).condition;
  const std::string read = inputs(condition, result);
  if (!read.empty()) out_ += wrap("given " + read, options_.style.width, kInputIndent, kInputIndent) + "\n";
}

void TestText::order(const engine::OrderResult& checked, const engine::RuleTestResult& result) {
  if (checked.held) {
    const std::string ranked = fmt::format("ranked in the order {}, as expected", joined_ids(rules_, checked.expected));
    detail(checked.where.line, options_.style.paint("2", ranked));
    return;
  }
  std::string text = fmt::format("expected the ranking {}, but it is ", joined_ids(rules_, checked.expected));
  text += checked.actual.empty() ? "none of them" : joined_ids(rules_, checked.actual, &result.assessment);
  std::vector<std::uint32_t> absent;
  for (const std::uint32_t r : checked.expected)
    if (std::find(checked.actual.begin(), checked.actual.end(), r) == checked.actual.end()) absent.push_back(r);
  if (!absent.empty() && !checked.actual.empty())
    text += fmt::format("; not recommended: {}", joined_ids(rules_, absent));
  detail(checked.where.line, text);
}

// The values and findings a condition reads, as this case had them: what a failure depended on.
std::string TestText::inputs(const engine::Program& condition, const engine::RuleTestResult& result) const {
  std::vector<std::string> parts;
  for (const std::uint32_t slot : condition.slots) {
    const auto& metric = rules_.metrics.at(rules_.slots.at(slot).metric);
    parts.push_back(slot_reference(rules_, slot) + " = " +
                    format_value(result.profile.values.at(slot), unit_of(metric)));
  }
  for (const std::uint32_t f : condition.findings)
    parts.push_back(rules_.findings.at(f).id + " " + finding_verdict(result.assessment.findings.at(f).verdict));
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

void TestText::detail(std::uint32_t at, const std::string& text) {
  out_ += wrap(fmt::format("line {}: {}", at, text), options_.style.width, kDetailIndent, kInputIndent) + "\n";
}

void TestText::coverage() {
  const engine::Coverage& c = *run_.coverage;
  coverage_list("findings never made to fire", engine::Coverage::missing(c.fired), true);
  coverage_list("findings never made not to fire", engine::Coverage::missing(c.not_fired), true);
  coverage_list("recommendations never recommended", engine::Coverage::missing(c.recommended), false);
  coverage_list("recommendations never made not recommended", engine::Coverage::missing(c.not_recommended), false);
  line(fmt::format("coverage: {} ({} of {}: each finding fired and not fired, each recommendation recommended "
                   "and not)",
                   coverage_percent(c), c.covered(), c.total()));
}

void TestText::coverage_list(const std::string& title, const std::vector<std::uint32_t>& ids, bool findings) {
  if (ids.empty()) {
    line(title + ": none");
    return;
  }
  std::string names;
  for (const std::uint32_t id : ids)
    names += (names.empty() ? "" : ", ") + (findings ? rules_.findings.at(id).id : rules_.recommendations.at(id).id);
  out_ += wrap(fmt::format("{} ({}): {}", title, ids.size(), names), options_.style.width, "", "  ") + "\n";
}

}  // namespace

std::string coverage_percent(const engine::Coverage& coverage) {
  if (coverage.total() == 0 || coverage.complete()) return "100%";
  const double tenths = std::floor(1000.0 * static_cast<double>(coverage.covered()) /
                                   static_cast<double>(coverage.total()));
  return format_number(tenths / 10) + "%";
}

std::string render_test_text(const RuleTestRun& run, const TestOutputOptions& options) {
  return TestText(run, options).render();
}

}  // namespace rapport::cli
