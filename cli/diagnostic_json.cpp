// Diagnostics as JSON (see diagnostic_json.hpp). Keys keep a fixed order; a field that does not
// apply is null, never left out, so consumers need not test for presence.
#include "cli/diagnostic_json.hpp"

#include <nlohmann/json.hpp>

namespace rapport::cli {
namespace {

using Json = nlohmann::ordered_json;

Json or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// file, line, column and the end of the underlined span (one past its last character, on the same line).
void put_place(Json& object, const dsl::Location& where) {
  object["file"] = or_null(where.file);
  const bool placed = where.has_position();
  object["line"] = placed ? Json(where.line) : Json(nullptr);
  object["column"] = placed ? Json(where.col) : Json(nullptr);
  object["end_line"] = placed ? Json(where.line) : Json(nullptr);
  object["end_column"] = placed ? Json(where.col + where.length) : Json(nullptr);
}

Json diagnostic_json(const dsl::Diagnostic& d) {
  Json object;
  object["severity"] = d.severity == dsl::DiagSeverity::Error ? "error" : "warning";
  object["code"] = d.code;
  object["message"] = d.message;
  put_place(object, d.where);
  Json notes = Json::array();
  for (const auto& note : d.notes) {
    Json n;
    n["message"] = note.message;
    if (note.where) {
      put_place(n, *note.where);
    } else {
      put_place(n, dsl::Location{});
    }
    notes.push_back(std::move(n));
  }
  object["notes"] = std::move(notes);
  object["help"] = or_null(d.help);
  return object;
}

}  // namespace

std::string check_report_json(const std::vector<std::string>& files, const dsl::Diagnostics& diagnostics,
                              const engine::RuleSet* rules) {
  Json report;
  report["files"] = files;
  report["errors"] = dsl::count(diagnostics, dsl::DiagSeverity::Error);
  report["warnings"] = dsl::count(diagnostics, dsl::DiagSeverity::Warning);
  if (rules != nullptr) {
    report["rules"] = {{"sources", rules->sources.size()},
                       {"metrics", rules->metrics.size()},
                       {"findings", rules->findings.size()},
                       {"recommendations", rules->recommendations.size()}};
  } else {
    report["rules"] = nullptr;
  }
  Json list = Json::array();
  for (const auto& d : diagnostics) list.push_back(diagnostic_json(d));
  report["diagnostics"] = std::move(list);
  // Messages quote rule text; a stray invalid byte is replaced rather than failing the whole report.
  return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace rapport::cli
