// The portfolio-summary flags (see summary_options.hpp).
#include "cli/summary_options.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace rapport::cli {

PortfolioFormat SummaryRequest::resolved_format() const {
  if (format == "html") return PortfolioFormat::Html;
  if (format == "markdown") return PortfolioFormat::Markdown;
  std::string extension = std::filesystem::path(file).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".html" || extension == ".htm" ? PortfolioFormat::Html : PortfolioFormat::Markdown;
}

void add_summary_options(CLI::App& command, SummaryRequest& request) {
  CLI::Option* summary = command.add_option(
      "--summary", request.file,
      "Also write a portfolio summary to FILE: how often each recommendation and finding came out, and the spread "
      "of every metric and gap (docs/portfolio.md)");
  command.add_option("--format", request.format, "The summary's format: markdown or html (default: by FILE's extension)")
      ->check(CLI::IsMember({"markdown", "html"}))
      ->needs(summary);
  command
      .add_option_function<std::string>(
          "--highlight", [&request](const std::string& name) { request.highlight = name; },
          "Show where the client of this name sits in the summary (the first profile whose company name it is)")
      ->check(CLI::Validator([](std::string& name) { return name.empty() ? "the client's name must not be empty" : ""; },
                             "NAME"))
      ->needs(summary);
}

}  // namespace rapport::cli
