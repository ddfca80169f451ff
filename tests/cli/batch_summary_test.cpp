// rapport batch --summary, end to end: the bundled sample portfolio with Northwind Retail added, summarised
// as HTML and Markdown, with the client highlighted; the summary the same whatever the threads; bad records
// counted; a name no profile carries warned about; the flags' usage errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <toml++/toml.h>

#include "run_rapport.hpp"

namespace fs = std::filesystem;
using rapport::test::run_rapport;
using rapport::test::scratch_dir;
using rapport::test::slurp;

namespace {

const std::string kSource = RAPPORT_SOURCE_DIR;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A TOML profile as one line of JSON (toml++ renders it; dates become strings).
std::string as_json_line(const fs::path& toml_file) {
  std::ostringstream rendered;
  rendered << toml::json_formatter{toml::parse_file(toml_file.string())};
  std::string line = rendered.str();
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

// The bundled sample portfolio (300 generated clients), then Northwind Retail, then `extra` lines.
fs::path portfolio_with_northwind(const fs::path& dir, const std::string& extra = "") {
  const fs::path path = dir / "portfolio.jsonl";
  std::ofstream out(path, std::ios::binary);
  out << slurp(kSource + "/examples/batch/portfolio.jsonl")
      << as_json_line(kSource + "/examples/northwind-retail.toml") << "\n"
      << extra;
  return path;
}

// The summary without its date line, which says when it was made.
std::string undated(const std::string& summary) {
  std::istringstream in(summary);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (!contains(line, "Summary date")) out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("batch --summary writes an HTML portfolio summary with charts and the highlighted client",
          "[batch][summary][e2e]") {
  const fs::path dir = scratch_dir("summary-html");
  const fs::path input = portfolio_with_northwind(dir);
  const auto result = run_rapport({"batch", input.string(), "-r", "rules", "-o", (dir / "out.jsonl").string(),
                                   "--summary", (dir / "s.html").string(), "--format", "html", "--highlight",
                                   "Northwind Retail"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  const std::string lines = slurp(dir / "out.jsonl");
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 301);
  const std::string html = slurp(dir / "s.html");
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(contains(html, "Content-Security-Policy"));
  CHECK_FALSE(contains(html, "<script"));
  CHECK(contains(html, "301 client profiles"));
  CHECK(occurrences(html, "<svg") == 4);
  CHECK(contains(html, "Highlighted client: Northwind Retail"));
  CHECK(contains(html, "The 301st profile assessed"));
  CHECK(contains(html, "<title>Northwind Retail: 21% (percentile rank "));  // IT's satisfaction, placed
  CHECK(contains(html, "Northwind Retail has it"));
  fs::remove_all(dir);
}

TEST_CASE("batch --summary FILE.md writes Markdown, going by the extension", "[batch][summary][e2e]") {
  const fs::path dir = scratch_dir("summary-md");
  const auto result = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o",
                                   (dir / "out.jsonl").string(), "--summary", (dir / "s.md").string()});
  REQUIRE(result.exit_code == 0);
  const std::string md = slurp(dir / "s.md");
  CHECK(md.starts_with("# Portfolio summary"));
  CHECK(contains(md, "| Profiles | 300 |"));
  CHECK(contains(md, "## Gap distributions (IT − marketing)"));
  fs::remove_all(dir);
}

TEST_CASE("the summary is the same with 1 and with 4 threads", "[batch][summary][e2e]") {
  const fs::path dir = scratch_dir("summary-threads");
  const fs::path input = portfolio_with_northwind(dir);
  for (const char* threads : {"1", "4"}) {
    const auto result = run_rapport({"batch", input.string(), "-r", "rules", "-o", (dir / "out.jsonl").string(),
                                     "--threads", threads, "--summary", (dir / (std::string(threads) + ".md")).string(),
                                     "--highlight", "Northwind Retail"});
    REQUIRE(result.exit_code == 0);
  }
  CHECK(undated(slurp(dir / "1.md")) == undated(slurp(dir / "4.md")));
  fs::remove_all(dir);
}

TEST_CASE("a highlighted name no profile carries is warned about, and the summary says so", "[batch][summary][e2e]") {
  const fs::path dir = scratch_dir("summary-nobody");
  const auto result = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o",
                                   (dir / "out.jsonl").string(), "--summary", (dir / "s.md").string(), "--highlight",
                                   "Northwind"});
  CHECK(result.exit_code == 0);
  CHECK(contains(result.err, "warning: no profile is named “Northwind”"));
  CHECK(contains(slurp(dir / "s.md"), "No profile in the input is named “Northwind”"));
  fs::remove_all(dir);
}

