// The portfolio summary `rapport batch --summary FILE` writes: Markdown or self-contained HTML with charts,
// built from an engine::Portfolio (portfolio_model.hpp) and written atomically.
#pragma once

#include <optional>
#include <string>

#include "cli/brand.hpp"
#include "cli/portfolio_model.hpp"

namespace rapport::cli {

enum class PortfolioFormat { Markdown, Html };

std::string render_portfolio_markdown(const PortfolioReport& report, const Brand& brand);
std::string render_portfolio_html(const PortfolioReport& report, const Brand& brand);  // inline CSS and SVG, no scripts

// Builds, renders and writes the summary to `output` atomically ("-" for standard output).
// Throws IoError when it cannot be written.
void write_portfolio_summary(const PortfolioSummaryInput& input, PortfolioFormat format, const std::string& output,
                             const Brand& brand = {});

// What to tell the user when --highlight named a client the input does not hold ("no profile is named
// “X”; ..."), or nothing when the highlight was found or not asked for. The caller prints it as a warning.
std::optional<std::string> highlight_warning(const engine::Portfolio& portfolio);

// Today's date in the local time zone, "2026-11-02": the summary's date.
std::string today();

}  // namespace rapport::cli
