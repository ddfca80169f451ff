// rapport batch, run as a user or a cluster would: JSON Lines in, one JSON line per profile out, in
// input order whatever the threads; bad records reported and skipped; a pure stdin-to-stdout filter.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "run_rapport.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using rapport::test::run_rapport;
using rapport::test::scratch_dir;
using rapport::test::shell_quote;
using rapport::test::slurp;

namespace {

const std::string kSource = RAPPORT_SOURCE_DIR;

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<json> records_of(const std::string& output) {
  std::vector<json> records;
  for (const auto& line : lines_of(output)) records.push_back(json::parse(line));
  return records;
}

// The bundled examples, in name order.
std::vector<fs::path> example_paths() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(kSource + "/examples"))
    if (entry.path().extension() == ".toml") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  return paths;
}

// A TOML profile as one line of JSON: toml++ renders it as JSON (dates as strings); the line breaks
// between its tokens go.
std::string as_json_line(const fs::path& toml_file) {
  std::ostringstream rendered;
  rendered << toml::json_formatter{toml::parse_file(toml_file.string())};
  std::string line = rendered.str();
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

// The portfolio bundled for the docs: a few hundred generated profiles (scripts/make-batch-sample.py).
std::string portfolio() { return slurp(kSource + "/examples/batch/portfolio.jsonl"); }

// Runs a shell command in `dir`, standard input from `input` (a file), standard output and error to
// files elsewhere, with TMPDIR pointed at `tmp`. Returns {exit code, out, err}.
rapport::test::RunResult run_in(const fs::path& dir, const std::string& arguments, const fs::path& input,
                                const fs::path& tmp) {
  const fs::path captured = scratch_dir("batch-captured");
  const std::string command = "cd " + shell_quote(dir.string()) + " && TMPDIR=" + shell_quote(tmp.string()) + " " +
                              shell_quote(RAPPORT_BINARY) + " " + arguments + " <" + shell_quote(input.string()) +
                              " >" + shell_quote((captured / "out").string()) + " 2>" +
                              shell_quote((captured / "err").string());
  const int status = std::system(command.c_str());
  rapport::test::RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(captured / "out");
  result.err = slurp(captured / "err");
  fs::remove_all(captured);
  return result;
}

bool is_empty_dir(const fs::path& dir) { return fs::is_empty(dir); }

std::vector<std::string> ids_with(const json& report, const std::string& list, const std::string& status) {
  std::vector<std::string> ids;
  for (const auto& item : report[list])
    if (item["status"] == status) ids.push_back(item["id"]);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::string> sorted(const json& array) {
  std::vector<std::string> ids = array.get<std::vector<std::string>>();
  std::sort(ids.begin(), ids.end());
  return ids;
}

const std::string kGood = R"({"company":{"name":"Good Co"},"it":{"satisfied_with_collaboration":0.2}})";

}  // namespace

// ---------------------------------------------------------------- what it says about each profile

TEST_CASE("batch gives each example, as a JSON line, the ranking, priorities and findings that assess gives",
          "[batch][examples]") {
  const fs::path dir = scratch_dir("batch-examples");
  std::string jsonl;
  const auto paths = example_paths();
  for (const auto& path : paths) jsonl += as_json_line(path) + "\n";
  write_file(dir / "examples.jsonl", jsonl);

  const auto batch = run_rapport({"batch", (dir / "examples.jsonl").string(), "-r", "rules"});
  INFO(batch.err);
  REQUIRE(batch.exit_code == 0);
  const auto records = records_of(batch.out);
  REQUIRE(records.size() == paths.size());

  for (std::size_t i = 0; i < paths.size(); ++i) {
    INFO(paths[i]);
    const auto assessed = run_rapport({"assess", paths[i].string(), "-r", "rules", "-f", "json"});
    REQUIRE(assessed.exit_code == 0);
    const json report = json::parse(assessed.out);
    const json& record = records[i];
    CHECK(record["line"] == i + 1);
    CHECK(record["company"] == report["company"]["name"]);

    REQUIRE(record["recommendations"].size() == report["recommendations"].size());
    for (std::size_t r = 0; r < report["recommendations"].size(); ++r) {
      const json& want = report["recommendations"][r];
      const json& got = record["recommendations"][r];
      INFO("rank " << r + 1);
      CHECK(got["id"] == want["id"]);
      CHECK(got["priority"].get<double>() == Approx(want["priority"].get<double>()));
      CHECK(got["tentative"] == want["tentative"]);
    }
    CHECK(sorted(record["fired"]) == ids_with(report, "findings", "fired"));
    CHECK(sorted(record["unknown"]) == ids_with(report, "findings", "unknown"));
    std::vector<std::string> tentative;
    for (const auto& f : report["findings"])
      if (f["status"] == "fired" && f["tentative"] == true) tentative.push_back(f["id"]);
    std::sort(tentative.begin(), tentative.end());
    CHECK(sorted(record["tentative"]) == tentative);
  }
  fs::remove_all(dir);
}

TEST_CASE("batch takes assess's evidence options: a higher --min-n leaves more findings unknown", "[batch]") {
  const auto count_unknown = [](const std::string& output) {
    std::size_t unknown = 0;
    for (const auto& record : records_of(output)) unknown += record["unknown"].size();
    return unknown;
  };
  const auto usual = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules"});
  const auto strict = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "--min-n", "40"});
  REQUIRE(usual.exit_code == 0);
  REQUIRE(strict.exit_code == 0);
  CHECK(count_unknown(strict.out) > count_unknown(usual.out));
}

