// Test fixture for the engine: parses small inline rule texts, checks them as one rule set,
// and builds profiles by metric name, so tests read like the rule files they describe.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/parser.hpp"
#include "engine/assessment.hpp"
#include "engine/checker.hpp"

namespace rapport::engine::testing {

struct RuleText {
  std::string path;
  std::string text;
};

// Owns the source files (parsed files and diagnostics point into them) and the check result.
class CheckedRules {
 public:
  explicit CheckedRules(std::vector<RuleText> texts, CheckFor purpose = CheckFor::Everything) {
    std::vector<ParsedFile> parsed;
    for (auto& t : texts) {
      sources_.push_back(std::make_unique<dsl::SourceFile>(t.path, t.text));
      auto result = dsl::parse_rule_file(*sources_.back());
      for (auto& d : result.diagnostics) syntax_.push_back(d);
      parsed.push_back({sources_.back().get(), std::move(result.file)});
    }
    result_ = check(parsed, purpose);
  }
  explicit CheckedRules(std::string text, CheckFor purpose = CheckFor::Everything)
      : CheckedRules(std::vector<RuleText>{{"test.rules", std::move(text)}}, purpose) {}

  const CheckResult& result() const { return result_; }
  const dsl::Diagnostics& diagnostics() const { return result_.diagnostics; }
  const dsl::Diagnostics& syntax_errors() const { return syntax_; }

  // The rule set, which the test expects to be clean of errors (and of syntax errors).
  const RuleSet& rules() const {
    INFO(dump());
    REQUIRE(syntax_.empty());
    REQUIRE(result_.rules.has_value());
    return *result_.rules;
  }

  std::vector<const dsl::Diagnostic*> with_code(std::string_view code) const {
    std::vector<const dsl::Diagnostic*> found;
    for (const auto& d : result_.diagnostics)
      if (d.code == code) found.push_back(&d);
    return found;
  }

  // The one diagnostic with this code; fails the test unless there is exactly one.
  const dsl::Diagnostic& only(std::string_view code) const {
    const auto found = with_code(code);
    INFO("looking for exactly one '" << code << "' in:\n" << dump());
    REQUIRE(syntax_.empty());
    REQUIRE(found.size() == 1);
    return *found.front();
  }

  std::string dump() const {
    std::ostringstream out;
    for (const auto& d : syntax_) out << "syntax: " << d.where.line << ":" << d.where.col << " " << d.message << "\n";
    for (const auto& d : result_.diagnostics) {
      out << d.where.file << ":" << d.where.line << ":" << d.where.col << ": "
          << (d.severity == dsl::DiagSeverity::Error ? "error" : "warning") << " [" << d.code << "] " << d.message;
      if (!d.help.empty()) out << " (help: " << d.help << ")";
      out << "\n";
      for (const auto& n : d.notes)
        out << "    note: " << n.message << (n.where ? " at " + std::to_string(n.where->line) + ":" + std::to_string(n.where->col) : "") << "\n";
    }
    return out.str();
  }

 private:
  std::vector<std::unique_ptr<dsl::SourceFile>> sources_;
  dsl::Diagnostics syntax_;
  CheckResult result_;
};

// A small rule set in one file, clean apart from what `when` and `priority` put in:
//   lines 1–19  source accenture; metric sat (share, asked both, it benchmark 10%);
//               metric meetings (number, asked company); metric score (scale 1 to 5, asked it)
//   lines 20–26 finding f, whose condition starts at 23:8
//   lines 27–34 recommendation r, whose condition (f) starts at 31:8 and priority at 32:12
inline std::string rules_with(const std::string& when, const std::string& priority = "50",
                              const std::string& recommendation_when = "f") {
  return R"(source accenture
  title "Study"
end
metric sat
  question "Satisfied?"
  kind share
  asked both
  benchmark it about 10% from accenture
end
metric meetings
  question "How often?"
  kind number
  asked company
end
metric score
  question "Score?"
  kind scale 1 to 5
  asked it
end
finding f
  title "F"
  severity high
  when )" + when + R"(
  evidence accenture "one in ten"
  narrative "{it.sat} {marketing.sat} {meetings} {it.score}"
end
recommendation r
  title "R"
  owner both
  horizon 30 days
  when )" + recommendation_when + R"(
  priority )" + priority + R"(
  action "Meet"
end
)";
}

// One finding of seven lines, citing `source`, with the given condition (at line +3, column 8).
inline std::string finding_text(const std::string& id, const std::string& when, const std::string& source = "s") {
  return "finding " + id + "\n  title \"T\"\n  severity low\n  when " + when + "\n  evidence " + source +
         " \"q\"\n  narrative \"n\"\nend\n";
}

// "line:col", the way tests state where a diagnostic points.
inline std::string at(const dsl::Location& where) {
  return std::to_string(where.line) + ":" + std::to_string(where.col);
}
inline std::string at(const dsl::Diagnostic& d) { return at(d.where); }

// A profile for the rule set, by "it.metric", "marketing.metric" or "metric" (company level).
inline Profile profile_of(const RuleSet& rules, const std::map<std::string, double>& values) {
  Profile profile;
  profile.company.name = "Test Company";
  profile.values.assign(rules.slots.size(), kUnknown);
  for (const auto& [key, value] : values) {
    Audience audience = Audience::Company;
    std::string id = key;
    if (key.rfind("it.", 0) == 0) {
      audience = Audience::It;
      id = key.substr(3);
    } else if (key.rfind("marketing.", 0) == 0) {
      audience = Audience::Marketing;
      id = key.substr(10);
    }
    const auto metric = rules.metric_index(id);
    INFO("profile key " << key);
    REQUIRE(metric.has_value());
    const auto slot = rules.slot_of(*metric, audience);
    REQUIRE(slot.has_value());
    profile.values[*slot] = value;
  }
  return profile;
}

inline std::uint32_t finding_index(const RuleSet& rules, std::string_view id) {
  for (std::uint32_t i = 0; i < rules.findings.size(); ++i)
    if (rules.findings[i].id == id) return i;
  FAIL("no finding " << id);
  return 0;
}

inline std::uint32_t recommendation_index(const RuleSet& rules, std::string_view id) {
  for (std::uint32_t i = 0; i < rules.recommendations.size(); ++i)
    if (rules.recommendations[i].id == id) return i;
  FAIL("no recommendation " << id);
  return 0;
}

inline std::uint32_t slot_named(const RuleSet& rules, const std::string& id, Audience audience) {
  const auto metric = rules.metric_index(id);
  REQUIRE(metric.has_value());
  const auto slot = rules.slot_of(*metric, audience);
  REQUIRE(slot.has_value());
  return *slot;
}

}  // namespace rapport::engine::testing
