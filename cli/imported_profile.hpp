// Writing what `rapport import` found as a profile (TOML, docs/profile.md) ready for `assess`, and the
// words that summarise an import: rows left out, figures suppressed for anonymity.
#pragma once

#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/survey_export.hpp"
#include "engine/survey_import.hpp"
#include "engine/survey_mapping.hpp"

namespace rapport::cli {

// Where the figures came from, for the profile's opening comment (no date: the output is reproducible).
struct ImportSources {
  std::string responses;  // the export's path, as given
  std::string mapping;    // the mapping's path, as given
  engine::Dialect dialect = engine::Dialect::Plain;
};

std::string render_imported_profile(const engine::SurveyMapping& mapping, const engine::SurveyImport& imported,
                                    const engine::RuleSet& rules, const ImportSources& sources);

// "imported 36 responses (14 IT, 22 marketing) from FROM; left out 2 survey previews and 1 unfinished
// response; 1 answer could not be read"
std::string import_summary(const engine::SurveyImport& imported, const std::string& from);

// One sentence per suppressed figure or group, and per metric nobody answered, saying why.
std::vector<std::string> import_notes(const engine::SurveyImport& imported, const engine::RuleSet& rules);

}  // namespace rapport::cli
