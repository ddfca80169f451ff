// Rule sets from texts already in memory, so the loading benchmark times parsing, checking and
// compiling and nothing of the file system: what cli::load_rules does after reading the files.
#pragma once

#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/checker.hpp"

namespace rapport::bench {

struct RuleText {
  std::string path;
  std::string text;
};

// Parses every text and checks them as one rule set (warnings allowed). CheckFor::Evaluation is what the
// commands that evaluate do (assess, batch, ...); CheckFor::Everything is rapport check.
engine::CheckResult check_rule_texts(const std::vector<RuleText>& texts, engine::CheckFor purpose);

// The same, for callers that need the rules: throws std::runtime_error with the first error, rendered.
engine::RuleSet load_rule_texts(const std::vector<RuleText>& texts);

// The *.rules files of a directory (or a file), read, in path order.
std::vector<RuleText> read_rule_texts(const std::string& path);

std::size_t total_size(const std::vector<RuleText>& texts);

}  // namespace rapport::bench
