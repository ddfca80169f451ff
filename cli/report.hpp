// The report renderers: one assessment, shown as text for a terminal or as JSON for tools.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/assessment.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::cli {

struct ReportInput {
  const engine::RuleSet& rules;
  const engine::Profile& profile;
  const engine::Assessment& assessment;
  std::vector<std::string> rule_files;
  std::string rules_fingerprint;  // identifies the rule set's content (see RuleInput)
  std::size_t top = 0;   // show at most this many recommendations (0 = all)
};

struct TextStyle {
  bool color = false;
  int width = 100;

  // `text` in the ANSI style `code` (e.g. "1" bold, "31" red) when colour is on; as it is otherwise.
  std::string paint(const char* code, std::string_view text) const;
};

struct ClientReport;
struct Brand;

std::string render_text(const ClientReport& report, const TextStyle& style);
std::string render_markdown(const ClientReport& report, const Brand& brand);
std::string render_html(const ClientReport& report, const Brand& brand);  // self-contained, inline CSS + SVG
std::string render_json(const ReportInput& input);  // documented in docs/json-output.md

// The recommendations a report shows, in rank order, honouring --top.
std::vector<std::uint32_t> shown_ranking(const ReportInput& input);

// Findings in the order reports list them: fired first by severity (critical first), then declaration order.
std::vector<std::uint32_t> findings_by_severity(const ReportInput& input, engine::Verdict verdict);

}  // namespace rapport::cli
