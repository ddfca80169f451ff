// Fuzzes `rapport import`: a CSV export read in every dialect, mapped with the example survey mapping,
// imported, and written as a profile, which must then load without errors: an import never writes a
// profile that assess would refuse.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/imported_profile.hpp"
#include "engine/csv.hpp"
#include "engine/profile.hpp"
#include "engine/survey_export.hpp"
#include "engine/survey_import.hpp"
#include "engine/survey_mapping.hpp"
#include "fuzz/bundled_rules.hpp"

using namespace rapport;

namespace {

const std::string& mapping_text() {
  static const std::string text = [] {
    std::ifstream in(RAPPORT_SOURCE_DIR "/examples/survey/northwind-survey.toml", std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    if (!in && !in.eof()) std::abort();
    return all.str();
  }();
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const engine::RuleSet& rules = fuzz::bundled_rules();
  dsl::SourceMap sources;
  const dsl::SourceFile& csv = sources.add("fuzz.csv", std::string(reinterpret_cast<const char*>(data), size));
  (void)engine::read_csv(csv);

  const engine::SurveyExport survey = engine::read_survey_export(csv);
  for (const auto& d : survey.diagnostics) (void)dsl::render(d, sources);
  if (survey.columns.empty()) return 0;
  const dsl::SourceFile& mapping_file = sources.add("survey.toml", mapping_text());
  const engine::MappingResult mapping = engine::read_survey_mapping(mapping_file, survey, rules);
  if (!mapping.mapping) return 0;
  const engine::SurveyImport imported = engine::import_survey(csv, survey, *mapping.mapping, rules);
  for (const auto& d : imported.diagnostics) (void)dsl::render(d, sources);
  if (dsl::has_errors(imported.diagnostics)) return 0;

  const std::string profile = cli::render_imported_profile(*mapping.mapping, imported, rules,
                                                           {"fuzz.csv", "survey.toml", survey.dialect});
  const dsl::SourceFile& written = sources.add("imported.toml", profile);
  const engine::ProfileResult loaded = engine::load_profile(written, rules);
  if (!loaded.profile) {
    std::fprintf(stderr, "csv_fuzzer: the imported profile does not load:\n%s\n", profile.c_str());
    for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", dsl::render(d, sources).c_str());
    std::abort();
  }
  return 0;
}
