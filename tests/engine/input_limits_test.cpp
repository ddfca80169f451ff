// The size limits on what the engine reads besides rules: a TOML profile, a JSON Lines record and a survey
// export. Each is refused with one positioned error before it is parsed.
#include <catch2/catch.hpp>

#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"
#include "engine/csv.hpp"
#include "engine/profile.hpp"
#include "engine/profile_json.hpp"
#include "profile_fixture.hpp"

namespace {

using rapport::dsl::Diagnostic;
using rapport::dsl::Diagnostics;
using rapport::dsl::SourceFile;
namespace engine = rapport::engine;
namespace code = rapport::dsl::code;

std::string place(const Diagnostic& d) {
  return d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.col);
}

// `head`, then a comment that makes the whole exactly `size` bytes.
std::string padded_to(const std::string& head, std::size_t size) {
  std::string text = head + "#";
  text.resize(size - 1, 'x');
  return text + "\n";
}

}  // namespace

TEST_CASE("a TOML profile at the size limit is read, and one byte more is refused at 1:1", "[limits][profile]") {
  const std::string head = "[company]\nname = \"Northwind Retail\"\n";
  CHECK(engine::kMaxProfileBytes == 16u * 1024 * 1024);
  const SourceFile at("client.toml", padded_to(head, engine::kMaxProfileBytes));
  const auto read = engine::load_profile(at, engine::testing::profile_rules());
  CHECK(read.diagnostics.empty());
  CHECK(read.profile);

  const SourceFile over("client.toml", padded_to(head, engine::kMaxProfileBytes + 1));
  const auto refused = engine::load_profile(over, engine::testing::profile_rules());
  CHECK_FALSE(refused.profile);
  REQUIRE(refused.diagnostics.size() == 1);
  const Diagnostic& d = refused.diagnostics[0];
  CHECK(d.code == code::file_too_large);
  CHECK(place(d) == "client.toml:1:1");
  CHECK(d.message == "the profile is 16777217 bytes, more than the limit of 16777216 bytes");
  CHECK(d.help == "a profile is a few kilobytes of TOML: check that this is the client's profile (see docs/profile.md)");
}

TEST_CASE("a JSON Lines record at the length limit is read, and one byte more is refused at its line", "[limits][profile-json]") {
  CHECK(engine::kMaxJsonRecordBytes == 1024u * 1024);
  const std::string head = R"({"company": {"name": "Northwind Retail", "industry": ")";
  std::string record = head;
  record.resize(engine::kMaxJsonRecordBytes - 3, 'x');
  record += "\"}}";
  engine::JsonProfileReader reader(engine::testing::profile_rules());
  engine::Profile profile;
  Diagnostics errors;
  CHECK(reader.read(record, {"portfolio.jsonl", 42}, profile, errors));
  CHECK(errors.empty());

  record.insert(head.size(), "y");
  CHECK_FALSE(reader.read(record, {"portfolio.jsonl", 42}, profile, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == code::record_too_long);
  CHECK(place(errors[0]) == "portfolio.jsonl:42:1");
  CHECK(errors[0].message == "the record is 1048577 bytes, more than the limit of 1048576 bytes");
  CHECK(errors[0].help == "a profile is a few kilobytes: check that each record is one profile on a line of its own");
}

TEST_CASE("a huge JSON Lines record of nested arrays is refused by its length, not parsed", "[limits][profile-json]") {
  const std::string record = "{\"company\": " + std::string(8 * 1024 * 1024, '[');
  engine::JsonProfileReader reader(engine::testing::profile_rules());
  engine::Profile profile;
  Diagnostics errors;
  CHECK_FALSE(reader.read(record, {"portfolio.jsonl", 3}, profile, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "the record is 8 MiB, more than the limit of 1 MiB");
}

TEST_CASE("a survey export at the size limit is read, and one byte more is refused at 1:1", "[limits][csv]") {
  CHECK(engine::CsvOptions{}.max_bytes == 64u * 1024 * 1024);
  const std::string text = "group,answer\nIT,yes\nIT,no\n";
  engine::CsvOptions options;
  options.max_bytes = text.size();
  const auto at = engine::read_csv(SourceFile("export.csv", text), options);
  CHECK(at.diagnostics.empty());
  CHECK(at.records.size() == 3);
  const auto over = engine::read_csv(SourceFile("export.csv", text + "M,no\n"), options);
  REQUIRE(over.diagnostics.size() == 1);
  CHECK(over.diagnostics[0].code == code::file_too_large);
  CHECK(place(over.diagnostics[0]) == "export.csv:1:1");
  CHECK(over.diagnostics[0].message == "the survey export is 31 bytes, more than the limit of 26 bytes");
  CHECK(over.records.empty());
}

TEST_CASE("the default survey export limit refuses a larger file without reading a row", "[limits][csv]") {
  std::string text = "group,answer\n";
  text.resize(engine::kMaxCsvBytes + 1, '"');  // one quoted field that never closes, if it were read
  const auto refused = engine::read_csv(SourceFile("export.csv", std::move(text)));
  REQUIRE(refused.diagnostics.size() == 1);
  CHECK(refused.diagnostics[0].code == code::file_too_large);
  CHECK(refused.diagnostics[0].message == "the survey export is 67108865 bytes, more than the limit of 67108864 bytes");
}
