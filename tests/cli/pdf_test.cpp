// End-to-end: PDF reports are printed by headless Chromium, and its absence is a clear error, not a crash.
#include <catch2/catch.hpp>

#include "run_rapport.hpp"

using rapport::test::run_rapport;
using rapport::test::scratch_dir;
using rapport::test::slurp;

TEST_CASE("a PDF report needs an output file, since it is binary", "[pdf][e2e]") {
  auto result = run_rapport({"assess", "examples/northwind-retail.toml", "-f", "pdf"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("-o") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("without Chromium, a PDF report exits 4, says how to install it and writes nothing", "[pdf][e2e]") {
  auto dir = scratch_dir("pdf-missing");
  auto pdf = (dir / "report.pdf").string();
  auto result = run_rapport({"assess", "examples/northwind-retail.toml", "-f", "pdf", "-o", pdf}, "PATH=/nonexistent");
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("apt-get install chromium") != std::string::npos);
  CHECK(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST_CASE("with Chromium installed, a PDF report is a real PDF file", "[pdf][e2e]") {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) {
    WARN("chromium is not installed (bash scripts/setup.sh --tests installs it); skipping the PDF rendering check");
    return;
  }
  auto dir = scratch_dir("pdf-real");
  auto pdf = (dir / "northwind.pdf").string();
  auto result = run_rapport({"assess", "examples/northwind-retail.toml", "-f", "pdf", "-o", pdf});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto bytes = slurp(pdf);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  CHECK(bytes.size() > 10000);
  std::filesystem::remove_all(dir);
}
