// The portfolio-summary flags of `rapport batch`: --summary FILE, --format markdown|html, --highlight NAME.
// Defined here, next to the summary, so the command only adds them and reads the request.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/portfolio_summary.hpp"

namespace rapport::cli {

struct SummaryRequest {
  std::string file;                      // "" when no summary is asked for; "-" for standard output
  std::string format;                    // "markdown", "html", or "" to go by the file's extension
  std::optional<std::string> highlight;  // the client to place in the portfolio

  bool wanted() const { return !file.empty(); }
  // --format when given; otherwise HTML for a .html or .htm file, Markdown for anything else.
  PortfolioFormat resolved_format() const;
};

// --format and --highlight need --summary; an empty --highlight is refused (CLI11 reports both as usage errors).
void add_summary_options(CLI::App& command, SummaryRequest& request);

}  // namespace rapport::cli
