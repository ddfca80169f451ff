// How values and rule-set terms read in reports: 58%, +12 pp, 3.5, yes/no, n/a, "CIO and CMO".
#pragma once

#include <string>

#include "engine/assessment.hpp"
#include "engine/model.hpp"

namespace rapport::cli {

std::string format_value(double value, engine::Unit unit);   // "n/a" when unknown
std::string format_number(double value);                     // 3, 3.5, 0.25 (at most 2 decimals)
std::string format_benchmark(const engine::Benchmark& benchmark, const engine::Metric& metric);

// The text with every placeholder filled in.
std::string fill(const engine::FilledText& text);

engine::Unit unit_of(const engine::Metric& metric);
std::string audience_name(engine::Audience audience);        // "IT", "marketing", "company"
std::string audience_key(engine::Audience audience);         // "it", "marketing", "company" (as in rules)
std::string owner_name(engine::Owner owner);                 // "CIO", "CMO", "CIO and CMO"
std::string owner_key(engine::Owner owner);                  // "cio", "cmo", "both"
std::string severity_key(engine::Severity severity);         // "info" ... "critical"
std::string kind_key(engine::MetricKind kind);               // "share", "scale", "number", "flag"
std::string bound_key(engine::Bound bound);                  // "exact", "about", "under", "over"
std::string verdict_key(engine::Verdict verdict);            // "fired", "not_fired", "unknown"
// How the rules refer to a slot: "it.metric", "marketing.metric" or "metric".
std::string slot_reference(const engine::RuleSet& rules, std::uint32_t slot);

}  // namespace rapport::cli
