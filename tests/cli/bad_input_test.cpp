// What rapport promises when what it is given is wrong (docs/cli.md, "Guarantees for bad input"): an
// output never lands on an input; unreadable inputs and unwritable outputs exit 4 with the path, the
// system's reason and what to do; a file that is not UTF-8 text is one clear error, not a cascade.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_rapport.hpp"

namespace fs = std::filesystem;
using rapport::test::fixture;
using rapport::test::run_rapport;
using rapport::test::RunResult;
using rapport::test::scratch_dir;
using rapport::test::shell_quote;
using rapport::test::slurp;

namespace {

const std::string kSource = RAPPORT_SOURCE_DIR;
const std::string kRules = fixture("rules/alignment.rules");
const std::string kProfile = fixture("full.toml");
const std::string kResponses = kSource + "/examples/survey/northwind-responses.csv";
const std::string kMapping = kSource + "/examples/survey/northwind-survey.toml";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::string copy_of(const std::string& from, const fs::path& to) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  return to.string();
}

// The first bytes of a gzip file: what `rapport batch clients.jsonl.gz` would be given.
const std::string kGzip("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03\xCB\x48\xCD\xC9\xC9\x07\x00", 17);

// A JSON report of the fixture profile, for diff.
std::string json_report(const fs::path& dir, const std::string& name) {
  const std::string path = (dir / name).string();
  REQUIRE(run_rapport({"assess", kProfile, "-r", kRules, "-f", "json", "-o", path}).exit_code == 0);
  return path;
}

std::vector<std::string> entries_of(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// What no message may show: a C++ type, a library's internals, the raw text of a filesystem_error.
void check_plain_words(const RunResult& result) {
  INFO(result.err);
  for (const char* internal : {"std::", "filesystem error", "basic_string", "_M_", "what()", "terminate called",
                               "exception", "St9", "N7rapport"})
    CHECK_FALSE(contains(result.err, internal));
}

}  // namespace

// ---------------------------------------------------------------- an output never lands on an input

TEST_CASE("every subcommand that writes a file refuses -o naming any of its inputs: exit 2, the input kept",
          "[bad-input]") {
  const fs::path dir = scratch_dir("refuse-inputs");
  const fs::path rules_dir = dir / "rules";
  fs::create_directories(rules_dir);
  const std::string rule_file = copy_of(kRules, rules_dir / "alignment.rules");
  const std::string profile = copy_of(kProfile, dir / "client.toml");
  const std::string brand = copy_of(kSource + "/examples/branding/brand.toml", dir / "brand.toml");
  copy_of(kSource + "/examples/branding/brand-logo.svg", dir / "brand-logo.svg");
  const std::string csv = copy_of(kResponses, dir / "responses.csv");
  const std::string mapping = copy_of(kMapping, dir / "survey.toml");
  const std::string before = json_report(dir, "before.json");
  const std::string after = json_report(dir, "after.json");
  const fs::path profiles = dir / "profiles";
  fs::create_directories(profiles);
  const std::string in_dir = copy_of(kProfile, profiles / "a.toml");
  const std::string jsonl = write_file(dir / "clients.jsonl", R"({"company":{"name":"A"}})" "\n");
  fs::create_symlink(rule_file, dir / "link.rules");  // the same file by another name

  struct Case {
    std::vector<std::string> args;
    std::string input;  // the file -o names, which must be left as it was
  };
  const std::vector<Case> cases = {
      {{"assess", profile, "-r", rule_file, "-o", profile}, profile},
      {{"assess", profile, "-r", rules_dir.string(), "-o", rule_file}, rule_file},
      {{"assess", profile, "-r", rule_file, "--brand", brand, "-f", "html", "-o", brand}, brand},
      {{"explain", profile, "-r", rules_dir.string(), "-o", rule_file}, rule_file},
      {{"explain", profile, "-r", rule_file, "-f", "json", "-o", profile}, profile},
      {{"whatif", profile, "-r", rule_file, "--set", "it.satisfied=40%", "-o", (dir / "link.rules").string()},
       rule_file},
      {{"whatif", profile, "-r", rule_file, "--set", "it.satisfied=40%", "-o", profile}, profile},
      {{"diff", before, after, "-o", after}, after},
      {{"import", csv, "-s", mapping, "-o", csv}, csv},
      {{"import", csv, "-s", mapping, "-o", mapping}, mapping},
      {{"batch", jsonl, "-r", rule_file, "-o", jsonl}, jsonl},
      {{"batch", profiles.string(), "-r", rule_file, "-o", in_dir}, in_dir},
      {{"batch", jsonl, "-r", rules_dir.string(), "-o", rule_file}, rule_file},
      {{"batch", jsonl, "-r", rule_file, "-o", (dir / "out.jsonl").string(), "--summary", jsonl}, jsonl},
      {{"batch", jsonl, "-r", rule_file, "-o", (dir / "out.jsonl").string(), "--summary", rule_file}, rule_file},
  };
  for (const Case& c : cases) {
    const std::string kept = slurp(c.input);
    const auto result = run_rapport(c.args);
    INFO(c.args[0] << " ... " << c.args.back());
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "names an input file"));
    CHECK(contains(result.err, "help: give "));
    CHECK(slurp(c.input) == kept);
  }
  CHECK_FALSE(fs::exists(dir / "out.jsonl"));
  fs::remove_all(dir);
}

