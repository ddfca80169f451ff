// The portfolio-summary flags: the format by extension or by --format, and the flags that need --summary.
#include <catch2/catch.hpp>

#include "cli/summary_options.hpp"

using namespace rapport::cli;

namespace {

// Parses `args` (as a shell would split them) with the summary flags alone.
SummaryRequest parsed(std::vector<std::string> args) {
  CLI::App app;
  SummaryRequest request;
  add_summary_options(app, request);
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last first
  app.parse(args);
  return request;
}

}  // namespace

TEST_CASE("the summary's format follows --format, else the file's extension, else Markdown", "[summary-options]") {
  CHECK(parsed({"--summary", "p.html"}).resolved_format() == PortfolioFormat::Html);
  CHECK(parsed({"--summary", "P.HTM"}).resolved_format() == PortfolioFormat::Html);
  CHECK(parsed({"--summary", "p.md"}).resolved_format() == PortfolioFormat::Markdown);
  CHECK(parsed({"--summary", "-"}).resolved_format() == PortfolioFormat::Markdown);
  CHECK(parsed({"--summary", "p.html", "--format", "markdown"}).resolved_format() == PortfolioFormat::Markdown);
  CHECK(parsed({"--summary", "p.txt", "--format", "html"}).resolved_format() == PortfolioFormat::Html);
  CHECK_FALSE(parsed({}).wanted());
}

TEST_CASE("the highlighted name is kept as given, spaces and all", "[summary-options]") {
  const SummaryRequest request = parsed({"--summary", "p.md", "--highlight", "Northwind Retail"});
  REQUIRE(request.highlight);
  CHECK(*request.highlight == "Northwind Retail");
  CHECK_FALSE(parsed({"--summary", "p.md"}).highlight);
}

TEST_CASE("the format or a highlight without --summary, an unknown format or an empty name are usage errors",
          "[summary-options]") {
  CHECK_THROWS_AS(parsed({"--format", "html"}), CLI::RequiresError);
  CHECK_THROWS_AS(parsed({"--highlight", "Northwind Retail"}), CLI::RequiresError);
  CHECK_THROWS_AS(parsed({"--summary", "p.md", "--format", "pdf"}), CLI::ValidationError);
  CHECK_THROWS_AS(parsed({"--summary", "p.md", "--highlight", ""}), CLI::ValidationError);
}
