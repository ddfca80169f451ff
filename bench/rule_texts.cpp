// Checking rule texts in memory (see rule_texts.hpp).
#include "bench/rule_texts.hpp"

#include <stdexcept>

#include "cli/file_io.hpp"
#include "cli/rule_loading.hpp"
#include "dsl/parser.hpp"
#include "dsl/source_file.hpp"

namespace rapport::bench {

namespace {

engine::CheckResult check_in(const std::vector<RuleText>& texts, dsl::SourceMap& sources, engine::CheckFor purpose) {
  std::vector<engine::ParsedFile> parsed;
  dsl::Diagnostics syntax;
  for (const RuleText& t : texts) {
    const dsl::SourceFile& source = sources.add(t.path, t.text);
    dsl::ParseResult result = dsl::parse_rule_file(source);
    syntax.insert(syntax.end(), result.diagnostics.begin(), result.diagnostics.end());
    parsed.push_back({&source, std::move(result.file)});
  }
  if (dsl::has_errors(syntax)) return {std::nullopt, syntax};
  return engine::check(parsed, purpose);
}

}  // namespace

engine::CheckResult check_rule_texts(const std::vector<RuleText>& texts, engine::CheckFor purpose) {
  dsl::SourceMap sources;
  return check_in(texts, sources, purpose);
}

engine::RuleSet load_rule_texts(const std::vector<RuleText>& texts) {
  dsl::SourceMap sources;
  engine::CheckResult result = check_in(texts, sources, engine::CheckFor::Evaluation);
  for (const dsl::Diagnostic& d : result.diagnostics)
    if (d.severity == dsl::DiagSeverity::Error) throw std::runtime_error(dsl::render(d, sources));
  if (!result.rules) throw std::runtime_error("the rules did not check");
  return std::move(*result.rules);
}

std::vector<RuleText> read_rule_texts(const std::string& path) {
  std::vector<RuleText> texts;
  for (const std::string& file : cli::find_rule_files({path})) texts.push_back({file, cli::read_text_file(file)});
  return texts;
}

std::size_t total_size(const std::vector<RuleText>& texts) {
  std::size_t size = 0;
  for (const RuleText& t : texts) size += t.text.size();
  return size;
}

}  // namespace rapport::bench