TEST_CASE("with bad records the summary is still written, counting what could not be read; exit 3",
          "[batch][summary][e2e]") {
  const fs::path dir = scratch_dir("summary-bad");
  const fs::path input =
      portfolio_with_northwind(dir, R"({"company":{"name":"Bad Co"},"it":{"satisfied_with_collaboration":58}})" "\n");
  const auto result = run_rapport({"batch", input.string(), "-r", "rules", "-o", (dir / "out.jsonl").string(),
                                   "--summary", (dir / "s.md").string()});
  CHECK(result.exit_code == 3);
  const std::string md = slurp(dir / "s.md");
  CHECK(contains(md, "| Profiles | 301 |"));
  CHECK(contains(md, "1 input record could not be read and is not counted"));
  fs::remove_all(dir);
}

TEST_CASE("the summary can go to standard output when the JSON lines go to a file", "[batch][summary][e2e]") {
  const fs::path dir = scratch_dir("summary-stdout");
  const auto result = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o",
                                   (dir / "out.jsonl").string(), "--summary", "-"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.starts_with("# Portfolio summary"));
  fs::remove_all(dir);
}

TEST_CASE("a portfolio smaller than --min-group-size has its figures withheld", "[batch][summary][e2e]") {
  const fs::path dir = scratch_dir("summary-small");
  fs::create_directories(dir / "clients");
  for (const char* name : {"northwind-retail", "meridian-bank", "harbor-logistics"}) {
    fs::copy_file(kSource + "/examples/" + name + ".toml", dir / "clients" / (std::string(name) + ".toml"));
  }
  const auto result = run_rapport({"batch", (dir / "clients").string(), "-r", "rules", "-o",
                                   (dir / "out.jsonl").string(), "--summary", (dir / "s.html").string(),
                                   "--highlight", "Northwind Retail"});
  REQUIRE(result.exit_code == 0);
  const std::string html = slurp(dir / "s.html");
  CHECK(contains(html, "Too few profiles to summarise"));
  CHECK_FALSE(contains(html, "<svg"));
  CHECK(contains(html, "Highlighted client: Northwind Retail"));
  fs::remove_all(dir);
}

TEST_CASE("the summary flags' usage errors exit 2", "[batch][summary][e2e]") {
  const std::string input = "examples/batch/portfolio.jsonl";
  const auto both_stdout = run_rapport({"batch", input, "-r", "rules", "--summary", "-"});
  CHECK(both_stdout.exit_code == 2);
  CHECK(contains(both_stdout.err, "cannot both go to standard output"));
  CHECK(run_rapport({"batch", input, "-r", "rules", "--format", "html"}).exit_code == 2);
  CHECK(run_rapport({"batch", input, "-r", "rules", "--highlight", "Northwind Retail"}).exit_code == 2);
  CHECK(run_rapport({"batch", input, "-r", "rules", "-o", "/dev/null", "--summary", "s.pdf", "--format", "pdf"})
            .exit_code == 2);
  const auto over_input = run_rapport({"batch", input, "-r", "rules", "-o", "/dev/null", "--summary", input});
  CHECK(over_input.exit_code == 2);
  CHECK(contains(over_input.err, "names an input file"));
  const fs::path dir = scratch_dir("summary-usage");
  const std::string out = (dir / "out.jsonl").string();
  CHECK(run_rapport({"batch", input, "-r", "rules", "-o", out, "--summary", out}).exit_code == 2);
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(dir);
}