// ---------------------------------------------------------------- bad records

TEST_CASE("a bad record in the middle gets an error line with its line number; the others are assessed; exit 3",
          "[batch]") {
  const fs::path dir = scratch_dir("batch-bad");
  const std::string bad = R"({"company":{"name":"Bad Co"},"it":{"satisfied_with_collaboration":58}})";
  write_file(dir / "p.jsonl", kGood + "\n" + kGood + "\n" + bad + "\n" + kGood + "\n");
  const auto result = run_rapport({"batch", (dir / "p.jsonl").string(), "-r", "rules"});
  CHECK(result.exit_code == 3);
  const auto records = records_of(result.out);
  REQUIRE(records.size() == 4);
  for (int i : {0, 1, 3}) {
    CHECK(records[i]["company"] == "Good Co");
    CHECK(records[i]["line"] == i + 1);
  }
  const std::string place = (dir / "p.jsonl").string() + ":3:" + std::to_string(bad.find("58") + 1);
  CHECK(records[2]["line"] == 3);
  CHECK(records[2]["error"] == place + ": error: 'satisfied_with_collaboration' is 58, outside 0 to 1 (shares are fractions)");
  CHECK(records[2]["errors"].size() == 1);
  CHECK_FALSE(records[2].contains("company"));
  // Standard error shows it as every diagnostic is shown: place, the line quoted, a caret, help.
  CHECK(result.err.find(place + ": error:") != std::string::npos);
  CHECK(result.err.find("   3 | " + bad) != std::string::npos);
  CHECK(result.err.find("^~") != std::string::npos);
  CHECK(result.err.find("help: write 0.58 or \"58%\"") != std::string::npos);
  CHECK(result.err.find("1 of 4 records") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("bad records of every kind mixed into good ones: each good one assessed, each bad one reported at its line; "
          "exit 3",
          "[batch]") {
  const fs::path dir = scratch_dir("batch-mixed");
  const std::string company = R"({"company":{"name":"X"},"it":{"satisfied_with_collaboration":)";
  struct Bad {
    std::string record;
    std::string says;  // the start of its error's message
  };
  const std::vector<Bad> bad = {
      {R"({"company":{"name":"Broken"},"it":{)", "invalid JSON: an object or array is never closed"},
      {company + R"("lots"}})", "'satisfied_with_collaboration' "},
      {company + "58}}", "'satisfied_with_collaboration' is 58, outside 0 to 1"},
      {company + "1e999}}", "invalid JSON: a number is malformed or too large"},
      {company + "NaN}}", "invalid JSON: NaN is not a number JSON can hold"},
      {company + R"("NaN"}})", "'satisfied_with_collaboration' "},
      {"{\"company\":{\"name\":\"Caf\xE9\"}}", "not valid UTF-8: byte 0xE9"},
      {std::string("\x00\x01\x02\x03binary\x00\xFF", 12), "this line is not text: it looks like binary data"},
      {R"(["an array"])", "a profile is a JSON object, not an array"},
  };
  // Good records first and last, and between every two bad ones.
  std::string input = kGood + "\n";
  std::vector<std::size_t> bad_lines;
  std::size_t line = 2;
  for (const Bad& b : bad) {
    input += b.record + "\n" + kGood + "\n";
    bad_lines.push_back(line);
    line += 2;
  }
  write_file(dir / "mixed.jsonl", input);
  const auto result = run_rapport({"batch", (dir / "mixed.jsonl").string(), "-r", "rules", "--threads", "3"});
  CHECK(result.exit_code == 3);
  const auto records = records_of(result.out);
  REQUIRE(records.size() == 2 * bad.size() + 1);
  for (std::size_t i = 0; i < records.size(); ++i) {
    INFO("line " << i + 1);
    CHECK(records[i]["line"] == i + 1);
    const bool is_bad = std::find(bad_lines.begin(), bad_lines.end(), i + 1) != bad_lines.end();
    CHECK(records[i].contains("error") == is_bad);
    if (!is_bad) CHECK(records[i]["company"] == "Good Co");
  }
  for (std::size_t k = 0; k < bad.size(); ++k) {
    const std::string error = records[bad_lines[k] - 1]["error"];
    INFO(error);
    const std::string place = (dir / "mixed.jsonl").string() + ":" + std::to_string(bad_lines[k]) + ":";
    CHECK(error.starts_with(place));
    CHECK(error.find(": error: " + bad[k].says) != std::string::npos);
  }
  CHECK(result.err.find("error: 9 of 19 records in " + (dir / "mixed.jsonl").string() + " could not be read") !=
        std::string::npos);
  // Standard error shows each bad record as a diagnostic, but no raw byte of the binary line.
  CHECK(result.err.find(std::string("\x00", 1)) == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("standard error shows the first 20 bad records and counts the rest; every one gets its error line",
          "[batch]") {
  const fs::path dir = scratch_dir("batch-many-bad");
  std::string input;
  for (int i = 0; i < 30; ++i) input += R"({"company":{"name":"X"},"it":{"satisfied_with_collaboration":"lots"}})" "\n";
  write_file(dir / "bad.jsonl", input);
  const auto result = run_rapport({"batch", (dir / "bad.jsonl").string(), "-r", "rules"});
  CHECK(result.exit_code == 3);
  CHECK(records_of(result.out).size() == 30);
  std::size_t shown = 0;
  for (std::size_t at = 0; (at = result.err.find(": error: 'satisfied", at)) != std::string::npos; ++at) ++shown;
  CHECK(shown == 20);
  CHECK(result.err.find("... and 10 more records with errors, not shown here") != std::string::npos);
  CHECK(result.err.find("error: 30 of 30 records") != std::string::npos);
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- order and threads

TEST_CASE("the output is byte for byte the same with 1 and with 4 threads, in input order", "[batch]") {
  const fs::path dir = scratch_dir("batch-threads");
  std::string input;
  const auto lines = lines_of(portfolio());
  for (int round = 0; round < 10; ++round) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      input += lines[i] + "\n";
      if (i % 97 == 0) input += R"({"company":{"name":"Broken"},"it":{"trust_in_other_function":9}})" "\n";
    }
  }
  write_file(dir / "many.jsonl", input);
  const auto one = run_rapport({"batch", (dir / "many.jsonl").string(), "-r", "rules", "--threads", "1"});
  const auto four = run_rapport({"batch", (dir / "many.jsonl").string(), "-r", "rules", "--threads", "4"});
  CHECK(one.exit_code == 3);
  CHECK(four.exit_code == 3);
  CHECK(one.out == four.out);
  const auto records = records_of(four.out);
  REQUIRE(records.size() == lines_of(input).size());
  REQUIRE(records.size() > 3000);
  for (std::size_t i = 0; i < records.size(); ++i) REQUIRE(records[i]["line"] == i + 1);
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- the filter contract

TEST_CASE("batch - reads standard input and writes standard output, and writes no file at all", "[batch]") {
  const fs::path work = scratch_dir("batch-filter-work");
  const fs::path tmp = scratch_dir("batch-filter-tmp");
  const fs::path input = fs::path(kSource) / "examples/batch/portfolio.jsonl";
  const auto filtered = run_in(work, "batch - -r " + shell_quote(kSource + "/rules") + " --threads 2", input, tmp);
  INFO(filtered.err);
  CHECK(filtered.exit_code == 0);
  CHECK(filtered.err.empty());
  CHECK(is_empty_dir(work));
  CHECK(is_empty_dir(tmp));
  const auto from_file = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules"});
  CHECK(filtered.out == from_file.out);
  CHECK(lines_of(filtered.out).size() == lines_of(portfolio()).size());
  fs::remove_all(work);
  fs::remove_all(tmp);
}

TEST_CASE("blank lines are skipped, a byte order mark and CRLF line ends are read", "[batch]") {
  const fs::path dir = scratch_dir("batch-crlf");
  const std::string bad = R"({"company":{"name":"Bad"},"it":{"alignment":1}})";
  write_file(dir / "windows.jsonl",
             "\xEF\xBB\xBF" + kGood + "\r\n\r\n   \r\n" + kGood + "\r\n" + bad + "\r\n\n" + kGood);  // no final line end
  const auto result = run_rapport({"batch", (dir / "windows.jsonl").string(), "-r", "rules"});
  CHECK(result.exit_code == 3);
  const auto records = records_of(result.out);
  REQUIRE(records.size() == 4);
  CHECK(records[0]["line"] == 1);
  CHECK(records[0]["company"] == "Good Co");
  CHECK(records[1]["line"] == 4);
  CHECK(records[2]["line"] == 5);
  CHECK(records[3]["line"] == 7);
  CHECK(records[3]["company"] == "Good Co");
  const std::string place = (dir / "windows.jsonl").string() + ":5:" + std::to_string(bad.find("\"alignment\"") + 1);
  CHECK(records[2]["error"].get<std::string>().starts_with(place + ": error: unknown metric 'alignment'"));
  CHECK(result.err.find("   5 | " + bad + "\n") != std::string::npos);  // quoted without its \r
  fs::remove_all(dir);
}

TEST_CASE("a directory of TOML profiles is read file by file, in name order, each line naming its file",
          "[batch]") {
  const fs::path dir = scratch_dir("batch-dir");
  fs::copy_file(kSource + "/examples/northwind-retail.toml", dir / "b-northwind.toml");
  fs::copy_file(kSource + "/examples/meridian-bank.toml", dir / "a-meridian.toml");
  write_file(dir / "c-broken.toml", "[company]\nname = \"Broken\"\n[it]\nsatisfied_with_collaboration = 58\n");
  write_file(dir / "notes.txt", "not a profile");
  const auto result = run_rapport({"batch", dir.string(), "-r", "rules"});
  CHECK(result.exit_code == 3);
  const auto records = records_of(result.out);
  REQUIRE(records.size() == 3);
  CHECK(records[0]["file"] == (dir / "a-meridian.toml").string());
  CHECK(records[0]["company"] == "Meridian Bank");
  CHECK(records[1]["company"] == "Northwind Retail");
  CHECK(records[2]["file"] == (dir / "c-broken.toml").string());
  CHECK(records[2]["error"] == (dir / "c-broken.toml").string() +
                                    ":4:32: error: 'satisfied_with_collaboration' is 58, outside 0 to 1 (shares are fractions)");
  CHECK(result.err.find("   4 | satisfied_with_collaboration = 58") != std::string::npos);
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- -o and failures

TEST_CASE("an output file named with -o is written atomically, and nothing else is left behind", "[batch]") {
  const fs::path dir = scratch_dir("batch-out");
  const auto result = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o", (dir / "out.jsonl").string()});
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(lines_of(slurp(dir / "out.jsonl")).size() == lines_of(portfolio()).size());
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

TEST_CASE("an input that fails midway leaves no output file, not even a partial one; exit 4", "[batch]") {
  const fs::path dir = scratch_dir("batch-fail");
  const fs::path profiles = dir / "profiles";
  const fs::path out = dir / "out";
  fs::create_directories(profiles);
  fs::create_directories(out);
  for (int i = 0; i < 40; ++i)
    fs::copy_file(kSource + "/examples/harbor-logistics.toml", profiles / ("a" + std::to_string(100 + i) + ".toml"));
  fs::create_symlink(dir / "missing.toml", profiles / "b-gone.toml");  // read after the first chunks
  const auto result = run_rapport({"batch", profiles.string(), "-r", "rules", "-o", (out / "all.jsonl").string()});
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("cannot read " + (profiles / "b-gone.toml").string()) != std::string::npos);
  CHECK(is_empty_dir(out));
  fs::remove_all(dir);
}

TEST_CASE("an input that does not exist exits 4 and writes no output file", "[batch]") {
  const fs::path dir = scratch_dir("batch-missing");
  const auto result = run_rapport({"batch", (dir / "nothing.jsonl").string(), "-o", (dir / "out.jsonl").string()});
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("cannot read") != std::string::npos);
  CHECK(is_empty_dir(dir));
  fs::remove_all(dir);
}

TEST_CASE("batch's usage errors exit 2", "[batch]") {
  CHECK(run_rapport({"batch"}).exit_code == 2);
  CHECK(run_rapport({"batch", "examples/batch/portfolio.jsonl", "--threads", "0"}).exit_code == 2);
  CHECK(run_rapport({"batch", "examples/batch/portfolio.jsonl", "-o", "examples/batch/portfolio.jsonl"}).exit_code == 2);
  const auto help = run_rapport({"batch", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--threads") != std::string::npos);
}

// ---------------------------------------------------------------- the progress bar

TEST_CASE("the progress bar shows on a terminal only, with the count and the rate", "[batch]") {
  const auto quiet = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules"});
  CHECK(quiet.err.empty());
  if (!rapport::test::can_run_on_terminal()) return;
  const fs::path dir = scratch_dir("batch-terminal");
  const std::string shown = rapport::test::run_rapport_on_terminal(
      {"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o", (dir / "out.jsonl").string()});
  CHECK(shown.find("profiles") != std::string::npos);
  CHECK(shown.find('%') != std::string::npos);
  CHECK(lines_of(slurp(dir / "out.jsonl")).size() == lines_of(portfolio()).size());
  fs::remove_all(dir);
}