TEST_CASE("batch refuses -o and --summary naming the same file, and says to give each its own", "[bad-input]") {
  const fs::path dir = scratch_dir("refuse-same-output");
  const std::string out = (dir / "out.md").string();
  const auto result =
      run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o", out, "--summary", out});
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "error: --summary " + out + " is also the output of -o\nhelp: give each its own file"));
  CHECK(entries_of(dir).empty());
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- outputs that are not regular files

TEST_CASE("an output to /dev/null is written in place: exit 0, no temporary file in /dev, still a device",
          "[bad-input]") {
  const fs::path dir = scratch_dir("dev-null");
  const auto assessed = run_rapport({"assess", kProfile, "-r", kRules, "-o", "/dev/null"});
  INFO(assessed.err);
  CHECK(assessed.exit_code == 0);
  const std::string summary = (dir / "portfolio.md").string();
  const auto batch = run_rapport(
      {"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o", "/dev/null", "--summary", summary});
  INFO(batch.err);
  CHECK(batch.exit_code == 0);
  CHECK(batch.out.empty());
  CHECK(contains(slurp(summary), "# "));
  CHECK(fs::is_character_file("/dev/null"));
  for (const auto& name : entries_of("/dev")) CHECK_FALSE(name.starts_with(".null."));
  fs::remove_all(dir);
}

TEST_CASE("a FIFO named with -o receives the whole output, and nothing is left beside it", "[bad-input]") {
  const fs::path dir = scratch_dir("fifo-output");
  const fs::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const fs::path got = dir / "got";
  const std::string command = "cd " + shell_quote(kSource) + " && { cat " + shell_quote(fifo.string()) + " >" +
                              shell_quote(got.string()) + " & " + shell_quote(RAPPORT_BINARY) +
                              " batch examples/batch/portfolio.jsonl -r rules -o " + shell_quote(fifo.string()) +
                              " 2>/dev/null; code=$?; wait; exit $code; }";
  const int status = std::system(command.c_str());
  CHECK(WEXITSTATUS(status) == 0);
  const auto direct = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules"});
  CHECK(slurp(got) == direct.out);
  CHECK(entries_of(dir) == std::vector<std::string>{"got", "pipe"});
  fs::remove_all(dir);
}

