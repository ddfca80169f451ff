// The renderers of `rapport diff`: one AssessmentDiff as text for a terminal, GFM markdown, or one HTML page.
#pragma once

#include <string>

#include "cli/assessment_diff.hpp"
#include "cli/report.hpp"  // TextStyle

namespace rapport::cli {

std::string render_diff_text(const AssessmentDiff& diff, const TextStyle& style);
std::string render_diff_markdown(const AssessmentDiff& diff);
std::string render_diff_html(const AssessmentDiff& diff);  // self-contained, inline CSS

}  // namespace rapport::cli
