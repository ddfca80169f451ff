// Fuzzes a rule file through everything `rapport check` and `rapport fmt` do: parse, check (with the
// lints), compile, render each diagnostic with its caret; evaluate the compiled rules on an empty
// profile; and format the file, which must give text that formats to itself.
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

#include "dsl/format.hpp"
#include "dsl/parser.hpp"
#include "engine/assessment.hpp"
#include "engine/checker.hpp"

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  dsl::SourceMap sources;
  const dsl::SourceFile& source = sources.add("fuzz.rules", text);
  dsl::ParseResult parsed = dsl::parse_rule_file(source);
  for (const auto& d : parsed.diagnostics) (void)dsl::render(d, sources);

  std::vector<engine::ParsedFile> files{{&source, parsed.file}};
  const engine::CheckResult checked = engine::check(files, engine::CheckFor::Everything);
  for (const auto& d : checked.diagnostics) (void)dsl::render(d, sources);
  if (checked.rules) {
    engine::Profile empty;
    empty.values.assign(checked.rules->slots.size(), engine::kUnknown);
    (void)engine::evaluate(*checked.rules, empty);
  }

  // format_source checks that the formatted text says what the original said, and throws if not.
  const dsl::FormatResult formatted = dsl::format_source(source);
  if (formatted.text) {
    const dsl::SourceFile again("fuzz.rules", *formatted.text);
    const dsl::FormatResult twice = dsl::format_source(again);
    if (!twice.text || *twice.text != *formatted.text) {
      std::fprintf(stderr, "rules_fuzzer: formatting is not idempotent\n--- once\n%s--- twice\n%s",
                   formatted.text->c_str(), twice.text ? twice.text->c_str() : "(syntax errors)\n");
      std::abort();
    }
  }
  return 0;
}