TEST_CASE("a regular output file is replaced whole by a rename, never rewritten where it lies", "[bad-input]") {
  const fs::path dir = scratch_dir("rename-output");
  const std::string out = write_file(dir / "report.txt", "the old report\n");
  struct stat old_status {};
  REQUIRE(::stat(out.c_str(), &old_status) == 0);
  const auto result = run_rapport({"assess", kProfile, "-r", kRules, "-o", out});
  REQUIRE(result.exit_code == 0);
  struct stat new_status {};
  REQUIRE(::stat(out.c_str(), &new_status) == 0);
  CHECK(new_status.st_ino != old_status.st_ino);  // a new file, renamed over the old one
  CHECK(contains(slurp(out), "Fixture Full"));
  CHECK(entries_of(dir) == std::vector<std::string>{"report.txt"});
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- inputs that cannot be read

TEST_CASE("an input that cannot be read exits 4 with its path, the system's reason and what to do, "
          "for every subcommand",
          "[bad-input]") {
  const fs::path dir = scratch_dir("unreadable-inputs");
  const std::string file = write_file(dir / "plain.txt", "not a directory\n");
  const std::string through = file + "/x";  // a path through a file: "Not a directory", even for root
  const std::string before = json_report(dir, "before.json");
  const std::vector<std::vector<std::string>> cases = {
      {"assess", through, "-r", kRules},
      {"assess", kProfile, "-r", through},
      {"assess", kProfile, "-r", kRules, "--brand", through},
      {"explain", through, "-r", kRules},
      {"whatif", through, "-r", kRules, "--set", "it.satisfied=40%"},
      {"check", through},
      {"fmt", through},
      {"test", through},
      {"diff", before, through},
      {"import", through, "-s", kMapping},
      {"import", kResponses, "-s", through},
      {"batch", through, "-r", kRules},
  };
  for (const auto& args : cases) {
    const auto result = run_rapport(args);
    INFO(args[0]);
    INFO(result.err);
    CHECK(result.exit_code == 4);
    CHECK(contains(result.err, "cannot read " + through + ": Not a directory"));
    CHECK(contains(result.err, "help: check the path"));
    check_plain_words(result);
  }
  fs::remove_all(dir);
}

TEST_CASE("a file far larger than any input is refused unread, exit 4, with its size and what to do",
          "[bad-input]") {
  const fs::path dir = scratch_dir("huge-inputs");
  const fs::path huge = dir / "disk.img";
  { std::ofstream{huge}; }
  fs::resize_file(huge, std::uintmax_t{3} << 30);  // sparse: 3 GiB that take no room and would take seconds to read
  const std::string before = json_report(dir, "before.json");
  const std::vector<std::vector<std::string>> cases = {
      {"assess", huge.string(), "-r", kRules},
      {"assess", kProfile, "-r", huge.string()},
      {"check", huge.string()},
      {"diff", before, huge.string()},
      {"import", huge.string(), "-s", kMapping},
  };
  for (const auto& args : cases) {
    const auto result = run_rapport(args);
    INFO(args[0] << "\n" << result.err);
    CHECK(result.exit_code == 4);
    CHECK(contains(result.err, "cannot read " + huge.string() + ": it is 3 GiB, and no input of Rapport is larger than 256 MiB"));
    CHECK(contains(result.err, "help: check the path"));
    check_plain_words(result);
  }
  fs::remove_all(dir);
}

TEST_CASE("a directory given where a file is expected is said in plain words, with what to do", "[bad-input]") {
  const fs::path dir = scratch_dir("directory-as-file");
  for (const auto& args : std::vector<std::vector<std::string>>{{"assess", dir.string(), "-r", kRules},
                                                                {"diff", dir.string(), dir.string()},
                                                                {"import", kResponses, "-s", dir.string()}}) {
    const auto result = run_rapport(args);
    INFO(result.err);
    CHECK(result.exit_code == 4);
    CHECK(result.err == "error: cannot read " + dir.string() + ": Is a directory\nhelp: name a file, not a directory\n");
    check_plain_words(result);
  }
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- outputs that cannot be written

TEST_CASE("an output that cannot be written exits 4 before any work, with the path, the reason and what to do",
          "[bad-input]") {
  const fs::path dir = scratch_dir("unwritable-outputs");
  const std::string missing = (dir / "no-such-dir" / "out.txt").string();
  const std::string before = json_report(dir, "before.json");
  const std::vector<std::vector<std::string>> writers = {
      {"assess", kProfile, "-r", kRules},
      {"assess", kProfile, "-r", kRules, "-f", "pdf"},
      {"explain", kProfile, "-r", kRules},
      {"whatif", kProfile, "-r", kRules, "--set", "it.satisfied=40%"},
      {"diff", before, before},
      {"import", kResponses, "-s", kMapping},
      {"batch", "examples/batch/portfolio.jsonl", "-r", "rules"},
  };
  for (auto args : writers) {
    INFO(args[0]);
    args.insert(args.end(), {"-o", missing});
    const auto absent = run_rapport(args);
    INFO(absent.err);
    CHECK(absent.exit_code == 4);
    CHECK(contains(absent.err, "error: cannot write " + missing + ": No such file or directory\nhelp: the directory " +
                                   (dir / "no-such-dir").string() + " does not exist"));
    check_plain_words(absent);

    args.back() = dir.string();
    const auto directory = run_rapport(args);
    INFO(directory.err);
    CHECK(directory.exit_code == 4);
    CHECK(contains(directory.err, "error: cannot write " + dir.string() + ": Is a directory\nhelp: name a file"));
  }
  const auto summary = run_rapport({"batch", "examples/batch/portfolio.jsonl", "-r", "rules", "-o", "/dev/null",
                                    "--summary", missing});
  CHECK(summary.exit_code == 4);
  CHECK(contains(summary.err, "cannot write " + missing));
  CHECK(entries_of(dir) == std::vector<std::string>{"before.json"});
  fs::remove_all(dir);
}

TEST_CASE("a directory one may not write in is refused with the reason and what to do", "[bad-input]") {
  if (::geteuid() == 0) return;  // root may write anywhere
  const fs::path dir = scratch_dir("read-only-output");
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  const std::string out = (dir / "report.txt").string();
  const auto result = run_rapport({"assess", kProfile, "-r", kRules, "-o", out});
  fs::permissions(dir, fs::perms::owner_all);
  CHECK(result.exit_code == 4);
  CHECK(contains(result.err, "cannot write " + out + ": Permission denied\nhelp: you may not write in "));
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- encodings

TEST_CASE("a byte order mark and CRLF line ends are fine in rule files, profiles, test files, mappings and exports",
          "[bad-input]") {
  const fs::path dir = scratch_dir("bom-crlf");
  const auto windows = [&](const std::string& from, const std::string& name) {
    std::string text = "\xEF\xBB\xBF";
    for (const char c : slurp(from)) text += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return write_file(dir / name, text);
  };
  const std::string rules = windows(kRules, "alignment.rules");
  const std::string profile = windows(kProfile, "client.toml");
  const auto assessed = run_rapport({"assess", profile, "-r", rules, "-f", "json"});
  INFO(assessed.err);
  CHECK(assessed.exit_code == 0);
  CHECK(contains(assessed.out, "\"Fixture Full\""));
  CHECK(run_rapport({"check", rules}).exit_code == 0);
  CHECK(run_rapport({"fmt", "--check", rules}).exit_code != 3);

  const auto imported = run_rapport({"import", windows(kResponses, "responses.csv"), "-s",
                                     windows(kMapping, "survey.toml")});
  INFO(imported.err);
  CHECK(imported.exit_code == 0);
  CHECK(contains(imported.out, "[company]"));
  fs::remove_all(dir);
}

TEST_CASE("a byte that is not UTF-8 is one error at its line and column, saying to save the file as UTF-8",
          "[bad-input]") {
  const fs::path dir = scratch_dir("not-utf8");
  const std::string rules_text = slurp(kRules);
  const std::size_t at = rules_text.find("\"A study\"") + 1;  // line 4, column 10: the title's first letter
  std::string latin1 = rules_text;
  latin1.replace(at, 1, "\xC9");  // 'É' in Latin-1
  const std::string rules = write_file(dir / "latin1.rules", latin1);
  const std::string profile = write_file(dir / "client.toml", "[company]\nname = \"Caf\xE9 Central\"\n");
  const std::string mapping = write_file(dir / "survey.toml", slurp(kMapping) + "# caf\xE9\n");
  const std::string tests = write_file(dir / "a.test.toml", "# r\xE9sum\xE9\n");
  const std::string report = write_file(dir / "report.json", "{\"company\": \"Caf\xE9\"}\n");
  struct Case {
    std::vector<std::string> args;
    std::string place;
  };
  const std::vector<Case> cases = {
      {{"check", rules}, rules + ":4:10"},
      {{"fmt", rules}, rules + ":4:10"},
      {{"assess", profile, "-r", kRules}, profile + ":2:12"},
      {{"import", kResponses, "-s", mapping}, mapping},
      {{"test", tests, "-r", kRules}, tests + ":1:4"},
      {{"diff", report, report}, report + ":1:17"},
  };
  for (const Case& c : cases) {
    const auto result = run_rapport(c.args);
    INFO(result.err << result.out);
    CHECK(result.exit_code == 3);
    const std::string shown = result.err + result.out;
    CHECK(contains(shown, c.place));
    CHECK(contains(shown, ": error: not valid UTF-8: byte 0x"));
    CHECK(contains(shown, "help: save the file again in the UTF-8 encoding"));
    CHECK_FALSE(contains(shown, "expected"));  // no syntax errors after it
  }
  CHECK(slurp(rules) == latin1);  // fmt left it alone
  fs::remove_all(dir);
}

TEST_CASE("a binary file given as any input is one error at 1:1 that says what it looks like", "[bad-input]") {
  const fs::path dir = scratch_dir("not-text");
  const std::string gz = write_file(dir / "rules.gz", kGzip);
  const std::string gz_rules = write_file(dir / "packed.rules", kGzip);
  const std::string pdf = write_file(dir / "client.toml", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n");
  const std::string xlsx = write_file(dir / "responses.csv", std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "xl/");
  const std::string png = write_file(dir / "report.json", std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", 16));
  const std::string utf16 = write_file(dir / "survey.toml", std::string("\xFF\xFE[\0g\0r\0o\0u\0p\0]\0", 16));
  struct Case {
    std::vector<std::string> args;
    std::string heading;
  };
  const std::vector<Case> cases = {
      {{"check", gz}, gz + ":1:1: error: this is not a text file: it looks like a gzip archive"},
      {{"fmt", gz_rules}, gz_rules + ":1:1: error: this is not a text file: it looks like a gzip archive"},
      {{"assess", pdf, "-r", kRules}, pdf + ":1:1: error: this is not a text file: it looks like a PDF document"},
      {{"import", xlsx, "-s", kMapping}, xlsx + ":1:1: error: this is not a text file: it looks like a ZIP archive (an Excel workbook is one)"},
      {{"import", kResponses, "-s", utf16}, utf16 + ":1:1: error: this is not a text file: it looks like UTF-16 text"},
      {{"diff", png, png}, png + ":1:1: error: this is not a text file: it looks like a PNG image"},
  };
  for (const Case& c : cases) {
    const auto result = run_rapport(c.args);
    const std::string shown = result.err + result.out;
    INFO(shown);
    CHECK(result.exit_code == 3);
    CHECK(contains(shown, c.heading + "\nhelp: "));
    std::size_t errors = 0;
    for (std::size_t at = 0; (at = shown.find(": error: ", at)) != std::string::npos; ++at) ++errors;
    CHECK(errors == 1);  // one, not a cascade of syntax errors
  }
  CHECK(slurp(gz_rules) == kGzip);

  const auto batch = run_rapport({"batch", gz, "-r", kRules});
  CHECK(batch.exit_code == 3);
  CHECK(batch.out.empty());
  CHECK(contains(batch.err, "error: " + gz + " is not a text file: it looks like a gzip archive\nhelp: decompress it"));
  fs::remove_all(dir);
}

// ---------------------------------------------------------------- messages

TEST_CASE("errors say what to do next, on a help line of their own", "[bad-input]") {
  const auto missing = run_rapport({"assess", "no-such-client.toml", "-r", kRules});
  CHECK(missing.err ==
        "error: cannot read no-such-client.toml: No such file or directory\n"
        "help: check the path: there is no file of that name there\n");
  const auto pdf = run_rapport({"assess", kProfile, "-r", kRules, "-f", "pdf"});
  CHECK(pdf.exit_code == 2);
  CHECK(contains(pdf.err, "name it with -o"));
  const auto invalid = run_rapport({"assess", fixture("bad_profile.toml"), "-r", kRules});
  CHECK(invalid.exit_code == 3);
  CHECK(contains(invalid.err, "help: "));
  for (const auto* result : {&missing, &pdf, &invalid}) check_plain_words(*result);
}
